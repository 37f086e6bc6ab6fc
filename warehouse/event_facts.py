"""Events across articles: every report of an event (a mention) joined to one real-world event (a fact).

Two sites reporting the same reception give two mentions and one fact: analysts count facts. The
dbt Python model int_events__facts loads the mentions and their resolved participants and calls
`merge_event_mentions`; the rules live here as plain functions over plain rows, unit-tested in
tests/test_event_facts.py without dbt or a database.

The rules, for a mention and a fact formed so far. The mention joins the fact only when it agrees with
every mention already in it on all of these:

1. Another article: two events of one article are two events (the extractor keeps one per activity).
2. The same type (visit, reception, ceremony...); a report whose words name no specific kind
   ("other": "chương trình", "sự kiện") may be of any.
3. Compatible dates: the days the two reports give overlap, a multi-day event covering its first to its
   last day; a day counted from the publication date ("hôm qua", "sáng nay") may be one day off.
4. Never two places: when both state where it took place (a province in their location), it is the
   same province. A province named elsewhere in a report's sentence (a guest's home, a title) is a
   guess and tells no two events apart.
5. The same place (the same province, stated or guessed) or a participant in common: the same person
   or organisation (as resolved), or a delegation of the same foreign country.

Mentions are taken in the order they were reported (publication date, then URL, then position in the
article), and a mention joins the first fact it agrees with, else starts one. So the same mentions
always give the same facts, and a fact's id is its first report's mention id: it stays the same as
later reports join it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta

# The type of a report whose words name no specific kind of activity (extraction.records.EventType).
GENERIC_TYPE = "other"
# A day counted from the publication date may be off by this much either way.
PUBLICATION_SLACK = timedelta(days=1)


@dataclass(frozen=True)
class EventParticipant:
    """One participant of a mention, as resolved: kind person / organization / delegation."""

    kind: str
    participant_id: str  # person_id, organization_id, or the delegation's own key
    country_code: str | None = None


@dataclass(frozen=True)
class EventMention:
    """One article's report of an event (fct_event_mention)."""

    mention_id: str
    article_id: str
    event_type: str
    first_day: date
    last_day: date | None = None  # of a multi-day event, when the report gives it
    dated_by_publication: bool = False
    province_id: str | None = None  # location_id of the province it names
    province_is_stated: bool = False  # named in its location, not only elsewhere in its sentence
    participants: tuple[EventParticipant, ...] = ()
    reported_on: date | None = None
    document_url: str = ""
    ordinal: int = 0

    @property
    def days(self) -> tuple[date, date]:
        """The first and last day it may have taken place on, as this report dates it."""
        slack = PUBLICATION_SLACK if self.dated_by_publication else timedelta(0)
        return self.first_day - slack, max(self.first_day, self.last_day or self.first_day) + slack

    @property
    def shared_keys(self) -> frozenset[str]:
        """What a participant in common is: the same person or organisation, or a delegation of the same
        foreign country (two reports name one delegation in different words)."""
        keys = set()
        for participant in self.participants:
            if participant.kind == "delegation" and participant.country_code not in (None, "VN"):
                keys.add(f"delegation:{participant.country_code}")
            else:
                keys.add(f"{participant.kind}:{participant.participant_id}")
        return frozenset(keys)


@dataclass(frozen=True)
class MergedMention:
    """A mention and the fact it reports (int_events__facts)."""

    mention_id: str
    event_id: str


@dataclass
class _Fact:
    event_id: str
    mentions: list[EventMention] = field(default_factory=list)


def same_event(one: EventMention, other: EventMention) -> bool:
    """Whether two mentions may report one event: rules 1 to 5 of the module's docstring."""
    if one.article_id == other.article_id:
        return False
    if one.event_type != other.event_type and GENERIC_TYPE not in (one.event_type, other.event_type):
        return False
    (first, last), (other_first, other_last) = one.days, other.days
    if first > other_last or other_first > last:
        return False
    stated = {m.province_id for m in (one, other) if m.province_id and m.province_is_stated}
    if len(stated) == 2:
        return False  # rule 4: never two places
    if one.province_id and one.province_id == other.province_id:
        return True  # rule 5: the same place
    return bool(one.shared_keys & other.shared_keys)


def merge_event_mentions(mentions: Iterable[EventMention]) -> list[MergedMention]:
    """Each mention with the id of the fact it reports, in the order the mentions were reported."""
    ordered = sorted(
        mentions,
        key=lambda m: (
            m.reported_on is None,
            m.reported_on or date.min,
            m.document_url,
            m.ordinal,
            m.mention_id,
        ),
    )
    facts: list[_Fact] = []
    # Only facts whose days meet the mention's can take it (rule 3), so each fact is filed under every
    # day of its first mention, and a mention is compared with the facts filed under its own days, in
    # the order they were made: the fact it joins is the one a pass over every fact would find.
    facts_on_day: dict[date, list[int]] = defaultdict(list)
    merged = []
    for mention in ordered:
        candidates = sorted({index for day in _each_day(mention.days) for index in facts_on_day.get(day, ())})
        fact = next(
            (
                facts[index]
                for index in candidates
                if all(same_event(mention, other) for other in facts[index].mentions)
            ),
            None,
        )
        if fact is None:
            fact = _Fact(mention.mention_id)
            for day in _each_day(mention.days):
                facts_on_day[day].append(len(facts))
            facts.append(fact)
        fact.mentions.append(mention)
        merged.append(MergedMention(mention.mention_id, fact.event_id))
    return merged


def _each_day(days: tuple[date, date]) -> Iterator[date]:
    first, last = days
    for offset in range((last - first).days + 1):
        yield first + timedelta(days=offset)
