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

Dates are found by `event_dates`, who took part by `event_participants`; the keywords and word
lists are data in extraction/rules/events.toml.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from extraction.countries import find_countries
from extraction.dates import FULL_DATE, full_date_at
from extraction.event_dates import PART_OF_DAY, Dated, dates_in
from extraction.event_participants import add_participants
from extraction.people import find_people
from extraction.records import CountryMention, Event, EventType, Organization, Person
from extraction.rules import alternation, load
from extraction.text import UPPER, Document, Sentence, split_clauses
from extraction.variants import flex, fold_phrase

# --- what an activity is called --------------------------------------------------------------

_RULES = load("events")
# keyword -> type (rules/events.toml: the schema's own words first, then common synonyms)
_KEYWORDS: dict[str, EventType] = {
    word: type_ for type_, words in _RULES["keywords"].items() for word in words
}
_GENERIC: frozenset[EventType] = frozenset({"other"})
# "other" keywords that name the activity itself ("hội đàm", "hội chợ"): as specific as a typed one
_NAMED_OTHER = frozenset(fold_phrase(word) for word in _RULES["named_other"]["words"])
# Words right after a keyword that make it no activity ("tiếp tục", "trao đổi", "dự án")
_NOT_ACTIVITY_AFTER = {word: alternation(after) for word, after in _RULES["not_activity_after"].items()}
_KEYWORD = re.compile(
    r"(?<![\w/])(" + "|".join(flex(word) for word in sorted(_KEYWORDS, key=len, reverse=True)) + r")(?!\w)",
    re.IGNORECASE,
)
_KEYWORD_TYPE = {fold_phrase(word): type_ for word, type_ in _KEYWORDS.items()}
# A clause whose verb is one of these dates a document or a founding, not an activity.
_NOT_EVENT_VERB = re.compile(rf"(?<!\w)(?i:{alternation(_RULES['documents']['not_event_verbs'])})(?!\w)")
# A clause opening "Cùng ngày", "chiều cùng ngày": a second activity on the day of the one before
_SAME_DAY = re.compile(
    rf"\s*(?:(?:trước\s+đó|sau\s+đó|tiếp\s+đó|tiếp\s+theo|ngoài\s+ra)\s*,?\s*)?"
    rf"(?:{PART_OF_DAY}\s+|(?:cũng\s+)?trong\s+)?(?:cùng\s+ngày|ngày\s+hôm\s+đó|cùng\s+buổi)",
    re.IGNORECASE,
)
# "Cũng trong ngày 15/11, ...", "Cùng ngày 15/11, ...": another activity on a day already dated
_ALSO_THAT_DAY = re.compile(r"\s*(?i:cũng\s+(?:trong|vào)|cùng)\s+")
# A delegation going to a place is a visit even without a word for one ("Sáng 4/12, đoàn đại biểu
# tỉnh Hủa Phăn ... đã sang tỉnh Thanh Hóa"): "đoàn", then a verb of going and a place.
_DELEGATION_GOES = re.compile(
    rf"(?<!\w)(?i:đoàn)(?:\s[^;]{{0,150}}?)?\s(?P<verb>(?:(?i:đã|vừa)\s+)?(?i:{alternation(_RULES['going']['verbs'])}))"
    rf"\s+(?:(?i:{alternation(_RULES['going']['places'])})\s|[{UPPER}])"
)
# "Công đoàn", "Tập đoàn", "Thành đoàn" are no delegations (rules/events.toml, [delegations])
_NOT_A_DELEGATION = re.compile(rf"(?<!\w)(?:{alternation(_RULES['delegations']['not_after'])})\s+$")
_CLOSING = re.compile(rf"(?i:{alternation(_RULES['dates']['closing'])})")
_HISTORY_YEARS: int = _RULES["dates"]["history_years"]
_PREFERENCES = _RULES["preferences"]
_EXCHANGE_OVER_RECEPTION = frozenset(fold_phrase(word) for word in _PREFERENCES["exchange_over_reception"])
_VENUE_BEFORE = re.compile(
    rf"(?<!\w)(?i:{alternation(_PREFERENCES['venue_before'])})\s+(?:(?i:buổi|cuộc|phiên)\s+)?$"
)
_SIGNING = re.compile(rf"(?<!\w)(?i:{alternation(_PREFERENCES['signing'])})(?!\w)")
# The title's activity dates the lead's first date when the lead names none ("Đoàn ... thăm tỉnh X" /
# "Sáng 4/12, đoàn ... đã đến X"): read in the first sentences after the title only.
_LEAD_SENTENCES = 4

