"""Landing local files (letters and reports that analysts receive by other means) beside crawled pages.

Each file becomes a document at `import://<source>/<file name>`: its bytes go to raw.pages (kind
`import`) and its text to raw.documents, as a crawl and its parse would leave them, so the next
`doingoai run` extracts and models it like any crawled article. The page kind `import` keeps the
crawl-side steps away from these rows: the crawler revisits only its own kinds (article,
attachment), the parse step reads only those kinds (an imported file is parsed here, when it is
imported, not with a site's TOML file that the source does not have), and parser health judges
only crawled articles. The source is recorded in raw.sites (unless a portal of that id is already
there), so dim_site and every join on it hold the imported documents too.

How each kind of file is read:

- `.txt`: UTF-8, UTF-8 with a BOM, or UTF-16 with a BOM. The first non-empty line is the title and
  the rest is the body, one paragraph per non-empty line. A line right after the title that is only
  a date ("Thứ Hai, 15/05/2023 10:30", "Cần Thơ, ngày 5 tháng 3 năm 2024") is the publication date
  and is not part of the body.
- `.html`/`.htm`: decoded by its BOM, else its `<meta charset>`, else as UTF-8; then read by the
  crawler's generic extractor for unknown layouts (trafilatura, `scrapers/content.py`), which also
  gives the title and, when the page shows one, the date.
- `.pdf`: the crawler's PDF text extraction (`scrapers/pdf.py`); the title is the file name, as for a
  crawled attachment.

`--published-on` overrides any date found in the file. A command is all or nothing: every file is
read and parsed before anything is written, and one bad file (unreadable, empty, undecodable, of
another type, a PDF without a text layer) rejects the whole command; the good ones are then written
in one transaction. Importing the same bytes again adds no row (it confirms that version, as a
crawl's unchanged fetch does); changed bytes under the same name add a new version, which becomes
the current one.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Literal

import pyarrow as pa

from scrapers.content import extract_main_content
from scrapers.parse import PARSER_VERSION, VIETNAM, parse_date
from scrapers.pdf import PdfTextError, pdf_text
from scrapers.types import ParsedDocument
from warehouse.db import connect, migrate

URL_SCHEME = "import://"
PAGE_KIND = "import"  # raw.pages.kind of an imported file, beside the crawl's article and attachment
# file suffix -> how the file is read (also the parser recorded in raw.documents: text, generic, pdf)
READERS = {".txt": "text", ".html": "generic", ".htm": "generic", ".pdf": "pdf"}
_CONTENT_TYPES = {"text": "text/plain", "generic": "text/html", "pdf": "application/pdf"}
# (byte order mark, codec that reads it, charset recorded in the content type)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "utf-16"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([\w-]+)""", re.I)
# A line that is only a date: one day-month-year, perhaps a time and a time zone, and before it at most
# a short lead-in without digits (a weekday, a label, a place); nothing but a time or a zone after it. "Thứ Hai, 15/05/2023 10:30", "10:30 | 15/05/2023",
# "Ngày đăng: 15-05-2023 (GMT+07:00)", "Cần Thơ, ngày 5 tháng 3 năm 2024".
_NUMERIC_DATE = re.compile(r"\b\d{1,2}[/.-]\d{1,2}[/.-]\d{4}\b")
_TIME_OR_ZONE = re.compile(
    r"(?i)\(?\s*GMT\s*[+-]\s*\d{1,2}(:\d{2})?\s*\)?|\b\d{1,2}[:h]\d{2}(\s*(AM|PM|SA|CH)\b)?"
)
_WORDED_DATE_LINE = re.compile(r"(?i)^\D{0,40}?ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})\s*\.?$")
_MAX_LEAD_IN = 40  # characters before the date that are not a time or a zone
_SOURCE_NAME = re.compile(r"^[^\s/\\]+$")
ImportStatus = Literal["new", "changed", "unchanged"]


class BadImportFile(ValueError):
    """A file that cannot be imported; the message is one line naming the file and why."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class ImportRejected(ValueError):
    """The command's bad files, each with its one-line message; nothing was written."""

    def __init__(self, bad: list[BadImportFile]) -> None:
        super().__init__("; ".join(str(error) for error in bad))
        self.bad = bad


@dataclass(frozen=True)
class ImportedFile:
    """One file read and parsed, ready to land: the page version and its document."""

    path: Path
    body: bytes
    content_type: str
    document: ParsedDocument

    @property
    def url(self) -> str:
        return self.document.url

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.body).hexdigest()


@dataclass(frozen=True)
class ImportOutcome:
    """What landing one file did: a new document, a new version of one, or nothing new."""

    path: Path
    url: str
    status: ImportStatus
    title: str | None
    published_on: date | None


def import_url(source: str, file_name: str) -> str:
    """The document URL of a file imported from `source`: the file's own name, as it is on disk."""
    return f"{URL_SCHEME}{source}/{file_name}"


