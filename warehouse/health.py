"""Health measures of the warehouse, computed in SQL and Python, for the orchestrator's checks.

Kept here, without any Dagster import, so the measures can be tested (and run by hand) on a
DuckDB file alone: parser health per site, extraction yield per batch, and how much a mart
would shrink against the analysts' copy.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import duckdb

from extraction.kinds import RECORD_KINDS
from scrapers.config import load_sites
from scrapers.discovery_health import DiscoveryProblem
from settings import get_settings
from warehouse.db import connect
from warehouse.importing import URL_SCHEME as IMPORTED

# The fields a site's layout must give for an article to be usable, in the order messages name them.
ARTICLE_FIELDS = ("title", "body", "date")


@dataclass
class SiteParserHealth:
    """How well a site's new article versions were read."""

    site: str
    articles: int = 0  # new article versions judged
    missing: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ARTICLE_FIELDS, 0))
    fallback: int = 0  # read by the generic extractor because the site's selectors did not match
    examples: dict[str, str] = field(default_factory=dict)  # field -> one URL that lacks it

    def share(self, name: str) -> float:
        return self.missing[name] / self.articles if self.articles else 0.0

    def failing(self, max_share: float) -> list[str]:
        """The fields missing from more than `max_share` of the new articles."""
        return [name for name in ARTICLE_FIELDS if self.articles and self.share(name) > max_share]


def parser_health(
    db_path: str | Path | None, since: datetime | None = None, sites: list[str] | None = None
) -> dict[str, SiteParserHealth]:
    """Per site, the article versions parsed after `since` (all when None), judged field by field:
    the documents, and the versions the quality gate held back. Those held as `same_text` count too:
    a redesigned page whose text the generic fallback still reads whole is no new version, but it
    is a page the site's selectors no longer read.

    A field counts as missing when the parser found none, or when the document came from the
    generic fallback and the site's own selector for that field found nothing on the page: the
    fallback's guesses (a headline from <title>, a year found in the text) hide a broken layout
    rather than show it. The parser records what the selectors missed (`unmatched_selectors`), so
    this reads a few columns of the new rows, never a page: its cost follows what is new.
    """
    chosen = sites or sorted(load_sites())
    report = {site: SiteParserHealth(site) for site in chosen}
    with connect(db_path, read_only=True) as connection:
        if not _has_table(connection, "raw", "held_versions"):
            return report
        rows = connection.execute(
            """
            WITH judged AS (
                SELECT site, url, parser, title, length(trim(body_text)) AS body_chars, published_at,
                       coalesce(unmatched_selectors, []) AS unmatched
                FROM raw.documents
                WHERE kind = 'article' AND NOT starts_with(url, $imported)
                  AND (CAST($since AS TIMESTAMPTZ) IS NULL OR parsed_at > $since)
                QUALIFY row_number() OVER (PARTITION BY url, content_hash ORDER BY parsed_at DESC) = 1
                UNION ALL
                SELECT site, url, parser, title, body_chars, published_at, unmatched_selectors
                FROM raw.held_versions
                WHERE kind = 'article' AND (CAST($since AS TIMESTAMPTZ) IS NULL OR held_at > $since)
            ), lacking AS (
                SELECT site, url, parser = 'generic' AS generic,
                       coalesce(trim(title), '') = ''
                           OR (parser = 'generic' AND list_contains(unmatched, 'title')) AS title,
                       body_chars = 0 OR (parser = 'generic' AND list_contains(unmatched, 'body')) AS body,
                       published_at IS NULL
                           OR (parser = 'generic' AND list_contains(unmatched, 'date')) AS date
                FROM judged
            )
            SELECT site, count(*), count(*) FILTER (WHERE generic),
                   count(*) FILTER (WHERE title), min(url) FILTER (WHERE title),
                   count(*) FILTER (WHERE body), min(url) FILTER (WHERE body),
                   count(*) FILTER (WHERE date), min(url) FILTER (WHERE date)
            FROM lacking GROUP BY site
            """,
            {"since": since, "imported": IMPORTED},  # imported files were read by no site's selectors
        ).fetchall()
    for site, articles, fallback, *fields in rows:
        if site not in report:
            continue
        health = report[site]
        health.articles, health.fallback = articles, fallback
        for index, name in enumerate(ARTICLE_FIELDS):
            missing, example = fields[2 * index], fields[2 * index + 1]
            health.missing[name] = missing
            if example:
                health.examples[name] = example
    return report


