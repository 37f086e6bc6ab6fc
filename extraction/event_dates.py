"""The dates an event is read from: "Chiều 3/11", "ngày 5 tháng 12 năm 2019", "hôm nay", "sáng nay (06/3)".

A date counts for an activity only when the words before it do not make it a document's, a
birth's, a founding's, a deadline's or an anniversary's ("Chỉ thị số 04 ngày 6/7/2011", "trước
ngày 15/12"), when it is not the page's own date line, and when it does not open a reporting
period ("từ ngày 1/1 đến ngày 30/6"). A day and month are resolved against the publication
date (extraction/dates.py); the word lists are in extraction/rules/events.toml, [dates].
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from extraction.dates import (
    RELATIVE_DAYS,
    WEEKDAY,
    likely_year,
    make_date,
    resolve_day_month,
    resolve_relative,
)
from extraction.rules import alternation, load
from extraction.text import Document, Sentence

_RULES = load("events")


PART_OF_DAY = r"(?:sáng|chiều|tối|trưa|đêm|khuya)"
_DAY_CUE = (
    rf"(?:(?:vào\s+)?(?:{PART_OF_DAY}\s+(?:{WEEKDAY}\s*,?\s*)?(?:ngày\s+|hôm\s+)?|{WEEKDAY}\s*(?:,\s*|\(\s*)?"
    rf"(?:ngày\s+)?|ngày\s+|hôm\s+)|vào\s+|(?:trong|suốt)\s+(?:\d+|hai|ba|bốn|năm)\s+ngày\s*(?:\(\s*)?|từ\s+(?:ngày\s+)?"
    # "Vừa qua (ngày 15/11)", "Mới đây (15/11)": a recent day given in brackets
    r"|(?:vừa\s+qua|mới\s+đây|gần\s+đây|tuần\s+qua|cuối\s+tuần\s+qua)\s*\(\s*(?:ngày\s+)?)"
    r"(?:mùng\s+|mồng\s+)?"
)
# More days of the same month ("5-6/12", "5 và 6 tháng 12"): the last one is the event's last day.
_MORE_DAYS = r"(?:\s*(?:-|–|và|,|đến|tới)\s*(?:ngày\s+)?(?P<last>\d{1,2}))*"
_NUMERIC = re.compile(
    rf"(?<![\w/.])(?P<cue>{_DAY_CUE})(?P<day>\d{{1,2}}){_MORE_DAYS}\s*[/.\-]\s*(?P<month>\d{{1,2}})"
    rf"(?:\s*[/.\-]\s*(?P<year>(?:19|20)\d\d))?(?![\d/])",
    re.IGNORECASE,
)
_SPELLED = re.compile(
    rf"(?<![\w/.])(?P<cue>{_DAY_CUE})(?P<day>\d{{1,2}}){_MORE_DAYS}\s+tháng\s+(?P<month>\d{{1,2}})"
    rf"(?:\s*,?\s*năm\s+(?P<year>(?:19|20)\d\d))?(?!\d)",
    re.IGNORECASE,
)
_RELATIVE_DAY = re.compile(
    r"(?<!\w)(" + "|".join(sorted(RELATIVE_DAYS, key=len, reverse=True)) + r")(?!\w)"
    r"(?:\s*(?P<open>\(|,)?\s*(?:ngày\s+)?(?P<day>\d{1,2})\s*[/.\-]\s*(?P<month>\d{1,2})"
    r"(?:\s*[/.\-]\s*(?P<year>\d{4}))?(?(open)\)?|)(?![\d/]))?",
    re.IGNORECASE,
)
# Just before a date: it belongs to a document, a birth, a founding, a deadline, an anniversary.
_NOT_EVENT_BEFORE = re.compile(
    r"(?:(?<![\w])(?:số|Số)\s*\d+[\w/.\-–]*\s*,?\s*|[A-ZĐ]{2,}[\w]*(?:/[\w\-]+)+\s*,?\s*"
    rf"|(?<!\w)(?i:{alternation(_RULES['documents']['kinds'])})\s+(?:số\s*)?\d+[\w/.\-–]*\s*,?\s*"
    # "Quyết định số 2345/QĐ-UBND của UBND tỉnh ngày ...": a coded number, then its issuer
    rf"|\d+\s*[/-]\s*[A-ZĐ][\w/.\-–]*\s+(?:của|do)\s+[^\d,;.()]{{2,50}}?\s+(?:(?:ban hành|ký)\s+)?"
    rf"|(?<!\w)(?i:{alternation(_RULES['dates']['not_event_before'])})\s*(?:\d+\s+năm\s+)?)$"
)
_TIMESTAMP = re.compile(r"\s*[,|-]?\s*(?:lúc\s*)?(?:\d{1,2}[:h]\d{2}|GMT)", re.IGNORECASE)
_POSTED = re.compile(rf"(?i:{alternation(_RULES['dates']['posted'])})\s*:?\s*$")
_CAPTION = re.compile(r"\s*(?i:ảnh|photo)(?!\w)")
_FUTURE = re.compile(rf"(?<!\w)(?i:{alternation(_RULES['dates']['future'])})(?!\w)")


@dataclass(frozen=True)
class Dated:
    when: date
    start: int
    end: int
    part_of_day: str | None
    last_day: date | None = None  # the last day of a multi-day activity ("5-6/12", "từ 5/12 đến 7/12")
    by_publication: bool = False  # counted from the publication date ("hôm qua", "sáng nay")


_MAY_HOLD_DATE = re.compile(r"\d|(?i:nay|qua|mai)(?!\w)")


def dates_in(doc: Document, sentence: Sentence) -> list[Dated]:
    text = doc.text
    found: list[Dated] = []
    if not _MAY_HOLD_DATE.search(text, sentence.start, sentence.end):
        return found
    for pattern in (_NUMERIC, _SPELLED):
        for match in pattern.finditer(text, sentence.start, sentence.end):
            if _not_an_event_date(text, sentence, match):
                continue
            day, month = int(match.group("day")), int(match.group("month"))
            year = int(match.group("year")) if match.group("year") else None
            when = _resolve(doc, sentence, day, month, year)
            if when and _is_a_period(text, match.end(), when):
                continue  # "từ ngày 1/1 đến ngày 30/6": a reporting period, not an activity
            if when:
                cue = match.group("cue").strip().lower()
                part = re.match(PART_OF_DAY, cue)
                last = _last_day(text, match, when)
                found.append(Dated(when, match.start(), match.end(), part.group(0) if part else None, last))
    for match in _RELATIVE_DAY.finditer(text, sentence.start, sentence.end):
        if _in_quotes(text, sentence, match.start()):
            continue  # "hôm nay" in a speech is the speaker's day, not surely the article's
        when = None
        written_day = bool(match.group("day"))
        if written_day:
            year = int(match.group("year")) if match.group("year") else None
            when = _resolve(doc, sentence, int(match.group("day")), int(match.group("month")), year)
            relative = resolve_relative(match.group(1), doc.published_on)
            if match.group("open") != "(" and when and relative and abs((when - relative).days) > 2:
                when, written_day = relative, False  # "Chiều qua, 4-5 đoàn khách ...": a count, not the day
        elif doc.published_on:
            when = resolve_relative(match.group(1), doc.published_on)
        if when:
            word = match.group(1).lower().split()[0]
            part_of_day = word if word != "hôm" else None
            end = match.end() if written_day else match.end(1)
            found.append(Dated(when, match.start(), end, part_of_day, by_publication=not written_day))
    return sorted(found, key=lambda dated: dated.start)


_RANGE_END = re.compile(
    r"\s*(?:-|–|đến|tới)\s*(?:ngày\s*)?(\d{1,2})\s*[/.\-]\s*(\d{1,2})(?:\s*[/.\-]\s*((?:19|20)\d\d))?(?!\d)",
    re.IGNORECASE,
)


def _last_day(text: str, match: re.Match[str], first: date) -> date | None:
    """The last day of an activity written as days of one month ("5-6/12") or as a short range
    ("từ 5/12 đến 7/12"); None for a single day."""
    if match.group("last"):
        last = make_date(int(match.group("last")), first.month, first.year)
        return last if last and last > first else None
    return _range_end(text, match.end(), first)


def _range_end(text: str, end: int, first: date) -> date | None:
    """The date closing a range that opens at `end` ("- 7/12", "đến ngày 7/12"), if any."""
    match = _RANGE_END.match(text, end)
    if not match:
        return None
    year = int(match.group(3)) if match.group(3) else first.year
    last = make_date(int(match.group(1)), int(match.group(2)), year)
    if last and last < first:
        last = make_date(last.day, last.month, year + 1)
    return last if last and last > first else None


def _is_a_period(text: str, end: int, first: date) -> bool:
    """Whether the date opens a range longer than an activity lasts (over ten days)."""
    last = _range_end(text, end, first)
    return bool(last and (last - first).days > 10)


def _not_an_event_date(text: str, sentence: Sentence, match: re.Match[str]) -> bool:
    before = text[max(sentence.start, match.start() - 60) : match.start()]
    if _NOT_EVENT_BEFORE.search(before):
        return True
    if re.match(r"\s*[-–]\s*\d{1,2}\s*/", text[match.end() : match.end() + 8]):
        return True  # "(17/11/1950 - 17/11/2022)"
    if _TIMESTAMP.match(text, match.end()) or _POSTED.search(before):
        return True  # a page's own date line: "Thứ năm, 30/06/2022, 09:33", "Ngày đăng: 08/07/2023"
    if re.search(r"(?i:đến|tới)\s*(?:ngày\s*)?$", before) and re.search(r"\d", before[-25:]):
        return True  # the end of a range "từ 28/2 đến 2/3"
    return _in_brackets(text, sentence, match.start())


def _in_brackets(text: str, sentence: Sentence, at: int) -> bool:
    """Dates in brackets name a holiday or a span of years ("Ngày Thương binh - Liệt sĩ (27/7)").

    Not a photo's caption ("(Ảnh chụp chiều 4/12)"): that dates what the photo shows.
    """
    opened = text.rfind("(", sentence.start, at)
    if opened <= text.rfind(")", sentence.start, at):
        return False
    if _CAPTION.match(text, opened + 1):
        return False
    return not re.search(rf"(?i:{WEEKDAY})\s*$", text[sentence.start : opened])  # "thứ Hai (5/6)"


def _in_quotes(text: str, sentence: Sentence, at: int) -> bool:
    before = text[sentence.start : at]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def _resolve(doc: Document, sentence: Sentence, day: int, month: int, year: int | None) -> date | None:
    """A day and month as a date: the year written, else the one the publication date makes certain."""
    if year:
        return make_date(day, month, year)
    published = doc.published_on
    if published is None:
        year = likely_year(doc.text[sentence.start : sentence.end]) or likely_year(doc.text)
        return make_date(day, month, year) if year else None
    ahead = 180 if _FUTURE.search(doc.text, sentence.start, sentence.end) else 7
    return resolve_day_month(day, month, published, ahead)
