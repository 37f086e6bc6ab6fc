"""Reports of donations grouped into donations: one fact per real-world donation, every report kept.

The same donation is often reported by several articles, on several sites, in words that differ:
"trên 1,7 tỉ đồng" here, "1,72 tỷ đồng" there, "1,2 triệu USD (khoảng 28 tỷ đồng)" elsewhere. The
dbt Python model int_aid__facts loads the reports (int_aid__mentions) and calls `group_aid_mentions`;
everything else is plain functions over plain rows, unit-tested in tests/test_aid_facts.py.

Two reports are the same donation when all of these hold (the README states them for analysts):

1. **Donor**: the same donor, compared by its resolved name folded (an embassy or consulate written
   with or without "quán" or its city is one donor; a name and its bracketed acronym, or a name and
   a longer name holding it, "Plan International" and "Tổ chức Plan International Việt Nam", too). Reports of two articles must both name the
   donor, or both name the same recipient when one names no donor.
2. **Amount**: compatible. Each report's amount stands for an interval: "hơn 1,7 tỷ" is 1,7 to 1,8
   tỷ, "khoảng 28 tỷ" 27 to 29 tỷ, "1,72 tỷ" 1,715 to 1,725 tỷ (half a unit of its last digit),
   a range its two ends; the intervals must overlap. Amounts in two currencies are compared in VND:
   a stated conversion ("tương đương khoảng 28 tỷ đồng") counts as "about", a conversion at the
   year's exchange rate is widened by `RATE_TOLERANCE`.
3. **Recipient**: the same when both name one (a name and its longer form, "Bệnh viện Nhi đồng thành
   phố" and "... thành phố Cần Thơ", are the same).
4. **Dates**: reported within `DATE_WINDOW_DAYS` of each other, and never in different years (the
   year a report states in its sentence, else the year it was reported).
5. Never merged: a cumulative total with a single donation, a part with its own total, or two
   reports of one article whose purposes differ (two projects). Two amounts of one article that pass
   every rule are one donation told twice (the lead's "hơn 1,7 tỷ", the body's "1,72 tỷ"); the same
   figure twice was already one amount in extraction.

A report joins the earliest-made donation it is compatible with every report of (so no chain of
near-matches drifts), taking the one reported closest in time when several fit; reports are read in
order of report date, article and offset, so the grouping is deterministic. A donation's id is the
surrogate key of its earliest report (article and offset), stable as later reports join it; its
amount is that of its most precise report (exact before qualified, then the narrowest interval,
then the earliest).
"""

from __future__ import annotations

import bisect
import functools
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from extraction.variants import fold
from warehouse.resolution import surrogate_key

DATE_WINDOW_DAYS = 45
RATE_TOLERANCE = 0.10  # a conversion at an average yearly rate may be this far from a stated one
# How far a qualifier stretches an amount, at most, as a share of it ("hơn 1 tỷ" is not "hơn 3 tỷ").
_MAX_SHARE = {"exact": 0.025, "over": 0.25, "about": 0.15, "under": 0.25}
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
# "Tổng Lãnh sự quán Nhật Bản tại TP Hồ Chí Minh" and "Tổng Lãnh sự Nhật Bản" are one donor
_MISSION_WORD = re.compile(r"(?<=s[ựứ]) quán(?!\w)")
_CITY = re.compile(r" tại .*$")
_BRACKETED = re.compile(r"\s*\(([^()]*)\)")
_KIND_OPENING = re.compile(r"^tổ chức ")


@dataclass(frozen=True)
class AidMention:
    """One report of a donation in one article (a row of int_aid__mentions)."""

    record_id: str
    document_id: str
    evidence_start: int
    reported_on: date | None
    currency_code: str
    qualifier: str  # over, about, under or exact
    amount_value: float | None  # None: a unit value whose count the text does not give
    amount_value_max: float | None = None
    amount_vnd: float | None = None
    amount_vnd_is_stated: bool = False  # the text states it ("tương đương ...")
    unit_value: float | None = None
    donor_name: str | None = None  # resolved display name, else as written
    recipient_name: str | None = None
    purpose: str | None = None
    evidence_sentence: str = ""
    is_cumulative: bool = False
    part_of_record_id: str | None = None  # the total it is a part of, in the same article


