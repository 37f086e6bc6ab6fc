"""The data types that cross the crawler's boundary."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

FetchKind = Literal["robots", "sitemap", "listing", "article", "attachment"]


@dataclass(frozen=True)
class FetchResult:
    """One HTTP exchange, successful or not; every one is recorded."""

    url: str  # canonical (the real portal's URL)
    site: str
    kind: FetchKind
    status: int | None  # None when no response came (timeout, refused, over the size cap...)
    fetched_at: datetime
    elapsed_ms: float
    final_url: str | None = None  # after redirects inside the site
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes | None = None  # None on 304 and on errors
    error: str | None = None
    referrer: str | None = None  # the page that linked to this one
    earlier_tries: tuple[FetchResult, ...] = ()  # failed tries before this one (each a request of its own)

    @property
    def requests(self) -> tuple[FetchResult, ...]:
        """Every request this result took, oldest first."""
        return (*self.earlier_tries, self)

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def ok(self) -> bool:
        return self.status == 200 and self.body is not None

    @property
    def gone(self) -> bool:
        return self.status in (404, 410)

    @property
    def content_hash(self) -> str | None:
        return hashlib.sha256(self.body).hexdigest() if self.body is not None else None


@dataclass(frozen=True)
class ParsedDocument:
    """An article or attachment as text, ready for extraction."""

    url: str
    site: str
    kind: Literal["article", "pdf"]
    parser: str  # "site:<id>", "generic" or "pdf"
    title: str | None
    published_at: datetime | None  # timezone-aware, Asia/Ho_Chi_Minh
    author: str | None
    lead: str | None
    body_text: str
    attachment_urls: tuple[str, ...] = ()
    # the fields (title, body, date) the site's own selectors found nothing for: parser health reads
    # them (a generic fallback's guesses would hide a broken layout)
    unmatched_selectors: tuple[str, ...] = ()
