"""Organisations named in Vietnamese people's-diplomacy text.

Names are read from the word that opens them ("Liên hiệp các tổ chức hữu
nghị", "Hội hữu nghị Việt Nam - X", "Ủy ban MTTQ Việt Nam", "UBND", "Đại sứ
quán", "Sở", "Tổ chức"...) to where their own words end: a place after
"tỉnh"/"thành phố", a country after a dash, or capitalised words. Known
acronyms count alone (VUFO, KOICA). An acronym written in brackets after a
name is that organisation's ("... Việt Nam (VUFO)").

An organisation's `country` is its home: Vietnamese bodies, including the
friendship societies "Hội hữu nghị Việt Nam - X", are VN; an embassy or a
foreign NGO is its country's.
"""

from __future__ import annotations

import re
from functools import lru_cache

from extraction.countries import country_code
from extraction.records import Organization
from extraction.rules import alternation, load
from extraction.text import Document
from extraction.variants import flex, fold_phrase

_RULES = load("organizations")
_CAP = r"[^\W\d_a-zđ][\w'’]*"  # a capitalised word (or an acronym)
_PLACE = rf"{_CAP}(?:[ \t]+{_CAP}){{0,3}}"
_ADMIN = r"(?:tỉnh|thành phố|Thành phố|TP\.?|Tp\.?|huyện|quận|thị xã|xã|phường)"
_WHERE = (
    rf"(?:[ \t]+{_ADMIN}[ \t]+{_PLACE}|[ \t]+(?!Việt Nam)(?=[^\W\d_])[^\W\d_a-zđ]\w+(?:[ \t]+{_CAP}){{0,2}})?"
)
_VN = r"(?:[ \t]+Việt[ \t]+Nam)?"

# Each pattern names one kind of organisation; group 0 is the name.
_PATTERNS = [
    rf"{flex('Liên hiệp các tổ chức hữu nghị')}{_VN}{_WHERE}",
    rf"(?:Liên hiệp CTCHN|LHCTCHN){_VN}{_WHERE}",
    rf"(?:{flex('Hội hữu nghị')}|{flex('Hội Hữu nghị')}){_VN}[ \t]*[-–][ \t]*{_PLACE}(?:[ \t]+{_ADMIN}[ \t]+{_PLACE})?",
    rf"Hội[ \t]+Việt[ \t]*[-–][ \t]*{_CAP}(?:[ \t]+{_CAP})?",
    rf"(?:{flex('Ủy ban Trung ương')}[ \t]+)?(?:{flex('Ủy ban')}[ \t]+)?(?:MTTQ|{flex('Mặt trận Tổ quốc')}){_VN}{_WHERE}",
    rf"(?:UBND|HĐND|{flex('Ủy ban nhân dân')}|{flex('Hội đồng nhân dân')})(?:[ \t]+{_ADMIN}(?:[ \t]+{_PLACE})?)?",
    rf"(?:Ban Thường vụ[ \t]+)?(?:{flex('Tỉnh ủy')}|{flex('Thành ủy')}|{flex('Huyện ủy')})(?:[ \t]+{_PLACE})?",
    r"Ban Bí thư(?:[ \t]+Trung ương Đảng)?|Bộ Chính trị|Quốc hội|Chính phủ",
    rf"Ban[ \t]+(?:Đối ngoại|Dân vận|Tuyên giáo|Tổ chức|Kinh tế|Nội chính)[ \t]+(?:Trung ương|{flex('Tỉnh ủy')}|{flex('Thành ủy')})(?:[ \t]+{_PLACE})?",
    rf"(?:Đại sứ quán|Tổng Lãnh sự quán|Tổng lãnh sự quán|Lãnh sự quán)[ \t]+(?:Liên bang[ \t]+|Cộng hòa[ \t]+|Vương quốc[ \t]+)?{_PLACE}(?:[ \t]+tại[ \t]+(?:{_ADMIN}[ \t]+)?{_PLACE})?",
    rf"(?:Sở|Bộ)[ \t]+{_CAP}(?:[ \t]+[a-zđ\w]+){{0,1}}(?:,?[ \t]+(?:và[ \t]+)?{_CAP}(?:[ \t]+[a-zà-ỹđ]+)?){{0,3}}",
    rf"(?i:tổ chức)[ \t]+(?:[A-ZĐ][\w&.-]*[A-Z]\w*|{_CAP}[ \t]+(?:International|Vision|Foundation|Aid))(?:[ \t]*/[ \t]*{_PLACE})?",
    rf"Đảng Cộng sản[ \t]+{_PLACE}",
    rf"Mặt trận Đoàn kết phát triển(?:[ \t]+Tổ quốc)?(?:[ \t]+(?!Tổ\b){_CAP}(?:[ \t]+tỉnh[ \t]+{_PLACE})?)?",
    rf"Hội[ \t]+(?:{_CAP}|những)(?:[ \t]+(?:{_CAP}|[a-zà-ỹđ]+(?=[ \t]+(?:{_CAP}|chất|da|cam|nhân|người)))|/[\w]+|[ \t]+(?:chất độc da cam(?:/dioxin)?|nhân dân|người)){{0,7}}",
    rf"(?:{alternation(_RULES['known'])})",
    rf"(?<![\w-])(?:{alternation(_RULES['acronyms'])})(?![\w-])",
]
# Every name opens a word with one of these letters (those of the patterns above, then of the
# known names): checking it first keeps the scan fast.
_FIRST_LETTERS = "".join(
    dict.fromkeys("LHỦUMBTĐSQCt" + "".join(name[0] for name in _RULES["known"] + _RULES["acronyms"]))
)
_ORG = re.compile(
    r"(?<![\w-])(?=[" + _FIRST_LETTERS + "])(?:" + "|".join(f"(?:{p})" for p in _PATTERNS) + ")"
)
_ACRONYM_AFTER = re.compile(r"[ \t]*\(([A-ZĐ][A-ZĐ0-9 &-]{1,15})\)")
_VIETNAMESE_BODY = re.compile(
    rf"^(?:{flex('Liên hiệp')}|LHCTCHN|{flex('Hội hữu nghị Việt Nam')}|{flex('Hội Hữu nghị Việt Nam')}|Hội Việt|"
    rf"{flex('Ủy ban')}|UBND|HĐND|MTTQ|Mặt trận Tổ quốc|Ban |Bộ |Sở |{flex('Tỉnh ủy')}|{flex('Thành ủy')}|{flex('Huyện ủy')}|"
    r"Quốc hội|Chính phủ|Hội đồng|VUFO|PACCOM)"
)
_TRAILING_NOISE = re.compile(rf"(?:[ \t]+(?:{alternation(_RULES['trailing_words'])}))+$")


