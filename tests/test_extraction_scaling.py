"""Extraction grows linearly with a text's length (issue 13): checked by a count that does not depend on
the machine's speed.

Timing a 2 MB text is a benchmark (`python bench/extract_speed.py --scaling`), not a test: shared
machines are noisy. What a test can hold is the number of Python calls and returns `extract` makes,
which is the same on every run for the same text. A step that compares every name, mention or amount
with every other one makes it grow with the square of the length; a linear extractor makes it grow at
most as the text (less, as caches fill). The text is the written dev set's articles one after another.
"""

from __future__ import annotations

import sys
from types import FrameType
from typing import Any

from extraction import extract
from tests.conftest import ROOT

WRITTEN_TEXTS = ROOT / "bench" / "written_dev" / "texts"
SMALL, LARGE = 12_500, 100_000  # characters
# 8x the text may make at most 10x the calls (before issue 13's fix: 14x, and 70x without line breaks)
ALLOWED_GROWTH = 1.25 * LARGE / SMALL


def _long_text(size: int) -> str:
    articles = "\n\n".join(path.read_text(encoding="utf-8") for path in sorted(WRITTEN_TEXTS.glob("*.txt")))
    return ("\n\n".join([articles] * (size // len(articles) + 1)))[:size]


def _calls(text: str) -> int:
    """How many profiler events (calls and returns, of Python and built-in functions) `extract` makes."""
    events = 0

    def count(frame: FrameType, event: str, arg: Any) -> None:
        nonlocal events
        events += 1

    sys.setprofile(count)
    try:
        extract(text)
    finally:
        sys.setprofile(None)
    return events


def test_calls_grow_no_faster_than_the_text() -> None:
    extract(_long_text(5_000))  # warm-up: caches of words and rules
    small, large = _calls(_long_text(SMALL)), _calls(_long_text(LARGE))
    assert large <= ALLOWED_GROWTH * small, f"{LARGE // SMALL}x the text made {large / small:.1f}x the calls"


def test_calls_grow_no_faster_than_a_text_without_line_breaks() -> None:
    """A flattened PDF has no line breaks: whatever reads a name's line must still read a bounded window."""
    small = _calls(_long_text(SMALL).replace("\n", " "))
    large = _calls(_long_text(LARGE).replace("\n", " "))
    assert large <= ALLOWED_GROWTH * small, f"{LARGE // SMALL}x the text made {large / small:.1f}x the calls"
