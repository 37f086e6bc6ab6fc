"""Extraction asset: directives, people, organisations, money, events and countries read from
every new or changed document version into the `extracted` tables."""

import dagster as dg

from extraction import EXTRACTOR_VERSION
from orchestration.resources import DUCKDB_POOL, WarehouseResource
from warehouse.extracting import RECORD_TABLES, extract_pending
from warehouse.health import batch_facts

EXTRACTED_TABLES = {
    "documents": "One row per document version and extractor version: outcome and record counts.",
    "directives": "Numbered official documents mentioned, merged within one document version.",
    "directive_relations": "Which document implements which, as a document version says it.",
    "people": "People named, with their titles split into position and organisation.",
    "organizations": "Organisations named, as written.",
    "amounts": "Money amounts, aid or other, with donor, recipient and purpose when named.",
    "events": "Dated activities: visits, conferences, receptions, ceremonies...",
    "countries": "Foreign countries named, one row per mention.",
}


@dg.multi_asset(
    name="extracted_records",
    specs=[
        dg.AssetSpec(
            ["extracted", table],
            description=description,
            group_name="extraction",
            kinds={"python", "duckdb"},
            deps=[dg.AssetKey(["raw", "documents"])],
        )
        for table, description in EXTRACTED_TABLES.items()
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
