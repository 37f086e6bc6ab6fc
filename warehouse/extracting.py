"""Running the extractor over stored documents and landing its records in DuckDB.

A document version (url, content hash, parser version) is extracted once per
EXTRACTOR_VERSION: a new page version or a new parser version is picked up on
the next run, and raising EXTRACTOR_VERSION re-extracts everything without
re-crawling or re-parsing. A document the extractor chokes on is recorded
with status 'failed' and its error, and tried again on the next run; the rest
of the batch goes on. Records are written in chunks, each in one transaction,
so an interrupted run keeps what it finished; the pending versions are listed
by key only and their texts read chunk by chunk, so memory holds one chunk
whatever the archive's size (a new EXTRACTOR_VERSION over 100,000 documents).

One document's work is bounded (issue 14): a text over DOINGOAI_EXTRACT_MAX_CHARS
is not read at all, and an extraction past DOINGOAI_EXTRACT_TIMEOUT seconds is
stopped; each is recorded as `too_large` or `too_slow`, not retried for this
extractor version, and the run goes on.

Which tables and columns there are comes from the registry of record kinds
(`extraction.kinds`): one table per kind, plus `documents` and `batches`, the
lander's own bookkeeping, described here in the same terms.
"""

from __future__ import annotations

import signal
import threading
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from extraction import EXTRACTOR_VERSION, Extraction, extract
from extraction.kinds import RECORD_KINDS, Column, Table
from settings import get_settings
from warehouse.db import connect, migrate
from warehouse.workers import Runner, worker_pool

RECORD_TABLES = tuple(kind.table_name for kind in RECORD_KINDS)
# outcomes in extracted.documents: `failed` is retried on the next run; the limits' are not (for the
# same extractor version), since the same text would meet the same limit
OUTCOMES = ("ok", "failed", "too_large", "too_slow")

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
        Column(
            "status",
            "VARCHAR",
            "ok, failed (retried on the next run), too_large or too_slow (past DOINGOAI_EXTRACT_MAX_CHARS "
            "or DOINGOAI_EXTRACT_TIMEOUT: skipped).",
        ),
        Column("error", "VARCHAR", "Why extraction failed or was skipped.", nullable=True),
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
    published_on: date | None
    text_chars: int
    body_text: str = ""  # read with its chunk


class TooLarge(Exception):
    """A text longer than the extraction's size limit."""


class TooSlow(Exception):
    """An extraction that ran past its time limit."""


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise TooSlow in the block once `seconds` have passed (SIGALRM: the extractor is pure Python,
    so it is interrupted between two steps). Signals reach only the main thread: elsewhere (a
    worker thread) the block runs unbounded in time, its size still bounded by the caller."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise TooSlow(f"extraction took over {seconds:g} s (DOINGOAI_EXTRACT_TIMEOUT)")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def bounded_extract(
    text: str,
    published_on: date | None,
    max_chars: int,
    timeout: float,
    extractor: Callable[[str, date | None], Extraction] = extract,
) -> Extraction:
    """`extractor(text, published_on)`, refused past `max_chars` (TooLarge) and stopped past
    `timeout` seconds (TooSlow)."""
    if len(text) > max_chars:
        raise TooLarge(
            f"{len(text):,} characters, over the limit of {max_chars:,} (DOINGOAI_EXTRACT_MAX_CHARS)"
        )
    with time_limit(timeout):
        return extractor(text, published_on)


