"""The sample portal behaves like the real portals it stands in for."""

from __future__ import annotations

import re
import subprocess
import sys
import time

import httpx
import pytest

from sample_portal.model import PAGE_SIZE, SITES
from sample_portal.server import Portal, PortalState, RunningPortal
from tests.conftest import ROOT, StartPortal


def get(portal_url: str, host: str, path: str, **headers: str) -> httpx.Response:
    return httpx.get(portal_url + path, headers={"Host": host, **headers})


def test_every_site_has_at_least_40_written_articles_and_three_listing_pages() -> None:
    portal = Portal(PortalState(), seeds_dir=ROOT / "no-seeds-here")
    assert len(portal.articles) >= 40
    for scheme in SITES.values():
        online = portal.online(scheme.id)
        largest = max(sum(1 for a in online if a.category == c) for c in scheme.categories)
        assert -(-largest // PAGE_SIZE) >= 3, scheme.id


def test_sites_are_served_by_host_with_validators_and_304(portal: RunningPortal) -> None:
    for scheme in SITES.values():
        first = get(portal.url, scheme.host, scheme.category_path(scheme.categories[0]))
        assert first.status_code == 200 and scheme.name in first.text
        again = get(
            portal.url,
            scheme.host,
            scheme.category_path(scheme.categories[0]),
            **{"If-None-Match": first.headers["etag"]},
        )
        assert again.status_code == 304 and again.content == b""
        robots = get(portal.url, scheme.host, "/robots.txt")
        assert f"Disallow: {scheme.disallowed}" in robots.text
    assert "<urlset" in get(portal.url, "thoidai.com.vn", "/sitemap.xml").text
    assert "Host" in get(portal.url, "127.0.0.1", "/").text


def test_the_day_switch_publishes_edits_and_removes(portal: RunningPortal) -> None:
    path = "/dai-hoi-hoi-huu-nghi-viet-nam-campuchia-thanh-pho-can-tho-a7109.html"
    assert get(portal.url, "nhipsongmientay.vn", path).status_code == 200
    httpx.post(portal.url + "/__portal__/state", json={"day": 2})
    assert get(portal.url, "nhipsongmientay.vn", path).status_code == 404
    assert httpx.get(portal.url + "/__portal__/state").json()["day"] == 2
    listing = get(portal.url, "thoidai.com.vn", "/huu-nghi").text
    assert "Hội những người Hàn Quốc yêu Việt Nam xây nhà tình nghĩa" in listing


def test_broken_layout_changes_only_that_site(sample_portal: StartPortal) -> None:
    with sample_portal(broken_layout="mattrancantho") as portal:
        listing = get(portal.url, "mattrancantho.vn", "/tin-tuc/doi-ngoai-nhan-dan").text
        link = re.search(r'href="(?:https://mattrancantho\.vn)?(/tin-tuc/[^"]+-\d+)"', listing)
        assert link, listing[:500]
        assert "news-body" not in get(portal.url, "mattrancantho.vn", link.group(1)).text
        other = get(portal.url, "thoidai.com.vn", "/huu-nghi").text
        assert "article" in other or "listing" in other


@pytest.mark.subprocess
def test_the_command_serves_until_stopped() -> None:
    process = subprocess.Popen(
        [sys.executable, "-c", "from cli.main import main; main()", "sample-portal", "--port", "0"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        address = re.search(r"http://127\.0\.0\.1:\d+", line)
        assert address, line
        url = address.group(0)
        deadline = time.time() + 10
        while time.time() < deadline:
            try:
                assert get(url, "thoidai.com.vn", "/robots.txt").status_code == 200
                break
            except httpx.ConnectError:
                time.sleep(0.1)
    finally:
        process.terminate()
        process.wait(timeout=10)
