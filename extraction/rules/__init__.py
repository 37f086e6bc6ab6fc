"""The extractor's knowledge, kept as data: word lists, cues, titles, keywords and the gazetteer.

Each `*.toml` file here belongs to one step and says in its comments what each list is for; the
step modules load a file once (`load`) and compile its lists into regexes. To teach the extractor
a new cue word, title or country, edit the TOML file, not the code.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from importlib import resources
from typing import Any


@cache
def load(name: str) -> dict[str, Any]:
    """The rules file `extraction/rules/<name>.toml`, parsed (once per process)."""
    return tomllib.loads(resources.files(__package__).joinpath(f"{name}.toml").read_text(encoding="utf-8"))


def alternation(
    words: list[str],
    unless_after: dict[str, list[str]] | None = None,
    unless_before: dict[str, list[str]] | None = None,
) -> str:
    """A regex alternation of `words` as written, in their order.

    `unless_after` and `unless_before` name, for some words, the neighbours that make them something
    else ("các tổ chức" are organisations, "dự khuyết" is part of a title).
    """
    parts = []
    for word in words:
        part = re.escape(word)
        for before in (unless_after or {}).get(word, ()):
            part = f"(?<!{re.escape(before)} ){part}"
        for after in (unless_before or {}).get(word, ()):
            part = f"{part}(?! {re.escape(after)})"
        parts.append(part)
    return "|".join(parts)
