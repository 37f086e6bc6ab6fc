"""Discovery on one site, scripted on pytest-httpserver: which URLs a crawl asks for, and when a
listing walk stops (first crawl, incremental rerun, full walk, robots, canonical URLs, sitemaps)."""

from __future__ import annotations

import gzip
import hashlib
import itertools
import logging
import re
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from sample_portal.pdf import render_pdf
from scrapers.config import load_sites
from scrapers.crawl import KnownPages, SiteCrawl, Validators, Visit, crawl_site
from scrapers.http import PoliteClient, Politeness
from scrapers.parse import VIETNAM
from scrapers.revisit import RevisitPolicy
from scrapers.types import FetchResult

SITE = load_sites()["thoidai"]  # listings /huu-nghi and /doi-ngoai-nhan-dan, ?page=N, a sitemap
BASE = "https://thoidai.com.vn"
FAST = Politeness(delay=0.0, backoff=0.01, max_wait=0.05, timeout=2.0)
Route = Callable[[Request], Response]


def conditional(body: str | bytes, content_type: str = "text/html; charset=utf-8") -> Route:
    """A route answering `body` with an ETag, and 304 to a matching If-None-Match."""
    data = body.encode() if isinstance(body, str) else body
    etag = f'"{hashlib.sha256(data).hexdigest()[:16]}"'

    def route(request: Request) -> Response:
        if request.headers.get("If-None-Match") == etag:
            return Response(b"", status=304, headers={"ETag": etag})
        return Response(data, content_type=content_type, headers={"ETag": etag})

    return route


def fixed(status: int, body: str = "", content_type: str = "text/html; charset=utf-8") -> Route:
    return lambda _: Response(body, status=status, content_type=content_type)


def serve(httpserver: HTTPServer, routes: dict[str, Route]) -> None:
    """Script the server with `routes` (path and query, exactly as sent) in place of what it had;
    anything else answers 404, like a site past its last listing page."""
    httpserver.clear_all_handlers()
    for target, route in routes.items():
        path, _, query = target.partition("?")
        httpserver.expect_request(path, query_string=query).respond_with_handler(route)
    httpserver.expect_request(re.compile(".*")).respond_with_handler(fixed(404))


def listing(*hrefs: str) -> str:
    items = "".join(f'<li><a href="{href}">Bài {href}</a></li>' for href in hrefs)
    return f'<html><body><ul class="menu"><li><a href="/lien-he">Liên hệ</a></li></ul><ul>{items}</ul></body></html>'


def article(slug: str, attachment: str | None = None) -> str:
    link = f'<p><a class="attachment" href="{attachment}">Công văn kèm theo</a></p>' if attachment else ""
    return (
        f'<html><body><h1 class="article-title">Tin {slug}</h1><div class="article-date">07:05 | 04/11/2020</div>'
        f'<div class="article-content"><p>Nội dung của bài {slug}.</p>{link}</div></body></html>'
    )


def site_routes(first_page: tuple[str, ...], second_page: tuple[str, ...]) -> dict[str, Route]:
    routes = {
        "/robots.txt": fixed(200, "User-agent: *\nDisallow: /bi-mat-\n", "text/plain"),
        "/huu-nghi": conditional(listing(*first_page)),
        "/huu-nghi?page=2": conditional(listing(*second_page)),
        "/huu-nghi?page=3": conditional(listing("/a-6.html", "/a-7.html")),
        "/doi-ngoai-nhan-dan": conditional(listing("/b-11.html")),
        "/sitemap.xml": conditional(urlset(f"{BASE}/s-21.html"), "application/xml"),
        "/uploads/cv-1.pdf": conditional(render_pdf("Công văn số 1"), "application/pdf"),
    }
    for slug in ("a-0", "a-1", "a-2", "a-3", "a-4", "a-5", "a-6", "a-7", "b-11", "s-21", "s-22", "bi-mat-9"):
        routes[f"/{slug}.html"] = conditional(
            article(slug, "/uploads/cv-1.pdf#trang-2" if slug == "a-1" else None)
        )
    return routes


def script_site(httpserver: HTTPServer, first_page: tuple[str, ...], second_page: tuple[str, ...]) -> None:
    serve(httpserver, site_routes(first_page, second_page))


