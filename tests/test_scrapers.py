"""Fetching policy and parsing, piece by piece (the whole crawl is in test_crawl_portal.py)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from sample_portal.server import RunningPortal
from scrapers.config import SiteConfigError, load_site, load_sites
from scrapers.http import PoliteClient, Politeness
from scrapers.parse import decode_html, parse_article, parse_date

VN = ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.mark.parametrize(
    ("text", "formats", "expected"),
    [
        ("07:05 | 04/11/2020 GMT+7", ("%H:%M | %d/%m/%Y",), datetime(2020, 11, 4, 7, 5, tzinfo=VN)),
        ("Thứ năm, 30/06/2022, 09:33 AM", ("%d/%m/%Y, %I:%M %p",), datetime(2022, 6, 30, 9, 33, tzinfo=VN)),
        ("Ngày đăng: 05/06/2021 14:20", ("%d/%m/%Y %H:%M",), datetime(2021, 6, 5, 14, 20, tzinfo=VN)),
        ("Cập nhật lúc 08:15, ngày 06/01/2023", ("%H:%M, %d/%m/%Y",), datetime(2023, 1, 6, 8, 15, tzinfo=VN)),
        ("Chủ nhật, 5-3-2023 - 4:10 PM", (), datetime(2023, 3, 5, 16, 10, tzinfo=VN)),
    ],
)
def test_date_lines_of_every_site(text: str, formats: tuple[str, ...], expected: datetime) -> None:
    assert parse_date(text, formats) == expected


def test_charset_from_header_meta_or_detection() -> None:
    html = "<html><head><meta charset='utf-8'></head><body>Hội hữu nghị Việt Nam - Lào</body></html>"
    assert "Hội hữu nghị" in decode_html(html.encode("utf-8"), "text/html")
    assert "Hội hữu nghị" in decode_html(html.encode("utf-8"), None)
    plain = "<p>Liên hiệp các tổ chức hữu nghị thành phố Cần Thơ tiếp đoàn đại biểu Campuchia</p>".encode()
    assert "Liên hiệp" in decode_html(plain, "text/html")


def test_a_bad_site_file_names_the_file_and_the_key(tmp_path: Path) -> None:
    path = tmp_path / "broken.toml"
    path.write_text('[site]\nid = "x"\n[discovery]\n[article]\n', encoding="utf-8")
    with pytest.raises(SiteConfigError, match=r"broken.toml \[discovery\]: missing key 'article_link'"):
        load_site(path)


def test_unknown_layout_falls_back_to_the_generic_extractor() -> None:
    site = load_sites()["thoidai"]
    paragraphs = "".join(
        f"<p>Đoạn văn thứ {i} kể về hoạt động giao lưu hữu nghị giữa nhân dân hai nước.</p>" for i in range(8)
    )
    html = f"<html><body><section class='story-v2'><h2>Tiêu đề mới</h2>{paragraphs}</section></body></html>"
    document = parse_article(site, "https://thoidai.com.vn/x-1.html", html)
    assert document.parser == "generic"
    assert "giao lưu hữu nghị" in document.body_text


def test_redirects_are_followed_only_inside_the_site_and_bodies_are_capped(portal: RunningPortal) -> None:
    sites = load_sites()
    with PoliteClient(sites, Politeness(delay=0, attempts=1), portal.url) as client:
        moved = client.fetch("https://thoidai.com.vn/bai-cu/106215", "thoidai", "article")
        off_site = client.fetch("https://thoidai.com.vn/chia-se", "thoidai", "article")
    with PoliteClient(sites, Politeness(delay=0, attempts=1, max_bytes=500), portal.url) as client:
        too_big = client.fetch("https://thoidai.com.vn/huu-nghi", "thoidai", "listing")
    assert moved.status == 200 and moved.final_url and moved.final_url.endswith("-106215.html")
    assert off_site.body is None and "off-site redirect" in (off_site.error or "")
    assert too_big.status is None and "over 500 bytes" in (too_big.error or "")


def test_robots_rules_are_obeyed(portal: RunningPortal) -> None:
    with PoliteClient(load_sites(), Politeness(delay=0), portal.url) as client:
        assert client.allowed("https://thoidai.com.vn/huu-nghi")
        assert not client.allowed("https://thoidai.com.vn/tim-kiem?q=hoa+binh")
        assert not client.allowed("https://mattrancantho.vn/admin/login")
