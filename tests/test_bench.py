"""`doingoai bench` as a user runs it, at a small N: three Dagster runs over the scale portal, its
figures as JSON under the keys issue 13 names, and its Markdown block put into the document."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from cli.benchmark import DOC_END, DOC_START
from settings import environment_with
from tests.conftest import ROOT

pytestmark = pytest.mark.subprocess  # the command in its own process, with its own portal process

ARTICLES = 120


def test_bench_runs_the_three_nights_and_writes_its_figures(tmp_path: Path) -> None:
    doc = tmp_path / "benchmarks.md"
    doc.write_text(
        f"# Benchmarks\n\nWhat bounds each stage.\n\n{DOC_START}\nold figures\n{DOC_END}\n\nMore.\n"
    )
    environment = environment_with(without=("DOINGOAI_PORTAL", "DOINGOAI_ALERT_WEBHOOK", "DOINGOAI_DB"))
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "from cli.main import main; main()",
            "bench",
            "--articles",
            str(ARTICLES),
            "--json",
            str(tmp_path / "out.json"),
            "--doc",
            str(doc),
            "--folder",
            str(tmp_path / "runs"),
        ],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, (result.stdout + result.stderr)[-4000:]

    figures = json.loads((tmp_path / "out.json").read_text())
    assert figures["articles"] == ARTICLES
    assert {"seconds", "docs_per_s", "peak_rss_mb"} <= set(figures["full"])
    for night in ("night_0pct", "night_1pct"):
        assert {"seconds", "requests"} <= set(figures[night])
    assert set(figures["stages"]) == {"crawl", "parse", "extract", "dbt", "publish"}
    full = figures["full"]
    assert full["documents"] == ARTICLES  # every article found, through listings or the sitemap
    assert full["stages"]["parse"]["documents"] >= ARTICLES and full["peak_rss_mb"] > 0
    assert all(stage["seconds"] > 0 for stage in figures["stages"].values())
    # the 1% night finds the day's new articles and the edited ones
    assert figures["night_1pct"]["stages"]["parse"]["documents"] >= 2

    text = doc.read_text()
    assert "old figures" not in text and "What bounds each stage." in text and text.endswith("More.\n")
    assert "| full build |" in text and "| full build |" in result.stdout