_PLACES = _RULES["places"]
_LOCATION = re.compile(
    rf"(?<!\w)(?i:tại|ở)\s+(?!(?i:{alternation(_PLACES['not_a_place'])})\b)(?P<place>(?:(?:TP|Tp)\.\s*)?[^,;.()\n]{{2,100}})"
)
_LOCATION_END = re.compile(
    rf"\s+(?i:{alternation(_PLACES['place_ends'], unless_after=_PLACES['place_ends_unless_after'])})(?!\w).*$"
)
_ADMIN_CONTINUES = re.compile(
    r",\s*((?:tỉnh|thành phố|TP\.?|huyện|quận|thị xã|xã|phường|Hà Nội|Việt Nam)[^,;.()\n]{0,40})"
)


def find_events(
    doc: Document,
    people: list[Person] | None = None,
    organizations: list[Organization] | None = None,
    countries: list[CountryMention] | None = None,
) -> list[Event]:
    """The dated activities of a document, one per activity, with who took part.

    `people` and `organizations` (from `find_people`) and `countries` (from `find_countries`) are
    the names participants are read from; found here when not given.
    """
    if people is None or organizations is None:
        people, organizations = find_people(doc)
    if countries is None:
        countries = find_countries(doc)
    events = _dated_activities(doc)
    add_participants(doc, events, people, organizations, countries)
    return events


def _dated_activities(doc: Document) -> list[Event]:
    text = doc.text
    events: list[Event] = []
    day_parts: dict[date, set[str | None]] = {}
    sentences = split_clauses(doc)
    history_ends = _history_ends(doc)
    unnamed_lead: tuple[Sentence, Dated] | None = None  # a date in the lead whose clause names no activity
    for index, sentence in enumerate(sentences):
        same_day = _SAME_DAY.match(text, sentence.start, sentence.end)
        if same_day and events:
            activity = _activity(text, sentence, same_day.end())
            if activity:
                before = events[-1]
                same = Dated(before.date, *same_day.span(), None, by_publication=before.dated_by_publication)
                events.append(_event(doc, sentence, same, activity))
            continue
        for dated in dates_in(doc, sentence):
            if history_ends and dated.when < history_ends:
                continue  # a battle, a founding, a first visit recalled: history, not the news
            activity = _activity(text, sentence, dated.start, dated.end)
            if activity is None:
                if (
                    unnamed_lead is None
                    and index <= _LEAD_SENTENCES
                    and _opens_clause(text, sentence, dated)
                    and _names_nothing(text, sentence)
                ):
                    unnamed_lead = (sentence, dated)
                continue
            parts = day_parts.get(dated.when)
            if parts is not None:
                new_part = dated.part_of_day not in parts and dated.start == _first_word(text, sentence)
                also = _ALSO_THAT_DAY.fullmatch(text, sentence.start, dated.start)
                if not (new_part and None not in parts) and not also:
                    continue  # the same activity again
            day_parts.setdefault(dated.when, set()).add(dated.part_of_day)
            events.append(_event(doc, sentence, dated, activity))
            break  # one activity per clause: further dates in it are its ranges and references
    if unnamed_lead and sentences and unnamed_lead[1].when not in day_parts:
        events.extend(_titled_lead(doc, sentences[0], *unnamed_lead))
    return _first_days_only(text, sorted(events, key=lambda event: event.evidence.start))


def _history_ends(doc: Document) -> date | None:
    """The day before which dates are history: `history_years` before the publication date, or
    without one before the latest full date the text writes (None when it writes none)."""
    latest = doc.published_on
    if latest is None:
        written = [full_date_at(doc.text, match.start()) for match in FULL_DATE.finditer(doc.text)]
        latest = max((found[0] for found in written if found and found[0]), default=None)
    if latest is None:
        return None
    if latest.year <= _HISTORY_YEARS:
        return None
    # 29 February has no twin `_HISTORY_YEARS` back in most years: the day after it is as good a bound
    day = latest.day if (latest.month, latest.day) != (2, 29) else 28
    return latest.replace(year=latest.year - _HISTORY_YEARS, day=day)


def _opens_clause(text: str, sentence: Sentence, dated: Dated) -> bool:
    """Whether a date opens its clause ("Sáng 4/12, đoàn ...", "Nhân dịp ..., sáng 4/12, ..."), unlike
    one inside it ("số liệu đến ngày 4/12")."""
    before = text[max(sentence.start, dated.start - 200) : dated.start].rstrip()
    return not before or before.endswith(",")


def _names_nothing(text: str, sentence: Sentence) -> bool:
    """Whether a clause names no activity at all, and no document or founding either."""
    return not _NOT_EVENT_VERB.search(text, sentence.start, sentence.end) and not any(
        _is_activity(text, match) for match in _KEYWORD.finditer(text, sentence.start, sentence.end)
    )


