"""An incremental night builds the marts a full refresh builds from the same data.

The int_*__current models and int_documents__word_counts are incremental (only documents whose current version changed are read,
superseded records pruned); the rest are rebuilt. A night with new, edited and removed articles (the
sample portal's second day) built incrementally must leave every mart as `--full-refresh` would.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import duckdb
import pytest

from orchestration.resources import DBT_EXECUTABLE, DBT_PROJECT_DIR
from sample_portal.server import RunningPortal
from scrapers.http import Politeness
from settings import environment_with
from warehouse.extracting import extract_pending
from warehouse.landing import crawl_sites, parse_pending


def _land(db: Path, portal: RunningPortal, full: bool = False) -> None:
    crawl_sites(db, portal=portal.url, politeness=Politeness(delay=0), full=full)
    parse_pending(db)
    extract_pending(db)


def _build(db: Path, target: Path, *flags: str) -> None:
    """dbt's models and seeds (its tests are not what this compares), in one target folder so the
    later builds parse only what changed."""
    built = subprocess.run(
        [
            *(
                DBT_EXECUTABLE,
                "build",
                "--exclude-resource-type",
                "test",
                "--exclude-resource-type",
                "unit_test",
            ),
            *("--project-dir", str(DBT_PROJECT_DIR), "--profiles-dir", str(DBT_PROJECT_DIR)),
            *("--target-path", str(target), *flags),
        ],
        cwd=DBT_PROJECT_DIR,
        env=environment_with({"DOINGOAI_DB": str(db)}),
        capture_output=True,
        text=True,
    )
    assert built.returncode == 0, built.stdout[-4000:]


def _mart_differences(first: Path, second: Path) -> dict[str, tuple[int, int]]:
    """Per mart: rows only in the first file's table, rows only in the second's (none when equal)."""
    differences = {}
    with duckdb.connect() as connection:
        connection.execute(f"ATTACH '{first}' AS first (READ_ONLY)")
        connection.execute(f"ATTACH '{second}' AS second (READ_ONLY)")
        tables = connection.execute(
            "SELECT table_name FROM duckdb_tables() WHERE database_name = 'first' AND schema_name = 'marts'"
        ).fetchall()
        assert len(tables) > 10, tables
        for (table,) in tables:
            counts = connection.execute(
                f"""SELECT
                        (SELECT count(*) FROM (FROM first.marts.{table} EXCEPT ALL FROM second.marts.{table})),
                        (SELECT count(*) FROM (FROM second.marts.{table} EXCEPT ALL FROM first.marts.{table}))"""
            ).fetchall()[0]
            if counts != (0, 0):
                differences[table] = counts
    return differences


@pytest.mark.subprocess
def test_an_incremental_night_builds_the_marts_a_full_refresh_builds(
    tmp_path: Path, portal: RunningPortal
) -> None:
    db, target = tmp_path / "warehouse.duckdb", tmp_path / "dbt_target"
    _land(db, portal)
    _build(db, target)
    portal.set_state(day=2)  # new articles, an edited one, a removed one
    _land(db, portal, full=True)
    _build(db, target)
    refreshed = tmp_path / "refreshed.duckdb"
    shutil.copy(db, refreshed)
    _build(refreshed, target, "--full-refresh")
    with duckdb.connect(str(db), read_only=True) as connection:  # the night read an edited article
        edited = connection.execute(
            "SELECT count(*) FROM intermediate.int_documents__current WHERE version_count > 1"
        ).fetchall()
    assert edited[0][0] > 0
    assert _mart_differences(db, refreshed) == {}
    _unit_tests(db, target)


def _unit_tests(db: Path, target: Path) -> None:
    """dbt's unit tests (fixed rows in, fixed rows out, in the models' YAML). The nightly build leaves
    them out (orchestration.assets.dbt.NIGHTLY_BUILD), so the suite runs them here, on a warehouse whose
    models exist (dbt reads their columns)."""
    tested = subprocess.run(
        [
            *(DBT_EXECUTABLE, "test", "--select", "test_type:unit"),
            *("--project-dir", str(DBT_PROJECT_DIR), "--profiles-dir", str(DBT_PROJECT_DIR)),
            *("--target-path", str(target)),
        ],
        cwd=DBT_PROJECT_DIR,
        env=environment_with({"DOINGOAI_DB": str(db)}),
        capture_output=True,
        text=True,
    )
    assert tested.returncode == 0, tested.stdout[-4000:]
    unit_tests = json.loads((target / "manifest.json").read_text())["unit_tests"]
    passed = re.search(r"PASS=(\d+)", tested.stdout)
    assert unit_tests and passed and int(passed.group(1)) == len(unit_tests), tested.stdout[-4000:]
