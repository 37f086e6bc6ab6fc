"""The checks that guard the analysts' copy, on the sample portal and real DuckDB files."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import dagster as dg
import pytest
from dagster_dbt import DbtCliResource

from orchestration.assets.crawl import raw_pages
from orchestration.assets.dbt import dbt_models, dbt_project
from orchestration.assets.landing import raw_documents
from orchestration.assets.publish import analytics_copy
from orchestration.checks import (
    FRESHNESS_RULES,
    MART_KEYS,
    extraction_yield_check,
    mart_row_count_guard,
    raw_source_freshness,
)
from orchestration.definitions import all_sites_tags, defs
from orchestration.resources import DBT_EXECUTABLE, WarehouseResource
from sample_portal.server import RunningPortal
from scrapers.http import Politeness
from tests.dagster_calls import by_asset, check_result, check_results, markdown
from tests.queries import scalar
from warehouse.db import connect, migrate
from warehouse.extracting import extract_pending
from warehouse.health import extraction_yield, parser_health
from warehouse.landing import crawl_sites, parse_pending

SITES = ["mattrancantho", "nhipsongmientay", "thanhuycantho", "thoidai"]


def _crawl_and_parse(db: Path, portal: RunningPortal) -> None:
    crawl_sites(db, portal=portal.url, politeness=Politeness(delay=0))
    parse_pending(db)


def _every_known_page_due(db: Path) -> None:
    """A night on which every known page's turn has come: the revisit schedule (scrapers/revisit.py)
    decides which known pages a crawl asks for again, and minutes after a first crawl none is due."""
    with connect(db) as connection:
        connection.execute("UPDATE raw.visit_schedule SET next_visit_at = now()")


def test_parser_health_names_the_broken_site_and_the_fields_its_selectors_miss(
    tmp_path: Path, portal: RunningPortal
) -> None:
    db = tmp_path / "warehouse.duckdb"
    _crawl_and_parse(db, portal)
    first = parser_health(db)
    assert [h.site for h in first.values()] == SITES
    assert all(h.articles >= 10 and h.fallback == 0 for h in first.values())
    assert all(h.missing["title"] == h.missing["body"] == 0 for h in first.values())
    assert all(h.failing(0.25) == [] for h in first.values())  # a dateless seed or two is not a broken site

    since = datetime.now(UTC)
    portal.set_state(broken_layout="thoidai")
    _every_known_page_due(db)
    _crawl_and_parse(db, portal)
    after = parser_health(db, since)
    thoidai = after["thoidai"]
    # the generic fallback still finds a headline and text (and guesses a date), so the document
    # looks whole; the site's own selectors finding nothing is what shows the broken layout
    assert thoidai.articles == first["thoidai"].articles == thoidai.fallback
    assert thoidai.failing(0.25) == ["title", "body", "date"]
    assert thoidai.examples["title"].startswith("https://thoidai.com.vn/")
    assert all(after[site].articles == 0 for site in SITES if site != "thoidai")


def _materialize(instance: dg.DagsterInstance, db: Path, portal: RunningPortal) -> dg.ExecuteInProcessResult:
    return dg.materialize(
        [raw_pages, raw_documents],
        instance=instance,
        resources={"warehouse": WarehouseResource(db_path=str(db), portal=portal.url, crawl_delay=0)},
        tags=all_sites_tags(),
        raise_on_error=False,
    )


def test_a_broken_layout_fails_that_sites_check_only_and_stops_the_run_there(
    tmp_path: Path, portal: RunningPortal, dagster_instance: dg.DagsterInstance
) -> None:
    db = tmp_path / "warehouse.duckdb"
    good = _materialize(dagster_instance, db, portal)
    assert good.success
    assert {e.check_name: e.passed for e in good.get_asset_check_evaluations()} == {
        **{f"parser_health_{site}": True for site in SITES},
        "quality_gate": True,
    }
    metadata = good.asset_materializations_for_node("raw__documents")[0].metadata
    assert "| thoidai |" in markdown(metadata["per_site"])
    assert "](https://" in markdown(metadata["new_documents"])  # a linked preview of new articles

    portal.set_state(broken_layout="thoidai")
    _every_known_page_due(db)
    broken = _materialize(dagster_instance, db, portal)
    assert not broken.success
    results = {e.check_name: e for e in broken.get_asset_check_evaluations()}
    assert [name for name, e in results.items() if not e.passed] == ["parser_health_thoidai"]
    message = results["parser_health_thoidai"].description or ""
    assert message.startswith("thoidai:") and "no title (h1.article-title)" in message
    assert "no date (.article-date)" in message
    failure = next(e for e in broken.all_events if e.event_type == dg.DagsterEventType.STEP_FAILURE)
    assert failure.step_key == "raw__documents"
    error = failure.step_failure_data.error
    assert error is not None and "parser_health_thoidai" in error.message


def test_every_site_has_a_blocking_parser_health_check() -> None:
    specs = {spec.name: spec for spec in raw_documents.check_specs if spec.name != "quality_gate"}
    assert set(specs) == {f"parser_health_{site}" for site in SITES}
    # the quality gate only warns: the versions it held back leave their previous ones current
    [gate] = [spec for spec in raw_documents.check_specs if spec.name == "quality_gate"]
    assert not gate.blocking
    assert all(
        spec.blocking and spec.asset_key == dg.AssetKey(["raw", "documents"]) for spec in specs.values()
    )


def _marts(db: Path, rows: dict[str, int]) -> None:
    with connect(db) as connection:
        connection.execute("CREATE SCHEMA IF NOT EXISTS marts")
        for table, count in rows.items():
            connection.execute(
                f"CREATE OR REPLACE TABLE marts.{table} AS SELECT range AS id FROM range({count})"
            )


def _guard_and_publish(instance: dg.DagsterInstance, db: Path, analytics: Path) -> dg.ExecuteInProcessResult:
    """The guard and the copy, as the nightly job runs them after dbt (dbt itself not selected)."""
    return dg.materialize(
        [dbt_models, analytics_copy, mart_row_count_guard],
        selection=dg.AssetSelection.assets(analytics_copy) | dg.AssetSelection.checks(mart_row_count_guard),
        instance=instance,
        resources={
            "warehouse": WarehouseResource(db_path=str(db), analytics_path=str(analytics)),
            "dbt": DbtCliResource(project_dir=dbt_project, dbt_executable=DBT_EXECUTABLE),  # not run here
        },
        raise_on_error=False,
    )


def test_a_mart_that_would_shrink_too_much_is_not_published(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, dagster_instance: dg.DagsterInstance
) -> None:
    db, analytics = tmp_path / "warehouse.duckdb", tmp_path / "analytics.duckdb"
    monkeypatch.setenv("DOINGOAI_MART_MAX_SHRINK", "0.2")
    _marts(db, {"dim_site": 4, "dim_article": 60})
    first = _guard_and_publish(dagster_instance, db, analytics)
    assert first.success
    published = analytics.read_bytes()

    _marts(db, {"dim_site": 4, "dim_article": 30})  # half the articles lost
    shrunk = _guard_and_publish(dagster_instance, db, analytics)
    assert not shrunk.success
    verdicts = {e.asset_key.path[-1]: e for e in shrunk.get_asset_check_evaluations()}
    assert not verdicts["dim_article"].passed and verdicts["dim_site"].passed
    assert "30 rows built, 60 published (-30)" in (verdicts["dim_article"].description or "")
    assert analytics.read_bytes() == published  # the copy was never replaced
    assert not shrunk.asset_materializations_for_node("analytics_copy")

    _marts(db, {"dim_site": 4, "dim_article": 55})  # within the 20 % allowed
    assert _guard_and_publish(dagster_instance, db, analytics).success
    assert scalar(analytics, "SELECT count(*) FROM dim_article") == 55


def test_the_row_count_guard_covers_every_mart_and_blocks() -> None:
    marts = {key.path[-1] for key in dbt_models.keys if key.path[0] == "marts"}
    assert {key.path[-1] for key in MART_KEYS} == marts >= {"dim_site", "dim_article"}
    assert all(spec.blocking for spec in mart_row_count_guard.check_specs)


def test_extraction_yield_passes_a_real_batch_and_fails_a_collapse(
    tmp_path: Path, portal: RunningPortal
) -> None:
    db = tmp_path / "warehouse.duckdb"
    _crawl_and_parse(db, portal)
    summary = extract_pending(db)
    assert summary.documents > 10 and summary.total_records > 0
    warehouse = WarehouseResource(db_path=str(db))

    first = check_result(extraction_yield_check(warehouse=warehouse))
    assert first.passed and "(first batch)" in (first.description or "")
    assert "| people |" in markdown(first.metadata["new_facts"])

    with connect(db) as connection:  # the next night the extractor finds almost nothing
        migrate(connection)
        connection.execute(
            "INSERT INTO extracted.batches VALUES ('collapsed', 'test', now(), now(), ?, 0, ?)",
            [summary.documents, summary.total_records // 20],
        )
    report = extraction_yield(db)
    assert report.batch_id == "collapsed" and report.previous_documents == summary.documents
    collapsed = check_result(extraction_yield_check(warehouse=warehouse))
    assert not collapsed.passed and "below 50%" in (collapsed.description or "")

    with connect(db) as connection:  # a night with nothing new to read is not a collapse
        connection.execute("INSERT INTO extracted.batches VALUES ('empty', 'test', now(), now(), 0, 0, 0)")
    assert check_result(extraction_yield_check(warehouse=warehouse)).passed


def test_marts_and_the_copy_go_stale_after_26_hours() -> None:
    graph = defs.resolve_asset_graph()
    for key in [*MART_KEYS, dg.AssetKey("analytics_copy")]:
        assert graph.get(key).freshness_policy == dg.FreshnessPolicy.time_window(
            fail_window=timedelta(hours=26)
        )
    assert graph.get(dg.AssetKey(["raw", "pages"])).freshness_policy is None


def test_source_freshness_warns_on_a_stale_table_and_errors_on_a_dead_one(tmp_path: Path) -> None:
    db = tmp_path / "warehouse.duckdb"
    now = datetime.now(UTC)
    with connect(db) as connection:  # a page confirmed 30 hours ago, a request made 60 hours ago ...
        migrate(connection)
        connection.execute(
            "INSERT INTO raw.crawl_runs (run_id, started_at, mode, sites, status) VALUES ('r', ?, 'full', [], 'ok')",
            [now - timedelta(hours=1)],
        )
        connection.execute(
            "INSERT INTO raw.fetches (run_id, url, site, kind, bytes, not_modified, fetched_at)"
            " VALUES ('r', 'u', 's', 'article', 0, false, ?)",
            [now - timedelta(hours=60)],
        )
        connection.execute(
            "INSERT INTO raw.pages (url, site, kind, content_hash, body, first_seen_at, last_seen_at)"
            " VALUES ('u', 's', 'article', 'h', '', ?, ?)",
            [now - timedelta(hours=90), now - timedelta(hours=30)],
        )
    results = by_asset(check_results(raw_source_freshness(warehouse=WarehouseResource(db_path=str(db)))))
    assert set(results) == {"raw/pages", "raw/fetches", "raw/crawl_runs"}
    pages, fetches = results.pop("raw/pages"), results.pop("raw/fetches")
    assert not pages.passed and pages.severity == dg.AssetCheckSeverity.WARN
    assert (pages.description or "").startswith("raw.pages: newest row 30.0 h old (warn)")
    assert not fetches.passed and fetches.severity == dg.AssetCheckSeverity.ERROR
    assert all(result.passed for result in results.values()), {k: r.description for k, r in results.items()}
    # a quiet week with no new article on any portal is no alarm: the document tables have no rule
    assert {"/".join(rule.key.path) for rule in FRESHNESS_RULES} == {
        "raw/pages",
        "raw/fetches",
        "raw/crawl_runs",
    }


def test_source_freshness_reports_an_empty_table_as_an_error(tmp_path: Path) -> None:
    db = tmp_path / "warehouse.duckdb"
    with connect(db) as connection:
        migrate(connection)
    results = by_asset(check_results(raw_source_freshness(warehouse=WarehouseResource(db_path=str(db)))))
    assert {result.description for result in results.values()} == {
        "raw.pages: no rows",
        "raw.fetches: no rows",
        "raw.crawl_runs: no rows",
    }
    assert not any(result.passed for result in results.values())


def test_freshness_rules_are_read_as_dbt_states_them() -> None:
    pages = next(rule for rule in FRESHNESS_RULES if rule.relation == "raw.pages")
    assert (pages.loaded_at_field, pages.warn_after, pages.error_after) == (
        "last_seen_at",
        timedelta(hours=26),
        timedelta(hours=50),
    )
    assert [pages.status(timedelta(hours=hours)) for hours in (25, 27, 51)] == ["pass", "warn", "error"]


def test_source_freshness_is_checked_on_every_source_with_a_rule() -> None:
    checked = {spec.asset_key for spec in raw_source_freshness.check_specs}
    assert checked == {rule.key for rule in FRESHNESS_RULES}
    assert checked <= set(raw_pages.keys)  # the crawl's tables: evaluated even when the parse is blocked
    graph = defs.resolve_asset_graph()
    assert all(graph.has(key) for key in checked)  # the keys Dagster gives the dbt sources
    assert not any(spec.blocking for spec in raw_source_freshness.check_specs)
