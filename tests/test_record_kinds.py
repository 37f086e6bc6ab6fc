"""The registry of record kinds (extraction/kinds.py) and everything held to it.

What is derived from the registry (the lander's rows, the previews, the asset specs) is checked on
sample records; what must stay a static file (the DuckDB migrations, dbt's `extracted` source) is
checked against it, so a kind, a column or a description changed in one place and not the other
fails here with the difference.
"""

from __future__ import annotations

import ast
import shutil
import typing
from dataclasses import fields
from datetime import date
from pathlib import Path

import duckdb
import pytest
import yaml

import warehouse.db
from extraction.kinds import EVIDENCE_COLUMNS, ORDINAL, RECORD_KINDS, Column, Table
from extraction.records import (
    Amount,
    CountryMention,
    Directive,
    DirectiveRelation,
    Event,
    Evidence,
    Extraction,
    Organization,
    Participant,
    Person,
    Role,
)
from warehouse.db import MIGRATIONS, migrate
from warehouse.extracting import (
    DOCUMENT_VERSION_COLUMNS,
    DOCUMENTS,
    EXTRACTED_TABLES,
    RECORD_TABLE_SPECS,
    RECORD_TABLES,
    record_rows,
)

ROOT = Path(__file__).resolve().parent.parent
KINDS = {kind.table_name: kind for kind in RECORD_KINDS}


# --- the registry itself ------------------------------------------------------------------------


def test_every_list_of_an_extraction_has_exactly_one_kind_of_its_record_type() -> None:
    hints = typing.get_type_hints(Extraction)
    lists = {
        f.name: typing.get_args(hints[f.name])[0]
        for f in fields(Extraction)
        if typing.get_origin(hints[f.name]) is list
    }
    assert {kind.extraction_field: kind.record_type for kind in RECORD_KINDS} == lists
    assert len(KINDS) == len(RECORD_KINDS)  # one table per kind


def test_names_are_unique_identifiers_and_every_record_row_starts_alike() -> None:
    for table in EXTRACTED_TABLES.values():
        assert table.name.isidentifier() and table.description.endswith((".", "..."))
        assert len(set(table.column_names)) == len(table.columns), table.name
        assert all(column.name.isidentifier() and column.description for column in table.columns)
    for kind, table in zip(RECORD_KINDS, RECORD_TABLE_SPECS, strict=True):
        assert table.columns == (*DOCUMENT_VERSION_COLUMNS, ORDINAL, *EVIDENCE_COLUMNS, *kind.own_columns)
        assert (table.name, table.description) == (kind.table_name, kind.description)
    assert list(EXTRACTED_TABLES) == ["documents", "batches", *RECORD_TABLES]


def test_columns_named_after_a_field_read_it_and_are_nullable_exactly_when_it_may_be_none() -> None:
    for kind in RECORD_KINDS:
        hints = typing.get_type_hints(kind.record_type)
        for column in kind.own_columns:
            if column.read is not None:
                continue
            assert column.name in hints, (
                f"{kind.table_name}.{column.name} names no field of {kind.record_type}"
            )
            may_be_none = type(None) in typing.get_args(hints[column.name])
            assert column.nullable == may_be_none, f"{kind.table_name}.{column.name}"


def test_the_documents_table_counts_every_kind() -> None:
    assert [name for name in DOCUMENTS.column_names if name in KINDS] == list(RECORD_TABLES)


def test_descriptions_list_the_values_the_code_allows() -> None:
    directive_type = next(c for c in KINDS["directives"].own_columns if c.name == "type")
    assert directive_type.description.startswith("Kind of document: chi_thi, nghi_quyet, ")
    assert directive_type.description.endswith(", luat or other.")
    qualifier = next(c for c in KINDS["amounts"].own_columns if c.name == "qualifier")
    assert qualifier.description == "over, about, under or exact."


def test_the_registry_module_stays_pure() -> None:
    """extraction/ opens no database: the column types are names, not DuckDB objects."""
    tree = ast.parse((ROOT / "extraction" / "kinds.py").read_text(encoding="utf-8"))
    imported = {
        (node.module or "") if isinstance(node, ast.ImportFrom) else alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in node.names
    }
    assert all(
        name.split(".")[0] in {"__future__", "collections", "dataclasses", "typing", "extraction"}
        for name in imported
    ), imported


# --- what is derived from it: rows and previews ----------------------------------------------------

