"""Site knowledge as data: one TOML file per portal in scrapers/sites/.

pydantic checks each file against the models below (`extra="forbid"`: a misspelt key is an error,
not a silently ignored line), and a mistake is reported with the file, the table, the key and the
problem: "thoidai.toml [discovery] max_pages: Input should be greater than or equal to 1 (got 0)".
"""

from __future__ import annotations

import logging
import re
import string
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlsplit

import soupsieve
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationError,
    model_validator,
)

SITES_DIR = Path(__file__).resolve().parent / "sites"
# A site id names the site's Dagster partition and its checks (`discovery_<id>`, `parser_health_<id>`),
# whose names Dagster allows only letters, digits and underscores in: "thoi-dai" would stop the
# definitions from loading, so it is refused here, in words, and only that site is skipped.
SITE_ID = re.compile(r"^[a-z][a-z0-9_]*$")
# What `page_url` may name: the listing's path and the page number, and nothing else.
PAGE_URL_FIELDS = frozenset({"listing", "page"})

logger = logging.getLogger("doingoai.config")


class SiteConfigError(ValueError):
    """A site file is missing a key or holds a bad value; the message names the file, the key and why."""


def _non_empty(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be empty")
    return value


def _selector(value: str) -> str:
    try:
        soupsieve.compile(value)
    except soupsieve.SelectorSyntaxError as error:
        raise ValueError(f"not a CSS selector: {error}") from error
    return value


def _regex(value: object) -> object:
    if isinstance(value, str):
        try:
            return re.compile(value)
        except re.error as error:
            raise ValueError(f"not a regex: {error}") from error
    return value


Text = Annotated[str, AfterValidator(_non_empty)]
Selector = Annotated[str, AfterValidator(_non_empty), AfterValidator(_selector)]
# TOML arrays arrive as lists; callers get tuples (a site config is immutable). A string is refused.
Strings = Annotated[tuple[str, ...], Field(strict=False)]
Selectors = Annotated[tuple[Selector, ...], Field(strict=False)]


class _Table(BaseModel):
    """One table of a site file: no unknown key, no type coercion ("5" is not 5), immutable."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Discovery(_Table):
    listings: Strings
    page_url: Text  # "{listing}?page={page}"
    max_pages: int = Field(20, ge=1)
    article_link: Annotated[re.Pattern[str], BeforeValidator(_regex)]  # matched on the URL path
    sitemap: Text | None = None

    @model_validator(mode="after")
    def _page_url_has_page(self) -> Discovery:
        try:
            named = {field for _, field, _, _ in string.Formatter().parse(self.page_url) if field is not None}
        except ValueError as error:  # an unmatched brace
            raise ValueError(f"page_url {self.page_url!r} is not a URL template: {error}") from None
        unknown = sorted(named - PAGE_URL_FIELDS)
        if unknown:
            raise ValueError(
                f"page_url {self.page_url!r} names {', '.join('{' + name + '}' for name in unknown)}: "
                "only {listing} and {page} are known"
            )
        if "page" not in named:
            raise ValueError("page_url must contain {page}")
        return self


class ArticleSelectors(_Table):
    title: Selector
    body: Selector
    date: Selector | None = None
    date_formats: Strings = ()
    author: Selector | None = None
    lead: Selector | None = None
    attachments: Selector | None = None
    drop: Selectors = ()


def _site_id(value: str) -> str:
    if not SITE_ID.match(value):
        suggestion = re.sub(r"[^a-z0-9_]+", "_", value.lower()).strip("_")
        raise ValueError(
            "must be lowercase letters, digits and underscores, starting with a letter (it names the "
            "site's Dagster partition and checks)"
            + (f": say {suggestion!r}" if SITE_ID.match(suggestion) else "")
        )
    return value


class _SiteTable(_Table):
    id: Annotated[str, AfterValidator(_site_id)]
    name: Text
    base_url: Text
    allowed_domains: Strings

    @model_validator(mode="after")
    def _base_host_allowed(self) -> _SiteTable:
        if urlsplit(self.base_url).hostname not in self.allowed_domains:
            raise ValueError(f"allowed_domains must include the host of base_url ({self.base_url})")
        return self


class _SiteFile(_Table):
    """The whole file: its three tables."""

    site: _SiteTable
    discovery: Discovery
    article: ArticleSelectors


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


_TABLES: dict[str, type[_Table]] = {"site": _SiteTable, "discovery": Discovery, "article": ArticleSelectors}
# pydantic's wording where a site file's author would not think in Python types
_PLAIN = {
    "tuple_type": "must be a list",
    "string_type": "must be a string",
    "int_type": "must be a whole number",
}


def _problem(source: str, error: Any) -> str:
    """One pydantic error as "FILE [table] key: problem"."""
    table, *key = error["loc"]
    where = f"{source} [{table}]"
    name = "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in key).lstrip(".")
    if error["type"] == "missing":
        return f"{where}: missing key '{name}'" if name else f"{source}: missing table [{table}]"
    if error["type"] == "extra_forbidden":
        if not name:
            return f"{source}: unknown table [{table}] (known: {', '.join(_SiteFile.model_fields)})"
        known = _TABLES[table].model_fields
        return f"{where}: unknown key '{name}' (known: {', '.join(sorted(known))})"
    message = str(error["ctx"]["error"]) if error["type"] == "value_error" else error["msg"]
    message = _PLAIN.get(error["type"], message)
    if error["type"] == "model_type":
        return f"{where} must be a table"
    if not name:  # a check across keys (page_url, allowed_domains): the message names them
        return f"{where}: {message}"
    return f"{where} {name}: {message} (got {error['input']!r})"


def load_site(path: Path) -> SiteConfig:
    source = str(path)
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise SiteConfigError(f"{source}: {error}") from error
    try:
        file = _SiteFile.model_validate(raw)
    except ValidationError as error:
        raise SiteConfigError("\n".join(_problem(source, problem) for problem in error.errors())) from None
    site = file.site
    return SiteConfig(
        id=site.id,
        name=site.name,
        base_url=site.base_url,
        allowed_domains=site.allowed_domains,
        discovery=file.discovery,
        article=file.article,
    )


@dataclass(frozen=True)
class SiteFiles:
    """What the site folder holds: the sound sites by id, and each broken file with what is wrong."""

    sites: dict[str, SiteConfig]
    problems: dict[Path, str]  # file -> "FILE [table] key: problem", one line per problem


def read_site_files(folder: Path | None = None) -> SiteFiles:
    """Every site file in `folder` (default SITES_DIR), each on its own: a broken file is set aside with
    its problems, and the others load."""
    sites: dict[str, SiteConfig] = {}
    problems: dict[Path, str] = {}
    for path in sorted((folder or SITES_DIR).glob("*.toml")):
        try:
            config = load_site(path)
        except (SiteConfigError, OSError, UnicodeDecodeError) as error:
            problems[path] = str(error)
            continue
        if config.id in sites:
            problems[path] = f"{path}: site id '{config.id}' is configured twice"
            continue
        sites[config.id] = config
    return SiteFiles(sites, problems)


_reported: set[str] = set()  # problems already logged by this process (load_sites is called often)


def load_sites(folder: Path | None = None) -> dict[str, SiteConfig]:
    """Every sound site by id, in file-name order. A broken file skips only its own site: its problems
    are logged once per process (the crawl asset's `site_configs` check reports them in Dagster)."""
    files = read_site_files(folder)
    for problem in files.problems.values():
        if problem not in _reported:
            _reported.add(problem)
            logger.error(f"site file skipped: {problem}")
    return files.sites