def urlset(*locs: str, namespace: str = "") -> str:
    entries = "".join(f"<url><loc>{loc}</loc></url>" for loc in locs)
    xmlns = f' xmlns="{namespace}"' if namespace else ""
    return f'<?xml version="1.0" encoding="UTF-8"?><urlset{xmlns}>{entries}</urlset>'


FIRST_PAGE = (
    "/a-1.html#binh-luan",  # a fragment
    "https://www.thoidai.com.vn/a-2.html",  # the www host, absolute
    "a-3.html",  # relative to the listing
    "https://baokhac.vn/x-5.html",  # off-site
    "/bi-mat-9.html",  # forbidden by robots.txt
)
SECOND_PAGE = ("/a-4.html", "/a-5.html")


def crawl(httpserver: HTTPServer, known: KnownPages | None = None, full: bool = False) -> list[FetchResult]:
    return crawled(httpserver, known, full).results


def crawled(
    httpserver: HTTPServer, known: KnownPages | None = None, full: bool = False, **options
) -> SiteCrawl:
    """One crawl of the scripted site; `options` go to crawl_site (policy, time_budget)."""
    with PoliteClient(load_sites(), FAST, portal=httpserver.url_for("/").rstrip("/")) as client:
        return crawl_site(SITE, client, known or KnownPages(), full, **options)


def remember(results: list[FetchResult]) -> KnownPages:
    """What the warehouse would hold after these results: each page with its validators."""
    known = KnownPages()
    for result in results:
        if result.ok:
            known.kinds[result.url] = result.kind
            known.referrers[result.url] = result.referrer
            known.validators[result.url] = Validators(result.headers.get("etag"), None)
    return known


def asked(httpserver: HTTPServer) -> list[str]:
    """Path and query of every request but robots.txt's, as sent, oldest first."""
    return [request.environ["REQUEST_URI"] for request, _ in httpserver.log if request.path != "/robots.txt"]


def requests_to(httpserver: HTTPServer, target: str) -> list[Request]:
    return [request for request, _ in httpserver.log if request.environ["REQUEST_URI"] == target]


def test_a_first_crawl_walks_every_listing_page_and_fetches_what_it_links(httpserver: HTTPServer) -> None:
    script_site(httpserver, FIRST_PAGE, SECOND_PAGE)
    results = crawl(httpserver)
    articles = {result.url for result in results if result.kind == "article"}
    assert articles == {
        f"{BASE}/{slug}.html" for slug in ("a-1", "a-2", "a-3", "a-4", "a-5", "a-6", "a-7", "b-11", "s-21")
    }
    listings = [path for path in asked(httpserver) if path.startswith(("/huu-nghi", "/doi-ngoai"))]
    assert listings == [
        "/huu-nghi",
        "/huu-nghi?page=2",
        "/huu-nghi?page=3",
        "/huu-nghi?page=4",  # 404: past the last page
        "/doi-ngoai-nhan-dan",
        "/doi-ngoai-nhan-dan?page=2",
    ]
    assert "/bi-mat-9.html" not in asked(httpserver)  # robots.txt: never requested
    [attachment] = [result for result in results if result.kind == "attachment"]
    assert attachment.url.startswith(f"{BASE}/uploads/cv-1.pdf") and attachment.ok
    assert attachment.referrer == f"{BASE}/a-1.html"
    assert all(result.url.startswith(BASE + "/") for result in results)
    assert all("#" not in result.url for result in results if result.kind != "attachment")


def test_attachment_urls_are_canonical_too(httpserver: HTTPServer) -> None:
    script_site(httpserver, FIRST_PAGE, SECOND_PAGE)
    results = crawl(httpserver)
    assert [r.url for r in results if r.kind == "attachment"] == [f"{BASE}/uploads/cv-1.pdf"]


