"""Crawling one site: walk its listings, then fetch new articles, revisit known
ones (conditional GET), and fetch their attachments.

Storage-agnostic: what the warehouse already holds comes in as `KnownPages`,
and every exchange goes out as a `FetchResult`. Incremental by default: a
listing walk stops at the first page with no unseen article; `full` walks
every page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from scrapers.config import SiteConfig
from scrapers.http import PoliteClient
from scrapers.parse import article_links, canonical_url, decode_html, parse_article
from scrapers.sitemap import SitemapError, read_sitemap
from scrapers.types import FetchKind, FetchResult


@dataclass(frozen=True)
class Validators:
    etag: str | None
    last_modified: str | None


@dataclass
class KnownPages:
    """The latest stored version of each URL of a site; removed URLs have no validators."""

    validators: dict[str, Validators] = field(default_factory=dict)  # url -> validators
    kinds: dict[str, str] = field(default_factory=dict)  # url -> kind
    referrers: dict[str, str | None] = field(default_factory=dict)
    failed: dict[str, str] = field(default_factory=dict)  # url -> kind, whose last fetch got no usable answer

    def urls(self, kind: str) -> list[str]:
        return [url for url, known in self.kinds.items() if known == kind]


def crawl_site(
    site: SiteConfig,
    client: PoliteClient,
    known: KnownPages,
    full: bool = False,
    on_result: Callable[[FetchResult], None] | None = None,
) -> list[FetchResult]:
    results: list[FetchResult] = []

    # a listing walk that failed last time may have missed articles: walk everything, unconditionally
    full = full or "listing" in known.failed.values()

    def fetch(url: str, kind: FetchKind, referrer: str | None = None) -> FetchResult | None:
        if not client.allowed(url):
            return None  # robots.txt forbids it: never requested
        validator = None if full and kind == "listing" else known.validators.get(url)
        result = client.fetch(
            url,
            site.id,
            kind,
            etag=validator.etag if validator else None,
            last_modified=validator.last_modified if validator else None,
            referrer=referrer,
        )
        results.append(result)
        if on_result:
            on_result(result)
        return result

    def unreadable(result: FetchResult, problem: str) -> None:
        """Record why a page that came back fine could not be read (a malformed sitemap)."""
        results[results.index(result)] = replace(result, error=problem)

    discovered = _walk_listings(site, fetch, known, full)
    for url, sitemap in _read_sitemaps(site, fetch, known, unreadable).items():
        discovered.setdefault(url, sitemap)
    retry = [url for url, kind in known.failed.items() if kind == "article"]
    articles = dict.fromkeys([*discovered, *known.urls("article"), *retry])
    attachments: dict[str, str] = {url: known.referrers.get(url) or "" for url in known.urls("attachment")}
    attachments.update(
        {url: "" for url, kind in known.failed.items() if kind == "attachment" and url not in attachments}
    )
    for url in articles:
        result = fetch(url, "article", discovered.get(url) or known.referrers.get(url))
        if result and result.ok:
            html = decode_html(result.body, result.headers.get("content-type"))  # type: ignore[arg-type]  # result.ok implies a body
            try:
                linked = parse_article(site, url, html).attachment_urls
            except Exception:  # an unreadable page is recorded by the parse step; the crawl goes on
                linked = ()
            for attachment in linked:
                canonical = canonical_url(site, attachment)
                if canonical:
                    attachments.setdefault(canonical, url)
    for url, referrer in attachments.items():
        fetch(url, "attachment", referrer or None)
    return results


def _walk_listings(
    site: SiteConfig, fetch: Callable[..., FetchResult | None], known: KnownPages, full: bool
) -> dict[str, str]:
    """Article URLs found on listing pages, each with the listing page that linked it."""
    found: dict[str, str] = {}
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
            if not links or (not unseen and not full):
                break
    return found


# sitemaps read per site and crawl, the index included: a bound on loops and on giant indexes
MAX_SITEMAPS = 200


def _read_sitemaps(
    site: SiteConfig,
    fetch: Callable[..., FetchResult | None],
    known: KnownPages,
    unreadable: Callable[[FetchResult, str], None],
) -> dict[str, str]:
    """Article URLs the site's sitemap lists, each with the sitemap that listed it.

    A sitemap index is followed to its child sitemaps through the same polite `fetch` (robots.txt,
    delay, conditional GET). When the top sitemap answers 304, the child sitemaps read before
    (known pages of kind sitemap) are asked again, each conditionally: an index that did not
    change may still point at children that did. A malformed sitemap is recorded as the error of
    its fetch, and the crawl goes on without it.
    """
    if not site.discovery.sitemap:
        return {}
    top = site.url(site.discovery.sitemap)
    queue, asked, found = [top], set[str](), dict[str, str]()
    while queue and len(asked) < MAX_SITEMAPS:
        url = queue.pop(0)
        if url in asked:
            continue
        asked.add(url)
        result = fetch(url, "sitemap")
        if result is None:
            continue  # robots.txt forbids it
        if url == top and result.not_modified:
            queue.extend(known.urls("sitemap"))
        if not result.ok:
            continue
        try:
            sitemap = read_sitemap(site, result.body)  # type: ignore[arg-type]  # result.ok implies a body
        except SitemapError as error:
            unreadable(result, f"unreadable sitemap: {error}")
            continue
        for article in sitemap.articles:
            found.setdefault(article, url)
        queue.extend(sitemap.sitemaps)
    return found
