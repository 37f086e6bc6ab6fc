"""The revisit schedule in the warehouse (raw.visit_schedule): landing moves it on, a night reads what is
due. Pages are landed as a crawl lands them (`land_results` with the crawl's notes), no portal needed."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from scrapers.crawl import KnownPages, SiteCrawl
from scrapers.revisit import RevisitPolicy
from scrapers.types import FetchResult
from tests.queries import query
from warehouse.db import connect
from warehouse.landing import ensure_schema, land_results
from warehouse.revisits import load_schedule

SITE = "thoidai"
NIGHT = datetime(2026, 11, 29, 19, 0, tzinfo=UTC)  # 02:00 in Vietnam
POLICY = RevisitPolicy()


def page(slug: str, status: int | None = 200, body: str | None = None, kind: str = "article") -> FetchResult:
    text = body if body is not None else f"<html><body>{slug}</body></html>"
    return FetchResult(
        url=f"https://thoidai.com.vn/{slug}.html",
        site=SITE,
        kind=kind,  # type: ignore[arg-type]  # a test's pages are articles, attachments or sitemaps
        status=status,
        fetched_at=datetime.now(UTC),
        elapsed_ms=1.0,
        headers={"content-type": "text/html; charset=utf-8"},
        body=text.encode() if status == 200 else None,
        error=None if status in (200, 304) else f"HTTP {status}",
    )


def url(slug: str) -> str:
    return f"https://thoidai.com.vn/{slug}.html"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "w.duckdb"
    ensure_schema(path)
    return path


def land(db: Path, results: list[FetchResult], night: datetime, **notes: object) -> None:
    """Land `results` as the crawl of `night` would, with what it noted (published, fingerprints...)."""
    crawl = SiteCrawl(results=results, **notes)  # type: ignore[arg-type]  # SiteCrawl's own fields
    land_results(db, f"crawl-{night:%j}", SITE, results, crawl, night, POLICY)


def due(db: Path, night: datetime) -> list[str]:
    known = KnownPages()
    with connect(db) as connection:
        load_schedule(connection, SITE, known, night, POLICY)
    return [link.rsplit("/", 1)[1].removesuffix(".html") for link in known.due]


def schedule(db: Path, slug: str) -> dict[str, object]:
    columns = [
        "changed_at",
        "last_visit_at",
        "next_visit_at",
        "sitemap_lastmod",
        "last_reason",
        "fingerprint",
    ]
    [row] = query(db, f"SELECT {', '.join(columns)} FROM raw.visit_schedule WHERE url = ?", url(slug))
    return dict(zip(columns, row, strict=True))


def test_a_first_crawl_schedules_each_page_by_its_date(db: Path) -> None:
    """An archive crawled for the first time: yesterday's article is due tomorrow, a three-year-old one
    in 120 days; a night reads the most overdue first."""
    published = {url("moi"): NIGHT - timedelta(days=1), url("cu"): NIGHT - timedelta(days=3 * 365)}
    land(db, [page("moi"), page("cu")], NIGHT, published=published)
    assert schedule(db, "moi")["next_visit_at"] == NIGHT + timedelta(days=1)
    assert schedule(db, "cu")["next_visit_at"] == NIGHT + timedelta(days=120)
    assert due(db, NIGHT) == []
    assert due(db, NIGHT + timedelta(days=1, minutes=-30)) == ["moi"]  # tonight's run starting a bit early
    assert due(db, NIGHT + timedelta(days=200)) == ["moi", "cu"]


def test_a_change_makes_a_page_young_and_ads_do_not(db: Path) -> None:
    old = {url("a"): NIGHT - timedelta(days=400), url("b"): NIGHT - timedelta(days=400)}
    land(
        db,
        [page("a"), page("b")],
        NIGHT,
        published=old,
        fingerprints={url("a"): "text 1", url("b"): "text 1"},
    )
    later = NIGHT + timedelta(days=120)
    # a: its text changed; b: only the ads around the same text did (a new body, the same fingerprint)
    land(
        db,
        [page("a", body="<p>sửa</p>"), page("b", body="<p>quảng cáo mới</p>")],
        later,
        fingerprints={url("a"): "text 2", url("b"): "text 1"},
    )
    assert schedule(db, "a")["changed_at"] == later
    assert schedule(db, "a")["next_visit_at"] == later + timedelta(days=1)
    assert schedule(db, "b")["changed_at"] is None
    assert schedule(db, "b")["next_visit_at"] == later + timedelta(days=120)


def test_an_unchanged_answer_moves_the_next_visit_further_away(db: Path) -> None:
    land(db, [page("a")], NIGHT, published={url("a"): NIGHT - timedelta(days=10)})
    assert schedule(db, "a")["next_visit_at"] == NIGHT + timedelta(days=4)
    later = NIGHT + timedelta(days=4)
    land(db, [page("a", status=304)], later)
    assert schedule(db, "a")["next_visit_at"] == later + timedelta(days=4)  # quiet 14 days: 7, so 4
    much_later = NIGHT + timedelta(days=30)
    land(db, [page("a", status=304)], much_later)
    assert schedule(db, "a")["next_visit_at"] == much_later + timedelta(days=16)


def test_a_failure_is_asked_again_the_next_night_and_a_removal_is_a_change(db: Path) -> None:
    old = NIGHT - timedelta(days=400)
    land(db, [page("a"), page("b")], NIGHT, published={url("a"): old, url("b"): old})
    later = NIGHT + timedelta(days=120)
    land(db, [page("a", status=503), page("b", status=404)], later)
    assert schedule(db, "a")["next_visit_at"] == later + timedelta(days=1)
    assert schedule(db, "a")["changed_at"] is None  # a failure says nothing of the page
    assert schedule(db, "b")["changed_at"] == later and schedule(db, "b")["fingerprint"] == "HTTP 404"
    assert schedule(db, "b")["next_visit_at"] == later + timedelta(days=1)  # gone: looked at again soon


def test_what_a_crawl_left_is_due_the_next_night(db: Path) -> None:
    """Pages the time budget left: a known one keeps its place, a new one (never fetched) is scheduled."""
    land(db, [page("a")], NIGHT, published={url("a"): NIGHT - timedelta(days=400)})
    later = NIGHT + timedelta(days=1)
    land(db, [], later, left={url("a"): "article", url("moi"): "article"})
    assert schedule(db, "moi")["last_reason"] == "left" and schedule(db, "moi")["last_visit_at"] is None
    assert due(db, later + timedelta(days=1)) == ["a", "moi"]


def test_sitemap_lastmods_are_recorded_when_they_can_be_trusted(db: Path) -> None:
    """A page fetched tonight keeps the lastmod it was fetched with; a known page not fetched takes the
    sitemap's value only when it is no newer than our last visit (else the change it announces would be
    forgotten before we fetched it)."""
    land(db, [page("a"), page("b"), page("c")], NIGHT)
    later = NIGHT + timedelta(days=2)
    lastmods = {
        url("a"): NIGHT - timedelta(days=30),  # fetched tonight: recorded
        url("b"): NIGHT - timedelta(days=30),  # not fetched, older than our visit: recorded
        url("c"): NIGHT + timedelta(days=1),  # not fetched, newer than our visit: not recorded
    }
    land(db, [page("a", status=304)], later, lastmods=lastmods)
    assert schedule(db, "a")["sitemap_lastmod"] == NIGHT - timedelta(days=30)
    assert schedule(db, "b")["sitemap_lastmod"] == NIGHT - timedelta(days=30)
    assert schedule(db, "c")["sitemap_lastmod"] is None


def test_pages_landed_before_the_schedule_existed_are_scheduled_from_what_is_stored(db: Path) -> None:
    land(db, [page("a"), page("b")], NIGHT)
    with connect(db) as connection:
        connection.execute("DELETE FROM raw.visit_schedule")  # as before migration 010
        connection.execute(
            "UPDATE raw.pages SET first_seen_at = ?, last_seen_at = ? WHERE url = ?",
            [NIGHT - timedelta(days=500), NIGHT, url("b")],
        )
    assert due(db, NIGHT) == []  # scheduled from their last sighting: b, quiet 500 days, in 120
    assert query(db, "SELECT count(*) FROM raw.visit_schedule") == [(2,)]
    assert schedule(db, "b")["next_visit_at"] == NIGHT + timedelta(days=120)
