"""Discovery health: did a site's crawl still find its way to the articles?

A crawl can "succeed" while it discovers nothing: a listing whose first page answers 404 looks like a
walk past the last page, a sitemap that vanished or a robots.txt that now forbids a listing just
make the site quiet, and the 304s of known articles keep the warehouse looking fresh. This module
judges one site's crawl from what it already has (its `FetchResult`s, its config, robots.txt's
verdicts, the sitemaps it read before) and names each problem with its URL. It fetches nothing,
stores nothing and knows nothing of Dagster: the warehouse records the problems
(raw.discovery_problems) and the orchestrator turns them into a failed check and an alert per site.

What counts as a problem, per configured entry point:
- a listing's first page: disallowed by robots.txt, gone (404/410), failing (no answer, 5xx, 429 or
  any other error status after the client's retries), or answering with no article link at all;
- the sitemap: disallowed, gone, failing or unreadable (it is configured, so it is expected to answer;
  the detail says whether it answered on an earlier crawl);
- and the site as a whole, when none of its listings could be read.
A first page that answers 304 is fine (unchanged since the last crawl), and one the crawl never asked
(it stopped early, on its time budget say) is not judged here: that reason is recorded where it stops.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from typing import Literal

from scrapers.config import SiteConfig
from scrapers.parse import article_links, decode_html
from scrapers.types import FetchResult

ProblemKind = Literal[
    "listing_disallowed",
    "listing_gone",
    "listing_failed",
    "listing_empty",
    "sitemap_disallowed",
    "sitemap_gone",
    "sitemap_failed",
    "sitemap_unreadable",
    "no_listing",
]
# The problems that mean a listing could not be read at all (an empty one was read).
UNREADABLE_LISTING: frozenset[ProblemKind] = frozenset(
    {"listing_disallowed", "listing_gone", "listing_failed"}
)


@dataclass(frozen=True)
class DiscoveryProblem:
    site: str
    kind: ProblemKind
    url: str  # the listing page, the sitemap, or the site's base URL
    detail: str  # one line for a person

    def describe(self) -> str:
        return f"{self.site}: {self.detail} ({self.url})"


def judge_discovery(
    site: SiteConfig,
    results: Iterable[FetchResult],
    allowed: Callable[[str], bool],
    sitemaps_read_before: Collection[str] = (),
) -> list[DiscoveryProblem]:
    """Every discovery problem of one site's crawl, listings first, then the sitemap, then the site.

    `allowed` is robots.txt's verdict for a URL (the crawl's client answers from its cache), and
    `sitemaps_read_before` the sitemap URLs stored by earlier crawls."""
    last: dict[str, FetchResult] = {}  # the last answer per URL: a retried request counts once
    for result in results:
        if result.kind in ("listing", "sitemap"):
            last[result.url] = result
    problems = [
        problem
        for listing in site.discovery.listings
        if (problem := _judge_listing(site, site.url(listing), last.get(site.url(listing)), allowed))
    ]
    if site.discovery.sitemap:
        url = site.url(site.discovery.sitemap)
        problem = _judge_sitemap(site, url, last.get(url), allowed(url), url in sitemaps_read_before)
        problems.extend([problem] if problem else [])
    unreadable = sum(problem.kind in UNREADABLE_LISTING for problem in problems)
    if site.discovery.listings and unreadable == len(site.discovery.listings):
        count = len(site.discovery.listings)
        problems.append(
            DiscoveryProblem(
                site.id, "no_listing", site.base_url, f"none of its {count} configured listings could be read"
            )
        )
    return problems


def _judge_listing(
    site: SiteConfig, url: str, result: FetchResult | None, allowed: Callable[[str], bool]
) -> DiscoveryProblem | None:
    if not allowed(url):
        return DiscoveryProblem(
            site.id, "listing_disallowed", url, "robots.txt disallows a configured listing"
        )
    if result is None or result.not_modified:
        return None  # not asked in this crawl, or unchanged since the last one
    if result.gone:
        return DiscoveryProblem(
            site.id, "listing_gone", url, f"a configured listing's first page answers {result.status}"
        )
    if not result.ok:
        return DiscoveryProblem(
            site.id, "listing_failed", url, f"a configured listing's first page {_failure(result)}"
        )
    html = decode_html(result.body, result.headers.get("content-type"))  # type: ignore[arg-type]  # ok: a body
    if not article_links(site, url, html):
        return DiscoveryProblem(
            site.id,
            "listing_empty",
            url,
            "a configured listing's first page links to no article (its layout or article_link changed?)",
        )
    return None


def _judge_sitemap(
    site: SiteConfig, url: str, result: FetchResult | None, allowed: bool, read_before: bool
) -> DiscoveryProblem | None:
    before = ", which an earlier crawl read" if read_before else ""
    if not allowed:
        return DiscoveryProblem(
            site.id, "sitemap_disallowed", url, f"robots.txt disallows the sitemap{before}"
        )
    if result is None or result.not_modified:
        return None
    if result.gone:
        return DiscoveryProblem(site.id, "sitemap_gone", url, f"the sitemap{before} answers {result.status}")
    if not result.ok:
        return DiscoveryProblem(site.id, "sitemap_failed", url, f"the sitemap{before} {_failure(result)}")
    if result.error:  # the crawl could not read what came back
        return DiscoveryProblem(site.id, "sitemap_unreadable", url, f"the sitemap{before}: {result.error}")
    return None


def _failure(result: FetchResult) -> str:
    """How a request failed, in words: "failed: ReadTimeout ..." or "answers 503"."""
    if result.status is None:
        return f"failed: {result.error or 'no answer'}"
    return f"answers {result.status}" + (f" ({result.error})" if result.error else "")
