"""One polite HTTP client for every portal.

Fetching policy lives here and nowhere else: robots.txt (protego, the parser
Scrapy uses), a minimum delay between requests to one host and a cap on
requests in flight, retries with exponential backoff and jitter (tenacity)
that honour Retry-After, conditional GET, a cap on body size, an overall
deadline per request (headers and body), redirects followed only inside a
site's domains, and a User-Agent that says who we are.

The portal switch is transport-level: with `portal` set, a request for
https://thoidai.com.vn/x goes to PORTAL/x with `Host: thoidai.com.vn`, so
stored URLs are always the real ones.
"""

from __future__ import annotations

import threading
import time
import typing
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx
from protego import Protego
from tenacity import RetryCallState, Retrying, retry_if_result, stop_after_attempt

from scrapers.config import SiteConfig
from scrapers.types import FetchKind, FetchResult

USER_AGENT = "doingoai/0.1 (+https://github.com/doingoai/doingoai; people's-diplomacy news archive)"


@dataclass(frozen=True)
class Politeness:
    delay: float = 1.0  # seconds between two requests to one host
    concurrency: int = 4  # requests in flight over all hosts
    timeout: float = 10.0  # seconds per network operation (connect, one read, one write)
    deadline: float = 60.0  # seconds one request may take in all, headers and body (not retried)
    attempts: int = 4  # tries per URL, the first included
    backoff: float = 0.5  # first retry wait; doubles each time, plus jitter
    max_wait: float = 30.0  # cap on any wait, Retry-After included
    max_bytes: int = 20 * 1024 * 1024
    max_redirects: int = 5


# --- the deadline of one request ---------------------------------------------------------------------
#
# httpx's timeouts bound each network operation, not a request: a server sending one byte every 5 s
# never trips a 10 s read timeout and holds the crawl forever. So every socket operation of a request
# is given at most the time left before the request's deadline (a thread-local set by `_get`, as each
# request runs in its caller's thread): connecting, sending, and each read of the headers or the body.
# The deadline then holds to within one read, however slowly the answer drips.

# .at: the time.monotonic() by which the current request must be done; .limiting: whether the last
# socket operation waited the deadline's time rather than its own timeout (so a timeout is the deadline's)
_request_deadline = threading.local()


def _time_left(timeout: float | None) -> float | None:
    """`timeout`, shortened to what is left of the current request's deadline; raises when none is left."""
    at = getattr(_request_deadline, "at", None)
    if at is None:
        return timeout
    left = at - time.monotonic()
    _request_deadline.limiting = timeout is None or left <= timeout
    if left <= 0:
        raise httpcore.ReadTimeout("the request's deadline has passed")
    return left if _request_deadline.limiting else timeout


