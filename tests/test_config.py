"""Site files: the four real ones load, and a mistake in one is named by file and key."""

from __future__ import annotations

from pathlib import Path

import pytest

from scrapers.config import SiteConfigError, load_site, load_sites
from scrapers.http import PoliteClient

GOOD = """
[site]
id = "vidu"
name = "Báo Ví Dụ"
base_url = "https://vidu.vn"
allowed_domains = ["vidu.vn", "www.vidu.vn"]

[discovery]
listings = ["/doi-ngoai"]
page_url = "{listing}?trang={page}"
max_pages = 5
article_link = '^/[a-z0-9-]+-\\d+\\.html$'

[article]
title = "h1.tieu-de"
body = "div.noi-dung"
date = ".ngay"
date_formats = ["%d/%m/%Y %H:%M"]
drop = [".lien-quan", "script"]
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "vidu.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_configured_sites_load() -> None:
    sites = load_sites()
    assert set(sites) == {"thoidai", "mattrancantho", "nhipsongmientay", "thanhuycantho"}
    for site in sites.values():
        assert site.base_url.startswith("https://") and site.host in site.allowed_domains
        assert site.discovery.listings and site.discovery.max_pages >= 3


def test_a_good_file_loads_into_a_site_config(tmp_path: Path) -> None:
    site = load_site(write(tmp_path, GOOD))
    assert site.id == "vidu" and site.host == "vidu.vn"
    assert site.discovery.listings == ("/doi-ngoai",)
    assert site.discovery.article_link.match("/giao-luu-huu-nghi-12.html")
    assert site.article.drop == (".lien-quan", "script")
    assert site.allows("https://www.vidu.vn/x") and not site.allows("https://facebook.com/x")


@pytest.mark.parametrize(
    ("change", "names"),
    [
        (("article_link = '^/[a-z0-9-]+-\\d+\\.html$'\n", ""), "[discovery]: missing key 'article_link'"),
        (("article_link = '^/[a-z0-9-]+-\\d+\\.html$'", "article_link = '^/(unclosed'"), "article_link"),
        (('page_url = "{listing}?trang={page}"', 'page_url = "{listing}?trang=2"'), "page_url"),
        (('title = "h1.tieu-de"\n', ""), "[article]: missing key 'title'"),
    ],
)
def test_a_mistake_names_the_file_and_the_key(tmp_path: Path, change: tuple[str, str], names: str) -> None:
    old, new = change
    assert old in GOOD
    path = write(tmp_path, GOOD.replace(old, new))
    with pytest.raises(SiteConfigError) as error:
        load_site(path)
    assert str(path) in str(error.value) and names in str(error.value)


@pytest.mark.parametrize(
    ("change", "key"),
    [
        (('listings = ["/doi-ngoai"]', 'listings = "/doi-ngoai"'), "listings"),  # would walk '/', 'd', 'o'...
        (
            ('allowed_domains = ["vidu.vn", "www.vidu.vn"]', 'allowed_domains = ["www.vidu.vn"]'),
            "allowed_domains",
        ),
        (('body = "div.noi-dung"', 'body = "div..noi-dung"'), "body"),
        (('drop = [".lien-quan", "script"]', 'drop = [".lien-quan", "script["]'), "drop"),
        (("max_pages = 5", "max_pages = 0"), "max_pages"),  # would walk no listing page at all
        (('date = ".ngay"', 'date = ".ngay"\ndate_format = "%d/%m/%Y"'), "date_format"),  # a typo'd key
    ],
)
def test_a_bad_value_names_the_file_and_the_key(tmp_path: Path, change: tuple[str, str], key: str) -> None:
    old, new = change
    assert old in GOOD
    path = write(tmp_path, GOOD.replace(old, new))
    try:
        load_site(path)
    except SiteConfigError as error:
        assert str(path) in str(error) and key in str(error)
    else:
        raise AssertionError(f"{key}: accepted silently")


@pytest.mark.parametrize("address", ["127.0.0.1:8765", "ftp://127.0.0.1:8765", "http://127.0.0.1:8765/sub"])
def test_a_malformed_portal_address_is_refused_at_once(address: str) -> None:
    try:
        PoliteClient(load_sites(), portal=address).close()
    except ValueError as error:
        assert address in str(error)
    else:
        raise AssertionError(f"{address!r} accepted")
