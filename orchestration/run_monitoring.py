"""Is a run's worker process still alive? Dagster's run monitoring asks the run launcher; this one answers.

A run whose process dies (kill -9, a crash, a reboot) stays STARTED in Dagster's storage, keeps its slot
of the pool `duckdb_writer`, and every later run waits for that slot forever. Dagster's run monitoring
(enabled in the `dagster.yaml` that `orchestration/launch.py` writes) fails such runs, but only when
the run launcher can tell a live worker from a dead one, and Dagster's `DefaultRunLauncher` cannot.
`WatchedRunLauncher` can: every run records which process runs it, and that process is looked up.

- A run `doingoai run` executes is run by that very process: it carries the tags
  `doingoai/worker_host`, `doingoai/worker_pid` and `doingoai/worker_started` (the process's start
  time, so a later process given the same pid is not mistaken for it), and `doingoai/worker_of_run`,
  its own id (a re-execution from the UI copies its parent's tags, not its parent's process).
- A run the UI or the schedule launches is run by a process its code server starts; that process
  writes Dagster's engine event "Started process for run (pid: N)" as it begins.

The daemon (`make ui`) asks every 30 s; `doingoai run` asks once before it launches (`dead_runs`),
so a dead run never blocks the next night, with or without a daemon.

This module is imported by every Dagster process that reads the instance (webserver, daemon, code
server): it imports Dagster and psutil only, never the pipeline.
"""

from __future__ import annotations

import json
import os
import socket
from collections.abc import Mapping
from dataclasses import dataclass

import dagster as dg
import psutil  # type: ignore[import-untyped]  # psutil ships no type information
from dagster._core.launcher import CheckRunHealthResult, DefaultRunLauncher, WorkerStatus
from dagster._core.storage.tags import GRPC_INFO_TAG

WORKER_HOST_TAG = "doingoai/worker_host"
WORKER_PID_TAG = "doingoai/worker_pid"
WORKER_STARTED_TAG = "doingoai/worker_started"  # the process's start time, seconds since the epoch
# the run these tags were written for: a re-execution launched from the UI copies its parent's tags, and
# must not be judged by its parent's long-gone process
WORKER_RUN_TAG = "doingoai/worker_of_run"
LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1"}
# a process started this much after the run's "Started process" event cannot be the one that wrote it
START_TIME_SLACK_S = 2.0
IN_PROGRESS = [
    dg.DagsterRunStatus.NOT_STARTED,
    dg.DagsterRunStatus.STARTING,
    dg.DagsterRunStatus.STARTED,
    dg.DagsterRunStatus.CANCELING,
]


@dataclass(frozen=True)
class Worker:
    """The process that runs (or ran) a run."""

    host: str
    pid: int
    started: float | None  # its start time, when known; otherwise the latest time it can have started
    exact_start: bool  # `started` is the process's own start time (our tags), not an upper bound

    @property
    def is_local(self) -> bool:
        return self.host in LOCAL_HOSTS or self.host == socket.gethostname()

    def is_alive(self) -> bool | None:
        """True or False on this host; None for a process on another host, which cannot be looked up."""
        if not self.is_local:
            return None
        try:
            process = psutil.Process(self.pid)
            created = process.create_time()
            if process.status() == psutil.STATUS_ZOMBIE:
                return False
        except (psutil.NoSuchProcess, psutil.AccessDenied, psutil.ZombieProcess):
            return psutil.pid_exists(self.pid) and self.started is None
        if self.started is None:
            return True
        if self.exact_start:
            return abs(created - self.started) < 1.0  # the same process, not a new one given its pid
        return created <= self.started + START_TIME_SLACK_S

    def describe(self) -> str:
        return f"process {self.pid} on {self.host}"


def this_process_tags(run_id: str) -> dict[str, str]:
    """The tags that name this process as the worker of the run `run_id`, which it executes itself."""
    return {
        WORKER_RUN_TAG: run_id,
        WORKER_HOST_TAG: socket.gethostname(),
        WORKER_PID_TAG: str(os.getpid()),
        WORKER_STARTED_TAG: f"{psutil.Process().create_time():.3f}",
    }


def worker_of(instance: dg.DagsterInstance, run: dg.DagsterRun) -> Worker | None:
    """The run's worker process, from its tags or from its "Started process for run" event; None when
    no process has been recorded for it yet."""
    tags: Mapping[str, str] = run.tags
    if WORKER_PID_TAG in tags and tags.get(WORKER_RUN_TAG) == run.run_id:
        return Worker(
            host=tags.get(WORKER_HOST_TAG, ""),
            pid=int(tags[WORKER_PID_TAG]),
            started=float(tags[WORKER_STARTED_TAG]) if WORKER_STARTED_TAG in tags else None,
            exact_start=WORKER_STARTED_TAG in tags,
        )
    for record in instance.all_logs(run.run_id, of_type=dg.DagsterEventType.ENGINE_EVENT):
        event = record.dagster_event
        data = event.engine_event_data if event else None
        pid = data.metadata.get("pid") if data else None
        if pid is not None and record.message.startswith("Started process for run"):
            host = json.loads(tags[GRPC_INFO_TAG]).get("host", "") if GRPC_INFO_TAG in tags else ""
            return Worker(
                host=host or socket.gethostname(),
                pid=int(str(pid.value)),
                started=record.timestamp,
                exact_start=False,
            )
    return None


def dead_runs(instance: dg.DagsterInstance) -> list[tuple[dg.DagsterRun, Worker]]:
    """The runs still in progress in this instance whose worker process is gone from this host."""
    dead = []
    for run in instance.get_runs(filters=dg.RunsFilter(statuses=IN_PROGRESS)):
        worker = worker_of(instance, run)
        if worker is not None and worker.is_alive() is False:
            dead.append((run, worker))
    return dead


def fail_dead_run(instance: dg.DagsterInstance, run: dg.DagsterRun, worker: Worker) -> None:
    """Mark the run failed and give its pool slots back, so the runs waiting for them go on."""
    instance.report_run_failed(
        run, f"Its worker, {worker.describe()}, is gone: the run died without finishing."
    )
    instance.event_log_storage.free_concurrency_slots_for_run(run.run_id)


class WatchedRunLauncher(DefaultRunLauncher):
    """Dagster's default run launcher (runs go to the code server), whose run monitoring can tell a live
    worker from a dead one (the instance's `run_launcher`, in the `dagster.yaml` launch.py writes)."""

    @property
    def supports_check_run_worker_health(self) -> bool:
        return True

    def check_run_worker_health(self, run: dg.DagsterRun) -> CheckRunHealthResult:
        worker = worker_of(self._instance, run)
        if worker is None:
            # started, but its process has not said so yet: leave it to the start timeout
            return CheckRunHealthResult(WorkerStatus.RUNNING, "no worker process recorded yet")
        alive = worker.is_alive()
        if alive is False:
            return CheckRunHealthResult(WorkerStatus.FAILED, f"{worker.describe()} is gone")
        if alive is None:
            return CheckRunHealthResult(
                WorkerStatus.RUNNING, f"{worker.describe()}: another host, not checked"
            )
        return CheckRunHealthResult(WorkerStatus.RUNNING, f"{worker.describe()} is running")
