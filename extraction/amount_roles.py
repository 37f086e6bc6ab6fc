"""How the amounts of one text hang together: conversions, per-unit values, parts and cumulative totals.

An analyst adds up donations, so each amount is told what it is to its donation (`Amount.role`):

- a **conversion** restates the amount just before it in another currency ("hơn 1,2 triệu USD
  (tương đương khoảng 28 tỷ đồng)"): linked by `converts_ordinal`; the original keeps its
  currency and, when the conversion is in đồng, gets it as `amount_vnd_stated`;
- a **per-unit** value ("mỗi suất trị giá 500.000 đồng", "300 nghìn đồng/suất", "bình quân mỗi
  chiếc") is never a donation by itself: it becomes the `unit_value` of the total its sentence
  names ("tổng trị giá ..."), with the count of units when the sentence gives one ("300 suất quà");
- a **part** ("..., trong đó 2 tỷ đồng ...", or a sentence opening with "Trong đó") is linked to
  its total by `part_of_ordinal`, so it is not counted twice; a part of a cumulative total is a
  donation of its own and stays unlinked, since the cumulative total is not added up;
- a **cumulative** total ("từ năm 2015 đến nay", "tổng cộng", "lũy kế", "qua 10 năm") has
  `is_cumulative`.

Amounts are linked only to amounts of the same kind (aid or other) in the same sentence, or for a
part, the sentence before. The words are data (extraction/rules/money.toml, [roles]).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from extraction.records import Amount
from extraction.rules import alternation, load
from extraction.text import Document

_RULES = load("money")
_ROLES = _RULES["roles"]
_QUALIFIER_WORDS = alternation(_RULES["written"]["kept_before"])
# "( tương đương khoảng " between an amount and its conversion: a bracket or a conversion word
_CONVERSION_WORDS = alternation(_ROLES["conversion"])
_BETWEEN_CONVERSION = re.compile(
    rf"\s*(?P<bracket>\()?\s*(?:[,-]\s*)?(?P<word>(?:{_CONVERSION_WORDS})(?:\s+(?:{_QUALIFIER_WORDS}))?)?\s*",
    re.IGNORECASE,
)
_PERIOD = rf"(?:{alternation(_ROLES['periods'])})(?!\w)"
_UNIT_NOUN = rf"(?!{_PERIOD})(?P<unit>[^\W\d_]+)"
# right after an amount: "đồng/suất", "đồng mỗi suất", "đồng một suất"
_UNIT_AFTER = re.compile(
    rf"\s*(?:/\s*(?:1\s+)?|(?:{alternation(_ROLES['each_after'] + _ROLES['each'])})\s+){_UNIT_NOUN}",
    re.IGNORECASE,
)
# earlier in the amount's comma clause: "mỗi suất trị giá", "bình quân mỗi chiếc"
_UNIT_BEFORE = re.compile(rf"(?<!\w)(?:{alternation(_ROLES['each'])})\s+{_UNIT_NOUN}", re.IGNORECASE)
_AVERAGE_BEFORE = re.compile(
    rf"(?<!\w)(?:{alternation(_ROLES['average'])})(?:\s+\w+){{0,2}}\s*(?:{_QUALIFIER_WORDS})?\s*$",
    re.IGNORECASE,
)
_GIFT_UNITS = frozenset(_ROLES["gift_units"])
# between two per-unit values of one list: a comma or "và", after the level the first is for
_UNIT_LIST_GAP = re.compile(
    rf"(?:\s+(?:{alternation(_ROLES['unit_levels'])})\s+[^\d.;:,()]{{1,60}}?)?"
    r"\s*(?:,\s*(?:(?:và|hoặc)\s+)?|\s+(?:và|hoặc|hay)\s+)",
    re.IGNORECASE,
)
_TOTAL_BEFORE = re.compile(rf"(?<!\w)(?:{alternation(_ROLES['total'])})(?!\w)[^,;]{{0,25}}$", re.IGNORECASE)
_PART = re.compile(rf"(?<!\w)(?:{alternation(_ROLES['part'])})(?!\w)", re.IGNORECASE)
_PART_OPENING = re.compile(rf"\s*[\"'(]?(?:{alternation(_ROLES['part'])})(?!\w)", re.IGNORECASE)
_NUMBER_WORDS = r"\d+|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|mấy|nhiều"
_CUMULATIVE = re.compile(
    "(?<!\\w)(?:"
    + "|".join(
        re.escape(phrase)
        .replace(re.escape("{year}"), r"(?:19|20)\d\d")
        .replace(re.escape("{n}"), f"(?:{_NUMBER_WORDS})")
        .replace(r"\ ", r"\s*")
        for phrase in _ROLES["cumulative"]
    )
    + ")(?!\\w)",
    re.IGNORECASE,
)
# A count of units: "300 suất quà", "1.200 phần quà"
_COUNT = re.compile(r"(?<![\w,.])(?P<count>\d{1,3}(?:\.\d{3})+|\d+)\s+(?P<unit>[^\W\d_]+)", re.IGNORECASE)
# gifts handed to a count of people: "trao quà Tết cho 100 hộ gia đình"
_GIFTED_TO = re.compile(
    rf"(?<!\w)(?:quà|suất quà|phần quà)[^.;]{{0,40}}?\bcho\s+(?P<count>\d{{1,3}}(?:\.\d{{3}})+|\d+)\s+"
    rf"(?:{alternation(_ROLES['recipients_counted'])})(?!\w)",
    re.IGNORECASE,
)
# how far after an amount a cumulative phrase may stand ("10 tỷ đồng trong 5 năm qua")
_CUMULATIVE_AFTER = 40


def add_roles(doc: Document, amounts: list[Amount]) -> list[Amount]:
    """The amounts, in the same order, with their links to one another and their cumulative flag."""
    amounts = list(amounts)
    # Links stay within a sentence (or reach the one before), so each amount is compared with its
    # sentence's amounts only: a long text's amounts are never compared all with all.
    by_sentence: dict[int, list[int]] = {}
    for index, amount in enumerate(amounts):
        by_sentence.setdefault(_sentence_of(doc, amount), []).append(index)
    _link_conversions(doc, amounts)
    _link_units(doc, amounts, by_sentence, _Counts(doc, amounts))
    _mark_cumulative(doc, amounts, by_sentence)
    _link_parts(doc, amounts, by_sentence)
    return amounts


def _sentence_of(doc: Document, amount: Amount) -> int:
    return amount.evidence.sentence_start


def _start(doc: Document, amount: Amount) -> int:
    """Where the amount as written starts (with its qualifier: "khoảng 28 tỷ đồng")."""
    return amount.evidence.start - max(0, len(amount.text) - (amount.evidence.end - amount.evidence.start))


def _is_free(amount: Amount) -> bool:
    """A donation that no link has claimed yet."""
    return amount.role in ("donation", "part")


def _link_conversions(doc: Document, amounts: list[Amount]) -> None:
    for index in range(1, len(amounts)):
        original, conversion = amounts[index - 1], amounts[index]
        if (
            original.currency == conversion.currency
            or original.kind != conversion.kind
            or original.converts_ordinal is not None
            or _sentence_of(doc, original) != _sentence_of(doc, conversion)
        ):
            continue
        between = _BETWEEN_CONVERSION.fullmatch(doc.key, original.evidence.end, _start(doc, conversion))
        if not between or not (between.group("bracket") or between.group("word")):
            continue
        amounts[index] = replace(conversion, converts_ordinal=index - 1)
        if conversion.currency == "VND":
            amounts[index - 1] = replace(original, amount_vnd_stated=conversion.value)


def _comma_clause_start(doc: Document, amount: Amount) -> int:
    before = doc.key[amount.evidence.sentence_start : _start(doc, amount)]
    return amount.evidence.sentence_start + max(before.rfind(","), before.rfind(";"), before.rfind(":")) + 1


def _unit_noun(doc: Document, amounts: list[Amount], index: int, in_sentence: list[int]) -> str | None:
    """The unit an amount is the value of ("suất"), "" when per unit without one named, else None."""
    amount = amounts[index]
    after = _UNIT_AFTER.match(doc.key, amount.evidence.end)
    if after:
        return after.group("unit").lower()
    clause_start = _comma_clause_start(doc, amount)
    previous_ends = [
        amounts[other].evidence.end
        for other in in_sentence
        if other < index and amounts[other].evidence.end <= _start(doc, amount)
    ]
    clause_start = max([clause_start, *previous_ends])
    before = doc.key[clause_start : _start(doc, amount)]
    cues = list(_UNIT_BEFORE.finditer(before))
    if cues:
        return cues[-1].group("unit").lower()
    return "" if _AVERAGE_BEFORE.search(before) else None


def _same_unit(counted: str, unit: str) -> bool:
    return counted == unit or (counted in _GIFT_UNITS and unit in _GIFT_UNITS)


class _Counts:
    """The counts of units a text gives outside its amounts ("300 suất quà"), read once per text."""

    def __init__(self, doc: Document, amounts: list[Amount]) -> None:
        self._doc = doc
        # the amounts' spans, in text order: a count inside one ("5 triệu") is no count of units
        self._amount_starts = [a.evidence.start for a in amounts]
        self._amount_ends = [a.evidence.end for a in amounts]
        self._in_text: dict[str, set[int]] | None = None
        self._gifted_to: set[int] | None = None

    def _outside_amounts(self, at: int) -> bool:
        index = bisect.bisect_right(self._amount_starts, at) - 1
        return index < 0 or self._amount_ends[index] <= at

    def in_span(self, start: int, end: int) -> dict[str, set[int]]:
        """Each unit noun (lower case) -> the counts of it written in text[start:end]."""
        found: dict[str, set[int]] = {}
        for match in _COUNT.finditer(self._doc.key, start, end):
            if self._outside_amounts(match.start()):
                found.setdefault(match.group("unit").lower(), set()).add(
                    int(match.group("count").replace(".", ""))
                )
        return found

    def in_text(self) -> dict[str, set[int]]:
        if self._in_text is None:
            self._in_text = self.in_span(0, len(self._doc.key))
        return self._in_text

    def gifted_to(self) -> set[int]:
        """The counts of people or households the text hands gifts to ("trao quà cho 100 hộ")."""
        if self._gifted_to is None:
            self._gifted_to = {
                int(match.group("count").replace(".", ""))
                for match in _GIFTED_TO.finditer(self._doc.key)
                if self._outside_amounts(match.start("count"))
            }
        return self._gifted_to


def _of_unit(counts: dict[str, set[int]], unit: str) -> set[int]:
    """The counts of `unit`, or of any gift unit when it is one (a "suất quà" is a "phần quà")."""
    return set().union(*(found for counted, found in counts.items() if _same_unit(counted, unit)))


def _unit_count(amount: Amount, unit: str, counts: _Counts) -> int | None:
    """How many units: a count of `unit` in its sentence ("300 suất quà, mỗi suất ..."); else the one
    count the whole text gives of that unit, or, for gifts, of the people or households given them
    ("trao quà cho 100 hộ gia đình" ... "300 nghìn đồng/suất")."""
    if not unit:
        return None
    in_sentence = _of_unit(counts.in_span(amount.evidence.sentence_start, amount.evidence.sentence_end), unit)
    if in_sentence:
        return min(in_sentence) if len(in_sentence) == 1 else None
    in_text = _of_unit(counts.in_text(), unit)
    if not in_text and unit in _GIFT_UNITS:
        in_text = set(counts.gifted_to())
    return in_text.pop() if len(in_text) == 1 else None


def _link_units(
    doc: Document, amounts: list[Amount], by_sentence: dict[int, list[int]], counts: _Counts
) -> None:
    for index, amount in enumerate(amounts):
        if amount.converts_ordinal is not None:
            continue
        in_sentence = by_sentence[_sentence_of(doc, amount)]
        unit = _unit_noun(doc, amounts, index, in_sentence)
        if unit is None:
            if _continues_unit_list(doc, amounts, index, in_sentence):
                amounts[index] = replace(amount, is_per_unit=True)
            continue
        count = _unit_count(amount, unit, counts)
        amounts[index] = amount = replace(amount, is_per_unit=True, unit_count=count)
        total = _total_of_units(doc, amounts, index, in_sentence)
        if total is not None:
            amounts[index] = replace(amount, unit_of_ordinal=total)
            amounts[total] = replace(amounts[total], unit_value=amount.value, unit_count=count)


def _continues_unit_list(doc: Document, amounts: list[Amount], index: int, in_sentence: list[int]) -> bool:
    """Whether an amount goes on a list of per-unit values ("mỗi suất 1.250.000 đồng, 1.500.000 đồng và
    2.000.000 đồng", "... đồng đối với học sinh tiểu học, 1.500.000 đồng đối với ..."): one per level."""
    position = in_sentence.index(index)
    if position == 0:
        return False
    previous, amount = amounts[in_sentence[position - 1]], amounts[index]
    if not previous.is_per_unit or (previous.kind, previous.currency) != (amount.kind, amount.currency):
        return False
    return bool(_UNIT_LIST_GAP.fullmatch(doc.key, previous.evidence.end, _start(doc, amount)))


def _total_of_units(doc: Document, amounts: list[Amount], index: int, in_sentence: list[int]) -> int | None:
    """The donation a per-unit amount belongs to: an amount of its sentence named as a total, or
    worth its count of units."""
    unit = amounts[index]
    for other_index in in_sentence:
        other = amounts[other_index]
        if (
            other_index == index
            or not _is_free(other)
            or other.kind != unit.kind
            or other.currency != unit.currency
            or other.value <= unit.value
        ):
            continue
        named_total = _TOTAL_BEFORE.search(doc.key[_comma_clause_start(doc, other) : _start(doc, other)])
        worth_count = unit.unit_count and abs(unit.unit_count * unit.value - other.value) <= 0.1 * other.value
        if named_total or worth_count:
            return other_index
    return None


def _mark_cumulative(doc: Document, amounts: list[Amount], by_sentence: dict[int, list[int]]) -> None:
    """A cumulative phrase marks the first amount after it in its sentence, or the one just before it."""
    for index, amount in enumerate(amounts):
        if not _is_free(amount):
            continue
        sentence_start = amount.evidence.sentence_start
        in_sentence = by_sentence[sentence_start]
        previous = [
            amounts[other].evidence.end for other in in_sentence if other < index and _is_free(amounts[other])
        ]
        before = doc.key[max([sentence_start, *previous]) : _start(doc, amount)]
        following = [amounts[other] for other in in_sentence if other > index]
        after_end = min(
            [amount.evidence.sentence_end, amount.evidence.end + _CUMULATIVE_AFTER]
            + [_start(doc, a) for a in following if _is_free(a)]
        )
        after = doc.key[amount.evidence.end : after_end]
        if _CUMULATIVE.search(before) or _CUMULATIVE.search(after):
            amounts[index] = replace(amount, is_cumulative=True)
    for index, amount in enumerate(amounts):  # a conversion or unit value shares its donation's flag
        linked = amount.converts_ordinal if amount.converts_ordinal is not None else amount.unit_of_ordinal
        if linked is not None and amounts[linked].is_cumulative:
            amounts[index] = replace(amount, is_cumulative=True)


def _link_parts(doc: Document, amounts: list[Amount], by_sentence: dict[int, list[int]]) -> None:
    """An amount after a part word, whose total is the nearest larger donation before it, in its
    sentence or (for a sentence opening with the word) the sentence before."""
    sentences = doc.sentence_starts
    for index, amount in enumerate(amounts):
        if not _is_free(amount) or amount.is_cumulative:
            continue
        sentence_start = amount.evidence.sentence_start
        earlier = [
            (other_index, amounts[other_index])
            for other_index in by_sentence[sentence_start]
            if other_index < index and _is_free(amounts[other_index])
        ]
        if earlier:
            between = doc.key[earlier[-1][1].evidence.end : _start(doc, amount)]
            if not _PART.search(between) and not any(
                other.part_of_ordinal is not None for _, other in earlier
            ):
                continue
        elif _PART_OPENING.match(doc.key, sentence_start):
            position = bisect.bisect_left(sentences, sentence_start)
            if position == 0 or position == len(sentences) or sentences[position] != sentence_start:
                continue
            before_start = sentences[position - 1]
            earlier = [
                (other_index, amounts[other_index])
                for other_index in by_sentence.get(before_start, [])
                if other_index < index and _is_free(amounts[other_index])
            ]
        else:
            continue
        totals = [
            (other_index, other)
            for other_index, other in earlier
            if other.part_of_ordinal is None
            and other.kind == amount.kind
            and other.currency == amount.currency
            and other.value > amount.value
        ]
        if totals:
            total_index, total = totals[-1]
            if not total.is_cumulative:
                amounts[index] = replace(amount, part_of_ordinal=total_index)
