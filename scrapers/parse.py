"""Pages to documents: the site's selectors, or the generic extractor when
the layout is unknown. Item processing only: no fetching, no storage."""

from __future__ import annotations

import codecs
import logging
import re
import unicodedata
from dataclasses import dataclass, replace
from datetime import datetime
from urllib.parse import urljoin, urlsplit
from zoneinfo import ZoneInfo

import dateparser
from bs4 import BeautifulSoup, Tag
from charset_normalizer import from_bytes
from w3lib.encoding import html_to_unicode, http_content_type_encoding
from w3lib.url import safe_url_string

from scrapers.config import SiteConfig
from scrapers.content import extract_main_content
from scrapers.legacy_encodings import Detection, convert, detect, reads_as_vietnamese, windows_1252_view
from scrapers.pdf import pdf_text
from scrapers.types import ParsedDocument

PARSER_VERSION = "1"
logger = logging.getLogger("doingoai.scrapers")
VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")
_BLOCKS = ("p", "h2", "h3", "h4", "h5", "li", "figcaption", "td", "blockquote", "div")
# decoration around the date in date lines: weekday names, labels, time zone
_DATE_NOISE = re.compile(
    r"(?i)(thứ\s+(hai|ba|tư|năm|sáu|bảy|\d)|chủ\s+nhật)\s*,?|ngày đăng\s*:?|cập nhật(\s+lúc)?\s*:?|đăng lúc\s*:?"
    r"|gmt\s*[+-]\s*\d+|\bngày\b\s*:?"
)


@dataclass(frozen=True)
class DecodedPage:
    """A page's text, and what legacy-encoding detection found (`legacy.encoding` None: Unicode)."""

    html: str
    legacy: Detection

    @property
    def converted_from(self) -> str | None:
        """The legacy encoding the text was converted from, if it was."""
        return self.legacy.encoding if self.legacy.convertible else None


def decode_page(body: bytes, content_type: str | None) -> DecodedPage:
    """Text of an HTML body, NFC-normalised, decoded the way browsers do (w3lib, Scrapy's library):
    a byte-order mark, else the header's charset, else <meta>, else detection (charset-normalizer).

    One exception to the order: a Western server default in the header ("ISO-8859-1") over bytes
    that are valid UTF-8 with non-ASCII in them is a misconfigured server, not a Western page, so
    the header is ignored and <meta> or detection decide.

    Then a page in a legacy Vietnamese encoding (VNI, TCVN3: `scrapers.legacy_encodings`), which
    declares itself Western or nothing, is converted to Unicode when the detection is sure; when
    it is unsure, the text is left as decoded and `legacy` says so."""
    if http_content_type_encoding(content_type or "") in _WESTERN_DEFAULTS and _is_utf8(body):
        content_type = None
    encoding, text = html_to_unicode(content_type, body, auto_detect_fun=_detect_charset)
    text = unicodedata.normalize("NFC", text)
    # the legacy tables read the page as windows-1252: a page read in another codec, or as UTF-8 it
    # is not (a legacy page declared UTF-8), is read again that way, unless that codec made
    # Vietnamese of it (windows-1258, the Vietnamese code page, is no legacy font encoding)
    codec = codecs.lookup(encoding).name
    as_read = codec in ("cp1252", "latin-1") or (codec == "utf-8" and "\ufffd" not in text)
    view = text if as_read or reads_as_vietnamese(text) else windows_1252_view(body)
    legacy = detect(view)
    if legacy.convertible:
        return DecodedPage(convert(view, legacy.encoding), legacy)  # type: ignore[arg-type]  # convertible: set
    return DecodedPage(text, legacy)


def decode_html(body: bytes, content_type: str | None) -> str:
    """The text of `decode_page`, for callers that only read the page."""
    return decode_page(body, content_type).html


# w3lib maps every Western label ("ISO-8859-1", "latin-1", "us-ascii"...) to cp1252, as browsers do
_WESTERN_DEFAULTS = {"cp1252"}


def _is_utf8(body: bytes) -> bool:
    """Valid UTF-8 with non-ASCII bytes: Vietnamese text, not a Western page."""
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return any(byte > 0x7F for byte in body[:65536])


def _detect_charset(body: bytes) -> str | None:
    best = from_bytes(body).best()
    return best.encoding if best else None  # None: w3lib falls back to UTF-8


def parse_date(text: str, formats: tuple[str, ...] = ()) -> datetime | None:
    """A date line as an aware datetime in Asia/Ho_Chi_Minh, or None."""
    cleaned = re.sub(r"\s+", " ", _DATE_NOISE.sub(" ", text)).strip(" ,|-")
    for layout in formats:
        try:
            return datetime.strptime(cleaned, layout).replace(tzinfo=VIETNAM)
        except ValueError:
            continue
    numeric = re.search(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})", cleaned)
    clock = re.search(r"(\d{1,2}):(\d{2})\s*(AM|PM)?", cleaned, re.I)
    if numeric:
        day, month, year = map(int, numeric.groups())
        hour, minute = (int(clock.group(1)), int(clock.group(2))) if clock else (0, 0)
        if clock and clock.group(3) and clock.group(3).upper() == "PM" and hour < 12:
            hour += 12
        try:
            return datetime(year, month, day, hour, minute, tzinfo=VIETNAM)
        except ValueError:
            return None
    parsed = dateparser.parse(
        cleaned,
        languages=["vi"],
        settings={"DATE_ORDER": "DMY", "TIMEZONE": "Asia/Ho_Chi_Minh", "RETURN_AS_TIMEZONE_AWARE": True},
    )
    return parsed.astimezone(VIETNAM) if parsed else None


