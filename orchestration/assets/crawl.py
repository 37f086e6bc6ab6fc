"""Crawl assets: raw pages per site, partitioned so one site can be re-run or backfilled.

Beside them, the checks `discovery_health` that say when a crawl "succeeds" without finding the
articles: `discovery_<site>` per site, from what the site's latest crawl recorded in
raw.discovery_problems (a listing or sitemap gone, failing, disallowed by robots.txt or empty; see
scrapers/discovery_health.py), and `site_configs` (a site file that does not validate, so its site is
skipped). They are not blocking: one site's lost listing must not hold back the other sites' facts.
Each failure is also an alert naming the URL or the file (warehouse/alerts.py), since a run whose
checks fail but whose steps succeed raises no run-failure alert.
"""

import dataclasses
import time
from collections.abc import Iterator

import dagster as dg
from dagster._core.errors import DagsterExecutionInterruptedError

from orchestration.resources import DUCKDB_POOL, WarehouseResource
from scrapers.config import load_sites, read_site_files
from settings import get_settings
from warehouse.alerts import Alert, raise_alert
from warehouse.health import latest_discovery_problems
from warehouse.landing import crawl_sites

site_partitions = dg.StaticPartitionsDefinition(sorted(load_sites()))
RAW_PAGES, RAW_SITES = dg.AssetKey(["raw", "pages"]), dg.AssetKey(["raw", "sites"])


def discovery_check_name(site: str) -> str:
    return f"discovery_{site}"


CRAWL_CHECKS = [
    *(
        dg.AssetCheckSpec(
            discovery_check_name(site),
            asset=RAW_PAGES,
            description=f"{site}'s listings' first pages and sitemap (scrapers/sites/{site}.toml) still answer, "
            "are allowed by robots.txt and link to articles. Does not block the other sites.",
        )
        for site in site_partitions.get_partition_keys()
    ),
    dg.AssetCheckSpec(
        "site_configs",
        asset=RAW_SITES,
        description="Every file in scrapers/sites/ validates; a broken one is skipped, named here with its "
        "key and problem.",
    ),
]


RAW_CRAWL_TABLES = {
    "pages": "Portal pages, one row per distinct content version of a URL (never deleted).",
    "fetches": "Every HTTP request the crawler made, with its outcome.",
    "crawl_runs": "One row per crawl run.",
    "sites": "The configured portals (scrapers/sites/*.toml).",
}


@dg.multi_asset(
    name="raw_pages",
    specs=[
        dg.AssetSpec(["raw", table], description=description, group_name="crawl", kinds={"python", "duckdb"})
        for table, description in RAW_CRAWL_TABLES.items()
    ],
    partitions_def=site_partitions,
    backfill_policy=dg.BackfillPolicy.single_run(),  # the nightly run crawls every site in one run
    retry_policy=dg.RetryPolicy(max_retries=2, delay=30, backoff=dg.Backoff.EXPONENTIAL),
    pool=DUCKDB_POOL,
)
def raw_pages(context: dg.AssetExecutionContext, warehouse: WarehouseResource):
    """Crawl the partition's sites politely; report what came back per site."""
    sites = list(context.partition_keys)
    clock = time.monotonic()
    try:
        summaries = crawl_sites(
            warehouse.database,
            sites,
            portal=warehouse.portal_url,
            politeness=warehouse.politeness(),
            # named after this run and attempt: if the run dies, whoever fails it closes this crawl too
            run_id=f"{context.run_id}/{context.retry_number}",
        )
    except (KeyboardInterrupt, DagsterExecutionInterruptedError) as stop:
        # Stopped (Ctrl-C, SIGTERM). Dagster retries an interrupted step under its retry policy (meant for
        # a preempted worker), which would crawl again and let the run go on; a person who stops the run
        # means it, so the step fails here, once, and the run with it.
        raise dg.Failure("stopped (Ctrl-C or SIGTERM) during the crawl", allow_retries=False) from stop
    metadata: dict[str, dg.RawMetadataValue] = {
        "sites": dg.MetadataValue.text(", ".join(sites)),
        "fetched": sum(s.fetched for s in summaries.values()),
        "new": sum(s.new for s in summaries.values()),
        "changed": sum(s.changed for s in summaries.values()),
        "unchanged": sum(s.unchanged for s in summaries.values()),
        "removed": sum(s.removed for s in summaries.values()),
        "failed": sum(s.failed for s in summaries.values()),
        # pages wanted tonight and left for the next night (a site's time or revisit budget)
        "deferred": sum(s.deferred for s in summaries.values()),
        "duration (s)": round(time.monotonic() - clock, 2),
        # the same counts as data, for `doingoai run`'s summary
        "per_site_counts": dg.MetadataValue.json(
            {site: dataclasses.asdict(s) for site, s in summaries.items()}
        ),
        "per_site": dg.MetadataValue.md(
            "| site | fetched | new | changed | unchanged | removed | failed | deferred | stopped |\n"
            "|---|---|---|---|---|---|---|---|---|\n"
            + "\n".join(
                f"| {site} | {s.fetched} | {s.new} | {s.changed} | {s.unchanged} | {s.removed} | {s.failed} "
                f"| {s.deferred} | {s.stopped or ''} |"
                for site, s in summaries.items()
            )
        ),
    }
    for site, summary in summaries.items():
        if summary.failed:
            context.log.warning(f"{site}: {summary.failed} requests failed; the next run retries them")
        if summary.stopped:
            context.log.warning(
                f"{site}: {summary.stopped}; {summary.deferred} pages wait for the next night"
            )
    yield dg.MaterializeResult(asset_key=["raw", "pages"], metadata=metadata)
    for table in ("fetches", "crawl_runs", "sites"):
        yield dg.MaterializeResult(asset_key=["raw", table])


