"""What the sample portal publishes: one `Article` type for seeds and for the
articles written for this project, and the four sites' URL schemes."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class Attachment:
    title: str
    file_name: str  # served under the site's upload path
    text: str  # rendered to PDF on request


@dataclass(frozen=True)
class Article:
    site: str
    id: int
    category: str
    title: str
    published: datetime | None  # None: the page shows no date (as some real pages do)
    lead: str
    paragraphs: tuple[str, ...]  # body paragraphs; captions and the byline included
    author: str | None = None
    photos: tuple[tuple[int, str], ...] = ()  # (after paragraph n, caption)
    inline_related: tuple[tuple[int, str, str], ...] = ()  # (after paragraph n, headline, teaser)
    sidebar: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (heading, headlines) after the body
    attachments: tuple[Attachment, ...] = ()
    first_day: int = 1
    removed_on_day: int | None = None
    revisions: dict[int, dict[str, object]] = field(default_factory=dict)  # day -> replaced fields

    @property
    def slug(self) -> str:
        return slugify(self.title)

    def on_day(self, day: int) -> Article | None:
        """The article as it stood on `day`, or None when it was not (or no longer) online."""
        if day < self.first_day or (self.removed_on_day is not None and day >= self.removed_on_day):
            return None
        article = self
        for revision_day in sorted(self.revisions):
            if revision_day <= day:
                article = _replace(article, self.revisions[revision_day])
        return article


def _replace(article: Article, fields: dict[str, object]) -> Article:
    values = {**article.__dict__, **fields, "revisions": {}}
    return Article(**values)


def slugify(text: str) -> str:
    text = text.replace("đ", "d").replace("Đ", "D")
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:80]


@dataclass(frozen=True)
class SiteScheme:
    """A site's host and URL patterns (the crawler's site configs mirror them)."""

    id: str
    host: str
    name: str
    categories: tuple[str, ...]
    disallowed: str  # a path prefix robots.txt forbids, linked from every page

    def listing_url(self, category: str, page: int) -> str:
        base = self.category_path(category)
        if page == 1:
            return base
        return {
            "thoidai": f"{base}?page={page}",
            "mattrancantho": f"{base}/trang-{page}",
            "nhipsongmientay": f"{base}/page/{page}/",
            "thanhuycantho": f"{base}?p={page}",
        }[self.id]

    def category_path(self, category: str) -> str:
        return f"/tin-tuc/{category}" if self.id == "mattrancantho" else f"/{category}"

    def article_path(self, article: Article) -> str:
        slug = article.slug  # once: scale mode makes many paths per page
        return {
            "thoidai": f"/{slug}-{article.id}.html",
            "mattrancantho": f"/tin-tuc/{slug}-{article.id}",
            "nhipsongmientay": f"/{slug}-a{article.id}.html",
            "thanhuycantho": f"/tin-tuc/{slug}-{article.id}.html",
        }[self.id]


SITES: dict[str, SiteScheme] = {
    scheme.id: scheme
    for scheme in (
        SiteScheme(
            "thoidai", "thoidai.com.vn", "Tạp chí Thời Đại", ("huu-nghi", "doi-ngoai-nhan-dan"), "/tim-kiem"
        ),
        SiteScheme(
            "mattrancantho",
            "mattrancantho.vn",
            "Mặt trận Tổ quốc thành phố Cần Thơ",
            ("doi-ngoai-nhan-dan",),
            "/admin/",
        ),
        SiteScheme(
            "nhipsongmientay", "nhipsongmientay.vn", "Nhịp sống miền Tây", ("nhip-song",), "/tim-kiem/"
        ),
        SiteScheme(
            "thanhuycantho",
            "thanhuycantho.vn",
            "Cổng thông tin Đảng bộ thành phố Cần Thơ",
            ("van-ban-chi-dao",),
            "/admin/",
        ),
    )
}
PAGE_SIZE = 5
