"""Scale mode of the sample portal (sample_portal/scale.py), without a server: the portal's routing
is called directly, so these stay in the fast tier."""

from __future__ import annotations

import re
from collections import Counter
from urllib.parse import urlsplit

import pytest

from extraction import extract
from sample_portal.model import SITES
from sample_portal.scale import LISTING_DEPTH, PAGE_SIZE, SITEMAP_CHILD_SIZE, ScaleArchive
from sample_portal.server import Portal, PortalState
from scrapers.config import load_sites
from scrapers.parse import article_links, decode_html, parse_article
from scrapers.sitemap import read_sitemap

CONFIGS = load_sites()
LOC = re.compile(r"<loc>([^<]+)</loc>")


def _portal(articles: int, new_per_day: int, day: int = 1) -> Portal:
    return Portal(PortalState(day=day), scale=ScaleArchive(articles, new_per_day))


def _get(portal: Portal, url: str) -> tuple[int, str]:
    parts = urlsplit(url)
    target = parts.path + (f"?{parts.query}" if parts.query else "")
    response = portal.respond(parts.hostname or "", target)
    return response.status, response.body.decode()


def test_every_article_is_reachable_through_listings_or_the_sitemap_and_parses_with_its_site_config() -> None:
    portal = _portal(3_000, 30)
    found: dict[str, str] = {}
    for site in CONFIGS.values():
        for listing in site.discovery.listings:
            for page in range(1, site.discovery.max_pages + 1):
                path = listing if page == 1 else site.discovery.page_url.format(listing=listing, page=page)
                status, html = _get(portal, site.url(path))
                if status != 200:
                    break
                found.update(dict.fromkeys(article_links(site, site.url(path), html), site.id))
    status, index = _get(portal, "https://thoidai.com.vn/sitemap.xml")
    children = read_sitemap(CONFIGS["thoidai"], index.encode()).sitemaps
    thoidai_articles = len(ScaleArchive(3_000, 30).listed("thoidai", None, 1))
    assert status == 200 and len(children) == -(-thoidai_articles // SITEMAP_CHILD_SIZE)
    for child in children:
        found.update(
            dict.fromkeys(
                read_sitemap(CONFIGS["thoidai"], _get(portal, child)[1].encode()).articles, "thoidai"
            )
        )
    assert len(found) == 3_000
    assert set(Counter(found.values())) == set(SITES)  # all four sites hold some

    for url in list(found)[:: 3_000 // 12]:  # a dozen pages of all sites
        status, html = _get(portal, url)
        assert status == 200 and 40_000 <= len(html.encode()) <= 120_000
        document = parse_article(
            CONFIGS[found[url]], url, decode_html(html.encode(), "text/html; charset=utf-8")
        )
        assert document.parser == f"site:{found[url]}", url  # the site's own selectors read it
        assert document.title and document.published_at and len(document.body_text) > 1_000
        assert "div-gpt-ad" not in document.body_text and "Đọc nhiều" not in document.body_text


def test_the_same_number_gives_the_same_page_and_articles_vary() -> None:
    first, again = ScaleArchive(1_000, 10), ScaleArchive(1_000, 10)
    assert first.page(123, 1) == again.page(123, 1)
    titles = {first.article(n, 1).title for n in range(200)}
    assert len(titles) > 100
    years = {first.published(n).year for n in range(1_000)}
    assert len(years) >= 10  # the archive spans years
    records = [
        extract(
            "\n".join((first.article(n, 1).lead, *first.article(n, 1).paragraphs)), first.published(n).date()
        )
        for n in range(40)
    ]
    assert sum(len(r.people) for r in records) > 40
    assert sum(len(r.amounts) for r in records) > 10
    assert sum(len(r.events) for r in records) > 20


def test_listings_are_newest_first_and_the_listing_only_sites_fit_the_listing_walk() -> None:
    archive = ScaleArchive(100_000, 1_000)
    for site in ("mattrancantho", "nhipsongmientay", "thanhuycantho"):
        assert len(archive.listed(site, None, 1)) <= LISTING_DEPTH * PAGE_SIZE
    listed = archive.listed("thoidai", "huu-nghi", 2)
    dates = [archive.published(n) for n in listed.newest_first(0, 60)]
    assert dates == sorted(dates, reverse=True)
    assert archive.published(listed.newest_first(0, 1)[0]).date() > archive.published(99_999).date()
    assert max(CONFIGS[s].discovery.max_pages for s in CONFIGS) == LISTING_DEPTH


@pytest.mark.parametrize("day", [2, 3])
def test_each_day_adds_and_edits_new_per_day_articles_and_the_sitemap_says_which(day: int) -> None:
    archive = ScaleArchive(20_000, 5)
    assert archive.count_on(day) == 20_000 + 5 * (day - 1)
    edited = [n for n in range(20_000) if archive.edited_on(n, day)]
    assert len(edited) == 5
    number = edited[0]
    before, after = archive.page(number, day - 1), archive.page(number, day)
    assert before != after and "Cập nhật ngày" in after
    assert archive.modified(number, day) > archive.modified(number, day - 1)
    scheme = SITES["thoidai"]
    lastmods = re.compile(r"<loc>([^<]+)</loc><lastmod>([^<]+)</lastmod>")
    before_index = dict(lastmods.findall(archive.sitemap_index(scheme, day - 1)))
    after_index = dict(lastmods.findall(archive.sitemap_index(scheme, day)))
    moved = [child for child, lastmod in before_index.items() if after_index[child] != lastmod]
    assert 1 <= len(moved) <= 6 < len(before_index)  # only the children holding edits or new articles
    assert len(LOC.findall(archive.sitemap_child(scheme, 1, day) or "")) == SITEMAP_CHILD_SIZE
