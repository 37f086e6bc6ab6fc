"""Entity resolution: names as the articles write them mapped to one organisation or one person.

The dbt Python models int_organizations__resolved and int_people__resolved load their refs and call
the two functions here; everything else lives in this module as plain functions over plain rows, so it
is unit-tested without dbt or a database (tests/test_resolution.py).

- `resolve_organizations`: every organisation name as written -> one organisation. The name is spelt
  out (an acronym in brackets set aside, abbreviations expanded word by word, its opening words put in
  their full form, "tại Việt Nam" dropped), folded into a key, and the key goes through the seeds of
  aliases and of foreign organisations; an acronym written alone joins the full name it was once
  written beside, and a mission named without its city joins the one mission of that name with a city.
  Its home country is the seed's, else the one the articles give, else the first one its name names,
  else Vietnam for a Vietnamese kind of body or a name naming a Vietnamese province.
- `resolve_people`: every person mention -> one person. Mentions with the same name key are one person
  unless the text tells them apart: different countries, or posts in organisations of different
  provinces. Never by default: a less precise organisation ("UBND thành phố") is no evidence.

Names are matched through `name_key`, which folds each word with extraction.variants.fold (case, tone
placement "Uỷ"/"Ủy", "y"/"i"), the one fold the extractor uses too. Ids are made by `surrogate_key`,
the recipe of the dbt macro generate_surrogate_key, so every id in the warehouse is built alike.
"""

from __future__ import annotations

import dataclasses
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
# The kinds the seed foreign_organizations gives (no name rule above yields them).
SEED_KINDS = ("development_agency", "international_organization", "ngo")

# A place that adds nothing to a name in Vietnamese news: "KOICA tại Việt Nam" is KOICA.
IMPLIED_PLACE = "tại Việt Nam"
# Generic words a name may open with before a known name: "Tổ chức Plan International" is Plan
# International. Also dropped before a name in Latin letters only ("Tổ chức ABC Foundation").
GENERIC_HEADS = ("tổ chức", "cơ quan")
# Words that open a qualifier after a known name: "GIZ của Cộng hòa Liên bang Đức" is GIZ.
QUALIFIERS = ("tại", "của", "ở")
# Vietnam named by its first syllable ("Hội hữu nghị Việt - Nhật", "Trường Đại học Việt - Đức").
VIETNAM_SHORT = ("Việt", "VN")
# A one-word country name ("Anh", "Đức", "Nga", "Mỹ", "Áo") is also a word of people's, places' and
# other names ("Nguyễn Đức Cảnh", "Mỹ thuật"), so it names the country only at the start of a name or
# after one of these words ("Đại sứ quán Anh", "Chính phủ Pháp", "Tổ quốc Campuchia", "hữu nghị Nhật -
# Việt", "Hội người Nga"); longer names count anywhere.
COUNTRY_CUES = ("quán", "phủ", "sản", "quốc", "nghị", "-", "người", "của", "sự", "nước")

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
    hữu nghị ..."); punctuation around a word is kept, but not the dot that ends an abbreviation
    ("TP. Cần Thơ" -> "thành phố Cần Thơ")."""
    words = []
    for word in name.split():
        bare = word.strip(",.;:()")
        if word in (bare + ".", "(" + bare + ".") and bare in abbreviations:
            word = word[:-1]
        words.append(word.replace(bare, abbreviations[bare]) if bare in abbreviations else word)
    return " ".join(words)


def rewrite_head(name: str, heads: Sequence[tuple[str, str]]) -> str:
    """`name` opening with the full form of its first words (seed organization_heads, longest first):
    "Tổng Lãnh sự Nhật Bản" -> "Tổng Lãnh sự quán Nhật Bản", "Liên hiệp hữu nghị Việt Nam" ->
    "Liên hiệp các tổ chức hữu nghị Việt Nam". A name already in the full form is left alone."""
    words = name.split()
    folded = key_words(name)
    for head, full in heads:
        head_words, full_words = key_words(head), key_words(full)
        if folded[: len(head_words)] == head_words and folded[: len(full_words)] != full_words:
            return " ".join([full, *words[len(head.split()) :]])
    return name


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


@cache
def _country_cues() -> frozenset[str]:
    return frozenset(fold(cue) for cue in COUNTRY_CUES)


def country_named(key: str, countries: Mapping[str, str]) -> str | None:
    """The country the key names first (Vietnam included), the longest name winning at one place.

    A one-word name counts only at the start or after a word of COUNTRY_CUES: "Đại sứ quán Anh" is
    British, "Trường Nguyễn Đức Cảnh" is not German. The key keeps dashes as words, so "Việt Nam -
    Lào" finds Vietnam first."""
    words = key.split()
    cues = _country_cues()
    found = []
    for name, code in countries.items():
        phrase = name.split()
        for start in range(len(words) - len(phrase) + 1):
            if words[start : start + len(phrase)] != phrase:
                continue
            if len(phrase) > 1 or start == 0 or words[start - 1] in cues or name in _vietnam_short():
                found.append((start, -len(phrase), code))
                break
    return min(found)[2] if found else None


