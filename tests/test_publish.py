"""The analysts' copy (warehouse/publish.py) on small DuckDB files: what it copies and what it keeps.

The same step in a real run, on the marts dbt built and commented, is asserted in test_orchestration.py.
"""

from __future__ import annotations

from pathlib import Path

from tests.queries import query
from warehouse.db import connect
from warehouse.publish import publish_marts


def _warehouse(db: Path) -> None:
    """A marts schema as dbt's persist_docs leaves it: commented tables and columns (one column with a
    quote in its comment, one undescribed), a view (not copied) and a table of another schema."""
    with connect(db) as connection:
        connection.execute("CREATE SCHEMA marts")
        connection.execute("CREATE SCHEMA staging")
        connection.execute(
            "CREATE TABLE marts.dim_site AS SELECT 'thoidai' AS site_id, 'Thời Đại' AS site_name, 1 AS n"
        )
        connection.execute("CREATE TABLE marts.fct_aid AS SELECT 1.7e9 AS amount_vnd")
        connection.execute("CREATE VIEW marts.a_view AS SELECT 1 AS x")
        connection.execute("CREATE TABLE staging.dim_site AS SELECT 'other' AS site_id")
        connection.execute("COMMENT ON TABLE marts.dim_site IS 'One row per portal.'")
        connection.execute("COMMENT ON COLUMN marts.dim_site.site_id IS 'The site''s id.'")
        connection.execute("COMMENT ON COLUMN marts.dim_site.site_name IS 'Its name.'")
        connection.execute("COMMENT ON COLUMN marts.fct_aid.amount_vnd IS 'The amount in đồng.'")
        connection.execute("COMMENT ON TABLE staging.dim_site IS 'Not a mart.'")


def test_every_mart_table_is_copied_with_its_rows(tmp_path: Path) -> None:
    db, analytics = tmp_path / "warehouse.duckdb", tmp_path / "analytics.duckdb"
    _warehouse(db)
    published = publish_marts(db, analytics)
    assert published.tables == {"dim_site": 1, "fct_aid": 1}
    assert query(analytics, "SELECT site_id, site_name FROM dim_site") == [("thoidai", "Thời Đại")]
    assert query(analytics, "SELECT view_name FROM duckdb_views() WHERE NOT internal") == []


def test_the_comments_of_the_marts_and_their_columns_reach_the_copy(tmp_path: Path) -> None:
    db, analytics = tmp_path / "warehouse.duckdb", tmp_path / "analytics.duckdb"
    _warehouse(db)
    publish_marts(db, analytics)
    assert query(analytics, "SELECT table_name, comment FROM duckdb_tables() ORDER BY table_name") == [
        ("dim_site", "One row per portal."),
        ("fct_aid", None),  # no table comment in the warehouse: none in the copy
    ]
    assert query(
        analytics,
        "SELECT table_name, column_name, comment FROM duckdb_columns() WHERE NOT internal ORDER BY table_name, column_index",
    ) == [
        ("dim_site", "site_id", "The site's id."),
        ("dim_site", "site_name", "Its name."),
        ("dim_site", "n", None),
        ("fct_aid", "amount_vnd", "The amount in đồng."),
    ]


def test_a_second_publication_replaces_the_copy_whole(tmp_path: Path) -> None:
    db, analytics = tmp_path / "warehouse.duckdb", tmp_path / "analytics.duckdb"
    _warehouse(db)
    publish_marts(db, analytics)
    with connect(db) as connection:
        connection.execute("COMMENT ON TABLE marts.dim_site IS 'The portals, described again.'")
        connection.execute("DROP TABLE marts.fct_aid")
    publish_marts(db, analytics)
    assert query(analytics, "SELECT table_name, comment FROM duckdb_tables()") == [
        ("dim_site", "The portals, described again.")
    ]
    assert not list(tmp_path.glob(".analytics.duckdb.*"))  # no temporary file left behind
