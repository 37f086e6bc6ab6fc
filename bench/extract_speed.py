"""Documents per second of the extractor on one core, over the dev texts.

usage: python bench/extract_speed.py [--rounds N]
Prints a figure; it is not a test (shared machines are noisy).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from extraction import extract

DEV_TEXTS = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "dev" / "texts"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=20)
    rounds = parser.parse_args().rounds
    texts = [path.read_text(encoding="utf-8") for path in sorted(DEV_TEXTS.glob("*.txt"))]
    extract(texts[0])  # warm-up: regex compilation happens at import, caches fill here
    started = time.process_time()
    for _ in range(rounds):
        for text in texts:
            extract(text)
    elapsed = time.process_time() - started
    documents = rounds * len(texts)
    characters = rounds * sum(map(len, texts))
    print(
        f"{documents} documents in {elapsed:.2f} s of CPU: {documents / elapsed:.0f} documents/s, "
        f"{characters / elapsed / 1000:.0f} k characters/s"
    )


if __name__ == "__main__":
    main()