@dataclass(frozen=True)
class AidAssignment:
    """Which donation a report belongs to."""

    record_id: str
    aid_id: str
    is_primary_mention: bool  # the report whose amount the donation shows
    part_of_aid_id: str | None  # the donation this one is a part of


@dataclass
class _Donation:
    mentions: list[AidMention] = field(default_factory=list)


@functools.lru_cache(maxsize=65536)  # each name is compared with many others
def party_key(name: str | None) -> str | None:
    """A donor's or recipient's name folded for comparison: case, tones, a bracketed acronym, a leading
    "tổ chức", a mission's "quán" and city ("Tổng Lãnh sự quán Nhật Bản tại TP Hồ Chí Minh")."""
    if not name or not name.strip():
        return None
    plain = " ".join(_BRACKETED.sub(" ", name).lower().split())
    plain = _CITY.sub("", _MISSION_WORD.sub("", plain))
    plain = _KIND_OPENING.sub("", plain) or plain
    return " ".join(fold(word) for word in plain.split())


def _acronym(name: str) -> str | None:
    bracketed = _BRACKETED.search(name)
    return bracketed.group(1) if bracketed else (name if name.isupper() and " " not in name else None)


@functools.lru_cache(maxsize=65536)  # a report's sentence is read once per comparison
def stated_year(sentence: str) -> int | None:
    """The one year a sentence states, if it states exactly one."""
    years = {int(year) for year in _YEAR.findall(sentence)}
    return years.pop() if len(years) == 1 else None


def _year(mention: AidMention) -> int | None:
    year = stated_year(mention.evidence_sentence)
    if year is not None:
        return year
    return mention.reported_on.year if mention.reported_on else None


def _step(value: float) -> float:
    """The unit of the last significant digit of a written amount: 1,7 tỷ -> 100 triệu."""
    if value <= 0:
        return 1.0
    step = 10.0 ** math.floor(math.log10(value))
    while step >= 1 and abs(value / step - round(value / step)) > 1e-6:
        step /= 10
    return max(step, 1.0)


@functools.lru_cache(maxsize=65536)  # each report's amount is compared with many others
def interval(value: float, qualifier: str, value_max: float | None = None) -> tuple[float, float]:
    """The values a written amount may stand for (see the module's rule 2)."""
    if value_max is not None and value_max > value:
        return value, value_max
    reach = min(_step(value), _MAX_SHARE.get(qualifier, 0.025) * value)
    if qualifier == "over":
        return value, value + reach
    if qualifier == "under":
        return value - reach, value
    if qualifier == "about":
        return value - reach, value + reach
    return value - reach / 2, value + reach / 2


def _overlap(first: tuple[float, float], second: tuple[float, float]) -> bool:
    return first[0] <= second[1] and second[0] <= first[1]


def _vnd_interval(mention: AidMention) -> tuple[float, float] | None:
    if mention.currency_code == "VND" and mention.amount_value is not None:
        return interval(mention.amount_value, mention.qualifier, mention.amount_value_max)
    if mention.amount_vnd is None:
        return None
    if mention.amount_vnd_is_stated:
        return interval(mention.amount_vnd, "about")
    return mention.amount_vnd * (1 - RATE_TOLERANCE), mention.amount_vnd * (1 + RATE_TOLERANCE)


def amounts_compatible(first: AidMention, second: AidMention) -> bool:
    """Rule 2: the two amounts may be the same money."""
    if first.amount_value is None or second.amount_value is None:
        if (
            first.amount_value is None
            and second.amount_value is None
            and first.unit_value
            and second.unit_value
        ):
            return first.currency_code == second.currency_code and _overlap(
                interval(first.unit_value, first.qualifier), interval(second.unit_value, second.qualifier)
            )
        return False
    if first.currency_code == second.currency_code:
        return _overlap(
            interval(first.amount_value, first.qualifier, first.amount_value_max),
            interval(second.amount_value, second.qualifier, second.amount_value_max),
        )
    first_vnd, second_vnd = _vnd_interval(first), _vnd_interval(second)
    return first_vnd is not None and second_vnd is not None and _overlap(first_vnd, second_vnd)


