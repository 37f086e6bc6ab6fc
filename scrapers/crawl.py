"""Crawling one site: walk its listings and sitemaps, fetch the new articles, revisit the known pages
whose turn has come (conditional GET), and fetch attachments.

Storage-agnostic: what the warehouse already holds comes in as `KnownPages` (its pages, their
validators, and the revisit schedule: which known pages are due tonight), and what came back goes
out as a `SiteCrawl` (every exchange as a `FetchResult`, and what the warehouse needs to schedule the
next visits). What a night asks for, in order:

1. Listings. A walk stops at the first page with no unseen article; `full` (or a listing that failed
   last time) walks every page, unconditionally.
2. Sitemaps. A sitemap index's child is read only when the index gives it a `lastmod` newer than the
   one it had when we read it last, or gives none (then with a conditional GET).
3. New articles: every one a listing or sitemap shows that was never fetched.
4. Revisits of known pages, at most `RevisitPolicy.budget` a night: first those a sitemap `lastmod`
   says changed, then the known articles on a listing's first page when that page changed, then the
   pages whose last fetch failed, then the pages the schedule says are due (`scrapers/revisit.py`),
   most overdue first. `full` revisits every known page, with no budget.
5. Attachments the fetched articles link that were never fetched (known ones are revisited in 4).

A time budget bounds the whole crawl: once it is spent nothing more is asked, and what was wanted is
reported (`SiteCrawl.left`, `stopped`), so it stays due for the next night.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime

from scrapers.config import SiteConfig
from scrapers.http import PoliteClient
from scrapers.parse import article_links, canonical_url, decode_html, parse_article
from scrapers.revisit import RevisitPolicy, sitemap_says_changed
from scrapers.sitemap import SitemapError, read_sitemap
from scrapers.types import FetchKind, FetchResult


@dataclass(frozen=True)
class Validators:
    etag: str | None
    last_modified: str | None


@dataclass(frozen=True)
class Visit:
    """What the schedule remembers of a known page's (or a child sitemap's) last fetch."""

    last_visit_at: datetime | None
    sitemap_lastmod: datetime | None  # the `lastmod` a sitemap gave it when we fetched it last


@dataclass
class KnownPages:
    """The latest stored version of each URL of a site; removed URLs have no validators."""

    validators: dict[str, Validators] = field(default_factory=dict)  # url -> validators
    kinds: dict[str, str] = field(default_factory=dict)  # url -> kind
    referrers: dict[str, str | None] = field(default_factory=dict)
    failed: dict[str, str] = field(default_factory=dict)  # url -> kind, whose last fetch got no usable answer
    visits: dict[str, Visit] = field(default_factory=dict)  # url -> its last visit, from the schedule
    due: dict[str, str] = field(default_factory=dict)  # url -> kind, due tonight, the most overdue first

    def urls(self, kind: str) -> list[str]:
        return [url for url, known in self.kinds.items() if known == kind]


@dataclass
class SiteCrawl:
    """One site's crawl: every exchange, and what the warehouse needs to schedule the next visits."""

    results: list[FetchResult] = field(default_factory=list)
    reasons: dict[str, str] = field(default_factory=dict)  # url -> why asked tonight (see `REASONS`)
    published: dict[str, datetime] = field(default_factory=dict)  # page -> the date its article shows
    # article -> hash of its parsed title and body: a change of ads or counters around it is no change
    fingerprints: dict[str, str] = field(default_factory=dict)
    lastmods: dict[str, datetime] = field(default_factory=dict)  # url -> the lastmod tonight's sitemaps gave
    left: dict[str, str] = field(default_factory=dict)  # url -> kind: wanted tonight, to be asked next night
    over_budget: int = 0  # revisits wanted tonight that the revisit budget leaves for later nights
    deferred: int = 0  # pages wanted tonight and left for a later night (either budget)
    stopped: str | None = None  # why the crawl ended before asking for everything it wanted (time)


# why a page was asked for tonight, as SiteCrawl.reasons says it
REASONS = {
    "new": "never fetched before",
    "sitemap": "a sitemap lastmod says it changed",
    "listing": "shown on a listing's first page that changed",
    "retry": "its last fetch failed",
    "due": "the revisit schedule",
    "full": "a full crawl",
    "linked": "a new attachment of an article fetched tonight",
}


