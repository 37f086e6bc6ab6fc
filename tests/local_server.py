"""A tiny programmable HTTP server on loopback for crawler tests.

A test scripts the answer per path (`routes`, "*" for any other path) and reads back every
request the server got: host, path with query, headers and arrival time. robots.txt allows
everything unless a test replaces its route.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

# status, headers, body
Answer = tuple[int, dict[str, str], bytes]
Route = Callable[["Request"], Answer]


@dataclass(frozen=True)
class Request:
    host: str
    path: str
    headers: dict[str, str]
    at: float
    count: int  # how many times this path had been asked for, this one included


@dataclass
class LocalServer:
    url: str
    routes: dict[str, Route] = field(default_factory=dict)
    requests: list[Request] = field(default_factory=list)

    def to(self, path: str) -> list[Request]:
        return [request for request in self.requests if request.path == path]


def html(text: str, status: int = 200, **headers: str) -> Answer:
    return status, {"Content-Type": "text/html; charset=utf-8", **headers}, text.encode()


@contextmanager
def serve() -> Iterator[LocalServer]:
    """A ThreadingHTTPServer on a free loopback port, answering by the routes of the yielded state."""
    state = LocalServer(url="")
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            return

        def do_GET(self) -> None:
            with lock:
                count = 1 + sum(1 for request in state.requests if request.path == self.path)
                request = Request(
                    host=(self.headers.get("Host") or "").split(":")[0],
                    path=self.path,
                    headers={name.lower(): value for name, value in self.headers.items()},
                    at=time.monotonic(),
                    count=count,
                )
                state.requests.append(request)
            route = state.routes.get(self.path) or state.routes.get("*") or (lambda _: html("", 404))
            status, headers, body = route(request)
            try:
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                if "Content-Length" not in headers and "Transfer-Encoding" not in headers:
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (timeout, size cap), as clients do

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    state.url = f"http://127.0.0.1:{httpd.server_address[1]}"
    state.routes["/robots.txt"] = lambda _: (
        200,
        {"Content-Type": "text/plain"},
        b"User-agent: *\nAllow: /\n",
    )
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        httpd.shutdown()
        httpd.server_close()
