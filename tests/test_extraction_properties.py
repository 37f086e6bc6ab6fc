"""The parsers never raise on arbitrary text (hypothesis)."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from extraction import extract
from extraction.dates import find_publication_date, full_date_at, likely_year, resolve_day_month
from extraction.money import find_amounts
from extraction.records import Amount, CountryMention, Directive, Event, Person
from extraction.text import prepare

# Vietnamese letters, digits and the punctuation the parsers react to
ALPHABET = st.sampled_from(
    list('0123456789/.,-–: ()\n"')
    + list("aăâđeêioôơuưyàáảãạấầẩẫậếềểễệốồổỗộớờởỡợứừửữựỳýỷỹỵ")
    + list("ACĐKNQTVHỶ")
    + [
        "tỷ ",
        "triệu ",
        "đồng",
        "USD",
        "ngày ",
        "số ",
        "Chỉ thị ",
        "-CT/TW",
        "tháng ",
        "năm ",
        "Ông ",
        "Chủ tịch ",
        "Nguyễn ",
        "Sáng ",
        "hôm nay",
    ]
)
TEXT = st.lists(ALPHABET, max_size=60).map("".join)


@settings(max_examples=150, deadline=None)
@given(TEXT)
def test_amount_parser_never_raises(text: str) -> None:
    for aid in (False, True):  # alone, and in a sentence about aid (a scale word alone is money there)
        for amount in find_amounts(prepare(("Hỗ trợ kinh phí " if aid else "") + text)):
            assert amount.value > 0 and (amount.value_max is None or amount.value_max >= 0)


@settings(max_examples=150, deadline=None)
@given(TEXT, st.integers(-5, 40), st.integers(-5, 15), st.one_of(st.none(), st.dates()))
def test_date_parsers_never_raise(text: str, day: int, month: int, published_on: date | None) -> None:
    for position in range(len(text)):
        full_date_at(text, position)
    find_publication_date(text)
    likely_year(text)
    if published_on is not None:
        resolve_day_month(day, month, published_on, 180)


@settings(max_examples=100, deadline=None)
@given(TEXT, st.one_of(st.none(), st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 1, 1))))
def test_whole_extraction_never_raises_and_evidence_is_in_bounds(
    text: str, published_on: date | None
) -> None:
    result = extract(text, published_on)
    records: list[Directive | Person | Amount | Event | CountryMention] = [
        *result.directives,
        *result.people,
        *result.amounts,
        *result.events,
        *result.countries,
    ]
    for record in records:
        assert 0 <= record.evidence.start <= record.evidence.end <= len(result.text)
