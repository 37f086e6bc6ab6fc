"""Stored page versions into raw.documents, in batches, behind a quality gate.

`parse_pending` finds the page versions (article or attachment) that have neither a document nor a
verdict for the current PARSER_VERSION. It reads their keys only, then works through them in
batches of DOINGOAI_BATCH_SIZE: the batch's bodies are read, parsed, judged and written in one
transaction, so memory holds one batch whatever the archive's size (a first load, a parser version
raised over 100,000 pages), and an interrupted run keeps every batch it committed.

The gate (issue 14): a new version replaces the URL's current one only when it is worth it. One that
parses to no title or no body, or to under DOINGOAI_GATE_MIN_SHARE of the current version's text,
or whose legacy encoding is unsure (`scrapers.legacy_encodings`), is held back in
raw.held_versions with its reason: its raw bytes stay in raw.pages, the current version stays
current (dbt's int_documents__current takes the newest version with a document), and the extraction
never reads it. A version whose title and body are those of the current version (the text hash:
only ads or counters around it changed) is held as `same_text`: it is no new version.

Each document also records what parser health needs (the selectors that found nothing), so the
health check sums columns instead of reading pages again.

Parsing a page is CPU work (the HTML tree): when more than one batch is pending (a first load, a
parser version raised), DOINGOAI_WORKERS processes parse each batch's pages side by side
(`warehouse.workers`); the results come back in the batch's order, and the gate and the writes stay
in this process, so the outcome is the same as with one.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from scrapers.config import SiteConfig, load_sites
from scrapers.legacy_encodings import Detection
from scrapers.parse import PARSER_VERSION, decode_page, parse_article, parse_attachment
from scrapers.types import ParsedDocument
from settings import get_settings
from warehouse.db import connect, migrate
from warehouse.workers import worker_pool


@dataclass
class ParseSummary:
    parsed: int = 0  # new documents
    failed: int = 0  # the parser raised; retried on the next run
    held: int = 0  # parsed but not made current (raw.held_versions), `same_text` included


@dataclass(frozen=True)
class CurrentVersion:
    """What the gate compares a new version with: the URL's current document."""

    content_hash: str
    text_hash: str
    body_chars: int


def text_hash(title: str | None, body_text: str) -> str:
    """sha256 of the parsed title and body: the identity of a version's content (as SQL computes it
    for rows parsed before it was stored: sha256(coalesce(title, '') || chr(10) || body_text))."""
    return hashlib.sha256(f"{title or ''}\n{body_text}".encode()).hexdigest()


def judge_version(
    parsed: ParsedDocument, digest: str, current: CurrentVersion | None, min_share: float, legacy: Detection
) -> tuple[str, str] | None:
    """(reason, detail) when the version must not become current, else None."""
    if not (parsed.title or "").strip():
        return "no_title", f"the {parsed.parser} parser found no title"
    if not parsed.body_text.strip():
        return "no_body", f"the {parsed.parser} parser found no body text"
    if legacy.encoding is not None and not legacy.sure:
        return "legacy_encoding_unsure", f"looks like {legacy.encoding} but not surely ({legacy.evidence})"
    if current is None:
        return None
    if digest == current.text_hash:
        return "same_text", f"same title and body as the current version {current.content_hash[:12]}"
    chars = len(parsed.body_text)
    if current.body_chars and chars < min_share * current.body_chars:
        return "shrunk", (
            f"{chars} characters against {current.body_chars} in the current version "
            f"{current.content_hash[:12]} (under {min_share:.0%})"
        )
    return None


