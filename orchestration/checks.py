"""Checks that guard what analysts see, and how fresh the marts must be.

- `mart_row_count_guard`: a build that would shrink a mart by more than $DOINGOAI_MART_MAX_SHRINK
  (default 0.2) of the rows the analysts' copy holds fails, blocking `analytics_copy`, so the
  copy is never replaced by a mart that lost rows (dim_article keeps removed articles, so a
  shrink is a bug or a lost source, never news).
- `extraction_yield`: records per document of the latest extraction batch must not collapse
  below $DOINGOAI_YIELD_MIN_RATIO (default 0.5) of the previous batch's; judged only when the
  batch read at least $DOINGOAI_YIELD_MIN_DOCUMENTS (default 5) documents, since a night with
  three new articles says little about a rate.
- Parser health sits beside the asset it guards (orchestration/assets/landing.py); the dbt tests
  come in as checks through dagster-dbt.
- `raw_source_freshness`: dbt's freshness rules over the crawl's tables (raw.pages, confirmed by
  every fetch, 304s included; raw.fetches; raw.crawl_runs), one check per table: warn after 26 hours
  without a new row, error after 50 (the crawl has stopped). The rules are read from the manifest and
  evaluated by one SQL query, not by a second dbt process. It runs right after the crawl, so even a
  night whose parse is blocked says whether the crawl itself is alive. It reports, it does not block.
- Freshness: the marts and the copy go stale 26 hours after their last build (nightly plus slack).

Every check reads DuckDB, so it takes the writer pool's slot too: a reader would otherwise lock
another run's writer out of the file. The thresholds are settings (`settings/`), read when a check
runs, so a changed variable counts from the next run.
"""

import warnings
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import dagster as dg
import duckdb

from orchestration.assets.dbt import dbt_manifest, dbt_models
from orchestration.assets.extraction import facts_preview
from orchestration.resources import DUCKDB_POOL, WarehouseResource
from orchestration.sensors import alert_on_run_failure
from settings import get_settings
from warehouse.db import connect
from warehouse.health import batch_facts, extraction_yield, mart_changes

MART_KEYS = sorted((key for key in dbt_models.keys if key.path[0] == "marts"), key=lambda k: tuple(k.path))
ANALYTICS_COPY = dg.AssetKey(["analytics_copy"])
EXTRACTED_DOCUMENTS = dg.AssetKey(["extracted", "documents"])
STALE_AFTER = timedelta(hours=26)
MART_FRESHNESS = dg.FreshnessPolicy.time_window(fail_window=STALE_AFTER)


@dg.multi_asset_check(
    name="mart_row_count_guard",
    specs=[
        dg.AssetCheckSpec(
            "row_count_guard",
            asset=key,
            blocking=True,
            description="Fails when this build would lose more than $DOINGOAI_MART_MAX_SHRINK (0.2) of the "
            "rows the analysts' copy holds; blocks publishing the copy.",
        )
        for key in MART_KEYS
    ],
    pool=DUCKDB_POOL,
)
def mart_row_count_guard(
    context: dg.AssetCheckExecutionContext, warehouse: WarehouseResource
) -> Iterator[dg.AssetCheckResult]:
    """Compare each mart just built with the same table in the analysts' copy it would replace.

    An analyst holding the copy open read-write keeps it locked: the guard waits for it
    (DOINGOAI_ANALYTICS_WAIT, logged), then compares with the row counts recorded when the copy was
    published (the `tables` metadata of `analytics_copy`), so a reader delays publishing, never fails it."""
    limit = get_settings().mart_max_shrink
    tables = [key.path[-1] for key in MART_KEYS]
    try:
        changes = mart_changes(warehouse.database, warehouse.analytics, tables)
    except duckdb.IOException as held:
        published = context.instance.get_latest_materialization_event(ANALYTICS_COPY)
        recorded = published.asset_materialization.metadata.get("tables") if published else None
        counts = recorded.value if isinstance(recorded, dg.JsonMetadataValue) else {}
        context.log.warning(
            f"the analysts' copy {warehouse.analytics} is still held by another process ({held}); comparing "
            "with the row counts recorded when it was last published"
        )
        changes = mart_changes(
            warehouse.database, warehouse.analytics, tables, published_counts=dict(counts or {})
        )
    for key, change in zip(MART_KEYS, changes, strict=True):
        shrink = change.shrink()
        passed = shrink <= limit
        if change.published is None:
            description = f"{change.table}: {change.built} rows built; the analysts' copy has none yet"
        else:
            delta = change.built - change.published
            description = (
                f"{change.table}: {change.built} rows built, {change.published} published ({delta:+d})"
                + ("" if passed else f": a loss of {shrink:.0%}, over the {limit:.0%} allowed; not published")
            )
        yield dg.AssetCheckResult(
            asset_key=key,
            check_name="row_count_guard",
            passed=passed,
            description=description,
            metadata={
                "rows built": change.built,
                "rows published": change.published if change.published is not None else -1,
                "change": change.built - (change.published or 0),
                "shrink": round(shrink, 4),
                "max shrink": limit,
                "analysts' copy": dg.MetadataValue.path(warehouse.analytics),
            },
        )


