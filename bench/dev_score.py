"""Score the extractor on the dev set, with and without publication dates.

usage: python bench/dev_score.py [--json]
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

from extraction import extract

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "eval" / "dev"
SCORER = ROOT.parent / "shared" / "eval" / "score.py"


def predictions(with_dates: bool) -> str:
    lines = []
    for path in sorted((DEV / "texts").glob("*.txt")):
        gold = json.loads((DEV / "gold" / f"{path.stem}.json").read_text(encoding="utf-8"))
        published = date.fromisoformat(gold["published_on"]) if with_dates and gold["published_on"] else None
        record = extract(path.read_text(encoding="utf-8"), published).to_schema(path.stem)
        lines.append(json.dumps(record, ensure_ascii=False))
    return "\n".join(lines) + "\n"


def main() -> None:
    for with_dates in (False, True):
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as handle:
            handle.write(predictions(with_dates))
        print(f"--- publication dates {'passed' if with_dates else 'not passed'}")
        args = [sys.executable, str(SCORER), str(DEV / "gold"), handle.name, *sys.argv[1:]]
        print(subprocess.run(args, capture_output=True, text=True, check=True).stdout)


if __name__ == "__main__":
    main()
