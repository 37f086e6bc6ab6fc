"""Reading a sitemap (sitemaps.org): a <urlset> of pages, or a <sitemapindex> of further sitemaps.

lxml parses the XML, so entities (`&amp;` in a query string) and namespaces are read as XML
means them, not as a regex guesses. Parsing only: the crawler fetches every sitemap, the
children of an index included, through its one polite client (scrapers/crawl.py), which is why
a sitemap library that fetches by itself does not fit here.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from lxml import etree

from scrapers.config import SiteConfig
from scrapers.parse import canonical_url


class SitemapError(ValueError):
    """A sitemap that is not well-formed XML, or neither a <urlset> nor a <sitemapindex>."""


@dataclass(frozen=True)
class Sitemap:
    articles: tuple[str, ...]  # canonical article URLs of a <urlset>, in document order
    sitemaps: tuple[str, ...]  # canonical URLs of the child sitemaps of a <sitemapindex>


def read_sitemap(site: SiteConfig, body: bytes) -> Sitemap:
    """The site's article URLs a <urlset> lists, or the site's sitemaps a <sitemapindex> lists.

    Off-site URLs are dropped, as on listing pages, and so are pages that are not articles by the
    site's `article_link`. A document that is not well-formed XML raises SitemapError rather than
    being half-read: lxml's recovery mode turns a bare `&` into a wrong URL, which is worse than none.
    """
    parser = etree.XMLParser(resolve_entities=False, no_network=True, remove_comments=True)
    try:
        root = etree.fromstring(body, parser)
    except etree.XMLSyntaxError as error:
        raise SitemapError(f"not well-formed XML: {error}") from error
    namespace = etree.QName(root).namespace  # sitemaps.org's, or none on sloppy sites

    def locs(entry: str) -> list[str]:
        """The <loc> of each <entry> under the root (not <image:loc> and other extensions)."""
        path = f"{{{namespace}}}{entry}/{{{namespace}}}loc" if namespace else f"{entry}/loc"
        return [(loc.text or "").strip() for loc in root.iterfind(path)]

    kind = etree.QName(root).localname
    if kind == "urlset":
        urls = [canonical_url(site, loc) for loc in locs("url")]
        articles = [url for url in urls if url and site.discovery.article_link.match(urlsplit(url).path)]
        return Sitemap(articles=tuple(dict.fromkeys(articles)), sitemaps=())
    if kind == "sitemapindex":
        children = [url for url in (canonical_url(site, loc) for loc in locs("sitemap")) if url]
        return Sitemap(articles=(), sitemaps=tuple(dict.fromkeys(children)))
    raise SitemapError(f"the root element is <{kind}>, not <urlset> or <sitemapindex>")