@cache
def _vietnam_short() -> frozenset[str]:
    return frozenset(name_key(name) for name in VIETNAM_SHORT)


@dataclass(frozen=True)
class OrganizationAlias:
    """Another way to write an organisation's name (a row of the seed organization_aliases, or a name,
    acronym or alias of the seed foreign_organizations), with what the seed knows of it."""

    alias: str
    canonical_name: str
    acronym: str | None = None
    organization_kind: str | None = None
    country_code: str | None = None


@dataclass(frozen=True)
class ForeignOrganization:
    """A row of the seed foreign_organizations: a well-known foreign agency or NGO and its home."""

    name: str
    acronym: str | None
    country_code: str | None  # None for a body of many countries (UNICEF)
    organization_kind: str
    aliases: tuple[str, ...] = ()  # other names, in Vietnamese or English

    def as_aliases(self) -> list[OrganizationAlias]:
        """Its name, acronym and every alias, each an alias of its name."""
        spellings = [self.name, *([self.acronym] if self.acronym else []), *self.aliases]
        return [
            OrganizationAlias(spelling, self.name, self.acronym, self.organization_kind, self.country_code)
            for spelling in spellings
        ]


@dataclass(frozen=True)
class OrganizationSeeds:
    """What the seeds know, keyed by name_key (build it with `OrganizationSeeds.from_rows`)."""

    abbreviations: Mapping[str, str]  # abbreviation as written -> expansion
    heads: Sequence[tuple[str, str]]  # opening words as written -> their full form, longest first
    aliases: Mapping[str, OrganizationAlias]  # key of the spelt-out alias -> the alias row
    places: Mapping[str, str]  # key of a province's name or alias -> province name
    countries: Mapping[str, str]  # key of a country's name or alias -> country code (Vietnam included)

    @classmethod
    def from_rows(
        cls,
        abbreviations: Iterable[tuple[str, str]],
        aliases: Iterable[OrganizationAlias],
        provinces: Iterable[str],
        location_aliases: Iterable[tuple[str, str]],
        countries: Iterable[tuple[str, str, str | None]],
        heads: Iterable[tuple[str, str]] = (),
        foreign: Iterable[ForeignOrganization] = (),
    ) -> OrganizationSeeds:
        """From the rows of the seeds organization_abbreviations, organization_aliases, provinces,
        location_aliases (alias, province), countries (name_vi, country_code, aliases_vi separated by
        '|'), organization_heads (head, full_head) and foreign_organizations."""
        country_keys: dict[str, str] = {}
        for name, code, country_aliases in countries:
            for spelling in [name, *(country_aliases or "").split("|")]:
                if spelling.strip():
                    country_keys.setdefault(name_key(spelling), code)
        country_keys |= {name_key(name): "VN" for name in VIETNAM_SHORT}
        partial = cls(
            abbreviations=dict(abbreviations),
            heads=sorted(heads, key=lambda row: -len(row[0].split())),
            aliases={},
            places={name_key(name): name for name in provinces}
            | {name_key(alias): name for alias, name in location_aliases},
            countries=country_keys,
        )
        rows = [*aliases, *(alias for organization in foreign for alias in organization.as_aliases())]
        return dataclasses.replace(partial, aliases={spelt_out(row.alias, partial)[1]: row for row in rows})


_BRACKETED_ACRONYM = re.compile(r"\s*\(([A-ZĐ][A-ZĐ0-9&.-]{1,15})\)\s*$")


def spelt_out(name: str, seeds: OrganizationSeeds, post: str | None = None) -> tuple[str, str, str | None]:
    """The name in full, its key, and the acronym written after it in brackets.

    An acronym in brackets at the end is set aside ("... Việt Nam (VUFO)"), abbreviations are expanded,
    a country named as a diplomat's organisation gets the diplomat's post before it ("Hoa Kỳ tại Việt
    Nam" of an "Đại sứ" -> "Đại sứ Hoa Kỳ tại Việt Nam"), the opening words take their full form
    ("Đại sứ quán Hoa Kỳ tại Việt Nam") and "tại Việt Nam" is dropped."""
    acronym = None
    bracketed = _BRACKETED_ACRONYM.search(name)
    if bracketed and bracketed.start() > 0:
        acronym, name = bracketed.group(1), name[: bracketed.start()]
    text = expand(name, seeds.abbreviations)
    if post and _opens_with_country(text, seeds) and rewrite_head(post, seeds.heads) != post:
        text = f"{post} {text}"
    text = rewrite_head(text, seeds.heads).rstrip(" .,;:")
    implied = name_key(IMPLIED_PLACE)
    if name_key(text).endswith(" " + implied):
        text = text[: -len(IMPLIED_PLACE)].rstrip()
    return text, name_key(text), acronym