def parse_pending(
    db_path: str | Path | None = None,
    sites: list[str] | None = None,
    batch_size: int | None = None,
    min_share: float | None = None,
) -> dict[str, ParseSummary]:
    """Parse every stored article or attachment version without a document or a verdict for this
    parser version, batch by batch (DOINGOAI_BATCH_SIZE), each batch committed on its own."""
    settings = get_settings()
    batch_size = batch_size or settings.batch_size
    min_share = settings.gate_min_share if min_share is None else min_share
    configs = load_sites()
    summaries: dict[str, ParseSummary] = {}
    # a site whose file is missing or broken (skipped by load_sites) keeps its pages pending
    pending = _pending_keys(db_path, [site for site in sites or configs if site in configs])
    batches = [pending[start : start + batch_size] for start in range(0, len(pending), batch_size)]
    with worker_pool(settings.workers if len(batches) > 1 else 1) as run:
        for keys in batches:
            with connect(db_path) as connection:
                pages = _read_pages(connection, keys)
                current = _current_versions(connection)
                connection.unregister("batch_keys")
            jobs = [
                (configs[site], url, kind, body, content_type)
                for url, site, kind, _, body, content_type, _ in pages
            ]
            outcomes = run(parse_page, jobs)
            rows = _judge_batch(pages, outcomes, current, min_share, summaries)
            with connect(db_path) as connection:
                _write_batch(connection, rows)
    return summaries


def _pending_keys(db_path: str | Path | None, sites: list[str]) -> list[tuple[str, str]]:
    """The pending (url, content_hash) keys of `sites`: keys only, so 100,000 of them are a few MB.
    Ordered by site, URL and first sight, so a URL's versions are judged oldest first."""
    with connect(db_path) as connection:
        migrate(connection)
        if not sites:
            return []
        keys = connection.execute(
            """
            SELECT p.url, p.content_hash FROM raw.pages p
            WHERE p.kind IN ('article', 'attachment') AND p.site IN (SELECT unnest($sites))
              AND NOT EXISTS (SELECT 1 FROM raw.documents d WHERE d.url = p.url
                              AND d.content_hash = p.content_hash AND d.parser_version = $version)
              AND NOT EXISTS (SELECT 1 FROM raw.held_versions h WHERE h.url = p.url
                              AND h.content_hash = p.content_hash AND h.parser_version = $version)
            ORDER BY p.site, p.url, p.first_seen_at
            """,
            {"version": PARSER_VERSION, "sites": sites},
        ).fetchall()
    return keys


def _read_pages(connection: duckdb.DuckDBPyConnection, keys: list[tuple[str, str]]) -> list[tuple[Any, ...]]:
    """The batch's page versions with their bodies, in the keys' order (registers `batch_keys`)."""
    table = pa.table(
        {
            "position": list(range(len(keys))),
            "url": [url for url, _ in keys],
            "content_hash": [digest for _, digest in keys],
        }
    )
    connection.register("batch_keys", table)
    return connection.execute(
        """
        SELECT p.url, p.site, p.kind, p.content_hash, p.body, p.content_type, p.referrer
        FROM batch_keys k JOIN raw.pages p USING (url, content_hash) ORDER BY k.position
        """
    ).fetchall()


def _current_versions(connection: duckdb.DuckDBPyConnection) -> dict[tuple[str, str], CurrentVersion]:
    """For each key of `batch_keys`, the URL's current document among the versions first seen no
    later than it (the version it would replace): the one seen last, read by this parser version
    when it was. Rows parsed before text hashes were stored get theirs computed here."""
    rows = connection.execute(
        """
        SELECT k.url, k.content_hash, d.content_hash,
               coalesce(d.text_hash, sha256(coalesce(d.title, '') || chr(10) || d.body_text)),
               length(d.body_text)
        FROM batch_keys k
        JOIN raw.pages this ON this.url = k.url AND this.content_hash = k.content_hash
        JOIN raw.documents d ON d.url = k.url AND d.content_hash <> k.content_hash
        JOIN raw.pages p ON p.url = d.url AND p.content_hash = d.content_hash
        WHERE p.first_seen_at <= this.first_seen_at
        QUALIFY row_number() OVER (
            PARTITION BY k.url, k.content_hash
            ORDER BY p.last_seen_at DESC, p.first_seen_at DESC, (d.parser_version = ?) DESC, d.parsed_at DESC
        ) = 1
        """,
        [PARSER_VERSION],
    ).fetchall()
    return {
        (url, key_hash): CurrentVersion(digest, text, chars) for url, key_hash, digest, text, chars in rows
    }


