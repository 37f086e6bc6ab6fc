"""Running `nightly_refresh` from the command line as a run of the deployment's own code location.

`doingoai run` (`make run`) and `doingoai rerun-failed` load the code location that `workspace.yaml`
names, under the name it gives ("doingoai"), in this process; create the run from it the way
Dagster's scheduler does (the remote job's origin and snapshots, the schedule's own run request and
tags; a re-execution the way the UI's "Re-execute from failure" does); and execute that run here,
on the persistent DAGSTER_HOME (data/dagster_home) that `make ui` serves. So the UI knows the run as
its own: the job page, the timeline and the schedule list it, and re-executing it from the UI loads
the same job from the same location, without a warning.

Why executed here, and not handed to the instance's run launcher: the launcher starts the run in a
process of a code server and returns at once, while `doingoai run` must wait for its run, stop it on
Ctrl-C or SIGTERM and fail it cleanly, and show its progress. (`dg launch --job` would execute the job
in process too, but as `execute_job` does, with no code location origin: the very problem.) The run
records its worker, this process, in its tags (`orchestration/run_monitoring.py`), so Dagster's run
monitoring and the next `doingoai run` can tell when it died.

Everything the run logs, DEBUG included, is in the run's event log (the UI's run page); `doingoai run`
sends Dagster's console output to a file and shows the stages instead (cli/run.py).
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING

import dagster as dg
from dagster._core.utils import make_new_run_id
from filelock import FileLock

from orchestration.resources import DUCKDB_POOL
from orchestration.run_monitoring import dead_runs, fail_dead_run, this_process_tags
from settings import DEFAULT_DAGSTER_HOME, PROJECT_ROOT, use_dagster_home

if TYPE_CHECKING:
    from dagster._core.remote_representation.code_location import CodeLocation
    from dagster._core.remote_representation.external import RemoteJob
    from dagster._core.workspace.context import BaseWorkspaceRequestContext

JOB_NAME = "nightly_refresh"
WORKSPACE_FILE = PROJECT_ROOT / "workspace.yaml"
# The instance of `doingoai run`, `doingoai rerun-failed` and `make ui` (rewritten when it differs).
# - One writer at a time: every asset that writes DuckDB is in the pool "duckdb_writer" (limit 1); a
#   second run launched meanwhile waits for the slot instead of failing on DuckDB's lock.
# - Run monitoring (in the daemon `make ui` starts): a run whose worker process is gone is failed
#   within a poll, its slots freed 30 s later, and the failure sensor raises its alert. The launcher
#   is Dagster's default one, able to tell a dead worker (orchestration/run_monitoring.py).
INSTANCE_CONFIG = """\
# Written by orchestration/launch.py (doingoai run, make ui): edits here are overwritten.
concurrency:
  pools:
    default_limit: 1
run_launcher:
  module: orchestration.run_monitoring
  class: WatchedRunLauncher
run_monitoring:
  enabled: true
  poll_interval_seconds: 30
  start_timeout_seconds: 300
  cancel_timeout_seconds: 120
  max_resume_run_attempts: 0
  free_slots_after_run_end_seconds: 30
telemetry:
  enabled: false
