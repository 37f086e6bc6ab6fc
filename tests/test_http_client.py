"""The polite HTTP client, policy by policy, against a tiny programmable server on loopback.

The portal switch sends the real portals' URLs to this server, so every test also exercises
the switch; the server answers per path with whatever a test scripts, and records every
request it gets (host, path, headers, arrival time) so a test can assert what was sent.
"""

from __future__ import annotations

import itertools
import threading
import time
import unicodedata
from collections.abc import Iterator

import pytest

from scrapers.config import load_sites
from scrapers.http import USER_AGENT, PoliteClient, Politeness
from scrapers.parse import decode_html
from tests.local_server import Answer, LocalServer, Request, html, serve

FAST = Politeness(delay=0.0, backoff=0.01, max_wait=0.2, timeout=2.0, attempts=4)
VIETNAMESE = "Liên hiệp các tổ chức hữu nghị thành phố Cần Thơ tiếp đoàn đại biểu nhân dân tỉnh bạn."


@pytest.fixture
def server() -> Iterator[LocalServer]:
    with serve() as running:
        yield running


def client(server: LocalServer, politeness: Politeness = FAST) -> PoliteClient:
    return PoliteClient(load_sites(), politeness, portal=server.url)


# --- the portal switch and who we say we are ---------------------------------------------------


def test_the_portal_switch_keeps_the_real_url_path_query_and_host(server: LocalServer) -> None:
    server.routes["/tin-tuc?page=2&q=h%E1%BB%AFu"] = lambda _: html("<p>ok</p>")
    with client(server) as http:
        result = http.fetch(
            "https://mattrancantho.vn/tin-tuc?page=2&q=h%E1%BB%AFu", "mattrancantho", "listing"
        )
    [request] = server.to("/tin-tuc?page=2&q=h%E1%BB%AFu")
    assert request.host == "mattrancantho.vn"
    assert result.url == "https://mattrancantho.vn/tin-tuc?page=2&q=h%E1%BB%AFu"
    assert result.status == 200 and result.body == b"<p>ok</p>"


def test_the_user_agent_names_the_crawler_and_a_contact_url(server: LocalServer) -> None:
    server.routes["/a"] = lambda _: html("ok")
    with client(server) as http:
        http.fetch("https://thoidai.com.vn/a", "thoidai", "article")
    [request] = server.to("/a")
    assert request.headers["user-agent"] == USER_AGENT
    assert "doingoai" in USER_AGENT and "+http" in USER_AGENT


# --- conditional GET ----------------------------------------------------------------------------


def test_a_conditional_get_sends_the_validators_and_a_304_carries_no_body(server: LocalServer) -> None:
    validators = {"ETag": '"v1"', "Last-Modified": "Wed, 04 Nov 2020 00:05:00 GMT"}

    def page(request: Request) -> Answer:
        if request.headers.get("if-none-match") == '"v1"':
            return 304, validators, b""
        return html("<p>bài viết</p>", **validators)

    server.routes["/bai-1.html"] = page
    with client(server) as http:
        first = http.fetch("https://thoidai.com.vn/bai-1.html", "thoidai", "article")
        again = http.fetch(
            "https://thoidai.com.vn/bai-1.html",
            "thoidai",
            "article",
            etag=first.headers["etag"],
            last_modified=first.headers["last-modified"],
        )
    assert first.ok and first.content_hash
    assert again.status == 304 and again.not_modified and again.body is None and again.error is None
    conditional = server.to("/bai-1.html")[1].headers
    assert conditional["if-none-match"] == '"v1"'
    assert conditional["if-modified-since"] == "Wed, 04 Nov 2020 00:05:00 GMT"


# --- retries --------------------------------------------------------------------------------


@pytest.mark.parametrize("status", [500, 502, 503, 504, 429])
def test_transient_statuses_are_retried_until_the_page_comes(server: LocalServer, status: int) -> None:
    server.routes["/x"] = lambda request: html("down", status) if request.count < 3 else html("up")
    with client(server) as http:
        result = http.fetch("https://thoidai.com.vn/x", "thoidai", "article")
    assert result.ok and result.body == b"up"
    assert len(server.to("/x")) == 3


