"""The Dagster UI as a data engineer sees it in the morning, driven in headless Chromium.

`doingoai run` (what `make run` does; the shared first refresh of tests/conftest.py) materializes
the job into a temporary DAGSTER_HOME and DuckDB files; `dagster-webserver` serves that instance on a free loopback port; Playwright drives
Debian's chromium (never a downloaded browser). A second run with the portal's broken-layout switch
on must fail that site's parser-health check only and leave the analysts' copy as it was.
Screenshots land in artifacts/ui/.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import httpx
import pytest

from tests.conftest import ROOT, Refreshed, doingoai_run, run_id_in
from warehouse.alerts import recent_alerts
from warehouse.db import connect

if TYPE_CHECKING:
    from dagster import AssetKey
    from playwright.sync_api import Browser, Page

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = ROOT / "artifacts" / "ui"
LOCATION = "doingoai"  # the code location workspace.yaml names
SITES = ["mattrancantho", "nhipsongmientay", "thanhuycantho", "thoidai"]


@dataclass
class Operated:
    refreshed: Refreshed  # the good run's files and environment
    ui: str  # the webserver's base URL


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def operated(refreshed: Refreshed) -> Iterator[Operated]:
    if not os.access(CHROMIUM, os.X_OK):
        pytest.skip(f"{CHROMIUM} is missing: `make test` installs Debian's chromium first")
    port = _free_port()
    log_path = refreshed.folder / "webserver.log"
    log = log_path.open("w")
    # what `make ui` runs: the sample portal, and dg dev (webserver and daemon) on workspace.yaml
    server = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from cli.main import main; main()",
            "ui",
            "--port",
            str(port),
            "--dagster-home",
            str(refreshed.dagster_home),
        ],
        cwd=ROOT,
        env=refreshed.env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,  # dg dev's webserver, daemon and code server are children: stop the group
    )
    ui = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 300
        while True:
            assert server.poll() is None, log_path.read_text()[-3000:]
            try:
                if httpx.get(f"{ui}/server_info", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert time.monotonic() < deadline, "dg dev's webserver did not come up in 300 s"
            time.sleep(1)
        yield Operated(refreshed, ui)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=90)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait(timeout=10)
        log.close()


@pytest.fixture(scope="module")
def browser(operated: Operated) -> Iterator[Browser]:
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def page(browser: Browser, operated: Operated) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1600, "height": 1000}, base_url=operated.ui)
    page = context.new_page()
    page.set_default_timeout(60_000)
    # a fresh instance greets with a newsletter dialog, at any moment of the first page; a person skips it
    page.add_locator_handler(page.get_by_role("button", name="Skip"), lambda skip: skip.click())
    yield page
    context.close()


def _open(page: Page, path: str) -> None:
    page.goto(path)
    page.wait_for_load_state("networkidle")


def _snap(page: Page, name: str) -> None:
    """A screenshot, with the welcome dialog out of the way if it has just popped up."""
    from playwright.sync_api import Error as PlaywrightError

    skip = page.get_by_role("button", name="Skip")
    if skip.is_visible():
        # our click is an action, so the locator handler may skip the dialog first; then the button is gone
        # and the click would wait for it: wait for it to be hidden instead, whoever clicked
        with contextlib.suppress(PlaywrightError):
            skip.click(timeout=5_000)
        skip.wait_for(state="hidden")
    page.screenshot(path=str(ARTIFACTS / name))


def _status_after(text: str, name: str) -> str:
    """The first status word after a check's name in a page's text."""
    after = text[text.index(name) :]
    match = re.search(r"\b(Succeeded|Failed|Warning|Skipped|Not evaluated|In progress)\b", after)
    assert match, after[:500]
    return match.group(1)


def _mart_fed_by_extraction() -> tuple[str, str]:
    """(mart, extracted table): the mart with the smallest lineage that reads an extracted table."""
    from orchestration.definitions import defs

    graph = defs.resolve_asset_graph()
    best: tuple[int, str, str] | None = None
    for key in graph.get_all_asset_keys():
        if key.path[0] != "marts":
            continue
        ancestors = _ancestors(key, lambda child: graph.get(child).parent_keys)
        extracted = sorted(
            k.path[-1] for k in ancestors if k.path[0] == "extracted" and k.path[-1] != "documents"
        )
        if extracted and (best is None or len(ancestors) < best[0]):
            best = (len(ancestors), key.path[-1], extracted[0])
    assert best, "no mart reads the extracted tables"
    return best[1], best[2]


def _ancestors(key: AssetKey, parents_of: Callable[[AssetKey], Iterable[AssetKey]]) -> set[AssetKey]:
    seen: set[AssetKey] = set()
    todo = [key]
    while todo:
        for parent in parents_of(todo.pop()):
            if parent not in seen:
                seen.add(parent)
                todo.append(parent)
    return seen


def test_the_asset_graph_lists_crawl_extraction_and_marts(page: Page, operated: Operated) -> None:
    _open(page, "/asset-groups")
    for group in ("crawl", "landing", "extraction", "publish"):
        page.get_by_text(group, exact=True).first.wait_for()
    _snap(page, "01-asset-groups.png")

    mart, extracted = _mart_fed_by_extraction()
    # the whole way up, to the crawl (the UI caps the depth at the graph's own)
    _open(page, f"/assets/marts/{mart}?view=lineage&lineageScope=upstream&lineageDepth=50")
    graph = page.locator("body")
    for label in ("pages", "documents", extracted, mart):
        graph.get_by_text(label, exact=True).first.wait_for()
    page.wait_for_timeout(1500)  # let the layout settle before the picture
    _snap(page, "02-lineage-crawl-to-mart.png")
    text = page.inner_text("body")
    assert all(group in text for group in ("crawl", "landing", "extraction"))


def test_the_latest_run_succeeded(page: Page, operated: Operated) -> None:
    run_id = operated.refreshed.run_ids[-1]
    _open(page, "/runs")
    page.get_by_text(run_id[:8]).first.wait_for()
    rows = page.inner_text("body")
    latest = rows[rows.index(run_id[:8]) :]
    status = re.match(r"[\s\S]*?\b(Success|Failure)\b", latest)
    assert status and status.group(1) == "Success"
    _snap(page, "03-runs.png")

    _open(page, f"/runs/{run_id}")
    page.get_by_text("Success").first.wait_for()
    _snap(page, "04-run.png")
    assert all("Checks: " in output and ", 0 failed" in output for output in operated.refreshed.outputs)


def test_the_job_page_lists_the_runs_of_doingoai_run(page: Page, operated: Operated) -> None:
    """`doingoai run`'s runs belong to the code location: the job's own page lists them."""
    _open(page, f"/locations/{LOCATION}/jobs/nightly_refresh/runs")
    for run_id in operated.refreshed.run_ids:
        page.get_by_text(run_id[:8]).first.wait_for()
    assert "No runs found" not in page.inner_text("body")
    _snap(page, "04b-job-runs.png")


def test_the_nightly_schedule_is_listed_with_its_cron(page: Page, operated: Operated) -> None:
    _open(page, "/automation")
    page.get_by_text("nightly_refresh_schedule").first.wait_for()
    page.get_by_text("alert_on_run_failure").first.wait_for()
    _snap(page, "05-automation.png")

    _open(page, f"/locations/{LOCATION}/schedules/nightly_refresh_schedule")
    page.get_by_text("(0 2 * * *)").wait_for()
    text = page.inner_text("body")
    assert "Asia/Ho_Chi_Minh" in text and "nightly_refresh" in text
    # running from the start, against the sample portal `doingoai ui` started
    assert "crawling the sample portal at http://127.0.0.1:" in text
    assert page.get_by_role("checkbox").first.is_checked()
    _snap(page, "06-schedule.png")


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_broken_layout_fails_that_sites_check_and_keeps_the_analysts_copy(
    page: Page, operated: Operated
) -> None:
    analytics = operated.refreshed.analytics
    before = _sha256(analytics)
    # a later night, on which every known page's turn to be revisited has come (scrapers/revisit.py)
    with connect(operated.refreshed.warehouse) as connection:
        connection.execute("UPDATE raw.visit_schedule SET next_visit_at = now()")
    broken = doingoai_run(operated.refreshed.env, "--broken-layout", "thoidai")
    output = broken.stdout + broken.stderr
    assert broken.returncode == 1, output[-4000:]
    assert "FAILED raw/documents:parser_health_thoidai: thoidai: no title" in output
    assert not any(
        f"FAILED raw/documents:parser_health_{site}" in output for site in SITES if site != "thoidai"
    )
    assert "was not replaced" in output
    assert _sha256(analytics) == before  # the analysts' copy is the good run's, byte for byte
    failed_run = run_id_in(broken.stdout)
    alerts = recent_alerts(operated.refreshed.warehouse.parent / "alerts.duckdb")
    assert [alert["run_id"] for alert in alerts] == [failed_run]
    assert alerts[0]["failed_checks"][0].startswith("raw/documents:parser_health_thoidai:")

    _open(page, "/assets/raw/documents?view=checks")
    page.get_by_text("parser_health_thoidai").first.wait_for()
    page.get_by_text("Failed").first.wait_for()
    text = page.inner_text("body")
    assert _status_after(text, "parser_health_thoidai") == "Failed"
    for site in SITES[:-1]:
        assert _status_after(text, f"parser_health_{site}") == "Succeeded"
    page.get_by_text("parser_health_thoidai").first.click()
    page.get_by_text("thoidai: no title (h1.article-title)").first.wait_for()
    _snap(page, "07-failed-parser-health.png")

    _open(page, "/runs")
    page.get_by_text(failed_run[:8]).first.wait_for()
    page.get_by_text("Failure").first.wait_for()
    _snap(page, "08-runs-after-broken-layout.png")


def test_the_reports_asset_shows_its_charts(page: Page, operated: Operated) -> None:
    """The charts the good run drew, inside the `reports` asset's metadata (Markdown, data: URIs)."""
    _open(page, "/assets/reports")
    page.get_by_text("[Show Markdown]").first.click()
    charts = page.locator('img[src^="data:image/png;base64,"]')
    charts.first.wait_for()
    page.wait_for_timeout(1000)  # let every picture decode before the screenshot
    widths = charts.evaluate_all("pictures => pictures.map(picture => picture.naturalWidth)")
    assert widths == [1100] * 5, widths
    page.get_by_text("each counted once however many articles report it").first.wait_for()
    _snap(page, "09-report-charts.png")