def _opens_with_country(text: str, seeds: OrganizationSeeds) -> bool:
    key = name_key(text)
    return any(key == name or key.startswith(name + " ") for name in seeds.countries)


def _known(key: str, seeds: OrganizationSeeds) -> tuple[str, OrganizationAlias | None]:
    """The key a name resolves to and the seed row that says so, if any: the key itself, or the known
    name it holds between a generic head and a qualifier ("Tổ chức GIZ của ... Đức" -> GIZ); a name in
    Latin letters loses a generic head even when unknown ("Tổ chức Plan ..." -> "plan ...")."""
    if key in seeds.aliases:
        return key, seeds.aliases[key]
    words = key.split()
    for head in GENERIC_HEADS:
        head_words = name_key(head).split()
        if words[: len(head_words)] == head_words and len(words) > len(head_words):
            words = words[len(head_words) :]
            break
    core = words
    qualifiers = {fold(word) for word in QUALIFIERS}
    for position, word in enumerate(words[1:], start=1):
        if word in qualifiers:
            core = words[:position]
            break
    for candidate in (" ".join(core), " ".join(words)):
        if candidate in seeds.aliases:
            return candidate, seeds.aliases[candidate]
    remainder = " ".join(words)
    return (remainder, None) if remainder.isascii() else (key, None)


@dataclass(frozen=True)
class WrittenOrganization:
    """An organisation name as an article writes it, with what the article says of it: its acronym,
    its country, and the post of the person whose organisation it is ("Tổng Lãnh sự")."""

    name: str
    acronym: str | None = None
    country_code: str | None = None
    post: str | None = None


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
    """The names that resolve to one key, and what the seed says of them."""

    alias: OrganizationAlias | None = None
    names: Counter[str] = field(default_factory=Counter)
    acronyms: Counter[str] = field(default_factory=Counter)
    countries: Counter[str] = field(default_factory=Counter)


def resolve_organizations(
    written: Sequence[WrittenOrganization], seeds: OrganizationSeeds
) -> list[ResolvedOrganization]:
    """Each distinct name as written mapped to one organisation, sorted by the name as written.

    Steps for one name: spell it out (`spelt_out`) into a key; if it is an acronym once written beside a
    full name ("... Việt Nam (VUFO)"), take that name's key; find the seed row that knows it (`_known`)
    and take the canonical name's key; a diplomatic mission named without its city ("Tổng Lãnh sự quán
    Nhật Bản") joins the mission of that name in a city when there is exactly one. The organisation shows
    the seed's canonical name, or else the name most often written (capitalised first). A name written
    with several posts takes the one that makes it a mission.
    """
    spelt_of: dict[tuple[str, str | None], tuple[str, str, str | None]] = {}  # the same names recur

    def spell(name: str, post: str | None = None) -> tuple[str, str, str | None]:
        if (name, post) not in spelt_of:
            spelt_of[name, post] = spelt_out(name, seeds, post)
        return spelt_of[name, post]

    spelt = [spell(mention.name, mention.post) for mention in written]
    acronym_of: dict[str, str] = {}  # key of an acronym -> key of the full name it stood beside
    for mention, (_, key, bracketed) in zip(written, spelt, strict=True):
        acronym = mention.acronym or bracketed
        if acronym and name_key(acronym) != key:
            acronym_of[name_key(acronym)] = key

    known_of: dict[str, tuple[str, OrganizationAlias | None]] = {}
    for _, key, _ in spelt:
        if key not in known_of:
            found, alias = _known(acronym_of.get(key, key), seeds)
            known_of[key] = (spell(alias.canonical_name)[1] if alias else found, alias)
    resolved_keys = [known_of[key] for _, key, _ in spelt]
    joins = _missions_joining_their_city({key for key, _ in resolved_keys})

    groups: dict[str, _OrganizationGroup] = {}
    key_of: dict[str, str] = {}  # name as written -> key of its group
    for mention, (text, _, bracketed), (key, alias) in zip(written, spelt, resolved_keys, strict=True):
        key = joins.get(key, key)
        group = groups.setdefault(key, _OrganizationGroup())
        group.alias = group.alias or alias
        group.names[text] += 1
        if mention.acronym or bracketed:
            group.acronyms[mention.acronym or bracketed or ""] += 1
        if mention.country_code:
            group.countries[mention.country_code] += 1
        made_a_mission = mention.post is not None and text != spell(mention.name)[0]
        if mention.name not in key_of or made_a_mission:
            key_of[mention.name] = key

    resolved = {key: _organization(key, group, seeds) for key, group in groups.items()}
    return [
        ResolvedOrganization(name_as_written=name, **resolved[key]) for name, key in sorted(key_of.items())
    ]


