"""The one Definitions object: assets, the nightly job and its schedule, resources."""

import dagster as dg
from dagster_dbt import DbtCliResource

from orchestration.assets.crawl import raw_pages, site_partitions
from orchestration.assets.dbt import dbt_models, dbt_project
from orchestration.assets.extraction import extracted_records
from orchestration.assets.landing import raw_documents
from orchestration.assets.publish import analytics_copy
from orchestration.assets.reports import reports
from orchestration.checks import with_checks_freshness_and_alerts
from orchestration.resources import DBT_EXECUTABLE, WarehouseResource

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


@dg.schedule(job=nightly_refresh, cron_schedule="0 2 * * *", execution_timezone="Asia/Ho_Chi_Minh")
def nightly_refresh_schedule(context: dg.ScheduleEvaluationContext) -> dg.RunRequest:
    """Every night at 02:00 in Vietnam: one run over all sites."""
    return dg.RunRequest(tags={**all_sites_tags(), "doingoai/trigger": "schedule"})


defs = dg.Definitions(
    assets=[raw_pages, raw_documents, extracted_records, dbt_models, analytics_copy, reports],
    jobs=[nightly_refresh],
    schedules=[nightly_refresh_schedule],
    resources={
        "warehouse": WarehouseResource(),
        "dbt": DbtCliResource(project_dir=dbt_project, dbt_executable=DBT_EXECUTABLE),
    },
)

# Operating it: guards on the marts and the extraction yield (parser health sits in the landing asset,
# dbt tests come with the dbt assets), marts stale after 26 h, an alert on every failed run.
defs = with_checks_freshness_and_alerts(defs)