def find_organizations(doc: Document, people_names: tuple[str, ...] = ()) -> list[Organization]:
    """Each organisation once, in the order of its first mention.

    `people_names` are cut off a name's end: "UBND thành phố Hồ Kỳ Minh" is the city's
    committee, then its vice-chairman.
    """
    found: dict[str, Organization] = {}
    acronyms: dict[str, str] = {}
    text = doc.text
    for match in _ORG.finditer(text):
        name = _TRAILING_NOISE.sub("", match.group(0).strip(" \t,-–"))
        if len(name) < 2 or (name.isupper() and " " in name):
            continue  # a heading in capitals
        name = _without_person(name, people_names)
        start = match.start() + len(match.group(0)) - len(match.group(0).lstrip(" \t,-–"))
        if name.startswith("tổ chức "):
            name = name[len("tổ chức ") :]  # "tổ chức KOICA": the organisation is KOICA
            start += len("tổ chức ")
        end = start + len(name)
        acronym_match = _ACRONYM_AFTER.match(text, end)
        acronym = acronym_match.group(1).strip() if acronym_match else None
        key = fold_phrase(name)
        if key in found or key in acronyms:
            continue
        if name.isupper() and name in {org.acronym for org in found.values()}:
            continue  # "VUFO" after "Liên hiệp ... Việt Nam (VUFO)"
        organization = Organization(
            name=name,
            acronym=acronym or (name if name.isupper() and " " not in name else None),
            country=_home_country(name),
            evidence=doc.evidence(start, end),
        )
        found[key] = organization
        if acronym:
            acronyms[fold_phrase(acronym)] = key
    return list(found.values())


def _without_person(name: str, people_names: tuple[str, ...]) -> str:
    """The name without the opening words of a person's name at its end (the first person listed that
    fits, with as many of its words as fit). Each ending of the name is looked up, not each person:
    a long text names many people and as many organisations."""
    openings = _name_openings(people_names)
    fits = [
        (openings[name[space + 1 :]], name[space + 1 :])
        for space, character in enumerate(name)
        if character == " " and name[space + 1 :] in openings
    ]
    if not fits:
        return name
    _, part = min(fits)
    return name[: -len(part) - 1].rstrip()


@lru_cache(maxsize=8)
def _name_openings(people_names: tuple[str, ...]) -> dict[str, tuple[int, int]]:
    """The first two or more words of each person's name -> (the first person's place in the list, minus
    the number of words): the smallest wins, as the first person and its longest opening."""
    openings: dict[str, tuple[int, int]] = {}
    for index, person in enumerate(people_names):
        words = person.split()
        for size in range(len(words), 1, -1):
            openings.setdefault(" ".join(words[:size]), (index, -size))
    return openings


@lru_cache(maxsize=4096)
def _home_country(name: str) -> str | None:
    if _VIETNAMESE_BODY.match(name):
        return "VN"
    words = re.split(r"[ \t/]+", name)
    for start in range(len(words)):
        for size in range(min(5, len(words) - start), 0, -1):
            phrase = " ".join(words[start : start + size]).strip(",.()-–")
            if phrase == "Việt Nam":
                return "VN"
            code = country_code(phrase)
            if code:
                return code
    return None
