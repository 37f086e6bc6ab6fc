"""The typed records one document's extraction produces.

Every record carries `Evidence`: the sentence it was read from and character
offsets into the *normalised* text (see `extraction.text.normalize`), so an
analyst can always go back from a fact to the words that support it.
`Extraction.to_schema` turns the records into the JSON shape of
`../shared/eval/SCHEMA.md`; fields the schema does not know are kept under
extra keys.
"""

from __future__ import annotations

import datetime
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any, Literal

DirectiveType = Literal[
    "chi_thi",
    "nghi_quyet",
    "ket_luan",
    "ke_hoach",
    "cong_van",
    "chuong_trinh",
    "quyet_dinh",
    "thong_bao",
    "huong_dan",
    "nghi_dinh",
    "thong_tu",
    "luat",
    "other",
]
EventType = Literal[
    "visit",
    "conference",
    "seminar",
    "reception",
    "ceremony",
    "exchange",
    "congress",
    "other",
]
ParticipantKind = Literal["person", "organization", "delegation"]
AmountKind = Literal["aid", "other"]
Qualifier = Literal["over", "about", "under", "exact"]
# What an amount is to its donation (see `Amount.role`).
AmountRole = Literal["donation", "part", "conversion", "unit"]


@dataclass(frozen=True)
class Evidence:
    """Where in the normalised text a record was found."""

    start: int  # offset of the matched span
    end: int
    sentence: str  # the whole sentence containing the span
    sentence_start: int
    sentence_end: int


@dataclass
class Directive:
    """One numbered official document, merged over all its mentions in the text."""

    type: DirectiveType
    number: str  # digits without leading zeros
    code: str | None  # "CT/TW", "2023/QĐ-UBND", or None when the text gives none
    issued_on: date | None
    issuer: str | None  # "Ban Bí thư", "Ban Thường vụ Thành ủy"...
    title: str | None  # the subject ("Về tăng cường sự lãnh đạo...") when given
    evidence: Evidence  # the most informative mention
    mentions: list[Evidence] = field(default_factory=list)

    @property
    def key(self) -> tuple[str, str]:
        return (self.type, self.number)


@dataclass
class DirectiveRelation:
    """`source` implements or concretises `target` ("triển khai thực hiện", "cụ thể hóa bằng")."""

    source: tuple[str, str]  # Directive.key
    target: tuple[str, str]
    relation: Literal["implements"]
    cue: str  # the words that signal the relation
    evidence: Evidence


@dataclass
class Role:
    """A title split into its position and organisation where possible."""

    title: str  # as written: "Phó Chủ tịch UBND thành phố"
    position: str | None  # "Phó Chủ tịch"
    organization: str | None  # "UBND thành phố"


@dataclass
class Person:
    name: str  # full name in normal case
    honorific: str | None  # Ông, Bà, Ngài, Đồng chí
    roles: list[Role]
    country: str | None  # ISO 3166-1 alpha-2 when the text makes it clear
    evidence: Evidence
    mentions: list[Evidence] = field(default_factory=list)

    @property
    def titles(self) -> list[str]:
        return [role.title for role in self.roles]


@dataclass
class Organization:
    name: str  # as written, normalised
    acronym: str | None
    country: str | None
    evidence: Evidence


@dataclass
class Amount:
    value: float  # in units of `currency`; the lower bound of a range
    currency: str  # VND, USD, EUR, JPY...
    kind: AmountKind
    qualifier: Qualifier
    text: str  # as written: "trên 3,2 tỉ đồng"
    evidence: Evidence
    value_max: float | None = None  # upper bound of a range ("từ 2 đến 3 tỷ đồng")
    donor: str | None = None  # an organisation, government, country or person; never a phrase
    recipient: str | None = None  # the same
    purpose: str | None = None
    # How the amounts of one text hang together (extraction/amount_roles.py); an ordinal is the
    # position of the other amount in `Extraction.amounts`.
    converts_ordinal: int | None = None  # this restates that amount in another currency ("tương đương")
    amount_vnd_stated: float | None = None  # on the amount a VND conversion restates: that VND value
    is_per_unit: bool = False  # the value of one gift, place or item ("mỗi suất", "đồng/suất")
    unit_of_ordinal: int | None = None  # on a per-unit amount: the donation it is the unit value of
    unit_value: float | None = None  # on a donation: the value of one unit, when the text gives it
    unit_count: int | None = None  # how many units the text gives ("300 suất quà")
    part_of_ordinal: int | None = None  # a part ("trong đó ...") of that total
    is_cumulative: bool = False  # a total over years or many donations ("từ năm 2015 đến nay", "lũy kế")

    @property
    def role(self) -> AmountRole:
        """conversion and unit are never donations by themselves; a part is one, inside its total."""
        if self.converts_ordinal is not None:
            return "conversion"
        if self.is_per_unit:
            return "unit"
        if self.part_of_ordinal is not None:
            return "part"
        return "donation"


