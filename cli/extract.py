"""`doingoai extract`: run the extractor over article files and print JSON Lines.

`.txt` is an article body; `.html` a whole page (its main content is found
first, with the crawler's generic content extraction, and its own date is
used); `.pdf` an attachment. One JSON object per document, in the shape of
`../shared/eval/SCHEMA.md`, with evidence and extra fields under extra keys.

The pipeline's limits hold here too: a file whose text is over
DOINGOAI_EXTRACT_MAX_CHARS is refused at once (a file over four bytes per
allowed character is not even read), and an extraction past
DOINGOAI_EXTRACT_TIMEOUT seconds is stopped; each says so in one line.
"""

from __future__ import annotations

import json
import sys
from datetime import date, datetime
from pathlib import Path

import click

from extraction import extract as extract_records
from settings import get_settings
from warehouse.extracting import TooLarge, TooSlow, bounded_extract


def _read_document(path: Path, max_chars: int) -> tuple[str, date | None]:
    """The text to extract from, and the publication date the file itself gives."""
    suffix = path.suffix.lower()
    if suffix not in (".pdf", ".html", ".htm") and path.stat().st_size > 4 * max_chars:
        # UTF-8 takes at most four bytes a character: this text is over the limit, whatever it holds
        raise TooLarge(
            f"{path.stat().st_size:,} bytes, over the limit of {max_chars:,} characters (DOINGOAI_EXTRACT_MAX_CHARS)"
        )
    if suffix == ".pdf":
        from scrapers.pdf import pdf_text

        return pdf_text(path.read_bytes()), None
    if suffix in (".html", ".htm"):
        from scrapers.content import extract_main_content
        from scrapers.parse import decode_html

        # decoded as the crawler decodes pages: <meta> charset, detection, legacy VNI/TCVN3 converted
        page = extract_main_content(decode_html(path.read_bytes(), None))
        text = "\n".join(part for part in (page.title, page.body_text) if part)
        return text, page.published_on
    return path.read_text(encoding="utf-8"), None


@click.command("extract")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--out", "out_path", type=click.Path(path_type=Path), help="Write JSON Lines here instead of stdout."
)
@click.option(
    "--published-on",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="Publication date for resolving '3/11' and 'hôm nay' (otherwise read from the text's date line).",
)
def extract(paths: tuple[Path, ...], out_path: Path | None, published_on: datetime | None) -> None:
    """Extract directives, people, money, events and countries from .txt, .html or .pdf files."""
    given = published_on.date() if published_on else None
    settings = get_settings()
    failures = 0
    lines = []
    for path in paths:
        try:
            text, page_date = _read_document(path, settings.extract_max_chars)
            result = bounded_extract(
                text,
                given or page_date,
                settings.extract_max_chars,
                settings.extract_timeout,
                extract_records,
            )
            record = result.to_schema(doc_id=path.stem)
        except (OSError, UnicodeDecodeError, ValueError, TooLarge, TooSlow) as error:
            failures += 1
            click.echo(f"doingoai extract: {path}: {error}", err=True)
            continue
        lines.append(json.dumps(record, ensure_ascii=False))
    output = "\n".join(lines) + ("\n" if lines else "")
    if out_path:
        out_path.parent.mkdir(parents=True, exist_ok=True)
        out_path.write_text(output, encoding="utf-8")
    else:
        sys.stdout.write(output)
    if failures:
        raise SystemExit(1)
