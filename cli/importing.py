"""`doingoai import`: land local files (letters, reports) as documents for the next `doingoai run`."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import click

from warehouse.db import db_path
from warehouse.importing import ImportRejected, check_source, import_files


def _source(_ctx: click.Context, _param: click.Parameter, value: str) -> str:
    try:
        return check_source(value)
    except ValueError as error:
        raise click.BadParameter(str(error)) from error


@click.command(
    "import",
    epilog=(
        "\b\n"
        "Reading:\n"
        "  .txt         first non-empty line = title, each further line a paragraph; a line right\n"
        "               after the title that is only a date gives the publication date.\n"
        "  .html, .htm  the crawler's generic extractor (trafilatura): title, main text, date.\n"
        "  .pdf         the crawler's PDF text extraction; the title is the file name.\n"
        "Encoding of .txt and .html: UTF-8, UTF-8 with a BOM or UTF-16 with a BOM (.html may\n"
        "also declare another charset in <meta charset>).\n"
        "\b\n"
        "All or nothing: every file is read first; if any is bad (unreadable, empty, undecodable,\n"
        "another type, a PDF without text) each bad file gets one error line, the exit status is 1\n"
        "and nothing is written. Importing the same file again adds nothing; a changed file under\n"
        "the same name adds a new version, which becomes the current one."
    ),
)
@click.option(
    "--source",
    required=True,
    callback=_source,
    metavar="NAME",
    help="Where the files came from (e.g. baoquocte): the site id, and the host of import://NAME/<file name>.",
)
@click.option(
    "--published-on",
    type=click.DateTime(formats=["%Y-%m-%d", "%d/%m/%Y"]),
    metavar="DATE",
    help="Publication date of every file (YYYY-MM-DD or DD/MM/YYYY); else the date the file shows, else none.",
)
@click.option(
    "--db",
    type=click.Path(path_type=Path, dir_okay=False),
    help="DuckDB file (default: $DOINGOAI_DB or data/warehouse.duckdb).",
)
@click.argument("files", nargs=-1, required=True, metavar="FILE...", type=click.Path(path_type=Path))
def import_documents(
    source: str, published_on: datetime | None, db: Path | None, files: tuple[Path, ...]
) -> None:
    """Land local .txt, .html and .pdf files as documents at import://NAME/<file name>.

    The next `doingoai run` extracts and models them like crawled articles, and they reach the
    analysts' copy (dim_article and the marts).
    """
    try:
        outcomes = import_files(db, source, list(files), published_on.date() if published_on else None)
    except ImportRejected as rejected:
        for bad in rejected.bad:
            click.echo(f"error: {bad}", err=True)
        click.echo(f"nothing imported: {len(rejected.bad)} of {len(files)} files are bad", err=True)
        raise SystemExit(1) from None
    for outcome in outcomes:
        day = outcome.published_on.isoformat() if outcome.published_on else "no date"
        click.echo(f"{outcome.status:<9} {outcome.url}  ({day}) {outcome.title or ''}")
    counts = {status: sum(o.status == status for o in outcomes) for status in ("new", "changed", "unchanged")}
    click.echo(
        f"{counts['new']} new, {counts['changed']} changed, {counts['unchanged']} unchanged "
        f"in {db_path(db)}; the next `doingoai run` extracts and models them."
    )
