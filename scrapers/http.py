"""One polite HTTP client for every portal.

Fetching policy lives here and nowhere else: robots.txt (protego, the parser
Scrapy uses), a minimum delay between requests to one host and a cap on
requests in flight, retries with exponential backoff and jitter (tenacity)
that honour Retry-After, conditional GET, a cap on body size, redirects
followed only inside a site's domains, and a User-Agent that says who we are.

The portal switch is transport-level: with `portal` set, a request for
https://thoidai.com.vn/x goes to PORTAL/x with `Host: thoidai.com.vn`, so
stored URLs are always the real ones.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

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
    timeout: float = 10.0
    attempts: int = 4  # tries per URL, the first included
    backoff: float = 0.5  # first retry wait; doubles each time, plus jitter
    max_wait: float = 30.0  # cap on any wait, Retry-After included
    max_bytes: int = 20 * 1024 * 1024
    max_redirects: int = 5


class _PortalTransport(httpx.BaseTransport):
    """Sends every request to the sample portal's address, keeping path, query and Host."""

    def __init__(self, portal: str) -> None:
        self.portal = httpx.URL(portal)
        self.inner = httpx.HTTPTransport()

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
        transport = _PortalTransport(portal) if portal else None
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

    def close(self) -> None:
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
        with self.http.stream("GET", url, headers=headers) as response:
            chunks, size = [], 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > self.politeness.max_bytes:
                    raise _BodyTooLarge(f"body over {self.politeness.max_bytes} bytes")
                chunks.append(chunk)
            return response, b"".join(chunks)

    def _respect_delay(self, host: str) -> None:
        """Wait our delay, or the host's robots.txt Crawl-delay when it asks for longer."""
        lock = self._host_locks.setdefault(host, threading.Lock())
        robots = self._robots.get(host)
        asked = (robots.crawl_delay(USER_AGENT) or 0.0) if robots else 0.0
        delay = max(self.politeness.delay, min(float(asked), self.politeness.max_wait))
        with lock:
            wait = self._last_request.get(host, 0.0) + delay - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            self._last_request[host] = time.monotonic()


class _BodyTooLarge(Exception):
    pass


def _last_result(state: RetryCallState) -> FetchResult:
    """The answer of the attempt just made (tenacity sets `outcome` before it waits or gives up)."""
    assert state.outcome is not None
    return state.outcome.result()


def _transient(result: FetchResult) -> bool:
    if result.status is None:
        return not (result.error or "").startswith("_BodyTooLarge")
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
