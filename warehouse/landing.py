"""Landing crawled pages and parsed documents in DuckDB, losing nothing.

Crawling and parsing are two steps. `crawl_sites` fetches into raw.fetches
and raw.pages (a new row only for a new content version; a 304 or an
identical body only moves last_seen_at; a 404/410 marks removed_at).
`parse_pending` (warehouse/parsing.py, re-exported here) turns every stored
page version without a document for the current parser version into
raw.documents, batch by batch, behind a quality gate. Writes go in Arrow
batches inside one transaction per site, and are idempotent: a rerun adds no
duplicate row.
"""

from __future__ import annotations

import json
import threading
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pyarrow as pa

from scrapers.config import SiteConfig, load_sites
from scrapers.crawl import KnownPages, SiteCrawl, Validators, crawl_site
from scrapers.discovery_health import DiscoveryProblem, judge_discovery
from scrapers.http import PoliteClient, Politeness
from scrapers.revisit import RevisitPolicy
from scrapers.types import FetchResult
from settings import get_settings
from warehouse.db import connect, migrate

# parsing, the second step, lives in warehouse/parsing.py; its API is also this module's
from warehouse.parsing import ParseSummary as ParseSummary
from warehouse.parsing import parse_pending as parse_pending
from warehouse.revisits import load_schedule, record_visits


@dataclass
class CrawlSummary:
    fetched: int = 0  # requests made (robots.txt included)
    new: int = 0  # URLs seen for the first time
    changed: int = 0  # known URLs with new content
    unchanged: int = 0  # 304, or the same content again
    removed: int = 0  # known URLs that answered 404/410
    failed: int = 0  # no usable answer after retries
    deferred: int = 0  # pages wanted tonight and left for a later night (time or revisit budget)
    stopped: str | None = None  # why the site's crawl stopped early (its time budget), if it did
    # what kept the crawl from discovering the site's articles (scrapers/discovery_health.py)
    discovery_problems: list[DiscoveryProblem] = field(default_factory=list)


def ensure_schema(path: str | Path | None = None) -> None:
    with connect(path) as connection:
        migrate(connection)