SENTENCE = "Ông Nguyễn Văn An tiếp Đoàn theo Chỉ thị số 12-CT/TW ngày 5/1/2024."
AT = 100  # where the sentence starts in the document's text


def _evidence(words: str) -> Evidence:
    start = SENTENCE.index(words)
    return Evidence(AT + start, AT + start + len(words), SENTENCE, AT, AT + len(SENTENCE))


def _evidence_row(words: str) -> dict[str, object]:
    start = AT + SENTENCE.index(words)
    return {
        "evidence_sentence": SENTENCE,
        "span_start": start,
        "span_end": start + len(words),
        "sentence_start": AT,
        "sentence_end": AT + len(SENTENCE),
    }


SAMPLE = Extraction(
    text=" " * AT + SENTENCE,
    published_on=date(2024, 1, 6),
    directives=[
        Directive("chi_thi", "12", "CT/TW", date(2024, 1, 5), None, None, _evidence("Chỉ thị số 12-CT/TW")),
        Directive(
            "nghi_quyet",
            "3",
            None,
            None,
            "Ban Bí thư",
            "Về đối ngoại",
            _evidence("Chỉ thị"),
            mentions=[_evidence("Chỉ thị")] * 2,
        ),
    ],
    relations=[
        DirectiveRelation(("ke_hoach", "7"), ("chi_thi", "12"), "implements", "theo", _evidence("theo"))
    ],
    people=[
        Person(
            "Nguyễn Văn An",
            "Ông",
            [Role("Chủ tịch Hội", "Chủ tịch", "Hội"), Role("Đại sứ", None, None)],
            "VN",
            _evidence("Nguyễn Văn An"),
            mentions=[_evidence("Nguyễn Văn An")] * 3,
        )
    ],
    organizations=[Organization("Đoàn", None, None, _evidence("Đoàn"))],
    amounts=[
        Amount(
            2e9,
            "VND",
            "aid",
            "about",
            "khoảng 2 tỷ đồng",
            _evidence("tiếp"),
            value_max=3e9,
            donor="Hội",
            purpose="xây",
            unit_value=5e6,
            unit_count=400,
            is_cumulative=True,
        )
    ],
    events=[
        Event(
            "reception",
            date(2024, 1, 5),
            "tiếp Đoàn",
            _evidence("tiếp"),
            "Hà Nội",
            [
                Participant("Nguyễn Văn An", "person", "VN", AT + 4, AT + 17),
                Participant("Đoàn", "delegation", None, AT + 23, AT + 27),
            ],
            end_date=date(2024, 1, 6),
        )
    ],
    countries=[CountryMention("LA", "Lào", _evidence("Đoàn"))],
)


def test_rows_carry_every_column_a_record_fills_with_the_values_landed_before_the_registry() -> None:
    rows = record_rows(SAMPLE)
    assert rows == {
        "directives": [
            {
                "ordinal": 0,
                **_evidence_row("Chỉ thị số 12-CT/TW"),
                "type": "chi_thi",
                "number": "12",
                "code": "CT/TW",
                "issued_on": date(2024, 1, 5),
                "issuer": None,
                "title": None,
                "mentions": 1,  # merged from no other mention: the one it is
            },
            {
                "ordinal": 1,
                **_evidence_row("Chỉ thị"),
                "type": "nghi_quyet",
                "number": "3",
                "code": None,
                "issued_on": None,
                "issuer": "Ban Bí thư",
                "title": "Về đối ngoại",
                "mentions": 2,
            },
        ],
        "directive_relations": [
            {
                "ordinal": 0,
                **_evidence_row("theo"),
                "source_type": "ke_hoach",
                "source_number": "7",
                "target_type": "chi_thi",
                "target_number": "12",
                "relation": "implements",
                "cue": "theo",
            }
        ],
        "people": [
            {
                "ordinal": 0,
                **_evidence_row("Nguyễn Văn An"),
                "name": "Nguyễn Văn An",
                "honorific": "Ông",
                "country": "VN",
                "roles": [
                    {"title": "Chủ tịch Hội", "position": "Chủ tịch", "organization": "Hội"},
                    {"title": "Đại sứ", "position": None, "organization": None},
                ],
                "mentions": 3,
            }
        ],
        "organizations": [
            {"ordinal": 0, **_evidence_row("Đoàn"), "name": "Đoàn", "acronym": None, "country": None}
        ],
        "amounts": [
            {
                "ordinal": 0,
                **_evidence_row("tiếp"),
                "value": 2e9,
                "value_max": 3e9,
                "currency": "VND",
                "kind": "aid",
                "qualifier": "about",
                "amount_text": "khoảng 2 tỷ đồng",
                "donor": "Hội",
                "recipient": None,
                "purpose": "xây",
                "role": "donation",
                "converts_ordinal": None,
                "amount_vnd_stated": None,
                "is_per_unit": False,
                "unit_of_ordinal": None,
                "unit_value": 5e6,
                "unit_count": 400,
                "part_of_ordinal": None,
                "is_cumulative": True,
            }
        ],
        "events": [
            {
                "ordinal": 0,
                **_evidence_row("tiếp"),
                "type": "reception",
                "event_date": date(2024, 1, 5),
                "title": "tiếp Đoàn",
                "location": "Hà Nội",
                "end_date": date(2024, 1, 6),
                "dated_by_publication": False,
                "participants": [
                    {
                        "name": "Nguyễn Văn An",
                        "kind": "person",
                        "country": "VN",
                        "span_start": AT + 4,
                        "span_end": AT + 17,
                    },
                    {
                        "name": "Đoàn",
                        "kind": "delegation",
                        "country": None,
                        "span_start": AT + 23,
                        "span_end": AT + 27,
                    },
                ],
            }
        ],
        "countries": [{"ordinal": 0, **_evidence_row("Đoàn"), "code": "LA", "name": "Lào"}],
    }
    for kind in RECORD_KINDS:  # every row has exactly the kind's columns: nothing the table lacks
        assert all(list(row) == kind.column_names for row in rows[kind.table_name]), kind.table_name


