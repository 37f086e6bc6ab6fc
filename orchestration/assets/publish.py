"""Publishing: the analysts' copy of the marts, replaced only after a good run."""

import dagster as dg
from dagster_dbt import get_asset_key_for_model

from orchestration.assets.dbt import dbt_models
from orchestration.resources import DUCKDB_POOL, WarehouseResource
from warehouse.publish import publish_marts

MART_KEYS = [get_asset_key_for_model([dbt_models], name) for name in ("dim_site", "dim_article")]


@dg.asset(
    group_name="publish",
    deps=MART_KEYS,
    pool=DUCKDB_POOL,
    kinds={"duckdb"},
    description="data/analytics.duckdb: a copy of the marts for analysts, replaced atomically after every good run.",
)
def analytics_copy(context: dg.AssetExecutionContext, warehouse: WarehouseResource) -> dg.MaterializeResult:
    copy = publish_marts(warehouse.database, warehouse.analytics)
    return dg.MaterializeResult(
        metadata={
            "path": dg.MetadataValue.path(str(copy.path.resolve())),
            "tables": dg.MetadataValue.json(copy.tables),
            "dim_article rows": copy.tables.get("dim_article", 0),
        }
    )
