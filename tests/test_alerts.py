"""Alerts on failed runs: ops.alerts, the log line, and the webhook, against a real loopback server."""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import dagster as dg
import pytest

from orchestration.assets.crawl import raw_pages
from orchestration.assets.landing import raw_documents
from orchestration.definitions import all_sites_tags, defs
from orchestration.resources import WarehouseResource
from orchestration.sensors import alert_on_run_failure
from tests.conftest import StartPortal
from warehouse.alerts import Alert, raise_alert, recent_alerts


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
    db = tmp_path / "warehouse.duckdb"
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
    db = tmp_path / "warehouse.duckdb"
    outcome = raise_alert(_alert(), db, webhook_url=url)
    assert outcome.recorded and outcome.webhook_status is None
    assert outcome.webhook_error and "Connect" in outcome.webhook_error
    [row] = recent_alerts(db)
    assert row["webhook_error"] == outcome.webhook_error


def test_a_refusing_webhook_is_not_asked_again(tmp_path: Path) -> None:
    refusing = Webhook(status=400)
    try:
        outcome = raise_alert(_alert(), tmp_path / "warehouse.duckdb", webhook_url=refusing.url)
    finally:
        refusing.close()
    assert outcome.webhook_status == 400 and "HTTP 400" in (outcome.webhook_error or "")
    assert len(refusing.received) == 1


def test_without_a_webhook_the_alert_is_still_recorded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("DOINGOAI_ALERT_WEBHOOK", raising=False)
    db = tmp_path / "warehouse.duckdb"
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

    [row] = recent_alerts(db)
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

    assert [row["run_id"] for row in recent_alerts(db)] == [again.run_id, first.run_id]
    with dg.DagsterInstance.get() as instance:
        rerun = instance.get_run_by_id(again.run_id)
        assert rerun is not None and rerun.parent_run_id == first.run_id
        started = [
            record.dagster_event.step_key
            for record in instance.all_logs(again.run_id, of_type=dg.DagsterEventType.STEP_START)
            if record.dagster_event
        ]
    assert started == ["raw__documents"]
