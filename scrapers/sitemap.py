"""Reading a sitemap (sitemaps.org): a <urlset> of pages, or a <sitemapindex> of further sitemaps,
each entry with its `lastmod` when the site gives one (what the revisit policy reads), gzipped or not.

lxml parses the XML, so entities (`&amp;` in a query string) and namespaces are read as XML
means them, not as a regex guesses. Parsing only: the crawler fetches every sitemap, the
children of an index included, through its one polite client (scrapers/crawl.py), which is why
a sitemap library that fetches by itself does not fit here.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import urlsplit

from lxml import etree

from scrapers.config import SiteConfig
from scrapers.parse import VIETNAM, canonical_url

# sitemaps.org's limit on one sitemap, uncompressed: a gzipped one inflating past it is refused
MAX_SITEMAP_BYTES = 50 * 1024 * 1024


class SitemapError(ValueError):
    """A sitemap that is not well-formed XML, or neither a <urlset> nor a <sitemapindex>."""


@dataclass(frozen=True)
class Sitemap:
    articles: tuple[str, ...]  # canonical article URLs of a <urlset>, in document order
    sitemaps: tuple[str, ...]  # canonical URLs of the child sitemaps of a <sitemapindex>
    # the <lastmod> of the entries (articles or child sitemaps) that give a readable one
    lastmod: dict[str, datetime] = field(default_factory=dict)


def read_sitemap(site: SiteConfig, body: bytes) -> Sitemap:
    """The site's article URLs a <urlset> lists, or the site's sitemaps a <sitemapindex> lists.

    Off-site URLs are dropped, as on listing pages, and so are pages that are not articles by the
    site's `article_link`. A document that is not well-formed XML raises SitemapError rather than
    being half-read: lxml's recovery mode turns a bare `&` into a wrong URL, which is worse than none.
    """
    body = _inflated(body)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, remove_comments=True, huge_tree=True)
    try:
        root = etree.fromstring(body, parser)
    except etree.XMLSyntaxError as error:
        raise SitemapError(f"not well-formed XML: {error}") from error
    namespace = etree.QName(root).namespace  # sitemaps.org's, or none on sloppy sites

    def tag(name: str) -> str:
        return f"{{{namespace}}}{name}" if namespace else name

    def entries(entry: str) -> list[tuple[str, datetime | None]]:
        """The canonical <loc> of each <entry> under the root (not <image:loc> and other extensions),
        with its <lastmod>; entries off the site are dropped."""
        found = []
        for element in root.iterfind(tag(entry)):
            url = canonical_url(site, (element.findtext(tag("loc")) or "").strip())
            if url:
                found.append((url, _lastmod(element.findtext(tag("lastmod")))))
        return found

    kind = etree.QName(root).localname
    if kind == "urlset":
        pages = [
            (url, lastmod)
            for url, lastmod in entries("url")
            if site.discovery.article_link.match(urlsplit(url).path)
        ]
        return _sitemap(pages, articles=True)
    if kind == "sitemapindex":
        return _sitemap(entries("sitemap"), articles=False)
    raise SitemapError(f"the root element is <{kind}>, not <urlset> or <sitemapindex>")


def _sitemap(entries: list[tuple[str, datetime | None]], articles: bool) -> Sitemap:
    """Entries in document order, each URL once (its first lastmod kept)."""
    urls = tuple(dict.fromkeys(url for url, _ in entries))
    lastmod: dict[str, datetime] = {}
    for url, modified in entries:
        if modified is not None:
            lastmod.setdefault(url, modified)
    return Sitemap(articles=urls if articles else (), sitemaps=() if articles else urls, lastmod=lastmod)


def _lastmod(text: str | None) -> datetime | None:
    """A W3C datetime ("2024-05-01", "2024-05-01T10:00:00+07:00", "...Z") as an aware datetime; a date
    or time with no zone is the sites' own (Asia/Ho_Chi_Minh). Unreadable: None (no lastmod)."""
    try:
        parsed = datetime.fromisoformat((text or "").strip())
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=VIETNAM)


def _inflated(body: bytes) -> bytes:
    """The body, gunzipped when it is gzip (a `.xml.gz` sitemap sent as is); refused past the cap."""
    if not body.startswith(b"\x1f\x8b"):
        return body
    inflater = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    try:
        inflated = inflater.decompress(body, MAX_SITEMAP_BYTES + 1)
    except zlib.error as error:
        raise SitemapError(f"not readable gzip: {error}") from error
    if len(inflated) > MAX_SITEMAP_BYTES:
        raise SitemapError(f"over {MAX_SITEMAP_BYTES} bytes once gunzipped")
    return inflated
