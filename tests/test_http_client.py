"""The polite HTTP client, policy by policy, against pytest-httpserver on loopback.

The portal switch sends the real portals' URLs to this httpserver, so every test also exercises
the switch; each test scripts the answers it needs (`expect_request`, `expect_oneshot_request`
for an answer given once) and reads back from `httpserver.log` every request the server got, so it
can assert what was sent. A request nothing was scripted for gets pytest-httpserver's 500.
No test here needs raw socket behaviour (a stall, a reset, a truncated body) that it cannot script.
"""

from __future__ import annotations

import itertools
import re
import threading
import time
import unicodedata
from collections.abc import Callable, Iterator

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from scrapers.config import load_sites
from scrapers.http import USER_AGENT, PoliteClient, Politeness
from scrapers.parse import decode_html

FAST = Politeness(delay=0.0, backoff=0.01, max_wait=0.2, timeout=2.0, attempts=4)
VIETNAMESE = "Liên hiệp các tổ chức hữu nghị thành phố Cần Thơ tiếp đoàn đại biểu nhân dân tỉnh bạn."
HTML = "text/html; charset=utf-8"


@pytest.fixture
def threaded_httpserver() -> Iterator[HTTPServer]:
    """A threaded server of its own, for the tests whose requests overlap: the stock `httpserver`
    answers one request at a time, so a slow answer would hold the next request back."""
    with HTTPServer(host="127.0.0.1", threaded=True) as running:
        yield running


def client(httpserver: HTTPServer, politeness: Politeness = FAST) -> PoliteClient:
    return PoliteClient(load_sites(), politeness, portal=httpserver.url_for("/").rstrip("/"))


def asked(httpserver: HTTPServer, target: str | None = None) -> list[Request]:
    """The requests the server got, oldest first; only those for `target` (path and query, as sent) if given."""
    return [request for request, _ in httpserver.log if target in (None, request.environ["REQUEST_URI"])]


def arrivals(times: list[float], body: str = "ok") -> Callable[[Request], Response]:
    """A handler that notes when each request arrived, then answers `body`."""

    def handler(_: Request) -> Response:
        times.append(time.monotonic())
        return Response(body, content_type=HTML)

    return handler


def allow_everything(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/robots.txt").respond_with_data(
        "User-agent: *\nAllow: /\n", content_type="text/plain"
    )


# --- the portal switch and who we say we are ---------------------------------------------------


def test_the_portal_switch_keeps_the_real_url_path_query_and_host(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/tin-tuc", query_string="page=2&q=h%E1%BB%AFu").respond_with_data(
        "<p>ok</p>", content_type=HTML
    )
    with client(httpserver) as http:
        result = http.fetch(
            "https://mattrancantho.vn/tin-tuc?page=2&q=h%E1%BB%AFu", "mattrancantho", "listing"
        )
    [request] = asked(httpserver, "/tin-tuc?page=2&q=h%E1%BB%AFu")
    assert request.host == "mattrancantho.vn"
    assert result.url == "https://mattrancantho.vn/tin-tuc?page=2&q=h%E1%BB%AFu"
    assert result.status == 200 and result.body == b"<p>ok</p>"


