"""Where a directive's issue date and issuer are written, read by extraction/directives.py.

Right after its number: "số 12-CT/TW ngày 05/01/2022 của Ban Bí thư", "(ngày 05/01/2022)",
"..., 05/01/2022" on the same line (but a date followed by a time is the page's date line, and a
"Ngày ..." opening the next paragraph is that paragraph's). Then the issuer may give the date ("của
Ban Bí thư ban hành ngày ...", "được Ban Bí thư ban hành ngày ..."). Else, around the number: the
clause before it ("Ngày 18/4/2022, Ban Thường vụ Tỉnh ủy ban hành Kế hoạch số 87"), or, for a
letter's own number heading its header, the letter's dateline ("Cần Thơ, ngày 06 tháng 01 năm 2023").
Never the article's date line. The words are data in extraction/rules/directives.toml, [issuers].
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from extraction.dates import full_date_at, make_date
from extraction.rules import alternation, load
from extraction.text import UPPER, Document

_RULES = load("directives")

DATE_AFTER = re.compile(
    r"\s*[,(]?\s*(?:(?:được\s+)?(?:ký\s+)?(?:ban hành|ra|ký)\s+)?(?:vào\s+)?(?:ngày|ngay)\s*:?\s*",
    re.IGNORECASE,
)
# After the issuer: "... của Ban Bí thư (ban hành) ngày 05/01/2022"
DATE_AFTER_ISSUER = re.compile(
    r"\s*,?\s*(?:(?:đã\s+)?(?:ký\s+)?(?:ban hành|ký)\s+)?(?:vào\s+)?ngày\s*:?\s*", re.IGNORECASE
)
# The issuer, then the date: "... được Ban Bí thư ban hành ngày 05/01/2022"
ISSUER_THEN_DATE = re.compile(
    rf"\s*,?\s*(?:được|do)\s+(?P<issuer>[{UPPER}][^,;:\"“”(\n]{{1,80}}?)\s+(?:ký\s+)?ban hành\s+"
    r"(?:vào\s+)?ngày\s*:?\s*"
)
# The sentence before a document dates and issues it: "Ngày 18/4/2022, Ban Thường vụ Tỉnh ủy (đã) ban hành"
DATED_BEFORE = re.compile(
    rf"(?:^|[.;]\s+|\n)(?i:vào\s+)?(?i:ngày)\s+(?P<date>\d{{1,2}}\s*[/.-]\s*\d{{1,2}}\s*[/.-]\s*\d{{4}}"
    r"|\d{1,2}\s+tháng\s+\d{1,2}\s*,?\s*năm\s+\d{4})\s*,\s*"
    rf"(?P<issuer>[{UPPER}][^,;:\"“”(\n]{{1,80}}?)\s+(?:đã\s+|vừa\s+)?(?:ký\s+)?(?:ban hành|ký|có|gửi|ra)\s+(?:các\s+)?$"
)
# A letter's header: its number, then "<place>, ngày 10 tháng 01 năm 2023" within a few lines
LETTER_DATELINE = re.compile(
    r"[^\d,|\n]{2,40},\s*ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s*,?\s*năm\s+(\d{4})", re.IGNORECASE
)
_TIMESTAMP_AFTER = re.compile(r"\s*[|,-]?\s*(?:lúc\s*)?\d{1,2}\s*[:h]\s*\d{2}", re.IGNORECASE)
ISSUER_AFTER = re.compile(
    rf"\s*,?\s*(?:của|do)\s+((?:[{UPPER}])"
    rf"[^,;:\"“”(\n]{{1,80}}?)(?=\s+(?:{alternation(_RULES['issuers']['ends'])})\b|\s*[,;:\"“”(\n.]|$)"
)
_BARE_DATE = re.compile(r"[ \t]*[,(]?[ \t]*(?=\d)")  # a date on the same line, maybe bracketed


@dataclass(frozen=True)
class Details:
    issued_on: date | None
    issuer: str | None
    end: int  # where the date and issuer written after the number end (the number's end when none)


def details_after(doc: Document, end: int) -> Details:
    """The issue date and issuer written right after a document's number, which ends at `end`."""
    key, text = doc.key, doc.text
    position = end
    issued_on: date | None = None
    issuer_name: str | None = None
    date_match = DATE_AFTER.match(key, position)
    if date_match and "\n" in date_match.group() and re.search(r"\n\s*N", date_match.group()):
        date_match = None  # "...\nNgày 18/4/2022, Tỉnh ủy ...": the next paragraph's date, not the document's
    date_start = date_match.end() if date_match else None
    bare = _BARE_DATE.match(key, position)
    if date_start is None and bare:
        date_start = bare.end()  # "Chỉ thị số 12-CT/TW, 05/01/2022": on the same line only
    if date_start is not None:
        found = full_date_at(key, date_start)
        if found and (date_match or not _TIMESTAMP_AFTER.match(key, found[1])):
            issued_on, position = found
    issuer = ISSUER_AFTER.match(text, position)
    if issuer:
        issuer_name = issuer.group(1).strip()
        position = issuer.end()
        later = DATE_AFTER_ISSUER.match(key, position) if issued_on is None else None
        if later and (found := full_date_at(key, later.end())):
            issued_on, position = found
    elif issued_on is None and (by := ISSUER_THEN_DATE.match(text, position)):
        found = full_date_at(key, by.end())
        if found:
            issuer_name = by.group("issuer").strip()
            issued_on, position = found
    return Details(issued_on, issuer_name, position)


def details_around(doc: Document, start: int, end: int) -> Details:
    """The date (and issuer) a clause before the number `start`..`end` gives, or its letter's dateline."""
    key = doc.key
    sentence = doc.sentence_at(start)
    opens = max(sentence.start, start - 300)  # a bounded window, so long sentences stay linear
    before = DATED_BEFORE.search(key[opens:start])  # sliced: "^" is the window's start
    if before:
        issuer = doc.text[opens + before.start("issuer") : opens + before.end("issuer")].strip()
        return Details(_written_date(before.group("date")), issuer, end)
    # the line around the number, read in bounded windows (a text without line breaks stays linear)
    reach = max(0, start - 200)
    line_start = max(key.rfind("\n", reach, start) + 1, reach)
    line_end = key.find("\n", end, end + 61)
    line_end = len(key) if line_end < 0 else line_end
    if key[line_start:start].strip(" *|:") or line_end - end > 60:
        return Details(None, None, end)  # not a number heading a short line of its own: no letter's header
    dateline = LETTER_DATELINE.search(key, end, min(len(key), end + 300))
    if dateline and sum(bool(line.strip()) for line in key[end : dateline.start()].split("\n")) <= 6:
        return Details(make_date(*(int(dateline.group(i)) for i in (1, 2, 3))), None, end)
    return Details(None, None, end)


def _written_date(written: str) -> date | None:
    """'18/4/2022' or '18 tháng 4 năm 2022' as a date."""
    numbers = [int(n) for n in re.findall(r"\d+", written)]
    return make_date(*numbers) if len(numbers) == 3 else None
