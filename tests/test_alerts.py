"""Alerts on failed runs: ops.alerts, the log line, and the webhook, against a real loopback server."""

from __future__ import annotations

import json
import logging
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from orchestration.assets.crawl import raw_pages
from orchestration.assets.landing import raw_documents
from orchestration.definitions import all_sites_tags, defs
from orchestration.resources import WarehouseResource
from orchestration.sensors import alert_on_run_failure
from tests.conftest import StartPortal
from warehouse import alerts
from warehouse.alerts import Alert, raise_alert, recent_alerts
from warehouse.health import mart_changes


class Webhook:
    """A loopback HTTP endpoint that keeps what it is sent and answers with a set status."""

    def __init__(self, status: int = 200) -> None:
        self.received: list[dict[str, object]] = []
        self.status = status
        webhook = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                webhook.received.append(
                    {"content_type": self.headers.get("Content-Type"), **json.loads(body)}
                )
                self.send_response(webhook.status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, format: str, *args: object) -> None:
                return

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hooks/doingoai"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def webhook() -> Iterator[Webhook]:
    endpoint = Webhook()
    yield endpoint
    endpoint.close()


def _alert(run_id: str = "run-1") -> Alert:
    return Alert(
        kind="run_failure",
        job_name="nightly_refresh",
        run_id=run_id,
        summary="1 check(s) failed: raw/documents:parser_health_thoidai: thoidai: no title",
        failed_steps=("raw__documents",),
        failed_checks=("raw/documents:parser_health_thoidai: thoidai: no title",),
    )


def test_an_alert_is_recorded_logged_and_posted_once(
    tmp_path: Path, webhook: Webhook, caplog: pytest.LogCaptureFixture
) -> None:
    db = tmp_path / "alerts.duckdb"
    with caplog.at_level(logging.ERROR, logger="doingoai.alerts"):
        outcome = raise_alert(_alert(), db, webhook_url=webhook.url)
    assert outcome.recorded and outcome.webhook_status == 200 and outcome.webhook_error is None
    assert "ALERT run_failure nightly_refresh run run-1" in caplog.text
    [posted] = webhook.received
    assert posted["content_type"] == "application/json"
    assert posted["alert_id"] == "run_failure:run-1" and posted["failed_steps"] == ["raw__documents"]
    [row] = recent_alerts(db)
    assert row["run_id"] == "run-1" and row["webhook_status"] == 200 and row["webhook_url"] == webhook.url
    assert row["failed_checks"] == ["raw/documents:parser_health_thoidai: thoidai: no title"]

    again = raise_alert(_alert(), db, webhook_url=webhook.url)  # a retried sensor tick
    assert not again.recorded
    assert len(webhook.received) == 1 and len(recent_alerts(db)) == 1


def test_a_webhook_that_is_down_leaves_the_alert_recorded_with_the_reason(tmp_path: Path) -> None:
    closed = Webhook()
    url = closed.url
    closed.close()  # nothing listens on that port any more
    db = tmp_path / "alerts.duckdb"
    outcome = raise_alert(_alert(), db, webhook_url=url)
    assert outcome.recorded and outcome.webhook_status is None
    assert outcome.webhook_error and "Connect" in outcome.webhook_error
    [row] = recent_alerts(db)
    assert row["webhook_error"] == outcome.webhook_error


def test_a_refusing_webhook_is_not_asked_again(tmp_path: Path) -> None:
    refusing = Webhook(status=400)
    try:
        outcome = raise_alert(_alert(), tmp_path / "alerts.duckdb", webhook_url=refusing.url)
    finally:
        refusing.close()
    assert outcome.webhook_status == 400 and "HTTP 400" in (outcome.webhook_error or "")
    assert len(refusing.received) == 1


def test_without_a_webhook_the_alert_is_still_recorded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("DOINGOAI_ALERT_WEBHOOK", raising=False)
    db = tmp_path / "alerts.duckdb"
    assert raise_alert(_alert(), db).recorded
    [row] = recent_alerts(db)
    assert row["webhook_url"] is None and row["webhook_status"] is None


