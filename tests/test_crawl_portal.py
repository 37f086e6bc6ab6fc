"""The crawler and the raw landing against the real sample portal on loopback."""

from __future__ import annotations

import re
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from sample_portal.model import SITES
from sample_portal.server import Portal, PortalState
from scrapers.http import Politeness
from tests.conftest import StartPortal
from tests.queries import query, scalar
from warehouse.landing import CrawlSummary, crawl_sites, parse_pending

FAST = Politeness(delay=0.0, backoff=0.02, max_wait=0.1, timeout=1.0)  # Retry-After is capped at max_wait
SEED_URLS = {  # seed stem -> its page on the sample portal
    "000": "https://thoidai.com.vn/can-tho-tang-cuong-su-lanh-dao-cua-dang-nang-cao-hieu-qua-cong-tac-doi-ngoai-nhan-dan-186101.html",
    "002": "https://mattrancantho.vn/tin-tuc/",
    "003": "https://nhipsongmientay.vn/",
    "004": "https://thoidai.com.vn/",
}
SEED_IDS = {"000": "186101", "002": "4121", "003": "a7093", "004": "106215"}


def token_f1(predicted: str, expected: str) -> float:
    ours, theirs = (
        Counter(re.findall(r"\w+", predicted.lower())),
        Counter(re.findall(r"\w+", expected.lower())),
    )
    overlap = sum((ours & theirs).values())
    if not overlap:
        return 0.0
    precision, recall = overlap / sum(ours.values()), overlap / sum(theirs.values())
    return 2 * precision * recall / (precision + recall)


def crawl(
    db: Path, portal_url: str, politeness: Politeness = FAST, full: bool = False, now: datetime | None = None
) -> dict[str, CrawlSummary]:
    summaries = crawl_sites(db, portal=portal_url, politeness=politeness, full=full, now=now)
    parse_pending(db)
    return summaries


@pytest.fixture(scope="module")
def first_crawl(tmp_path_factory: pytest.TempPathFactory, sample_portal: StartPortal):
    """One crawl of the day-1 portal, shared by the read-only assertions below."""
    db = tmp_path_factory.mktemp("crawl") / "warehouse.duckdb"
    with sample_portal() as portal:
        summaries = crawl(db, portal.url)
        yield db, summaries, portal.stats()


def test_every_site_lands_with_enough_documents(first_crawl) -> None:
    db, summaries, _ = first_crawl
    counts = dict(query(db, "SELECT site, count(*) FROM raw.documents GROUP BY 1"))
    assert set(counts) == set(SITES)
    assert sum(counts.values()) >= 65
    assert all(summary.failed == 0 for summary in summaries.values())


def test_seed_bodies_match_the_dev_texts_without_sidebars(first_crawl, shared_dir: Path) -> None:
    db, _, _ = first_crawl
    seeds = {seed.stem[:3]: seed.read_text(encoding="utf-8") for seed in (shared_dir / "seeds").glob("*.txt")}
    for stem, marker in SEED_IDS.items():
        [(title, body)] = query(
            db, "SELECT title, body_text FROM raw.documents WHERE url LIKE ?", f"%-{marker}%"
        )
        dev = next((shared_dir / "eval" / "dev" / "texts").glob(f"{stem}_*.txt")).read_text(encoding="utf-8")
        assert token_f1(f"{title}\n{body}", dev) >= 0.95, stem
        sidebar = (
            seeds[stem][seeds[stem].find("Tin bài liên quan") :] if "Tin bài liên quan" in seeds[stem] else ""
        )
        for headline in [line for line in sidebar.splitlines()[1:] if len(line) > 30][:10]:
            if headline.strip() not in dev:
                assert headline.strip() not in body, (stem, headline)