def test_an_incremental_walk_stops_at_the_first_page_with_nothing_unseen(httpserver: HTTPServer) -> None:
    script_site(httpserver, FIRST_PAGE, SECOND_PAGE)
    known = remember(crawl(httpserver))
    httpserver.clear_log()
    # a new article tops the listing and pushes the others down a page
    script_site(httpserver, ("/a-0.html", "/a-1.html", "/a-2.html"), ("/a-3.html", "/a-4.html", "/a-5.html"))
    results = crawl(httpserver, known)
    assert "/huu-nghi?page=2" in asked(httpserver)  # page 1 showed an unseen article
    assert "/huu-nghi?page=3" not in asked(httpserver)  # page 2 showed none
    new = [result.url for result in results if result.kind == "article" and result.url not in known.kinds]
    assert new == [f"{BASE}/a-0.html"]
    # known articles on the first page, which changed: revisited tonight, with a conditional GET
    revisits = requests_to(httpserver, "/a-1.html")
    assert revisits and revisits[0].headers.get("If-None-Match")
    assert all(result.status == 304 for result in results if result.url == f"{BASE}/a-1.html")
    assert not requests_to(httpserver, "/a-7.html")  # known, deeper, not due: left for its turn


def test_an_unchanged_site_costs_only_304s(httpserver: HTTPServer) -> None:
    script_site(httpserver, FIRST_PAGE, SECOND_PAGE)
    known = remember(crawl(httpserver))
    results = crawl(httpserver, known)
    assert {result.status for result in results} == {304}
    assert [result.url for result in results if result.kind == "listing"] == [
        f"{BASE}/huu-nghi",
        f"{BASE}/doi-ngoai-nhan-dan",
    ]  # each walk stops at its unchanged first page


def test_a_full_walk_reads_every_listing_page_unconditionally(httpserver: HTTPServer) -> None:
    script_site(httpserver, FIRST_PAGE, SECOND_PAGE)
    known = remember(crawl(httpserver))
    httpserver.clear_log()
    crawl(httpserver, known, full=True)
    listing_requests = [r for r, _ in httpserver.log if r.path.startswith("/huu-nghi")]
    assert [r.environ["REQUEST_URI"] for r in listing_requests] == [
        "/huu-nghi",
        "/huu-nghi?page=2",
        "/huu-nghi?page=3",
        "/huu-nghi?page=4",
    ]
    assert not any(r.headers.get("If-None-Match") for r in listing_requests)


def test_a_listing_walk_that_failed_last_time_is_walked_in_full(httpserver: HTTPServer) -> None:
    script_site(httpserver, FIRST_PAGE, SECOND_PAGE)
    known = remember(crawl(httpserver))
    known.failed[f"{BASE}/huu-nghi?page=2"] = "listing"
    httpserver.clear_log()
    crawl(httpserver, known)
    assert "/huu-nghi?page=3" in asked(httpserver)


def test_a_known_article_that_is_gone_answers_404(httpserver: HTTPServer, tmp_path: Path) -> None:
    script_site(httpserver, FIRST_PAGE, SECOND_PAGE)
    known = remember(crawl(httpserver))
    routes = site_routes(FIRST_PAGE, SECOND_PAGE)
    del routes["/a-7.html"]
    serve(httpserver, routes)
    known.due[f"{BASE}/a-7.html"] = "article"  # its turn has come
    results = crawl(httpserver, known)
    [gone] = [result for result in results if result.url == f"{BASE}/a-7.html"]
    assert gone.gone and gone.status == 404


@pytest.mark.parametrize("missing", ["/huu-nghi?page=2"])
def test_a_failed_listing_page_ends_that_walk_but_not_the_crawl(httpserver: HTTPServer, missing: str) -> None:
    routes = site_routes(FIRST_PAGE, SECOND_PAGE)
    routes[missing] = fixed(503, "down")
    serve(httpserver, routes)
    results = crawl(httpserver)
    [failed] = [result for result in results if result.url == BASE + missing]
    assert failed.status == 503
    assert "/huu-nghi?page=3" not in asked(httpserver)
    assert "/doi-ngoai-nhan-dan" in asked(httpserver)  # the other listing is still walked
    assert any(result.url == f"{BASE}/a-1.html" and result.ok for result in results)