@dataclass
class _BatchRows:
    documents: list[dict[str, Any]]
    held: list[dict[str, Any]]
    failures: list[dict[str, Any]]


def parse_page(
    site: SiteConfig, url: str, kind: str, body: bytes, content_type: str | None
) -> tuple[ParsedDocument, Detection] | str:
    """One page parsed, or the parser's error in words (any failure is recorded and retried on the
    next run). A plain function of its arguments, so a worker process can run it."""
    try:
        return _parse(site, url, kind, body, content_type)
    except Exception as error:
        return f"{type(error).__name__}: {error}"


def _judge_batch(
    pages: list[tuple[Any, ...]],
    outcomes: list[tuple[ParsedDocument, Detection] | str],
    current: dict[tuple[str, str], CurrentVersion],
    min_share: float,
    summaries: dict[str, ParseSummary],
) -> _BatchRows:
    """The batch's parsed pages through the gate, in order: documents, held versions and failures."""
    rows = _BatchRows([], [], [])
    now = datetime.now(UTC)
    accepted: dict[str, CurrentVersion] = {}  # versions made current in this batch, by URL
    for (url, site, kind, content_hash, _, _, referrer), outcome in zip(pages, outcomes, strict=True):
        summary = summaries.setdefault(site, ParseSummary())
        if isinstance(outcome, str):
            rows.failures.append(
                {
                    "url": url,
                    "content_hash": content_hash,
                    "parser_version": PARSER_VERSION,
                    "error": outcome,
                    "failed_at": now,
                }
            )
            summary.failed += 1
            continue
        parsed, legacy = outcome
        digest = text_hash(parsed.title, parsed.body_text)
        before = accepted.get(url) or current.get((url, content_hash))
        verdict = judge_version(parsed, digest, before, min_share, legacy)
        if verdict:
            rows.held.append(_held_row(parsed, content_hash, digest, verdict, before, now))
            summary.held += 1
            continue
        parent = referrer if kind == "attachment" else None
        rows.documents.append(_document_row(parsed, content_hash, digest, legacy, parent, now))
        accepted[url] = CurrentVersion(content_hash, digest, len(parsed.body_text))
        summary.parsed += 1
    return rows


def _parse(
    site: SiteConfig, url: str, kind: str, body: bytes, content_type: str | None
) -> tuple[ParsedDocument, Detection]:
    if kind == "attachment":
        return parse_attachment(site, url, body), Detection(None, True)
    page = decode_page(body, content_type)
    return parse_article(site, url, page.html), page.legacy


_DOCUMENT_SCHEMA = pa.schema(
    [
        ("url", pa.string()),
        ("site", pa.string()),
        ("kind", pa.string()),
        ("content_hash", pa.string()),
        ("parser", pa.string()),
        ("parser_version", pa.string()),
        ("title", pa.string()),
        ("published_at", pa.timestamp("us", tz="UTC")),
        ("author", pa.string()),
        ("lead", pa.string()),
        ("body_text", pa.string()),
        ("attachment_urls", pa.list_(pa.string())),
        ("parent_url", pa.string()),
        ("parsed_at", pa.timestamp("us", tz="UTC")),
        ("text_hash", pa.string()),
        ("legacy_encoding", pa.string()),
        ("unmatched_selectors", pa.list_(pa.string())),
    ]
)
_HELD_SCHEMA = pa.schema(
    [
        ("url", pa.string()),
        ("site", pa.string()),
        ("kind", pa.string()),
        ("content_hash", pa.string()),
        ("parser_version", pa.string()),
        ("reason", pa.string()),
        ("detail", pa.string()),
        ("parser", pa.string()),
        ("title", pa.string()),
        ("body_chars", pa.int32()),
        ("published_at", pa.timestamp("us", tz="UTC")),
        ("unmatched_selectors", pa.list_(pa.string())),
        ("text_hash", pa.string()),
        ("current_hash", pa.string()),
        ("held_at", pa.timestamp("us", tz="UTC")),
    ]
)
_FAILURE_SCHEMA = pa.schema(
    [
        ("url", pa.string()),
        ("content_hash", pa.string()),
        ("parser_version", pa.string()),
        ("error", pa.string()),
        ("failed_at", pa.timestamp("us", tz="UTC")),
    ]
)


