"""The written dev set (bench/written_dev): every gold file follows ../shared/eval/SCHEMA.md and pairs
with exactly one text, so `bench/dev_score.py --set written` scores what it claims to.

The articles were written and annotated for this project (issue 16); nothing here is copied from a
portal. The checks are the schema's own field rules, written out below.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest

WRITTEN = Path(__file__).resolve().parent.parent / "bench" / "written_dev"
TEXTS = WRITTEN / "texts"
GOLD = WRITTEN / "gold"

# The schema's closed vocabularies.
DIRECTIVE_TYPES = {
    "chi_thi", "nghi_quyet", "ket_luan", "ke_hoach", "cong_van", "chuong_trinh", "quyet_dinh",
    "thong_bao", "huong_dan", "nghi_dinh", "thong_tu", "luat", "other",
}  # fmt: skip
EVENT_TYPES = {"visit", "conference", "seminar", "reception", "ceremony", "exchange", "congress", "other"}
HONORIFICS = {None, "Ông", "Bà", "Ngài", "Đồng chí"}
QUALIFIERS = {"over", "about", "under", "exact"}
TOP_LEVEL = {"doc_id", "published_on", "directives", "people", "amounts", "events", "countries"}
ISO_CODE = re.compile(r"^[A-Z]{2}$")
# the prefixes of the three helpers who wrote the set (people, events, aid), seven articles each
PREFIXES = ("w_people_", "w_events_", "w_aid_")


def _iso_date(value: Any) -> bool:
    try:
        return isinstance(value, str) and date.fromisoformat(value).isoformat() == value
    except ValueError:
        return False


def schema_problems(gold: dict[str, Any], doc_id: str) -> list[str]:
    """What in one gold file breaks SCHEMA.md (empty when nothing does)."""
    problems = []
    if set(gold) != TOP_LEVEL:
        problems.append(f"top-level keys {sorted(gold)}")
    if gold.get("doc_id") != doc_id:
        problems.append(f"doc_id {gold.get('doc_id')!r} is not the file's name")
    if gold.get("published_on") is not None and not _iso_date(gold["published_on"]):
        problems.append(f"published_on {gold['published_on']!r}")
    for directive in gold.get("directives", []):
        if directive.get("type") not in DIRECTIVE_TYPES:
            problems.append(f"directive type {directive.get('type')!r}")
        number = directive.get("number")
        if not (isinstance(number, str) and number.isdigit() and not number.startswith("0")):
            problems.append(f"directive number {number!r}")
        code = directive.get("code")
        if code is not None and (code != code.upper() or " " in code):
            problems.append(f"directive code {code!r}")
        if directive.get("issued_on") is not None and not _iso_date(directive["issued_on"]):
            problems.append(f"directive issued_on {directive['issued_on']!r}")
    names = [person.get("name") for person in gold.get("people", [])]
    if len(names) != len(set(names)):
        problems.append("a person listed twice")
    for person in gold.get("people", []):
        if not isinstance(person.get("name"), str) or not person["name"].strip():
            problems.append(f"person name {person.get('name')!r}")
        if person.get("honorific") not in HONORIFICS:
            problems.append(f"honorific {person.get('honorific')!r}")
        if not isinstance(person.get("titles"), list):
            problems.append(f"titles of {person.get('name')!r}")
        if person.get("country") is not None and not ISO_CODE.match(person["country"]):
            problems.append(f"person country {person.get('country')!r}")
    for amount in gold.get("amounts", []):
        if not isinstance(amount.get("value"), int | float) or amount.get("kind") not in {"aid", "other"}:
            problems.append(f"amount {amount}")
        if amount.get("qualifier") not in QUALIFIERS or not ISO_CODE.match(amount.get("currency", "")[:2]):
            problems.append(f"amount {amount}")
    for event in gold.get("events", []):
        if event.get("type") not in EVENT_TYPES or not _iso_date(event.get("date")):
            problems.append(f"event {event}")
        if not isinstance(event.get("title"), str):
            problems.append(f"event title {event}")
    countries = gold.get("countries", [])
    if len(countries) != len(set(countries)) or not all(ISO_CODE.match(code) for code in countries):
        problems.append(f"countries {countries}")
    if "VN" in countries:
        problems.append("VN among foreign countries")
    return problems


def test_every_gold_file_pairs_with_one_text_and_the_set_is_written_by_all_three() -> None:
    texts = {path.stem for path in TEXTS.glob("*.txt")}
    golds = {path.stem for path in GOLD.glob("*.json")}
    assert texts == golds, f"texts without gold: {texts - golds}; gold without text: {golds - texts}"
    assert len(texts) >= 21
    for prefix in PREFIXES:
        assert sum(stem.startswith(prefix) for stem in texts) >= 7, prefix


@pytest.mark.parametrize("path", sorted(GOLD.glob("*.json")), ids=lambda path: path.stem)
def test_gold_follows_the_schema(path: Path) -> None:
    gold = json.loads(path.read_text(encoding="utf-8"))
    assert schema_problems(gold, path.stem) == []


@pytest.mark.parametrize("path", sorted(TEXTS.glob("*.txt")), ids=lambda path: path.stem)
def test_text_is_an_article_of_the_written_size(path: Path) -> None:
    """A title line, then the body: 150-600 words (the brief's size for a written article)."""
    text = path.read_text(encoding="utf-8")
    assert text.strip().splitlines()[0].strip(), "the first line is the title"
    assert 150 <= len(text.split()) <= 600, len(text.split())


def test_the_checks_catch_a_broken_gold_file() -> None:
    """The validator is not a rubber stamp: each kind of mistake is reported."""
    broken = {
        "doc_id": "other",
        "published_on": "2023-13-01",
        "directives": [{"type": "cv", "number": "012", "code": "kh-ubnd", "issued_on": None}],
        "people": [{"name": "A", "honorific": "Mr", "titles": [], "country": "Vietnam"}],
        "amounts": [{"value": "5", "currency": "VND", "kind": "aid", "qualifier": "exact"}],
        "events": [{"type": "meeting", "date": "2023-01-01", "title": "x"}],
        "countries": ["VN", "LA", "LA"],
    }
    assert len(schema_problems(broken, "w_events_01")) >= 9
