"""Discovery on one site, scripted on a local server: which URLs a crawl asks for, and when a
listing walk stops (first crawl, incremental rerun, full walk, robots, canonical URLs)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from sample_portal.pdf import render_pdf
from scrapers.config import load_sites
from scrapers.crawl import KnownPages, Validators, crawl_site
from scrapers.http import PoliteClient, Politeness
from scrapers.types import FetchResult
from tests.local_server import Answer, LocalServer, Request, serve

SITE = load_sites()["thoidai"]  # listings /huu-nghi and /doi-ngoai-nhan-dan, ?page=N, a sitemap
BASE = "https://thoidai.com.vn"
FAST = Politeness(delay=0.0, backoff=0.01, max_wait=0.05, timeout=2.0)


@pytest.fixture
def server() -> Iterator[LocalServer]:
    with serve() as running:
        yield running


def conditional(body: str | bytes, content_type: str = "text/html; charset=utf-8"):
    """A route answering `body` with an ETag, and 304 to a matching If-None-Match."""
    data = body.encode() if isinstance(body, str) else body
    etag = f'"{hashlib.sha256(data).hexdigest()[:16]}"'

    def route(request: Request) -> Answer:
        if request.headers.get("if-none-match") == etag:
            return 304, {"ETag": etag}, b""
        return 200, {"Content-Type": content_type, "ETag": etag}, data

    return route


def listing(*hrefs: str) -> str:
    items = "".join(f'<li><a href="{href}">Bài {href}</a></li>' for href in hrefs)
    return f'<html><body><ul class="menu"><li><a href="/lien-he">Liên hệ</a></li></ul><ul>{items}</ul></body></html>'


def article(slug: str, attachment: str | None = None) -> str:
    link = f'<p><a class="attachment" href="{attachment}">Công văn kèm theo</a></p>' if attachment else ""
    return (
        f'<html><body><h1 class="article-title">Tin {slug}</h1><div class="article-date">07:05 | 04/11/2020</div>'
        f'<div class="article-content"><p>Nội dung của bài {slug}.</p>{link}</div></body></html>'
    )


def script_site(server: LocalServer, first_page: tuple[str, ...], second_page: tuple[str, ...]) -> None:
    server.routes["/robots.txt"] = lambda _: (200, {}, b"User-agent: *\nDisallow: /bi-mat-\n")
    server.routes["/huu-nghi"] = conditional(listing(*first_page))
    server.routes["/huu-nghi?page=2"] = conditional(listing(*second_page))
    server.routes["/huu-nghi?page=3"] = conditional(listing("/a-6.html", "/a-7.html"))
    server.routes["/doi-ngoai-nhan-dan"] = conditional(listing("/b-11.html"))
    sitemap = f'<?xml version="1.0"?><urlset><url><loc>{BASE}/s-21.html</loc></url></urlset>'
    server.routes["/sitemap.xml"] = conditional(sitemap, "application/xml")
    for slug in ("a-0", "a-1", "a-2", "a-3", "a-4", "a-5", "a-6", "a-7", "b-11", "s-21", "bi-mat-9"):
        server.routes[f"/{slug}.html"] = conditional(
            article(slug, "/uploads/cv-1.pdf#trang-2" if slug == "a-1" else None)
        )
    server.routes["/uploads/cv-1.pdf"] = conditional(render_pdf("Công văn số 1"), "application/pdf")


FIRST_PAGE = (
    "/a-1.html#binh-luan",  # a fragment
    "https://www.thoidai.com.vn/a-2.html",  # the www host, absolute
    "a-3.html",  # relative to the listing
    "https://baokhac.vn/x-5.html",  # off-site
    "/bi-mat-9.html",  # forbidden by robots.txt
)
SECOND_PAGE = ("/a-4.html", "/a-5.html")


def crawl(server: LocalServer, known: KnownPages | None = None, full: bool = False) -> list[FetchResult]:
    with PoliteClient(load_sites(), FAST, portal=server.url) as client:
        return crawl_site(SITE, client, known or KnownPages(), full)


def remember(results: list[FetchResult]) -> KnownPages:
    """What the warehouse would hold after these results: each page with its validators."""
    known = KnownPages()
    for result in results:
        if result.ok:
            known.kinds[result.url] = result.kind
            known.referrers[result.url] = result.referrer
            known.validators[result.url] = Validators(result.headers.get("etag"), None)
    return known


def asked(server: LocalServer) -> list[str]:
    return [request.path for request in server.requests if request.path != "/robots.txt"]


def test_a_first_crawl_walks_every_listing_page_and_fetches_what_it_links(server: LocalServer) -> None:
    script_site(server, FIRST_PAGE, SECOND_PAGE)
    results = crawl(server)
    articles = {result.url for result in results if result.kind == "article"}
    assert articles == {
        f"{BASE}/{slug}.html" for slug in ("a-1", "a-2", "a-3", "a-4", "a-5", "a-6", "a-7", "b-11", "s-21")
    }
    listings = [path for path in asked(server) if path.startswith(("/huu-nghi", "/doi-ngoai"))]
    assert listings == [
        "/huu-nghi",
        "/huu-nghi?page=2",
        "/huu-nghi?page=3",
        "/huu-nghi?page=4",  # 404: past the last page
        "/doi-ngoai-nhan-dan",
        "/doi-ngoai-nhan-dan?page=2",
    ]
    assert "/bi-mat-9.html" not in asked(server)  # robots.txt: never requested
    [attachment] = [result for result in results if result.kind == "attachment"]
    assert attachment.url.startswith(f"{BASE}/uploads/cv-1.pdf") and attachment.ok
    assert attachment.referrer == f"{BASE}/a-1.html"
    assert all(result.url.startswith(BASE + "/") for result in results)
    assert all("#" not in result.url for result in results if result.kind != "attachment")


def test_attachment_urls_are_canonical_too(server: LocalServer) -> None:
    script_site(server, FIRST_PAGE, SECOND_PAGE)
    results = crawl(server)
    assert [r.url for r in results if r.kind == "attachment"] == [f"{BASE}/uploads/cv-1.pdf"]


def test_an_incremental_walk_stops_at_the_first_page_with_nothing_unseen(server: LocalServer) -> None:
    script_site(server, FIRST_PAGE, SECOND_PAGE)
    known = remember(crawl(server))
    server.requests.clear()
    # a new article tops the listing and pushes the others down a page
    script_site(server, ("/a-0.html", "/a-1.html", "/a-2.html"), ("/a-3.html", "/a-4.html", "/a-5.html"))
    results = crawl(server, known)
    assert "/huu-nghi?page=2" in asked(server)  # page 1 showed an unseen article
    assert "/huu-nghi?page=3" not in asked(server)  # page 2 showed none
    new = [result.url for result in results if result.kind == "article" and result.url not in known.kinds]
    assert new == [f"{BASE}/a-0.html"]
    revisits = [request for request in server.requests if request.path == "/a-7.html"]
    assert revisits and revisits[0].headers.get("if-none-match")  # known articles: a conditional GET
    assert all(result.status == 304 for result in results if result.url == f"{BASE}/a-7.html")


def test_an_unchanged_site_costs_only_304s(server: LocalServer) -> None:
    script_site(server, FIRST_PAGE, SECOND_PAGE)
    known = remember(crawl(server))
    results = crawl(server, known)
    assert {result.status for result in results} == {304}
    assert [result.url for result in results if result.kind == "listing"] == [
        f"{BASE}/huu-nghi",
        f"{BASE}/doi-ngoai-nhan-dan",
    ]  # each walk stops at its unchanged first page


def test_a_full_walk_reads_every_listing_page_unconditionally(server: LocalServer) -> None:
    script_site(server, FIRST_PAGE, SECOND_PAGE)
    known = remember(crawl(server))
    server.requests.clear()
    crawl(server, known, full=True)
    listing_requests = [r for r in server.requests if r.path.startswith("/huu-nghi")]
    assert [r.path for r in listing_requests] == [
        "/huu-nghi",
        "/huu-nghi?page=2",
        "/huu-nghi?page=3",
        "/huu-nghi?page=4",
    ]
    assert not any(r.headers.get("if-none-match") for r in listing_requests)


def test_a_listing_walk_that_failed_last_time_is_walked_in_full(server: LocalServer) -> None:
    script_site(server, FIRST_PAGE, SECOND_PAGE)
    known = remember(crawl(server))
    known.failed[f"{BASE}/huu-nghi?page=2"] = "listing"
    server.requests.clear()
    crawl(server, known)
    assert "/huu-nghi?page=3" in asked(server)


def test_a_known_article_that_is_gone_answers_404(server: LocalServer, tmp_path: Path) -> None:
    script_site(server, FIRST_PAGE, SECOND_PAGE)
    known = remember(crawl(server))
    del server.routes["/a-7.html"]
    results = crawl(server, known)
    [gone] = [result for result in results if result.url == f"{BASE}/a-7.html"]
    assert gone.gone and gone.status == 404


@pytest.mark.parametrize("missing", ["/huu-nghi?page=2"])
def test_a_failed_listing_page_ends_that_walk_but_not_the_crawl(server: LocalServer, missing: str) -> None:
    script_site(server, FIRST_PAGE, SECOND_PAGE)
    server.routes[missing] = lambda _: (503, {}, b"down")
    results = crawl(server)
    [failed] = [result for result in results if result.url == BASE + missing]
    assert failed.status == 503
    assert "/huu-nghi?page=3" not in asked(server)
    assert "/doi-ngoai-nhan-dan" in asked(server)  # the other listing is still walked
    assert any(result.url == f"{BASE}/a-1.html" and result.ok for result in results)


def test_a_page_the_parser_chokes_on_does_not_end_the_crawl(server: LocalServer) -> None:
    script_site(server, FIRST_PAGE, SECOND_PAGE)
    deep = '<h1 class="article-title">T</h1><div class="article-content">' + "<div>" * 3000 + "chữ"
    server.routes["/a-3.html"] = conditional(deep + "</div>" * 3000 + "</div>")
    results = crawl(server)
    assert any(result.url == f"{BASE}/a-3.html" and result.ok for result in results)
    assert any(result.url == f"{BASE}/a-7.html" and result.ok for result in results)
    assert any(result.kind == "attachment" and result.ok for result in results)
