"""Site knowledge as data: one TOML file per portal in scrapers/sites/."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import soupsieve

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


_KEYS = {
    "site": {"id", "name", "base_url", "allowed_domains"},
    "discovery": {"listings", "page_url", "max_pages", "article_link", "sitemap"},
    "article": {"title", "body", "date", "date_formats", "author", "lead", "attachments", "drop"},
}


def _strings(value: object, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise SiteConfigError(f"{where} must be a list of strings")
    return tuple(value)


def _text(value: object, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise SiteConfigError(f"{where} must be a non-empty string")
    return value


def _selector(value: object, where: str) -> str:
    selector = _text(value, where)
    try:
        soupsieve.compile(selector)
    except soupsieve.SelectorSyntaxError as error:
        raise SiteConfigError(f"{where} is not a CSS selector: {error}") from error
    return selector


def load_site(path: Path) -> SiteConfig:
    source = str(path)
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise SiteConfigError(f"{source}: {error}") from error
    for table, known in _KEYS.items():
        section = _require(raw, table, source)
        if not isinstance(section, dict):
            raise SiteConfigError(f"{source}: [{table}] must be a table")
        unknown = sorted(set(section) - known)
        if unknown:
            raise SiteConfigError(
                f"{source} [{table}]: unknown key '{unknown[0]}' (known: {', '.join(sorted(known))})"
            )
    site, discovery, article = raw["site"], raw["discovery"], raw["article"]
    where = {table: f"{source} [{table}]" for table in _KEYS}
    try:
        pattern = re.compile(
            _text(
                _require(discovery, "article_link", where["discovery"]), f"{where['discovery']} article_link"
            )
        )
    except re.error as error:
        raise SiteConfigError(f"{where['discovery']}: article_link is not a regex: {error}") from error
    page_url = _text(_require(discovery, "page_url", where["discovery"]), f"{where['discovery']} page_url")
    if "{page}" not in page_url:
        raise SiteConfigError(f"{where['discovery']}: page_url must contain {{page}}")
    max_pages = discovery.get("max_pages", 20)
    if not isinstance(max_pages, int) or max_pages < 1:
        raise SiteConfigError(f"{where['discovery']} max_pages must be a whole number of at least 1")
    base_url = _text(_require(site, "base_url", where["site"]), f"{where['site']} base_url")
    domains = _strings(_require(site, "allowed_domains", where["site"]), f"{where['site']} allowed_domains")
    if urlsplit(base_url).hostname not in domains:
        raise SiteConfigError(
            f"{where['site']} allowed_domains must include the host of base_url ({base_url})"
        )
    optional = {key: article.get(key) for key in ("date", "author", "lead", "attachments")}
    return SiteConfig(
        id=_text(_require(site, "id", where["site"]), f"{where['site']} id"),
        name=_text(_require(site, "name", where["site"]), f"{where['site']} name"),
        base_url=base_url,
        allowed_domains=domains,
        discovery=Discovery(
            listings=_strings(
                _require(discovery, "listings", where["discovery"]), f"{where['discovery']} listings"
            ),
            page_url=page_url,
            max_pages=max_pages,
            article_link=pattern,
            sitemap=discovery.get("sitemap"),
        ),
        article=ArticleSelectors(
            title=_selector(_require(article, "title", where["article"]), f"{where['article']} title"),
            body=_selector(_require(article, "body", where["article"]), f"{where['article']} body"),
            date_formats=_strings(article.get("date_formats", []), f"{where['article']} date_formats"),
            drop=tuple(
                _selector(item, f"{where['article']} drop")
                for item in _strings(article.get("drop", []), f"{where['article']} drop")
            ),
            **{
                key: _selector(value, f"{where['article']} {key}") if value is not None else None
                for key, value in optional.items()
            },
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
