"""Dated activities: visits, conferences, seminars, receptions, ceremonies,
exchanges and congresses.

An event is a clause that names an activity and dates it, explicitly ("Ngày
04/6/2021", "ngày 5 tháng 12 năm 2019") or by a day that the publication date
makes certain ("Chiều 3/11" in an article of 04/11/2020, "hôm nay", "sáng nay
(06/3)"). Without a publication date a day and month count only when the year
is written nearby ("Tết Nguyên đán Đinh Dậu 2017").

Not events: the dates of documents ("Chỉ thị số 04 ngày 6/7/2011", "ban hành
ngày..."), of anniversaries ("(17/11/1950 - 17/11/2022)", "nhân kỷ niệm ngày
27/7"), of births and foundings, deadlines ("trước ngày 15/12"), and clauses
whose verb is issuing or founding. One activity is one event however often it is
named, so events are kept one per date; a clause opening "Cùng ngày" or a new part
of the same day ("Sáng 3/11 ... Chiều 3/11") names a second one. A multi-day
event is dated by its first day.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from extraction.dates import (
    RELATIVE_DAYS,
    WEEKDAY,
    likely_year,
    make_date,
    resolve_day_month,
    resolve_relative,
)
from extraction.people import find_people
from extraction.records import Event, EventType, Person
from extraction.text import Document, Sentence, split_clauses
from extraction.variants import flex, fold_phrase

# --- what an activity is called --------------------------------------------------------------

# keyword -> type; the schema's own words first, then common synonyms
_KEYWORDS: dict[str, EventType] = {
    "thăm và làm việc": "visit",
    "thăm, làm việc": "visit",
    "chuyến thăm": "visit",
    "đến thăm": "visit",
    "sang thăm": "visit",
    "thăm": "visit",
    "thăm hỏi": "visit",
    "viếng thăm": "visit",
    "làm việc với": "visit",
    "làm việc tại": "visit",
    "buổi làm việc": "visit",
    "chuyến công tác": "visit",
    "công tác tại": "visit",
    "chúc Tết": "visit",
    "chúc tết": "visit",
    "khảo sát": "visit",
    "hội nghị": "conference",
    "phiên họp": "conference",
    "cuộc họp": "conference",
    "họp": "conference",
    "tọa đàm": "seminar",
    "hội thảo": "seminar",
    "diễn đàn": "seminar",
    "tập huấn": "seminar",
    "tiếp kiến": "reception",
    "tiếp xã giao": "reception",
    "tiếp đón": "reception",
    "đón tiếp": "reception",
    "tiếp đoàn": "reception",
    "tiếp": "reception",
    "đón": "reception",
    "hội kiến": "reception",
    "lễ": "ceremony",
    "buổi lễ": "ceremony",
    "ký kết": "ceremony",
    "ký bản ghi nhớ": "ceremony",
    "khánh thành": "ceremony",
    "khởi công": "ceremony",
    "trao tặng": "ceremony",
    "trao": "ceremony",
    "tặng quà": "ceremony",
    "bàn giao": "ceremony",
    "kỷ niệm": "ceremony",
    "phát động": "ceremony",
    "mít tinh": "ceremony",
    "dâng hương": "ceremony",
    "ra mắt": "ceremony",
    "gắn biển": "ceremony",
    "vinh danh": "ceremony",
    "tuyên dương": "ceremony",
    "khai trương": "ceremony",
    "giao lưu": "exchange",
    "gặp mặt": "exchange",
    "gặp gỡ": "exchange",
    "họp mặt": "exchange",
    "liên hoan": "exchange",
    "buổi gặp": "exchange",
    "gặp": "exchange",
    "chiêu đãi": "exchange",
    "đại hội": "congress",
    "khai mạc": "other",
    "bế mạc": "other",
    "triển lãm": "other",
    "hội chợ": "other",
    "hội thi": "other",
    "cuộc thi": "other",
    "lễ hội": "other",
    "ngày hội": "other",
    "tuần lễ": "other",
    "festival": "other",
    "hội đàm": "other",
    "điện đàm": "other",
    "chương trình": "other",
    "sự kiện": "other",
    "diễn ra": "other",
    "tổ chức": "other",
    "tham dự": "other",
    "tham gia": "other",
    "dự": "other",
    "khám bệnh": "other",
    "cấp phát": "other",
    "phát quà": "other",
}
_GENERIC: frozenset[EventType] = frozenset({"other"})
# Verbs and nouns that are not activities though they look like keywords
_NOT_ACTIVITY_AFTER = {
    "tiếp": r"tục|theo|nhận|thu|cận|xúc|sức|nối|đó|tế|diễn|giáp|tay|tế|tuyến|quản",
    "trao": r"đổi|quyền",
    "đón": r"nhận|đầu|chào",
    "dự": r"án|kiến|báo|thảo|toán|phòng|trữ|định|khuyết|bị|thi|tính",
    "lễ": r"hội|phép|nghi|tân|vật|độ",
    "họp": r"mặt",
    "gặp": r"gỡ|mặt|khó|phải|nhiều",
    "thăm": r"dò|khám|hỏi ý kiến",
    "tổ chức": r"thành viên|hữu nghị|Hữu nghị|chính trị|phi chính phủ|quốc tế|xã hội|đoàn thể|nhân dân|cơ sở|Đảng|đảng|"
    r"thực hiện|triển khai",
    "chương trình": r"hành động|công tác|số|hợp tác|mục tiêu",
    "kỷ niệm": r"chương",
    "tham gia": r"đóng góp|ý kiến|hoạt động|công tác",
}
_KEYWORD = re.compile(
    r"(?<![\w/])(" + "|".join(flex(word) for word in sorted(_KEYWORDS, key=len, reverse=True)) + r")(?!\w)",
    re.IGNORECASE,
)
_KEYWORD_TYPE = {fold_phrase(word): type_ for word, type_ in _KEYWORDS.items()}
# A clause whose verb is one of these dates a document or a founding, not an activity.
_NOT_EVENT_VERB = re.compile(
    r"(?<!\w)(?i:ban hành|ký ban hành|thành lập|phê duyệt|ký quyết định|có hiệu lực|được thông qua|ra đời|"
    r"có công văn|có văn bản|công văn số|chỉ thị số|nghị quyết số|kế hoạch số|quyết định số)(?!\w)"
)

# --- how dates are written -------------------------------------------------------------------

_PART_OF_DAY = r"(?:sáng|chiều|tối|trưa|đêm|khuya)"
_DAY_CUE = (
    rf"(?:(?:vào\s+)?(?:{_PART_OF_DAY}\s+(?:{WEEKDAY}\s*,?\s*)?(?:ngày\s+|hôm\s+)?|{WEEKDAY}\s*(?:,\s*|\(\s*)?"
    rf"(?:ngày\s+)?|ngày\s+|hôm\s+)|vào\s+|(?:trong|suốt)\s+(?:\d+|hai|ba|bốn|năm)\s+ngày\s+|từ\s+(?:ngày\s+)?)"
    r"(?:mùng\s+|mồng\s+)?"
)
_MORE_DAYS = r"(?:\s*(?:-|–|và|,|đến|tới)\s*\d{1,2})*"
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
    r"(?:\s*\((?:ngày\s+)?(?P<day>\d{1,2})\s*[/.\-]\s*(?P<month>\d{1,2})(?:\s*[/.\-]\s*(?P<year>\d{4}))?\))?",
    re.IGNORECASE,
)
# Just before a date: it belongs to a document, a birth, a founding, a deadline, an anniversary.
_NOT_EVENT_BEFORE = re.compile(
    r"(?:(?<![\w])(?:số|Số)\s*\d+[\w/.\-–]*\s*,?\s*|[A-ZĐ]{2,}[\w]*(?:/[\w\-]+)+\s*,?\s*|(?<!\w)(?i:"
    r"chỉ thị|nghị quyết|kết luận|quyết định|kế hoạch|công văn|thông báo|hướng dẫn|nghị định|thông tư|luật|"
    r"chương trình hành động|thông tri|tờ trình|đề án)\s+(?:số\s*)?\d+[\w/.\-–]*\s*,?\s*|(?<!\w)(?i:"
    r"ban hành|ký|ký ban hành|thành lập|được thành lập|ra đời|sinh|mất|qua đời|từ trần|hy sinh|trước|"
    r"chậm nhất là|chậm nhất|hạn chót|kể từ|có hiệu lực từ|hiệu lực từ|đến hết|kỷ niệm|chào mừng|"
    r"hướng tới|nhân dịp|nhân|giải phóng|thống nhất|quốc khánh|khóa|khoá|ngày thành lập|tính đến|"
    r"đến nay|từ đó|sau)\s*(?:\d+\s+năm\s+)?)$"
)
_TIMESTAMP = re.compile(r"\s*[,|-]?\s*(?:lúc\s*)?(?:\d{1,2}[:h]\d{2}|GMT)", re.IGNORECASE)
_POSTED = re.compile(r"(?i:ngày đăng|đăng ngày|đăng lúc|cập nhật|ngày cập nhật|xuất bản)\s*:?\s*$")
_FUTURE = re.compile(r"(?<!\w)(?i:sẽ|dự kiến|sắp|chuẩn bị|tới đây|kế hoạch tổ chức)(?!\w)")
_SAME_DAY = re.compile(
    rf"\s*(?:{_PART_OF_DAY}\s+|(?:cũng\s+)?trong\s+)?(?:cùng\s+ngày|ngày\s+hôm\s+đó|cùng\s+buổi)",
    re.IGNORECASE,
)
_CLOSING = re.compile(r"(?i:bế mạc|kết thúc|ngày làm việc thứ|ngày thứ (?:hai|ba|2|3)|phiên bế mạc)")
_LOCATION = re.compile(
    r"(?<!\w)(?i:tại|ở)\s+(?!(?i:buổi|hội nghị|hội thảo|lễ|cuộc|đây|đó|chương trình|sự kiện|diễn đàn|tọa đàm|toạ đàm|đại hội)\b)(?P<place>(?:(?:TP|Tp)\.\s*)?[^,;.()\n]{2,100})"
)
_LOCATION_END = re.compile(
    r"\s+(?i:từ ngày|từ|vào|ngày|trong|đã|sẽ|đang|vừa|diễn ra|(?<!các )tổ chức|với|cho|nhằm|nhân dịp|nhân kỷ niệm|do|và các|về|có|được|trong|là|để|"
    r"khai mạc|bế mạc|chủ trì|long trọng|trang trọng|thu hút)(?!\w).*$"
)
_ADMIN_CONTINUES = re.compile(
    r",\s*((?:tỉnh|thành phố|TP\.?|huyện|quận|thị xã|xã|phường|Hà Nội|Việt Nam)[^,;.()\n]{0,40})"
)
_ATTENDANCE = re.compile(r"\s*(?i:tiếp đoàn|tham dự|đến dự|dự buổi|cùng dự|tham gia|có mặt|về phía)")


@dataclass(frozen=True)
class _Dated:
    when: date
    start: int
    end: int
    part_of_day: str | None


def find_events(doc: Document, people: list[Person] | None = None) -> list[Event]:
    """The dated activities of a document, one per activity.

    `people` (from `find_people`) fills each event's participants; found here when not given.
    """
    if people is None:
        people = find_people(doc)[0]
    text = doc.text
    events: list[Event] = []
    day_parts: dict[date, set[str | None]] = {}
    sentences = split_clauses(doc)
    for index, sentence in enumerate(sentences):
        same_day = _SAME_DAY.match(text, sentence.start, sentence.end)
        if same_day and events:
            activity = _activity(text, sentence, same_day.end())
            if activity:
                events.append(
                    _event(doc, sentences, index, events[-1].date, activity, same_day.span(), people)
                )
            continue
        for dated in _dates_in(doc, sentence):
            activity = _activity(text, sentence, dated.start, dated.end)
            if activity is None:
                continue
            parts = day_parts.get(dated.when)
            if parts is not None:
                new_part = dated.part_of_day not in parts and dated.start == _first_word(text, sentence)
                if not (new_part and None not in parts):
                    continue  # the same activity again
            day_parts.setdefault(dated.when, set()).add(dated.part_of_day)
            events.append(
                _event(doc, sentences, index, dated.when, activity, (dated.start, dated.end), people)
            )
            break  # one activity per clause: further dates in it are its ranges and references
    return _first_days_only(text, events)


def _first_word(text: str, sentence: Sentence) -> int:
    return (
        sentence.start
        + len(text[sentence.start : sentence.end])
        - len(text[sentence.start : sentence.end].lstrip())
    )


def _first_days_only(text: str, events: list[Event]) -> list[Event]:
    """Drop the closing day of an event already dated by its first ("Ngày 6/12, Đại hội bế mạc")."""
    kept = []
    for event in events:
        sentence = text[event.evidence.sentence_start : event.evidence.sentence_end]
        closing = _CLOSING.search(sentence)
        earlier = any(
            other.type == event.type and timedelta(0) < event.date - other.date <= timedelta(days=7)
            for other in events
        )
        if not (closing and earlier):
            kept.append(event)
    return kept


# --- dates -----------------------------------------------------------------------------------


_MAY_HOLD_DATE = re.compile(r"\d|(?i:nay|qua|mai)(?!\w)")


def _dates_in(doc: Document, sentence: Sentence) -> list[_Dated]:
    text = doc.text
    found: list[_Dated] = []
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
                part = re.match(_PART_OF_DAY, cue)
                found.append(_Dated(when, match.start(), match.end(), part.group(0) if part else None))
    for match in _RELATIVE_DAY.finditer(text, sentence.start, sentence.end):
        if _in_quotes(text, sentence, match.start()):
            continue  # "hôm nay" in a speech is the speaker's day, not surely the article's
        when = None
        if match.group("day"):
            year = int(match.group("year")) if match.group("year") else None
            when = _resolve(doc, sentence, int(match.group("day")), int(match.group("month")), year)
        elif doc.published_on:
            when = resolve_relative(match.group(1), doc.published_on)
        if when:
            word = match.group(1).lower().split()[0]
            found.append(_Dated(when, match.start(), match.end(), word if word != "hôm" else None))
    return sorted(found, key=lambda dated: dated.start)


_RANGE_END = re.compile(
    r"\s*(?:-|–|đến|tới)\s*(?:ngày\s*)?(\d{1,2})\s*[/.\-]\s*(\d{1,2})(?:\s*[/.\-]\s*((?:19|20)\d\d))?(?!\d)",
    re.IGNORECASE,
)


def _is_a_period(text: str, end: int, first: date) -> bool:
    """Whether the date opens a range longer than an activity lasts (over ten days)."""
    match = _RANGE_END.match(text, end)
    if not match:
        return False
    year = int(match.group(3)) if match.group(3) else first.year
    last = make_date(int(match.group(1)), int(match.group(2)), year)
    if last and last < first:
        last = make_date(last.day, last.month, year + 1)
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
    """Dates in brackets name a holiday or a span of years ("Ngày Thương binh - Liệt sĩ (27/7)")."""
    opened = text.rfind("(", sentence.start, at)
    if opened <= text.rfind(")", sentence.start, at):
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


# --- activities ------------------------------------------------------------------------------


def _activity(
    text: str, sentence: Sentence, start: int, end: int | None = None
) -> tuple[EventType, int] | None:
    """The activity a date belongs to: the first specific keyword after the date, else before it.

    None when the clause's verb issues a document or founds something.
    """
    end = start if end is None else end
    keywords = [m for m in _KEYWORD.finditer(text, sentence.start, sentence.end) if _is_activity(text, m)]
    if not keywords:
        return None
    after = [m for m in keywords if m.start() >= end]
    before = [m for m in keywords if m.end() <= start]
    blocker = _NOT_EVENT_VERB.search(text, end, sentence.end)
    if blocker and (not after or blocker.start() < after[0].start()):
        return None
    for group in (after, list(reversed(before))):
        specific = [m for m in group if _type_of(m) not in _GENERIC]
        if specific:
            return _type_of(specific[0]), specific[0].start()
    generic = after or list(reversed(before))
    return _type_of(generic[0]), generic[0].start()


def _type_of(match: re.Match[str]) -> EventType:
    return _KEYWORD_TYPE.get(fold_phrase(match.group(1)), "other")


def _is_activity(text: str, match: re.Match[str]) -> bool:
    word = " ".join(match.group(1).lower().split())
    if word == "tổ chức" and re.search(
        r"(?i:các|những|mọi|\d+)\s+$", text[max(0, match.start() - 8) : match.start()]
    ):
        return False  # "các tổ chức": organisations, not organising
    following = _NOT_ACTIVITY_AFTER.get(word)
    if following and re.match(rf"\s+(?:{following})(?!\w)", text[match.end() : match.end() + 30]):
        return False
    if word in ("lễ", "hội nghị", "đại hội") and re.search(
        r"(?i:nghị quyết)\s+$", text[max(0, match.start() - 15) : match.start()]
    ):
        return False  # "Nghị quyết Đại hội XII": a document
    return not (
        word == "kỷ niệm"
        and re.search(
            r"(?i:nhân|nhân dịp|chào mừng|hướng tới)\s+$", text[max(0, match.start() - 12) : match.start()]
        )
    )


# --- the record ------------------------------------------------------------------------------


def _event(
    doc: Document,
    sentences: list[Sentence],
    index: int,
    when: date,
    activity: tuple[EventType, int],
    span: tuple[int, int],
    people: list[Person],
) -> Event:
    text = doc.text
    sentence = sentences[index]
    type_, keyword_start = activity
    return Event(
        type=type_,
        date=when,
        title=_title(text, sentence, type_, keyword_start, span),
        location=_location(text, sentence, type_),
        evidence=doc.evidence(*span),
        participants=_participants(text, sentences, index, people),
    )


# "..., tại TP. Tam Kỳ, tỉnh Quảng Nam, " before a clause's subject
_PLACE_OPENING = re.compile(
    r"[\s,]*(?:(?i:tại|ở)\s+[^,]+,\s*(?:(?:tỉnh|thành phố|TP\.?|huyện|quận|thị xã|Hà Nội|Việt Nam)[^,]*,\s*)*)?"
)


def _title(text: str, sentence: Sentence, type_: EventType, keyword_start: int, span: tuple[int, int]) -> str:
    """The words that name the activity: from its keyword to the clause's end.

    A visit or a reception is named with who makes it ("Đoàn ... thăm và làm việc với ...").
    """
    start = keyword_start
    if type_ in ("visit", "reception") and keyword_start > span[1]:
        subject = _PLACE_OPENING.match(text[span[1] : keyword_start])
        if subject:
            start = span[1] + subject.end()
    end_match = re.compile(r"[;.:(\n]|,(?!\s*(?:tỉnh|thành phố|TP))").search(
        text, keyword_start, sentence.end
    )
    end = end_match.start() if end_match else sentence.end
    title = " ".join(text[start:end].split())[:200]
    return title[:1].upper() + title[1:]


def _location(text: str, sentence: Sentence, type_: EventType) -> str | None:
    """Where: "tại Hội trường ...", "tại TP. Biên Hòa, tỉnh Đồng Nai"; for a visit, the place visited."""
    match = _LOCATION.search(text, sentence.start, sentence.end)
    if match:
        place = _LOCATION_END.sub("", match.group("place")).strip()
        more = _ADMIN_CONTINUES.match(text, match.end("place"), sentence.end)
        if more and place == match.group("place").strip():
            place += ", " + _LOCATION_END.sub("", more.group(1)).strip()
        if place:
            return place
    if type_ == "visit":
        visited = _VISITED.search(text, sentence.start, sentence.end)
        if visited:
            return _LOCATION_END.sub("", visited.group("place")).strip()
    return None


_VISITED = re.compile(
    r"(?i:thăm|làm việc)(?:\s+và\s+làm\s+việc)?(?:\s+(?:với|tại))?\s+"
    r"(?P<place>(?:tỉnh|thành phố|TP\.?|huyện|thị xã|xã|nước|thủ đô)\s+[^\W\d_][^,;.()\n]{1,40})"
)


def _participants(text: str, sentences: list[Sentence], index: int, people: list[Person]) -> list[str]:
    """People named in the event's sentence, and in a following line of who attended."""
    spans = [sentences[index]]
    if index + 1 < len(sentences) and _ATTENDANCE.match(text, sentences[index + 1].start):
        spans.append(sentences[index + 1])
    names = []
    for person in people:
        for mention in person.mentions or [person.evidence]:
            if any(span.start <= mention.start < span.end for span in spans):
                names.append(person.name)
                break
    return names