@dg.asset_check(
    asset=EXTRACTED_DOCUMENTS,
    name="extraction_yield",
    blocking=True,
    pool=DUCKDB_POOL,
    description="Records per document of the latest extraction batch against the previous one; fails on a "
    "collapse below $DOINGOAI_YIELD_MIN_RATIO (0.5).",
)
def extraction_yield_check(warehouse: WarehouseResource) -> dg.AssetCheckResult:
    """A rule or a parser change that silently stops finding facts shows here as a fallen rate."""
    settings = get_settings()
    min_ratio, min_documents = settings.yield_min_ratio, settings.yield_min_documents
    report = extraction_yield(warehouse.database)
    metadata: dict[str, dg.RawMetadataValue] = {
        "batch": report.batch_id or "",
        "documents": report.documents,
        "failed": report.failed,
        "records": report.records,
        "records per document": round(report.per_document, 3),
        "previous records per document": round(report.previous_per_document or 0.0, 3),
        "min ratio": min_ratio,
    }
    if report.batch_id and report.documents:
        metadata["new_facts"] = dg.MetadataValue.md(
            facts_preview(batch_facts(warehouse.database, report.batch_id))
        )
    collapsed = report.collapsed(min_ratio, min_documents)
    if not report.documents:
        description = "No documents extracted in the latest batch"
    elif report.previous_per_document is None:
        description = (
            f"{report.per_document:.2f} records per document over {report.documents} documents (first batch)"
        )
    else:
        description = (
            f"{report.per_document:.2f} records per document over {report.documents} documents, "
            f"against {report.previous_per_document:.2f} before"
            + (f": below {min_ratio:.0%} of it" if collapsed else "")
        )
    return dg.AssetCheckResult(passed=not collapsed, description=description, metadata=metadata)


@dataclass(frozen=True)
class FreshnessRule:
    """A dbt source's freshness rule (dbt_project/models/staging/_sources.yml), as the manifest holds it."""

    key: dg.AssetKey  # the asset key Dagster gives the source
    relation: str  # schema.table
    loaded_at_field: str
    warn_after: timedelta | None
    error_after: timedelta | None

    def status(self, age: timedelta) -> str:
        """dbt's verdict for a table whose newest row is `age` old: pass, warn or error."""
        if self.error_after is not None and age > self.error_after:
            return "error"
        if self.warn_after is not None and age > self.warn_after:
            return "warn"
        return "pass"


def _period(rule: dict[str, Any] | None) -> timedelta | None:
    """dbt's {count: 26, period: hour} as a timedelta; None when the rule has no count."""
    if not rule or not rule.get("count"):
        return None
    return timedelta(**{f"{rule['period']}s": rule["count"]})


def sources_with_freshness_rules() -> tuple[FreshnessRule, ...]:
    """dbt sources that declare a freshness rule, with the asset key Dagster gives them.

    Only the crawl's tables have one: their checks then wait for the crawl step alone.
    """
    rules = []
    for _, source in sorted(dbt_manifest()["sources"].items()):
        freshness = source.get("freshness") or {}
        if not (freshness.get("warn_after") or {}).get("count"):
            continue
        rules.append(
            FreshnessRule(
                key=dg.AssetKey([source["source_name"], source["name"]]),
                relation=f"{source['schema']}.{source['identifier']}",
                loaded_at_field=source["loaded_at_field"],
                warn_after=_period(freshness.get("warn_after")),
                error_after=_period(freshness.get("error_after")),
            )
        )
    return tuple(rules)


