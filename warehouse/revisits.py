"""The revisit schedule in the warehouse (raw.visit_schedule, migration 010): what a night's crawl reads
of it, and how each visit moves it on. The policy itself is pure and lives in scrapers/revisit.py.

Reading is cheap at any archive size: a site's due pages are one filtered query on this narrow table
(no page body, no version history), and the known pages' last visits are three columns of it.
Writing happens inside the landing transaction of each site (warehouse/landing.py), so the schedule
moves exactly when the pages it describes land.

"Now" is the crawl's clock, one instant per crawl: visits are scheduled from the night's start, so the
next night, starting at about the same hour, finds them due (scrapers/revisit.py, DUE_AHEAD).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import duckdb
import pyarrow as pa

from scrapers.crawl import KnownPages, SiteCrawl, Visit
from scrapers.revisit import RevisitPolicy, due_by, next_visit
from scrapers.types import FetchResult

REVISITED = ("article", "attachment")  # the kinds the schedule makes due; sitemaps are read every night

_COLUMNS = (
    "url",
    "site",
    "kind",
    "published_at",
    "first_seen_at",
    "changed_at",
    "fingerprint",
    "last_visit_at",
    "next_visit_at",
    "sitemap_lastmod",
    "last_reason",
)
_TIME = pa.timestamp("us", tz="UTC")
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_SCHEMA = pa.schema(
    [(name, _TIME if name.endswith("_at") or name == "sitemap_lastmod" else pa.string()) for name in _COLUMNS]
)


def load_schedule(
    connection: duckdb.DuckDBPyConnection, site: str, known: KnownPages, now: datetime, policy: RevisitPolicy
) -> None:
    """Fill `known.visits` (every scheduled URL's last visit and lastmod) and `known.due` (the pages due
    tonight, the most overdue first). Pages landed before the schedule existed are scheduled first."""
    _schedule_unscheduled(connection, site, policy)
    # as microseconds: DuckDB's own conversion to zone-aware datetimes takes 2 s per 100,000 rows, this 0.3
    for url, last_visit_us, sitemap_lastmod_us in connection.execute(
        "SELECT url, epoch_us(last_visit_at), epoch_us(sitemap_lastmod) FROM raw.visit_schedule WHERE site = ?",
        [site],
    ).fetchall():
        known.visits[url] = Visit(_instant(last_visit_us), _instant(sitemap_lastmod_us))
    known.due = dict(
        connection.execute(
            """
            SELECT url, kind FROM raw.visit_schedule
            WHERE site = ? AND kind IN ('article', 'attachment') AND next_visit_at <= ?
            ORDER BY next_visit_at, url
            """,
            [site, due_by(now)],
        ).fetchall()
    )


def _instant(microseconds: int | None) -> datetime | None:
    return None if microseconds is None else _EPOCH + timedelta(microseconds=microseconds)


def _schedule_unscheduled(connection: duckdb.DuckDBPyConnection, site: str, policy: RevisitPolicy) -> None:
    """Give a schedule row to each article or attachment in raw.pages that has none (landed before
    migration 010), from what is stored: its first and last sighting, its latest change, its date."""
    rows = connection.execute(
        """
        WITH unscheduled AS (
            SELECT p.url, any_value(p.kind) AS kind, min(p.first_seen_at) AS first_seen_at,
                   max(p.last_seen_at) AS last_seen_at,
                   CASE WHEN count(*) > 1 THEN max(p.first_seen_at) END AS changed_at
            FROM raw.pages p
            WHERE p.site = ? AND p.kind IN ('article', 'attachment')
              AND NOT EXISTS (SELECT 1 FROM raw.visit_schedule s WHERE s.url = p.url)
            GROUP BY p.url
        )
        SELECT u.url, u.kind, epoch_us(u.first_seen_at), epoch_us(u.last_seen_at), epoch_us(u.changed_at),
               epoch_us(d.published_at)
        FROM unscheduled u
        LEFT JOIN (SELECT url, max(published_at) AS published_at FROM raw.documents GROUP BY url) d
            ON d.url = u.url
        """,
        [site],
    ).fetchall()
    scheduled = []
    for url, kind, *instants in rows:
        first_seen_at, last_seen_at, changed_at, published_at = map(_instant, instants)
        assert first_seen_at is not None and last_seen_at is not None  # NOT NULL in raw.pages
        scheduled.append(
            {
                "url": url,
                "site": site,
                "kind": kind,
                "published_at": published_at,
                "first_seen_at": first_seen_at,
                "changed_at": changed_at,
                "fingerprint": None,
                "last_visit_at": last_seen_at,
                "next_visit_at": next_visit(last_seen_at, published_at, first_seen_at, changed_at, policy),
                "sitemap_lastmod": None,
                "last_reason": "due",
            }
        )
    _upsert(connection, scheduled)


def record_visits(
    connection: duckdb.DuckDBPyConnection,
    site: str,
    results: list[FetchResult],
    crawl: SiteCrawl | None,
    now: datetime,
    policy: RevisitPolicy,
    final: bool = True,
) -> None:
    """Move the schedule on for a batch of what one site's crawl asked for, inside the caller's
    transaction; with `final` (the crawl's last batch), also for what it left for the next night and
    for the sitemap lastmods it read. `crawl` is None when only results are landed (then nothing is
    known of dates, reasons or lastmods, and each page is judged on its body)."""
    crawl = crawl or SiteCrawl(results=results)
    visited = {r.url: r for r in results if r.kind in (*REVISITED, "sitemap")}
    left = crawl.left if final else {}
    stored = _stored(connection, [*visited, *left])
    rows = [_visit_row(site, result, stored.get(url), crawl, now, policy) for url, result in visited.items()]
    rows += [
        _left_row(site, url, kind, stored.get(url), now) for url, kind in left.items() if url not in visited
    ]
    _upsert(connection, [row for row in rows if row is not None])
    if final:
        _adopt_lastmods(
            connection, {url: modified for url, modified in crawl.lastmods.items() if url not in visited}
        )


def _stored(connection: duckdb.DuckDBPyConnection, urls: list[str]) -> dict[str, dict]:
    if not urls:
        return {}
    cursor = connection.execute(
        f"SELECT {', '.join(_COLUMNS)} FROM raw.visit_schedule WHERE url IN (SELECT unnest(?))", [urls]
    )
    return {row[0]: dict(zip(_COLUMNS, row, strict=True)) for row in cursor.fetchall()}


def _fingerprint(result: FetchResult, crawl: SiteCrawl) -> str | None:
    """What a change is judged on: the article's parsed text, else the body, else the status; None when
    the answer tells nothing (a 304, a failure)."""
    if result.ok:
        return crawl.fingerprints.get(result.url) or result.content_hash
    if result.status is None or result.not_modified or result.status == 429 or result.status >= 500:
        return None
    return f"HTTP {result.status}"


def _visit_row(
    site: str,
    result: FetchResult,
    stored: dict | None,
    crawl: SiteCrawl,
    now: datetime,
    policy: RevisitPolicy,
) -> dict | None:
    url = result.url
    if result.kind == "sitemap":  # a child sitemap: only the lastmod it was read with is kept
        lastmod = crawl.lastmods.get(url)
        if lastmod is None or not (result.ok or result.not_modified):
            return None
        return _row(site, url, "sitemap", stored, now, next_visit_at=now + timedelta(days=1),
                    sitemap_lastmod=lastmod, last_visit_at=now, last_reason="sitemap")  # fmt: skip
    first_seen_at = stored["first_seen_at"] if stored else now
    published_at = crawl.published.get(url) or (stored["published_at"] if stored else None)
    changed_at = stored["changed_at"] if stored else None
    fingerprint = _fingerprint(result, crawl)
    previous = stored["fingerprint"] if stored else None
    if fingerprint is not None and previous is not None and fingerprint != previous:
        changed_at = now  # changed, gone or back: young again
    failed = fingerprint is None and not result.not_modified
    due = now + timedelta(days=policy.min_days) if failed else None  # no answer: ask again tomorrow
    return _row(
        site,
        url,
        result.kind,
        stored,
        now,
        published_at=published_at,
        first_seen_at=first_seen_at,
        changed_at=changed_at,
        fingerprint=fingerprint or previous,
        last_visit_at=now,
        next_visit_at=due or next_visit(now, published_at, first_seen_at, changed_at, policy),
        sitemap_lastmod=crawl.lastmods.get(url) or (stored["sitemap_lastmod"] if stored else None),
        last_reason=crawl.reasons.get(url, "due"),
    )


def _left_row(site: str, url: str, kind: str, stored: dict | None, now: datetime) -> dict:
    """A page wanted tonight but not asked for: due from now on (it keeps an earlier due time)."""
    due = min(stored["next_visit_at"], now) if stored else now
    return _row(site, url, kind, stored, now, next_visit_at=due, last_reason="left")


def _row(site: str, url: str, kind: str, stored: dict | None, now: datetime, **values: object) -> dict:
    """A schedule row: `values`, over what is stored, over a new row's defaults."""
    fresh = dict.fromkeys(_COLUMNS) | {"url": url, "site": site, "kind": kind, "first_seen_at": now}
    return fresh | (stored or {}) | {"kind": kind} | values


def _upsert(connection: duckdb.DuckDBPyConnection, rows: list[dict]) -> None:
    if not rows:
        return
    connection.register("visit_batch", pa.Table.from_pylist(rows, schema=_SCHEMA))
    try:
        connection.execute(
            f"INSERT OR REPLACE INTO raw.visit_schedule ({', '.join(_COLUMNS)}) "
            f"SELECT {', '.join(_COLUMNS)} FROM visit_batch"
        )
    finally:
        connection.unregister("visit_batch")


def _adopt_lastmods(connection: duckdb.DuckDBPyConnection, lastmods: dict[str, datetime]) -> None:
    """Record a sitemap's lastmod for known pages not fetched tonight that have none yet, when it is no
    newer than our last visit: the page was fetched after that change, so the value is the one it had
    then, and a later, newer lastmod will bring its visit forward (even on a site whose dates are off)."""
    if not lastmods:
        return
    batch = pa.table({"url": list(lastmods), "lastmod": pa.array(list(lastmods.values()), _TIME)})
    connection.register("lastmod_batch", batch)
    try:
        connection.execute(
            """
            UPDATE raw.visit_schedule s SET sitemap_lastmod = b.lastmod
            FROM lastmod_batch b
            WHERE s.url = b.url AND s.sitemap_lastmod IS NULL AND b.lastmod <= s.last_visit_at
            """
        )
    finally:
        connection.unregister("lastmod_batch")
