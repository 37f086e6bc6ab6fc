"""The registry of record kinds: for each list an `Extraction` holds, the table it lands in.

One `RecordKind` says everything the rest of the house needs to know about a kind of record:
its dataclass, the `Extraction` field holding it, its table in the warehouse's `extracted`
schema, that table's description, its columns (type, description, and how each value is read
from a record), and how to show one record as a line of text. The warehouse builds its row
serialiser, its record tables and its previews from here, the orchestrator its asset specs, and
tests hold the static copies (the DuckDB migrations, dbt's `_sources.yml`) to it.

Adding a kind of record: write its dataclass in `records.py` and a field of `Extraction` for it,
add one `RecordKind` to `RECORD_KINDS` below, then a migration creating its table (and its
count column in `extracted.documents`) and its entry in the `extracted` source of dbt; the
tests in `tests/test_record_kinds.py` say what is missing. See the README.

Column types are DuckDB type names, written here as data: this module opens no database.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass
from typing import Any, get_args

from extraction.records import (
    Amount,
    AmountKind,
    AmountRole,
    CountryMention,
    Directive,
    DirectiveRelation,
    DirectiveType,
    Event,
    EventType,
    Extraction,
    Organization,
    ParticipantKind,
    Person,
    Qualifier,
)


@dataclass(frozen=True)
class Column:
    """One column of a warehouse table."""

    name: str
    type: str  # DuckDB type, as a migration writes it
    description: str  # the column comment in DuckDB and the column description in dbt
    nullable: bool = False
    # How the value is read from one record; None reads the record's attribute of the same name.
    read: Callable[[Any], Any] | None = None

    def value(self, record: Any) -> Any:
        return self.read(record) if self.read else getattr(record, self.name)


@dataclass(frozen=True)
class Table:
    """A table of the warehouse: what the migration creates, dbt documents and Dagster shows."""

    name: str
    description: str
    columns: tuple[Column, ...]

    @property
    def column_names(self) -> list[str]:
        return [column.name for column in self.columns]


# A row's text preview is computed from the row itself (column name -> value), so the same
# function previews a record just extracted and one read back from the warehouse.
Preview = Callable[[Mapping[str, Any]], str]


# Every record row starts with its position and its evidence (see `records.Evidence`).
ORDINAL = Column("ordinal", "INTEGER", "Position among the document version's records of this kind, from 0.")
EVIDENCE_COLUMNS = (
    Column(
        "evidence_sentence",
        "VARCHAR",
        "The sentence the record was read from.",
        read=lambda r: r.evidence.sentence,
    ),
    Column(
        "span_start",
        "INTEGER",
        "Offset of the words read, in the normalised body text.",
        read=lambda r: r.evidence.start,
    ),
    Column("span_end", "INTEGER", "Offset just after the words read.", read=lambda r: r.evidence.end),
    Column(
        "sentence_start",
        "INTEGER",
        "Offset of the sentence, in the normalised body text.",
        read=lambda r: r.evidence.sentence_start,
    ),
    Column(
        "sentence_end", "INTEGER", "Offset just after the sentence.", read=lambda r: r.evidence.sentence_end
    ),
)


@dataclass(frozen=True)
class RecordKind:
    """One kind of record: its dataclass, its `Extraction` field and its table."""

    table_name: str  # in the `extracted` schema
    record_type: type
    extraction_field: str  # the attribute of `Extraction` holding the records
    description: str
    own_columns: tuple[Column, ...]  # after the ordinal and evidence columns every kind has
    preview: Preview | None = None  # None: the kind is not shown in previews of new records

    @property
    def columns(self) -> tuple[Column, ...]:
        """The columns one record fills, in table order."""
        return (ORDINAL, *EVIDENCE_COLUMNS, *self.own_columns)

    @property
    def column_names(self) -> list[str]:
        return [column.name for column in self.columns]

    def table(self, key_columns: tuple[Column, ...] = ()) -> Table:
        """The kind's table, with the columns the lander puts before the record's (its document version)."""
        return Table(self.table_name, self.description, (*key_columns, *self.columns))

    def records(self, extraction: Extraction) -> list[Any]:
        return getattr(extraction, self.extraction_field)

    def rows(self, extraction: Extraction) -> list[dict[str, Any]]:
        """One row per record, numbered in the order the extractor gave them."""
        return [
            {
                ORDINAL.name: ordinal,
                **{column.name: column.value(record) for column in (*EVIDENCE_COLUMNS, *self.own_columns)},
            }
            for ordinal, record in enumerate(self.records(extraction))
        ]


def _one_of(literal: Any) -> str:
    """'a, b or c' from a Literal type, so a description lists exactly the values the code allows."""
    *first, last = get_args(literal)
    return f"{', '.join(first)} or {last}" if first else last


def _as_written(row: Mapping[str, Any]) -> str:
    """The words the record was read from, cut from its evidence sentence."""
    start = row["span_start"] - row["sentence_start"]
    return row["evidence_sentence"][start : start + row["span_end"] - row["span_start"]]


DIRECTIVES = RecordKind(
    table_name="directives",
    record_type=Directive,
    extraction_field="directives",
    description="Numbered official documents mentioned, merged within one document version.",
    own_columns=(
        Column("type", "VARCHAR", f"Kind of document: {_one_of(DirectiveType)}."),
        Column("number", "VARCHAR", "Document number, digits without leading zeros."),
        Column(
            "code", "VARCHAR", "What follows the number (CT/TW, 2023/QĐ-UBND); NULL when not given.", True
        ),
        Column("issued_on", "DATE", "Date of issue, when the text gives it.", True),
        Column(
            "issuer", "VARCHAR", "Who issued it (Ban Bí thư, Ban Thường vụ Thành ủy...), when named.", True
        ),
        Column("title", "VARCHAR", "Its subject (Về tăng cường...), when given.", True),
        Column(
            "mentions",
            "INTEGER",
            "How many times the document version mentions it.",
            read=lambda d: len(d.mentions) or 1,
        ),
    ),
    preview=_as_written,
)

DIRECTIVE_RELATIONS = RecordKind(
    table_name="directive_relations",
    record_type=DirectiveRelation,
    extraction_field="relations",
    description="Document A implements document B, as one document version says it.",
    own_columns=(
        Column("source_type", "VARCHAR", "Kind of the document that implements.", read=lambda r: r.source[0]),
        Column(
            "source_number", "VARCHAR", "Number of the document that implements.", read=lambda r: r.source[1]
        ),
        Column("target_type", "VARCHAR", "Kind of the document implemented.", read=lambda r: r.target[0]),
        Column("target_number", "VARCHAR", "Number of the document implemented.", read=lambda r: r.target[1]),
        Column("relation", "VARCHAR", "implements."),
        Column(
            "cue", "VARCHAR", "The words that signal the relation (triển khai thực hiện, cụ thể hóa bằng...)."
        ),
    ),
)

PEOPLE = RecordKind(
    table_name="people",
    record_type=Person,
    extraction_field="people",
    description="People named, with their titles split into position and organisation.",
    own_columns=(
        Column("name", "VARCHAR", "Full name in normal case."),
        Column("honorific", "VARCHAR", "Ông, Bà, Ngài or Đồng chí, when written.", True),
        Column("country", "VARCHAR", "ISO 3166-1 alpha-2 code of the person's country, when clear.", True),
        Column(
            "roles",
            "STRUCT(title VARCHAR, position VARCHAR, organization VARCHAR)[]",
            "Titles as written, each split into position and organisation where possible.",
            read=lambda p: [asdict(role) for role in p.roles],
        ),
        Column(
            "mentions",
            "INTEGER",
            "How many times the document version names the person.",
            read=lambda p: len(p.mentions) or 1,
        ),
    ),
    preview=lambda row: row["name"],
)

ORGANIZATIONS = RecordKind(
    table_name="organizations",
    record_type=Organization,
    extraction_field="organizations",
    description="Organisations named, as written.",
    own_columns=(
        Column("name", "VARCHAR", "Name as written, normalised."),
        Column("acronym", "VARCHAR", "Acronym, when given.", True),
        Column("country", "VARCHAR", "ISO 3166-1 alpha-2 code of its country, when clear.", True),
    ),
    preview=lambda row: row["name"],
)

AMOUNTS = RecordKind(
    table_name="amounts",
    record_type=Amount,
    extraction_field="amounts",
    description="Money amounts, aid or other, with donor, recipient and purpose when the text names them.",
    own_columns=(
        Column("value", "DOUBLE", "Amount in units of currency; the lower bound of a range."),
        Column(
            "value_max", "DOUBLE", "Upper bound of a range (từ 2 đến 3 tỷ đồng); NULL for one amount.", True
        ),
        Column("currency", "VARCHAR", "ISO 4217 code: VND, USD, EUR..."),
        Column("kind", "VARCHAR", f"{_one_of(AmountKind)}."),
        Column("qualifier", "VARCHAR", f"{_one_of(Qualifier)}."),
        Column("amount_text", "VARCHAR", "The amount as written (trên 3,2 tỉ đồng).", read=lambda a: a.text),
        Column("donor", "VARCHAR", "Who gives, when named.", True),
        Column("recipient", "VARCHAR", "Who receives, when named.", True),
        Column("purpose", "VARCHAR", "What it is for, when said.", True),
        # how the amounts of one text hang together (extraction/amount_roles.py); migration 007
        Column(
            "role",
            "VARCHAR",
            f"{_one_of(AmountRole)}: a conversion or a unit value is never a donation by itself.",
            read=lambda a: a.role,
        ),
        Column(
            "converts_ordinal",
            "INTEGER",
            "For a conversion (tương đương ...): the ordinal of the amount it restates in another currency.",
            True,
        ),
        Column(
            "amount_vnd_stated",
            "DOUBLE",
            "The amount's value in VND as the text states it (its conversion), when it does.",
            True,
        ),
        Column(
            "is_per_unit", "BOOLEAN", "The value of one gift, place or item (mỗi suất, đồng/suất, bình quân)."
        ),
        Column(
            "unit_of_ordinal",
            "INTEGER",
            "For a unit value: the ordinal of the total it is the unit value of, when the text names one.",
            True,
        ),
        Column("unit_value", "DOUBLE", "For a donation: the value of one of its units, when given.", True),
        Column("unit_count", "INTEGER", "How many units the text gives (300 suất quà), when it does.", True),
        Column(
            "part_of_ordinal",
            "INTEGER",
            "For a part (trong đó ...): the ordinal of its total, so it is not counted twice.",
            True,
        ),
        Column(
            "is_cumulative",
            "BOOLEAN",
            "A total over years or many donations (từ năm 2015 đến nay, tổng cộng, lũy kế): not to be added up.",
        ),
    ),
    preview=lambda row: row["amount_text"],
)

EVENTS = RecordKind(
    table_name="events",
    record_type=Event,
    extraction_field="events",
    description="Dated activities: visits, conferences, receptions, ceremonies...",
    own_columns=(
        Column("type", "VARCHAR", f"Kind of activity: {_one_of(EventType)}."),
        Column(
            "event_date",
            "DATE",
            "The day it took place (its first day when it lasted several).",
            read=lambda e: e.date,
        ),
        Column("title", "VARCHAR", "A short description, usually the clause that names the activity."),
        Column("location", "VARCHAR", "Where, when named.", True),
        Column("end_date", "DATE", "The last day of a multi-day activity, when the text gives it.", True),
        Column(
            "dated_by_publication",
            "BOOLEAN",
            "The day was counted from the publication date (hôm qua, sáng nay), not written.",
        ),
        Column(
            "participants",
            "STRUCT(name VARCHAR, kind VARCHAR, country VARCHAR, span_start INTEGER, span_end INTEGER)[]",
            f"Who took part, wherever the text names them: name, kind ({_one_of(ParticipantKind)}), "
            "ISO country code when known, and the offsets of the words naming them.",
            read=lambda e: [
                {
                    "name": p.name,
                    "kind": p.kind,
                    "country": p.country,
                    "span_start": p.start,
                    "span_end": p.end,
                }
                for p in e.participants
            ],
        ),
    ),
    preview=lambda row: f"{row['event_date']:%Y-%m-%d} {row['title']}",
)

COUNTRIES = RecordKind(
    table_name="countries",
    record_type=CountryMention,
    extraction_field="countries",
    description="Foreign countries named, one row per mention.",
    own_columns=(
        Column("code", "VARCHAR", "ISO 3166-1 alpha-2 code."),
        Column("name", "VARCHAR", "The country's name as written (Vương quốc Campuchia)."),
    ),
    preview=lambda row: row["name"],
)

# In the order the warehouse lands, counts and previews them.
RECORD_KINDS: tuple[RecordKind, ...] = (
    DIRECTIVES,
    DIRECTIVE_RELATIONS,
    PEOPLE,
    ORGANIZATIONS,
    AMOUNTS,
    EVENTS,
    COUNTRIES,
)