FRESHNESS_RULES = sources_with_freshness_rules()


def newest_rows(database: str, rules: Sequence[FreshnessRule]) -> list[tuple[datetime | None, float | None]]:
    """Each rule's table's newest loaded_at and its age in seconds (None for an empty table), in one
    query: what `dbt source freshness` computes, without starting dbt (a second dbt process each night
    cost ~9 s of start and parse for three max() queries)."""
    parts = [
        f'select {position} as position, max("{rule.loaded_at_field}") as newest, '
        f'epoch(now()) - epoch(max("{rule.loaded_at_field}")) as age_s from {rule.relation}'
        for position, rule in enumerate(rules)
    ]
    with connect(database, read_only=True) as connection:
        rows = connection.execute(" union all ".join(parts) + " order by position").fetchall()
    return [(newest, age) for _, newest, age in rows]


@dg.multi_asset_check(
    name="raw_source_freshness",
    specs=[
        dg.AssetCheckSpec(
            "source_freshness",
            asset=rule.key,
            description="Age of this table's newest row against its dbt freshness rule "
            "(dbt_project/models/staging/_sources.yml).",
        )
        for rule in FRESHNESS_RULES
    ],
    pool=DUCKDB_POOL,
)
def raw_source_freshness(warehouse: WarehouseResource) -> Iterator[dg.AssetCheckResult]:
    """Each crawl table's age against its rule; a stale source warns, it does not block."""
    for rule, (newest, age_s) in zip(
        FRESHNESS_RULES, newest_rows(warehouse.database, FRESHNESS_RULES), strict=True
    ):
        yield _freshness_result(rule, newest, age_s)


def _freshness_result(
    rule: FreshnessRule, newest: datetime | None, age_s: float | None
) -> dg.AssetCheckResult:
    if newest is None or age_s is None:
        return dg.AssetCheckResult(
            asset_key=rule.key,
            check_name="source_freshness",
            passed=False,
            severity=dg.AssetCheckSeverity.ERROR,
            description=f"{rule.relation}: no rows",
        )
    status = rule.status(timedelta(seconds=age_s))
    hours = age_s / 3600
    return dg.AssetCheckResult(
        asset_key=rule.key,
        check_name="source_freshness",
        passed=status == "pass",
        severity=dg.AssetCheckSeverity.WARN if status == "warn" else dg.AssetCheckSeverity.ERROR,
        description=f"{rule.relation}: newest row {hours:.1f} h old ({status})",
        metadata={
            "newest row": dg.MetadataValue.text(str(newest)),
            "age (h)": round(hours, 2),
            "warn after": _hours(rule.warn_after),
            "error after": _hours(rule.error_after),
        },
    )


def _hours(period: timedelta | None) -> str:
    return f"{period / timedelta(hours=1):g} hours" if period else "never"


def operating_checks(defs: dg.Definitions) -> list[dg.AssetChecksDefinition]:
    """The checks that apply to the assets `defs` holds (the yield check once extraction is there)."""
    keys = {
        key for assets in defs.assets or () if isinstance(assets, dg.AssetsDefinition) for key in assets.keys
    }
    checks = [mart_row_count_guard]
    if EXTRACTED_DOCUMENTS in keys:
        checks.append(extraction_yield_check)
    if {rule.key for rule in FRESHNESS_RULES} <= keys:
        checks.append(raw_source_freshness)
    return checks


def stale_after_26_hours(spec: dg.AssetSpec) -> dg.AssetSpec:
    """The marts and the analysts' copy show as stale 26 hours after their last build."""
    if spec.key == ANALYTICS_COPY or spec.key.path[0] == "marts":
        return spec.replace_attributes(freshness_policy=MART_FRESHNESS)
    return spec


def with_checks_freshness_and_alerts(defs: dg.Definitions) -> dg.Definitions:
    """`defs` with the checks above, the freshness policy on the marts, and the run-failure alert."""
    merged = dg.Definitions.merge(
        defs, dg.Definitions(asset_checks=operating_checks(defs), sensors=[alert_on_run_failure])
    )
    with warnings.catch_warnings():  # mapping specs over a Definitions is a "preview" API, and the only one
        warnings.simplefilter("ignore", dg.PreviewWarning)
        return merged.map_resolved_asset_specs(func=stale_after_26_hours)
