"""Alert on every failed run: a row in ops.alerts, a log line, and a POST to $DOINGOAI_ALERT_WEBHOOK.

The sensor runs in the Dagster daemon (`make ui` starts one). `make run` has no daemon, so
`orchestration.launch` raises the same alert itself when its run fails; the alert id is the
run's, so a run is never alerted twice. A failed run's crawl, if it was still 'running' (its process
died), is closed as 'aborted' at the same time.

A second sensor, `explain_waiting_runs`, writes into each run that waits for the warehouse's writer
slot, once a minute and at INFO, which run holds it (`orchestration/progress.py`).
"""

import logging
from collections.abc import Callable
from typing import NamedTuple

import dagster as dg
import duckdb

from orchestration.progress import WAIT_REPORT_EVERY_S, report_waits
from settings import get_settings
from warehouse.alerts import Alert, AlertOutcome, raise_alert
from warehouse.landing import abort_crawl_runs

logger = logging.getLogger("doingoai.alerts")


class CheckOutcome(NamedTuple):
    asset: str
    check: str
    passed: bool
    severity: str  # ERROR | WARN
    description: str | None


def check_results(instance: dg.DagsterInstance, run_id: str) -> list[CheckOutcome]:
    """Every check the run evaluated, in order."""
    results = []
    for record in instance.all_logs(run_id, of_type=dg.DagsterEventType.ASSET_CHECK_EVALUATION):
        evaluation = record.dagster_event.event_specific_data if record.dagster_event else None
        if isinstance(evaluation, dg.AssetCheckEvaluation):
            results.append(
                CheckOutcome(
                    evaluation.asset_key.to_user_string(),
                    evaluation.check_name,
                    evaluation.passed,
                    evaluation.severity.value,
                    evaluation.description,
                )
            )
    return results


def alert_for_run(instance: dg.DagsterInstance, run: dg.DagsterRun) -> Alert:
    """What a person needs from a failed run: which steps failed, which checks failed and why."""
    failed_steps, step_errors = [], {}
    for record in instance.all_logs(run.run_id, of_type=dg.DagsterEventType.STEP_FAILURE):
        event = record.dagster_event
        if event is None:
            continue
        failed_steps.append(event.step_key or "?")
        error = event.step_failure_data.error if event.step_failure_data else None
        step_errors[event.step_key or "?"] = error.message.strip() if error else event.message
    failed_checks = [
        f"{c.asset}:{c.check}: {c.description or 'failed'}" + (" (warning)" if c.severity == "WARN" else "")
        for c in check_results(instance, run.run_id)
        if not c.passed
    ]
    stats = instance.get_run_stats(run.run_id)
    duration = (stats.end_time - stats.start_time) if stats.end_time and stats.start_time else None
    if failed_checks:
        summary = f"{len(failed_checks)} check(s) failed: " + "; ".join(failed_checks)
    elif failed_steps:
        first = failed_steps[0]
        summary = f"step {first} failed: {step_errors.get(first, '')}".strip()
    else:  # the run failed outside any step: its worker died, or it was stopped before a step began
        failures = instance.all_logs(run.run_id, of_type=dg.DagsterEventType.PIPELINE_FAILURE)
        reason = failures[-1].message if failures else ""
        summary = f"run {run.status.value.lower()}" + (f": {reason}" if reason else "")
    return Alert(
        kind="run_failure",
        job_name=run.job_name,
        run_id=run.run_id,
        summary=summary[:1000],
        failed_steps=tuple(failed_steps),
        failed_checks=tuple(failed_checks),
        details={
            "status": run.status.value,
            "tags": dict(run.tags),
            "duration_s": round(duration, 1) if duration is not None else None,
            "step_errors": step_errors,
        },
    )


def alert_failed_run(
    instance: dg.DagsterInstance, run_id: str, log: Callable[[str], None] | None = None
) -> AlertOutcome:
    run = instance.get_run_by_id(run_id)
    if run is None:
        raise ValueError(f"no run {run_id} in this Dagster instance")
    settings = get_settings()  # read now: the daemon is long-lived
    return raise_alert(
        alert_for_run(instance, run), settings.alerts_file, webhook_url=settings.alert_webhook, log=log
    )


def settle_failed_run(
    instance: dg.DagsterInstance, run_id: str, log: Callable[[str], None] | None = None
) -> AlertOutcome:
    """What a failed run leaves behind, dealt with: its alert raised (once per run), and a crawl it
    began and never closed (its process was killed) closed as 'aborted'.

    The alert comes first and needs no lock on the warehouse (`warehouse/alerts.py`). Closing the crawl
    does: when a reader holds the warehouse past the lock wait, the crawl row stays 'running' and this
    says so, instead of failing the caller (`doingoai run` would end in a traceback)."""
    outcome = alert_failed_run(instance, run_id, log=log)
    try:
        abort_crawl_runs(get_settings().db, started_by=run_id)
    except duckdb.Error as error:
        message = f"run {run_id}: its crawl row could not be closed as 'aborted' ({error})"
        logger.warning(message)
        if log is not None:
            log(message)
    return outcome


@dg.run_failure_sensor(
    name="alert_on_run_failure",
    default_status=dg.DefaultSensorStatus.RUNNING,
    minimum_interval_seconds=30,
    description="Records every failed run in ops.alerts, logs it, and posts it to $DOINGOAI_ALERT_WEBHOOK.",
)
def alert_on_run_failure(context: dg.RunFailureSensorContext) -> None:
    outcome = settle_failed_run(context.instance, context.dagster_run.run_id, log=context.log.error)
    if outcome.webhook_error:
        context.log.warning(f"webhook failed: {outcome.webhook_error}")


@dg.sensor(
    name="explain_waiting_runs",
    default_status=dg.DefaultSensorStatus.RUNNING,
    minimum_interval_seconds=int(WAIT_REPORT_EVERY_S),
    description="Once a minute, writes into every run waiting for the duckdb_writer slot (INFO) which run "
    "holds it.",
)
def explain_waiting_runs(context: dg.SensorEvaluationContext) -> dg.SkipReason:
    waits = report_waits(context.instance)
    return dg.SkipReason(
        "; ".join(f"run {w.run_id[:8]} waits for {w.pool}" for w in waits) or "no run is waiting for a slot"
    )