def check_source(source: str) -> str:
    """The source name as given, or ValueError: it is the site id and the URL's host, so it must be
    one word without slashes (e.g. `baoquocte`, `sở-ngoại-vụ`, `thoidai`)."""
    if not _SOURCE_NAME.match(source):
        raise ValueError(f"source name {source!r} must be one word without spaces or slashes")
    return source


def read_file(path: Path, source: str, published_on: date | None = None) -> ImportedFile:
    """Read and parse one file, or raise BadImportFile with the reason in a few words."""
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise BadImportFile(path, f"not a .txt, .html or .pdf file (suffix {path.suffix or 'none'!r})")
    try:
        body = path.read_bytes()
    except OSError as error:
        raise BadImportFile(path, f"cannot read it ({error.strerror or error})") from error
    if not body.strip():
        raise BadImportFile(path, "the file is empty")
    url = import_url(source, path.name)
    if reader == "pdf":
        try:
            text = pdf_text(body)
        except PdfTextError as error:
            raise BadImportFile(path, str(error)) from error
        if not text:
            raise BadImportFile(path, "the PDF has no text layer (a scan?); nothing to read")
        title, found_date, charset = path.name, None, None
    else:
        text, charset = _decode(path, body, html=reader == "generic")
        if reader == "text":
            title, found_date, text = _read_text(path, text)
        else:
            page = extract_main_content(text, url)
            if not page.body_text.strip():
                raise BadImportFile(path, "no main text found in the HTML (trafilatura kept nothing)")
            title, found_date, text = page.title or path.stem, page.published_on, page.body_text
    day = published_on or found_date
    document = ParsedDocument(
        url=url,
        site=source,
        kind="article",  # a file of its own, not an attachment of some page (PDFs too)
        parser=reader,
        title=title,
        published_at=datetime(day.year, day.month, day.day, tzinfo=VIETNAM) if day else None,
        author=None,
        lead=None,
        body_text=text,
    )
    content_type = _CONTENT_TYPES[reader] + (f"; charset={charset}" if charset else "")
    return ImportedFile(path, body, content_type, document)


def _decode(path: Path, body: bytes, html: bool) -> tuple[str, str]:
    """(text in NFC, the charset used): a BOM wins, then an HTML page's <meta charset>, then UTF-8."""
    for bom, codec, name in _BOMS:
        if body.startswith(bom):
            encoding, label = codec, name
            break
    else:
        declared = _META_CHARSET.search(body[:4096]) if html else None
        label = declared.group(1).decode("ascii").lower() if declared else "utf-8"
        encoding = label
    try:
        text = body.decode(encoding)
    except LookupError as error:
        raise BadImportFile(path, f"unknown charset {label!r} in its <meta>") from error
    except UnicodeDecodeError as error:
        raise BadImportFile(
            path, f"not {label} text (byte {error.start}); save it as UTF-8 (or UTF-16 with a BOM)"
        ) from error
    if "\x00" in text:
        raise BadImportFile(path, "binary content (NUL characters), not text")
    return unicodedata.normalize("NFC", text), label


def _read_text(path: Path, text: str) -> tuple[str, date | None, str]:
    """(title, date on the line after it or None, body): first line the title, one paragraph per line."""
    lines = [re.sub(r"[ \t\f\v\u00a0]+", " ", line).strip() for line in text.splitlines()]
    lines = [line for line in lines if line]
    if not lines:
        raise BadImportFile(path, "the file is empty")
    title, rest = lines[0], lines[1:]
    found = _date_line(rest[0]) if rest else None
    if found:
        rest = rest[1:]
    if not rest:
        raise BadImportFile(path, "only a title line; the body (the lines after it) is empty")
    return title, found, "\n\n".join(rest)


def _date_line(line: str) -> date | None:
    """The date of a line that is only a date (with a short lead-in), else None."""
    worded = _WORDED_DATE_LINE.match(line)
    if worded:
        day, month, year = map(int, worded.groups())
        try:
            return date(year, month, day)
        except ValueError:
            return None
    if len(_NUMERIC_DATE.findall(line)) != 1:
        return None
    lead_in, after = (_TIME_OR_ZONE.sub(" ", part).strip(" .,|-–()") for part in _NUMERIC_DATE.split(line))
    if after or re.search(r"\d", lead_in) or len(lead_in) > _MAX_LEAD_IN:
        return None  # words after the date ("Ngày 11/4/2024, đoàn ...") make it a sentence of the body
    found = parse_date(line)
    return found.date() if found else None


def read_files(paths: list[Path], source: str, published_on: date | None = None) -> list[ImportedFile]:
    """Every file read and parsed, or ImportRejected naming each bad one (nothing is written here).

    Two different files that would get the same URL (the same name in two folders) are refused,
    since one would silently become a "new version" of the other.
    """
    check_source(source)
    imported: dict[str, ImportedFile] = {}
    bad: list[BadImportFile] = []
    for path in paths:
        try:
            item = read_file(path, source, published_on)
        except BadImportFile as error:
            bad.append(error)
            continue
        earlier = imported.get(item.url)
        if earlier is not None and earlier.content_hash != item.content_hash:
            bad.append(BadImportFile(path, f"another file given, {earlier.path}, has the same name"))
            continue
        imported.setdefault(item.url, item)
    if bad:
        raise ImportRejected(bad)
    return list(imported.values())


