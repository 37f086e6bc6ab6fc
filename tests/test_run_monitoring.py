"""Runs that die: telling a live worker from a dead one, closing their crawls, where the deployment crawls.

The whole story, with real processes killed, is in tests/test_orchestration.py (pipeline tier).
"""

from __future__ import annotations

import os
import socket
from pathlib import Path

import dagster as dg
import psutil  # type: ignore[import-untyped]  # psutil ships no type information
import pytest

from orchestration.run_monitoring import WatchedRunLauncher, Worker, dead_runs, this_process_tags
from settings import Settings
from tests.queries import query
from warehouse.db import connect, migrate
from warehouse.landing import abort_crawl_runs


def _this_process(**changes: object) -> Worker:
    fields: dict[str, object] = {
        "host": socket.gethostname(),
        "pid": os.getpid(),
        "started": psutil.Process().create_time(),
        "exact_start": True,
    }
    fields.update(changes)
    return Worker(**fields)  # type: ignore[arg-type]  # the fields above, with their types


def test_this_process_is_alive_and_its_tags_name_it() -> None:
    tags = this_process_tags("a-run")
    assert tags["doingoai/worker_pid"] == str(os.getpid()) and tags["doingoai/worker_of_run"] == "a-run"
    assert _this_process().is_alive() is True


def test_a_process_given_the_pid_of_a_dead_worker_is_not_taken_for_it() -> None:
    """The pid is reused: the process holding it now started long after the worker did."""
    assert _this_process(started=psutil.Process().create_time() - 3600).is_alive() is False


def test_a_pid_no_process_holds_is_dead() -> None:
    free = max(psutil.pids()) + 10_000
    assert not psutil.pid_exists(free)
    assert _this_process(pid=free).is_alive() is False


def test_a_worker_known_by_its_start_event_is_alive_if_it_started_before_the_event() -> None:
    started = psutil.Process().create_time()
    assert _this_process(started=started + 5, exact_start=False).is_alive() is True
    assert _this_process(started=started - 60, exact_start=False).is_alive() is False


def test_a_worker_on_another_host_is_not_judged() -> None:
    assert _this_process(host="another-machine.example").is_alive() is None


def test_only_the_dead_runs_crawls_are_closed_as_aborted(tmp_path: Path) -> None:
    db = tmp_path / "warehouse.duckdb"
    with connect(db) as connection:
        migrate(connection)
        for run_id, status in (
            ("dead-run/0", "running"),
            ("dead-run/1", "running"),
            ("dead-run-2/0", "running"),  # another run whose id starts the same way
            ("live-run/0", "running"),
            ("dead-run", "succeeded"),
        ):
            connection.execute(
                "INSERT INTO raw.crawl_runs VALUES (?, now(), NULL, 'incremental', NULL, ['thoidai'], ?)",
                [run_id, status],
            )
    assert abort_crawl_runs(db, started_by="dead-run") == 2
    assert dict(query(db, "SELECT run_id, status FROM raw.crawl_runs")) == {
        "dead-run/0": "aborted",
        "dead-run/1": "aborted",
        "dead-run-2/0": "running",
        "live-run/0": "running",
        "dead-run": "succeeded",
    }
    assert query(
        db, "SELECT count(*) FROM raw.crawl_runs WHERE status = 'aborted' AND finished_at IS NULL"
    ) == [(0,)]


def test_no_warehouse_no_crawl_to_close(tmp_path: Path) -> None:
    assert abort_crawl_runs(tmp_path / "none.duckdb", started_by="x") == 0
    assert not (tmp_path / "none.duckdb").exists()


def test_the_schedule_runs_where_the_deployment_is_told_where_to_crawl(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for variable in ("DOINGOAI_PORTAL", "DOINGOAI_LIVE", "DOINGOAI_SCHEDULE"):
        monkeypatch.delenv(variable, raising=False)
    assert Settings().schedule_running is False
    monkeypatch.setenv("DOINGOAI_PORTAL", "http://127.0.0.1:8765")  # make ui's sample portal
    assert Settings().schedule_running is True
    monkeypatch.setenv("DOINGOAI_SCHEDULE", "stopped")
    assert Settings().schedule_running is False
    monkeypatch.delenv("DOINGOAI_PORTAL")
    monkeypatch.setenv("DOINGOAI_LIVE", "1")
    monkeypatch.setenv("DOINGOAI_SCHEDULE", "")  # empty: unset
    assert Settings().schedule_running is True


def test_the_live_portals_and_a_portal_at_once_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DOINGOAI_PORTAL", "http://127.0.0.1:8765")
    monkeypatch.setenv("DOINGOAI_LIVE", "1")
    with pytest.raises(ValueError, match="DOINGOAI_LIVE and DOINGOAI_PORTAL"):
        Settings()


def test_a_run_with_nowhere_to_crawl_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    from orchestration.resources import WarehouseResource

    monkeypatch.delenv("DOINGOAI_PORTAL", raising=False)
    monkeypatch.delenv("DOINGOAI_LIVE", raising=False)
    with pytest.raises(ValueError, match="DOINGOAI_LIVE=1"):
        _ = WarehouseResource().portal_url
    monkeypatch.setenv("DOINGOAI_LIVE", "1")
    assert WarehouseResource().portal_url is None  # the live portals
    assert WarehouseResource(portal="http://127.0.0.1:1").portal_url == "http://127.0.0.1:1"


def test_only_runs_whose_own_worker_is_gone_are_dead(dagster_instance: dg.DagsterInstance) -> None:
    """A run whose recorded process is gone is dead; a live one, or one whose tags were copied from
    another run (a re-execution launched from the UI), is not judged by those tags."""
    gone = max(psutil.pids()) + 10_000

    def add(run_id: str, pid: int, written_for: str) -> None:
        tags = this_process_tags(written_for) | {"doingoai/worker_pid": str(pid)}
        dagster_instance.add_run(
            dg.DagsterRun(
                job_name="nightly_refresh", run_id=run_id, tags=tags, status=dg.DagsterRunStatus.STARTED
            )
        )

    add("dead", gone, written_for="dead")
    add("alive", os.getpid(), written_for="alive")
    add("copied", gone, written_for="its-parent")
    assert [(run.run_id, worker.pid) for run, worker in dead_runs(dagster_instance)] == [("dead", gone)]
    launcher = WatchedRunLauncher()
    launcher.register_instance(dagster_instance)
    health = {
        run.run_id: launcher.check_run_worker_health(run).status.value for run in dagster_instance.get_runs()
    }
    assert health == {"dead": "FAILED", "alive": "RUNNING", "copied": "RUNNING"}
