"""Dated activities: visits, conferences, seminars, receptions, ceremonies,
exchanges and congresses.

An event is a sentence that names an activity and dates it, explicitly
("Ngày 04/6/2021") or by a day the publication date makes certain ("Chiều
3/11" in an article of 04/11/2020, "hôm nay"). Dates of documents
("Chỉ thị số 04 ngày 6/7/2011"), of anniversaries ("(17/11/1950 -
17/11/2022)") and undatable days are not events. One activity is one event
however often it is mentioned: events are kept one per date, except a
sentence opening "Cùng ngày", which names a second activity on that day.
"""

from __future__ import annotations

import re
from datetime import date

from extraction.dates import RELATIVE_DAY, likely_year, make_date, resolve_day_month, resolve_relative
from extraction.records import Event, EventType
from extraction.text import Document, Sentence

# keyword -> type, longest first so "thăm và làm việc" wins over "thăm"
_KEYWORDS: list[tuple[str, EventType]] = sorted(
    [
        ("thăm và làm việc", "visit"),
        ("chuyến thăm", "visit"),
        ("đến thăm", "visit"),
        ("thăm", "visit"),
        ("sang thăm", "visit"),
        ("làm việc với", "visit"),
        ("chúc tết", "visit"),
        ("thăm hỏi", "visit"),
        ("hội nghị", "conference"),
        ("họp", "conference"),
        ("tọa đàm", "seminar"),
        ("hội thảo", "seminar"),
        ("diễn đàn", "seminar"),
        ("tiếp đoàn", "reception"),
        ("tiếp kiến", "reception"),
        ("hội kiến", "reception"),
        ("tiếp", "reception"),
        ("đón", "reception"),
        ("tiếp xã giao", "reception"),
        ("lễ", "ceremony"),
        ("ký kết", "ceremony"),
        ("khánh thành", "ceremony"),
        ("trao tặng", "ceremony"),
        ("kỷ niệm", "ceremony"),
        ("phát động", "ceremony"),
        ("khởi công", "ceremony"),
        ("mít tinh", "ceremony"),
        ("trao", "ceremony"),
        ("bàn giao", "ceremony"),
        ("tặng", "ceremony"),
        ("giao lưu", "exchange"),
        ("gặp mặt", "exchange"),
        ("gặp gỡ", "exchange"),
        ("họp mặt", "exchange"),
        ("liên hoan", "exchange"),
        ("buổi gặp", "exchange"),
        ("đại hội", "congress"),
        ("khai mạc", "other"),
        ("triển lãm", "other"),
        ("hội chợ", "other"),
        ("hội thi", "other"),
        ("tập huấn", "other"),
        ("diễn ra", "other"),
        ("lễ hội", "other"),
    ],
    key=lambda item: len(item[0]),
    reverse=True,
)
_KEYWORD = re.compile(
    r"(?<!\w)(" + "|".join(re.escape(word) for word, _ in _KEYWORDS) + r")(?!\w)"
    # "tiếp tục" (go on), "trao đổi" (discuss), "đón nhận" are not activities
    r"(?<!tiếp(?= tục| theo| nhận| thu| cận| xúc| sức| nối| đó))(?<!trao(?= đổi))(?<!đón(?= nhận))",
    re.I,
)
_TYPE_OF = {word: type_ for word, type_ in _KEYWORDS}
# "other" keywords only confirm an activity; a specific one in the sentence decides the type
_SPECIFIC_FIRST = ("visit", "conference", "seminar", "reception", "ceremony", "exchange", "congress")

_DAY_CUE = r"(?:(?:sáng|chiều|tối|trưa|đêm|hôm)\s+(?:ngày\s+)?|ngày\s+|vào\s+(?:ngày\s+)?)"
# "ngày 04/6/2021", "Chiều 3/11", "ngày 24-25/4", "2 ngày 10 và 11/4", "ngày 5 tháng 12 năm 2019"
_DATED = re.compile(
    rf"(?i:{_DAY_CUE})(?:\d{{1,2}}\s*(?:-|và|,|đến)\s*)?(\d{{1,2}})\s*[/\-]\s*(\d{{1,2}})"
    rf"(?:\s*[/\-.]\s*((?:19|20)\d\d))?(?![\d])"
    rf"|(?i:{_DAY_CUE})(?:\d{{1,2}}\s*(?:-|và|,|đến)\s*)?(\d{{1,2}})\s+tháng\s+(\d{{1,2}})(?:\s*,?\s*năm\s+((?:19|20)\d\d))?"
)
_DAYS_FIRST = re.compile(r"(\d{1,2})\s*(?:-|và|,|đến)\s*$")
_SAME_DAY = re.compile(r"^\s*(?:cùng ngày|cũng trong ngày|trong cùng ngày)", re.IGNORECASE)
_DOCUMENT_BEFORE = re.compile(r"(?:[A-ZĐ]{2,}[\w/-]*|số\s*\d+|thành lập|ban hành|sinh)\s*,?\s*$")
_LOCATION = re.compile(r"\btại\s+([^,;.()\n]{3,80})")