def _text(element: Tag | None) -> str | None:
    if element is None:
        return None
    text = re.sub(r"\s+", " ", element.get_text(" ")).strip()
    return text or None


def _paragraphs(body: Tag) -> list[str]:
    """The body's text as paragraphs: one per block element, text between blocks kept, <br> a line break."""
    for br in body.find_all("br"):
        br.replace_with("\n")
    paragraphs: list[str] = []
    loose: list[str] = []

    def flush() -> None:
        text = re.sub(r"[ \t\r\f\v]+", " ", "".join(loose))
        paragraphs.extend(line.strip() for line in text.split("\n") if line.strip())
        loose.clear()

    def walk(element: Tag) -> None:
        for child in element.children:
            if isinstance(child, Tag) and child.name in _BLOCKS:
                flush()
                if child.find(_BLOCKS):
                    walk(child)
                else:
                    loose.append(child.get_text())
                    flush()
            elif isinstance(child, Tag):
                loose.append(child.get_text())
            else:
                loose.append(str(child))

    walk(body)
    flush()
    return paragraphs


def parse_article(site: SiteConfig, url: str, html: str) -> ParsedDocument:
    """An article page with its site's selectors; the generic extractor when they do not match."""
    soup = BeautifulSoup(html, "lxml")
    selectors = site.article
    title = _text(soup.select_one(selectors.title))
    body = soup.select_one(selectors.body)
    date_text = _text(soup.select_one(selectors.date)) if selectors.date else None
    found = {
        "title": title,
        "body": body is not None and _text(body),
        "date": date_text or not selectors.date,
    }
    unmatched = tuple(name for name, value in found.items() if not value)
    if title is None or body is None:
        return replace(_generic(site, url, html), unmatched_selectors=unmatched)
    for selector in selectors.drop:
        for element in body.select(selector):
            element.decompose()
    attachments = tuple(
        link
        for anchor in soup.select(selectors.attachments or "a.__none__")
        if anchor.get("href") and (link := _absolute(url, anchor["href"]))
    )
    lead_element = soup.select_one(selectors.lead) if selectors.lead else None
    lead = _text(lead_element)
    paragraphs = _paragraphs(body)
    if lead and lead_element is not None and lead_element not in body.descendants:
        paragraphs.insert(0, lead)
    return ParsedDocument(
        url=url,
        site=site.id,
        kind="article",
        parser=f"site:{site.id}",
        title=title,
        published_at=parse_date(date_text, selectors.date_formats) if date_text else None,
        author=_text(soup.select_one(selectors.author)) if selectors.author else None,
        lead=lead,
        body_text="\n\n".join(paragraphs),
        attachment_urls=tuple(dict.fromkeys(attachments)),
        unmatched_selectors=unmatched,
    )


def _generic(site: SiteConfig, url: str, html: str) -> ParsedDocument:
    page = extract_main_content(html, url)
    published = (
        datetime(page.published_on.year, page.published_on.month, page.published_on.day, tzinfo=VIETNAM)
        if page.published_on
        else None
    )
    return ParsedDocument(
        url=url,
        site=site.id,
        kind="article",
        parser="generic",
        title=page.title,
        published_at=published,
        author=None,
        lead=None,
        body_text=page.body_text,
    )


def parse_attachment(site: SiteConfig, url: str, data: bytes, title: str | None = None) -> ParsedDocument:
    """A PDF attachment's text; its title is the linking anchor's text when known, else the file name."""
    text = pdf_text(data)
    name = title or urlsplit(url).path.rsplit("/", 1)[-1]
    return ParsedDocument(
        url=url,
        site=site.id,
        kind="pdf",
        parser="pdf",
        title=name,
        published_at=None,
        author=None,
        lead=None,
        body_text=text,
    )


def article_links(site: SiteConfig, page_url: str, html: str) -> list[str]:
    """Canonical URLs of the articles a listing page links to, in page order."""
    soup = BeautifulSoup(html, "lxml")
    found = []
    for anchor in soup.find_all("a", href=True):
        link = _absolute(page_url, anchor["href"])
        url = canonical_url(site, link) if link else None
        if url and site.discovery.article_link.match(urlsplit(url).path):
            found.append(url)
    return list(dict.fromkeys(found))


def _absolute(page_url: str, href: str) -> str | None:
    """`href` made absolute against the page, or None (logged) for a link no URL parser can read.

    A broken link on one page ("http://[bad": urllib raises ValueError) must not end the crawl of
    the whole site; it is skipped like any off-site link, and the log says which page holds it.
    """
    try:
        return urljoin(page_url, href)
    except ValueError as error:
        logger.warning("skipped an unreadable link %r on %s: %s", href, page_url, error)
        return None


def canonical_url(site: SiteConfig, url: str) -> str | None:
    """The site's own form of a URL, or None when it is off-site, not http(s) or unreadable ("http://[bad").

    The site's knowledge (hand-written): https and the base host, so the www. alias and http://
    links are the same pages, and no fragment. The URL's own form (w3lib's safe_url_string, as
    browsers send it): spaces and non-ASCII letters percent-encoded, tabs and newlines dropped.
    An already safe URL comes back unchanged, so stored URLs keep their form; query order is kept
    (w3lib's canonicalize_url would sort it, which is for fingerprints, not for the URLs we fetch).
    """
    try:
        parts = urlsplit(url)
    except ValueError:  # "http://[bad" (a sitemap's <loc> as well as a link)
        logger.warning("skipped an unreadable URL %r", url)
        return None
    if parts.scheme not in ("http", "https") or not site.allows(url):
        return None
    query = f"?{parts.query}" if parts.query else ""
    return safe_url_string(f"{site.base_url.rstrip('/')}{parts.path or '/'}{query}")