def test_inline_related_boxes_are_dropped(first_crawl, shared_dir: Path) -> None:
    db, _, _ = first_crawl
    seed = next((shared_dir / "seeds").glob("004_*.txt")).read_text(encoding="utf-8")
    doubled = [
        line
        for line in seed.splitlines()
        if len(line) > 20 and line[: len(line) // 2].strip() == line[len(line) // 2 :].strip()
    ]
    [(body,)] = query(db, "SELECT body_text FROM raw.documents WHERE url LIKE '%-106215.html'")
    assert doubled
    for line in doubled:
        assert line[: len(line) // 2].strip() not in body


def test_published_at_parsed_for_every_site_format(first_crawl) -> None:
    db, _, _ = first_crawl
    portal = Portal(PortalState())
    expected = {
        f"https://{SITES[a.site].host}{SITES[a.site].article_path(a)}": a.published
        for a in (a.on_day(1) for a in portal.articles)
        if a is not None
    }
    rows = query(db, "SELECT url, published_at FROM raw.documents WHERE kind = 'article'")
    checked: Counter[str] = Counter()
    for url, published_at in rows:
        if expected.get(url) is None:
            assert published_at is None, url  # the page shows no date
            continue
        assert published_at == expected[url], url
        checked[url.split("/")[2]] += 1
    assert set(checked) == {scheme.host for scheme in SITES.values()}


def test_the_pdf_letter_is_extracted(first_crawl, shared_dir: Path) -> None:
    db, _, _ = first_crawl
    [(body, parent)] = query(
        db, "SELECT body_text, parent_url FROM raw.documents WHERE kind = 'pdf' AND url LIKE '%677%'"
    )
    dev = next((shared_dir / "eval" / "dev" / "texts").glob("001_*.txt")).read_text(encoding="utf-8")
    assert token_f1(body, dev) >= 0.95
    assert parent.startswith("https://thanhuycantho.vn/tin-tuc/")


def test_robots_disallowed_paths_are_never_requested(first_crawl) -> None:
    _, _, stats = first_crawl
    requested = {(request["host"], request["path"]) for request in stats["requests"]}
    assert any(path == "/robots.txt" for _, path in requested)
    for scheme in SITES.values():
        assert not any(host == scheme.host and path.startswith(scheme.disallowed) for host, path in requested)


def test_stored_urls_are_the_real_portals_urls(first_crawl) -> None:
    db, _, _ = first_crawl
    hosts = {row[0].split("/")[2] for row in query(db, "SELECT DISTINCT url FROM raw.pages")}
    assert hosts == {scheme.host for scheme in SITES.values()}


def test_a_second_run_transfers_no_body_and_adds_no_row(tmp_path: Path, sample_portal: StartPortal) -> None:
    db = tmp_path / "w.duckdb"
    with sample_portal() as portal:
        crawl(db, portal.url)
        before = query(db, "SELECT (SELECT count(*) FROM raw.pages), (SELECT count(*) FROM raw.documents)")
        summaries = crawl(db, portal.url)
    after = query(db, "SELECT (SELECT count(*) FROM raw.pages), (SELECT count(*) FROM raw.documents)")
    assert before == after
    assert all(s.new == s.changed == s.removed == 0 for s in summaries.values())
    [(run_id,)] = query(db, "SELECT run_id FROM raw.crawl_runs ORDER BY started_at DESC LIMIT 1")
    transferred = query(
        db,
        "SELECT kind, sum(bytes) FROM raw.fetches WHERE run_id = ? AND kind <> 'robots' GROUP BY 1",
        run_id,
    )
    assert all(total == 0 for _, total in transferred), transferred


def test_moving_the_day_forward_yields_the_new_changed_and_removed_pages(
    tmp_path: Path, sample_portal: StartPortal
) -> None:
    db = tmp_path / "w.duckdb"
    day1, day2 = Portal(PortalState(day=1)), Portal(PortalState(day=2))

    def online(portal: Portal) -> dict[str, object]:
        return {f"{a.site}/{a.id}": a for site in SITES for a in portal.online(site)}

    first, second = online(day1), online(day2)
    expected_new = {key.split("/")[0] for key in set(second) - set(first)}
    with sample_portal(day=1) as portal:
        crawl(db, portal.url)
        portal.set_state(day=2)
        # half a year on, by the crawl's clock: the revisit schedule has made every known page due
        summaries = crawl(db, portal.url, now=datetime.now(UTC) + timedelta(days=180))
    new = {site for site, s in summaries.items() if s.new}
    assert new == expected_new
    assert sum(s.new for s in summaries.values()) == 3 + 1  # three articles, one with a PDF attachment
    assert sum(s.changed for s in summaries.values()) == 1
    assert sum(s.removed for s in summaries.values()) == 1
    [(removed_url,)] = query(db, "SELECT DISTINCT url FROM raw.pages WHERE removed_at IS NOT NULL")
    assert removed_url.endswith("-a7109.html")
    versions = query(db, "SELECT count(*) FROM raw.documents WHERE url LIKE '%-150102.html'")
    assert versions == [(2,)]  # both versions of the edited article are kept


def test_transient_failures_still_end_with_everything_landed(
    tmp_path: Path, sample_portal: StartPortal
) -> None:
    clean, flaky = tmp_path / "clean.duckdb", tmp_path / "flaky.duckdb"
    with sample_portal() as portal:
        crawl(clean, portal.url)
    with sample_portal(flaky=0.3) as portal:
        summaries = crawl(flaky, portal.url)
        statuses = Counter(request["status"] for request in portal.stats()["requests"])
    assert statuses[503] + statuses[429] + statuses[504] > 0  # failures really happened
    assert all(s.failed == 0 for s in summaries.values())
    documents = "SELECT url, content_hash FROM raw.documents ORDER BY 1"
    assert query(clean, documents) == query(flaky, documents)


def test_a_failed_fetch_is_recorded_and_the_next_run_picks_it_up(
    tmp_path: Path, sample_portal: StartPortal
) -> None:
    db = tmp_path / "w.duckdb"
    no_retry = Politeness(delay=0.0, attempts=1, timeout=1.0)
    with sample_portal(flaky=0.3) as portal:
        summaries = crawl(db, portal.url, politeness=no_retry)
        assert sum(s.failed for s in summaries.values()) > 0
        errors = scalar(db, "SELECT count(*) FROM raw.fetches WHERE error IS NOT NULL")
        assert errors > 0
        partial = scalar(db, "SELECT count(*) FROM raw.documents")
        portal.set_state(flaky=0.0)
        crawl(db, portal.url, full=True)
    complete = scalar(db, "SELECT count(DISTINCT url) FROM raw.documents")
    assert complete > partial
    clean = Portal(PortalState())
    assert complete == sum(len(clean.online(site)) for site in SITES) + 6  # articles and their PDFs


def test_a_rerun_through_a_portal_on_another_port_adds_nothing(
    tmp_path: Path, sample_portal: StartPortal
) -> None:
    """Stored URLs are the real portals' URLs, so the address that served them does not matter."""
    db = tmp_path / "w.duckdb"
    with sample_portal() as first, sample_portal() as second:
        assert second.url != first.url
        crawl(db, first.url)
        before = query(db, "SELECT (SELECT count(*) FROM raw.pages), (SELECT count(*) FROM raw.documents)")
        summaries = crawl(db, second.url)
    after = query(db, "SELECT (SELECT count(*) FROM raw.pages), (SELECT count(*) FROM raw.documents)")
    assert after == before
    assert all(s.new == s.changed == s.removed == s.failed == 0 for s in summaries.values())
    assert query(db, "SELECT count(DISTINCT portal) FROM raw.crawl_runs") == [(2,)]


def test_a_site_out_of_time_leaves_the_rest_due_for_the_next_night(
    tmp_path: Path, sample_portal: StartPortal
) -> None:
    """Issue 14: a site's crawl has a time budget. With 0.1 s between requests and half a second, the
    crawl reads its listings and a few articles, stops, says why, and the next night (no budget) fetches
    the rest although its listings then answer 304: what was left stayed due."""
    db, site = tmp_path / "w.duckdb", "thanhuycantho"
    slow = Politeness(delay=0.1, backoff=0.02, max_wait=0.2, timeout=2.0)
    with sample_portal() as portal:
        [cut] = crawl_sites(db, [site], portal=portal.url, politeness=slow, time_budget=0.5).values()
        assert cut.stopped == "time budget of 0.5 s spent" and cut.deferred > 5
        notes = query(db, "SELECT site, reason, pages_left FROM raw.crawl_notes")
        assert notes == [(site, "time_budget", cut.deferred)]
        fetched_first = scalar(db, "SELECT count(DISTINCT url) FROM raw.pages WHERE kind = 'article'")
        [rest] = crawl_sites(db, [site], portal=portal.url, politeness=FAST).values()
    assert rest.stopped is None and rest.new >= cut.deferred
    articles = scalar(db, "SELECT count(DISTINCT url) FROM raw.pages WHERE kind = 'article'")
    assert articles == len(Portal(PortalState()).online(site)) > fetched_first
