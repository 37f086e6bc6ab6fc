"""Entity resolution: names as the articles write them mapped to one organisation or one person.

The dbt Python models int_organizations__resolved and int_people__resolved load their refs and call
the two functions here; everything else lives in this module as plain functions over plain rows, so it
is unit-tested without dbt or a database (tests/test_resolution.py).

- `resolve_organizations`: every organisation name as written -> one organisation. Abbreviations are
  expanded word by word, the name is folded into a key, the key goes through the seed of aliases, and
  an acronym written alone joins the full name it was once written beside.
- `resolve_people`: every person mention -> one person. Mentions with the same name key are one person
  unless the text tells them apart (different countries, or organisations that share none).

Names are matched through `name_key`, which folds each word with extraction.variants.fold (case, tone
placement "Uỷ"/"Ủy", "y"/"i"), the one fold the extractor uses too. Ids are made by `surrogate_key`,
the recipe of the dbt macro generate_surrogate_key, so every id in the warehouse is built alike.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache

from extraction.variants import fold

# What generate_surrogate_key (dbt_project/macros) writes for a NULL part, and how it joins parts.
NULL_SENTINEL = "_dbt_utils_surrogate_key_null_"
KEY_SEPARATOR = "-"

# Organisation kinds, first match wins. "A" means the name starts with A; "A … B" that it starts with
# A and names B later; "… B" that it names B anywhere.
ORGANIZATION_KINDS: dict[str, tuple[str, ...]] = {
    "friendship_union": ("liên hiệp các tổ chức hữu nghị",),
    "friendship_association": ("hội … hữu nghị",),
    "front": ("… mặt trận",),
    "party": ("ban bí thư", "bộ chính trị", "ban chấp hành", "ban thường vụ", "ban … đảng", "ban đối ngoại",
              "thành ủy", "tỉnh ủy", "huyện ủy", "đảng"),
    "state": ("ủy ban nhân dân", "hội đồng nhân dân", "sở", "bộ", "chính phủ", "quốc hội", "thủ tướng",
              "văn phòng"),
    "diplomatic_mission": ("đại sứ quán", "tổng lãnh sự", "lãnh sự", "đại sứ"),
    "company": ("công ty", "tập đoàn", "ngân hàng", "doanh nghiệp"),
    "school": ("trường", "đại học", "học viện"),
    "association": ("hội", "liên hiệp", "liên đoàn", "quỹ", "tổ chức", "câu lạc bộ", "đoàn"),
}  # fmt: skip
# Kinds that are Vietnamese by nature: an organisation of these kinds with no country is in Vietnam.
VIETNAMESE_KINDS = frozenset({"friendship_union", "front", "party", "state"})

# A word of a folded key: letters and digits, with the tone marks fold() moved to its end.
_WORD = re.compile(r"[\w\u0300\u0301\u0303\u0309\u0323]+")


def surrogate_key(*parts: str | None) -> str:
    """The md5 of the parts joined by '-', a missing part written as a sentinel: what the dbt macro
    generate_surrogate_key computes in SQL, so ids made in Python join ids made in SQL's way."""
    text = KEY_SEPARATOR.join(NULL_SENTINEL if part is None else str(part) for part in parts)
    return hashlib.md5(text.encode("utf-8")).hexdigest()


def name_key(name: str) -> str:
    """The matching key of a name: each word folded (case, tone placement, y/i), dashes spaced,
    single spaces, no punctuation at the ends. Two spellings of one name get one key."""
    text = unicodedata.normalize("NFC", name)
    text = re.sub(r"\s+", " ", re.sub(r"\s*[-–]\s*", " - ", text)).strip(" .,;:-–")
    return " ".join(fold(word) for word in text.split())


def key_words(text: str) -> tuple[str, ...]:
    """The words of a name's key, punctuation dropped: what phrases are looked for in."""
    return tuple(_WORD.findall(name_key(text)))


def _find(words: Sequence[str], phrase: Sequence[str], start: int = 0) -> bool:
    """Whether `phrase` occurs in `words` as whole consecutive words, at `start` or after."""
    size = len(phrase)
    return size > 0 and any(
        tuple(words[i : i + size]) == tuple(phrase) for i in range(start, len(words) - size + 1)
    )


def expand(name: str, abbreviations: Mapping[str, str]) -> str:
    """`name` with each abbreviated word spelt out ("Liên hiệp CTCHN ..." -> "Liên hiệp các tổ chức
    hữu nghị ..."); punctuation around a word is kept."""
    words = []
    for word in name.split():
        bare = word.strip(",.;:()")
        words.append(word.replace(bare, abbreviations[bare]) if bare in abbreviations else word)
    return " ".join(words)


