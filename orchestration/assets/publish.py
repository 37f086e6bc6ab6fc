"""Publishing: the analysts' copy of the marts, replaced only after a good run."""

import time

import dagster as dg

from orchestration.assets.dbt import dbt_models
from orchestration.resources import DUCKDB_POOL, WarehouseResource
from warehouse.publish import publish_marts

MART_KEYS = sorted(key for key in dbt_models.keys if key.path[0] == "marts")  # every mart dbt builds


@dg.asset(
    group_name="publish",
    deps=MART_KEYS,
    pool=DUCKDB_POOL,
    kinds={"duckdb"},
    description="data/analytics.duckdb: a copy of the marts for analysts, replaced atomically after every good run.",
)
def analytics_copy(context: dg.AssetExecutionContext, warehouse: WarehouseResource) -> dg.MaterializeResult:
    copy = publish_marts(warehouse.database, warehouse.analytics)
    started = context.instance.get_run_stats(context.run_id).start_time
    return dg.MaterializeResult(
        metadata={
            "path": dg.MetadataValue.path(str(copy.path.resolve())),
            "run duration so far (s)": round(time.time() - started, 1) if started else 0.0,
            "tables": dg.MetadataValue.json(copy.tables),
            "dim_article rows": copy.tables.get("dim_article", 0),
        }
    )
