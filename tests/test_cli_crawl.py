"""`doingoai crawl` as a user runs it: a separate process, the loopback portal, a DuckDB file."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from sample_portal.server import RunningPortal
from settings import environment_with
from tests.conftest import ROOT
from tests.queries import query, scalar

pytestmark = pytest.mark.subprocess  # the command in its own process, as a user runs it

SITES = ("mattrancantho", "nhipsongmientay", "thanhuycantho", "thoidai")


def doingoai(*arguments: str) -> subprocess.CompletedProcess[str]:
    environment = environment_with({"DOINGOAI_CRAWL_DELAY": "0", "DOINGOAI_PORTAL": "", "COLUMNS": "160"})
    return subprocess.run(
        [sys.executable, "-c", "from cli.main import main; main()", *arguments],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_crawl_lands_every_site_and_prints_a_summary_per_site(tmp_path: Path, portal: RunningPortal) -> None:
    db = tmp_path / "w.duckdb"
    result = doingoai("crawl", "--portal", portal.url, "--db", str(db))
    assert result.returncode == 0, result.stderr
    for header in ("fetched", "new", "changed", "unchanged", "removed", "failed", "parsed"):
        assert header in result.stdout
    rows = {line.split()[1]: line for line in result.stdout.splitlines() if line.startswith("│ ")}
    assert set(SITES) <= set(rows)
    assert str(db) in result.stdout
    documents = dict(query(db, "SELECT site, count(*) FROM raw.documents GROUP BY 1"))
    assert set(documents) == set(SITES) and sum(documents.values()) >= 65
    [(portal_used, mode)] = query(db, "SELECT portal, mode FROM raw.crawl_runs")
    assert (portal_used, mode) == (portal.url, "incremental")

    again = doingoai("crawl", "--portal", portal.url, "--db", str(db))
    assert again.returncode == 0, again.stderr
    assert scalar(db, "SELECT count(*) FROM raw.documents") == sum(documents.values())


def test_one_site_in_full(tmp_path: Path, portal: RunningPortal) -> None:
    db = tmp_path / "w.duckdb"
    result = doingoai("crawl", "--site", "thanhuycantho", "--full", "--portal", portal.url, "--db", str(db))
    assert result.returncode == 0, result.stderr
    assert query(db, "SELECT sites, mode FROM raw.crawl_runs") == [(["thanhuycantho"], "full")]
    assert query(db, "SELECT DISTINCT site FROM raw.pages") == [("thanhuycantho",)]


def test_an_unknown_site_is_refused_with_the_known_ones(tmp_path: Path) -> None:
    result = doingoai("crawl", "--site", "thoidia", "--db", str(tmp_path / "w.duckdb"))
    assert result.returncode == 2
    assert "thoidia" in result.stderr and "thoidai" in result.stderr
    assert not (tmp_path / "w.duckdb").exists()