def test_the_user_agent_names_the_crawler_and_a_contact_url(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/a").respond_with_data("ok", content_type=HTML)
    with client(httpserver) as http:
        http.fetch("https://thoidai.com.vn/a", "thoidai", "article")
    [request] = asked(httpserver, "/a")
    assert request.headers["User-Agent"] == USER_AGENT
    assert "doingoai" in USER_AGENT and "+http" in USER_AGENT


# --- conditional GET ----------------------------------------------------------------------------


def test_a_conditional_get_sends_the_validators_and_a_304_carries_no_body(httpserver: HTTPServer) -> None:
    validators = {"ETag": '"v1"', "Last-Modified": "Wed, 04 Nov 2020 00:05:00 GMT"}
    httpserver.expect_request("/bai-1.html", headers={"If-None-Match": '"v1"'}).respond_with_data(
        "", status=304, headers=validators
    )
    httpserver.expect_request("/bai-1.html").respond_with_data(
        "<p>bài viết</p>", headers=validators, content_type=HTML
    )
    with client(httpserver) as http:
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
    conditional = asked(httpserver, "/bai-1.html")[1].headers
    assert conditional["If-None-Match"] == '"v1"'
    assert conditional["If-Modified-Since"] == "Wed, 04 Nov 2020 00:05:00 GMT"


# --- retries --------------------------------------------------------------------------------


@pytest.mark.parametrize("status", [500, 502, 503, 504, 429])
def test_transient_statuses_are_retried_until_the_page_comes(httpserver: HTTPServer, status: int) -> None:
    for _ in range(2):
        httpserver.expect_oneshot_request("/x").respond_with_data("down", status=status)
    httpserver.expect_request("/x").respond_with_data("up", content_type=HTML)
    with client(httpserver) as http:
        result = http.fetch("https://thoidai.com.vn/x", "thoidai", "article")
    assert result.ok and result.body == b"up"
    assert len(asked(httpserver, "/x")) == 3


def test_retry_after_is_honoured_and_bounded(httpserver: HTTPServer) -> None:
    """The server asks for two minutes; the client waits, but no longer than max_wait."""
    times: list[float] = []

    def busy(request: Request) -> Response:
        times.append(time.monotonic())
        return Response("busy", status=503, headers={"Retry-After": "120"})

    httpserver.expect_oneshot_request("/x").respond_with_handler(busy)
    httpserver.expect_request("/x").respond_with_handler(arrivals(times, "up"))
    politeness = Politeness(delay=0.0, backoff=0.0, max_wait=0.3, timeout=2.0)
    started = time.monotonic()
    with client(httpserver, politeness) as http:
        result = http.fetch("https://thoidai.com.vn/x", "thoidai", "article")
    first, second = times
    assert result.ok
    assert second - first >= 0.25  # honoured, up to the cap
    assert time.monotonic() - started < 10  # bounded: not two minutes


def test_a_timeout_is_retried(threaded_httpserver: HTTPServer) -> None:
    httpserver = threaded_httpserver

    def slow(_: Request) -> Response:
        time.sleep(1.0)
        return Response("too late", content_type=HTML)

    httpserver.expect_oneshot_request("/x").respond_with_handler(slow)
    httpserver.expect_request("/x").respond_with_data("late but here", content_type=HTML)
    with client(httpserver, Politeness(delay=0.0, backoff=0.01, max_wait=0.1, timeout=0.3)) as http:
        result = http.fetch("https://thoidai.com.vn/x", "thoidai", "article")
    assert result.ok and result.body == b"late but here"
    # the slow answer is logged once it is written, after the retry's: both requests arrived
    deadline = time.monotonic() + 5
    while len(asked(httpserver, "/x")) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert len(asked(httpserver, "/x")) == 2


def test_after_the_last_attempt_the_failure_is_returned_not_raised(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/x").respond_with_data("down", status=503)
    with client(httpserver, Politeness(delay=0.0, backoff=0.01, max_wait=0.05, attempts=3)) as http:
        result = http.fetch("https://thoidai.com.vn/x", "thoidai", "article")
    assert result.status == 503 and result.body is None and result.error == "HTTP 503"
    assert len(asked(httpserver, "/x")) == 3


def test_a_connection_refused_is_recorded_as_a_failure() -> None:
    with PoliteClient(
        load_sites(), Politeness(attempts=2, backoff=0.01, timeout=0.5), "http://127.0.0.1:9"
    ) as http:
        result = http.fetch("https://thoidai.com.vn/x", "thoidai", "article")
    assert result.status is None and result.body is None and result.error


@pytest.mark.parametrize("status", [404, 410, 403])
def test_client_errors_are_not_retried(httpserver: HTTPServer, status: int) -> None:
    httpserver.expect_request("/x").respond_with_data("no", status=status)
    with client(httpserver) as http:
        result = http.fetch("https://thoidai.com.vn/x", "thoidai", "article")
    assert result.status == status and result.body is None
    assert len(asked(httpserver, "/x")) == 1


# --- body size cap ---------------------------------------------------------------------------


def test_a_body_over_the_cap_is_aborted_and_not_retried(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/big.pdf").respond_with_data(
        b"%PDF-" + b"0" * 50_000, content_type="application/pdf"
    )
    with client(httpserver, Politeness(delay=0.0, max_bytes=10_000, backoff=0.01)) as http:
        result = http.fetch("https://thanhuycantho.vn/big.pdf", "thanhuycantho", "attachment")
    assert result.status is None and result.body is None
    assert "10000 bytes" in (result.error or "")
    assert len(asked(httpserver, "/big.pdf")) == 1


# --- redirects ---------------------------------------------------------------------------------


def test_an_in_site_redirect_is_followed(httpserver: HTTPServer) -> None:
    allow_everything(httpserver)
    httpserver.expect_request("/bai-cu/7").respond_with_data(
        "", status=301, headers={"Location": "/bai-moi-7.html"}
    )
    httpserver.expect_request("/bai-moi-7.html").respond_with_data("<p>moved here</p>", content_type=HTML)
    with client(httpserver) as http:
        result = http.fetch("https://thoidai.com.vn/bai-cu/7", "thoidai", "article")
    assert result.ok and result.body == b"<p>moved here</p>"
    assert result.url == "https://thoidai.com.vn/bai-cu/7"
    assert result.final_url == "https://thoidai.com.vn/bai-moi-7.html"


def test_an_off_site_redirect_is_recorded_not_followed(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/chia-se").respond_with_data(
        "", status=302, headers={"Location": "https://www.facebook.com/sharer.php"}
    )
    with client(httpserver) as http:
        result = http.fetch("https://thoidai.com.vn/chia-se", "thoidai", "article")
    assert result.status == 302 and result.body is None
    assert "off-site redirect" in (result.error or "") and "facebook.com" in (result.error or "")
    assert [request.path for request in asked(httpserver)] == [
        "/chia-se"
    ]  # nothing else, robots.txt included


def test_a_redirect_loop_ends_with_an_error(httpserver: HTTPServer) -> None:
    allow_everything(httpserver)
    httpserver.expect_request("/a").respond_with_data("", status=302, headers={"Location": "/b"})
    httpserver.expect_request("/b").respond_with_data("", status=302, headers={"Location": "/a"})
    with client(httpserver, Politeness(delay=0.0, attempts=1, max_redirects=3)) as http:
        result = http.fetch("https://thoidai.com.vn/a", "thoidai", "article")
    assert result.body is None and "redirect" in (result.error or "")
    hops = [request for request in asked(httpserver) if request.path != "/robots.txt"]
    assert len(hops) == 4  # the first request and three redirects, then it stops


# --- robots.txt ----------------------------------------------------------------------------------


def test_robots_txt_is_fetched_once_per_host_and_obeyed(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/robots.txt").respond_with_data(
        "User-agent: *\nDisallow: /tim-kiem\nDisallow: /admin/\n", content_type="text/plain"
    )
    with client(httpserver) as http:
        verdicts = [
            http.allowed("https://thoidai.com.vn/huu-nghi"),
            http.allowed("https://thoidai.com.vn/tim-kiem?q=hoa+binh"),
            http.allowed("https://thoidai.com.vn/admin/login"),
            http.allowed("https://thoidai.com.vn/bai-1.html"),
            http.allowed("https://mattrancantho.vn/tim-kiem"),
        ]
    assert verdicts == [True, False, False, True, False]
    robots = asked(httpserver, "/robots.txt")
    assert sorted(request.host for request in robots) == ["mattrancantho.vn", "thoidai.com.vn"]


def test_a_missing_robots_txt_allows_everything(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/robots.txt").respond_with_data("not found", status=404)
    with client(httpserver) as http:
        assert http.allowed("https://thoidai.com.vn/anything")


def test_a_robots_txt_that_keeps_failing_forbids_the_host_for_the_run(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/robots.txt").respond_with_data("down", status=503)
    with client(httpserver) as http:
        assert not http.allowed("https://thoidai.com.vn/huu-nghi")
        assert not http.allowed("https://thoidai.com.vn/bai-1.html")


def test_a_robots_txt_that_fails_once_is_retried(httpserver: HTTPServer) -> None:
    httpserver.expect_oneshot_request("/robots.txt").respond_with_data("down", status=503)
    httpserver.expect_request("/robots.txt").respond_with_data("User-agent: *\nDisallow: /admin/\n")
    with client(httpserver) as http:
        assert http.allowed("https://thoidai.com.vn/huu-nghi")
        assert not http.allowed("https://thoidai.com.vn/admin/x")


def test_a_redirect_into_a_disallowed_path_is_not_followed(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/robots.txt").respond_with_data("User-agent: *\nDisallow: /admin/\n")
    httpserver.expect_request("/cu").respond_with_data("", status=301, headers={"Location": "/admin/bai"})
    httpserver.expect_request("/admin/bai").respond_with_data("forbidden page", content_type=HTML)
    with client(httpserver) as http:
        assert http.allowed("https://thoidai.com.vn/cu")
        result = http.fetch("https://thoidai.com.vn/cu", "thoidai", "article")
    assert "disallowed by robots.txt" in (result.error or "")
    assert asked(httpserver, "/admin/bai") == []


# --- politeness between requests ---------------------------------------------------------------


def test_requests_to_one_host_keep_the_minimum_delay(httpserver: HTTPServer) -> None:
    times: list[float] = []
    httpserver.expect_request(re.compile(r"/p\d")).respond_with_handler(arrivals(times))
    with client(httpserver, Politeness(delay=0.3)) as http:
        for number in range(4):
            http.fetch(f"https://thoidai.com.vn/p{number}", "thoidai", "article")
    gaps = [later - earlier for earlier, later in itertools.pairwise(times)]
    assert len(gaps) == 3 and min(gaps) >= 0.2  # arrival times jitter, more so on a loaded machine


def test_threads_share_the_host_delay(httpserver: HTTPServer) -> None:
    """Eight threads fetching from one host still take turns (without the gate they would all
    arrive within a few milliseconds); arrival times jitter, hence the margin."""
    times: list[float] = []
    httpserver.expect_request(re.compile(r"/t\d")).respond_with_handler(arrivals(times))
    with client(httpserver, Politeness(delay=0.2, concurrency=8)) as http:
        threads = [
            threading.Thread(target=http.fetch, args=(f"https://thoidai.com.vn/t{n}", "thoidai", "article"))
            for n in range(8)
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert len(times) == 8
    assert min(later - earlier for earlier, later in itertools.pairwise(sorted(times))) >= 0.12


def test_closing_the_client_ends_a_wait_for_the_delay_at_once(httpserver: HTTPServer) -> None:
    """A stopped crawl closes its client: a thread waiting out a long delay fails its request at once,
    instead of sleeping on (a SIGTERM must end the run within 30 s, whatever the delay). The crawl is
    being stopped, so the request raises rather than being recorded as the page's failure."""
    times: list[float] = []
    httpserver.expect_request(re.compile(r"/w\d")).respond_with_handler(arrivals(times))
    http = client(httpserver, Politeness(delay=60.0, attempts=1))
    assert http.fetch("https://thoidai.com.vn/w1", "thoidai", "article").status == 200
    raised: list[Exception] = []

    def fetch_the_next_page() -> None:
        try:
            http.fetch("https://thoidai.com.vn/w2", "thoidai", "article")
        except RuntimeError as error:  # httpx: the client has been closed
            raised.append(error)

    waiting = threading.Thread(target=fetch_the_next_page)
    waiting.start()
    time.sleep(0.3)  # now waiting out the 60 s delay
    closed_at = time.monotonic()
    http.close()
    waiting.join(timeout=10)
    assert not waiting.is_alive() and time.monotonic() - closed_at < 5
    assert len(times) == 1  # the second request never reached the server
    assert raised


def test_requests_in_flight_are_capped_over_all_hosts(threaded_httpserver: HTTPServer) -> None:
    """Six threads on six hosts, each answer slow: never more than `concurrency` at once."""
    httpserver = threaded_httpserver
    in_flight, most = 0, 0
    lock = threading.Lock()

    def slow(_: Request) -> Response:
        nonlocal in_flight, most
        with lock:
            in_flight += 1
            most = max(most, in_flight)
        time.sleep(0.2)
        with lock:
            in_flight -= 1
        return Response("ok", content_type=HTML)

    httpserver.expect_request("/slow").respond_with_handler(slow)
    hosts = [domain for site in load_sites().values() for domain in site.allowed_domains][:6]
    sites = {domain: site.id for site in load_sites().values() for domain in site.allowed_domains}
    with client(httpserver, Politeness(delay=0.0, concurrency=2)) as http:
        threads = [
            threading.Thread(target=http.fetch, args=(f"https://{host}/slow", sites[host], "article"))
            for host in hosts
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert len(asked(httpserver, "/slow")) == 6
    assert most == 2


def test_a_robots_crawl_delay_longer_than_ours_is_honoured(httpserver: HTTPServer) -> None:
    times: list[float] = []
    httpserver.expect_request("/robots.txt").respond_with_data(
        "User-agent: *\nCrawl-delay: 0.4\n", content_type="text/plain"
    )
    httpserver.expect_request(re.compile(r"/c\d")).respond_with_handler(arrivals(times))
    with client(httpserver, Politeness(delay=0.0)) as http:
        for number in range(3):
            url = f"https://thoidai.com.vn/c{number}"
            assert http.allowed(url)
            http.fetch(url, "thoidai", "article")
    gaps = [later - earlier for earlier, later in itertools.pairwise(times)]
    assert len(gaps) == 2 and min(gaps) >= 0.3  # the site asked for 0.4 s; arrival times jitter


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


def test_an_unknown_header_charset_falls_back_to_meta() -> None:
    """Before w3lib, an unknown charset in the header decoded the page as UTF-8 and never read <meta>."""
    http_equiv = '<meta http-equiv="Content-Type" content="text/html; charset=windows-1258">'
    page = f"<html><head>{http_equiv}</head><body>{VIETNAMESE}</body></html>"
    assert VIETNAMESE in decode_html(_cp1258(page), "text/html; charset=x-no-such-charset")


def test_a_byte_order_mark_wins_over_the_header_and_is_dropped() -> None:
    """As in browsers: a UTF-8 BOM decides, whatever a (wrong) header says; the BOM is no text."""
    page = f"<html><body>{VIETNAMESE}</body></html>"
    text = decode_html(b"\xef\xbb\xbf" + page.encode(), "text/html; charset=windows-1258")
    assert text.startswith("<html>") and VIETNAMESE in text