def test_make_docs_serves_the_dbt_docs_with_every_column_described(page: Page, operated: Operated) -> None:
    """`make docs` on the refreshed warehouse: fct_aid's page lists each column with its description."""
    import yaml

    port = _free_port()
    log_path = operated.refreshed.folder / "docs.log"
    with log_path.open("w") as log:
        docs = subprocess.Popen(
            [
                "make",
                "--no-print-directory",
                "-o",
                ".venv/.installed",
                "docs",
                f"DOCS_PORT={port}",
                f"DOCS_TARGET={operated.refreshed.folder / 'dbt_docs'}",
            ],
            cwd=ROOT,
            env=operated.refreshed.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # make and the dbt it starts: stop the whole group, and only it
        )
        try:
            deadline = time.monotonic() + 300
            while True:
                assert docs.poll() is None, log_path.read_text()[-3000:]
                try:
                    if httpx.get(f"http://127.0.0.1:{port}/catalog.json", timeout=2).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                assert time.monotonic() < deadline, "make docs did not serve in 300 s"
                time.sleep(1)
            page.goto(f"http://127.0.0.1:{port}/#!/model/model.doingoai.fct_aid")
            row = page.get_by_text("counts_in_totals", exact=True).first
            row.click()  # the table cuts descriptions short; a row opens to its whole description
            row.evaluate("cell => cell.scrollIntoView({block: 'center'})")
            spec = yaml.safe_load((ROOT / "dbt_project/models/marts/fct_aid.yml").read_text(encoding="utf-8"))
            columns = {column["name"]: column for column in spec["models"][0]["columns"]}
            page.get_by_text(columns["counts_in_totals"]["description"]).filter(visible=True).first.wait_for()
            page.wait_for_timeout(1000)
            _snap(page, "10-dbt-docs-fct_aid.png")
            text = " ".join(page.inner_text("body").split())
            for column in columns.values():
                assert column["name"] in text and " ".join(column["description"].split()) in text, column
            page.get_by_title("View Lineage Graph").click()  # the round button at the bottom right
            page.get_by_text("Lineage Graph", exact=True).first.wait_for()
            page.wait_for_timeout(2000)  # let the graph lay itself out
            _snap(page, "11-dbt-docs-lineage.png")
        finally:
            os.killpg(docs.pid, signal.SIGTERM)
            docs.wait(timeout=30)