def test_previews_show_each_record_as_the_analyst_knows_it() -> None:
    previews = {
        kind.table_name: [kind.preview(row) for row in kind.rows(SAMPLE)]
        for kind in RECORD_KINDS
        if kind.preview is not None
    }
    assert previews == {
        "directives": ["Chỉ thị số 12-CT/TW", "Chỉ thị"],  # as written, cut from the evidence sentence
        "people": ["Nguyễn Văn An"],
        "organizations": ["Đoàn"],
        "amounts": ["khoảng 2 tỷ đồng"],
        "events": ["2024-01-05 tiếp Đoàn"],
        "countries": ["Lào"],
    }
    assert KINDS["directive_relations"].preview is None  # relations are not previewed


def test_batch_facts_preview_landed_records_through_the_registry(tmp_path: Path) -> None:
    from warehouse.health import batch_facts

    db = tmp_path / "w.duckdb"
    key = {
        "document_url": "https://x/a",
        "content_hash": "h",
        "parser_version": "1",
        "extractor_version": "9",
    }
    with warehouse.db.connect(db) as connection:
        migrate(connection)
        connection.execute(
            "INSERT INTO extracted.documents VALUES ('https://x/a', 'h', '1', '9', 's', NULL, 1, 'ok', NULL, "
            "2, 1, 1, 1, 1, 1, 1, 'b1', now())"
        )
        for table, rows in record_rows(SAMPLE).items():
            for row in rows:
                values = {**key, **row}
                names = list(values)
                connection.execute(
                    f"INSERT INTO extracted.{table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
                    list(values.values()),
                )
    facts = sorted(batch_facts(db, "b1", per_kind=1))
    assert facts == [
        ("amounts", "khoảng 2 tỷ đồng", "https://x/a"),
        ("countries", "Lào", "https://x/a"),
        ("directives", "Chỉ thị số 12-CT/TW", "https://x/a"),
        ("events", "2024-01-05 tiếp Đoàn", "https://x/a"),
        ("organizations", "Đoàn", "https://x/a"),
        ("people", "Nguyễn Văn An", "https://x/a"),
    ]
    assert batch_facts(db, "another batch") == []


def test_the_extraction_asset_specs_are_the_registry_tables() -> None:
    from orchestration.assets.extraction import extracted_records

    specs = {spec.key.path[-1]: spec for spec in extracted_records.specs}
    assert list(specs) == ["documents", *RECORD_TABLES]
    for name, spec in specs.items():
        table = EXTRACTED_TABLES[name]
        assert spec.description == table.description
        schema = spec.metadata["dagster/column_schema"]
        assert [(c.name, c.type, c.description) for c in schema.columns] == [
            (c.name, c.type, c.description) for c in table.columns
        ]


# --- what must stay static files, held to it -------------------------------------------------------


