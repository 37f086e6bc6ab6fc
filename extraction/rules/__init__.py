"""The extractor's knowledge, kept as data: word lists, cues, titles, keywords and the gazetteer.

Each `*.toml` file here belongs to one step and says in its comments what each list is for; the
step modules load a file once (`load`) and compile its lists into regexes. To teach the extractor
a new cue word, title or country, edit the TOML file, not the code.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Any


@cache
def load(name: str) -> dict[str, Any]:
    """The rules file `extraction/rules/<name>.toml`, parsed (once per process)."""
    return tomllib.loads(resources.files(__package__).joinpath(f"{name}.toml").read_text(encoding="utf-8"))
