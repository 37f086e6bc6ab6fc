"""The assets and checks called directly (`dg.build_asset_context`) on small DuckDB files: what each
does and reports, in the fast tier, with no portal, no Dagster run and no dbt.

The pages are the sample portal's, rendered by its own routing without a server, and landed by the
crawl's own `land_results`. The same assets in real runs are in test_checks.py, test_alerts.py and
test_orchestration.py.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import dagster as dg
import pytest

from orchestration.assets.extraction import extracted_records
from orchestration.assets.landing import raw_documents
from orchestration.assets.publish import analytics_copy
from orchestration.checks import MART_KEYS, extraction_yield_check, mart_row_count_guard
from orchestration.resources import WarehouseResource
from sample_portal.model import SITES
from sample_portal.server import Portal, PortalState
from scrapers.types import FetchResult
from tests.dagster_calls import (
    all_materialized,
    by_asset,
    check_result,
    check_results,
    markdown,
    materialized,
)
from tests.queries import query, scalar
from warehouse.db import connect, migrate
from warehouse.extracting import RECORD_TABLES
from warehouse.landing import ensure_schema, land_results

NO_SEEDS = Path(__file__).parent / "no-seeds-here"  # the portal's own stories only, with or without ../shared


def land_articles(db: Path, site: str, count: int, broken_layout: bool = False) -> list[str]:
    """The first `count` articles of `site` as the sample portal serves them, landed in raw.pages as a
    crawl lands them; their URLs."""
    portal = Portal(PortalState(broken_layout=site if broken_layout else None), seeds_dir=NO_SEEDS)
    scheme = SITES[site]
    results = []
    for article in portal.online(site)[:count]:
        path = scheme.article_path(article)
        response = portal.respond(scheme.host, path)
        assert response.status == 200, path
        results.append(
            FetchResult(
                url=f"https://{scheme.host}{path}",
                site=site,
                kind="article",
                status=200,
                fetched_at=datetime.now(UTC),
                elapsed_ms=1.0,
                headers={"content-type": response.content_type},
                body=response.body,
            )
        )
    ensure_schema(db)
    land_results(db, f"test-{site}", site, results)
    return [result.url for result in results]


def marts(db: Path, rows: dict[str, int]) -> None:
    """Mart tables of `rows` rows each, as dbt would have built them."""
    with connect(db) as connection:
        connection.execute("CREATE SCHEMA IF NOT EXISTS marts")
        for table, count in rows.items():
            connection.execute(
                f"CREATE OR REPLACE TABLE marts.{table} AS SELECT range AS id FROM range({count})"
            )


# --- the landing asset: parse, then judge each site's new articles ---------------------------------


def test_the_landing_asset_parses_what_the_crawl_stored_and_passes_a_healthy_site(tmp_path: Path) -> None:
    db = tmp_path / "warehouse.duckdb"
    urls = land_articles(db, "thoidai", 3)
    result = raw_documents(dg.build_asset_context(), warehouse=WarehouseResource(db_path=str(db)))

    assert isinstance(result, dg.MaterializeResult)
    assert result.metadata is not None
    assert (result.metadata["parsed"], result.metadata["failed"]) == (3, 0)
    assert "| thoidai | 3 | 0 | 3 |" in markdown(result.metadata["per_site"])
    preview = markdown(result.metadata["new_documents"])
    assert all(f"]({url})" in preview for url in urls)
    assert query(db, "SELECT url FROM raw.documents ORDER BY url") == [(url,) for url in sorted(urls)]

    verdicts = {check.check_name: check for check in result.check_results or []}
    assert set(verdicts) == {f"parser_health_{site}" for site in SITES} | {"quality_gate"}
    assert all(check.passed for check in verdicts.values())
    assert verdicts["quality_gate"].description == "no page version held back"
    assert (verdicts["parser_health_thoidai"].description or "").startswith("thoidai: 3 new articles read")
    assert verdicts["parser_health_thanhuycantho"].description == "thanhuycantho: no new articles to judge"


def test_the_landing_asset_fails_the_check_of_a_site_whose_layout_changed(tmp_path: Path) -> None:
    db = tmp_path / "warehouse.duckdb"
    land_articles(db, "thoidai", 3, broken_layout=True)
    land_articles(db, "mattrancantho", 2)
    result = raw_documents(dg.build_asset_context(), warehouse=WarehouseResource(db_path=str(db)))

    assert isinstance(result, dg.MaterializeResult)
    verdicts = {check.check_name: check for check in result.check_results or []}
    failed = [name for name, check in verdicts.items() if not check.passed]
    assert failed == ["parser_health_thoidai"]
    description = verdicts["parser_health_thoidai"].description or ""
    assert description.startswith("thoidai: no title (h1.article-title) in 3 of 3 new articles")
    assert "scrapers/sites/thoidai.toml" in description
    assert verdicts["parser_health_thoidai"].severity == dg.AssetCheckSeverity.ERROR
    assert verdicts["parser_health_mattrancantho"].passed


def test_the_health_check_forgives_fewer_missing_articles_than_the_setting_asks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One broken article is not a broken site while DOINGOAI_PARSER_MIN_MISSING (2) says so."""
    db = tmp_path / "warehouse.duckdb"
    land_articles(db, "thoidai", 1, broken_layout=True)
    lenient = raw_documents(dg.build_asset_context(), warehouse=WarehouseResource(db_path=str(db)))
    assert isinstance(lenient, dg.MaterializeResult)
    assert all(check.passed for check in lenient.check_results or [])

    strict_db = tmp_path / "strict.duckdb"
    land_articles(strict_db, "thoidai", 1, broken_layout=True)
    monkeypatch.setenv("DOINGOAI_PARSER_MIN_MISSING", "1")
    strict = raw_documents(dg.build_asset_context(), warehouse=WarehouseResource(db_path=str(strict_db)))
    assert isinstance(strict, dg.MaterializeResult)
    assert [check.check_name for check in strict.check_results or [] if not check.passed] == [
        "parser_health_thoidai"
    ]