@functools.lru_cache(maxsize=262144)  # a name pair comes back with every report of the two donations
def _alike(first: str, second: str) -> bool:
    """Named alike: the same acronym, or one folded name a run of the other's words that starts it or
    holds at least two words ("Bệnh viện Nhi đồng thành phố" and "... thành phố Cần Thơ"; "Plan
    International" and "Tổ chức Plan International Việt Nam")."""
    first_acronym, second_acronym = _acronym(first), _acronym(second)
    if first_acronym and first_acronym in (second_acronym, second.strip()):
        return True
    if second_acronym and second_acronym == first.strip():
        return True
    shorter, longer = sorted(((party_key(first) or "").split(), (party_key(second) or "").split()), key=len)
    if longer[: len(shorter)] == shorter:
        return True
    return len(shorter) >= 2 and any(
        longer[at : at + len(shorter)] == shorter for at in range(len(longer) - len(shorter) + 1)
    )


def _conflict(first: str | None, second: str | None) -> bool:
    """Both named, not alike."""
    return bool(first and second) and not _alike(first or "", second or "")


def same_donation(first: AidMention, second: AidMention) -> bool:
    """Rules 1 to 5: the two reports describe one donation.

    Every rule must hold, so their order changes no answer; the cheap ones come first, and the names
    are compared last (folding and matching them is most of the time a warehouse's grouping takes)."""
    if first.is_cumulative != second.is_cumulative:
        return False
    if first.part_of_record_id == second.record_id or second.part_of_record_id == first.record_id:
        return False
    same_article = first.document_id == second.document_id
    both_named = (first.donor_name and second.donor_name) or (first.recipient_name and second.recipient_name)
    if not same_article and not both_named:
        return False  # across articles, a named donor or recipient must tie the two
    if first.reported_on is None or second.reported_on is None:
        if not same_article:
            return False
    elif abs((first.reported_on - second.reported_on).days) > DATE_WINDOW_DAYS:
        return False
    if _year(first) != _year(second) or not amounts_compatible(first, second):
        return False
    if same_article and _conflict(first.purpose, second.purpose):
        return False  # one article, two projects
    return not (
        _conflict(first.donor_name, second.donor_name)
        or _conflict(first.recipient_name, second.recipient_name)
    )


def _order(mention: AidMention) -> tuple:
    return (mention.reported_on or date.max, mention.document_id, mention.evidence_start, mention.record_id)


def _precision(mention: AidMention) -> tuple:
    """Sort key: the most precise report first."""
    if mention.amount_value is None:
        return (2, math.inf, _order(mention))
    low, high = interval(mention.amount_value, mention.qualifier, mention.amount_value_max)
    return (
        0 if mention.qualifier == "exact" else 1,
        (high - low) / max(mention.amount_value, 1),
        _order(mention),
    )


def group_aid_mentions(mentions: Iterable[AidMention]) -> list[AidAssignment]:
    """Every report assigned to one donation, in the order of `mentions` sorted by report.

    Only the donations a report may join are compared with it, which keeps a warehouse of years of
    reports from comparing every report with every donation:
    - reports are read in date order, so a donation whose first report is over DATE_WINDOW_DAYS older
      than a dated report can take no more dated reports (rule 4), and the donations after it are the
      newer ones; an undated report comes last and joins only reports of its own article, so only
      donations begun in that article;
    - of those, only the donations whose first report's amount may be the same money (rule 2), found
      through `_AmountIndex`: at 100,000 articles a report was otherwise compared with about 160
      donations of its window, most of them for other sums.
    The candidates keep the order the donations were made in, so the grouping is the one every donation
    compared would give.
    """
    donations: list[_Donation] = []
    begun_in: dict[str, list[int]] = defaultdict(list)  # donations by their first report's article
    by_amount = _AmountIndex()
    first_open = 0  # donations before it began more than DATE_WINDOW_DAYS before the report read
    for mention in sorted(mentions, key=_order):
        if mention.reported_on is None:
            candidates = begun_in[mention.document_id]
        else:
            oldest = mention.reported_on - timedelta(days=DATE_WINDOW_DAYS)
            while first_open < len(donations) and _first_day(donations[first_open]) < oldest:
                first_open += 1
            candidates = by_amount.candidates(mention, first_open)
        fitting = [
            donations[number]
            for number in candidates
            if all(same_donation(mention, other) for other in donations[number].mentions)
        ]
        if fitting:
            closest = min(fitting, key=lambda d: _distance(mention, d.mentions))
            closest.mentions.append(mention)
        else:
            donations.append(_Donation([mention]))
            begun_in[mention.document_id].append(len(donations) - 1)
            by_amount.add(mention, len(donations) - 1)
    return _assignments(donations)