@dataclass(frozen=True)
class Participant:
    """Who took part in an event: a person, an organisation or a delegation, with its country.

    A delegation is a group sent by someone ("đoàn đại biểu Hội hữu nghị Hoa Kỳ - Việt Nam",
    "đoàn thanh niên Thái Lan") or a diplomat the text does not name ("Đại sứ Hoa Kỳ").
    """

    name: str  # a person's full name, an organisation's name, a delegation as written
    kind: ParticipantKind
    country: str | None  # ISO 3166-1 alpha-2 when known; "VN" for a Vietnamese one
    start: int  # where the text names it as taking part (offsets in the normalised text)
    end: int


@dataclass
class Event:
    type: EventType
    date: date  # the first day
    title: str  # a short description, usually the clause that names the activity
    evidence: Evidence
    location: str | None = None
    participants: list[Participant] = field(default_factory=list)
    # the last day of a multi-day event, when the text gives it ("datetime.date": `date` is a field here)
    end_date: datetime.date | None = None
    # The day was counted from the publication date ("hôm qua", "sáng nay"), not written.
    dated_by_publication: bool = False


@dataclass
class CountryMention:
    code: str  # ISO 3166-1 alpha-2
    name: str  # as written: "Vương quốc Campuchia"
    evidence: Evidence


@dataclass
class Extraction:
    """Everything extracted from one document."""

    text: str  # the normalised text all offsets refer to
    published_on: date | None
    directives: list[Directive] = field(default_factory=list)
    relations: list[DirectiveRelation] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    organizations: list[Organization] = field(default_factory=list)
    amounts: list[Amount] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    countries: list[CountryMention] = field(default_factory=list)

    def to_schema(self, doc_id: str) -> dict[str, Any]:
        """The SCHEMA.md object, with evidence and extra fields under extra keys."""
        return {
            "doc_id": doc_id,
            "published_on": _iso(self.published_on),
            "directives": [
                {
                    "type": d.type,
                    "number": d.number,
                    "code": d.code,
                    "issued_on": _iso(d.issued_on),
                    "issuer": d.issuer,
                    "title": d.title,
                    "evidence": asdict(d.evidence),
                    "mentions": len(d.mentions) or 1,
                }
                for d in self.directives
            ],
            "people": [
                {
                    "name": p.name,
                    "honorific": p.honorific,
                    "titles": p.titles,
                    "country": p.country,
                    "roles": [asdict(r) for r in p.roles],
                    "evidence": asdict(p.evidence),
                }
                for p in self.people
            ],
            "amounts": [
                {
                    "value": a.value,
                    "currency": a.currency,
                    "kind": a.kind,
                    "qualifier": a.qualifier,
                    "text": a.text,
                    "value_max": a.value_max,
                    "donor": a.donor,
                    "recipient": a.recipient,
                    "purpose": a.purpose,
                    "role": a.role,
                    "converts_ordinal": a.converts_ordinal,
                    "amount_vnd_stated": a.amount_vnd_stated,
                    "unit_of_ordinal": a.unit_of_ordinal,
                    "unit_value": a.unit_value,
                    "unit_count": a.unit_count,
                    "part_of_ordinal": a.part_of_ordinal,
                    "is_cumulative": a.is_cumulative,
                    "evidence": asdict(a.evidence),
                }
                for a in self.amounts
            ],
            "events": [
                {
                    "type": e.type,
                    "date": _iso(e.date),
                    "title": e.title,
                    "location": e.location,
                    "participants": [
                        {"name": p.name, "kind": p.kind, "country": p.country} for p in e.participants
                    ],
                    "end_date": _iso(e.end_date),
                    "dated_by_publication": e.dated_by_publication,
                    "evidence": asdict(e.evidence),
                }
                for e in self.events
            ],
            "countries": _unique(c.code for c in self.countries),
            "country_mentions": [
                {"code": c.code, "name": c.name, "evidence": asdict(c.evidence)} for c in self.countries
            ],
            "organizations": [
                {"name": o.name, "acronym": o.acronym, "country": o.country, "evidence": asdict(o.evidence)}
                for o in self.organizations
            ],
            "directive_relations": [
                {
                    "source": {"type": r.source[0], "number": r.source[1]},
                    "target": {"type": r.target[0], "number": r.target[1]},
                    "relation": r.relation,
                    "cue": r.cue,
                    "evidence": asdict(r.evidence),
                }
                for r in self.relations
            ],
        }


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _unique(codes: Any) -> list[str]:
    return list(dict.fromkeys(codes))
