"""Landing asset: stored page versions parsed into raw.documents."""

import dagster as dg

from orchestration.resources import DUCKDB_POOL, WarehouseResource
from warehouse.landing import parse_pending


@dg.asset(
    key=["raw", "documents"],
    group_name="landing",
    deps=[dg.AssetKey(["raw", "pages"])],
    pool=DUCKDB_POOL,
    kinds={"python", "duckdb"},
    description="Articles and PDF attachments as text: one row per parsed page version in raw.documents.",
)
def raw_documents(context: dg.AssetExecutionContext, warehouse: WarehouseResource) -> dg.MaterializeResult:
    summaries = parse_pending(warehouse.database)
    return dg.MaterializeResult(
        metadata={
            "parsed": sum(s.parsed for s in summaries.values()),
            "failed": sum(s.failed for s in summaries.values()),
            "per_site": dg.MetadataValue.json({site: vars(s) for site, s in summaries.items()}),
        }
    )
