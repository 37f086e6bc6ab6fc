"""Canonical URLs: warehouses key every page on its URL, so the form the crawler stores must not
drift. The sample portal's URLs are pinned here, literally and against the code that made them
before w3lib (kept below as the reference), over every link the portal serves."""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from sample_portal.model import SITES as SCHEMES
from sample_portal.server import Portal, PortalState
from scrapers.config import SiteConfig, load_sites
from scrapers.parse import article_links, canonical_url
from scrapers.sitemap import read_sitemap

SITES = load_sites()


def canonical_url_before_w3lib(site: SiteConfig, url: str) -> str | None:
    """The reference: canonical_url as it was when the existing warehouses were filled."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not site.allows(url):
        return None
    query = f"?{parts.query}" if parts.query else ""
    return f"{site.base_url.rstrip('/')}{parts.path or '/'}{query}"


def sitemap_links_before_lxml(site: SiteConfig, xml: str) -> list[str]:
    """The reference: the regex that read sitemaps before lxml."""
    urls = [canonical_url(site, loc.strip()) for loc in re.findall(r"<loc>([^<]+)</loc>", xml)]
    return [
        url for url in dict.fromkeys(urls) if url and site.discovery.article_link.match(urlsplit(url).path)
    ]


@pytest.mark.parametrize(
    ("site", "link", "stored"),
    [
        # listing pages, in each site's page_url form
        ("thoidai", "https://thoidai.com.vn/huu-nghi?page=2", "https://thoidai.com.vn/huu-nghi?page=2"),
        (
            "mattrancantho",
            "https://mattrancantho.vn/tin-tuc/doi-ngoai-nhan-dan/trang-3",
            "https://mattrancantho.vn/tin-tuc/doi-ngoai-nhan-dan/trang-3",
        ),
        ("nhipsongmientay", "https://nhipsongmientay.vn/nhip-song/page/2/", "https://nhipsongmientay.vn/nhip-song/page/2/"),
        ("thanhuycantho", "https://thanhuycantho.vn/van-ban-chi-dao?p=2", "https://thanhuycantho.vn/van-ban-chi-dao?p=2"),
        # articles: root-relative links joined to the page, absolute links, www and http, fragments
        ("thoidai", "https://thoidai.com.vn/giao-luu-huu-nghi-106215.html", "https://thoidai.com.vn/giao-luu-huu-nghi-106215.html"),
        ("thoidai", "http://www.thoidai.com.vn/giao-luu-106215.html#binh-luan", "https://thoidai.com.vn/giao-luu-106215.html"),
        ("mattrancantho", "https://www.mattrancantho.vn/tin-tuc/tiep-doan-150102", "https://mattrancantho.vn/tin-tuc/tiep-doan-150102"),
        ("nhipsongmientay", "https://nhipsongmientay.vn/dai-hoi-a7109.html", "https://nhipsongmientay.vn/dai-hoi-a7109.html"),
        ("thanhuycantho", "https://thanhuycantho.vn/tin-tuc/cong-van-677.html", "https://thanhuycantho.vn/tin-tuc/cong-van-677.html"),
        # attachments, and the bare host
        ("thanhuycantho", "https://thanhuycantho.vn/uploads/cong-van-12-cv-ubnd.pdf#trang-2", "https://thanhuycantho.vn/uploads/cong-van-12-cv-ubnd.pdf"),
        ("thoidai", "https://thoidai.com.vn", "https://thoidai.com.vn/"),
        # query strings are kept as they are: encoded bytes, order, case of the escapes
        ("thoidai", "https://thoidai.com.vn/tim?q=h%e1%bb%afu&page=2", "https://thoidai.com.vn/tim?q=h%e1%bb%afu&page=2"),
        # off-site and not http: no URL at all
        ("thoidai", "https://www.facebook.com/sharer.php", None),
        ("thoidai", "mailto:toasoan@thoidai.com.vn", None),
    ],
)  # fmt: skip
def test_the_stored_form_of_each_kind_of_url(site: str, link: str, stored: str | None) -> None:
    assert canonical_url(SITES[site], link) == stored
    assert canonical_url_before_w3lib(SITES[site], link) == stored


def test_every_link_of_the_sample_portal_keeps_its_stored_form() -> None:
    """Every href on every listing and article page of the portal, on the first day and after the
    day switch: canonical now exactly as before."""
    checked = 0
    for day in (1, 2):
        portal = Portal(PortalState(day=day))
        for scheme in SCHEMES.values():
            site = SITES[scheme.id]
            pages = [
                scheme.listing_url(category, page) for category in scheme.categories for page in range(1, 30)
            ]
            seen: set[str] = set()
            while pages:
                target = pages.pop()
                response = portal.respond(scheme.host, target)
                if response.status != 200 or target in seen:
                    continue
                seen.add(target)
                page_url = site.url(target)
                html = response.body.decode()
                for anchor in BeautifulSoup(html, "lxml").find_all("a", href=True):
                    link = urljoin(page_url, anchor["href"])
                    assert canonical_url(site, link) == canonical_url_before_w3lib(site, link), link
                    checked += 1
                pages.extend(urlsplit(url).path for url in article_links(site, page_url, html))
    # the walk did reach the articles, not only the first listing pages (about 800 links without
    # ../shared's seeds, over 1000 with them)
    assert checked > 500


def test_the_sample_portal_sitemap_lists_what_the_regex_found() -> None:
    response = Portal(PortalState()).respond("thoidai.com.vn", "/sitemap.xml")
    site = SITES["thoidai"]
    sitemap = read_sitemap(site, response.body)
    assert len(sitemap.articles) >= 10 and sitemap.sitemaps == ()
    assert list(sitemap.articles) == sitemap_links_before_lxml(site, response.body.decode())


@pytest.mark.parametrize(
    ("link", "stored"),
    [
        ("https://thoidai.com.vn/tin tức/bài viết-12.html", "https://thoidai.com.vn/tin%20t%E1%BB%A9c/b%C3%A0i%20vi%E1%BA%BFt-12.html"),
        ("https://thoidai.com.vn/tin%20t%E1%BB%A9c/b%C3%A0i%20vi%E1%BA%BFt-12.html", "https://thoidai.com.vn/tin%20t%E1%BB%A9c/b%C3%A0i%20vi%E1%BA%BFt-12.html"),
        ("https://thoidai.com.vn/tim?q=hữu nghị", "https://thoidai.com.vn/tim?q=h%E1%BB%AFu%20ngh%E1%BB%8B"),
        ("https://thoidai.com.vn/bai-\n12.html", "https://thoidai.com.vn/bai-12.html"),  # a line break inside href=""
    ],
)  # fmt: skip
def test_a_raw_link_is_stored_as_it_is_sent(link: str, stored: str) -> None:
    """Before w3lib, a link with spaces or Vietnamese letters was stored raw, while the request went
    out percent-encoded: one page could be stored under two URLs. Now both forms are the one sent."""
    assert canonical_url(SITES["thoidai"], link) == stored