def test_the_failure_sensor_alerts_on_a_real_failed_run(
    tmp_path: Path,
    webhook: Webhook,
    monkeypatch: pytest.MonkeyPatch,
    sample_portal: StartPortal,
    dagster_instance: dg.DagsterInstance,
) -> None:
    db = tmp_path / "warehouse.duckdb"
    monkeypatch.setenv("DOINGOAI_DB", str(db))
    monkeypatch.setenv("DOINGOAI_ALERT_WEBHOOK", webhook.url)
    with sample_portal(broken_layout="nhipsongmientay") as portal:
        result = dg.materialize(
            [raw_pages, raw_documents],
            instance=dagster_instance,
            resources={"warehouse": WarehouseResource(portal=portal.url, crawl_delay=0)},
            tags=all_sites_tags(),
            raise_on_error=False,
        )
        assert not result.success
        run = dagster_instance.get_run_by_id(result.run_id)
        assert run is not None
        failure = next(e for e in result.all_events if e.event_type == dg.DagsterEventType.RUN_FAILURE)
        context = dg.build_run_status_sensor_context(
            sensor_name="alert_on_run_failure",
            dagster_instance=dagster_instance,
            dagster_run=run,
            dagster_event=failure,
        ).for_run_failure()
        alert_on_run_failure(context)

    [row] = recent_alerts(tmp_path / "alerts.duckdb")  # beside the warehouse, in a file of its own
    assert row["run_id"] == result.run_id and row["job_name"] == run.job_name
    assert row["failed_steps"] == ["raw__documents"]
    [check] = row["failed_checks"]
    assert check.startswith("raw/documents:parser_health_nhipsongmientay: nhipsongmientay: no title")
    assert row["webhook_status"] == 200
    [posted] = webhook.received
    assert posted["run_id"] == result.run_id and "parser_health_nhipsongmientay" in str(posted["summary"])


def test_the_sensor_is_in_the_definitions_and_on_by_default() -> None:
    sensor = defs.resolve_sensor_def("alert_on_run_failure")
    assert sensor.default_status == dg.DefaultSensorStatus.RUNNING


@pytest.mark.pipeline  # two runs of the nightly job, as `doingoai run` and its rerun launch them
def test_a_failed_command_line_run_is_alerted_and_rerun_from_its_failure_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sample_portal: StartPortal
) -> None:
    from orchestration.launch import rerun_failed, run_nightly_refresh

    db = tmp_path / "warehouse.duckdb"
    home = tmp_path / "dagster_home"
    monkeypatch.setenv("DAGSTER_HOME", str(home))  # restored afterwards; the launcher points it at `home`
    monkeypatch.setenv("DOINGOAI_DB", str(db))
    monkeypatch.setenv("DOINGOAI_ANALYTICS_DB", str(tmp_path / "analytics.duckdb"))
    monkeypatch.setenv("DOINGOAI_CRAWL_DELAY", "0")
    monkeypatch.delenv("DOINGOAI_ALERT_WEBHOOK", raising=False)
    with sample_portal(broken_layout="thoidai") as portal:
        monkeypatch.setenv("DOINGOAI_PORTAL", portal.url)
        first = run_nightly_refresh(home)
        assert not first.success
        portal.reset_stats()
        again = rerun_failed(home)  # the parser is not fixed, so the rerun fails the same check
        assert not again.success
        assert portal.stats()["requests"] == []  # the crawl succeeded before: it is not redone

    raised = recent_alerts(tmp_path / "alerts.duckdb")
    assert [row["run_id"] for row in raised] == [again.run_id, first.run_id]
    with dg.DagsterInstance.get() as instance:
        rerun = instance.get_run_by_id(again.run_id)
        assert rerun is not None and rerun.parent_run_id == first.run_id
        started = [
            record.dagster_event.step_key
            for record in instance.all_logs(again.run_id, of_type=dg.DagsterEventType.STEP_START)
            if record.dagster_event
        ]
    assert started == ["raw__documents"]


