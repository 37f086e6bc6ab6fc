"""`doingoai crawl`: fetch the portals into DuckDB, then parse what is new."""

from __future__ import annotations

from pathlib import Path

import click
from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from scrapers.config import load_sites
from scrapers.http import Politeness
from warehouse.db import db_path
from warehouse.landing import CrawlSummary, ParseSummary, crawl_sites, parse_pending


def crawl_and_parse(
    db: Path | None,
    sites: list[str] | None,
    full: bool,
    portal: str | None,
    politeness: Politeness | None = None,
) -> tuple[dict[str, CrawlSummary], dict[str, ParseSummary]]:
    """Crawl with a progress line on stderr (gone when done), then parse; the two summaries per site."""
    columns = (SpinnerColumn(), TextColumn("fetching: {task.completed:.0f} requests"), TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("fetching", total=None)  # the number of pages is known only at the end
        summaries = crawl_sites(
            db, sites, full, portal, politeness, on_result=lambda _: progress.advance(task)
        )
    return summaries, parse_pending(db, sites)


def print_summary(crawled: dict[str, CrawlSummary], parsed: dict[str, ParseSummary]) -> None:
    table = Table(title="Crawl summary")
    for column in (
        "site",
        "fetched",
        "new",
        "changed",
        "unchanged (304)",
        "removed",
        "failed",
        "deferred",
        "parsed",
        "parse failed",
        "held back",  # parsed but not made current: the quality gate (raw.held_versions)
    ):
        table.add_column(column, justify="left" if column == "site" else "right")
    for site, summary in crawled.items():
        parse = parsed.get(site, ParseSummary())
        table.add_row(
            site,
            *map(
                str,
                (
                    summary.fetched,
                    summary.new,
                    summary.changed,
                    summary.unchanged,
                    summary.removed,
                    summary.failed,
                    summary.deferred,
                    parse.parsed,
                    parse.failed,
                    parse.held,
                ),
            ),
        )
    console = Console(width=max(Console().width, 110))
    console.print(table)
    for site, summary in crawled.items():
        if summary.stopped:  # the time budget ran out: what is left stays due for the next night
            console.print(f"{site}: {summary.stopped}; {summary.deferred} pages wait for the next night")
        for problem in summary.discovery_problems:  # a listing or sitemap lost (scrapers/discovery_health.py)
            console.print(f"DISCOVERY PROBLEM {problem.describe()}", markup=False, soft_wrap=True)


@click.command("crawl")
@click.option(
    "--site",
    "sites",
    multiple=True,
    type=click.Choice(sorted(load_sites())),
    help="Only this site (repeatable).",
)
@click.option(
    "--full",
    is_flag=True,
    help="Walk every listing page and revisit every known page, not only what is new or due tonight.",
)
@click.option(
    "--db",
    type=click.Path(path_type=Path, dir_okay=False),
    help="DuckDB file (default: $DOINGOAI_DB or data/warehouse.duckdb).",
)
@click.option(
    "--portal",
    help="Send every site's requests to this address (the sample portal), e.g. http://127.0.0.1:8765.",
)
def crawl(sites: tuple[str, ...], full: bool, db: Path | None, portal: str | None) -> None:
    """Crawl the configured portals politely into the raw tables, then parse new page versions."""
    crawled, parsed = crawl_and_parse(db, list(sites) or None, full, portal)
    print_summary(crawled, parsed)
    click.echo(f"warehouse: {db_path(db)}")