def held_versions_since(
    db_path: str | Path | None, since: datetime, limit: int = 20
) -> list[tuple[str, str, str, str]]:
    """(site, reason, url, detail) of the page versions the quality gate held back after `since`,
    `same_text` aside (no new version, nothing wrong): garbage, maintenance pages, cut texts, unsure
    legacy encodings. At most `limit` rows, per site and URL."""
    with connect(db_path, read_only=True) as connection:
        if not _has_table(connection, "raw", "held_versions"):
            return []
        return connection.execute(
            "SELECT site, reason, url, detail FROM raw.held_versions WHERE held_at > ? AND reason <> 'same_text' "
            "ORDER BY site, url LIMIT ?",
            [since, limit],
        ).fetchall()


def selector_of(site: str, name: str) -> str:
    """The CSS selector a site's config uses for a field, for messages."""
    article = load_sites()[site].article
    return {"title": article.title, "body": article.body, "date": article.date or "(none)"}[name]


@dataclass(frozen=True)
class YieldReport:
    """Records per document of the latest extraction batch against the batches before it."""

    batch_id: str | None
    documents: int
    records: int
    failed: int
    previous_documents: int
    previous_records: int

    @property
    def per_document(self) -> float:
        return self.records / self.documents if self.documents else 0.0

    @property
    def previous_per_document(self) -> float | None:
        return self.previous_records / self.previous_documents if self.previous_documents else None

    def collapsed(self, min_ratio: float, min_documents: int) -> bool:
        """True when enough documents were extracted and their yield fell below `min_ratio` of before."""
        before = self.previous_per_document
        if before is None or before == 0 or self.documents < min_documents:
            return False
        return self.per_document < before * min_ratio


def extraction_yield(db_path: str | Path | None) -> YieldReport:
    """The latest batch of extracted.batches against the previous batch that extracted anything."""
    with connect(db_path, read_only=True) as connection:
        if not _has_table(connection, "extracted", "batches"):
            return YieldReport(None, 0, 0, 0, 0, 0)
        batches = connection.execute(
            "SELECT batch_id, documents, records, failed FROM extracted.batches ORDER BY started_at DESC"
        ).fetchall()
    if not batches:
        return YieldReport(None, 0, 0, 0, 0, 0)
    (batch_id, documents, records, failed), *earlier = batches
    previous = next(((d, r) for _, d, r, _ in earlier if d), (0, 0))
    return YieldReport(batch_id, documents, records, failed, previous[0], previous[1])


@dataclass(frozen=True)
class MartChange:
    table: str
    published: int | None  # rows in the analysts' copy; None when it has no such table yet
    built: int  # rows the run just built in the warehouse

    def shrink(self) -> float:
        """The share of the published rows the new build would lose (0 when it grows)."""
        if not self.published:
            return 0.0
        return max(0.0, (self.published - self.built) / self.published)


def mart_changes(
    db_path: str | Path | None,
    analytics_path: str | Path,
    tables: list[str],
    schema: str = "marts",
    published_counts: dict[str, int] | None = None,
) -> list[MartChange]:
    """Row counts of the marts just built against the analysts' copy they would replace.

    The copy is opened read-only, waiting (DOINGOAI_ANALYTICS_WAIT, logged) while an analyst holds it
    read-write; `published_counts`, when given, are used instead of opening it (the counts recorded when
    it was published, for a copy held past the wait)."""
    with connect(db_path, read_only=True) as connection:
        built = {table: _count(connection, schema, table) for table in tables}
    published: dict[str, int | None] = dict.fromkeys(tables)
    analytics = Path(analytics_path)
    if published_counts is not None:
        published = {table: published_counts.get(table) for table in tables}
    elif analytics.exists():
        with connect(analytics, read_only=True, wait=get_settings().analytics_wait) as connection:
            published = {table: _count(connection, "main", table) for table in tables}
    return [MartChange(table, published[table], built[table] or 0) for table in tables]


