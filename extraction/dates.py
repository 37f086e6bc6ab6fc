"""Dates in Vietnamese text: numeric and spelled-out forms, the page's date line,
and day/month mentions resolved against the publication date.

Parsers here never raise on odd input: they return None. The word lists
(relative days, period words) are in extraction/rules/dates.toml.
"""

from __future__ import annotations

import bisect
import itertools
import re
from datetime import date, timedelta
from functools import lru_cache

from extraction.rules import load

_SEP = r"\s*[/.\-]\s*"
# 05/01/2022, 6-7-2011, 10.03.2020 (day first, as Vietnamese writes dates)
FULL_DATE = re.compile(rf"(?<!\d)(\d{{1,2}}){_SEP}(\d{{1,2}}){_SEP}((?:19|20)\d\d)(?!\d)")
# ngày 06 tháng 01 năm 2023
SPELLED_DATE = re.compile(
    r"(?<!\w)(?:ngày\s+)?(\d{1,2})\s+tháng\s+(\d{1,2})\s*(?:,\s*)?năm\s+((?:19|20)\d\d)(?!\d)", re.IGNORECASE
)
YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")

WEEKDAY = r"(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy|2|3|4|5|6|7)|chủ\s+nhật)"
_DATE_LINE_NOISE = re.compile(
    rf"{WEEKDAY}|gmt\s*\+\s*\d+|\b(?:am|pm|sa|ch)\b|cập nhật(?: lúc)?|ngày đăng|đăng lúc|ngày|lúc|giờ"
    r"|lượt xem|lượt đọc|lượt truy cập|lượt thích|bình luận|đăng|views?\b"
    r"|\d{1,2}:\d{2}(?::\d{2})?|[|,:()\-–./]",
    re.IGNORECASE,
)


_SPELLED_DATE_LINE = re.compile(
    r"(?<!\d)(\d{1,2})\s+tháng\s+(\d{1,2})\s*,?\s*(?:năm\s+)?((?:19|20)\d\d)(?!\d)", re.IGNORECASE
)
_DATE_LINE_AUTHOR = re.compile(r"(?i:tác giả|người viết|bài và ảnh|bài)\s*:.*$")
_DATE_LINE_PLACE = re.compile(r"^[^\d,|:()]{2,30},\s*(?=(?:ngày\s+)?\d{1,2}\s*[/.\-])", re.IGNORECASE)


def make_date(day: int, month: int, year: int) -> date | None:
    try:
        return date(year, month, day)
    except (ValueError, OverflowError):
        return None


def full_date_at(text: str, position: int) -> tuple[date | None, int] | None:
    """The full date written at `position` ("05/01/2022", "ngày 06 tháng 01 năm 2023") and where it ends.

    None when no full date starts there; the date is None when the numbers make no date ("30/02/2023").
    """
    for pattern in (FULL_DATE, SPELLED_DATE):
        match = pattern.match(text, position)
        if match:
            return make_date(int(match.group(1)), int(match.group(2)), int(match.group(3))), match.end()
    return None


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
        # "Ngày 16 tháng 11 năm 2023 10:20", "Thứ Hai, 12 tháng 9, 2023 15:20"
        match = FULL_DATE.search(line) or _SPELLED_DATE_LINE.search(line)
        if not match:
            continue
        # "Nghệ An, 19/10/2023": a date line may open with the place it was written in; it may end
        # with its author ("| Tác giả: Thanh Hải")
        line = _DATE_LINE_AUTHOR.sub("", _DATE_LINE_PLACE.sub("", line))
        rest = _DATE_LINE_NOISE.sub(" ", match.re.sub(" ", line))
        if sum(ch.isalpha() for ch in rest) <= 3:
            return make_date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    # an official letter: "Cần Thơ, ngày 06 tháng 01 năm 2023"
    for line in lines[:15]:
        match = re.search(r"^[^\d,|]{2,30},\s*ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", line)
        if match:
            return make_date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    return None


def resolve_day_month(day: int, month: int, published_on: date, days_ahead: int) -> date | None:
    """The date a day/month mention means in an article published on `published_on`.

    The latest such date no more than `days_ahead` after publication: an article reports what
    happened, or announces what comes soon (callers allow more days for announced plans).
    """
    try:
        latest = published_on + timedelta(days=days_ahead)
    except OverflowError:  # a publication date at the end of the calendar
        latest = date.max
    for year in (published_on.year + 1, published_on.year, published_on.year - 1):
        candidate = make_date(day, month, year)
        if candidate and candidate <= latest:
            return candidate
    return None


# "hôm nay", "chiều qua", "sáng mai" -> days after the publication date
RELATIVE_DAYS: dict[str, int] = load("dates")["relative_days"]


def resolve_relative(word: str, published_on: date | None) -> date | None:
    """The date "hôm nay", "chiều qua"... means in an article published on `published_on`."""
    if published_on is None:
        return None
    offset = RELATIVE_DAYS.get(word.lower())
    return None if offset is None else published_on + timedelta(days=offset)


_YEAR_WORDS = load("dates")["years"]
_PERIOD_BEFORE = re.compile(
    "(?:" + "|".join(_YEAR_WORDS["period_words"]) + r")[^.;\n]*$"
    "|(?:" + "|".join(_YEAR_WORDS["since_words"]) + r")\s*$"
)


@lru_cache(maxsize=64)  # asked again for the whole text at every undated day of a document
def likely_year(text: str) -> int | None:
    """The one year a passage speaks of, if it names exactly one ("Tết Nguyên đán Đinh Dậu 2017").

    For a day and month written without a year when no publication date is known.
    Years inside full dates belong to those dates (often a document's); terms and periods
    ("nhiệm kỳ 2019 - 2024", "giai đoạn 2017-2019", "từ năm 2016") and birth years say
    nothing of the activity; an anniversary's span in brackets ("(1961-2024)") names the
    year being celebrated. Two different years leave the year uncertain.
    """
    taken = sorted(
        [m.span() for m in FULL_DATE.finditer(text)] + [m.span() for m in SPELLED_DATE.finditer(text)]
    )
    taken_starts = [start for start, _ in taken]
    # the furthest end of the dates starting at or before each one: a year is inside a date when the
    # dates starting before it reach past it (a bisection, so long texts stay linear)
    reach = list(itertools.accumulate((end for _, end in taken), max))
    years = set()
    for match in YEAR.finditer(text):
        index = bisect.bisect_right(taken_starts, match.start()) - 1
        if index >= 0 and reach[index] > match.start():
            continue
        before = text[max(0, match.start() - 40) : match.start()].lower()
        after = text[match.end() : match.end() + 12]
        if _PERIOD_BEFORE.search(before) or re.search(r"(?:tháng\s*\d{1,2}|\d{1,2})\s*/\s*$", before):
            continue
        span_start = re.search(r"(?:19|20)\d\d\s*[-–]\s*$", before)
        if re.match(r"\s*[-–]\s*(?:19|20)\d\d", after):
            continue  # the first year of a span
        if span_start and not re.search(r"\(\s*(?:19|20)\d\d\s*[-–]\s*$", before):
            continue  # the end of a period that is not an anniversary's "(1961-2024)"
        years.add(int(match.group(1)))
    return years.pop() if len(years) == 1 else None
