"""Numbered official documents (Chỉ thị, Nghị quyết, Kế hoạch, Công văn...) and
the relations between them.

A mention is a document-type word followed by a number and maybe a code
("Chỉ thị số 12-CT/TW", "Kế hoạch 716/KH-UBND", "chỉ thị số 12"), or a bare
number whose code names the type ("số 677-CV/TU", "Số: 91/KH-UBND"). Mentions
of one document are merged: the coded form gives the code, whichever mention
carries them gives the date and the issuer (read by extraction/directive_details.py).
A word naming any document ("văn bản số 763/UBND-VX") takes its type from the code, and
a code naming no type (the issuer and its office) is a letter, a công văn.

A document's title (its subject, trích yếu) is what follows "về" / "v/v" right after
its own number, date and issuer, without the "về". It belongs to that document
alone: it ends at the sentence's end, a bracket, the next document of a list, a date
clause of another document, or the words where the sentence goes on; a document the
title names ("về quán triệt Chỉ thị số 38-CT/TW") stays in it up to its number, never
with that document's own date, issuer or subject.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass
from datetime import date
from itertools import pairwise

from extraction.dates import FULL_DATE, full_date_at
from extraction.directive_details import DATE_AFTER, details_after, details_around
from extraction.records import Directive, DirectiveRelation, DirectiveType, Evidence
from extraction.rules import alternation, load
from extraction.text import UPPER, Document

_RULES = load("directives")
# type word (lower case, tone-unified) -> type
_TYPE_WORDS: dict[str, DirectiveType] = _RULES["types"]
# first letters of a code -> type, for bare numbers ("số 677-CV/TU")
_CODE_TYPES: dict[str, DirectiveType] = _RULES["code_types"]
# words naming any document, whose code tells its type ("văn bản số 12/KH-UBND" is a plan)
_TYPED_BY_CODE = frozenset(_RULES["numbers"]["typed_by_code"])

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
    rf"(?<![\w])(?i:({_TYPE}))(?:\s+(?i:{alternation(_RULES['numbers']['type_modifiers'])}))?(?:\s+(?i:{_TYPE}))?\s*(?:((?i:số:?|sô))\s*)?{_NUMBER_CODE}"
)
BARE_NUMBER = re.compile(rf"(?<![\w])(?:số|Số|SỐ)\s*:?\s*(\d{{1,5}})\s*[-/]\s*({_CODE})")
LIST_MORE = re.compile(rf"\s*(?:,|;|và)\s*(?:số\s*)?{_NUMBER_CODE}")
# Where a subject starts, on the key (quotes unified to '"'): after an optional "khóa XI", a "về" or
# "v/v" (and "việc"), maybe inside quotes ('"Về ..."' or 'về "..."').
# On the next line it is a title only under a number that stands alone on its line (a letter's header:
# "Số 677-CV/TU" / "V/v tiếp tục ..."), not in a new paragraph ("Về phía tỉnh, ...").
TITLE_START = re.compile(
    r'\s*,?\s*(?:\(?\s*(?i:khóa)\s+[IVXLC]+\s*\)?\s*,?\s*)?(?P<quote>"\s*)?(?P<cue>(?i:về|v/v))(?![\w/])\s*'
    r'(?:(?i:việc)\s+)?(?P<quote_after>"\s*)?'
)
_TITLE_LIMIT = 300  # characters; a subject that has not ended by then is not read (a run-on, not a title)
# A title ends at a sentence mark or colon (not the dot of "TP."), a bracket or a quote; line breaks are judged apart.
_TITLE_STOP = re.compile(r'(?<!\bTP)(?<!\bTp)[.!?;:…](?=\s|$)|[()\[\]"]|\n')
_TITLE_ENDS = re.compile(
    rf"\s+(?i:{alternation(sorted(_RULES['titles']['ends'], key=len, reverse=True))})(?!\w)"
    # "... trong tình hình mới do tỉnh Nghệ An ban hành": the issuer of the document that names it
    r"|\s+(?i:do)\s+[^,.;\n]{1,60}?\s+(?i:ban hành)(?!\w)"
)
_NEW_CLAUSE = re.compile(
    rf",\s+[{UPPER}][^,;.\n]{{0,60}}?\s+(?i:{alternation(sorted(_RULES['titles']['clause_verbs'], key=len, reverse=True))})(?!\w)"
)
# What stands between two documents of a list, right before the second ("..., Kết luận số", "và các Nghị quyết")
_JOINS = sorted(_RULES["titles"]["list_joins"], key=len, reverse=True)
_JOIN_MARKS = [join for join in _JOINS if not re.search(r"\w", join)]  # ",", ";"
_JOIN_WORDS = [join for join in _JOINS if re.search(r"\w", join)]  # "và", "cùng với": whole words
_LIST_JOIN = re.compile(
    rf"(?:\s*(?:{alternation(_JOIN_MARKS)})|\s+(?:{alternation(_JOIN_WORDS)}))\s*(?:các\s+)?$",
    re.IGNORECASE,
)
# A date clause inside a title: "... thực hiện Chỉ thị số 12-CT/TW ngày 05/01/2022" (when a full date follows)
_DATE_CLAUSE = re.compile(r",?\s*(?:(?i:ban hành)\s+)?(?i:ngày)\s*:?\s*")

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
    details_end: int = 0  # end of the date and issuer written after the number (= end when none)
    listed: bool = False  # right after another document, joined by "," or "và": "Nghị quyết 36, Chỉ thị 45"


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
        if (type_ == "other" or word.lower() in _TYPED_BY_CODE) and not code and not has_so:
            continue
        if word.lower() in _TYPED_BY_CODE:
            type_ = _type_from_code(code) or type_  # "văn bản số 763/UBND-VX": a letter (công văn)
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
    # the mentions' spans start in text order: the furthest end reached up to each start tells, by a
    # bisection, whether a bare number lies inside one (a scan of all would grow with the square of a text)
    taken_starts = [start for start, _ in taken]
    reach = list(itertools.accumulate((end for _, end in taken), max))
    for match in BARE_NUMBER.finditer(key):
        preceding = bisect.bisect_right(taken_starts, match.start()) - 1
        if preceding >= 0 and reach[preceding] > match.start():
            continue
        code = _clean_code(match.group(2))
        type_ = _type_from_code(code)
        if type_ is None or _preceded_by_type_word(key, match.start()):
            continue
        found.append(_Mention(type_, _number(match.group(1)), code, match.start(), match.end()))
    found.sort(key=lambda m: m.start)
    for mention in found:
        _attach_details(doc, mention)
    for before, mention in pairwise(found):
        between = key[before.details_end : mention.start]
        mention.listed = before.details_end <= mention.start and bool(_LIST_JOIN.fullmatch(between))
    for mention in found:
        mention.title = _title(doc, mention, found)
    return found


def _preceded_by_type_word(key: str, start: int) -> bool:
    return bool(re.search(rf"({_TYPE})\s*$", key[max(0, start - 30) : start], re.IGNORECASE))


def _attach_details(doc: Document, mention: _Mention) -> None:
    """The issue date and issuer written after a mention, else around it (extraction/directive_details.py)."""
    after = details_after(doc, mention.end)
    mention.issued_on, mention.issuer, mention.details_end = after.issued_on, after.issuer, after.end
    if mention.issued_on is None:
        around = details_around(doc, mention.start, mention.end)
        mention.issued_on = around.issued_on
        mention.issuer = mention.issuer or around.issuer


def _title(doc: Document, mention: _Mention, mentions: list[_Mention]) -> str | None:
    """The subject written after the mention's number, date and issuer, cut where it stops being its own."""
    start_match = TITLE_START.match(doc.key, mention.details_end)
    if not start_match:
        return None
    if (
        "\n" in doc.key[mention.details_end : start_match.start("cue")]
        and doc.key[doc.key.rfind("\n", 0, mention.start) + 1 : mention.start].strip()
    ):
        return None  # "về" opens the next paragraph, and the number stood inside a sentence
    start = start_match.end()
    quoted = bool(start_match.group("quote") or start_match.group("quote_after"))
    end = _title_end(doc.key, start, quoted, mentions)
    if end is None:
        return None
    title = re.sub(r"\s+", " ", doc.text[start:end]).strip(" ,;:.…-\"'“”")
    if len(title.split()) < 2 or title.lower() in _TYPE_WORDS:
        return None  # "Chương trình": a type word cut off by the line, not a subject
    return title