def test_a_page_the_parser_chokes_on_does_not_end_the_crawl(httpserver: HTTPServer) -> None:
    routes = site_routes(FIRST_PAGE, SECOND_PAGE)
    deep = '<h1 class="article-title">T</h1><div class="article-content">' + "<div>" * 3000 + "chữ"
    routes["/a-3.html"] = conditional(deep + "</div>" * 3000 + "</div>")
    serve(httpserver, routes)
    results = crawl(httpserver)
    assert any(result.url == f"{BASE}/a-3.html" and result.ok for result in results)
    assert any(result.url == f"{BASE}/a-7.html" and result.ok for result in results)
    assert any(result.kind == "attachment" and result.ok for result in results)


def test_an_unreadable_link_is_skipped_and_logged_and_the_crawl_goes_on(
    httpserver: HTTPServer, caplog: pytest.LogCaptureFixture
) -> None:
    """urllib raises ValueError on "http://[bad" (an unclosed IPv6 bracket); it once ended the site's crawl."""
    routes = site_routes(("/a-1.html", "http://[bad", "/a-2.html"), SECOND_PAGE)
    routes["/a-2.html"] = conditional(article("a-2", attachment="http://[bad/cv.pdf"))
    routes["/sitemap.xml"] = conditional(urlset("http://[bad", f"{BASE}/s-21.html"), "application/xml")
    serve(httpserver, routes)
    with caplog.at_level(logging.WARNING, logger="doingoai.scrapers"):
        results = crawl(httpserver)
    fetched = {result.url for result in results if result.ok}
    assert {f"{BASE}/{slug}.html" for slug in ("a-1", "a-2", "a-5", "a-7", "b-11", "s-21")} <= fetched
    warnings = [record.getMessage() for record in caplog.records]
    assert any("'http://[bad'" in warning and f"{BASE}/huu-nghi" in warning for warning in warnings)


# --- sitemaps ---------------------------------------------------------------------------------

SITEMAPS = "http://www.sitemaps.org/schemas/sitemap/0.9"


def sitemap_index(*locs: str) -> str:
    entries = "".join(f"<sitemap><loc>{loc}</loc></sitemap>" for loc in locs)
    return f'<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="{SITEMAPS}">{entries}</sitemapindex>'


def with_sitemap(httpserver: HTTPServer, **sitemaps: str) -> None:
    """The scripted site, its sitemaps replaced: `sitemap_xml=...` serves /sitemap.xml, and so on."""
    routes = site_routes(FIRST_PAGE, SECOND_PAGE)
    for name, body in sitemaps.items():
        routes["/" + name.replace("_", "-").replace("-xml", ".xml")] = conditional(body, "application/xml")
    serve(httpserver, routes)


def test_sitemap_entities_are_read_as_xml_and_extensions_are_not_pages(httpserver: HTTPServer) -> None:
    """`&amp;` is `&` (the old regex kept `&amp;` in the URL); an <image:loc> is not a page."""
    image = "http://www.google.com/schemas/sitemap-image/1.1"
    sitemap = (
        f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="{SITEMAPS}" xmlns:image="{image}">'
        f"<url><loc> {BASE}/s-21.html?nguon=sitemap&amp;v=2 </loc>"
        f"<image:image><image:loc>{BASE}/anh-99.html</image:loc></image:image></url>"
        "<url><loc>https://www.thoidai.com.vn/s-22.html#dau-trang</loc></url></urlset>"
    )
    with_sitemap(httpserver, sitemap_xml=sitemap)
    results = crawl(httpserver)
    from_sitemap = [r.url for r in results if r.kind == "article" and r.referrer == f"{BASE}/sitemap.xml"]
    assert from_sitemap == [f"{BASE}/s-21.html?nguon=sitemap&v=2", f"{BASE}/s-22.html"]
    assert "/s-21.html?nguon=sitemap&v=2" in asked(httpserver)
    assert not any("anh-99" in path for path in asked(httpserver))


