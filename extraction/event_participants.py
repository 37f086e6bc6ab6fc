"""Who took part in each event of an article: people, organisations and delegations, with their countries.

An article's events divide it into stretches: each event owns the text from its own clause up to the
clause of the next event (the first event also owns the text before it), so a name in a photo
caption, in a later paragraph or after a line inserted between the event and its list of guests
still reaches the event. Within its stretch:

- whoever the event's own clause names takes part: the host, the guest, the delegation;
- elsewhere, a person or a delegation takes part when its clause says so: attending, chairing,
  leading, speaking, receiving, giving ("Tham dự có ông ...", "Theo ông ...", "... phát biểu"); an
  organisation when its clause says it attended ("Đến dự có đại diện Ban Đối ngoại Thành ủy");
- an organisation inside a person's title ("Chủ tịch UBND tỉnh Lê Trí Thanh") belongs to the title,
  and one inside a delegation's words to the delegation: neither is a participant of its own.

A delegation is "đoàn" or "phái đoàn" and the words after it that name who sent it, up to a verb or a
preposition ("đoàn thanh niên Thái Lan đến giao lưu"). Its country is that of the first thing its
words name among organisations (with their own country), "Việt Nam" and foreign countries: so "đoàn
đại biểu Hội hữu nghị Việt Nam - Hàn Quốc" is Vietnamese and "đoàn đại biểu Hội hữu nghị Hoa Kỳ -
Việt Nam" American. A diplomat named by post alone ("tiếp Đại sứ Hoa Kỳ") is the person the article
names in that post, else a delegation of that country. A country named alone makes no participant:
the organisation named in an event's title ("Hội hữu nghị Việt Nam - Hàn Quốc ... tổ chức đại hội")
takes part as an organisation of its own country, never as a delegation of the country its name holds.

The word lists are data in extraction/rules/events.toml, [participants] and [delegations].
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from extraction.records import CountryMention, Event, Organization, Participant, ParticipantKind, Person
from extraction.rules import alternation, load
from extraction.text import UPPER, Document, Sentence, split_clauses

_RULES = load("events")
_PARTICIPANTS = _RULES["participants"]
_DELEGATIONS = _RULES["delegations"]


def _cue(words: list[str]) -> re.Pattern[str]:
    """Any of `words` as a whole word, in any case, unless the words after it make it no activity."""
    longest_first = sorted(words, key=len, reverse=True)
    return re.compile(
        rf"(?<!\w)(?i:{alternation(longest_first, unless_before=_RULES['not_activity_after'])})(?!\w)"
    )


_ATTENDING = _cue(_PARTICIPANTS["attendance"])
_TAKING_PART = _cue(_PARTICIPANTS["attendance"] + _PARTICIPANTS["actions"])
_DIPLOMAT = re.compile(
    rf"(?<!\w)(?:{alternation(sorted(_PARTICIPANTS['diplomats'], key=len, reverse=True))})\s+(?!quán\b)"
)
_DELEGATION = re.compile(r"(?<!\w)(?:(?i:phái)\s+)?[Đđ]oàn(?!\w)")
_NOT_DELEGATION_AFTER = re.compile(rf"(?<!\w)(?:{alternation(_DELEGATIONS['not_after'])})\s+$")
_NOT_DELEGATION_BEFORE = re.compile(rf"\s+(?:{alternation(_DELEGATIONS['not_before'])})(?!\w)")
_DELEGATION_END = re.compile(rf"[,;.:()\n\"“”]|\s(?:{alternation(_DELEGATIONS['ends'])})(?!\w)")
_NAMED = re.compile(rf"\s[{UPPER}0-9]")  # a capitalised word: the delegation says who sent it
_IN_BRACKETS = re.compile(r"\s*\(([^()\n]{2,40})\)")
_VIETNAM = re.compile(r"(?<!\w)Việt Nam(?!\w)")


@dataclass(frozen=True)
class _Candidate:
    """A name that may take part in the event of the stretch it lies in."""

    participant: Participant
    needs: re.Pattern[str]  # what its clause must say, when it is outside the event's own clause


def add_participants(
    doc: Document,
    events: Sequence[Event],
    people: Sequence[Person],
    organizations: Sequence[Organization],
    countries: Sequence[CountryMention],
) -> None:
    """Fill each event's `participants`, in the order the article names them."""
    if not events:
        return
    countries = sorted(countries, key=lambda country: country.evidence.start)  # bisected by position
    clauses = split_clauses(doc)
    clause_starts = [clause.start for clause in clauses]

    def clause_at(offset: int) -> Sentence:
        return clauses[max(bisect.bisect_right(clause_starts, offset) - 1, 0)]

    own_clauses = [clause_at(event.evidence.start) for event in events]
    order = sorted(range(len(events)), key=lambda i: own_clauses[i].start)
    stretch_starts = [0, *(own_clauses[i].start for i in order[1:])]
    found: list[dict[tuple[ParticipantKind, str], Participant]] = [{} for _ in events]
    for candidate in _candidates(doc, people, organizations, countries):
        start = candidate.participant.start
        index = order[bisect.bisect_right(stretch_starts, start) - 1]
        own = own_clauses[index]
        clause = clause_at(start)
        if not (own.start <= start < own.end or candidate.needs.search(doc.text, clause.start, clause.end)):
            continue
        key = (candidate.participant.kind, candidate.participant.name)
        if key not in found[index] or start < found[index][key].start:
            found[index][key] = candidate.participant
    for event, participants in zip(events, found, strict=True):
        event.participants = sorted(participants.values(), key=lambda p: p.start)


