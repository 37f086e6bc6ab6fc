"""The sample portal: a real HTTP server on loopback serving four sites by
Host header, as a virtual-hosting web server does.

Switches (flags of `doingoai sample-portal`, `set_state`, or POST
/__portal__/state): `day` shows the portal as it stood on that day (new,
edited and removed articles); `flaky` makes a share of URLs fail their first
requests (503 or 429 with Retry-After, or a stall); `broken_layout` renders
one site's articles in a redesign its site config does not know.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
import threading
import time
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TypedDict
from urllib.parse import parse_qs, urlsplit

from sample_portal.faults import apply_faults, check_faults, drip, site_scheme
from sample_portal.layouts import article_page, index_page, listing_page
from sample_portal.model import PAGE_SIZE, SITES, Article, SiteScheme
from sample_portal.pdf import render_pdf
from sample_portal.scale import PAGE_SIZE as SCALE_PAGE_SIZE
from sample_portal.scale import ScaleArchive
from sample_portal.seeds import listing_date, load_seeds
from sample_portal.stories import load_stories


class LoggedRequest(TypedDict):
    """One request the portal answered, as `stats()` and /__portal__/stats report it."""

    host: str
    path: str
    status: int


@dataclass
class PortalState:
    day: int = 1
    flaky: float = 0.0
    broken_layout: str | None = None
    # fault -> a site, or SITE:PATH (sample_portal/faults.py)
    faults: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Response:
    status: int
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    last_modified: float | None = None
    headers: tuple[tuple[str, str], ...] = ()
    stall: float = 0.0  # seconds to wait before answering
    drip: float = 0.0  # seconds between two bytes of the body (the slow-drip fault)


class Portal:
    """The sites' content and the routing of one request to a response."""

    def __init__(
        self, state: PortalState, seeds_dir: Path | None = None, scale: ScaleArchive | None = None
    ) -> None:
        self.state = state
        # scale mode serves its generated articles only, made per request (sample_portal/scale.py)
        self.scale = scale
        self.articles = [] if scale else load_seeds(seeds_dir) + load_stories()
        self.attempts: dict[str, int] = {}
        # in scale mode only the latest requests are kept (a 100k crawl would hold them all), and counted
        self.requests: deque[LoggedRequest] = deque(maxlen=10_000 if scale else None)
        self.served = 0
        self.lock = threading.Lock()

    def online(self, site: str) -> list[Article]:
        """The site's articles on the current day, newest first."""
        shown = [a.on_day(self.state.day) for a in self.articles if a.site == site]
        return sorted((a for a in shown if a), key=listing_date, reverse=True)

    def respond(self, host: str, target: str) -> Response:
        scheme = next((s for s in SITES.values() if host in (s.host, f"www.{s.host}")), None)
        if scheme is None:
            return Response(200, index_page().encode())
        url = urlsplit(target)
        path, query = url.path, parse_qs(url.query)
        if path == "/robots.txt":
            body = f"User-agent: *\nDisallow: {scheme.disallowed}\nCrawl-delay: 0\n"
            if scheme.id == "thoidai":
                body += f"Sitemap: https://{scheme.host}/sitemap.xml\n"
            return Response(200, body.encode(), "text/plain; charset=utf-8")
        if self.scale and path.startswith("/sitemap") and scheme.id == "thoidai":
            return self._scale_sitemap(scheme, path)
        if path == "/sitemap.xml" and scheme.id == "thoidai":
            return self._sitemap(scheme)
        for category in scheme.categories:
            page = self._listing_page(scheme, category, path, query)
            if page:
                return self._listing(scheme, category, page)
        if path.startswith("/uploads/"):
            return self._attachment(scheme, path.removeprefix("/uploads/"))
        if path == "/chia-se":  # a share button: a redirect off the site
            return Response(302, b"", headers=(("Location", "https://www.facebook.com/sharer/sharer.php"),))
        if path.startswith("/bai-cu/"):  # an old URL scheme, moved for good
            article_id = path.rstrip("/").rsplit("/", 1)[-1]
            match = next((a for a in self.online(scheme.id) if str(a.id) == article_id), None)
            if match:
                return Response(301, b"", headers=(("Location", scheme.article_path(match)),))
        if self.scale:
            number = self.scale.number_in(scheme, path, self.state.day)
            if number is not None:
                return Response(
                    200,
                    self.scale.page(number, self.state.day).encode(),
                    last_modified=self.scale.modified(number, self.state.day).timestamp(),
                )
        for article in self.online(scheme.id):
            if scheme.article_path(article) == path:
                broken = self.state.broken_layout == scheme.id
                return Response(200, article_page(article, broken).encode(), last_modified=_modified(article))
        return Response(
            404, b"<html><body><h1>404 - Kh\xc3\xb4ng t\xc3\xacm th\xe1\xba\xa5y trang</h1></body></html>"
        )

    def _listing_page(
        self, scheme: SiteScheme, category: str, path: str, query: dict[str, list[str]]
    ) -> int | None:
        base = scheme.category_path(category)
        if path.rstrip("/") == base:
            number = (query.get("page") or query.get("p") or ["1"])[0]
            return int(number) if number.isdigit() else None
        # pages 2, 3, ... in the path (/trang-2, /page/2/): the scheme's URL of page 2 with any number
        marker = 987654321
        pattern = urlsplit(scheme.listing_url(category, marker)).path.rstrip("/")
        if pattern == base:
            return None  # the page is in the query (?page=2), read above
        numbered = re.fullmatch(re.escape(pattern).replace(str(marker), r"(\d+)"), path.rstrip("/"))
        return int(numbered.group(1)) if numbered else None

    def _listing(self, scheme: SiteScheme, category: str, page: int) -> Response:
        if self.scale:
            return self._scale_listing(scheme, category, page)
        articles = [a for a in self.online(scheme.id) if a.category == category]
        pages = max(1, -(-len(articles) // PAGE_SIZE))
        if page > pages:
            return Response(404, b"<html><body>404</body></html>")
        chunk = articles[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]
        return Response(
            200, listing_page(scheme, category, page, chunk, pages).encode(), headers=_html_headers(scheme)
        )

    def _sitemap(self, scheme: SiteScheme) -> Response:
        entries = "".join(
            f"<url><loc>https://{scheme.host}{scheme.article_path(a)}</loc>"
            f"<lastmod>{listing_date(a).date().isoformat()}</lastmod></url>"
            for a in self.online(scheme.id)
        )
        body = f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</urlset>'
        return Response(200, body.encode(), "application/xml")

    def _scale_listing(self, scheme: SiteScheme, category: str, page: int) -> Response:
        assert self.scale is not None
        listed = self.scale.listed(scheme.id, category, self.state.day)
        pages = max(1, -(-len(listed) // SCALE_PAGE_SIZE))
        if page > pages or page < 1:
            return Response(404, b"<html><body>404</body></html>")
        numbers = listed.newest_first((page - 1) * SCALE_PAGE_SIZE, SCALE_PAGE_SIZE)
        chunk = [self.scale.article(number, self.state.day) for number in numbers]
        return Response(200, listing_page(scheme, category, page, chunk, pages).encode())

    def _scale_sitemap(self, scheme: SiteScheme, path: str) -> Response:
        """The sitemap index (/sitemap.xml) and its children (/sitemap-news-N.xml)."""
        assert self.scale is not None
        if path == "/sitemap.xml":
            return Response(200, self.scale.sitemap_index(scheme, self.state.day).encode(), "application/xml")
        child = re.fullmatch(r"/sitemap-news-(\d+)\.xml", path)
        body = self.scale.sitemap_child(scheme, int(child.group(1)), self.state.day) if child else None
        if body is None:
            return Response(404, b"<html><body>404</body></html>")
        return Response(200, body.encode(), "application/xml")

    def _attachment(self, scheme: SiteScheme, name: str) -> Response:
        for article in self.online(scheme.id):
            for attachment in article.attachments:
                if attachment.file_name == name:
                    return Response(
                        200, render_pdf(attachment.text), "application/pdf", last_modified=_modified(article)
                    )
        return Response(404, b"<html><body>404</body></html>")

    def transient_failure(self, path: str) -> Response | None:
        """The first requests of a share `flaky` of URLs fail; the same URLs every run."""
        if self.state.flaky <= 0 or path.startswith("/__portal__") or path == "/robots.txt":
            return None
        bucket = int(hashlib.sha1(path.encode()).hexdigest()[:8], 16) / 0xFFFFFFFF
        if bucket >= self.state.flaky:
            return None
        with self.lock:
            attempt = self.attempts[path] = self.attempts.get(path, 0) + 1
        kind = int(bucket * 1000) % 3
        if attempt > (1 if kind == 2 else 2):
            return None
        if kind == 0:
            return Response(503, b"Service Unavailable", headers=(("Retry-After", "1"),))
        if kind == 1:
            return Response(429, b"Too Many Requests", headers=(("Retry-After", "1"),))
        return Response(504, b"Gateway Timeout", stall=3.0)  # longer than a short client timeout


def _modified(article: Article) -> float | None:
    return listing_date(article).timestamp()


def _html_headers(scheme: SiteScheme) -> tuple[tuple[str, str], ...]:
    return ()


class _Handler(BaseHTTPRequestHandler):
    portal: Portal  # set on the subclass made per server
    server_version = "SamplePortal/1.0"

    def log_message(self, format: str, *args: object) -> None:  # quiet: tests read stats instead
        return

    def do_GET(self) -> None:
        host = (self.headers.get("Host") or "").split(":")[0].lower()
        path = self.path
        if path.startswith("/__portal__/"):
            self._control(path, None)
            return
        try:
            response = self.portal.transient_failure(path) or self.portal.respond(host, path)
            response = apply_faults(self.portal.state.faults, site_scheme(host), path, response)
        except Exception as error:  # a bug in the simulator shows as a 500, as on a real server
            response = Response(500, f"Internal Server Error: {error}".encode(), "text/plain; charset=utf-8")
        self._record(host, path, response.status)  # on arrival, so stats never miss a stalled request
        if response.stall:
            time.sleep(response.stall)
        self._send(response)

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        try:
            self._control(self.path, json.loads(self.rfile.read(length) or b"{}"))
        except ValueError as error:  # an unknown fault, or no JSON
            self._send(Response(400, json.dumps({"error": str(error)}).encode(), "application/json"))

    def _control(self, path: str, update: dict[str, object] | None) -> None:
        if path.startswith("/__portal__/state"):
            if update:
                check_faults(dict(update.get("faults") or {}))  # type: ignore[call-overload]
                for key in ("day", "flaky", "broken_layout", "faults"):
                    if key in update:
                        setattr(self.portal.state, key, update[key])
            body = json.dumps(asdict(self.portal.state)).encode()
        elif path.startswith("/__portal__/stats"):
            with self.portal.lock:
                stats = {"requests": list(self.portal.requests), "served": self.portal.served}
            body = json.dumps(stats).encode()
        else:
            self._send(Response(404, b"{}", "application/json"))
            return
        self._send(Response(200, body, "application/json"))

    def _record(self, host: str, path: str, status: int) -> None:
        with self.portal.lock:
            self.portal.requests.append({"host": host, "path": path, "status": status})
            self.portal.served += 1

    def _send(self, response: Response) -> None:
        etag = f'"{hashlib.sha256(response.body).hexdigest()[:20]}"'
        headers = dict(response.headers)
        if response.status == 200:
            headers["ETag"] = etag
            if response.last_modified:
                headers["Last-Modified"] = format_datetime(_utc(response.last_modified), usegmt=True)
            if not response.drip and self._not_modified(etag, response.last_modified):  # a drip never 304s
                self.send_response(304)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.end_headers()
                return
        content_type = response.content_type
        if "mattrancantho" in (self.headers.get("Host") or "") and content_type.startswith("text/html"):
            content_type = "text/html"  # this site declares its charset only in <meta>
        self.send_response(response.status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(response.body)))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        # the client may have given up on a stalled answer, as real clients do
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            if response.drip:
                drip(self.wfile, response.body, response.drip)
            else:
                self.wfile.write(response.body)

    def _not_modified(self, etag: str, last_modified: float | None) -> bool:
        if_none_match = self.headers.get("If-None-Match")
        if if_none_match:
            return etag in [tag.strip() for tag in if_none_match.split(",")]
        since = self.headers.get("If-Modified-Since")
        if since and last_modified:
            try:
                return parsedate_to_datetime(since).timestamp() >= int(last_modified)
            except (TypeError, ValueError):
                return False
        return False


def _utc(timestamp: float) -> datetime:
    return datetime.fromtimestamp(int(timestamp), UTC)


class RunningPortal:
    def __init__(self, server: ThreadingHTTPServer, portal: Portal) -> None:
        self.server, self.portal = server, portal
        self.url = f"http://127.0.0.1:{server.server_address[1]}"

    def set_state(self, **changes: object) -> None:
        for key, value in changes.items():
            setattr(self.portal.state, key, value)

    def stats(self) -> dict[str, list[LoggedRequest]]:
        with self.portal.lock:
            return {"requests": list(self.portal.requests)}

    def reset_stats(self) -> None:
        with self.portal.lock:
            self.portal.requests.clear()
            self.portal.served = 0


def make_server(
    host: str,
    port: int,
    state: PortalState,
    seeds_dir: Path | None = None,
    scale: ScaleArchive | None = None,
) -> tuple[ThreadingHTTPServer, Portal]:
    """The portal and its threading HTTP server; with `scale`, the generated articles of scale mode."""
    portal = Portal(state, seeds_dir, scale)
    handler = type("PortalHandler", (_Handler,), {"portal": portal})
    server = ThreadingHTTPServer((host, port), handler)
    server.daemon_threads = True
    return server, portal


@contextmanager
def start_portal(
    port: int = 0,
    day: int = 1,
    flaky: float = 0.0,
    broken_layout: str | None = None,
    seeds_dir: Path | None = None,
    articles: int | None = None,
    new_per_day: int | None = None,
) -> Iterator[RunningPortal]:
    """The portal serving on 127.0.0.1 in a background thread (port 0: a free one); with `articles`,
    in scale mode: that many generated articles, and `new_per_day` (default 1%) more each day."""
    scale = ScaleArchive(articles, default_new_per_day(articles, new_per_day)) if articles else None
    server, portal = make_server("127.0.0.1", port, PortalState(day, flaky, broken_layout), seeds_dir, scale)
    thread = threading.Thread(target=server.serve_forever, name="sample-portal", daemon=True)
    thread.start()
    try:
        yield RunningPortal(server, portal)
    finally:
        server.shutdown()
        server.server_close()


def default_new_per_day(articles: int, new_per_day: int | None) -> int:
    """Articles a scale portal's next day adds (and edits): as asked, else 1% of the archive."""
    return new_per_day if new_per_day is not None else max(1, articles // 100)