def crawl_site(
    site: SiteConfig,
    client: PoliteClient,
    known: KnownPages,
    full: bool = False,
    on_result: Callable[[FetchResult], None] | None = None,
    policy: RevisitPolicy | None = None,
    time_budget: float | None = None,
    land: Callable[[list[FetchResult], SiteCrawl, bool], None] | None = None,
    batch_size: int = 500,
    clock: Callable[[], float] = time.monotonic,
) -> SiteCrawl:
    """Crawl one site as the module says; `time_budget` in seconds of `clock` (None: no limit).

    With `land`, the pages fetched are handed to it every `batch_size` pages with the crawl so far, and
    the rest at the end (then with `final` true, once `left` and the rest are known); only listings and
    sitemaps stay in `results`. Memory stays bounded, whatever the site's size: a first crawl of
    100,000 pages of 100 KB would otherwise hold 10 GB until the end."""
    policy = policy or RevisitPolicy()
    crawl = SiteCrawl()
    handed: list[int] = [0]  # how many of crawl.results came before the pages not yet handed to `land`

    def hand_over(everything: bool = False) -> None:
        """Give `land` the results since the last hand-over (all, at the end), keeping listings and
        sitemaps (small, read again by whoever judges the site's discovery)."""
        batch = crawl.results[handed[0] :]
        if land is None or not (everything or len(batch) >= batch_size):
            return
        land(batch, crawl, everything)
        crawl.results[handed[0] :] = [r for r in batch if r.kind in ("listing", "sitemap")]
        handed[0] = len(crawl.results)

    out_of_time_at = clock() + time_budget if time_budget is not None else None
    # a listing walk that failed last time may have missed articles: walk everything, unconditionally
    walk_everything = full or "listing" in known.failed.values()

    def fetch(url: str, kind: FetchKind, referrer: str | None = None) -> FetchResult | None:
        """Ask for `url` (conditionally when it is known); None when it is not asked: robots.txt forbids
        it, or the time budget is spent (then a page is noted in `crawl.left`)."""
        if not client.allowed(url):
            return None  # robots.txt forbids it: never requested
        if out_of_time_at is not None and clock() >= out_of_time_at:
            crawl.stopped = crawl.stopped or f"time budget of {time_budget:g} s spent"
            if kind in ("article", "attachment"):
                crawl.left[url] = kind
            return None
        validator = None if walk_everything and kind == "listing" else known.validators.get(url)
        result = client.fetch(
            url,
            site.id,
            kind,
            etag=validator.etag if validator else None,
            last_modified=validator.last_modified if validator else None,
            referrer=referrer,
        )
        crawl.results.append(result)
        if on_result:
            on_result(result)
        return result

    def unreadable(result: FetchResult, problem: str) -> None:
        """Record why a page that came back fine could not be read (a malformed sitemap)."""
        crawl.results[crawl.results.index(result)] = replace(result, error=problem)

    listed, changed_first_pages = _walk_listings(site, fetch, known, walk_everything)
    in_sitemaps = _read_sitemaps(site, fetch, known, unreadable, crawl.lastmods, full)
    discovered = listed | {url: sitemap for url, sitemap in in_sitemaps.items() if url not in listed}

    attachments: dict[str, str | None] = {}  # attachment -> the article linking it, fetched after articles

    def fetch_page(url: str, kind: FetchKind, reason: str, referrer: str | None) -> None:
        result = fetch(url, kind, referrer)
        if result is None:
            return
        crawl.reasons[url] = reason
        if kind == "article" and result.ok:
            _read_article(site, url, result, crawl, known, attachments)
        hand_over()

    for url in [url for url in discovered if url not in known.kinds]:
        fetch_page(url, "article", "new", discovered[url])
    revisits, over_budget = _revisits(known, changed_first_pages, crawl.lastmods, policy, full)
    for url, (kind, reason) in revisits.items():
        if kind == "article":
            fetch_page(url, "article", reason, discovered.get(url) or known.referrers.get(url))
    for url, article in attachments.items():
        fetch_page(url, "attachment", "linked", article)
    for url, (kind, reason) in revisits.items():
        if kind == "attachment":
            fetch_page(url, "attachment", reason, known.referrers.get(url))

    # brought forward by a sitemap or a listing but over the budget: due from tonight on
    crawl.left.update(
        {url: kind for url, (kind, reason) in over_budget.items() if reason in ("sitemap", "listing")}
    )
    crawl.over_budget = len(over_budget)
    crawl.deferred = len(over_budget) + len(crawl.left.keys() - over_budget.keys())
    hand_over(everything=True)
    return crawl


def _read_article(
    site: SiteConfig,
    url: str,
    result: FetchResult,
    crawl: SiteCrawl,
    known: KnownPages,
    attachments: dict[str, str | None],
) -> None:
    """Note what the schedule needs of an article (the date it shows, its text's fingerprint) and the
    new attachments it links."""
    html = decode_html(result.body, result.headers.get("content-type"))  # type: ignore[arg-type]  # result.ok implies a body
    try:
        parsed = parse_article(site, url, html)
    except Exception:  # an unreadable page is recorded by the parse step; the crawl goes on
        return
    crawl.fingerprints[url] = hashlib.sha256(f"{parsed.title}\n{parsed.body_text}".encode()).hexdigest()
    if parsed.published_at is not None:
        crawl.published[url] = parsed.published_at
    for attachment in parsed.attachment_urls:
        canonical = canonical_url(site, attachment)
        if canonical:
            if parsed.published_at is not None:
                crawl.published.setdefault(canonical, parsed.published_at)  # as old as its article
            if canonical not in known.kinds:
                attachments.setdefault(canonical, url)


