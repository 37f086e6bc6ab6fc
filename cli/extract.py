"""`doingoai extract`: run the extractor over article files and print JSON Lines.

`.txt` is an article body; `.html` a whole page (its main content is found
first, with the crawler's generic content extraction, and its own date is
used); `.pdf` an attachment. One JSON object per document, in the shape of
`../shared/eval/SCHEMA.md`, with evidence and extra fields under extra keys.
"""

from __future__ import annotations

import json
import sys
from datetime import date, datetime
from pathlib import Path

import click

from extraction import extract as extract_records


def _read_document(path: Path) -> tuple[str, date | None]:
    """The text to extract from, and the publication date the file itself gives."""
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        from scrapers.pdf import pdf_text

        return pdf_text(path.read_bytes()), None
    if suffix in (".html", ".htm"):
        from scrapers.content import extract_main_content

        page = extract_main_content(path.read_text(encoding="utf-8", errors="replace"))
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
    failures = 0
    lines = []
    for path in paths:
        try:
            text, page_date = _read_document(path)
            record = extract_records(text, given or page_date).to_schema(doc_id=path.stem)
        except (OSError, UnicodeDecodeError, ValueError) as error:
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
