"""Running the extractor over stored documents and landing its records in DuckDB.

A document version (url, content hash, parser version) is extracted once per
EXTRACTOR_VERSION: a new page version or a new parser version is picked up on
the next run, and raising EXTRACTOR_VERSION re-extracts everything without
re-crawling or re-parsing. A document the extractor chokes on is recorded
with status 'failed' and its error, and tried again on the next run; the rest
of the batch goes on. Records are written in chunks, each in one transaction,
so an interrupted run keeps what it finished.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from extraction import EXTRACTOR_VERSION, Extraction, extract
from extraction.records import Evidence
from warehouse.db import connect, migrate

RECORD_TABLES = (
    "directives",
    "directive_relations",
    "people",
    "organizations",
    "amounts",
    "events",
    "countries",
)
CHUNK = 200  # document versions per transaction


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
    rows: dict[str, list[dict[str, Any]]] = {
        "directives": [
            {
                "type": d.type,
                "number": d.number,
                "code": d.code,
                "issued_on": d.issued_on,
                "issuer": d.issuer,
                "title": d.title,
                "mentions": len(d.mentions) or 1,
                **_evidence(d.evidence),
            }
            for d in result.directives
        ],
        "directive_relations": [
            {
                "source_type": r.source[0],
                "source_number": r.source[1],
                "target_type": r.target[0],
                "target_number": r.target[1],
                "relation": r.relation,
                "cue": r.cue,
                **_evidence(r.evidence),
            }
            for r in result.relations
        ],
        "people": [
            {
                "name": p.name,
                "honorific": p.honorific,
                "country": p.country,
                "roles": [asdict(role) for role in p.roles],
                "mentions": len(p.mentions) or 1,
                **_evidence(p.evidence),
            }
            for p in result.people
        ],
        "organizations": [
            {"name": o.name, "acronym": o.acronym, "country": o.country, **_evidence(o.evidence)}
            for o in result.organizations
        ],
        "amounts": [
            {
                "value": a.value,
                "value_max": a.value_max,
                "currency": a.currency,
                "kind": a.kind,
                "qualifier": a.qualifier,
                "amount_text": a.text,
                "donor": a.donor,
                "recipient": a.recipient,
                "purpose": a.purpose,
                **_evidence(a.evidence),
            }
            for a in result.amounts
        ],
        "events": [
            {
                "type": e.type,
                "event_date": e.date,
                "title": e.title,
                "location": e.location,
                "participants": list(e.participants),
                **_evidence(e.evidence),
            }
            for e in result.events
        ],
        "countries": [{"code": c.code, "name": c.name, **_evidence(c.evidence)} for c in result.countries],
    }
    for table_rows in rows.values():
        for ordinal, row in enumerate(table_rows):
            row["ordinal"] = ordinal
    return rows


def _evidence(evidence: Evidence) -> dict[str, Any]:
    return {
        "evidence_sentence": evidence.sentence,
        "span_start": evidence.start,
        "span_end": evidence.end,
        "sentence_start": evidence.sentence_start,
        "sentence_end": evidence.sentence_end,
    }


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
                columns = [
                    row[0]
                    for row in connection.execute(
                        "SELECT column_name FROM information_schema.columns WHERE table_schema = 'extracted' "
                        "AND table_name = ? ORDER BY ordinal_position",
                        [table],
                    ).fetchall()
                ]
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