def test_the_log_line_and_the_webhook_come_first_and_survive_a_store_that_cannot_be_written(
    tmp_path: Path, webhook: Webhook, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """Log line, then webhook, then ops.alerts: a store held past the lock wait loses nothing else."""
    order: list[str] = []
    post = alerts.post_webhook

    def posting(url: str, payload: dict[str, object]) -> tuple[int | None, str | None]:
        order.append("logged" if "ALERT run_failure" in caplog.text else "not logged yet")
        order.append("posted")
        return post(url, payload)

    def held(*args: object, **kwargs: object) -> None:
        order.append("store")
        raise duckdb.IOException('Could not set lock on file "alerts.duckdb": Conflicting lock is held')

    monkeypatch.setattr(alerts, "post_webhook", posting)
    monkeypatch.setattr(alerts, "connect", held)
    with caplog.at_level(logging.ERROR, logger="doingoai.alerts"):
        outcome = raise_alert(_alert(), tmp_path / "alerts.duckdb", webhook_url=webhook.url)
    assert order == ["logged", "posted", "store"]
    assert outcome.recorded and outcome.webhook_status == 200
    assert outcome.stored_error and "Conflicting lock" in outcome.stored_error
    assert "logged and posted but not stored" in caplog.text
    assert len(webhook.received) == 1


def test_an_alert_about_one_site_is_its_own(tmp_path: Path) -> None:
    """Per-site alerts of one run (discovery, a broken site file) are one alert each, raised once."""
    db = tmp_path / "alerts.duckdb"
    first = Alert(kind="discovery", job_name="nightly_refresh", run_id="r", summary="x", subject="thoidai")
    other = Alert(
        kind="discovery", job_name="nightly_refresh", run_id="r", summary="y", subject="mattrancantho"
    )
    assert raise_alert(first, db).recorded and raise_alert(other, db).recorded
    assert not raise_alert(first, db).recorded
    assert sorted(row["alert_id"] for row in recent_alerts(db)) == [
        "discovery:r:mattrancantho",
        "discovery:r:thoidai",
    ]


@contextmanager
def held_open(path: Path) -> Iterator[None]:
    """Another process holds the DuckDB file `path` open read-write, as an analyst's session may."""
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(path)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        yield
    finally:
        holder.kill()
        holder.wait()


HOLD = "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('held', flush=True); time.sleep(300)"


@pytest.mark.subprocess
def test_a_reader_holding_the_warehouse_or_the_analysts_copy_loses_no_alert_and_fails_no_guard(
    tmp_path: Path, webhook: Webhook, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    warehouse, analytics = tmp_path / "warehouse.duckdb", tmp_path / "analytics.duckdb"
    with duckdb.connect(str(warehouse)) as connection:
        connection.execute(
            "CREATE SCHEMA marts; CREATE TABLE marts.fct_aid AS SELECT range AS id FROM range(3)"
        )
    with duckdb.connect(str(analytics)) as connection:
        connection.execute("CREATE TABLE fct_aid AS SELECT range AS id FROM range(2)")
    monkeypatch.setenv("DOINGOAI_DB", str(warehouse))
    monkeypatch.setenv("DOINGOAI_DB_WAIT", "1")
    monkeypatch.setenv("DOINGOAI_ANALYTICS_WAIT", "1")
    monkeypatch.delenv("DOINGOAI_ALERTS_DB", raising=False)
    with held_open(warehouse):
        outcome = raise_alert(_alert(), webhook_url=webhook.url)  # into alerts.duckdb beside the warehouse
    assert outcome.recorded and outcome.stored_error is None and len(webhook.received) == 1
    [row] = recent_alerts(tmp_path / "alerts.duckdb")
    assert row["webhook_status"] == 200

    [change] = mart_changes(warehouse, analytics, ["fct_aid"])
    assert (change.built, change.published) == (3, 2)
    with held_open(analytics), caplog.at_level(logging.WARNING, logger="doingoai.db"):
        with pytest.raises(duckdb.IOException):  # past the wait; the guard then uses the recorded counts
            mart_changes(warehouse, analytics, ["fct_aid"])
        [change] = mart_changes(warehouse, analytics, ["fct_aid"], published_counts={"fct_aid": 2})
    assert (change.built, change.published) == (3, 2)
    assert f"waiting for {analytics}: another process holds its lock" in caplog.text