def _document_row(
    parsed: ParsedDocument,
    content_hash: str,
    digest: str,
    legacy: Detection,
    parent_url: str | None,
    now: datetime,
) -> dict[str, Any]:
    return {
        "url": parsed.url,
        "site": parsed.site,
        "kind": parsed.kind,
        "content_hash": content_hash,
        "parser": parsed.parser,
        "parser_version": PARSER_VERSION,
        "title": parsed.title,
        "published_at": parsed.published_at.astimezone(UTC) if parsed.published_at else None,
        "author": parsed.author,
        "lead": parsed.lead,
        "body_text": parsed.body_text,
        "attachment_urls": list(parsed.attachment_urls),
        "parent_url": parent_url,
        "parsed_at": now,
        "text_hash": digest,
        "legacy_encoding": legacy.encoding if legacy.convertible else None,
        "unmatched_selectors": list(parsed.unmatched_selectors),
    }


def _held_row(
    parsed: ParsedDocument,
    content_hash: str,
    digest: str,
    verdict: tuple[str, str],
    current: CurrentVersion | None,
    now: datetime,
) -> dict[str, Any]:
    reason, detail = verdict
    return {
        "url": parsed.url,
        "site": parsed.site,
        "kind": parsed.kind,
        "content_hash": content_hash,
        "parser_version": PARSER_VERSION,
        "reason": reason,
        "detail": detail,
        "parser": parsed.parser,
        "title": parsed.title,
        "body_chars": len(parsed.body_text.strip()),
        "published_at": parsed.published_at.astimezone(UTC) if parsed.published_at else None,
        "unmatched_selectors": list(parsed.unmatched_selectors),
        "text_hash": digest,
        "current_hash": current.content_hash if current else None,
        "held_at": now,
    }


def _write_batch(connection: duckdb.DuckDBPyConnection, rows: _BatchRows) -> None:
    """One batch's documents, verdicts and failures, in one transaction (bulk, through Arrow)."""
    tables = {
        "document_batch": pa.Table.from_pylist(rows.documents, schema=_DOCUMENT_SCHEMA),
        "held_batch": pa.Table.from_pylist(rows.held, schema=_HELD_SCHEMA),
        "failure_batch": pa.Table.from_pylist(rows.failures, schema=_FAILURE_SCHEMA),
    }
    columns = ", ".join(_DOCUMENT_SCHEMA.names)
    connection.execute("BEGIN TRANSACTION")
    try:
        for name, table in tables.items():
            connection.register(name, table)
        connection.execute(
            f"INSERT INTO raw.documents ({columns}) SELECT {columns} FROM document_batch ON CONFLICT DO NOTHING"
        )
        connection.execute(
            f"INSERT OR REPLACE INTO raw.held_versions SELECT {', '.join(_HELD_SCHEMA.names)} FROM held_batch"
        )
        for judged in ("document_batch", "held_batch"):  # a failure that now parses is no failure
            connection.execute(
                f"DELETE FROM raw.parse_failures f USING {judged} d WHERE f.url = d.url "
                "AND f.content_hash = d.content_hash AND f.parser_version = d.parser_version"
            )
        connection.execute("INSERT OR REPLACE INTO raw.parse_failures SELECT * FROM failure_batch")
        connection.execute("COMMIT")
    except Exception:
        connection.execute("ROLLBACK")
        raise
    finally:
        for name in tables:
            connection.unregister(name)
