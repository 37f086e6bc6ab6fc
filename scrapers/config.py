"""Site knowledge as data: one TOML file per portal in scrapers/sites/."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

SITES_DIR = Path(__file__).resolve().parent / "sites"


class SiteConfigError(ValueError):
    """A site file is missing a key or holds a bad value; the message names both."""


@dataclass(frozen=True)
class Discovery:
    listings: tuple[str, ...]
    page_url: str  # "{listing}?page={page}"
    max_pages: int
    article_link: re.Pattern[str]  # on the URL path
    sitemap: str | None = None


@dataclass(frozen=True)
class ArticleSelectors:
    title: str
    body: str
    date: str | None = None
    date_formats: tuple[str, ...] = ()
    author: str | None = None
    lead: str | None = None
    attachments: str | None = None
    drop: tuple[str, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class SiteConfig:
    id: str
    name: str
    base_url: str
    allowed_domains: tuple[str, ...]
    discovery: Discovery
    article: ArticleSelectors

    @property
    def host(self) -> str:
        return urlsplit(self.base_url).hostname or ""

    def allows(self, url: str) -> bool:
        return (urlsplit(url).hostname or "") in self.allowed_domains

    def url(self, path: str) -> str:
        return self.base_url.rstrip("/") + path


def _require(table: dict, key: str, source: str) -> object:
    if key not in table:
        raise SiteConfigError(f"{source}: missing key '{key}'")
    return table[key]


def load_site(path: Path) -> SiteConfig:
    source = str(path)
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise SiteConfigError(f"{source}: {error}") from error
    site = _require(raw, "site", source)
    discovery = _require(raw, "discovery", source)
    article = _require(raw, "article", source)
    try:
        pattern = re.compile(str(_require(discovery, "article_link", f"{source} [discovery]")))
    except re.error as error:
        raise SiteConfigError(f"{source} [discovery]: article_link is not a regex: {error}") from error
    page_url = str(_require(discovery, "page_url", f"{source} [discovery]"))
    if "{page}" not in page_url:
        raise SiteConfigError(f"{source} [discovery]: page_url must contain {{page}}")
    return SiteConfig(
        id=str(_require(site, "id", f"{source} [site]")),
        name=str(_require(site, "name", f"{source} [site]")),
        base_url=str(_require(site, "base_url", f"{source} [site]")),
        allowed_domains=tuple(_require(site, "allowed_domains", f"{source} [site]")),  # type: ignore[arg-type]
        discovery=Discovery(
            listings=tuple(_require(discovery, "listings", f"{source} [discovery]")),  # type: ignore[arg-type]
            page_url=page_url,
            max_pages=int(discovery.get("max_pages", 20)),
            article_link=pattern,
            sitemap=discovery.get("sitemap"),
        ),
        article=ArticleSelectors(
            title=str(_require(article, "title", f"{source} [article]")),
            body=str(_require(article, "body", f"{source} [article]")),
            date=article.get("date"),
            date_formats=tuple(article.get("date_formats", ())),
            author=article.get("author"),
            lead=article.get("lead"),
            attachments=article.get("attachments"),
            drop=tuple(article.get("drop", ())),
        ),
    )


def load_sites(folder: Path = SITES_DIR) -> dict[str, SiteConfig]:
    """Every configured site by id, in file-name order."""
    sites = {}
    for path in sorted(folder.glob("*.toml")):
        config = load_site(path)
        if config.id in sites:
            raise SiteConfigError(f"{path}: site id '{config.id}' is configured twice")
        sites[config.id] = config
    return sites