def _revisits(
    known: KnownPages,
    changed_first_pages: list[str],
    lastmods: dict[str, datetime],
    policy: RevisitPolicy,
    full: bool,
) -> tuple[dict[str, tuple[str, str]], dict[str, tuple[str, str]]]:
    """The known pages to revisit tonight, url -> (kind, reason), and those the budget leaves out."""
    revisitable = ("article", "attachment")
    if full:
        everything = {url: (kind, "full") for url, kind in known.kinds.items() if kind in revisitable}
        return everything | {
            url: (kind, "retry") for url, kind in known.failed.items() if kind in revisitable
        }, {}
    wanted: dict[str, tuple[str, str]] = {}
    for url, lastmod in lastmods.items():
        visit = known.visits.get(url)
        if (
            known.kinds.get(url) == "article"
            and visit
            and sitemap_says_changed(lastmod, visit.sitemap_lastmod, visit.last_visit_at)
        ):
            wanted.setdefault(url, ("article", "sitemap"))
    for url in changed_first_pages:
        if known.kinds.get(url) == "article":
            wanted.setdefault(url, ("article", "listing"))
    for url, kind in known.failed.items():
        if kind in revisitable:
            wanted.setdefault(url, (kind, "retry"))
    for url, kind in known.due.items():
        if kind in revisitable:
            wanted.setdefault(url, (kind, "due"))
    chosen = dict(list(wanted.items())[: policy.budget])
    return chosen, {url: wanted[url] for url in wanted if url not in chosen}


def _walk_listings(
    site: SiteConfig, fetch: Callable[..., FetchResult | None], known: KnownPages, full: bool
) -> tuple[dict[str, str], list[str]]:
    """Article URLs found on listing pages, each with the listing page that linked it; and the
    articles shown on the listings' first pages that came back changed (not 304)."""
    found: dict[str, str] = {}
    first_pages: list[str] = []
    for listing in site.discovery.listings:
        for page in range(1, site.discovery.max_pages + 1):
            path = listing if page == 1 else site.discovery.page_url.format(listing=listing, page=page)
            url = site.url(path)
            result = fetch(url, "listing")
            if result is None or not result.ok:
                break  # 304 (unchanged: nothing unseen), 404 (past the last page) or a failure
            links = article_links(site, url, decode_html(result.body, result.headers.get("content-type")))  # type: ignore[arg-type]  # result.ok implies a body
            unseen = [link for link in links if link not in known.kinds and link not in found]
            for link in links:
                found.setdefault(link, url)
            if page == 1:
                first_pages.extend(links)
            if not links or (not unseen and not full):
                break
    return found, first_pages


# sitemaps read per site and crawl, the index included: a bound on loops and on giant indexes
MAX_SITEMAPS = 200


def _read_sitemaps(
    site: SiteConfig,
    fetch: Callable[..., FetchResult | None],
    known: KnownPages,
    unreadable: Callable[[FetchResult, str], None],
    lastmods: dict[str, datetime],
    full: bool,
) -> dict[str, str]:
    """Article URLs the site's sitemaps list, each with the sitemap that listed it; every `lastmod`
    read goes into `lastmods` (articles and child sitemaps).

    A sitemap index is followed to its child sitemaps through the same polite `fetch` (robots.txt,
    delay, conditional GET), except the children whose `lastmod` in the index is no newer than the one
    they had when we read them last (`full` reads them all). When the top sitemap answers 304, the
    children read before that the index gives no `lastmod` are asked again, each conditionally: an
    index that did not change may still point at children that did. A malformed sitemap is recorded
    as the error of its fetch, and the crawl goes on without it.
    """
    if not site.discovery.sitemap:
        return {}
    top = site.url(site.discovery.sitemap)
    queue, asked, found = [top], set[str](), dict[str, str]()

    def unchanged_child(child: str) -> bool:
        visit, lastmod = known.visits.get(child), lastmods.get(child)
        seen = visit.sitemap_lastmod if visit else None
        return not full and lastmod is not None and seen is not None and lastmod <= seen

    while queue and len(asked) < MAX_SITEMAPS:
        url = queue.pop(0)
        if url in asked:
            continue
        asked.add(url)
        result = fetch(url, "sitemap")
        if result is None:
            continue  # robots.txt forbids it, or the time is up
        if url == top and result.not_modified:
            queue.extend(
                child
                for child in known.urls("sitemap")
                if not known.visits.get(child, Visit(None, None)).sitemap_lastmod
            )
        if not result.ok:
            continue
        try:
            sitemap = read_sitemap(site, result.body)  # type: ignore[arg-type]  # result.ok implies a body
        except SitemapError as error:
            unreadable(result, f"unreadable sitemap: {error}")
            continue
        for entry, lastmod in sitemap.lastmod.items():
            lastmods.setdefault(entry, lastmod)
        for article in sitemap.articles:
            found.setdefault(article, url)
        queue.extend(child for child in sitemap.sitemaps if not unchanged_child(child))
    return found