ANY_AMOUNT = ("any",)  # the key of an amount that cannot be filed by its magnitude
WIDEST_SPAN = 64  # powers of two an amount's interval may span before it is filed as ANY_AMOUNT


class _AmountIndex:
    """The donations by the magnitude of their first report's amount, so a report is compared only with
    those whose amount may be the same money.

    Two reports' amounts are compatible only when two of their intervals overlap (rule 2): the amounts in
    one currency, the unit values in one currency, or the values in VND. An interval is filed under
    every power of two it spans, per kind; two overlapping intervals share a point, so they share a
    power of two. A donation is filed under its first report's keys (a report that joins it must fit
    that one too), and a report looks up its own keys: every donation it fits is found, and a few it
    does not, which the rules then turn down.
    """

    def __init__(self) -> None:
        self._donations: dict[tuple, list[int]] = defaultdict(list)  # key -> donation numbers, ascending
        self._count = 0

    def add(self, first: AidMention, number: int) -> None:
        for key in _amount_keys(first):
            self._donations[key].append(number)
        self._count = number + 1

    def candidates(self, mention: AidMention, first_open: int) -> list[int]:
        """Donations numbered `first_open` or later that may fit the report, in the order they were made."""
        keys = _amount_keys(mention)
        if keys == {ANY_AMOUNT}:  # not filed by magnitude: compared with every donation of the window
            return list(range(first_open, self._count))
        if keys:
            keys.add(ANY_AMOUNT)  # the donations not filed by magnitude are compared with every report
        found: set[int] = set()
        for key in keys:
            numbers = self._donations.get(key, [])
            found.update(numbers[bisect.bisect_left(numbers, first_open) :])
        return sorted(found)


def _amount_keys(mention: AidMention) -> set[tuple]:
    """The index keys of a report's amount (see `_AmountIndex`); none when its amount can match none."""
    spans: list[tuple[str, str, tuple[float, float]]] = []
    if mention.amount_value is None:
        if mention.unit_value:
            spans.append(("unit", mention.currency_code, interval(mention.unit_value, mention.qualifier)))
    else:
        spans.append(
            (
                "amount",
                mention.currency_code,
                interval(mention.amount_value, mention.qualifier, mention.amount_value_max),
            )
        )
        vnd = _vnd_interval(mention)
        if vnd is not None:
            spans.append(("vnd", "VND", vnd))
    keys: set[tuple] = set()
    for kind, currency, (low, high) in spans:
        if not (0 < low <= high < math.inf):
            return {ANY_AMOUNT}
        first, last = math.floor(math.log2(low)), math.floor(math.log2(high))
        if last - first > WIDEST_SPAN:
            return {ANY_AMOUNT}
        keys.update((kind, currency, power) for power in range(first, last + 1))
    return keys


def _first_day(donation: _Donation) -> date:
    """The report date of a donation's first report (date.max when undated: never out of the window)."""
    return donation.mentions[0].reported_on or date.max


def _distance(mention: AidMention, others: Sequence[AidMention]) -> int:
    """Days between a report and the nearest report of a donation (0 when undated)."""
    days = [
        abs((mention.reported_on - o.reported_on).days)
        for o in others
        if mention.reported_on and o.reported_on
    ]
    return min(days, default=0)


def _assignments(donations: list[_Donation]) -> list[AidAssignment]:
    aid_of_record: dict[str, str] = {}
    for donation in donations:
        first = donation.mentions[0]
        aid_id = surrogate_key(first.document_id, str(first.evidence_start))
        for mention in donation.mentions:
            aid_of_record[mention.record_id] = aid_id
    result: list[AidAssignment] = []
    for donation in donations:
        aid_id = aid_of_record[donation.mentions[0].record_id]
        primary = min(donation.mentions, key=_precision)
        totals = [
            aid_of_record[m.part_of_record_id]
            for m in donation.mentions
            if m.part_of_record_id in aid_of_record and aid_of_record[m.part_of_record_id] != aid_id
        ]
        part_of = totals[0] if totals else None
        result.extend(AidAssignment(m.record_id, aid_id, m is primary, part_of) for m in donation.mentions)
    return result