"""

# Called in a thread while the run executes, until the event is set: `doingoai run`'s progress display.
RunObserver = Callable[[dg.DagsterInstance, dg.DagsterRun, threading.Event], None]


@dataclass(frozen=True)
class RefreshResult:
    run_id: str
    success: bool
    dagster_home: Path


def prepare_dagster_home(dagster_home: Path) -> Path:
    """DAGSTER_HOME with the instance settings the pipeline relies on, and its storage created.

    Two runs started together on a new home (the schedule and a person) would otherwise both create
    the SQLite storage and leave it with two schema heads; a file lock lets the first create it. The
    writer pool and its one slot are made there too, under the same lock, rather than by whichever
    run's first step asks for it (two claims at once are orchestration/pool_claims.py's concern).
    """
    dagster_home.mkdir(parents=True, exist_ok=True)
    use_dagster_home(dagster_home)  # DagsterInstance.get() below, and the run, read it
    with FileLock(dagster_home / "prepare.lock"):
        config = dagster_home / "dagster.yaml"
        if not config.exists() or config.read_text() != INSTANCE_CONFIG:
            config.write_text(INSTANCE_CONFIG)
        with dg.DagsterInstance.get() as instance:  # creates and migrates the storage on first use
            instance.event_log_storage.initialize_concurrency_limit_to_default(DUCKDB_POOL)
    return dagster_home


@contextmanager
def deployment(
    instance: dg.DagsterInstance,
) -> Iterator[tuple[BaseWorkspaceRequestContext, CodeLocation, RemoteJob]]:
    """The workspace of `workspace.yaml`, loaded in this process: its request context, its code
    location (named as the file names it) and that location's nightly_refresh job."""
    from dagster._core.remote_origin import InProcessCodeLocationOrigin
    from dagster._core.workspace.context import WorkspaceProcessContext
    from dagster._core.workspace.load_target import InProcessWorkspaceLoadTarget, WorkspaceFileTarget

    [origin] = WorkspaceFileTarget(paths=[str(WORKSPACE_FILE)]).create_origins()
    here = InProcessCodeLocationOrigin(
        origin.loadable_target_origin,  # a python_module entry has one
        location_name=origin.location_name,
    )
    with WorkspaceProcessContext(instance, InProcessWorkspaceLoadTarget(here)) as workspace:
        request = workspace.create_request_context()
        location = request.get_code_location(origin.location_name)
        [repository] = location.get_repositories().values()
        yield request, location, repository.get_full_job(JOB_NAME)


def settle_dead_runs(instance: dg.DagsterInstance, log: Callable[[str], None] | None = None) -> list[str]:
    """Fail every run of this instance whose worker process is gone, free its pool slot, close its
    crawl and raise its alert: what the daemon's run monitoring does, for a machine with no daemon."""
    from orchestration.sensors import settle_failed_run

    settled = []
    for run, worker in dead_runs(instance):
        fail_dead_run(instance, run, worker)
        settle_failed_run(instance, run.run_id)
        if log:
            log(f"run {run.run_id} had died ({worker.describe()} is gone): marked failed, its slot freed")
        settled.append(run.run_id)
    return settled


def run_nightly_refresh(
    dagster_home: Path = DEFAULT_DAGSTER_HOME,
    observer: RunObserver | None = None,
    log: Callable[[str], None] | None = None,
) -> RefreshResult:
    """One run of nightly_refresh over every site, with the schedule's run request, executed here."""
    from orchestration.definitions import nightly_refresh_schedule

    prepare_dagster_home(dagster_home)
    with dg.DagsterInstance.get() as instance:
        settle_dead_runs(instance, log)
        with deployment(instance) as (_, location, job):
            [request] = (
                nightly_refresh_schedule.evaluate_tick(
                    dg.build_schedule_context(instance=instance)
                ).run_requests
                or []
            )
            run_id = make_new_run_id()
            tags = {
                **job.run_tags,
                **request.tags,
                "doingoai/trigger": "command line",
                **this_process_tags(run_id),
            }
            plan = location.get_execution_plan(job, {}, step_keys_to_execute=None, known_state=None)
            run = instance.create_run(
                job_name=job.name,
                run_id=run_id,
                run_config={},
                resolved_op_selection=job.resolved_op_selection,
                step_keys_to_execute=None,
                op_selection=job.op_selection,
                status=dg.DagsterRunStatus.NOT_STARTED,
                root_run_id=None,
                parent_run_id=None,
                tags=tags,
                job_snapshot=job.job_snapshot,
                execution_plan_snapshot=plan.execution_plan_snapshot,
                parent_job_snapshot=job.parent_job_snapshot,
                remote_job_origin=job.get_remote_origin(),
                job_code_origin=job.get_python_origin(),
                asset_selection=None,
                asset_check_selection=None,
                asset_graph=location.get_repository(job.repository_handle.repository_name).asset_graph,
            )
        return _execute(instance, run, observer, dagster_home)