def _declared(connection: duckdb.DuckDBPyConnection, schema: str, table: str) -> list[tuple]:
    return connection.execute(
        "SELECT column_name, data_type, is_nullable, comment FROM duckdb_columns() "
        "WHERE schema_name = ? AND table_name = ? ORDER BY column_index",
        [schema, table],
    ).fetchall()


def _expected(connection: duckdb.DuckDBPyConnection, table: Table) -> list[tuple]:
    """The table as the registry describes it: created in a scratch schema so that DuckDB spells the
    types as it spells the migrated ones, with the registry's descriptions as comments."""
    connection.execute("CREATE SCHEMA IF NOT EXISTS registry")
    columns = ", ".join(f"{c.name} {c.type}{'' if c.nullable else ' NOT NULL'}" for c in table.columns)
    connection.execute(f"CREATE OR REPLACE TABLE registry.{table.name} ({columns})")
    spelled = _declared(connection, "registry", table.name)
    return [(*row[:3], column.description) for row, column in zip(spelled, table.columns, strict=True)]


def test_the_migrations_create_exactly_the_registry_tables_columns_and_descriptions() -> None:
    with duckdb.connect() as connection:
        migrate(connection)
        comments = dict(
            connection.execute(
                "SELECT table_name, comment FROM duckdb_tables() WHERE schema_name = 'extracted'"
            ).fetchall()
        )
        assert comments == {table.name: table.description for table in EXTRACTED_TABLES.values()}
        for table in EXTRACTED_TABLES.values():
            assert _declared(connection, "extracted", table.name) == _expected(connection, table), table.name


def test_a_warehouse_made_before_the_column_comments_keeps_its_rows(tmp_path: Path, monkeypatch) -> None:
    earlier = tmp_path / "migrations"
    earlier.mkdir()
    for path in sorted(MIGRATIONS.glob("[0-9][0-9][0-9]_*.sql")):
        if path.stem < "006":
            shutil.copy(path, earlier / path.name)
    db = tmp_path / "w.duckdb"
    with warehouse.db.connect(db) as connection:
        monkeypatch.setattr(warehouse.db, "MIGRATIONS", earlier)
        migrate(connection)
        connection.execute(
            "INSERT INTO extracted.countries VALUES ('u', 'h', '1', '3', 0, 'Lào.', 0, 3, 0, 4, 'LA', 'Lào')"
        )
        monkeypatch.setattr(warehouse.db, "MIGRATIONS", MIGRATIONS)
        applied = migrate(connection)
        assert applied and all(name >= "006" for name in applied)
        assert connection.execute("SELECT code, name FROM extracted.countries").fetchall() == [("LA", "Lào")]
        assert (
            _declared(connection, "extracted", "countries")[-1][3]
            == "The country's name as written (Vương quốc Campuchia)."
        )


def _extracted_source() -> dict:
    """The `extracted` source of the dbt project, in whichever YAML file under models/ declares it."""
    found = [
        source
        for path in sorted((ROOT / "dbt_project" / "models").rglob("*.yml"))
        for source in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("sources", [])
        if source["name"] == "extracted"
    ]
    assert len(found) == 1, "the dbt project declares the extracted source once"
    return found[0]


def test_the_dbt_source_documents_exactly_the_registry_tables_and_columns() -> None:
    source = _extracted_source()
    assert source["schema"] == "extracted"
    declared = {
        table["name"]: (
            table.get("description", "").strip(),
            [(column["name"], column.get("description", "").strip()) for column in table.get("columns", [])],
        )
        for table in source["tables"]
    }
    expected = {
        table.name: (table.description, [(column.name, column.description) for column in table.columns])
        for table in EXTRACTED_TABLES.values()
    }
    assert list(declared) == list(expected)
    for name in expected:
        assert declared[name] == expected[name], name


def test_a_column_without_reader_reads_the_field_of_its_name() -> None:
    column = Column("name", "VARCHAR", "d")
    assert column.value(CountryMention("LA", "Lào", _evidence("Đoàn"))) == "Lào"
    assert Column("n", "VARCHAR", "d", read=lambda c: c.code.lower()).value(SAMPLE.countries[0]) == "la"


@pytest.mark.parametrize("kind", RECORD_KINDS, ids=lambda kind: kind.table_name)
def test_every_kind_reads_its_records_from_its_extraction_field(kind) -> None:
    assert kind.records(SAMPLE) is getattr(SAMPLE, kind.extraction_field)
    assert all(isinstance(record, kind.record_type) for record in kind.records(SAMPLE))