@dg.multi_asset_check(specs=CRAWL_CHECKS, name="discovery_health", pool=DUCKDB_POOL)
def discovery_health(
    context: dg.AssetCheckExecutionContext, warehouse: WarehouseResource
) -> Iterator[dg.AssetCheckResult]:
    """Each site's discovery as its latest crawl recorded it (raw.discovery_problems), and the site files;
    an alert for each failure, naming the URLs or the file."""
    settings = get_settings()

    def alert(kind: str, subject: str, summary: str, details: dict[str, object]) -> None:
        raise_alert(
            Alert(kind, context.run.job_name, context.run.run_id, summary, subject=subject, details=details),
            settings.alerts_file,
            webhook_url=settings.alert_webhook,
            log=context.log.error,
        )

    latest = latest_discovery_problems(warehouse.database, list(site_partitions.get_partition_keys()))
    for site, crawl in latest.items():
        problems = crawl.problems
        if problems:
            summary = "; ".join(problem.describe() for problem in problems)
            alert("discovery", site, summary, {"crawl": crawl.run_id, "urls": [p.url for p in problems]})
        if crawl.run_id is None:
            description = f"{site}: not crawled yet"
        else:
            description = (
                "; ".join(p.describe() for p in problems) or f"{site}: every listing and sitemap read"
            )
        yield dg.AssetCheckResult(
            asset_key=RAW_PAGES,
            check_name=discovery_check_name(site),
            passed=not problems,
            severity=dg.AssetCheckSeverity.ERROR,
            description=description,
            metadata={
                "crawl": dg.MetadataValue.text(crawl.run_id or "none"),
                "crawled at": dg.MetadataValue.text(str(crawl.started_at or "never")),
                "problems": dg.MetadataValue.md(
                    "| problem | URL | detail |\n|---|---|---|\n"
                    + "\n".join(f"| {p.kind} | {p.url} | {p.detail} |" for p in problems)
                    if problems
                    else "none"
                ),
            },
        )
    broken = read_site_files().problems
    for path, problem in broken.items():
        alert("site_config", path.name, f"site file skipped: {problem}", {"file": str(path)})
    yield dg.AssetCheckResult(
        asset_key=RAW_SITES,
        check_name="site_configs",
        passed=not broken,
        severity=dg.AssetCheckSeverity.ERROR,
        description="\n".join(broken.values()) or "every site file validates",
        metadata={"skipped files": dg.MetadataValue.text(", ".join(path.name for path in broken) or "none")},
    )