def rerun_failed(
    dagster_home: Path = DEFAULT_DAGSTER_HOME,
    run_id: str | None = None,
    observer: RunObserver | None = None,
    log: Callable[[str], None] | None = None,
) -> RefreshResult:
    """Re-execute a failed nightly_refresh run (the latest by default) from its failure, as the UI's
    "Re-execute from failure" does: only the steps that failed or never ran, for the same sites; what
    succeeded is reused, not redone."""
    from dagster._core.execution.plan.resume_retry import ReexecutionStrategy

    prepare_dagster_home(dagster_home)
    with dg.DagsterInstance.get() as instance:
        settle_dead_runs(instance, log)
        if run_id is None:
            failed = instance.get_runs(
                filters=dg.RunsFilter(job_name=JOB_NAME, statuses=[dg.DagsterRunStatus.FAILURE]), limit=1
            )
            if not failed:
                raise ValueError(f"no failed {JOB_NAME} run in {dagster_home}")
            run_id = failed[0].run_id
        parent = instance.get_run_by_id(run_id)
        if parent is None:
            raise ValueError(f"no run {run_id} in {dagster_home}")
        with deployment(instance) as (request, location, job):
            run = instance.create_reexecuted_run(
                request_context=request,
                parent_run=parent,
                code_location=location,
                remote_job=job,
                strategy=ReexecutionStrategy.FROM_FAILURE,
                extra_tags={"doingoai/trigger": "rerun of failed"},
                use_parent_run_tags=True,
            )
            instance.add_run_tags(run.run_id, this_process_tags(run.run_id))  # its id is known only now
            run = instance.get_run_by_id(run.run_id) or run
        return _execute(instance, run, observer, dagster_home)


def _execute(
    instance: dg.DagsterInstance, run: dg.DagsterRun, observer: RunObserver | None, dagster_home: Path
) -> RefreshResult:
    """Execute the created run in this process and wait for it; whatever stops it, it ends failed."""
    from dagster._core.execution.api import execute_run
    from dagster._core.origin import JobPythonOrigin
    from dagster._utils.hosted_user_process import recon_job_from_origin

    from orchestration.sensors import settle_failed_run

    finished = threading.Event()
    watching = (
        threading.Thread(target=observer, args=(instance, run, finished), daemon=True) if observer else None
    )
    # SIGTERM stops the run as Ctrl-C does (Dagster maps it to SIGINT's handler while steps run). A
    # command started in the background by a script inherits SIGINT ignored, which would make Dagster
    # ignore SIGTERM too: the usual Ctrl-C handler is put back first.
    handling = threading.current_thread() is threading.main_thread()  # only it may handle signals
    if handling:
        previous_int = signal.signal(signal.SIGINT, signal.default_int_handler)
        previous_term = signal.signal(signal.SIGTERM, _interrupt)
    interrupted: KeyboardInterrupt | None = None
    try:
        if watching:
            watching.start()
        origin = run.job_code_origin
        assert isinstance(origin, JobPythonOrigin)
        execute_run(recon_job_from_origin(origin), run, instance)
    except KeyboardInterrupt as stop:  # Dagster has failed the run if it was running; see below if not
        interrupted = stop
    finally:
        if handling:
            signal.signal(signal.SIGTERM, previous_term)
            signal.signal(signal.SIGINT, previous_int)
        stopped = instance.get_run_by_id(run.run_id)
        if stopped is not None and not stopped.is_finished:  # stopped before Dagster could say so
            instance.report_run_failed(stopped, "Stopped (Ctrl-C or SIGTERM) before the run could finish.")
        finished.set()
        if watching:
            watching.join(timeout=10)
    ended = instance.get_run_by_id(run.run_id)
    success = ended is not None and ended.status == dg.DagsterRunStatus.SUCCESS
    if not success:  # no daemon runs the failure sensor here: raise its alert the same way
        settle_failed_run(instance, run.run_id)
    if interrupted is not None:
        raise interrupted
    return RefreshResult(run_id=run.run_id, success=success, dagster_home=dagster_home)


def _interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt(f"signal {signum}")
