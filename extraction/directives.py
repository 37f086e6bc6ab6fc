"""Numbered official documents (Chỉ thị, Nghị quyết, Kế hoạch, Công văn...) and
the relations between them.

A mention is a document-type word followed by a number and maybe a code
("Chỉ thị số 12-CT/TW", "Kế hoạch 716/KH-UBND", "chỉ thị số 12"), or a bare
number whose code names the type ("số 677-CV/TU", "Số: 91/KH-UBND"). Mentions
of one document are merged: the coded form gives the code, whichever mention
carries them gives the date and the issuer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from extraction.dates import FULL_DATE, full_date_at
from extraction.records import Directive, DirectiveRelation, DirectiveType, Evidence
from extraction.rules import alternation, load
from extraction.text import UPPER, Document

_RULES = load("directives")
# type word (lower case, tone-unified) -> type
_TYPE_WORDS: dict[str, DirectiveType] = _RULES["types"]
# first letters of a code -> type, for bare numbers ("số 677-CV/TU")
_CODE_TYPES: dict[str, DirectiveType] = _RULES["code_types"]

_TYPE = "|".join(sorted(map(re.escape, _TYPE_WORDS), key=len, reverse=True))
_CODE_TOKEN = r"[A-ZĐƯ0-9][A-Za-zĐđƯư0-9]*"
_CODE = rf"{_CODE_TOKEN}(?:\s?[-/]\s?{_CODE_TOKEN}|\.{_CODE_TOKEN})*"
_NUMBER_CODE = rf"(\d{{1,5}})(?:\s*[-/]\s*({_CODE}))?"
# words after a number that show it counts something instead of naming a document
_NOT_A_NUMBER = re.compile(
    r"\s*(?:ngày(?!\s*:?\s*\d{1,2}\s*(?:[/.-]|tháng))|" + alternation(_RULES["numbers"]["counted"]) + r")\b",
    re.IGNORECASE,
)

MENTION = re.compile(
    rf"(?<![\w])(?i:({_TYPE}))(?:\s+(?i:liên tịch|hành động|chung))?(?:\s+(?i:{_TYPE}))?\s*(?:((?i:số:?|sô))\s*)?{_NUMBER_CODE}"
)
BARE_NUMBER = re.compile(rf"(?<![\w])(?:số|Số|SỐ)\s*:?\s*(\d{{1,5}})\s*[-/]\s*({_CODE})")
LIST_MORE = re.compile(rf"\s*(?:,|;|và)\s*(?:số\s*)?{_NUMBER_CODE}")
DATE_AFTER = re.compile(r"\s*,?\s*(?:được\s+)?(?:ban hành\s+)?(?:ngày|ngay)\s*:?\s*", re.IGNORECASE)
ISSUER_AFTER = re.compile(
    rf"\s*,?\s*(?:của|do)\s+((?:[{UPPER}])"
    rf"[^,;:\"“”(\n]{{1,80}}?)(?=\s+(?:{alternation(_RULES['issuers']['ends'])})\b|\s*[,;:\"“”(\n.]|$)"
)
TITLE_AFTER = re.compile(r"\s*,?\s*(?:về|v/v)\s*(?:việc\s+)?[\"“]?([^\"”;\n]{5,200})")

_IMPLEMENTED_BY = frozenset(_RULES["relations"]["implemented_by"])
_RELATION_CUES = re.compile(
    "("
    + alternation(sorted([*_RULES["relations"]["implements"], *_IMPLEMENTED_BY], key=len, reverse=True))
    + ")",
    re.IGNORECASE,
)


@dataclass
class _Mention:
    type: DirectiveType
    number: str
    code: str | None
    start: int
    end: int  # end of the number/code, before date and issuer
    issued_on: date | None = None
    issuer: str | None = None
    title: str | None = None


def _clean_code(code: str | None) -> str | None:
    if not code:
        return None
    code = re.sub(r"\s+", "", code).strip("-/.").upper()
    return code or None


def _number(text: str) -> str:
    return text.lstrip("0") or "0"


def _type_from_code(code: str | None) -> DirectiveType | None:
    if not code:
        return None
    head = re.split(r"[-/]", code.split("/", 1)[1] if re.match(r"\d{4}/", code) else code)[0]
    return _CODE_TYPES.get(head.upper())


def _mentions(doc: Document) -> list[_Mention]:
    key = doc.key
    found: list[_Mention] = []
    taken: list[tuple[int, int]] = []
    for match in MENTION.finditer(key):
        word, has_so, number, code = match.group(1), match.group(2), match.group(3), match.group(4)
        type_ = _TYPE_WORDS[re.sub(r"\s+", " ", word.lower())]
        code = _clean_code(code)
        if not code and not has_so and not word[0].isupper():
            continue  # "kế hoạch 6 tháng": a lower-case word and a bare number is no reference
        if not code and _NOT_A_NUMBER.match(key, match.end()):
            continue
        if type_ == "other" and not code and not has_so:
            continue
        if word.lower() in {"văn bản", "báo cáo"}:
            type_ = _type_from_code(code) or "other"
        found.append(_Mention(type_, _number(number), code, match.start(), match.end()))
        taken.append((match.start(), match.end()))
        position = match.end()
        while more := LIST_MORE.match(key, position):
            more_code = _clean_code(more.group(2))
            if not more_code and _NOT_A_NUMBER.match(key, more.end()):
                break
            if DATE_AFTER.match(key, more.start()) or FULL_DATE.match(key, more.start(1)):
                break
            found.append(_Mention(type_, _number(more.group(1)), more_code, more.start(1), more.end()))
            position = more.end()
        taken.append((match.start(), position))
    for match in BARE_NUMBER.finditer(key):
        if any(start <= match.start() < end for start, end in taken):
            continue
        code = _clean_code(match.group(2))
        type_ = _type_from_code(code)
        if type_ is None or _preceded_by_type_word(key, match.start()):
            continue
        found.append(_Mention(type_, _number(match.group(1)), code, match.start(), match.end()))
    for mention in found:
        _attach_details(doc, mention)
    return sorted(found, key=lambda m: m.start)


def _preceded_by_type_word(key: str, start: int) -> bool:
    return bool(re.search(rf"({_TYPE})\s*$", key[max(0, start - 30) : start], re.IGNORECASE))


def _attach_details(doc: Document, mention: _Mention) -> None:
    """Date, issuer and subject written right after a mention."""
    key, text = doc.key, doc.text
    position = mention.end
    date_match = DATE_AFTER.match(key, position)
    date_start = date_match.end() if date_match else None
    if date_start is None and re.match(r"\s*,?\s*\d", key[position : position + 4]):
        date_start = position + len(key[position:]) - len(key[position:].lstrip(" ,"))
    if date_start is not None:
        found = full_date_at(key, date_start)
        if found:
            mention.issued_on, position = found
    issuer = ISSUER_AFTER.match(text, position)
    if issuer:
        mention.issuer = issuer.group(1).strip()
        position = issuer.end()
    title = TITLE_AFTER.match(text, position)
    if title:
        mention.title = title.group(1).strip().rstrip('”"').strip()


def find_directives(doc: Document) -> tuple[list[Directive], list[DirectiveRelation]]:
    mentions = _mentions(doc)
    merged: dict[tuple[str, str], Directive] = {}
    for mention in mentions:
        evidence = doc.evidence(mention.start, mention.end)
        key = (mention.type, mention.number)
        current = merged.get(key)
        if current is None:
            merged[key] = Directive(
                type=mention.type,
                number=mention.number,
                code=mention.code,
                issued_on=mention.issued_on,
                issuer=mention.issuer,
                title=mention.title,
                evidence=evidence,
                mentions=[evidence],
            )
            continue
        current.mentions.append(evidence)
        if mention.code and not current.code:
            current.code = mention.code
            current.evidence = evidence
        current.issued_on = current.issued_on or mention.issued_on
        current.issuer = current.issuer or mention.issuer
        current.title = current.title or mention.title
    directives = list(merged.values())
    return directives, _relations(doc, mentions)


def _relations(doc: Document, mentions: list[_Mention]) -> list[DirectiveRelation]:
    """X implements Y when one sentence says "X ... triển khai thực hiện Y" or "Y cụ thể hóa bằng X"."""
    relations: dict[tuple, DirectiveRelation] = {}
    for sentence in doc.sentences:
        inside = [m for m in mentions if sentence.start <= m.start < sentence.end]
        if len(inside) < 2:
            continue
        for cue in _RELATION_CUES.finditer(doc.key, sentence.start, sentence.end):
            before = [m for m in inside if m.end <= cue.start()]
            after = [m for m in inside if m.start >= cue.end()]
            if not before or not after:
                continue
            words = cue.group(1).lower()
            if words in _IMPLEMENTED_BY:
                source, target = after[0], before[-1]  # "Y đã được cụ thể hóa bằng X"
            else:
                source, target = before[-1], after[0]  # "X ... triển khai thực hiện Y"
            if (source.type, source.number) == (target.type, target.number):
                continue
            pair = ((source.type, source.number), (target.type, target.number))
            if pair not in relations:
                relations[pair] = DirectiveRelation(
                    source=pair[0],
                    target=pair[1],
                    relation="implements",
                    cue=doc.text[cue.start() : cue.end()],
                    evidence=Evidence(cue.start(), cue.end(), sentence.text, sentence.start, sentence.end),
                )
    return list(relations.values())