def test_a_sitemap_index_is_followed_through_the_polite_client(httpserver: HTTPServer) -> None:
    index = sitemap_index(
        f"{BASE}/sitemap-1.xml",
        "https://www.thoidai.com.vn/sitemap-2.xml",  # the www host: the same site
        "https://baokhac.vn/sitemap.xml",  # off-site: not followed
        f"{BASE}/bi-mat-sitemap.xml",  # forbidden by robots.txt: never requested
    )
    with_sitemap(
        httpserver,
        sitemap_xml=index,
        sitemap_1_xml=urlset(f"{BASE}/s-21.html", namespace=SITEMAPS),
        sitemap_2_xml=urlset(f"{BASE}/s-22.html", f"{BASE}/s-21.html"),
    )
    results = crawl(httpserver)
    referrers = {r.url: r.referrer for r in results if r.kind == "article"}
    assert referrers[f"{BASE}/s-21.html"] == f"{BASE}/sitemap-1.xml"  # the first sitemap to list it
    assert referrers[f"{BASE}/s-22.html"] == f"{BASE}/sitemap-2.xml"
    sitemaps = [path for path in asked(httpserver) if "sitemap" in path]
    assert sitemaps == ["/sitemap.xml", "/sitemap-1.xml", "/sitemap-2.xml"]
    assert all(r.ok and r.error is None for r in results if r.kind == "sitemap")


def test_an_unchanged_sitemap_index_still_rereads_its_children(httpserver: HTTPServer) -> None:
    """A 304 on the index says nothing of its children: the ones read last time are asked again,
    conditionally, so an article added to a child is found."""
    index = sitemap_index(f"{BASE}/sitemap-1.xml")
    with_sitemap(httpserver, sitemap_xml=index, sitemap_1_xml=urlset(f"{BASE}/s-21.html"))
    known = remember(crawl(httpserver))
    with_sitemap(
        httpserver, sitemap_xml=index, sitemap_1_xml=urlset(f"{BASE}/s-21.html", f"{BASE}/s-22.html")
    )
    httpserver.clear_log()
    results = crawl(httpserver, known)
    sitemaps = {r.url: r.status for r in results if r.kind == "sitemap"}
    assert sitemaps == {f"{BASE}/sitemap.xml": 304, f"{BASE}/sitemap-1.xml": 200}
    assert any(r.url == f"{BASE}/s-22.html" and r.ok for r in results)
    assert requests_to(httpserver, "/sitemap-1.xml")[0].headers.get("If-None-Match")


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        (f"<urlset><url><loc>{BASE}/s-21.html</loc></url>", "not well-formed XML"),  # cut short
        (f"<urlset><url><loc>{BASE}/s-21.html?a=1&b=2</loc></url></urlset>", "not well-formed XML"),
        ("<html><body>Trang không tồn tại</body></html>", "<html>"),  # a soft 404 page
        ("", "not well-formed XML"),
    ],
)
def test_a_malformed_sitemap_is_a_recorded_error_and_the_crawl_goes_on(
    httpserver: HTTPServer, body: str, problem: str
) -> None:
    with_sitemap(httpserver, sitemap_xml=body)
    results = crawl(httpserver)
    [sitemap] = [r for r in results if r.kind == "sitemap"]
    assert sitemap.status == 200 and (sitemap.error or "").startswith("unreadable sitemap: ")
    assert problem in (sitemap.error or "")
    assert "/s-21.html" not in asked(httpserver)  # nothing is guessed out of a broken sitemap
    assert any(r.url == f"{BASE}/a-7.html" and r.ok for r in results)  # the listings are still walked
    assert any(r.kind == "attachment" and r.ok for r in results)


# --- the revisit policy: what a night asks for of the pages it knows ----------------------------

ARTICLES = [
    f"{BASE}/{slug}.html" for slug in ("a-1", "a-2", "a-3", "a-4", "a-5", "a-6", "a-7", "b-11", "s-21")
]


def known_after_first_crawl(httpserver: HTTPServer) -> KnownPages:
    """What the warehouse holds after a first crawl, with every page visited then and none due."""
    known = remember(crawl(httpserver))
    known.visits = {url: Visit(datetime(2026, 11, 1, tzinfo=UTC), None) for url in known.kinds}
    httpserver.clear_log()
    return known


def articles_asked(httpserver: HTTPServer) -> list[str]:
    return [path for path in asked(httpserver) if path.endswith(".html")]


