"""Running `nightly_refresh` from the command line, the way the schedule does.

The schedule's own function builds the run request; the run then goes through
Dagster on a persistent DAGSTER_HOME (data/dagster_home by default), so the
run, its logs and asset materializations are in the UI that `make ui` opens.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import dagster as dg
from filelock import FileLock

from settings import DEFAULT_DAGSTER_HOME, use_dagster_home

# One writer at a time: every asset that writes DuckDB is in the pool "duckdb_writer" (limit 1); a second
# run launched meanwhile waits for the slot instead of failing on DuckDB's lock.
INSTANCE_CONFIG = """\
concurrency:
  pools:
    default_limit: 1
telemetry:
  enabled: false
"""


@dataclass(frozen=True)
class RefreshResult:
    run_id: str
    success: bool
    dagster_home: Path


def prepare_dagster_home(dagster_home: Path) -> Path:
    """DAGSTER_HOME with the instance settings the pipeline relies on, and its storage created.

    Two runs started together on a new home (the schedule and a person) would otherwise both create
    the SQLite storage and leave it with two schema heads; a file lock lets the first create it.
    """
    dagster_home.mkdir(parents=True, exist_ok=True)
    use_dagster_home(dagster_home)  # DagsterInstance.get() below, and the run, read it
    with FileLock(dagster_home / "prepare.lock"):
        config = dagster_home / "dagster.yaml"
        if not config.exists() or "default_limit: 1" not in config.read_text():
            config.write_text(INSTANCE_CONFIG)
        with dg.DagsterInstance.get():  # creates and migrates the storage on first use
            pass
    return dagster_home


def _nightly_job() -> dg.JobDefinition:
    from orchestration.definitions import defs

    return defs.resolve_job_def("nightly_refresh")


def run_nightly_refresh(dagster_home: Path = DEFAULT_DAGSTER_HOME) -> RefreshResult:
    """One run of nightly_refresh over every site, with the schedule's run request."""
    from orchestration.definitions import nightly_refresh_schedule

    prepare_dagster_home(dagster_home)
    with dg.DagsterInstance.get() as instance:
        context = dg.build_schedule_context(instance=instance)
        [request] = nightly_refresh_schedule.evaluate_tick(context).run_requests or []
        tags = {**request.tags, "doingoai/trigger": "command line"}
        result = dg.execute_job(dg.reconstructable(_nightly_job), instance=instance, tags=tags)
        if not result.success:  # no daemon runs the failure sensor here: raise its alert the same way
            from orchestration.sensors import alert_failed_run

            alert_failed_run(instance, result.run_id)
        return RefreshResult(run_id=result.run_id, success=result.success, dagster_home=dagster_home)


def rerun_failed(dagster_home: Path = DEFAULT_DAGSTER_HOME, run_id: str | None = None) -> RefreshResult:
    """Re-execute a failed nightly_refresh run (the latest by default) from its failure: only the steps
    that failed or never ran, for the same sites; what succeeded is reused, not redone."""
    prepare_dagster_home(dagster_home)
    with dg.DagsterInstance.get() as instance:
        if run_id is None:
            failed = instance.get_runs(
                filters=dg.RunsFilter(job_name="nightly_refresh", statuses=[dg.DagsterRunStatus.FAILURE]),
                limit=1,
            )
            if not failed:
                raise ValueError(f"no failed nightly_refresh run in {dagster_home}")
            run_id = failed[0].run_id
        result = dg.execute_job(
            dg.reconstructable(_nightly_job),
            instance=instance,
            reexecution_options=dg.ReexecutionOptions.from_failure(run_id, instance),
            tags={"doingoai/trigger": "rerun of failed"},
        )
        if not result.success:
            from orchestration.sensors import alert_failed_run

            alert_failed_run(instance, result.run_id)
        return RefreshResult(run_id=result.run_id, success=result.success, dagster_home=dagster_home)
