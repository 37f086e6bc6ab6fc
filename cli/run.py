"""`doingoai run`: the main job on the embedded default, the sample portal on loopback.

It runs `nightly_refresh` through Dagster, the same job and run request the
02:00 schedule uses, recorded in a persistent DAGSTER_HOME (data/dagster_home)
so `make ui` shows the run.
"""

from __future__ import annotations

from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from sample_portal.server import start_portal
from settings import DEFAULT_DAGSTER_HOME, export, get_settings

# The sample portal is ours and on loopback: a short delay keeps the run quick and still exercises politeness.
SAMPLE_CRAWL_DELAY = "0.02"


@click.command("run")
@click.option("--day", default=1, show_default=True, help="Serve the sample portal as it stood on this day.")
@click.option(
    "--broken-layout",
    default=lambda: get_settings().broken_layout,
    help="Serve this site in a layout its config does not know (default: $DOINGOAI_BROKEN_LAYOUT).",
)
@click.option(
    "--dagster-home", type=click.Path(path_type=Path, file_okay=False), default=DEFAULT_DAGSTER_HOME
)
def run(day: int, broken_layout: str | None, dagster_home: Path) -> None:
    """Start the sample portal and run nightly_refresh over it through Dagster; print what landed."""
    from orchestration.launch import run_nightly_refresh

    with start_portal(port=0, day=day, broken_layout=broken_layout) as portal:
        click.echo(f"sample portal on {portal.url} (day {day})")
        # the run executes in this process and reads its settings when it runs
        export({"DOINGOAI_PORTAL": portal.url})
        export({"DOINGOAI_CRAWL_DELAY": SAMPLE_CRAWL_DELAY}, keep_set=True)
        result = run_nightly_refresh(dagster_home)
    print_summary()
    print_checks(result.run_id)
    click.echo(
        f"Dagster run {result.run_id}: {'succeeded' if result.success else 'FAILED'} (DAGSTER_HOME={dagster_home})"
    )
    if not result.success:
        raise SystemExit(1)


@click.command("rerun-failed")
@click.option("--run-id", help="The failed run to re-execute (default: the latest failed nightly_refresh).")
@click.option(
    "--dagster-home", type=click.Path(path_type=Path, file_okay=False), default=DEFAULT_DAGSTER_HOME
)
def rerun_failed(run_id: str | None, dagster_home: Path) -> None:
    """Re-execute a failed nightly_refresh from its failure: only the failed steps (and their sites)
    and what depends on them. Crawls reach $DOINGOAI_PORTAL, or the live portals when unset."""
    from orchestration.launch import rerun_failed as rerun

    try:
        result = rerun(dagster_home, run_id)
    except ValueError as error:  # no failed run, or an unknown run id
        raise click.ClickException(str(error)) from error
    print_checks(result.run_id)
    click.echo(f"Dagster run {result.run_id}: {'succeeded' if result.success else 'FAILED'} (re-execution)")
    if not result.success:
        raise SystemExit(1)


def print_checks(run_id: str) -> None:
    """Every check that failed in the run, with its reason, and whether the analysts' copy was replaced."""
    import dagster as dg

    from orchestration.sensors import check_results

    with dg.DagsterInstance.get() as instance:
        results = check_results(instance, run_id)
        published = instance.get_latest_materialization_event(dg.AssetKey("analytics_copy"))
    failed = [c for c in results if not c.passed]
    click.echo(f"Checks: {len(results) - len(failed)} passed, {len(failed)} failed")
    for c in failed:
        label = "WARNING" if c.severity == "WARN" else "FAILED"
        click.echo(f"  {label} {c.asset}:{c.check}: {c.description or ''}")
    analytics = get_settings().analytics_db
    if published is None or published.run_id != run_id:
        click.echo(f"The analysts' copy {analytics} was not replaced: it holds the last good run, if any.")


def print_summary() -> None:
    """What the last crawl did per site, and a few rows of the analysts' copy."""
    from warehouse.db import connect, db_path

    console = Console(width=max(Console().width, 110))
    with connect(db_path(None), read_only=True) as connection:
        rows = connection.execute(
            """
            WITH last_run AS (SELECT run_id FROM raw.crawl_runs ORDER BY started_at DESC LIMIT 1)
            SELECT f.site, count(*) AS requests,
                   count(*) FILTER (WHERE f.status = 200) AS bodies,
                   count(*) FILTER (WHERE f.not_modified) AS not_modified,
                   count(*) FILTER (WHERE f.error IS NOT NULL AND coalesce(f.status, 500) NOT IN (404, 410)) AS failed,
                   (SELECT count(*) FROM raw.documents d WHERE d.site = f.site) AS documents
            FROM raw.fetches f JOIN last_run USING (run_id) GROUP BY 1 ORDER BY 1
            """
        ).fetchall()
    table = Table(title="Last crawl, per site")
    for column in ("site", "requests", "200", "304", "failed", "documents in raw"):
        table.add_column(column, justify="left" if column == "site" else "right")
    for row in rows:
        table.add_row(*map(str, row))
    console.print(table)
    analytics = get_settings().analytics_db
    if analytics.exists():
        import duckdb

        with duckdb.connect(str(analytics), read_only=True) as connection:
            sites = connection.execute(
                "SELECT site_id, site_name, article_count FROM dim_site ORDER BY 1"
            ).fetchall()
            latest = connection.execute(
                "SELECT site_id, published_on, word_count, title FROM dim_article "
                "ORDER BY published_at DESC NULLS LAST LIMIT 5"
            ).fetchall()
        marts = Table(title=f"Analysts' copy: {analytics} (dim_site)")
        for column in ("site", "name", "articles"):
            marts.add_column(column)
        for row in sites:
            marts.add_row(*map(str, row))
        console.print(marts)
        newest = Table(title="dim_article: newest five")
        for column in ("site", "published", "words", "title"):
            newest.add_column(column)
        for row in latest:
            newest.add_row(*map(str, row))
        console.print(newest)