# --- the extraction asset --------------------------------------------------------------------------


def test_the_extraction_asset_reports_counts_per_site_and_a_preview_once(tmp_path: Path) -> None:
    db = tmp_path / "warehouse.duckdb"
    land_articles(db, "thanhuycantho", 4)
    warehouse = WarehouseResource(db_path=str(db))
    raw_documents(dg.build_asset_context(), warehouse=warehouse)

    first = all_materialized(extracted_records(dg.build_asset_context(), warehouse=warehouse))
    documents = first[0]
    assert documents.asset_key == dg.AssetKey(["extracted", "documents"])
    assert documents.metadata is not None
    assert (documents.metadata["documents"], documents.metadata["failed"]) == (4, 0)
    assert "| thanhuycantho | 4 | 0 |" in markdown(documents.metadata["per_site"])
    preview = markdown(documents.metadata["new_facts"])
    assert preview.startswith("| kind | found | in |") and "https://thanhuycantho.vn/" in preview
    new_rows = {}
    for result in first[1:]:  # one result per record table, with the rows this run added
        assert result.asset_key is not None and result.asset_key.path[0] == "extracted"
        table = result.asset_key.path[-1]
        assert result.metadata == {"new_rows": scalar(db, f"SELECT count(*) FROM extracted.{table}")}
        new_rows[table] = scalar(db, f"SELECT count(*) FROM extracted.{table}")
    assert set(new_rows) == set(RECORD_TABLES) and sum(new_rows.values()) > 0

    again = all_materialized(extracted_records(dg.build_asset_context(), warehouse=warehouse))
    assert again[0].metadata is not None
    assert again[0].metadata["documents"] == 0
    assert markdown(again[0].metadata["new_facts"]) == "No new records in this run."


# --- publishing and the checks that guard it -------------------------------------------------------


def test_the_publish_asset_copies_every_mart_and_reports_its_rows(tmp_path: Path) -> None:
    db, analytics = tmp_path / "warehouse.duckdb", tmp_path / "analytics.duckdb"
    marts(db, {"dim_site": 4, "dim_article": 7})
    copy = materialized(
        analytics_copy(
            dg.build_asset_context(),
            warehouse=WarehouseResource(db_path=str(db), analytics_path=str(analytics)),
        )
    )
    assert copy.metadata is not None
    assert copy.metadata["tables"] == dg.MetadataValue.json({"dim_article": 7, "dim_site": 4})
    assert copy.metadata["dim_article rows"] == 7
    assert copy.metadata["path"] == dg.MetadataValue.path(str(analytics.resolve()))
    assert query(analytics, "SELECT count(*) FROM dim_article") == [(7,)]


def test_the_row_count_guard_judges_every_mart_against_the_published_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db, analytics = tmp_path / "warehouse.duckdb", tmp_path / "analytics.duckdb"
    warehouse = WarehouseResource(db_path=str(db), analytics_path=str(analytics))
    marts(db, {"dim_site": 4, "dim_article": 60})
    first = by_asset(check_results(mart_row_count_guard(dg.build_asset_check_context(), warehouse=warehouse)))
    assert set(first) == {"/".join(key.path) for key in MART_KEYS}
    assert all(result.passed for result in first.values())  # nothing published yet: nothing to lose
    assert first["marts/dim_article"].description == (
        "dim_article: 60 rows built; the analysts' copy has none yet"
    )

    analytics_copy(dg.build_asset_context(), warehouse=warehouse)
    marts(db, {"dim_site": 4, "dim_article": 30})
    shrunk = by_asset(
        check_results(mart_row_count_guard(dg.build_asset_check_context(), warehouse=warehouse))
    )
    assert [key for key, result in shrunk.items() if not result.passed] == ["marts/dim_article"]
    assert (shrunk["marts/dim_article"].description or "").startswith(
        "dim_article: 30 rows built, 60 published (-30): a loss of 50%, over the 20% allowed"
    )

    monkeypatch.setenv("DOINGOAI_MART_MAX_SHRINK", "0.6")
    assert all(
        result.passed
        for result in check_results(mart_row_count_guard(dg.build_asset_check_context(), warehouse=warehouse))
    )


def test_the_extraction_yield_check_fails_a_collapse_and_forgives_a_quiet_night(tmp_path: Path) -> None:
    db = tmp_path / "warehouse.duckdb"
    warehouse = WarehouseResource(db_path=str(db))
    with connect(db) as connection:
        migrate(connection)
        connection.execute("INSERT INTO extracted.batches VALUES ('b1', 'test', now(), now(), 20, 0, 100)")
    first = check_result(extraction_yield_check(warehouse=warehouse))
    assert first.passed and first.description == "5.00 records per document over 20 documents (first batch)"

    with connect(db) as connection:  # a tenth of the rate: the rules stopped finding things
        connection.execute("INSERT INTO extracted.batches VALUES ('b2', 'test', now(), now(), 20, 0, 10)")
    collapsed = check_result(extraction_yield_check(warehouse=warehouse))
    assert not collapsed.passed
    assert collapsed.description == (
        "0.50 records per document over 20 documents, against 5.00 before: below 50% of it"
    )

    with connect(db) as connection:  # three new articles say little about a rate
        connection.execute("INSERT INTO extracted.batches VALUES ('b3', 'test', now(), now(), 3, 0, 0)")
    assert check_result(extraction_yield_check(warehouse=warehouse)).passed