def _titled_lead(doc: Document, title: Sentence, lead: Sentence, dated: Dated) -> list[Event]:
    """The title's activity, dated by the lead ("Đoàn ... thăm tỉnh X" over "Sáng 4/12, đoàn ... đã
    đến X"). Only a title on a line of its own that names an activity and no date of its own."""
    text = doc.text
    if lead.start <= title.start or "\n" not in text[title.end : lead.start] or dates_in(doc, title):
        return []
    activity = _activity(text, title, title.start)
    if activity is None:
        return []
    type_, keyword_start = activity
    return [
        Event(
            type=type_,
            date=dated.when,
            title=_title(text, title, type_, keyword_start, (title.start, title.start)),
            location=_location(text, title, type_) or _location(text, lead, type_),
            evidence=doc.evidence(dated.start, dated.end),
            end_date=dated.last_day,
            dated_by_publication=dated.by_publication,
        )
    ]


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
        going = _DELEGATION_GOES.search(text, end, sentence.end)
        if going and not _NOT_A_DELEGATION.search(text, max(0, going.start() - 15), going.start()):
            return "visit", going.start("verb")
        return None
    after = [m for m in keywords if m.start() >= end]
    before = [m for m in keywords if m.end() <= start]
    blocker = _NOT_EVENT_VERB.search(text, end, sentence.end)
    if blocker and (not after or blocker.start() < after[0].start()):
        return None
    specific = [m for group in (after, list(reversed(before))) for m in group if _is_specific(m)]
    if specific:
        own = [m for m in specific if not _VENUE_BEFORE.search(text, max(0, m.start() - 25), m.start())]
        return _preferred(text, sentence, (own or specific)[0], specific)
    generic = after or list(reversed(before))
    return _type_of(generic[0]), generic[0].start()


def _preferred(
    text: str, sentence: Sentence, chosen: re.Match[str], specific: list[re.Match[str]]
) -> tuple[EventType, int]:
    """The type of the chosen keyword, but for two readings that the words around it settle.

    A reception that is also a meeting ("tiếp và có buổi gặp mặt đoàn") is an exchange; a conference
    where something is signed ("Hội nghị ký kết ...", "ký kết ... tại Hội nghị") is a signing ceremony.
    """
    type_ = _type_of(chosen)
    if type_ == "reception":
        meeting = [m for m in specific if fold_phrase(m.group(1)) in _EXCHANGE_OVER_RECEPTION]
        if meeting:
            return "exchange", meeting[0].start()
    if type_ in ("conference", "seminar"):
        signing = _SIGNING.search(text, sentence.start, sentence.end)
        if signing and (
            _VENUE_BEFORE.search(text, max(0, chosen.start() - 25), chosen.start())
            or re.fullmatch(r"\s*", text[chosen.end() : signing.start()])
        ):
            return "ceremony", signing.start()
    return type_, chosen.start()


def _is_specific(match: re.Match[str]) -> bool:
    return _type_of(match) not in _GENERIC or fold_phrase(match.group(1)) in _NAMED_OTHER


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


def _event(doc: Document, sentence: Sentence, dated: Dated, activity: tuple[EventType, int]) -> Event:
    text = doc.text
    type_, keyword_start = activity
    span = (dated.start, dated.end)
    return Event(
        type=type_,
        date=dated.when,
        title=_title(text, sentence, type_, keyword_start, span),
        location=_location(text, sentence, type_),
        evidence=doc.evidence(*span),
        end_date=dated.last_day,
        dated_by_publication=dated.by_publication,
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
    """Where: "tại Hội trường ...", "tại TP. Biên Hòa, tỉnh Đồng Nai"; for a visit, the place visited.

    A diplomat's or a mission's seat ("Tổng Lãnh sự Nhật Bản tại Thành phố Hồ Chí Minh") is not where.
    """
    match = _LOCATION.search(text, sentence.start, sentence.end)
    while match and _SEAT.search(text, sentence.start, match.start()):
        match = _LOCATION.search(text, match.start() + 1, sentence.end)
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


# Right before "tại": a diplomat's post or mission and its country, so what follows is its seat.
_SEAT = re.compile(
    rf"(?:{alternation(_RULES['participants']['diplomats'])})(?:\s+quán)?\s+[^,;.()\n]{{2,40}}?\s*$"
)
_VISITED = re.compile(
    r"(?i:thăm|làm việc)(?:\s+và\s+làm\s+việc)?(?:\s+(?:với|tại))?\s+"
    r"(?P<place>(?:tỉnh|thành phố|TP\.?|huyện|thị xã|xã|nước|thủ đô)\s+[^\W\d_][^,;.()\n]{1,40})"
)
