"""Dates in Vietnamese text: numeric and spelled-out forms, and day/month
mentions resolved against the publication date.

Parsers here never raise on odd input: they return None.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

_SEP = r"\s*[/.\-]\s*"
# 05/01/2022, 6-7-2011, 10.03.2020 (day first, as Vietnamese writes dates)
FULL_DATE = re.compile(rf"(?<!\d)(\d{{1,2}}){_SEP}(\d{{1,2}}){_SEP}((?:19|20)\d\d)(?!\d)")
# ngày 06 tháng 01 năm 2023
SPELLED_DATE = re.compile(
    r"(?<!\w)(?:ngày\s+)?(\d{1,2})\s+tháng\s+(\d{1,2})\s*(?:,\s*)?năm\s+((?:19|20)\d\d)(?!\d)", re.IGNORECASE
)
# 3/11, 29/6, 17-1 (no year)
DAY_MONTH = re.compile(r"(?<![\d/.\-])(\d{1,2})\s*[/\-]\s*(\d{1,2})(?![\d]|\s*[/\-]\s*\d|\.\d)")
YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")

_WEEKDAYS = r"(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy|2|3|4|5|6|7)|chủ\s+nhật)"
_DATE_LINE_NOISE = re.compile(
    rf"{_WEEKDAYS}|gmt\s*\+\s*\d+|\b(?:am|pm|sa|ch)\b|cập nhật(?: lúc)?|ngày đăng|đăng lúc|ngày|lúc|giờ"
    r"|\d{1,2}:\d{2}(?::\d{2})?|[|,:()\-–./]",
    re.IGNORECASE,
)


def make_date(day: int, month: int, year: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def parse_date(text: str) -> date | None:
    """The first full date in `text` ("05/01/2022", "ngày 06 tháng 01 năm 2023"), or None."""
    candidates = []
    for pattern in (FULL_DATE, SPELLED_DATE):
        match = pattern.search(text)
        if match:
            parsed = make_date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
            if parsed:
                candidates.append((match.start(), parsed))
    return min(candidates)[1] if candidates else None


def find_publication_date(text: str) -> date | None:
    """The date of a page's date line ("07:05 | 04/11/2020 GMT+7") or a letter's dateline.

    Only the first lines are read: a date deep in the body is an event's, not the page's.
    """
    lines = [line.strip() for line in text[:1500].split("\n") if line.strip()]
    for line in lines[:5]:
        if len(line) > 80:
            continue
        iso = re.fullmatch(r"((?:19|20)\d\d)-(\d{2})-(\d{2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?", line)
        if iso:  # "2023-09-12 08:15"
            return make_date(int(iso.group(3)), int(iso.group(2)), int(iso.group(1)))
        match = FULL_DATE.search(line)
        if not match:
            continue
        rest = _DATE_LINE_NOISE.sub(" ", FULL_DATE.sub(" ", line))
        if sum(ch.isalpha() for ch in rest) <= 3:
            return make_date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    # an official letter: "Cần Thơ, ngày 06 tháng 01 năm 2023"
    for line in lines[:15]:
        match = re.search(r"^[^\d,|]{2,30},\s*ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", line)
        if match:
            return make_date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    return None


def resolve_day_month(
    day: int, month: int, published_on: date | None, year_hint: int | None = None
) -> date | None:
    """The date a day/month mention means in an article.

    With a publication date: the latest such date not long after it (an
    article reports what happened, or announces what comes within weeks).
    Without one, `year_hint` (a year the text makes likely) is used, if any.
    """
    if published_on is None:
        return make_date(day, month, year_hint) if year_hint else None
    candidate = make_date(day, month, published_on.year)
    if candidate is None:
        return make_date(day, month, published_on.year - 1)
    if candidate > published_on + timedelta(days=60):
        return make_date(day, month, published_on.year - 1)
    return candidate


_RELATIVE_DAYS = {
    "hôm nay": 0,
    "sáng nay": 0,
    "trưa nay": 0,
    "chiều nay": 0,
    "tối nay": 0,
    "ngày hôm nay": 0,
    "hôm qua": -1,
    "sáng qua": -1,
    "chiều qua": -1,
    "tối qua": -1,
    "đêm qua": -1,
    "ngày hôm qua": -1,
    "ngày mai": 1,
    "sáng mai": 1,
    "chiều mai": 1,
    "tối mai": 1,
}
RELATIVE_DAY = re.compile(r"(?<!\w)(" + "|".join(_RELATIVE_DAYS) + r")(?!\w)", re.IGNORECASE)


def resolve_relative(word: str, published_on: date | None) -> date | None:
    if published_on is None:
        return None
    offset = _RELATIVE_DAYS.get(word.lower())
    return None if offset is None else published_on + timedelta(days=offset)


def likely_year(text: str) -> int | None:
    """The year a passage most likely speaks of when it gives a day and month only.

    Only bare years count ("Tết Nguyên đán Đinh Dậu 2017"): a year inside a full
    date belongs to that date (often a document's), and the ends of terms and
    periods ("nhiệm kỳ 2019 - 2024", "giai đoạn 2022 - 2027") are not the year of
    an activity. Callers pass a sentence, not a whole article: only nearby years
    make a date certain enough.
    """
    taken = [m.span() for m in FULL_DATE.finditer(text)] + [m.span() for m in SPELLED_DATE.finditer(text)]
    years = []
    for match in YEAR.finditer(text):
        if any(start <= match.start() < end for start, end in taken):
            continue
        before = text[max(0, match.start() - 40) : match.start()].lower()
        if re.search(
            r"(nhiệm kỳ|giai đoạn|khóa|khoá|đến năm|tầm nhìn|thời kỳ)[^.;\n]*$", before
        ) or re.search(r"(sinh|sinh năm|thành lập|từ năm)\s*$", before):
            continue
        if re.match(r"\s*-\s*(?:19|20)\d\d", text[match.end() : match.end() + 8]):
            continue  # "(1961-2024)": a span counts by its end
        if re.search(r"(tháng\s*\d{1,2}|\d{1,2})\s*/\s*$", before):
            continue  # "tháng 5/2023": a month, not the activity's day
        years.append(int(match.group(1)))
    return years[0] if len(set(years)) == 1 else None  # two different years leave the year uncertain