def _title_end(key: str, start: int, quoted: bool, mentions: list[_Mention]) -> int | None:
    """Where a title starting at `start` ends: the first of its possible ends (see the module's docstring).

    None when none comes within `_TITLE_LIMIT` characters.
    """
    limit = min(len(key), start + _TITLE_LIMIT)
    end = limit
    for stop in _TITLE_STOP.finditer(key, start, limit):
        if stop.group() == "\n" and _soft_line_break(key, stop.start()):
            continue
        if quoted and stop.group() not in {'"', "\n"}:
            continue  # inside quotes only the closing quote ends the title
        end = stop.start()
        break
    if not quoted:
        words = _TITLE_ENDS.search(key, start, end)
        if words:
            end = _back_to_comma(key, start, words.start())
        clause = _NEW_CLAUSE.search(key, start, end)
        if clause:
            end = clause.start()
    for date_clause in _DATE_CLAUSE.finditer(key, start, end):
        if full_date_at(key, date_clause.end()):
            end = date_clause.start()  # "... ngày 05/01/2022 của Ban Bí thư": another document's date
            break
    # the mentions are in text order: only those from `start` on are looked at
    for index in range(bisect.bisect_left(mentions, start, key=lambda mention: mention.start), len(mentions)):
        other = mentions[index]
        if other.start >= end:
            break
        joined = _LIST_JOIN.search(key, start, other.start)
        if joined:
            return joined.start()  # the next document of a list
        if other.details_end > other.end or TITLE_START.match(key, other.details_end):
            return min(
                end, other.end
            )  # a document the title names, followed by its own date, issuer or subject
    if end == start + _TITLE_LIMIT:
        return None
    return end


