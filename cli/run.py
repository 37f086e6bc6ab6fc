"""`doingoai run`: the main job on the embedded default, the sample portal on loopback."""

from __future__ import annotations

from pathlib import Path

import click

from cli.crawl import crawl_and_parse, print_summary
from sample_portal.server import start_portal
from scrapers.http import Politeness
from warehouse.db import connect, db_path

# The sample portal is ours and on loopback: a short delay keeps the run quick and still exercises politeness.
SAMPLE_POLITENESS = Politeness(delay=0.02, backoff=0.2, max_wait=2.0)


@click.command("run")
@click.option(
    "--db",
    type=click.Path(path_type=Path, dir_okay=False),
    help="DuckDB file (default: $DOINGOAI_DB or data/warehouse.duckdb).",
)
@click.option("--day", default=1, show_default=True, help="Serve the sample portal as it stood on this day.")
def run(db: Path | None, day: int) -> None:
    """Start the sample portal, crawl every site into DuckDB and print what landed."""
    with start_portal(port=0, day=day) as portal:
        click.echo(f"sample portal on {portal.url} (day {day})")
        crawled, parsed = crawl_and_parse(db, None, False, portal.url, SAMPLE_POLITENESS)
    print_summary(crawled, parsed)
    with connect(db, read_only=True) as connection:
        rows = connection.execute("SELECT site, count(*) FROM raw.documents GROUP BY 1 ORDER BY 1").fetchall()
    click.echo(f"raw.documents in {db_path(db)}:")
    for site, count in rows:
        click.echo(f"  {site:16s} {count}")
