"""People named in Vietnamese text, with honorifics, titles and country.

A run of capitalised words is a person's name when the text marks it as one:

- an honorific or a kinship word before it ("ông", "Ngài", "Đ/c", "chị");
- a title before it ("Chủ tịch VUFO Nguyễn Phương Nga", "Tổng thống Hoa Kỳ Joe
  Biden"): the name is what is left of the run once the places, countries and
  acronyms that close the title are taken off;
- a title after it ("Lê Thị Thanh Giang - Chủ tịch...", "Marc Knapper, Đại sứ...");
- its own shape: a Vietnamese surname followed by two or three more syllables
  ("Nguyễn Văn An phát biểu");
- the foot of a letter, under a position in capitals ("PHÓ BÍ THƯ").

A name right after the word for a street, a school, a building, an award or an
anniversary is not a person ("trường Lê Quý Đôn", "đường Lê Lợi"), and neither is a
place or a country, Vietnamese or foreign ("Hàn Quốc", "Udon Thani": the gazetteer
of extraction/rules/foreign_places.toml). A foreign name is known by its letters
("Sasaki"), by hyphens ("Cay-xỏn Phôm-vi-hản"), or by the foreign family and given
names of extraction/rules/foreign_names.toml ("Chon Yong Chin"); royal titles before
it stay in the title ("Preah Bat Samdech ... Norodom Sihamoni"), and a run of Latin-
script words holding an organisation's word is no one ("Plan International"). Bylines
and photo credits are skipped. One person is one record: short mentions ("ông Mẫn",
"bà Thanh Giang") and repeated ones join the full name, and a Lao name written with
a spaced dash ("Cay Xỏn - Phôm Vi Hản") is one name, the same as its hyphenated form.

The step is split by concern: the word lists are data (extraction/rules/people.toml, loaded by
`name_lexicon`); `name_shapes` knows what a name looks like, `titles` reads titles, `name_mentions`
reads a run of capitals in its context, `bylines` skips credits and finds signers, and
`person_country` gives each person a country. This module joins the mentions into people.
"""

from __future__ import annotations

import bisect
import itertools
import unicodedata

from extraction.bylines import excluded_spans, signatures
from extraction.name_mentions import Mention, mentions_in_run, short_reference
from extraction.name_shapes import is_foreign, join_dashed_names, runs
from extraction.organizations import find_organizations
from extraction.person_country import country_of
from extraction.records import Evidence, Organization, Person, Role
from extraction.text import Document
from extraction.titles import distinct_roles
from extraction.variants import fold_phrase


def find_people(doc: Document) -> tuple[list[Person], list[Organization]]:
    """The people a document names, once each, and the organisations it names."""
    text = doc.text
    # credits and bylines, in text order: a run inside one is found by bisection (linear in length)
    excluded = sorted(excluded_spans(text))
    excluded_starts = [start for start, _ in excluded]
    excluded_reach = list(itertools.accumulate((end for _, end in excluded), max))
    mentions: list[Mention] = []
    for run in join_dashed_names(text, runs(text)):
        before = bisect.bisect_right(excluded_starts, run[0].start) - 1
        if before >= 0 and excluded_reach[before] > run[0].start:
            continue
        if len(run) == 1:
            mentions.extend(short_reference(text, run[0]))
            continue
        mentions.extend(mentions_in_run(text, run))
    mentions.extend(signatures(text))
    people = _merge(doc, mentions)
    return people, find_organizations(doc, tuple(person.name for person in people))


def _merge(doc: Document, mentions: list[Mention]) -> list[Person]:
    """One record per person: repeated names, tails of names and short references joined."""
    people: dict[str, Person] = {}
    for mention in mentions:
        if not mention.full:
            continue
        key = _key(mention.name)
        evidence = doc.evidence(mention.start, mention.end)
        person = people.get(key)
        if person is None:
            person = Person(mention.name, mention.honorific, [], None, evidence, [])
            people[key] = person
        _absorb(person, mention, evidence)
    # a full name that is the tail of a longer one is that person ("Phương Nga" of "Nguyễn Phương Nga"),
    # and so is a foreign name that is its head ("Fernando González" of "Fernando González Llort")
    _join_spellings(people)
    for key in list(people):
        foreign = is_foreign(people[key].name.split())
        longer = [
            other
            for other in people
            if other != key and (other.endswith(" " + key) or (foreign and other.startswith(key + " ")))
        ]
        if len(longer) == 1:
            _join(people[longer[0]], people.pop(key))
    # short references ("ông Mẫn", "bà Thanh Giang") join the one person they can mean
    for mention in mentions:
        if mention.full:
            continue
        key = _key(mention.name)
        candidates = [
            other for other in people if other.endswith(" " + key) or (" " + key + " ") in (" " + other + " ")
        ]
        if len(candidates) == 1:
            _absorb(people[candidates[0]], mention, doc.evidence(mention.start, mention.end))
    result = list(people.values())
    for person in result:
        person.roles = distinct_roles(person.roles)
        person.country = country_of(doc, person)
    return result


def _join(target: Person, source: Person) -> None:
    target.mentions.extend(source.mentions)
    target.honorific = target.honorific or source.honorific
    for role in source.roles:
        _add_role(target, role)


def _join_spellings(people: dict[str, Person]) -> None:
    """Two spellings of one transliterated foreign name are one person ("Cay-xỏn Phôm-vi-hản" and
    "Cay Xỏn - Phôn Vi Hản"): long foreign names whose letters, without tones or blanks, differ
    in one letter at most. Vietnamese names never: "Nguyễn Văn Nam" and "Nguyễn Văn Năm" are two."""
    foreign = [
        key for key, person in people.items() if " - " in person.name or is_foreign(person.name.split())
    ]
    for index, key in enumerate(foreign):
        letters = _bare_letters(key)
        if len(letters) < 10:
            continue
        for other in foreign[:index]:
            if other in people and _one_apart(letters, _bare_letters(other)):
                _join(people[other], people.pop(key))
                break


def _bare_letters(key: str) -> str:
    decomposed = unicodedata.normalize("NFD", key.replace("đ", "d"))
    return "".join(char for char in decomposed if char.isalpha() and not unicodedata.combining(char))


def _one_apart(first: str, second: str) -> bool:
    """Whether two strings are equal but for one letter changed, added or dropped."""
    if abs(len(first) - len(second)) > 1:
        return False
    if len(first) > len(second):
        first, second = second, first
    for index, (a, b) in enumerate(zip(first, second, strict=False)):
        if a != b:
            rest = index if len(first) < len(second) else index + 1
            return first[rest:] == second[index + 1 :]
    return True


def _key(name: str) -> str:
    """A name's key: folded, hyphens and a spaced dash read as blanks ("Cay-xỏn Phôm-vi-hản" is "Cay
    Xỏn - Phôm Vi Hản")."""
    return fold_phrase(name.replace("-", " ").replace("–", " "))


def _absorb(person: Person, mention: Mention, evidence: Evidence) -> None:
    person.mentions.append(evidence)
    person.honorific = person.honorific or mention.honorific
    for role in mention.roles:
        _add_role(person, role)


def _add_role(person: Person, role: Role) -> None:
    if all(fold_phrase(role.title) != fold_phrase(other.title) for other in person.roles):
        person.roles.append(role)