_PAGE_SCHEMA = pa.schema(
    [
        ("url", pa.string()),
        ("site", pa.string()),
        ("content_hash", pa.string()),
        ("body", pa.binary()),
        ("content_type", pa.string()),
        ("headers", pa.string()),
    ]
)
_DOCUMENT_SCHEMA = pa.schema(
    [
        ("url", pa.string()),
        ("site", pa.string()),
        ("kind", pa.string()),
        ("content_hash", pa.string()),
        ("parser", pa.string()),
        ("parser_version", pa.string()),
        ("title", pa.string()),
        ("published_at", pa.timestamp("us", tz="UTC")),
        ("body_text", pa.string()),
    ]
)


def import_files(
    db_path: str | Path | None, source: str, paths: list[Path], published_on: date | None = None
) -> list[ImportOutcome]:
    """Read every file, then land them all in one transaction; ImportRejected if any is bad.

    Returns what happened to each distinct file, in the order given.
    """
    files = read_files(paths, source, published_on)
    if not files:
        return []  # no file, no source: nothing to record
    now = datetime.now(UTC)
    pages = pa.Table.from_pylist([_page_row(item) for item in files], schema=_PAGE_SCHEMA)
    documents = pa.Table.from_pylist([_document_row(item) for item in files], schema=_DOCUMENT_SCHEMA)
    with connect(db_path) as connection:
        migrate(connection)
        connection.execute("BEGIN TRANSACTION")
        try:
            connection.execute(
                "INSERT INTO raw.sites VALUES (?, ?, ?, []::VARCHAR[], []::VARCHAR[], ?) ON CONFLICT DO NOTHING",
                [source, f"{source} (imported files)", f"{URL_SCHEME}{source}/", now],
            )
            connection.register("import_pages", pages)
            connection.register("import_documents", documents)
            statuses = dict(
                connection.execute(
                    """
                    SELECT b.url,
                           CASE WHEN EXISTS (SELECT 1 FROM raw.pages p
                                             WHERE p.url = b.url AND p.content_hash = b.content_hash)
                                THEN 'unchanged'
                                WHEN EXISTS (SELECT 1 FROM raw.pages p WHERE p.url = b.url) THEN 'changed'
                                ELSE 'new' END
                    FROM import_pages b
                    """
                ).fetchall()
            )
            # The same bytes again: that version is confirmed (and is current again if a later
            # import had replaced it), as a crawl's unchanged fetch confirms a page.
            connection.execute(
                "UPDATE raw.pages p SET last_seen_at = ? FROM import_pages b "
                "WHERE p.url = b.url AND p.content_hash = b.content_hash",
                [now],
            )
            connection.execute(
                f"""
                INSERT INTO raw.pages
                SELECT url, site, '{PAGE_KIND}', content_hash, body, content_type, headers::JSON,
                       NULL, NULL, NULL, $now, $now, NULL
                FROM import_pages ON CONFLICT DO NOTHING
                """,
                {"now": now},
            )
            # A document per page version and parser version: a re-import after the parser
            # version was raised re-parses the same bytes into a new document row.
            connection.execute(
                """
                INSERT INTO raw.documents (url, site, kind, content_hash, parser, parser_version, title,
                       published_at, author, lead, body_text, attachment_urls, parent_url, parsed_at)
                SELECT url, site, kind, content_hash, parser, parser_version, title, published_at,
                       NULL, NULL, body_text, []::VARCHAR[], NULL, $now
                FROM import_documents ON CONFLICT DO NOTHING
                """,
                {"now": now},
            )
            connection.execute("COMMIT")
        except Exception:
            connection.execute("ROLLBACK")
            raise
        finally:
            connection.unregister("import_pages")
            connection.unregister("import_documents")
    return [
        ImportOutcome(
            item.path,
            item.url,
            statuses[item.url],
            item.document.title,
            item.document.published_at.date() if item.document.published_at else None,
        )
        for item in files
    ]


def _page_row(item: ImportedFile) -> dict[str, object]:
    headers = {"content-type": item.content_type, "x-import-file": str(item.path.resolve())}
    return {
        "url": item.url,
        "site": item.document.site,
        "content_hash": item.content_hash,
        "body": item.body,
        "content_type": item.content_type,
        "headers": json.dumps(headers, ensure_ascii=False),
    }


def _document_row(item: ImportedFile) -> dict[str, object]:
    document = item.document
    return {
        "url": document.url,
        "site": document.site,
        "kind": document.kind,
        "content_hash": item.content_hash,
        "parser": document.parser,
        "parser_version": PARSER_VERSION,
        "title": document.title,
        "published_at": document.published_at.astimezone(UTC) if document.published_at else None,
        "body_text": document.body_text,
    }
