"""Issue 14 item 2: each request has an overall deadline, headers and body, however slowly a server drips.

httpx's timeouts bound each read: a server sending one byte every few seconds never trips them. The
server here is a raw socket on loopback (pytest-httpserver cannot drip), speaking just enough HTTP/1.1:
robots.txt at once, then for `/drip-body` the headers at once and the body a byte at a time, for
`/drip-headers` the headers themselves a byte at a time, and anything else a small page at once.
It answers one request per connection and says so (`Connection: close`): a client reusing the
connection would otherwise now and then send its next request into a socket being closed, and get a
reset, which is retried, before the request the test is about.
The deadline is 1 s and a drop comes every 0.3 s, so each read gets its byte well within the 2 s
read timeout: only the deadline can end the request.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import pytest

from scrapers.config import load_sites
from scrapers.http import PoliteClient, Politeness

DRIP_EVERY = 0.3  # seconds between two bytes, shorter than the read timeout below
DEADLINE = 1.0
POLITENESS = Politeness(delay=0.0, timeout=2.0, deadline=DEADLINE, attempts=3, backoff=0.01, max_wait=0.05)
URL = "https://thoidai.com.vn"


def _answer(connection: socket.socket, stop: threading.Event) -> None:
    with connection:
        request = b""
        while b"\r\n\r\n" not in request:
            chunk = connection.recv(4096)
            if not chunk:
                return
            request += chunk
        path = request.split(b" ", 2)[1].decode()
        try:
            if path == "/robots.txt":
                body = b"User-agent: *\nAllow: /\n"
                connection.sendall(b"HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: %d\r\n\r\n%s" % (len(body), body))
            elif path == "/drip-body":
                connection.sendall(
                    b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 1000\r\n\r\n"
                )
                while not stop.wait(DRIP_EVERY):
                    connection.sendall(b"x")
            elif path == "/drip-headers":
                for byte in b"HTTP/1.1 200 OK\r\nX-Slow: " + b"y" * 1000:
                    if stop.wait(DRIP_EVERY):
                        return
                    connection.sendall(bytes([byte]))
            else:
                body = b"<html><body>fine</body></html>"
                connection.sendall(b"HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: %d\r\n\r\n%s" % (len(body), body))
        except OSError:  # the client hung up: what the deadline is for
            return


@pytest.fixture
def dripping_server() -> Iterator[str]:
    """The address of a server that drips the answers named above; each connection in a thread."""
    listener = socket.create_server(("127.0.0.1", 0))
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                connection, _ = listener.accept()
            except OSError:
                return
            threading.Thread(target=_answer, args=(connection, stop), daemon=True).start()

    threading.Thread(target=serve, daemon=True).start()
    host, port = listener.getsockname()
    try:
        yield f"http://{host}:{port}"
    finally:
        stop.set()
        listener.close()


@pytest.mark.parametrize("path", ["/drip-body", "/drip-headers"])
def test_a_dripping_answer_is_cut_at_the_deadline_and_recorded_as_a_failure(
    dripping_server: str, path: str
) -> None:
    with PoliteClient(load_sites(), POLITENESS, portal=dripping_server) as client:
        client.allowed(URL + path)  # robots.txt first, outside the timing
        started = time.monotonic()
        result = client.fetch(URL + path, "thoidai", "article")
        took = time.monotonic() - started
    assert result.status is None and result.body is None and not result.ok
    assert result.error == "DeadlineExceeded: no complete answer within 1 s (headers and body)"
    assert result.earlier_tries == ()  # not retried: a dripping server would hold the crawl as long again
    # the whole drip would take 1000 x DRIP_EVERY = 300 s; the bound is loose so a loaded machine passes
    assert DEADLINE <= took < 30


def test_the_connection_goes_on_serving_after_a_deadline(dripping_server: str) -> None:
    """The cut connection is dropped, not handed to the next request half-read."""
    with PoliteClient(load_sites(), POLITENESS, portal=dripping_server) as client:
        assert client.fetch(URL + "/drip-body", "thoidai", "article").error
        fine = client.fetch(URL + "/a-1.html", "thoidai", "article")
    assert fine.ok and fine.body == b"<html><body>fine</body></html>"


def test_quick_answers_pass_through_the_deadline_untouched(dripping_server: str) -> None:
    with PoliteClient(load_sites(), POLITENESS, portal=dripping_server) as client:
        results = [client.fetch(URL + f"/a-{n}.html", "thoidai", "article") for n in range(3)]
    assert all(result.ok and result.error is None for result in results)