def test_retry_after_is_honoured_and_bounded(server: LocalServer) -> None:
    """The server asks for two minutes; the client waits, but no longer than max_wait."""
    server.routes["/x"] = lambda request: (
        html("busy", 503, **{"Retry-After": "120"}) if request.count == 1 else html("up")
    )
    politeness = Politeness(delay=0.0, backoff=0.0, max_wait=0.3, timeout=2.0)
    started = time.monotonic()
    with client(server, politeness) as http:
        result = http.fetch("https://thoidai.com.vn/x", "thoidai", "article")
    first, second = server.to("/x")
    assert result.ok
    assert second.at - first.at >= 0.25  # honoured, up to the cap
    assert time.monotonic() - started < 10  # bounded: not two minutes


def test_a_timeout_is_retried(server: LocalServer) -> None:
    def slow_once(request: Request) -> Answer:
        if request.count == 1:
            time.sleep(1.0)
        return html("late but here")

    server.routes["/x"] = slow_once
    with client(server, Politeness(delay=0.0, backoff=0.01, max_wait=0.1, timeout=0.3)) as http:
        result = http.fetch("https://thoidai.com.vn/x", "thoidai", "article")
    assert result.ok and len(server.to("/x")) == 2


def test_after_the_last_attempt_the_failure_is_returned_not_raised(server: LocalServer) -> None:
    server.routes["/x"] = lambda _: html("down", 503)
    with client(server, Politeness(delay=0.0, backoff=0.01, max_wait=0.05, attempts=3)) as http:
        result = http.fetch("https://thoidai.com.vn/x", "thoidai", "article")
    assert result.status == 503 and result.body is None and result.error == "HTTP 503"
    assert len(server.to("/x")) == 3


def test_a_connection_refused_is_recorded_as_a_failure() -> None:
    with PoliteClient(
        load_sites(), Politeness(attempts=2, backoff=0.01, timeout=0.5), "http://127.0.0.1:9"
    ) as http:
        result = http.fetch("https://thoidai.com.vn/x", "thoidai", "article")
    assert result.status is None and result.body is None and result.error


@pytest.mark.parametrize("status", [404, 410, 403])
def test_client_errors_are_not_retried(server: LocalServer, status: int) -> None:
    server.routes["/x"] = lambda _: html("no", status)
    with client(server) as http:
        result = http.fetch("https://thoidai.com.vn/x", "thoidai", "article")
    assert result.status == status and result.body is None
    assert len(server.to("/x")) == 1


# --- body size cap ---------------------------------------------------------------------------


def test_a_body_over_the_cap_is_aborted_and_not_retried(server: LocalServer) -> None:
    server.routes["/big.pdf"] = lambda _: (200, {"Content-Type": "application/pdf"}, b"%PDF-" + b"0" * 50_000)
    with client(server, Politeness(delay=0.0, max_bytes=10_000, backoff=0.01)) as http:
        result = http.fetch("https://thanhuycantho.vn/big.pdf", "thanhuycantho", "attachment")
    assert result.status is None and result.body is None
    assert "10000 bytes" in (result.error or "")
    assert len(server.to("/big.pdf")) == 1


# --- redirects ---------------------------------------------------------------------------------


def test_an_in_site_redirect_is_followed(server: LocalServer) -> None:
    server.routes["/bai-cu/7"] = lambda _: (301, {"Location": "/bai-moi-7.html"}, b"")
    server.routes["/bai-moi-7.html"] = lambda _: html("<p>moved here</p>")
    with client(server) as http:
        result = http.fetch("https://thoidai.com.vn/bai-cu/7", "thoidai", "article")
    assert result.ok and result.body == b"<p>moved here</p>"
    assert result.url == "https://thoidai.com.vn/bai-cu/7"
    assert result.final_url == "https://thoidai.com.vn/bai-moi-7.html"


def test_an_off_site_redirect_is_recorded_not_followed(server: LocalServer) -> None:
    server.routes["/chia-se"] = lambda _: (302, {"Location": "https://www.facebook.com/sharer.php"}, b"")
    server.routes["*"] = lambda _: html("must not be asked")
    with client(server) as http:
        result = http.fetch("https://thoidai.com.vn/chia-se", "thoidai", "article")
    assert result.status == 302 and result.body is None
    assert "off-site redirect" in (result.error or "") and "facebook.com" in (result.error or "")
    assert [request.path for request in server.requests] == ["/chia-se"]