def _candidates(
    doc: Document,
    people: Sequence[Person],
    organizations: Sequence[Organization],
    countries: Sequence[CountryMention],
) -> Iterator[_Candidate]:
    text = doc.text
    for person in people:
        for mention in person.mentions or [person.evidence]:
            yield _Candidate(
                Participant(person.name, "person", person.country, mention.start, mention.end), _TAKING_PART
            )
    delegations = list(_delegations(text, organizations, countries))
    yield from (_Candidate(delegation, _TAKING_PART) for delegation in delegations)
    yield from _diplomats(text, people, countries)
    yield from _organizations(doc, people, organizations, delegations)


def _organizations(
    doc: Document,
    people: Sequence[Person],
    organizations: Sequence[Organization],
    delegations: list[Participant],
) -> Iterator[_Candidate]:
    """Every place an organisation is named, except inside a person's title, a delegation's words or a
    longer organisation's name ("Mặt trận Tổ quốc" in "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh ...")."""
    text = doc.text
    named = [
        Participant(
            organization.name, "organization", organization.country, start, start + len(organization.name)
        )
        for organization in organizations
        for start in _occurrences(text, organization.name)
    ]
    positions = {role.position for person in people for role in person.roles if role.position}
    # sorted by start, so that the names and delegations around a place are found by bisection
    # (a long text names thousands: comparing each with all would grow with the square of its length)
    named.sort(key=lambda participant: participant.start)
    named_starts = [participant.start for participant in named]
    longest = max((participant.end - participant.start for participant in named), default=0)
    delegations = sorted(delegations, key=lambda delegation: delegation.start)
    delegation_starts = [delegation.start for delegation in delegations]
    delegation_reach = list(itertools.accumulate((d.end for d in delegations), max))
    titled: dict[str, list[int]] = {}  # an organisation's name -> where people holding it in a title stand
    for organization in named:
        start, end = organization.start, organization.end
        around = named[
            bisect.bisect_left(named_starts, end - longest) : bisect.bisect_right(named_starts, start)
        ]
        if any(other.start <= start and end <= other.end and other != organization for other in around):
            continue
        before = bisect.bisect_right(delegation_starts, start) - 1
        if before >= 0 and delegation_reach[before] > start:
            continue
        if any(text.endswith(position + " ", 0, start) for position in positions):
            continue  # "Chủ tịch UBND tỉnh Lê Trí Thanh"
        sentence = doc.sentence_at(start)
        if organization.name not in titled:
            titled[organization.name] = sorted(
                mention.start
                for person in people
                if any(organization.name in role.title for role in person.roles)
                for mention in person.mentions or [person.evidence]
            )
        holders = titled[organization.name]
        if bisect.bisect_left(holders, sentence.start) < bisect.bisect_left(holders, sentence.end):
            continue  # "ông Nguyễn Văn Hùng - Phó Giám đốc Sở Ngoại vụ thành phố"
        yield _Candidate(organization, _ATTENDING)


