"""The one Definitions object: assets, the nightly job and its schedule, resources."""

from urllib.parse import urlsplit

import dagster as dg
from dagster_dbt import DbtCliResource

from orchestration.assets.crawl import discovery_health, raw_pages, site_partitions
from orchestration.assets.dbt import dbt_models, dbt_project
from orchestration.assets.extraction import extracted_records
from orchestration.assets.landing import raw_documents
from orchestration.assets.publish import analytics_copy
from orchestration.assets.reports import reports
from orchestration.checks import with_checks_freshness_and_alerts
from orchestration.resources import DBT_EXECUTABLE, WarehouseResource
from orchestration.sensors import explain_waiting_runs
from settings import get_settings

nightly_refresh = dg.define_asset_job(
    "nightly_refresh",
    selection=dg.AssetSelection.all(),
    # steps take turns anyway (one DuckDB writer); one process avoids re-importing the pipeline per step
    executor_def=dg.in_process_executor,
    description="Crawl every site, parse, build and test the dbt models, publish the analysts' copy, draw its charts.",
)


def all_sites_tags() -> dict[str, str]:
    """Run tags that make one run cover every site partition (the crawl asset backfills in a single run)."""
    keys = site_partitions.get_partition_keys()
    return {"dagster/asset_partition_range_start": keys[0], "dagster/asset_partition_range_end": keys[-1]}


def crawl_target() -> str:
    """Where this deployment's runs crawl, in words (for the schedule's description and its runs' tags)."""
    settings = get_settings()
    if settings.portal:  # on loopback, it is the sample portal (`make ui` and `make run` start it there)
        loopback = urlsplit(settings.portal).hostname in ("127.0.0.1", "localhost", "::1")
        return f"the {'sample ' if loopback else ''}portal at {settings.portal}"
    return "the live portals" if settings.live else "nowhere yet (set DOINGOAI_PORTAL or DOINGOAI_LIVE)"


# Whether the schedule starts running is fixed when the definitions load (a code location's default
# status is part of its definitions): running where the deployment is told where to crawl, as `make ui`
# does (its sample portal, or the live portals with LIVE=1), or where DOINGOAI_SCHEDULE says so.
@dg.schedule(
    job=nightly_refresh,
    cron_schedule="0 2 * * *",
    execution_timezone="Asia/Ho_Chi_Minh",
    default_status=(
        dg.DefaultScheduleStatus.RUNNING
        if get_settings().schedule_running
        else dg.DefaultScheduleStatus.STOPPED
    ),
    description=f"Every night at 02:00 in Vietnam: one run over all sites, crawling {crawl_target()}.",
)
def nightly_refresh_schedule(context: dg.ScheduleEvaluationContext) -> dg.RunRequest:
    """Every night at 02:00 in Vietnam: one run over all sites."""
    return dg.RunRequest(
        tags={**all_sites_tags(), "doingoai/trigger": "schedule", "doingoai/crawls": crawl_target()}
    )


defs = dg.Definitions(
    assets=[raw_pages, raw_documents, extracted_records, dbt_models, analytics_copy, reports],
    asset_checks=[discovery_health],  # each site's discovery and the site files, beside the crawl
    jobs=[nightly_refresh],
    schedules=[nightly_refresh_schedule],
    sensors=[explain_waiting_runs],
    resources={
        "warehouse": WarehouseResource(),
        "dbt": DbtCliResource(project_dir=dbt_project, dbt_executable=DBT_EXECUTABLE),
    },
)

# Operating it: guards on the marts and the extraction yield (parser health sits in the landing asset,
# dbt tests come with the dbt assets), marts stale after 26 h, an alert on every failed run.
defs = with_checks_freshness_and_alerts(defs)