@cache
def _kind_rules() -> tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]:
    """ORGANIZATION_KINDS as (kind, folded words the name starts with, folded words it names later)."""
    rules = []
    for kind, phrases in ORGANIZATION_KINDS.items():
        for phrase in phrases:
            head, _, later = phrase.partition("…")
            rules.append((kind, key_words(head), key_words(later)))
    return tuple(rules)


def organization_kind(key: str) -> str:
    """The kind of organisation a name key names, by ORGANIZATION_KINDS; "other" when none fits."""
    words = _WORD.findall(key)
    for kind, head, later in _kind_rules():
        if tuple(words[: len(head)]) == head and (not later or _find(words, later, start=len(head))):
            return kind
    return "other"


def province_named(key: str, places: Mapping[str, str]) -> str | None:
    """The province whose name or alias the key names (the longest one when several do)."""
    words = _WORD.findall(key)
    found = [
        (len(place), province) for place, province in places.items() if _find(words, _WORD.findall(place))
    ]
    return max(found)[1] if found else None


def country_named(key: str, countries: Mapping[str, str]) -> str | None:
    """The first country (in the seed's order) whose Vietnamese name the key names."""
    words = _WORD.findall(key)
    return next((code for name, code in countries.items() if _find(words, _WORD.findall(name))), None)


@dataclass(frozen=True)
class OrganizationAlias:
    """A row of the seed organization_aliases: another way to write an organisation's name."""

    alias: str
    canonical_name: str
    acronym: str | None = None
    organization_kind: str | None = None


@dataclass(frozen=True)
class OrganizationSeeds:
    """What the seeds know, keyed by name_key (build it with `OrganizationSeeds.from_rows`)."""

    abbreviations: Mapping[str, str]  # abbreviation as written -> expansion
    aliases: Mapping[str, OrganizationAlias]  # key of the expanded alias -> the alias row
    places: Mapping[str, str]  # key of a province's name or alias -> province name
    countries: Mapping[str, str]  # key of a country's Vietnamese name -> country code (Vietnam left out)

    @classmethod
    def from_rows(
        cls,
        abbreviations: Iterable[tuple[str, str]],
        aliases: Iterable[OrganizationAlias],
        provinces: Iterable[str],
        location_aliases: Iterable[tuple[str, str]],
        countries: Iterable[tuple[str, str]],
    ) -> OrganizationSeeds:
        """From the rows of the seeds organization_abbreviations, organization_aliases, provinces,
        location_aliases (alias, province) and countries (name_vi, country_code; Vietnam left out)."""
        expansions = dict(abbreviations)
        return cls(
            abbreviations=expansions,
            aliases={name_key(expand(row.alias, expansions)): row for row in aliases},
            places={name_key(name): name for name in provinces}
            | {name_key(alias): name for alias, name in location_aliases},
            countries={name_key(name): code for name, code in countries},
        )


@dataclass(frozen=True)
class WrittenOrganization:
    """An organisation name as an article writes it, with what the article says of it."""

    name: str
    acronym: str | None = None
    country_code: str | None = None


@dataclass(frozen=True)
class ResolvedOrganization:
    """One row of int_organizations__resolved: a name as written and the organisation it names."""

    name_as_written: str
    organization_id: str
    organization_name: str
    acronym: str | None
    organization_kind: str
    country_code: str | None
    province_name: str | None
    name_key: str


@dataclass
class _OrganizationGroup:
    """The names that resolve to one key, and what the seed says of the first of them."""

    alias: OrganizationAlias | None
    names: Counter[str] = field(default_factory=Counter)
    acronyms: Counter[str] = field(default_factory=Counter)
    countries: Counter[str] = field(default_factory=Counter)


def resolve_organizations(
    written: Sequence[WrittenOrganization], seeds: OrganizationSeeds
) -> list[ResolvedOrganization]:
    """Each distinct name as written mapped to one organisation, sorted by the name as written.

    Steps for one name: expand abbreviations (seed organization_abbreviations); fold it into a key;
    if it is an acronym once written beside a full name ("... Việt Nam (VUFO)"), take that name's key;
    map the key through the seed organization_aliases. The organisation shows the seed's canonical name,
    or else the name most often written (capitalised first); its country is the one most often given,
    else the one its name contains, else Vietnam for Vietnamese kinds of organisation.
    """
    acronym_of: dict[str, str] = {}  # key of an acronym -> key of the full name it stood beside
    for mention in written:
        if mention.acronym and mention.acronym != mention.name:
            acronym_of[name_key(mention.acronym)] = name_key(expand(mention.name, seeds.abbreviations))

    groups: dict[str, _OrganizationGroup] = {}
    key_of: dict[str, str] = {}  # name as written -> key of its group
    for mention in written:
        expanded = expand(mention.name, seeds.abbreviations)
        key = name_key(expanded)
        key = acronym_of.get(key, key)
        alias = seeds.aliases.get(key)
        if alias:
            key = name_key(expand(alias.canonical_name, seeds.abbreviations))
        group = groups.setdefault(key, _OrganizationGroup(alias=alias))  # the first name fixes the seed row
        group.names[expanded] += 1
        if mention.acronym:
            group.acronyms[mention.acronym] += 1
        if mention.country_code:
            group.countries[mention.country_code] += 1
        key_of[mention.name] = key

    resolved = {key: _organization(key, group, seeds) for key, group in groups.items()}
    return [
        ResolvedOrganization(name_as_written=name, **resolved[key]) for name, key in sorted(key_of.items())
    ]


