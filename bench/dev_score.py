"""Score the extractor on a dev set, with and without publication dates.

usage: python bench/dev_score.py [--set seeds|written] [--json]

`--set seeds` (the default) is the annotated dev set beside the seeds, ../shared/eval/dev: real
articles from the portals. `--set written` is bench/written_dev: articles written and annotated for
this project in other portals' styles (bench/written_dev/README.md). Both are scored by the shared
scorer ../shared/eval/score.py, one gold file per text.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

from extraction import extract

ROOT = Path(__file__).resolve().parent.parent
DEV_SETS = {
    "seeds": ROOT.parent / "shared" / "eval" / "dev",
    "written": ROOT / "bench" / "written_dev",
}
SCORER = ROOT.parent / "shared" / "eval" / "score.py"


def predictions(dev: Path, with_dates: bool) -> str:
    """One JSON line per text of `dev`, passing its gold publication date when `with_dates`."""
    lines = []
    for path in sorted((dev / "texts").glob("*.txt")):
        gold = json.loads((dev / "gold" / f"{path.stem}.json").read_text(encoding="utf-8"))
        published = date.fromisoformat(gold["published_on"]) if with_dates and gold["published_on"] else None
        record = extract(path.read_text(encoding="utf-8"), published).to_schema(path.stem)
        lines.append(json.dumps(record, ensure_ascii=False))
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=sorted(DEV_SETS), default="seeds", dest="dev_set")
    args, scorer_args = parser.parse_known_args()  # --json goes on to the scorer
    dev = DEV_SETS[args.dev_set]
    for with_dates in (False, True):
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as handle:
            handle.write(predictions(dev, with_dates))
        print(f"--- {args.dev_set}: publication dates {'passed' if with_dates else 'not passed'}")
        command = [sys.executable, str(SCORER), str(dev / "gold"), handle.name, *scorer_args]
        print(subprocess.run(command, capture_output=True, text=True, check=True).stdout)


if __name__ == "__main__":
    main()