def _occurrences(text: str, name: str, start: int = 0, end: int | None = None) -> Iterator[int]:
    """Where `name` stands within text[start:end], not followed there by a letter or digit."""
    end = len(text) if end is None else end
    at = text.find(name, start, end)
    while at >= 0:
        after = at + len(name)
        if after >= end or not text[after].isalnum():
            yield at
        at = text.find(name, at + 1, end)


def _delegations(
    text: str, organizations: Sequence[Organization], countries: Sequence[CountryMention]
) -> Iterator[Participant]:
    """ "đoàn ..." naming who sent it, with the country of the first thing it names."""
    for match in _DELEGATION.finditer(text):
        if _NOT_DELEGATION_AFTER.search(text, max(0, match.start() - 20), match.start()):
            continue
        if _NOT_DELEGATION_BEFORE.match(text, match.end()):
            continue
        stop = _DELEGATION_END.search(text, match.end(), match.end() + 120)
        end = stop.start() if stop else min(len(text), match.end() + 120)
        brackets = _IN_BRACKETS.match(text, end)  # "đoàn tỉnh Champasak (Lào)"
        if brackets and any(brackets.start(1) <= c.evidence.start < brackets.end(1) for c in countries):
            end = brackets.end()
        words = text[match.start() : end].rstrip()
        if not _NAMED.search(words):
            continue  # "đoàn công tác", "các đoàn khách quốc tế": who sent it is not said here
        end = match.start() + len(words)
        yield Participant(
            words,
            "delegation",
            _country_named(text, match.end(), end, organizations, countries),
            match.start(),
            end,
        )


def _country_named(
    text: str,
    start: int,
    end: int,
    organizations: Sequence[Organization],
    countries: Sequence[CountryMention],
) -> str | None:
    """The country of the first organisation, "Việt Nam" or foreign country named in text[start:end]."""

    def position(country: CountryMention) -> int:
        return country.evidence.start

    # the countries are in text order: those inside the words are found by bisection
    inside = countries[
        bisect.bisect_left(countries, start, key=position) : bisect.bisect_left(countries, end, key=position)
    ]
    named: list[tuple[int, str]] = [(c.evidence.start, c.code) for c in inside]
    vietnam = _VIETNAM.search(text, start, end)
    if vietnam:
        named.append((vietnam.start(), "VN"))
    for organization in organizations:
        if organization.country:
            named.extend(
                (at, organization.country) for at in _occurrences(text, organization.name, start, end)
            )
    return min(named)[1] if named else None


def _diplomats(
    text: str, people: Sequence[Person], countries: Sequence[CountryMention]
) -> Iterator[_Candidate]:
    """ "Đại sứ Hoa Kỳ": the person the article names in that post, else a delegation of that country."""
    country_at = {c.evidence.start: c for c in countries}
    for match in _DIPLOMAT.finditer(text):
        country = country_at.get(match.end())
        if country is None:
            continue
        post = match.group(0).strip()
        holder = next(
            (
                person
                for person in people
                if person.country == country.code and any(post in role.title for role in person.roles)
            ),
            None,
        )
        end = country.evidence.end
        if holder:
            participant = Participant(holder.name, "person", holder.country, match.start(), end)
        else:
            participant = Participant(
                text[match.start() : end], "delegation", country.code, match.start(), end
            )
        # attending only: a donor named by post ("viện trợ từ Tổng Lãnh sự ...") is not a guest
        yield _Candidate(participant, _ATTENDING)
