"""Documents per second of the extractor on one core, over the dev texts; with `--scaling`, how its time
grows with a text's length.

usage: python bench/extract_speed.py [--rounds N] [--scaling]

`--scaling` builds texts of 100 KB, 1 MB and 2 MB by repeating the dev texts one after another, times
`extract` on each (the best of a few runs, in CPU seconds) and prints the ratio of the 2 MB time to the
100 KB time: linear extraction gives about 20 (the target is at most 20x, issue 13); a part that
compares everything with everything shows as a ratio far above it.
Prints figures; it is not a test (shared machines are noisy).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from extraction import extract

DEV_TEXTS = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "dev" / "texts"
SCALING_SIZES = (100_000, 1_000_000, 2_000_000)  # characters


def documents_per_second(texts: list[str], rounds: int) -> None:
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


def long_text(texts: list[str], size: int) -> str:
    """The dev texts one after another, as often as needed, cut at `size` characters."""
    corpus = "\n\n".join(texts)
    return ("\n\n".join([corpus] * (size // len(corpus) + 1)))[:size]


def seconds_for(text: str, runs: int) -> float:
    """The best CPU time of `runs` extractions of `text` (the least disturbed by other processes)."""
    best = float("inf")
    for _ in range(runs):
        started = time.process_time()
        extract(text)
        best = min(best, time.process_time() - started)
    return best


def scaling(texts: list[str]) -> None:
    seconds = {}
    for size in SCALING_SIZES:
        seconds[size] = seconds_for(long_text(texts, size), runs=5 if size <= 100_000 else 2)
        print(
            f"{size / 1000:>6.0f} KB: {seconds[size]:.2f} s of CPU, {size / seconds[size] / 1000:.0f} k characters/s"
        )
    smallest, largest = SCALING_SIZES[0], SCALING_SIZES[-1]
    print(
        f"{largest // 1000} KB takes {seconds[largest] / seconds[smallest]:.1f}x the time of {smallest // 1000} KB "
        f"({largest // smallest}x the text; target at most 20x)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--scaling", action="store_true", help="time 100 KB, 1 MB and 2 MB texts instead")
    arguments = parser.parse_args()
    texts = [path.read_text(encoding="utf-8") for path in sorted(DEV_TEXTS.glob("*.txt"))]
    extract(texts[0])  # warm-up: regex compilation happens at import, caches fill here
    if arguments.scaling:
        scaling(texts)
    else:
        documents_per_second(texts, arguments.rounds)


if __name__ == "__main__":
    main()