def find_events(doc: Document) -> list[Event]:
    events: list[Event] = []
    for sentence in doc.sentences:
        if _SAME_DAY.match(sentence.text) and events:
            activity = _activity(doc, sentence, sentence.start)
            if activity:
                events.append(
                    _event(doc, sentence, events[-1].date, activity, sentence.start, sentence.start + 8)
                )
            continue
        for when, start, end in _dates_in(doc, sentence):
            activity = _activity(doc, sentence, start)
            if activity and not any(event.date == when for event in events):
                events.append(_event(doc, sentence, when, activity, start, end))
    return events


def _dates_in(doc: Document, sentence: Sentence) -> list[tuple[date, int, int]]:
    key = doc.key
    found = []
    for match in _DATED.finditer(key, sentence.start, sentence.end):
        day, month, year = (
            (match.group(1), match.group(2), match.group(3))
            if match.group(1)
            else (match.group(4), match.group(5), match.group(6))
        )
        before = key[max(sentence.start, match.start() - 40) : match.start()]
        if _DOCUMENT_BEFORE.search(before) or _in_parentheses(key, match.start(), sentence):
            continue
        if found and re.search(r"(?:đến|tới)\s*$", before):
            continue  # "từ ngày 30/10 đến ngày 2/11": the end of a range, not another activity
        first = _DAYS_FIRST.search(key[match.start() : match.start(1 if match.group(1) else 4)])
        if first:
            day = first.group(1)
        when = _resolve(doc, sentence, int(day), int(month), int(year) if year else None)
        if when:
            found.append((when, match.start(), match.end()))
    for match in RELATIVE_DAY.finditer(key, sentence.start, sentence.end):
        if key.count('"', sentence.start, match.start()) % 2:
            continue  # "hôm nay" inside a quotation is the speaker's day, not the article's
        bracket = re.match(r"\s*\((\d{1,2})\s*/\s*(\d{1,2})\)", key[match.end() : match.end() + 10])
        if bracket:
            when = _resolve(doc, sentence, int(bracket.group(1)), int(bracket.group(2)), None)
        else:
            when = resolve_relative(match.group(1), doc.published_on)
        if when:
            found.append((when, match.start(), match.end()))
    return sorted(found, key=lambda item: item[1])


def _resolve(doc: Document, sentence: Sentence, day: int, month: int, year: int | None) -> date | None:
    if year:
        return make_date(day, month, year)
    hint = None if doc.published_on else (likely_year(sentence.text) or likely_year(doc.key))
    return resolve_day_month(day, month, doc.published_on, hint)


def _in_parentheses(key: str, at: int, sentence: Sentence) -> bool:
    """Dates in brackets name a day ("Ngày Vì nạn nhân chất độc da cam (10/8)") or a span of years."""
    opened = key.rfind("(", sentence.start, at)
    closed = key.rfind(")", sentence.start, at)
    if opened <= closed:
        return False
    return not re.search(r"(nay|qua)\s*$", key[max(sentence.start, opened - 10) : opened])


def _activity(doc: Document, sentence: Sentence, at: int) -> tuple[EventType, int, int] | None:
    """The activity a date belongs to: the closest specific keyword in the sentence, after the date first."""
    matches = list(_KEYWORD.finditer(doc.key, sentence.start, sentence.end))
    if not matches:
        return None

    def rank(match: re.Match[str]) -> tuple[int, int]:
        specific = _TYPE_OF[match.group(1).lower()] in _SPECIFIC_FIRST
        distance = match.start() - at if match.start() >= at else (at - match.start()) * 2
        return (0 if specific else 1, distance)

    best = min(matches, key=rank)
    return _TYPE_OF[best.group(1).lower()], best.start(), best.end()


def _event(
    doc: Document, sentence: Sentence, when: date, activity: tuple[EventType, int, int], start: int, end: int
) -> Event:
    type_, keyword_start, _ = activity
    title_end = min(
        [i for i in (doc.text.find(c, keyword_start, sentence.end) for c in ",;.") if i > 0] or [sentence.end]
    )
    title = doc.text[keyword_start:title_end].strip()
    location = _LOCATION.search(doc.text, sentence.start, sentence.end)
    return Event(
        type=type_,
        date=when,
        title=title[:1].upper() + title[1:],
        evidence=doc.evidence(start, end),
        location=location.group(1).strip() if location else None,
    )
