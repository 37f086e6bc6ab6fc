"""Discovery health (scrapers/discovery_health.py): each way a site's crawl can stop finding articles is
named with its URL; a listing walk that ends normally, or an unchanged site, is not a problem."""

from __future__ import annotations

from pytest_httpserver import HTTPServer

from scrapers.config import load_sites
from scrapers.crawl import KnownPages, crawl_site
from scrapers.discovery_health import DiscoveryProblem, judge_discovery
from scrapers.http import PoliteClient
from tests.test_discovery import (
    BASE,
    FAST,
    FIRST_PAGE,
    SECOND_PAGE,
    SITE,
    fixed,
    remember,
    serve,
    site_routes,
)


def crawl_and_judge(
    httpserver: HTTPServer, known: KnownPages | None = None
) -> tuple[list[DiscoveryProblem], KnownPages]:
    """One crawl of the scripted site, judged as the warehouse judges it; and what it would remember."""
    known = known or KnownPages()
    with PoliteClient(load_sites(), FAST, portal=httpserver.url_for("/").rstrip("/")) as client:
        results = crawl_site(SITE, client, known).results
        problems = judge_discovery(SITE, results, client.allowed, known.urls("sitemap"))
    return problems, remember(results)


def kinds(problems: list[DiscoveryProblem]) -> list[tuple[str, str]]:
    return [(problem.kind, problem.url) for problem in problems]


def test_a_healthy_site_and_its_unchanged_rerun_have_no_problem(httpserver: HTTPServer) -> None:
    serve(httpserver, site_routes(FIRST_PAGE, SECOND_PAGE))  # pages past the last answer 404
    problems, known = crawl_and_judge(httpserver)
    assert problems == []
    again, _ = crawl_and_judge(httpserver, known)  # every first page answers 304 now
    assert again == []


def test_a_listing_whose_first_page_answers_404_is_a_problem_named_by_its_url(httpserver: HTTPServer) -> None:
    routes = site_routes(FIRST_PAGE, SECOND_PAGE)
    del routes["/doi-ngoai-nhan-dan"]  # answers 404 now
    serve(httpserver, routes)
    problems, _ = crawl_and_judge(httpserver)
    assert kinds(problems) == [("listing_gone", f"{BASE}/doi-ngoai-nhan-dan")]
    assert problems[0].describe() == (
        f"thoidai: a configured listing's first page answers 404 ({BASE}/doi-ngoai-nhan-dan)"
    )


def test_a_site_with_no_readable_listing_says_so_too(httpserver: HTTPServer) -> None:
    routes = site_routes(FIRST_PAGE, SECOND_PAGE)
    routes["/huu-nghi"] = fixed(503, "down")
    del routes["/doi-ngoai-nhan-dan"]
    serve(httpserver, routes)
    problems, _ = crawl_and_judge(httpserver)
    assert kinds(problems) == [
        ("listing_failed", f"{BASE}/huu-nghi"),
        ("listing_gone", f"{BASE}/doi-ngoai-nhan-dan"),
        ("no_listing", BASE),
    ]
    assert "answers 503" in problems[0].detail


def test_a_sitemap_that_disappears_is_a_problem(httpserver: HTTPServer) -> None:
    serve(httpserver, site_routes(FIRST_PAGE, SECOND_PAGE))
    _, known = crawl_and_judge(httpserver)
    routes = site_routes(FIRST_PAGE, SECOND_PAGE)
    del routes["/sitemap.xml"]
    serve(httpserver, routes)
    problems, _ = crawl_and_judge(httpserver, known)
    assert kinds(problems) == [("sitemap_gone", f"{BASE}/sitemap.xml")]
    assert "which an earlier crawl read" in problems[0].detail


def test_robots_txt_newly_disallowing_everything_is_a_problem_per_listing_and_for_the_site(
    httpserver: HTTPServer,
) -> None:
    routes = site_routes(FIRST_PAGE, SECOND_PAGE)
    routes["/robots.txt"] = fixed(200, "User-agent: *\nDisallow: /\n", "text/plain")
    serve(httpserver, routes)
    problems, _ = crawl_and_judge(httpserver)
    assert kinds(problems) == [
        ("listing_disallowed", f"{BASE}/huu-nghi"),
        ("listing_disallowed", f"{BASE}/doi-ngoai-nhan-dan"),
        ("sitemap_disallowed", f"{BASE}/sitemap.xml"),
        ("no_listing", BASE),
    ]


def test_a_listing_that_answers_but_links_no_article_is_a_problem(httpserver: HTTPServer) -> None:
    """A maintenance page or a redesign on the listing: 200, and nothing to follow."""
    routes = site_routes(FIRST_PAGE, SECOND_PAGE)
    routes["/huu-nghi"] = fixed(200, "<html><body><h1>Hệ thống đang bảo trì</h1></body></html>")
    serve(httpserver, routes)
    problems, _ = crawl_and_judge(httpserver)
    assert kinds(problems) == [("listing_empty", f"{BASE}/huu-nghi")]


def test_an_unreadable_sitemap_is_a_problem(httpserver: HTTPServer) -> None:
    routes = site_routes(FIRST_PAGE, SECOND_PAGE)
    routes["/sitemap.xml"] = fixed(200, "<html>not a sitemap", "application/xml")
    serve(httpserver, routes)
    problems, _ = crawl_and_judge(httpserver)
    assert kinds(problems) == [("sitemap_unreadable", f"{BASE}/sitemap.xml")]