def _soft_line_break(key: str, position: int) -> bool:
    """A line break inside a sentence (text from PDFs): the line ends without a mark, the next starts lower-case."""
    before = key[max(0, position - 200) : position].rstrip()
    after = key[position : position + 200].lstrip()
    return (
        bool(before)
        and before[-1] not in '.!?;:…"'
        and bool(after)
        and (after[0].islower() or after[0].isdigit())
    )


def _back_to_comma(key: str, start: int, position: int) -> int:
    """`position`, or the last comma before it when a capitalised subject follows that comma."""
    comma = key.rfind(",", start, position)
    if comma >= 0 and key[comma + 1 : position].strip()[:1].isupper():
        return comma
    return position


def find_directives(doc: Document) -> tuple[list[Directive], list[DirectiveRelation]]:
    """The documents the text names, each merged over its mentions, and the relations between them.

    The title comes from the first mention that gives one, but a document standing alone beats the
    last of a list ("Nghị quyết 36, Chỉ thị 45 về ...", where the subject may be the whole list's).
    """
    mentions = _mentions(doc)
    merged: dict[tuple[str, str], Directive] = {}
    title_from_list: dict[tuple[str, str], bool] = {}
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
            title_from_list[key] = mention.listed
            continue
        current.mentions.append(evidence)
        if mention.code and not current.code:
            current.code = mention.code
            current.evidence = evidence
        current.issued_on = current.issued_on or mention.issued_on
        current.issuer = current.issuer or mention.issuer
        if mention.title and (current.title is None or (title_from_list[key] and not mention.listed)):
            current.title = mention.title
            title_from_list[key] = mention.listed
    directives = list(merged.values())
    return directives, _relations(doc, mentions)


def _relations(doc: Document, mentions: list[_Mention]) -> list[DirectiveRelation]:
    """X implements Y when one sentence says "X ... triển khai thực hiện Y" or "Y cụ thể hóa bằng X"."""
    relations: dict[tuple, DirectiveRelation] = {}
    mentions = sorted(mentions, key=lambda mention: mention.start)
    mention_starts = [mention.start for mention in mentions]
    for sentence in doc.sentences:
        inside = mentions[
            bisect.bisect_left(mention_starts, sentence.start) : bisect.bisect_left(
                mention_starts, sentence.end
            )
        ]
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