def crawl_sites(
    db_path: str | Path | None = None,
    sites: list[str] | None = None,
    full: bool = False,
    portal: str | None = None,
    politeness: Politeness | None = None,
    on_result: Callable[[FetchResult], None] | None = None,
    run_id: str | None = None,
    now: datetime | None = None,
    policy: RevisitPolicy | None = None,
    time_budget: float | None = None,
) -> dict[str, CrawlSummary]:
    """Crawl the sites (all configured ones by default) and land what came back, site by site, in
    batches as the pages come (bounded memory at any archive size).

    `run_id` names the crawl in raw.crawl_runs and raw.fetches (a new id by default): the orchestrator
    passes its own run's, so when that run dies, `abort_crawl_runs` can close the crawl it began.
    `now` is the crawl's clock for the revisit schedule (the current time by default; tests and the
    benchmark set it later to play a later night). `policy` and `time_budget` (seconds per site)
    default to the settings DOINGOAI_REVISIT_* and DOINGOAI_CRAWL_TIME_BUDGET."""
    configs = load_sites()
    unknown = [site for site in sites or () if site not in configs]
    if unknown:
        raise ValueError(f"unknown site {', '.join(unknown)}: configured are {', '.join(sorted(configs))}")
    chosen = [configs[site] for site in (sites or list(configs))]
    run_id = run_id or uuid.uuid4().hex[:12]
    settings = get_settings()  # what the caller leaves unset: DOINGOAI_PORTAL, DOINGOAI_CRAWL_*
    portal = portal or settings.portal  # recorded in the run, whichever way it came
    politeness = politeness or Politeness(
        delay=settings.crawl_delay,
        timeout=settings.crawl_timeout,
        deadline=settings.crawl_deadline,
        attempts=settings.crawl_attempts,
    )
    now = (now or datetime.now(UTC)).astimezone(UTC)
    policy = policy or RevisitPolicy(
        min_days=settings.revisit_min_days, max_days=settings.revisit_max_days, budget=settings.revisit_budget
    )
    time_budget = time_budget if time_budget is not None else settings.crawl_time_budget
    with connect(db_path) as connection:
        migrate(connection)
        connection.execute(
            "INSERT INTO raw.crawl_runs (run_id, started_at, finished_at, mode, portal, sites, status) "
            "VALUES (?, now(), NULL, ?, ?, ?, 'running')",
            [run_id, "full" if full else "incremental", portal, [site.id for site in chosen]],
        )
        _record_sites(connection, configs)
        known = {site.id: _known_pages(connection, site.id) for site in chosen}
        for site in chosen:
            load_schedule(connection, site.id, known[site.id], now, policy)
    write_lock = threading.Lock()
    summaries: dict[str, CrawlSummary] = {}

    with PoliteClient(configs, politeness, portal) as client:

        def crawl_and_land(site: SiteConfig) -> None:
            summary = summaries[site.id] = CrawlSummary()

            def land(batch: list[FetchResult], crawl: SiteCrawl, final: bool) -> None:
                """Land a batch of the site's pages as they come; robots.txt and the notes with the last."""
                robots = [r for r in client.robots_fetches if r.site == site.id] if final else []
                with write_lock:
                    landed = land_results(
                        db_path, run_id, site.id, [*robots, *batch], crawl, now, policy, final=final
                    )
                _add_counts(summary, landed)

            crawl = crawl_site(site, client, known[site.id], full, on_result, policy, time_budget, land=land)
            summary.deferred, summary.stopped = crawl.deferred, crawl.stopped
            results = crawl.results  # the listings and sitemaps (the pages were landed batch by batch)
            problems = judge_discovery(site, results, client.allowed, known[site.id].urls("sitemap"))
            with write_lock:
                _record_crawl_notes(db_path, run_id, site.id, crawl, policy)
                summaries[site.id].discovery_problems = problems
                record_discovery_problems(db_path, run_id, problems)

        with ThreadPoolExecutor(max_workers=min(4, len(chosen)) or 1) as pool:
            try:
                for future in [pool.submit(crawl_and_land, site) for site in chosen]:
                    future.result()
            except BaseException:  # stopped (Ctrl-C, SIGTERM) or failed: the other sites stop too
                client.close()  # their next request fails at once, instead of crawling on for minutes
                _close_crawl_run(db_path, run_id, "aborted")
                raise

    _close_crawl_run(
        db_path, run_id, "succeeded" if all(s.failed == 0 for s in summaries.values()) else "partial"
    )
    return summaries


def _add_counts(summary: CrawlSummary, batch: CrawlSummary) -> None:
    """Add a landed batch's counts to the site's summary."""
    for name in ("fetched", "new", "changed", "unchanged", "removed", "failed"):
        setattr(summary, name, getattr(summary, name) + getattr(batch, name))


def _record_crawl_notes(
    db_path: str | Path | None,
    run_id: str,
    site: str,
    crawl: SiteCrawl,
    policy: RevisitPolicy,
) -> None:
    """Why the site's crawl left pages for the next night, in raw.crawl_notes (one row per reason)."""
    notes = []
    if crawl.stopped:
        left = crawl.deferred - crawl.over_budget
        notes.append(["time_budget", left, f"{crawl.stopped}: {left} pages wait for the next night"])
    if crawl.over_budget:
        detail = f"revisit budget of {policy.budget} pages reached: {crawl.over_budget} due pages wait"
        notes.append(["revisit_budget", crawl.over_budget, detail])
    if not notes:
        return
    with connect(db_path) as connection:
        connection.executemany(
            "INSERT INTO raw.crawl_notes VALUES (?, ?, ?, ?, ?, now())",
            [[run_id, site, *note] for note in notes],
        )


def _close_crawl_run(db_path: str | Path | None, run_id: str, status: str) -> None:
    with connect(db_path) as connection:
        connection.execute(
            "UPDATE raw.crawl_runs SET finished_at = now(), status = ? WHERE run_id = ?", [status, run_id]
        )


def record_discovery_problems(
    db_path: str | Path | None, run_id: str, problems: list[DiscoveryProblem]
) -> None:
    """One row per problem in raw.discovery_problems, named after the crawl."""
    if not problems:
        return
    with connect(db_path) as connection:
        connection.executemany(
            "INSERT INTO raw.discovery_problems VALUES (?, ?, ?, ?, ?, now())",
            [[run_id, p.site, p.kind, p.url, p.detail] for p in problems],
        )