def dated_urlset(*entries: tuple[str, str]) -> str:
    items = "".join(f"<url><loc>{loc}</loc><lastmod>{lastmod}</lastmod></url>" for loc, lastmod in entries)
    return f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="{SITEMAPS}">{items}</urlset>'


def test_a_quiet_night_asks_only_for_what_is_due(httpserver: HTTPServer) -> None:
    script_site(httpserver, FIRST_PAGE, SECOND_PAGE)
    known = known_after_first_crawl(httpserver)
    known.due = {f"{BASE}/a-7.html": "article", f"{BASE}/uploads/cv-1.pdf": "attachment"}
    night = crawled(httpserver, known)
    assert articles_asked(httpserver) == ["/a-7.html"]
    assert [r.url for r in night.results if r.kind == "attachment"] == [f"{BASE}/uploads/cv-1.pdf"]
    assert night.reasons == {f"{BASE}/a-7.html": "due", f"{BASE}/uploads/cv-1.pdf": "due"}
    assert night.deferred == 0 and night.stopped is None


def test_a_full_crawl_revisits_every_known_page_whatever_the_schedule(httpserver: HTTPServer) -> None:
    script_site(httpserver, FIRST_PAGE, SECOND_PAGE)
    known = known_after_first_crawl(httpserver)
    night = crawled(httpserver, known, full=True, policy=RevisitPolicy(budget=1))
    assert {r.url for r in night.results if r.kind == "article"} == set(ARTICLES)
    assert set(night.reasons.values()) == {"full"} and night.deferred == 0


def test_a_newer_sitemap_lastmod_brings_a_known_article_forward(httpserver: HTTPServer) -> None:
    """s-21's lastmod moved past the one recorded when we fetched it: revisited tonight, not yet due.
    s-22's did not: left alone. The lastmods read are handed on, for the schedule to record."""
    before = (f"{BASE}/s-21.html", "2026-10-01"), (f"{BASE}/s-22.html", "2026-10-01")
    with_sitemap(httpserver, sitemap_xml=dated_urlset(*before))
    known = remember(crawl(httpserver))
    seen = datetime(2026, 10, 1, tzinfo=VIETNAM)
    known.visits = {url: Visit(datetime(2026, 11, 25, tzinfo=UTC), seen) for url in known.kinds}
    after = (f"{BASE}/s-21.html", "2026-11-20"), (f"{BASE}/s-22.html", "2026-10-01")
    with_sitemap(httpserver, sitemap_xml=dated_urlset(*after))
    httpserver.clear_log()
    night = crawled(httpserver, known)
    assert articles_asked(httpserver) == ["/s-21.html"]
    assert night.reasons == {f"{BASE}/s-21.html": "sitemap"}
    assert night.lastmods[f"{BASE}/s-21.html"] == datetime(2026, 11, 20, tzinfo=VIETNAM)


def test_known_articles_on_a_changed_first_listing_page_are_revisited(httpserver: HTTPServer) -> None:
    """An old article bumped to the top of a listing is a sign it changed; deeper pages only say what
    is new."""
    script_site(httpserver, FIRST_PAGE, SECOND_PAGE)
    known = known_after_first_crawl(httpserver)
    script_site(httpserver, ("/a-0.html", "/a-7.html", "/a-1.html"), ("/a-2.html", "/a-3.html", "/a-4.html"))
    night = crawled(httpserver, known)
    assert articles_asked(httpserver) == ["/a-0.html", "/a-7.html", "/a-1.html"]
    assert night.reasons == {
        f"{BASE}/a-0.html": "new",
        f"{BASE}/a-7.html": "listing",
        f"{BASE}/a-1.html": "listing",
    }


def test_the_revisit_budget_takes_the_brought_forward_first_then_the_most_overdue(
    httpserver: HTTPServer,
) -> None:
    script_site(httpserver, FIRST_PAGE, SECOND_PAGE)
    known = known_after_first_crawl(httpserver)
    script_site(httpserver, ("/a-0.html", "/a-7.html"), ())  # a new article, and a-7 bumped
    known.due = {
        f"{BASE}/{slug}.html": "article" for slug in ("a-5", "a-4", "a-3", "a-2")
    }  # most overdue first
    night = crawled(httpserver, known, policy=RevisitPolicy(budget=2))
    assert articles_asked(httpserver) == ["/a-0.html", "/a-7.html", "/a-5.html"]  # new pages are not counted
    assert (night.over_budget, night.deferred) == (3, 3)
    assert night.left == {}  # the due pages stay due as they are; nothing was brought forward and left