def test_a_redirect_loop_ends_with_an_error(server: LocalServer) -> None:
    server.routes["/a"] = lambda _: (302, {"Location": "/b"}, b"")
    server.routes["/b"] = lambda _: (302, {"Location": "/a"}, b"")
    with client(server, Politeness(delay=0.0, attempts=1, max_redirects=3)) as http:
        result = http.fetch("https://thoidai.com.vn/a", "thoidai", "article")
    assert result.body is None and "redirect" in (result.error or "")
    hops = [request for request in server.requests if request.path != "/robots.txt"]
    assert len(hops) == 4  # the first request and three redirects, then it stops


# --- robots.txt ----------------------------------------------------------------------------------


def test_robots_txt_is_fetched_once_per_host_and_obeyed(server: LocalServer) -> None:
    server.routes["/robots.txt"] = lambda _: (
        200,
        {"Content-Type": "text/plain"},
        b"User-agent: *\nDisallow: /tim-kiem\nDisallow: /admin/\n",
    )
    with client(server) as http:
        verdicts = [
            http.allowed("https://thoidai.com.vn/huu-nghi"),
            http.allowed("https://thoidai.com.vn/tim-kiem?q=hoa+binh"),
            http.allowed("https://thoidai.com.vn/admin/login"),
            http.allowed("https://thoidai.com.vn/bai-1.html"),
            http.allowed("https://mattrancantho.vn/tim-kiem"),
        ]
    assert verdicts == [True, False, False, True, False]
    robots = server.to("/robots.txt")
    assert sorted(request.host for request in robots) == ["mattrancantho.vn", "thoidai.com.vn"]


def test_a_missing_robots_txt_allows_everything(server: LocalServer) -> None:
    server.routes["/robots.txt"] = lambda _: html("not found", 404)
    with client(server) as http:
        assert http.allowed("https://thoidai.com.vn/anything")


def test_a_robots_txt_that_keeps_failing_forbids_the_host_for_the_run(server: LocalServer) -> None:
    server.routes["/robots.txt"] = lambda _: html("down", 503)
    with client(server) as http:
        assert not http.allowed("https://thoidai.com.vn/huu-nghi")
        assert not http.allowed("https://thoidai.com.vn/bai-1.html")


def test_a_robots_txt_that_fails_once_is_retried(server: LocalServer) -> None:
    server.routes["/robots.txt"] = lambda request: (
        html("down", 503) if request.count == 1 else (200, {}, b"User-agent: *\nDisallow: /admin/\n")
    )
    with client(server) as http:
        assert http.allowed("https://thoidai.com.vn/huu-nghi")


def test_a_redirect_into_a_disallowed_path_is_not_followed(server: LocalServer) -> None:
    server.routes["/robots.txt"] = lambda _: (200, {}, b"User-agent: *\nDisallow: /admin/\n")
    server.routes["/cu"] = lambda _: (301, {"Location": "/admin/bai"}, b"")
    server.routes["/admin/bai"] = lambda _: html("forbidden page")
    with client(server) as http:
        assert http.allowed("https://thoidai.com.vn/cu")
        http.fetch("https://thoidai.com.vn/cu", "thoidai", "article")
    assert server.to("/admin/bai") == []


# --- politeness between requests ---------------------------------------------------------------


def test_requests_to_one_host_keep_the_minimum_delay(server: LocalServer) -> None:
    server.routes["*"] = lambda _: html("ok")
    with client(server, Politeness(delay=0.3)) as http:
        for number in range(4):
            http.fetch(f"https://thoidai.com.vn/p{number}", "thoidai", "article")
    arrivals = [request.at for request in server.requests]
    gaps = [later - earlier for earlier, later in itertools.pairwise(arrivals)]
    assert len(gaps) == 3 and min(gaps) >= 0.2  # arrival times jitter, more so on a loaded machine