def abort_crawl_runs(db_path: str | Path | None, started_by: str) -> int:
    """Close as 'aborted' the crawls still 'running' that `started_by` began (their run_id is it, or it
    followed by '/'): the process that ran them is gone, so they will never finish. Returns how many."""
    if not Path(db_path or get_settings().db).exists():
        return 0
    with connect(db_path) as connection:
        migrate(connection)
        [(aborted,)] = connection.execute(
            "UPDATE raw.crawl_runs SET finished_at = now(), status = 'aborted' "
            "WHERE status = 'running' AND (run_id = ? OR starts_with(run_id, ? || '/'))",
            [started_by, started_by],
        ).fetchall()
    return int(aborted)


def _record_sites(connection: duckdb.DuckDBPyConnection, configs: dict[str, SiteConfig]) -> None:
    connection.executemany(
        "INSERT OR REPLACE INTO raw.sites VALUES (?, ?, ?, ?, ?, now())",
        [
            [c.id, c.name, c.base_url, list(c.allowed_domains), list(c.discovery.listings)]
            for c in configs.values()
        ],
    )


def _known_pages(connection: duckdb.DuckDBPyConnection, site: str) -> KnownPages:
    """The latest version of every URL of the site, removed ones included (they are revisited too)."""
    rows = connection.execute(
        """
        SELECT url, kind, etag, last_modified, referrer, removed_at IS NOT NULL FROM raw.pages
        WHERE site = ?
        QUALIFY row_number() OVER (PARTITION BY url ORDER BY last_seen_at DESC, first_seen_at DESC) = 1
        """,
        [site],
    ).fetchall()
    known = KnownPages()
    failed = connection.execute(
        """
        SELECT url, kind FROM raw.fetches
        WHERE site = ? AND kind IN ('listing', 'article', 'attachment')
        QUALIFY row_number() OVER (PARTITION BY url ORDER BY fetched_at DESC) = 1
            AND (status IS NULL OR status = 429 OR status >= 500)
        """,
        [site],
    ).fetchall()
    known.failed = dict(failed)
    for url, kind, etag, last_modified, referrer, removed in rows:
        known.kinds[url] = kind
        known.referrers[url] = referrer
        if not removed:  # a removed URL is asked again without validators: it may have come back
            known.validators[url] = Validators(etag, last_modified)
    return known


_FETCH_SCHEMA = pa.schema(
    [
        ("run_id", pa.string()),
        ("url", pa.string()),
        ("final_url", pa.string()),
        ("site", pa.string()),
        ("kind", pa.string()),
        ("status", pa.int32()),
        ("bytes", pa.int64()),
        ("elapsed_ms", pa.float64()),
        ("not_modified", pa.bool_()),
        ("error", pa.string()),
        ("fetched_at", pa.timestamp("us", tz="UTC")),
    ]
)
_PAGE_SCHEMA = pa.schema(
    [
        ("url", pa.string()),
        ("site", pa.string()),
        ("kind", pa.string()),
        ("content_hash", pa.string()),
        ("body", pa.binary()),
        ("content_type", pa.string()),
        ("headers", pa.string()),
        ("etag", pa.string()),
        ("last_modified", pa.string()),
        ("referrer", pa.string()),
        ("seen_at", pa.timestamp("us", tz="UTC")),
    ]
)