def _count(connection: duckdb.DuckDBPyConnection, schema: str, table: str) -> int | None:
    if not _has_table(connection, schema, table):
        return None
    [(count,)] = connection.execute(f'SELECT count(*) FROM {schema}."{table}"').fetchall()
    return count


def _has_table(connection: duckdb.DuckDBPyConnection, schema: str, table: str) -> bool:
    [(count,)] = connection.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_schema = ? AND table_name = ?",
        [schema, table],
    ).fetchall()
    return bool(count)


def documents_parsed_since(
    db_path: str | Path | None, since: datetime, limit: int = 8
) -> list[tuple[str, str, str | None, str | None, str]]:
    """(site, kind, published_on, title, url) of documents parsed after `since`, newest first."""
    with connect(db_path, read_only=True) as connection:
        return connection.execute(
            """
            SELECT site, kind, strftime(published_at, '%Y-%m-%d'), title, url FROM raw.documents
            WHERE parsed_at > ? ORDER BY published_at DESC NULLS LAST, url LIMIT ?
            """,
            [since, limit],
        ).fetchall()


def batch_facts(db_path: str | Path | None, batch_id: str, per_kind: int = 3) -> list[tuple[str, str, str]]:
    """(kind, text, document_url): a few records of each kind that one extraction batch found,
    shown as the registry of record kinds previews them (kinds without a preview are left out)."""
    facts = []
    with connect(db_path, read_only=True) as connection:
        for kind in RECORD_KINDS:
            if kind.preview is None:
                continue
            columns = ", ".join(f"r.{column.name}" for column in kind.columns)
            cursor = connection.execute(
                f"""SELECT r.document_url, {columns} FROM extracted.{kind.table_name} r
                JOIN extracted.documents d USING (document_url, content_hash, parser_version, extractor_version)
                WHERE d.batch_id = ? ORDER BY r.document_url, r.ordinal LIMIT ?""",
                [batch_id, int(per_kind)],
            )
            for url, *values in cursor.fetchall():
                row = dict(zip(kind.column_names, values, strict=True))
                facts.append((kind.table_name, kind.preview(row), url))
    return facts


@dataclass(frozen=True)
class SiteDiscovery:
    """A site's latest crawl (None: never crawled) and the discovery problems it recorded."""

    site: str
    run_id: str | None
    started_at: datetime | None
    problems: list[DiscoveryProblem]


def latest_discovery_problems(db_path: str | Path | None, sites: list[str]) -> dict[str, SiteDiscovery]:
    """Per site, the problems its latest crawl recorded in raw.discovery_problems (scrapers/discovery_health.py):
    what the site's discovery check judges, whichever run crawled it."""
    found = {site: SiteDiscovery(site, None, None, []) for site in sites}
    if not Path(db_path or get_settings().db).exists():
        return found
    with connect(db_path, read_only=True) as connection:
        if not _has_table(connection, "raw", "discovery_problems"):
            return found
        crawls = connection.execute(
            """
            SELECT site, run_id, started_at FROM (
                SELECT unnest(sites) AS site, run_id, started_at FROM raw.crawl_runs
            ) WHERE site IN (SELECT unnest(?))
            QUALIFY row_number() OVER (PARTITION BY site ORDER BY started_at DESC) = 1
            """,
            [sites],
        ).fetchall()
        for site, run_id, started_at in crawls:
            rows = connection.execute(
                "SELECT problem, url, detail FROM raw.discovery_problems WHERE run_id = ? AND site = ? "
                "ORDER BY found_at, rowid",
                [run_id, site],
            ).fetchall()
            problems = [DiscoveryProblem(site, kind, url, detail) for kind, url, detail in rows]
            found[site] = SiteDiscovery(site, run_id, started_at, problems)
    return found