class _DeadlineStream(httpcore.NetworkStream):
    """A connection whose every read and write waits no longer than the current request's deadline."""

    def __init__(self, inner: httpcore.NetworkStream) -> None:
        self.inner = inner

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self.inner.read(max_bytes, _time_left(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self.inner.write(buffer, _time_left(timeout))

    def close(self) -> None:
        self.inner.close()

    def start_tls(
        self, ssl_context: typing.Any, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        return _DeadlineStream(self.inner.start_tls(ssl_context, server_hostname, _time_left(timeout)))

    def get_extra_info(self, info: str) -> typing.Any:
        return self.inner.get_extra_info(info)


class _DeadlineBackend(httpcore.NetworkBackend):
    """httpcore's own sockets, opened and wrapped so that each request keeps its deadline."""

    def __init__(self) -> None:
        self.inner = httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: typing.Iterable[typing.Any] | None = None,
    ) -> httpcore.NetworkStream:
        stream = self.inner.connect_tcp(host, port, _time_left(timeout), local_address, socket_options)
        return _DeadlineStream(stream)

    def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: typing.Iterable[typing.Any] | None = None,
    ) -> httpcore.NetworkStream:
        return _DeadlineStream(self.inner.connect_unix_socket(path, _time_left(timeout), socket_options))

    def sleep(self, seconds: float) -> None:
        self.inner.sleep(seconds)


def _transport() -> httpx.HTTPTransport:
    """httpx's transport on connections that keep each request's deadline. httpx takes no network
    backend, so its connection pool is replaced by an equal one built on ours (httpx's `_pool`, the one
    private name used here; httpx and httpcore are pinned in pyproject.toml)."""
    transport = httpx.HTTPTransport()
    transport._pool = httpcore.ConnectionPool(
        ssl_context=httpx.create_ssl_context(), network_backend=_DeadlineBackend()
    )
    return transport


class _PortalTransport(httpx.BaseTransport):
    """Sends every request to the sample portal's address, keeping path, query and Host."""

    def __init__(self, portal: str) -> None:
        self.portal = httpx.URL(portal)
        self.inner = _transport()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        request.url = request.url.copy_with(
            scheme=self.portal.scheme, host=self.portal.host, port=self.portal.port
        )
        return self.inner.handle_request(request)

    def close(self) -> None:
        self.inner.close()


def _check_portal(address: str) -> None:
    """The portal switch takes an origin only ("http://127.0.0.1:8765"): refuse anything else at once."""
    parts = urlsplit(address)
    if (
        parts.scheme not in ("http", "https")
        or not parts.hostname
        or parts.path not in ("", "/")
        or parts.query
    ):
        raise ValueError(f"portal address must look like http://HOST:PORT, not {address!r}")


class PoliteClient:
    def __init__(
        self, sites: dict[str, SiteConfig], politeness: Politeness | None = None, portal: str | None = None
    ):
        self.sites = sites
        # no environment read here: callers pass the crawl settings (DOINGOAI_CRAWL_*, DOINGOAI_PORTAL)
        self.politeness = politeness or Politeness()
        if portal:
            _check_portal(portal)
        transport = _PortalTransport(portal) if portal else _transport()
        self.http = httpx.Client(
            headers={"User-Agent": USER_AGENT, "Accept-Language": "vi,en;q=0.5"},
            timeout=self.politeness.timeout,
            follow_redirects=False,
            transport=transport,
        )
        self._robots: dict[str, Protego] = {}
        self._robots_lock = threading.Lock()
        self._host_locks: dict[str, threading.Lock] = {}
        self._last_request: dict[str, float] = {}
        self._slots = threading.Semaphore(self.politeness.concurrency)
        self.robots_fetches: list[FetchResult] = []
        self._closed = threading.Event()  # set by close(): a thread waiting out the delay stops waiting

    def close(self) -> None:
        """Close the connections; a request waiting out its delay fails at once, not seconds later
        (a stopped crawl's threads end within a request, whatever the delay)."""
        self._closed.set()
        self.http.close()

    def __enter__(self) -> PoliteClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- robots.txt -----------------------------------------------------------------

    def allowed(self, url: str) -> bool:
        """May we fetch `url`? A robots.txt that fails with 5xx or no answer forbids the host for this run."""
        parts = urlsplit(url)
        host = parts.hostname or ""
        with self._robots_lock:
            if host not in self._robots:
                robots_url = f"{parts.scheme}://{parts.netloc}/robots.txt"
                site = self._site_of(url)
                result = self.fetch(robots_url, site.id if site else host, "robots")  # with retries
                self.robots_fetches.append(result)
                if result.ok:
                    rules = result.body.decode("utf-8", errors="replace")  # type: ignore[union-attr]  # result.ok implies a body
                elif result.status is not None and 400 <= result.status < 500:
                    rules = ""  # no robots.txt: everything is allowed
                else:
                    rules = "User-agent: *\nDisallow: /"
                self._robots[host] = Protego.parse(rules)
        return self._robots[host].can_fetch(url, USER_AGENT)

    def _site_of(self, url: str) -> SiteConfig | None:
        return next((site for site in self.sites.values() if site.allows(url)), None)

    # --- fetching ---------------------------------------------------------------------

    def fetch(
        self,
        url: str,
        site: str,
        kind: FetchKind,
        etag: str | None = None,
        last_modified: str | None = None,
        referrer: str | None = None,
    ) -> FetchResult:
        """GET with retries on timeouts, 429 and 5xx; a conditional GET when validators are given."""
        retrying = Retrying(
            stop=stop_after_attempt(self.politeness.attempts),
            wait=self._wait,
            retry=retry_if_result(lambda result: _transient(result)),
            retry_error_callback=_last_result,  # out of attempts: the last answer, not an exception
            sleep=time.sleep,
        )
        tries: list[FetchResult] = []

        def attempt() -> FetchResult:
            tries.append(self._fetch_once(url, site, kind, etag, last_modified))
            return tries[-1]

        result = retrying(attempt)
        return replace(result, referrer=referrer, earlier_tries=tuple(tries[:-1]))

    def _wait(self, state: RetryCallState) -> float:
        """Exponential backoff with jitter, or the server's Retry-After when it gives one (both capped)."""
        result = _last_result(state)
        retry_after = _retry_after(result.headers.get("retry-after"))
        import random

        backoff = self.politeness.backoff * 2 ** (state.attempt_number - 1) * (1 + random.random())
        return min(self.politeness.max_wait, retry_after if retry_after is not None else backoff)

    def _fetch_once(
        self, url: str, site: str, kind: FetchKind, etag: str | None, last_modified: str | None
    ) -> FetchResult:
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        current = url
        started = time.perf_counter()
        fetched_at = datetime.now(UTC)
        for _ in range(self.politeness.max_redirects + 1):
            try:
                with self._slots:
                    self._respect_delay(urlsplit(current).hostname or "")
                    response, body = self._get(current, headers)
            except _DeadlinePassed as error:
                return FetchResult(url, site, kind, None, fetched_at, _ms(started), error=str(error))
            except (httpx.TimeoutException, httpx.TransportError, _BodyTooLarge) as error:
                return FetchResult(
                    url, site, kind, None, fetched_at, _ms(started), error=f"{type(error).__name__}: {error}"
                )
            if response.status_code in (301, 302, 303, 307, 308) and "location" in response.headers:
                target = urljoin(current, response.headers["location"])
                refusal = self._redirect_refusal(site, kind, target)
                if refusal:
                    return FetchResult(
                        url, site, kind, response.status_code, fetched_at, _ms(started),
                        headers=dict(response.headers), error=refusal,
                    )  # fmt: skip
                current = target
                continue
            return FetchResult(
                url=url,
                site=site,
                kind=kind,
                status=response.status_code,
                fetched_at=fetched_at,
                elapsed_ms=_ms(started),
                final_url=current if current != url else None,
                headers=dict(response.headers),
                body=body if response.status_code == 200 else None,
                error=None if response.status_code in (200, 304) else f"HTTP {response.status_code}",
            )
        return FetchResult(url, site, kind, None, fetched_at, _ms(started), error="too many redirects")

    def _redirect_refusal(self, site: str, kind: FetchKind, target: str) -> str | None:
        """Why a redirect must not be followed: it leaves the site, or robots.txt forbids its target."""
        config = self.sites.get(site)
        if config and not config.allows(target):
            return f"off-site redirect to {target} not followed"
        if config and kind != "robots" and not self.allowed(target):
            return f"redirect to {target} disallowed by robots.txt"
        return None

    def _get(self, url: str, headers: dict[str, str]) -> tuple[httpx.Response, bytes]:
        """One request and its whole body, within the deadline (see `_DeadlineStream`)."""
        deadline = self.politeness.deadline
        _request_deadline.at, _request_deadline.limiting = time.monotonic() + deadline, False
        try:
            with self.http.stream("GET", url, headers=headers) as response:
                chunks, size = [], 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > self.politeness.max_bytes:
                        raise _BodyTooLarge(f"body over {self.politeness.max_bytes} bytes")
                    chunks.append(chunk)
                return response, b"".join(chunks)
        except httpx.TimeoutException as error:
            if _request_deadline.limiting:
                raise _DeadlinePassed(
                    f"DeadlineExceeded: no complete answer within {deadline:g} s (headers and body)"
                ) from error
            raise
        finally:
            _request_deadline.at = None

    def _respect_delay(self, host: str) -> None:
        """Wait our delay, or the host's robots.txt Crawl-delay when it asks for longer."""
        lock = self._host_locks.setdefault(host, threading.Lock())
        robots = self._robots.get(host)
        asked = (robots.crawl_delay(USER_AGENT) or 0.0) if robots else 0.0
        delay = max(self.politeness.delay, min(float(asked), self.politeness.max_wait))
        with lock:
            wait = self._last_request.get(host, 0.0) + delay - time.monotonic()
            if wait > 0:
                self._closed.wait(wait)
            self._last_request[host] = time.monotonic()


class _BodyTooLarge(Exception):
    pass


class _DeadlinePassed(Exception):
    """The answer did not come in whole before the request's deadline (a stalled or dripping server)."""


def _last_result(state: RetryCallState) -> FetchResult:
    """The answer of the attempt just made (tenacity sets `outcome` before it waits or gives up)."""
    assert state.outcome is not None
    return state.outcome.result()


def _transient(result: FetchResult) -> bool:
    """Worth another try: no answer or a 429/5xx; not a body over the cap, nor a server that kept us
    past the deadline (trying again would only hold the crawl as long again)."""
    if result.status is None:
        return not (result.error or "").startswith(("_BodyTooLarge", "DeadlineExceeded"))
    return result.status == 429 or result.status >= 500


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    if value.strip().isdigit():
        return float(value)
    try:
        return max(0.0, (parsedate_to_datetime(value) - datetime.now(UTC)).total_seconds())
    except (TypeError, ValueError):
        return None


def _ms(started: float) -> float:
    return round((time.perf_counter() - started) * 1000, 1)