def land_results(
    db_path: str | Path | None,
    run_id: str,
    site: str,
    results: list[FetchResult],
    crawl: SiteCrawl | None = None,
    now: datetime | None = None,
    policy: RevisitPolicy | None = None,
    final: bool = True,
) -> CrawlSummary:
    """One site's exchanges into raw.fetches and raw.pages, and its revisit schedule moved on
    (warehouse/revisits.py), in one transaction. `crawl` tells the schedule what the crawl saw (dates,
    reasons, sitemap lastmods); with `final`, what it left for the next night is recorded too."""
    requests = [request for result in results for request in result.requests]
    summary = CrawlSummary(fetched=len(requests))
    fetch_rows = pa.Table.from_pylist(
        [
            {
                "run_id": run_id,
                "url": r.url,
                "final_url": r.final_url,
                "site": r.site,
                "kind": r.kind,
                "status": r.status,
                "bytes": len(r.body or b""),
                "elapsed_ms": r.elapsed_ms,
                "not_modified": r.not_modified,
                "error": r.error,
                "fetched_at": r.fetched_at,
            }
            for r in requests
        ],
        schema=_FETCH_SCHEMA,
    )
    page_rows = pa.Table.from_pylist(
        [
            {
                "url": r.url,
                "site": r.site,
                "kind": r.kind,
                "content_hash": r.content_hash,
                "body": r.body,
                "content_type": r.headers.get("content-type"),
                "headers": json.dumps(r.headers),
                "etag": r.headers.get("etag"),
                "last_modified": r.headers.get("last-modified"),
                "referrer": r.referrer,
                "seen_at": r.fetched_at,
            }
            for r in results
            if r.ok and r.kind != "robots"
        ],
        schema=_PAGE_SCHEMA,
    )
    unchanged_urls = [r.url for r in results if r.not_modified]
    gone_urls = [r.url for r in results if r.gone and r.kind in ("article", "attachment")]
    summary.failed = sum(1 for r in results if r.status is None or (r.status >= 500 or r.status == 429))
    with connect(db_path) as connection:
        connection.execute("BEGIN TRANSACTION")
        try:
            connection.register("fetch_batch", fetch_rows)
            connection.register("page_batch", page_rows)
            connection.execute("INSERT INTO raw.fetches SELECT * FROM fetch_batch")
            [counts] = connection.execute(
                """
                SELECT
                    count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM raw.pages p WHERE p.url = b.url)),
                    count(*) FILTER (WHERE EXISTS (SELECT 1 FROM raw.pages p WHERE p.url = b.url)
                                     AND NOT EXISTS (SELECT 1 FROM raw.pages p WHERE p.url = b.url
                                                     AND p.content_hash = b.content_hash)),
                    count(*) FILTER (WHERE EXISTS (SELECT 1 FROM raw.pages p WHERE p.url = b.url
                                                   AND p.content_hash = b.content_hash))
                FROM page_batch b WHERE b.kind IN ('article', 'attachment')
                """
            ).fetchall()
            summary.new, summary.changed, summary.unchanged = counts
            connection.execute(
                """
                UPDATE raw.pages p SET last_seen_at = b.seen_at, removed_at = NULL,
                       etag = coalesce(b.etag, p.etag), last_modified = coalesce(b.last_modified, p.last_modified)
                FROM page_batch b WHERE p.url = b.url AND p.content_hash = b.content_hash
                """
            )
            connection.execute(
                """
                INSERT INTO raw.pages
                SELECT url, site, kind, content_hash, body, content_type, headers::JSON, etag, last_modified,
                       referrer, seen_at, seen_at, NULL
                FROM page_batch ON CONFLICT DO NOTHING
                """
            )
            if unchanged_urls:
                connection.execute(
                    """
                    UPDATE raw.pages SET last_seen_at = now() WHERE url IN (SELECT unnest(?))
                    AND (url, last_seen_at) IN (SELECT url, max(last_seen_at) FROM raw.pages GROUP BY url)
                    """,
                    [unchanged_urls],
                )
                summary.unchanged += sum(
                    1 for r in results if r.not_modified and r.kind in ("article", "attachment")
                )
            if gone_urls:
                removed = connection.execute(
                    """
                    UPDATE raw.pages SET removed_at = now()
                    WHERE url IN (SELECT unnest(?)) AND removed_at IS NULL RETURNING url
                    """,
                    [gone_urls],
                ).fetchall()
                summary.removed = len({row[0] for row in removed})
            record_visits(
                connection,
                site,
                results,
                crawl,
                (now or datetime.now(UTC)).astimezone(UTC),
                policy or RevisitPolicy(),
                final=final,
            )
            connection.execute("COMMIT")
        except Exception:
            connection.execute("ROLLBACK")
            raise
        finally:
            connection.unregister("fetch_batch")
            connection.unregister("page_batch")
    return summary
