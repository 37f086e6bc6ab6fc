"""Extraction asset: directives, people, organisations, money, events and countries read from
every new or changed document version into the `extracted` tables.

One asset per table, described (table and columns) by the registry of record kinds
(`extraction.kinds`) through the warehouse's table specs."""

import dagster as dg

from extraction import EXTRACTOR_VERSION
from extraction.kinds import Table
from orchestration.resources import DUCKDB_POOL, WarehouseResource
from warehouse.extracting import DOCUMENTS, RECORD_TABLE_SPECS, RECORD_TABLES, extract_pending
from warehouse.health import batch_facts

# The tables the asset materialises (extracted.batches is the run log, not an asset).
ASSET_TABLES: tuple[Table, ...] = (DOCUMENTS, *RECORD_TABLE_SPECS)


def _column_schema(table: Table) -> dg.TableSchema:
    return dg.TableSchema(
        columns=[dg.TableColumn(column.name, column.type, column.description) for column in table.columns]
    )


@dg.multi_asset(
    name="extracted_records",
    specs=[
        dg.AssetSpec(
            ["extracted", table.name],
            description=table.description,
            metadata={"dagster/column_schema": _column_schema(table)},
            group_name="extraction",
            kinds={"python", "duckdb"},
            deps=[dg.AssetKey(["raw", "documents"])],
        )
        for table in ASSET_TABLES
    ],
    pool=DUCKDB_POOL,
)
def extracted_records(context: dg.AssetExecutionContext, warehouse: WarehouseResource):
    """Extract the document versions this extractor version has not read yet."""
    summary = extract_pending(warehouse.database)
    if summary.failed:
        context.log.warning(f"{summary.failed} documents could not be extracted; the next run retries them")
    yield dg.MaterializeResult(
        asset_key=["extracted", "documents"],
        metadata={
            "extractor_version": EXTRACTOR_VERSION,
            "batch_id": summary.batch_id,
            "documents": summary.documents,
            "failed": summary.failed,
            "records": summary.total_records,
            "records_per_document": round(summary.total_records / summary.documents, 2)
            if summary.documents
            else 0.0,
            "per_site": dg.MetadataValue.md(
                "| site | documents | failed | records |\n|---|---|---|---|\n"
                + "\n".join(
                    f"| {site} | {s['documents']} | {s['failed']} | {s['records']} |"
                    for site, s in sorted(summary.per_site.items())
                )
            ),
            "new_facts": dg.MetadataValue.md(
                facts_preview(batch_facts(warehouse.database, summary.batch_id) if summary.documents else [])
            ),
        },
    )
    for table in RECORD_TABLES:
        yield dg.MaterializeResult(
            asset_key=["extracted", table], metadata={"new_rows": summary.records[table]}
        )


def facts_preview(facts: list[tuple[str, str, str]]) -> str:
    """A few records of each kind as a Markdown table, for a glance in the UI."""
    if not facts:
        return "No new records in this run."
    return "| kind | found | in |\n|---|---|---|\n" + "\n".join(
        f"| {kind} | {(text or '').replace('|', '/')[:80]} | {url} |" for kind, text, url in sorted(facts)
    )