def test_threads_share_the_host_delay(server: LocalServer) -> None:
    """Eight threads fetching from one host still take turns (without the gate they would all
    arrive within a few milliseconds); arrival times jitter, hence the margin."""
    server.routes["*"] = lambda _: html("ok")
    with client(server, Politeness(delay=0.2, concurrency=8)) as http:
        threads = [
            threading.Thread(target=http.fetch, args=(f"https://thoidai.com.vn/t{n}", "thoidai", "article"))
            for n in range(8)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    arrivals = sorted(request.at for request in server.requests)
    assert len(arrivals) == 8
    assert min(later - earlier for earlier, later in itertools.pairwise(arrivals)) >= 0.12


# --- charset --------------------------------------------------------------------------------


def _cp1258(text: str) -> bytes:
    """Vietnamese in windows-1258, the way legacy sites store it: base letters precomposed,
    tone marks as combining characters."""
    tones = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
    encoded = []
    for character in unicodedata.normalize("NFC", text):
        try:
            encoded.append(character.encode("cp1258"))
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", character)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
            encoded.append((base + "".join(c for c in parts if c in tones)).encode("cp1258"))
    return b"".join(encoded)


def test_the_charset_comes_from_the_header() -> None:
    body = _cp1258(f"<html><body><p>{VIETNAMESE}</p></body></html>")
    assert VIETNAMESE in decode_html(body, "text/html; charset=windows-1258")


def test_the_charset_comes_from_meta_when_the_header_says_none() -> None:
    http_equiv = '<meta http-equiv="Content-Type" content="text/html; charset=windows-1258">'
    page = f"<html><head>{http_equiv}</head><body>{VIETNAMESE}</body></html>"
    assert VIETNAMESE in decode_html(_cp1258(page), "text/html")
    meta = f"<html><head><meta charset='utf-8'></head><body>{VIETNAMESE}</body></html>"
    assert VIETNAMESE in decode_html(meta.encode(), None)


def test_the_charset_is_detected_when_nothing_declares_it() -> None:
    page = f"<html><body><p>{VIETNAMESE} {VIETNAMESE}</p></body></html>"
    assert VIETNAMESE in decode_html(_cp1258(page), "text/html")
    assert VIETNAMESE in decode_html(page.encode("utf-8"), None)


def test_text_is_nfc_normalised() -> None:
    decomposed = unicodedata.normalize("NFD", VIETNAMESE)
    assert decomposed != VIETNAMESE
    assert VIETNAMESE in decode_html(decomposed.encode(), "text/html; charset=utf-8")


def test_a_wrong_western_header_does_not_garble_utf8() -> None:
    page = f"<html><head><meta charset='utf-8'></head><body>{VIETNAMESE}</body></html>"
    assert VIETNAMESE in decode_html(page.encode(), "text/html; charset=ISO-8859-1")


def test_requests_in_flight_are_capped_over_all_hosts(server: LocalServer) -> None:
    """Six threads on six hosts, each answer slow: never more than `concurrency` at once."""
    in_flight, most = 0, 0
    lock = threading.Lock()

    def slow(_: Request) -> Answer:
        nonlocal in_flight, most
        with lock:
            in_flight += 1
            most = max(most, in_flight)
        time.sleep(0.2)
        with lock:
            in_flight -= 1
        return html("ok")

    server.routes["/slow"] = slow
    hosts = [domain for site in load_sites().values() for domain in site.allowed_domains][:6]
    sites = {domain: site.id for site in load_sites().values() for domain in site.allowed_domains}
    with client(server, Politeness(delay=0.0, concurrency=2)) as http:
        threads = [
            threading.Thread(target=http.fetch, args=(f"https://{host}/slow", sites[host], "article"))
            for host in hosts
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert len(server.to("/slow")) == 6
    assert most == 2


def test_a_robots_crawl_delay_longer_than_ours_is_honoured(server: LocalServer) -> None:
    server.routes["/robots.txt"] = lambda _: (
        200,
        {"Content-Type": "text/plain"},
        b"User-agent: *\nCrawl-delay: 0.4\n",
    )
    server.routes["*"] = lambda _: html("ok")
    with client(server, Politeness(delay=0.0)) as http:
        for number in range(3):
            url = f"https://thoidai.com.vn/c{number}"
            assert http.allowed(url)
            http.fetch(url, "thoidai", "article")
    arrivals = [request.at for request in server.requests if request.path != "/robots.txt"]
    gaps = [later - earlier for earlier, later in itertools.pairwise(arrivals)]
    assert len(gaps) == 2 and min(gaps) >= 0.3  # the site asked for 0.4 s; arrival times jitter
