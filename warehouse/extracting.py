"""Running the extractor over stored documents and landing its records in DuckDB.

A document version (url, content hash, parser version) is extracted once per
EXTRACTOR_VERSION: a new page version or a new parser version is picked up on
the next run, and raising EXTRACTOR_VERSION re-extracts everything without
re-crawling or re-parsing. A document the extractor chokes on is recorded
with status 'failed' and its error, and tried again on the next run; the rest
of the batch goes on. Records are written in chunks, each in one transaction,
so an interrupted run keeps what it finished.

Which tables and columns there are comes from the registry of record kinds
(`extraction.kinds`): one table per kind, plus `documents` and `batches`, the
lander's own bookkeeping, described here in the same terms.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from extraction import EXTRACTOR_VERSION, Extraction, extract
from extraction.kinds import RECORD_KINDS, Column, Table
from warehouse.db import connect, migrate

RECORD_TABLES = tuple(kind.table_name for kind in RECORD_KINDS)
CHUNK = 200  # document versions per transaction

# A document version, and the extractor version that read it: the first columns of every table
# but `batches`.
DOCUMENT_VERSION_COLUMNS = (
    Column("document_url", "VARCHAR", "URL of the document (raw.documents.url)."),
    Column("content_hash", "VARCHAR", "The page version it was parsed from (raw.pages.content_hash)."),
    Column("parser_version", "VARCHAR", "Version of the parser that gave the text."),
    Column(
        "extractor_version",
        "VARCHAR",
        "Version of the extractor that read it (extraction.EXTRACTOR_VERSION).",
    ),
)
DOCUMENTS = Table(
    "documents",
    "One row per document version and extractor version: outcome and record counts.",
    (
        *DOCUMENT_VERSION_COLUMNS,
        Column("site", "VARCHAR", "Portal id."),
        Column("published_on", "DATE", "The date relative day names were read against.", nullable=True),
        Column("text_chars", "INTEGER", "Length of the normalised text the offsets refer to."),
        Column("status", "VARCHAR", "ok or failed."),
        Column("error", "VARCHAR", "Why extraction failed; retried on the next run.", nullable=True),
        *(Column(table, "INTEGER", f"Records landed in extracted.{table}.") for table in RECORD_TABLES),
        Column("batch_id", "VARCHAR", "The extraction run (extracted.batches)."),
        Column("extracted_at", "TIMESTAMPTZ", "When it was extracted."),
    ),
)
BATCHES = Table(
    "batches",
    "One row per extraction run: how many document versions and records.",
    (
        Column("batch_id", "VARCHAR", "Id of the extraction run."),
        Column("extractor_version", "VARCHAR", "Version of the extractor (extraction.EXTRACTOR_VERSION)."),
        Column("started_at", "TIMESTAMPTZ", "When the run started."),
        Column("finished_at", "TIMESTAMPTZ", "When the run ended."),
        Column("documents", "INTEGER", "Document versions extracted in this run."),
        Column("failed", "INTEGER", "Document versions that could not be extracted."),
        Column("records", "INTEGER", "Records of every kind."),
    ),
)
RECORD_TABLE_SPECS = tuple(kind.table(DOCUMENT_VERSION_COLUMNS) for kind in RECORD_KINDS)
# Every table of the `extracted` schema, as the migrations must create it.
EXTRACTED_TABLES: dict[str, Table] = {
    table.name: table for table in (DOCUMENTS, BATCHES, *RECORD_TABLE_SPECS)
}


@dataclass
class ExtractionSummary:
    batch_id: str
    documents: int = 0
    failed: int = 0
    records: dict[str, int] = field(default_factory=lambda: dict.fromkeys(RECORD_TABLES, 0))
    per_site: dict[str, dict[str, int]] = field(default_factory=dict)  # site -> {documents, failed, records}

    @property
    def total_records(self) -> int:
        return sum(self.records.values())


@dataclass(frozen=True)
class _Pending:
    url: str
    content_hash: str
    parser_version: str
    site: str
    body_text: str
    published_on: date | None


def extract_pending(
    db_path: str | Path | None = None,
    version: str = EXTRACTOR_VERSION,
    extractor: Callable[[str, date | None], Extraction] = extract,
) -> ExtractionSummary:
    """Extract every document version that has no successful extraction for `version`."""
    summary = ExtractionSummary(batch_id=uuid.uuid4().hex[:12])
    started = datetime.now(UTC)
    with connect(db_path) as connection:
        migrate(connection)
        pending = _pending(connection, version)
    for start in range(0, len(pending), CHUNK):
        chunk = pending[start : start + CHUNK]
        rows = _extract_chunk(chunk, version, summary, extractor)
        with connect(db_path) as connection:
            _write(connection, chunk, rows, version)
    with connect(db_path) as connection:
        connection.execute(
            "INSERT INTO extracted.batches VALUES (?, ?, ?, now(), ?, ?, ?)",
            [summary.batch_id, version, started, summary.documents, summary.failed, summary.total_records],
        )
    return summary


def _pending(connection: duckdb.DuckDBPyConnection, version: str) -> list[_Pending]:
    """Document versions (newest parser version of each page version) not yet extracted by `version`.

    Attachments carry no date of their own in the text's frame; they borrow the
    linking article's so that "ngày 5/1" in a letter still finds its year.
    """
    rows = connection.execute(
        """
        WITH current_parse AS (
            SELECT * FROM raw.documents
            QUALIFY row_number() OVER (PARTITION BY url, content_hash ORDER BY parsed_at DESC, parser_version DESC) = 1
        ),
        article_dates AS (
            SELECT url, max(published_at) AS published_at FROM raw.documents WHERE kind = 'article' GROUP BY url
        )
        SELECT d.url, d.content_hash, d.parser_version, d.site, d.body_text,
               CAST(timezone('Asia/Ho_Chi_Minh', coalesce(d.published_at, parent.published_at)) AS DATE)
        FROM current_parse d
        LEFT JOIN article_dates parent ON parent.url = d.parent_url
        WHERE NOT EXISTS (
            SELECT 1 FROM extracted.documents e
            WHERE e.document_url = d.url AND e.content_hash = d.content_hash
              AND e.parser_version = d.parser_version AND e.extractor_version = ? AND e.status = 'ok'
        )
        ORDER BY d.site, d.url, d.parsed_at
        """,
        [version],
    ).fetchall()
    return [_Pending(*row) for row in rows]


def _extract_chunk(
    chunk: list[_Pending],
    version: str,
    summary: ExtractionSummary,
    extractor: Callable[[str, date | None], Extraction],
) -> dict[str, list[dict[str, Any]]]:
    rows: dict[str, list[dict[str, Any]]] = {table: [] for table in (*RECORD_TABLES, "documents")}
    now = datetime.now(UTC)
    for item in chunk:
        key = {
            "document_url": item.url,
            "content_hash": item.content_hash,
            "parser_version": item.parser_version,
            "extractor_version": version,
        }
        site = summary.per_site.setdefault(item.site, {"documents": 0, "failed": 0, "records": 0})
        try:
            result = extractor(item.body_text, item.published_on)
            records = record_rows(result)
        except Exception as error:  # one bad text must not stop the batch; it is retried next run
            rows["documents"].append(
                _document_row(key, item, now, summary.batch_id, text_chars=0, counts={}, error=error)
            )
            summary.failed += 1
            site["failed"] += 1
            continue
        counts = {table: len(records[table]) for table in RECORD_TABLES}
        for table in RECORD_TABLES:
            rows[table].extend({**key, **row} for row in records[table])
            summary.records[table] += counts[table]
        rows["documents"].append(
            _document_row(key, item, now, summary.batch_id, text_chars=len(result.text), counts=counts)
        )
        summary.documents += 1
        site["documents"] += 1
        site["records"] += sum(counts.values())
    return rows


def _document_row(
    key: dict[str, str],
    item: _Pending,
    now: datetime,
    batch_id: str,
    text_chars: int,
    counts: dict[str, int],
    error: Exception | None = None,
) -> dict[str, Any]:
    return {
        **key,
        "site": item.site,
        "published_on": item.published_on,
        "text_chars": text_chars,
        "status": "failed" if error else "ok",
        "error": f"{type(error).__name__}: {error}" if error else None,
        **{table: counts.get(table, 0) for table in RECORD_TABLES},
        "batch_id": batch_id,
        "extracted_at": now,
    }


def record_rows(result: Extraction) -> dict[str, list[dict[str, Any]]]:
    """One list of table rows per record kind, numbered in the order the extractor gave them."""
    return {kind.table_name: kind.rows(result) for kind in RECORD_KINDS}


def _write(
    connection: duckdb.DuckDBPyConnection,
    chunk: Iterable[_Pending],
    rows: dict[str, list[dict[str, Any]]],
    version: str,
) -> None:
    """Replace whatever an earlier (failed or interrupted) attempt left for these versions, in one transaction."""
    keys = pa.Table.from_pylist(
        [
            {"url": item.url, "content_hash": item.content_hash, "parser_version": item.parser_version}
            for item in chunk
        ]
    )
    connection.execute("BEGIN TRANSACTION")
    try:
        connection.register("chunk_keys", keys)
        for table in (*RECORD_TABLES, "documents"):
            connection.execute(
                f"DELETE FROM extracted.{table} t USING chunk_keys k WHERE t.document_url = k.url "
                "AND t.content_hash = k.content_hash AND t.parser_version = k.parser_version "
                "AND t.extractor_version = ?",
                [version],
            )
            if rows[table]:
                columns = EXTRACTED_TABLES[table].column_names
                connection.register("record_batch", pa.Table.from_pylist(rows[table]))
                connection.execute(
                    f"INSERT INTO extracted.{table} ({', '.join(columns)}) "
                    f"SELECT {', '.join(columns)} FROM record_batch"
                )
                connection.unregister("record_batch")
        connection.unregister("chunk_keys")
        connection.execute("COMMIT")
    except Exception:
        connection.execute("ROLLBACK")
        raise
