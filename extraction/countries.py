"""Foreign countries named in Vietnamese text, as ISO 3166-1 alpha-2 codes.

The gazetteer (extraction/rules/countries.toml, shared with the dbt seed)
holds each country's Vietnamese names: the common name, the
formal name, transliterations ("Ốt-xtrây-li-a") and abbreviations ("CHDCND
Lào"). Names are matched on the tone-unified key, longest first, with word
boundaries and case: "Mỹ" is the United States, "thẩm mỹ" is not.
Short names that are also ordinary words or parts of personal and place
names ("Đức", "Anh", "Nga", "Lào", "Nhật", "Mỹ") count only where the
neighbouring words are not part of a proper name ("Minh Đức", "Lào Cai").
"""

from __future__ import annotations

import re

from extraction.gazetteer import countries
from extraction.records import CountryMention
from extraction.rules import alternation, load
from extraction.text import LOWER, UPPER, Document, unify

_RULES = load("countries")
_GUARDS = _RULES["guards"]
# Short names that also occur as ordinary words or inside personal and place names.
_GUARDED = frozenset(_GUARDS["guarded"])
_NEIGHBOURS_OK = frozenset(_GUARDS["neighbours_ok"])
_NOT_AFTER: dict[str, list[str]] = _GUARDS["not_after"]
_NOT_BEFORE: dict[str, list[str]] = _GUARDS["not_before"]
_HONORIFIC_WORDS = frozenset(_GUARDS["honorifics"])
_ITALY_AFTER = re.compile("(" + "|".join(map(re.escape, _GUARDS["italy_after"])) + r")\s*$")
# "đô la Mỹ", "yên Nhật": a country name right after a currency word names the currency
_CURRENCY_BEFORE = re.compile(rf"(?<!\w)(?i:{alternation(_GUARDS['currencies'])})\s*$")
# "Tại Pháp, ...", "Phía Lào ...": a word opening a sentence before the name is no part of a proper name
_OPENER_BEFORE = re.compile(rf"(?:^|[\n.!?:;\"(“])\s*(?:{alternation(_GUARDS['openers'])})\s+$")
_REGION_BEFORE = re.compile(rf"(?<!\w)(?i:{alternation(_GUARDS['regions'])})\s*$")
# "Anh cho biết": the pronoun opening a sentence or clause (after a line break, a sentence mark, a
# quote or a bracket), not the United Kingdom
_PRONOUN_ANH = re.compile(rf"Anh\s+(?:{alternation(_GUARDS['pronoun_anh_before'])})(?!\w)")
_OPENS_CLAUSE = re.compile(r"(?:^|[\n.!?:;\"(“]|\.\.\.)\s*$")

_ENTRIES = sorted(
    ((unify(name), country.code) for country in countries() if not country.home for name in country.names_vi),
    key=lambda entry: len(entry[0]),
    reverse=True,
)
_PATTERN = re.compile(r"(?<![\w-])(" + "|".join(re.escape(name) for name, _ in _ENTRIES) + r")(?![\w-])")
_CODE_OF = dict(_ENTRIES)


_PROPER = re.compile(rf"^[{UPPER}][{LOWER}]+$")


def _word_before(key: str, start: int) -> str:
    match = re.search(r"(\S+)\s*$", key[max(0, start - 25) : start])
    return match.group(1) if match else ""


def _word_after(key: str, end: int) -> str:
    match = re.match(r"\s*(\S+)", key[end : end + 25])
    return match.group(1).strip(",.;:)\"'") if match else ""


def _is_country(key: str, name: str, start: int, end: int) -> bool:
    if _CURRENCY_BEFORE.search(key, max(0, start - 16), start):
        return False  # "đô la Mỹ", "bảng Anh": a currency
    if _REGION_BEFORE.search(key, max(0, start - 16), start):
        return False  # "bán đảo Triều Tiên": a region
    if name not in _GUARDED:
        return True
    if (
        name == "Anh"
        and _PRONOUN_ANH.match(key, start)
        and _OPENS_CLAUSE.search(key, max(0, start - 8), start)
    ):
        return False  # "Anh cho biết": the pronoun
    before, after = _word_before(key, start), _word_after(key, end)
    if after in _NOT_AFTER.get(name, ()) or before in _NOT_BEFORE.get(name, ()) or before in _HONORIFIC_WORDS:
        return False  # "Mỹ thuật", "thẩm mỹ", "bà Nga" (a given name)
    if name == "Ý" and not _ITALY_AFTER.search(key[max(0, start - 15) : start]):
        return False
    proper = _PROPER
    if (
        proper.match(before)
        and before not in _NEIGHBOURS_OK
        and not key[max(0, start - 40) : start].rstrip().endswith(("-", ","))
        and not _OPENER_BEFORE.search(key, max(0, start - 20), start)
    ):
        return False
    return not (proper.match(after) and after not in _NEIGHBOURS_OK and after not in {"Quốc"})


# "Hội hữu nghị Việt - Triều", "Hội hữu nghị Hàn - Việt": short names of the partner beside "Việt"
_SHORT_PARTNERS: dict[str, str] = _RULES["short_partners"]
_SHORT_NAMES = "|".join(_SHORT_PARTNERS)
_SHORT_FRIENDSHIP = re.compile(
    rf"(?<!\w)Việt\s*-\s*({_SHORT_NAMES})(?![\w-])"
    rf"|(?<![\w-])({_SHORT_NAMES})\s*-\s*Việt(?!\w)(?!\s+[{UPPER}])"  # not "... Trung - Việt Hưng"
)


def find_countries(doc: Document) -> list[CountryMention]:
    """Every mention of a foreign country, in order; Việt Nam itself is not one."""
    mentions = []
    for match in _SHORT_FRIENDSHIP.finditer(doc.key):
        group = 1 if match.group(1) else 2
        before = _word_before(doc.key, match.start(group))
        if group == 2 and _PROPER.match(before) and before not in _NEIGHBOURS_OK:
            continue  # "Nguyễn Trung - Việt": a person's or a place's name
        mentions.append(
            CountryMention(
                code=_SHORT_PARTNERS[match.group(group)],
                name=doc.text[match.start(group) : match.end(group)],
                evidence=doc.evidence(match.start(group), match.end(group)),
            )
        )
    taken = {mention.evidence.start for mention in mentions}
    for match in _PATTERN.finditer(doc.key):
        name = match.group(1)
        if match.start() in taken or not _is_country(doc.key, name, match.start(), match.end()):
            continue
        mentions.append(
            CountryMention(
                code=_CODE_OF[name],
                name=doc.text[match.start() : match.end()],
                evidence=doc.evidence(match.start(), match.end()),
            )
        )
    return sorted(mentions, key=lambda mention: mention.evidence.start)


def country_code(name: str) -> str | None:
    """The ISO code of a country name as written ("Vương quốc Campuchia" -> "KH"), if known."""
    return _CODE_OF.get(unify(name.strip()))