def extract_pending(
    db_path: str | Path | None = None,
    version: str = EXTRACTOR_VERSION,
    extractor: Callable[[str, date | None], Extraction] = extract,
) -> ExtractionSummary:
    """Extract every document version that has no successful extraction for `version`, chunk by
    chunk (DOINGOAI_BATCH_SIZE), each chunk's texts read and its records committed on their own."""
    settings = get_settings()
    chunk_size, limits = settings.batch_size, (settings.extract_max_chars, settings.extract_timeout)
    summary = ExtractionSummary(batch_id=uuid.uuid4().hex[:12])
    started = datetime.now(UTC)
    with connect(db_path) as connection:
        migrate(connection)
        pending = _pending(connection, version)
    # worker processes run the packaged extractor only (a function passed in may not cross a process)
    workers = settings.workers if len(pending) > chunk_size and extractor is extract else 1
    with worker_pool(workers) as run:
        for start in range(0, len(pending), chunk_size):
            with connect(db_path) as connection:
                chunk = _with_texts(connection, pending[start : start + chunk_size], limits[0])
            rows = _extract_chunk(chunk, version, summary, run, extractor, limits)
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
        WITH current_parse AS (  -- keys and lengths only: the texts are read chunk by chunk
            SELECT url, content_hash, parser_version, site, published_at, parent_url, parsed_at,
                   length(body_text) AS text_chars
            FROM raw.documents
            QUALIFY row_number() OVER (PARTITION BY url, content_hash ORDER BY parsed_at DESC, parser_version DESC) = 1
        ),
        article_dates AS (
            SELECT url, max(published_at) AS published_at FROM raw.documents WHERE kind = 'article' GROUP BY url
        )
        SELECT d.url, d.content_hash, d.parser_version, d.site,
               CAST(timezone('Asia/Ho_Chi_Minh', coalesce(d.published_at, parent.published_at)) AS DATE),
               d.text_chars
        FROM current_parse d
        LEFT JOIN article_dates parent ON parent.url = d.parent_url
        WHERE NOT EXISTS (
            SELECT 1 FROM extracted.documents e
            WHERE e.document_url = d.url AND e.content_hash = d.content_hash
              AND e.parser_version = d.parser_version AND e.extractor_version = ?
              AND e.status IN ('ok', 'too_large', 'too_slow')
        )
        ORDER BY d.site, d.url, d.parsed_at
        """,
        [version],
    ).fetchall()
    return [_Pending(*row) for row in rows]


def _with_texts(
    connection: duckdb.DuckDBPyConnection, chunk: list[_Pending], max_chars: int
) -> list[_Pending]:
    """The chunk with its texts read; a text over `max_chars` is left unread (it will not be extracted)."""
    wanted = [item for item in chunk if item.text_chars <= max_chars]
    keys = pa.table(
        {
            "url": [item.url for item in wanted],
            "content_hash": [item.content_hash for item in wanted],
            "parser_version": [item.parser_version for item in wanted],
        },
        schema=pa.schema(
            [("url", pa.string()), ("content_hash", pa.string()), ("parser_version", pa.string())]
        ),
    )
    connection.register("text_keys", keys)
    texts = {
        (url, digest, parser): text
        for url, digest, parser, text in connection.execute(
            "SELECT d.url, d.content_hash, d.parser_version, d.body_text FROM raw.documents d "
            "JOIN text_keys k USING (url, content_hash, parser_version)"
        ).fetchall()
    }
    connection.unregister("text_keys")
    return [
        replace(item, body_text=texts.get((item.url, item.content_hash, item.parser_version), ""))
        for item in chunk
    ]


@dataclass(frozen=True)
class Refused:
    """A document not extracted: its status (failed, too_large, too_slow) and why."""

    status: str
    error: str


def extract_document(
    text: str,
    published_on: date | None,
    max_chars: int,
    timeout: float,
    extractor: Callable[[str, date | None], Extraction] = extract,
) -> tuple[int, dict[str, list[dict[str, Any]]]] | Refused:
    """(length of the normalised text, record rows per table) of one document, or why there are
    none: one bad text must not stop the batch. A plain function, so a worker process can run it."""
    try:
        result = bounded_extract(text, published_on, max_chars, timeout, extractor)
        return len(result.text), record_rows(result)
    except Exception as error:
        return Refused(_status(error), f"{type(error).__name__}: {error}")


def _extract_chunk(
    chunk: list[_Pending],
    version: str,
    summary: ExtractionSummary,
    run: Runner[Any],
    extractor: Callable[[str, date | None], Extraction],
    limits: tuple[int, float],
) -> dict[str, list[dict[str, Any]]]:
    rows: dict[str, list[dict[str, Any]]] = {table: [] for table in (*RECORD_TABLES, "documents")}
    now = datetime.now(UTC)
    readable = [item for item in chunk if item.text_chars <= limits[0]]
    jobs = [(item.body_text, item.published_on, *limits, extractor) for item in readable]
    outcomes = dict(zip((id(item) for item in readable), run(extract_document, jobs), strict=True))
    for item in chunk:
        key = {
            "document_url": item.url,
            "content_hash": item.content_hash,
            "parser_version": item.parser_version,
            "extractor_version": version,
        }
        site = summary.per_site.setdefault(item.site, {"documents": 0, "failed": 0, "records": 0})
        outcome = outcomes.get(
            id(item),  # a text over the size limit was not even read
            Refused(
                "too_large",
                f"TooLarge: {item.text_chars:,} characters, over the limit of {limits[0]:,} "
                "(DOINGOAI_EXTRACT_MAX_CHARS)",
            ),
        )
        if isinstance(outcome, Refused):
            rows["documents"].append(
                _document_row(key, item, now, summary.batch_id, item.text_chars, {}, outcome)
            )
            summary.failed += 1
            site["failed"] += 1
            continue
        text_chars, records = outcome
        counts = {table: len(records[table]) for table in RECORD_TABLES}
        for table in RECORD_TABLES:
            rows[table].extend({**key, **row} for row in records[table])
            summary.records[table] += counts[table]
        rows["documents"].append(_document_row(key, item, now, summary.batch_id, text_chars, counts))
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
    refused: Refused | None = None,
) -> dict[str, Any]:
    return {
        **key,
        "site": item.site,
        "published_on": item.published_on,
        "text_chars": text_chars,
        "status": refused.status if refused else "ok",
        "error": refused.error if refused else None,
        **{table: counts.get(table, 0) for table in RECORD_TABLES},
        "batch_id": batch_id,
        "extracted_at": now,
    }


def _status(error: Exception) -> str:
    return {TooLarge: "too_large", TooSlow: "too_slow"}.get(type(error), "failed")


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