def test_when_the_time_budget_is_spent_the_rest_waits_for_the_next_night(httpserver: HTTPServer) -> None:
    """A clock that moves one second per look: the budget lets the crawl begin, then stops it; what it
    wanted and did not ask for is reported, to stay due."""
    script_site(httpserver, FIRST_PAGE, SECOND_PAGE)
    ticks = itertools.count()
    night = crawled(httpserver, time_budget=8, clock=lambda: float(next(ticks)))
    asked_paths = asked(httpserver)
    assert asked_paths[:3] == ["/huu-nghi", "/huu-nghi?page=2", "/huu-nghi?page=3"]
    assert len(asked_paths) < 10
    assert night.stopped == "time budget of 8 s spent"
    fetched = {r.url for r in night.results if r.kind == "article"}
    assert night.left and not (night.left.keys() & fetched)
    assert night.deferred == len(night.left)


def test_a_sitemap_index_child_whose_lastmod_did_not_move_is_not_read(httpserver: HTTPServer) -> None:
    index = (
        f'<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="{SITEMAPS}">'
        f"<sitemap><loc>{BASE}/sitemap-1.xml</loc><lastmod>2024-01-31</lastmod></sitemap>"
        f"<sitemap><loc>{BASE}/sitemap-2.xml</loc><lastmod>2026-11-28T09:00:00+07:00</lastmod></sitemap>"
        "</sitemapindex>"
    )
    with_sitemap(
        httpserver,
        sitemap_xml=index,
        sitemap_1_xml=urlset(f"{BASE}/s-21.html"),
        sitemap_2_xml=urlset(f"{BASE}/s-22.html"),
    )
    known = KnownPages()
    read_then = datetime(2026, 11, 27, tzinfo=UTC)
    known.visits = {
        f"{BASE}/sitemap-1.xml": Visit(read_then, datetime(2024, 1, 31, tzinfo=VIETNAM)),  # as it is now
        f"{BASE}/sitemap-2.xml": Visit(read_then, datetime(2026, 11, 1, tzinfo=VIETNAM)),  # it moved since
    }
    night = crawled(httpserver, known)
    assert [path for path in asked(httpserver) if "sitemap" in path] == ["/sitemap.xml", "/sitemap-2.xml"]
    assert night.lastmods[f"{BASE}/sitemap-2.xml"] == datetime(2026, 11, 28, 9, tzinfo=VIETNAM)
    full = crawled(httpserver, known, full=True)
    assert f"{BASE}/sitemap-1.xml" in {r.url for r in full.results if r.kind == "sitemap"}


def test_a_gzipped_sitemap_is_read(httpserver: HTTPServer) -> None:
    routes = site_routes(FIRST_PAGE, SECOND_PAGE)
    routes["/sitemap.xml"] = conditional(
        gzip.compress(urlset(f"{BASE}/s-22.html").encode()), "application/x-gzip"
    )
    serve(httpserver, routes)
    results = crawl(httpserver)
    assert any(r.url == f"{BASE}/s-22.html" and r.ok for r in results)


def test_pages_are_handed_to_the_warehouse_in_batches_and_not_kept(httpserver: HTTPServer) -> None:
    script_site(httpserver, FIRST_PAGE, SECOND_PAGE)
    batches: list[tuple[list[str], bool]] = []

    def land(batch: list[FetchResult], crawl: SiteCrawl, final: bool) -> None:
        batches.append(([r.kind for r in batch], final))

    night = crawled(httpserver, land=land, batch_size=4)
    assert [final for _, final in batches] == [False] * (len(batches) - 1) + [True]
    handed = [kind for kinds, _ in batches for kind in kinds]
    assert handed.count("article") == len(ARTICLES) and handed.count("attachment") == 1
    assert {r.kind for r in night.results} == {"listing", "sitemap"}  # no page body is held to the end
