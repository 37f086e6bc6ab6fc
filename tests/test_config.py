"""Site files: the four real ones load, and a mistake in one is named by file and key."""

from __future__ import annotations

from pathlib import Path

import pytest

from scrapers.config import SiteConfigError, load_site, load_sites, read_site_files
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
sitemap = "/sitemap.xml"
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
        (("max_pages = 5", "max_pages = true"), "max_pages"),  # a bool is not a number of pages
        (("max_pages = 5", 'max_pages = "5"'), "max_pages"),  # nor is a string: no coercion
        (('name = "Báo Ví Dụ"', 'name = "  "'), "name"),
        (('date_formats = ["%d/%m/%Y %H:%M"]', 'date_formats = ["%d/%m/%Y %H:%M", 3]'), "date_formats[1]"),
        (("[article]", "[articles]"), "[articles]"),  # a typo'd table
        (('sitemap = "/sitemap.xml"', 'sitemap = ""'), "sitemap"),
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


def test_a_mistake_says_what_is_wrong_not_only_where(tmp_path: Path) -> None:
    """The message a site file's author reads: file, table, key, the problem and the value given."""
    path = write(tmp_path, GOOD.replace("max_pages = 5", "max_pages = 0"))
    with pytest.raises(SiteConfigError) as error:
        load_site(path)
    assert (
        str(error.value)
        == f"{path} [discovery] max_pages: Input should be greater than or equal to 1 (got 0)"
    )
    path = write(tmp_path, GOOD.replace('date = ".ngay"', 'ngay = ".ngay"'))
    with pytest.raises(SiteConfigError) as error:
        load_site(path)
    assert str(error.value).startswith(
        f"{path} [article]: unknown key 'ngay' (known: attachments, author, body,"
    )


def test_every_mistake_in_a_file_is_reported_at_once(tmp_path: Path) -> None:
    broken = GOOD.replace("max_pages = 5", "max_pages = 0").replace('title = "h1.tieu-de"\n', "")
    path = write(tmp_path, broken.replace('listings = ["/doi-ngoai"]', 'listings = "/doi-ngoai"'))
    with pytest.raises(SiteConfigError) as error:
        load_site(path)
    lines = str(error.value).splitlines()
    assert lines == [
        f"{path} [discovery] listings: must be a list (got '/doi-ngoai')",
        f"{path} [discovery] max_pages: Input should be greater than or equal to 1 (got 0)",
        f"{path} [article]: missing key 'title'",
    ]


def test_a_loaded_site_has_the_attributes_callers_use(tmp_path: Path) -> None:
    """Tuples, a compiled pattern and None for what the file leaves out; nothing can be changed."""
    site = load_site(write(tmp_path, GOOD))
    assert site.allowed_domains == ("vidu.vn", "www.vidu.vn")
    assert site.discovery.page_url == "{listing}?trang={page}" and site.discovery.max_pages == 5
    assert site.discovery.sitemap == "/sitemap.xml"
    assert site.discovery.article_link.pattern == "^/[a-z0-9-]+-\\d+\\.html$"
    assert site.article.date_formats == ("%d/%m/%Y %H:%M",)
    assert (site.article.lead, site.article.author, site.article.attachments) == (None, None, None)
    assert site.url("/doi-ngoai") == "https://vidu.vn/doi-ngoai"
    with pytest.raises(ValueError):
        site.discovery.max_pages = 50  # type: ignore[misc]  # the frozen model must refuse this
    default = load_site(
        write(tmp_path, GOOD.replace("max_pages = 5\n", "").replace('sitemap = "/sitemap.xml"\n', ""))
    )
    assert default.discovery.max_pages == 20 and default.discovery.sitemap is None


@pytest.mark.parametrize(
    ("change", "says"),
    [
        # a hyphen is no part of a Dagster check name: the definitions would not load at all
        (('id = "vidu"', 'id = "vi-du"'), "[site] id: must be lowercase letters, digits and underscores"),
        (('id = "vidu"', 'id = "Vidu"'), "[site] id:"),
        (('page_url = "{listing}?trang={page}"', 'page_url = "{listing}?trang={trang}"'), "{trang}"),
        (('page_url = "{listing}?trang={page}"', 'page_url = "{listing}?trang={page"'), "page_url"),
        (('page_url = "{listing}?trang={page}"', 'page_url = "{list}/{page}"'), "only {listing} and {page}"),
        (('sitemap = "/sitemap.xml"', "sitemap = 5"), "[discovery] sitemap: must be a string (got 5)"),
    ],
)
def test_ids_placeholders_and_types_are_checked_before_anything_runs(
    tmp_path: Path, change: tuple[str, str], says: str
) -> None:
    old, new = change
    assert old in GOOD
    path = write(tmp_path, GOOD.replace(old, new))
    with pytest.raises(SiteConfigError) as error:
        load_site(path)
    assert str(error.value).startswith(str(path)) and says in str(error.value)


def test_a_refused_id_suggests_one_that_works(tmp_path: Path) -> None:
    with pytest.raises(SiteConfigError, match="say 'thoi_dai'"):
        load_site(write(tmp_path, GOOD.replace('id = "vidu"', 'id = "thoi-dai"')))


def test_a_broken_file_skips_only_its_own_site(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """A TOML syntax error, a bad value and a second file with the same id: each file is set aside with
    what is wrong, and the sound site still loads."""
    (tmp_path / "a_good.toml").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b_syntax.toml").write_text(GOOD.replace('name = "Báo Ví Dụ"', "name = "), encoding="utf-8")
    (tmp_path / "c_dash.toml").write_text(GOOD.replace('id = "vidu"', 'id = "thoi-dai"'), encoding="utf-8")
    (tmp_path / "d_twice.toml").write_text(GOOD, encoding="utf-8")
    files = read_site_files(tmp_path)
    assert list(files.sites) == ["vidu"]
    assert sorted(path.name for path in files.problems) == ["b_syntax.toml", "c_dash.toml", "d_twice.toml"]
    assert "b_syntax.toml" in files.problems[tmp_path / "b_syntax.toml"]
    assert "[site] id:" in files.problems[tmp_path / "c_dash.toml"]
    assert "configured twice" in files.problems[tmp_path / "d_twice.toml"]
    with caplog.at_level("ERROR", logger="doingoai.config"):
        assert list(load_sites(tmp_path)) == ["vidu"]
    assert "site file skipped" in caplog.text and "c_dash.toml" in caplog.text