def _organization(key: str, group: _OrganizationGroup, seeds: OrganizationSeeds) -> dict[str, str | None]:
    """The columns of one organisation, from its group of names."""
    alias = group.alias
    display = (alias and alias.canonical_name) or max(
        group.names, key=lambda name: (group.names[name], name[:1].isupper(), name)
    )
    kind = (alias and alias.organization_kind) or organization_kind(key)
    acronym = (alias and alias.acronym) or (group.acronyms.most_common(1)[0][0] if group.acronyms else None)
    country = (
        (group.countries.most_common(1)[0][0] if group.countries else None)
        or country_named(key, seeds.countries)
        or ("VN" if kind in VIETNAMESE_KINDS else None)
    )
    return {
        "organization_id": surrogate_key(key),
        "organization_name": display,
        "acronym": acronym,
        "organization_kind": kind,
        "country_code": country,
        "province_name": province_named(key, seeds.places),
        "name_key": key,
    }


@dataclass(frozen=True)
class PersonMention:
    """A person as one article names them: the record, the name, the country and the organisations
    of their roles, as written."""

    record_id: str
    person_name: str
    country_code: str | None = None
    organizations: tuple[str, ...] = ()


@dataclass(frozen=True)
class ResolvedPerson:
    """One row of int_people__resolved: a mention and the person it names."""

    record_id: str
    person_id: str
    name_key: str
    namesakes: int  # how many people share the name key


@dataclass
class _Person:
    """The mentions clustered into one person so far."""

    records: list[str] = field(default_factory=list)
    countries: Counter[str] = field(default_factory=Counter)
    organizations: Counter[str] = field(default_factory=Counter)

    def accepts(self, country: str | None, organizations: frozenset[str]) -> bool:
        """Whether a mention can be this person: no other country, and organisations in common when
        both name some (two lists of organisations that share none describe two people)."""
        if country and self.countries and country not in self.countries:
            return False
        return not (organizations and self.organizations and not organizations & set(self.organizations))

    def add(self, record_id: str, country: str | None, organizations: frozenset[str]) -> None:
        self.records.append(record_id)
        if country:
            self.countries[country] += 1
        self.organizations.update(organizations)


def resolve_people(
    mentions: Iterable[PersonMention], organization_ids: Mapping[str, str]
) -> list[ResolvedPerson]:
    """Each mention mapped to one person.

    `mentions` come in the order the articles were published (the order breaks ties, so ids stay put
    as articles are added); `organization_ids` maps an organisation name as written to its id
    (int_organizations__resolved). Mentions with one name key are one person unless they conflict;
    within a name, the mentions that tell people apart are placed first and the vague ones join the
    largest person they fit. The person id is a key of the name, the person's most frequent country
    and their first organisation id.
    """
    by_name: dict[str, list[tuple[str, str | None, frozenset[str]]]] = {}
    for mention in mentions:
        ids = frozenset(organization_ids[o] for o in mention.organizations if o in organization_ids)
        by_name.setdefault(name_key(mention.person_name), []).append(
            (mention.record_id, mention.country_code, ids)
        )

    resolved = []
    for key, group in by_name.items():
        people: list[_Person] = []
        # mentions that tell people apart first (organisations, then a country), the vague ones after
        for record_id, country, ids in sorted(group, key=lambda m: (not m[2], not m[1])):
            fits = [person for person in people if person.accepts(country, ids)]
            if fits:
                max(fits, key=lambda person: len(person.records)).add(record_id, country, ids)
            else:
                people.append(_Person())
                people[-1].add(record_id, country, ids)
        for person in people:
            country = person.countries.most_common(1)[0][0] if person.countries else None
            first_organization = min(person.organizations) if person.organizations else None
            person_id = surrogate_key(key, country, first_organization)
            resolved += [
                ResolvedPerson(record_id, person_id, key, len(people)) for record_id in person.records
            ]
    return resolved