def _missions_joining_their_city(keys: set[str]) -> dict[str, str]:
    """Key of a mission named without a city -> key of the one mission of that name in a city."""
    at = " " + fold("tại") + " "
    joins = {}
    for key in keys:
        if organization_kind(key) == "diplomatic_mission" and at not in key:
            in_cities = [other for other in keys if other.startswith(key + at)]
            if len(in_cities) == 1:
                joins[key] = in_cities[0]
    return joins


def _organization(key: str, group: _OrganizationGroup, seeds: OrganizationSeeds) -> dict[str, str | None]:
    """The columns of one organisation, from its group of names."""
    alias = group.alias
    display = (alias and alias.canonical_name) or max(
        group.names, key=lambda name: (group.names[name], name[:1].isupper(), name)
    )
    kind = (alias and alias.organization_kind) or organization_kind(key)
    acronym = (alias and alias.acronym) or (group.acronyms.most_common(1)[0][0] if group.acronyms else None)
    province = province_named(key, seeds.places)
    country = (
        (alias and alias.country_code)
        or (group.countries.most_common(1)[0][0] if group.countries else None)
        or country_named(key, seeds.countries)
        or ("VN" if kind in VIETNAMESE_KINDS or province else None)
    )
    return {
        "organization_id": surrogate_key(key),
        "organization_name": display,
        "acronym": acronym,
        "organization_kind": kind,
        "country_code": country,
        "province_name": province,
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
    """The mentions clustered into one person so far, with the countries and provinces they give."""

    records: list[str] = field(default_factory=list)
    countries: Counter[str] = field(default_factory=Counter)
    provinces: Counter[str] = field(default_factory=Counter)

    def accepts(self, country: str | None, provinces: frozenset[str]) -> bool:
        """Whether a mention can be this person: what the text says of them does not conflict. Two
        countries are two people; so are posts in two provinces (the Nguyễn Văn Hùng of the foreign
        affairs department of Cần Thơ and the one chairing Hậu Giang's friendship society). A mention
        that says less ("UBND thành phố", no country) conflicts with no one."""
        if country and self.countries and country not in self.countries:
            return False
        return not (provinces and self.provinces and not provinces & set(self.provinces))

    def add(self, record_id: str, country: str | None, provinces: frozenset[str]) -> None:
        self.records.append(record_id)
        if country:
            self.countries[country] += 1
        self.provinces.update(provinces)

    def key_parts(self) -> tuple[str | None, str | None]:
        """The person's most frequent country and province (ties broken by name), for their id."""

        def most_frequent(counts: Counter[str]) -> str | None:
            return min(counts, key=lambda value: (-counts[value], value)) if counts else None

        return most_frequent(self.countries), most_frequent(self.provinces)


def resolve_people(
    mentions: Iterable[PersonMention], organization_provinces: Mapping[str, str | None]
) -> list[ResolvedPerson]:
    """Each mention mapped to one person.

    `mentions` come in the order the articles were published (the order breaks ties, so ids stay put
    as articles are added); `organization_provinces` maps an organisation name as written to the
    province it names, or None (int_organizations__resolved). Mentions with one name key are one person
    unless the text tells them apart (`_Person.accepts`): within a name, the mentions that say most are
    placed first and the vague ones join the largest person they fit. The person id is a key of the
    name, the person's most frequent country and province (and a number, for people these cannot tell
    apart).
    """
    by_name: dict[str, list[tuple[str, str | None, frozenset[str]]]] = {}
    for mention in mentions:
        provinces = frozenset(
            province for o in mention.organizations if (province := organization_provinces.get(o))
        )
        by_name.setdefault(name_key(mention.person_name), []).append(
            (mention.record_id, mention.country_code, provinces)
        )

    resolved = []
    for key, group in by_name.items():
        people: list[_Person] = []
        # mentions that tell people apart first (provinces, then a country), the vague ones after
        for record_id, country, provinces in sorted(group, key=lambda m: (not m[2], not m[1])):
            fits = [person for person in people if person.accepts(country, provinces)]
            if fits:
                max(fits, key=lambda person: len(person.records)).add(record_id, country, provinces)
            else:
                people.append(_Person())
                people[-1].add(record_id, country, provinces)
        ids: set[str] = set()
        for person in people:
            person_id = surrogate_key(key, *person.key_parts())
            if person_id in ids:  # the parts tell apart the people formed here; an id is never shared anyway
                person_id = surrogate_key(key, *person.key_parts(), str(len(ids)))
            ids.add(person_id)
            resolved += [
                ResolvedPerson(record_id, person_id, key, len(people)) for record_id in person.records
            ]
    return resolved
