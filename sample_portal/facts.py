"""The real-world facts the sample portal's articles report, as data a program can check.

A story's sentences are generated from templates; what they say happened is stated here, once per
fact: a donation reported by two articles is one `Donation` that both story rows name, so
`bench/fact_eval.py` can tell a warehouse that counts it once from one that counts it twice.
A fact is identified by its value (the dataclasses are frozen): two rows naming the same constant
report the same fact.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Literal

# The extractor's event types (extraction.records.EventType); kept as a literal here so the
# portal does not import the extractor it is a test bed for.
EventKind = Literal[
    "visit", "conference", "seminar", "reception", "ceremony", "exchange", "congress", "other"
]


@dataclass(frozen=True)
class Donation:
    """One real-world donation (a gift, a grant, a sum raised), whoever reports it.

    `donor` is None when the text names no single entity that gave ("các tổ chức phi chính phủ
    nước ngoài", "cán bộ, đoàn viên, hội viên"): such a donation is judged on amount and date only.
    """

    donor: str | None  # as the stories name it; `donor_forms` lists other ways they write it
    amount: Decimal | None  # in `currency`; None when the text gives only a value per unit
    currency: str  # ISO 4217, as the seed exchange_rates has it
    given_on: date  # the day of the handover, or of the report when the text gives no day
    recipient: str | None = None
    donor_forms: tuple[str, ...] = ()
    amount_max: Decimal | None = None  # a range's upper end ("từ 1 đến 2 tỷ đồng")
    amount_vnd: Decimal | None = None  # only when the text states the conversion itself
    unit_value: Decimal | None = None  # "mỗi suất trị giá 500.000 đồng": the value of one gift
    unit_count: int | None = None  # how many such gifts, when the text says
    is_cumulative: bool = False  # a running total over years ("từ năm 2015 đến nay, tổng cộng ...")
    part_of: Donation | None = None  # the total it is a part of ("trong đó ...")
    corrected: tuple[int, Decimal] | None = None  # (day, amount): the portal's edit on that day

    def amount_on(self, day: int) -> Decimal | None:
        """The amount the portal states on `day` (an edited article may correct it)."""
        if self.corrected and day >= self.corrected[0]:
            return self.corrected[1]
        return self.amount

    @property
    def names(self) -> tuple[str, ...]:
        """Every written form of the donor (none when the donor is no single entity)."""
        return (self.donor, *self.donor_forms) if self.donor else ()


@dataclass(frozen=True)
class Event:
    """One real-world activity (a visit, a conference, a ceremony...) on one day."""

    kind: EventKind
    held_on: date
    place: str | None = None  # the province or city, where the text says
