"""Crawl assets: raw pages per site, partitioned so one site can be re-run or backfilled."""

import dataclasses
import time

import dagster as dg
from dagster._core.errors import DagsterExecutionInterruptedError

from orchestration.resources import DUCKDB_POOL, WarehouseResource
from scrapers.config import load_sites
from warehouse.landing import crawl_sites

site_partitions = dg.StaticPartitionsDefinition(sorted(load_sites()))


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
        "duration (s)": round(time.monotonic() - clock, 2),
        # the same counts as data, for `doingoai run`'s summary
        "per_site_counts": dg.MetadataValue.json(
            {site: dataclasses.asdict(s) for site, s in summaries.items()}
        ),
        "per_site": dg.MetadataValue.md(
            "| site | fetched | new | changed | unchanged | removed | failed |\n|---|---|---|---|---|---|---|\n"
            + "\n".join(
                f"| {site} | {s.fetched} | {s.new} | {s.changed} | {s.unchanged} | {s.removed} | {s.failed} |"
                for site, s in summaries.items()
            )
        ),
    }
    for site, summary in summaries.items():
        if summary.failed:
            context.log.warning(f"{site}: {summary.failed} requests failed; the next run retries them")
    yield dg.MaterializeResult(asset_key=["raw", "pages"], metadata=metadata)
    for table in ("fetches", "crawl_runs", "sites"):
        yield dg.MaterializeResult(asset_key=["raw", table])
