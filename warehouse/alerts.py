"""Alerts: something a person must know about (a failed run, a site whose discovery stopped, a broken
site file) becomes a log line, a JSON POST to a webhook when one is given (the orchestrator passes the
setting DOINGOAI_ALERT_WEBHOOK), and a row in ops.alerts.

In that order, so an alert always gets out: the log line and the webhook come first and depend on no
file, and ops.alerts lives in a DuckDB file of its own (DOINGOAI_ALERTS_DB, alerts.duckdb beside the
warehouse), so an analyst holding the warehouse open cannot stop an alert from being recorded either.
That file is opened with the same bounded lock wait as every other (DOINGOAI_DB_WAIT); if it cannot be
written in time, the failure is logged and the alert has still been logged and posted.

The alert id is the run's (and the subject's, for a per-site alert), so a sensor tick that is retried
logs, posts and records nothing twice. No Dagster here: the orchestrator turns what it saw into an
`Alert` and calls `raise_alert`.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb
import httpx
from tenacity import (
    RetryCallState,
    Retrying,
    retry_if_exception_type,
    retry_if_result,
    stop_after_attempt,
    wait_exponential,
)

from settings import get_settings
from warehouse.db import connect

logger = logging.getLogger("doingoai.alerts")


@dataclass(frozen=True)
class Alert:
    kind: str  # run_failure, discovery, site_config
    job_name: str
    run_id: str
    summary: str
    subject: str | None = None  # what a per-run alert is about (a site, a file); part of its id
    failed_steps: tuple[str, ...] = ()
    failed_checks: tuple[str, ...] = ()
    details: dict[str, Any] = field(default_factory=dict)
    raised_at: datetime = field(default_factory=lambda: datetime.now(UTC))

    @property
    def alert_id(self) -> str:
        return f"{self.kind}:{self.run_id}" + (f":{self.subject}" if self.subject else "")

    def payload(self) -> dict[str, Any]:
        """What the webhook receives: flat, readable JSON."""
        return {
            "alert_id": self.alert_id,
            "kind": self.kind,
            "job_name": self.job_name,
            "run_id": self.run_id,
            "subject": self.subject,
            "summary": self.summary,
            "failed_steps": list(self.failed_steps),
            "failed_checks": list(self.failed_checks),
            "raised_at": self.raised_at.isoformat(),
            "details": self.details,
        }


@dataclass(frozen=True)
class AlertOutcome:
    recorded: bool  # False when this alert was raised before (nothing was logged or posted again)
    webhook_status: int | None = None
    webhook_error: str | None = None
    stored_error: str | None = None  # why ops.alerts could not be written, when it could not


# ops.alerts in the alerts file. Migration 005 created the same table in the warehouse, where alerts
# raised before DOINGOAI_ALERTS_DB existed stay.
ALERTS_TABLE = """
CREATE SCHEMA IF NOT EXISTS ops;
CREATE TABLE IF NOT EXISTS ops.alerts (
    alert_id       VARCHAR PRIMARY KEY,   -- <kind>:<run_id>[:<subject>]: one alert however often it is raised
    raised_at      TIMESTAMPTZ NOT NULL,
    kind           VARCHAR NOT NULL,      -- run_failure, discovery, site_config
    job_name       VARCHAR NOT NULL,
    run_id         VARCHAR NOT NULL,
    summary        VARCHAR NOT NULL,      -- one line for a person
    failed_steps   VARCHAR[] NOT NULL,
    failed_checks  VARCHAR[] NOT NULL,    -- "<asset>:<check>: <what it found>"
    details        JSON,                  -- everything else the run said about its failure
    webhook_url    VARCHAR,               -- where the alert was posted, if anywhere
    webhook_status INTEGER,               -- that endpoint's HTTP status; NULL when no answer came
    webhook_error  VARCHAR                -- why the post failed, when it did
);
COMMENT ON TABLE ops.alerts IS 'One row per alert: a failed run, a site whose discovery stopped, a broken site file; and whether the webhook was told.';
"""


def alerts_path(path: str | Path | None = None) -> Path:
    """`path`, else the setting DOINGOAI_ALERTS_DB (default alerts.duckdb beside the warehouse)."""
    return Path(path) if path else get_settings().alerts_file


def raise_alert(
    alert: Alert,
    alerts_db: str | Path | None = None,
    webhook_url: str | None = None,
    log: Callable[[str], None] | None = None,
) -> AlertOutcome:
    """Log the alert, post it to `webhook_url` when one is given, then record it in ops.alerts.

    Nothing here raises: an alert that cannot be recorded has been logged and posted, and says why
    it was not stored in its outcome and in the log."""
    if _already_raised(alert, alerts_db):
        return AlertOutcome(recorded=False)
    line = f"ALERT {alert.kind} {alert.job_name} run {alert.run_id}: {alert.summary}"
    logger.error(line)
    if log is not None:
        log(line)
    status, error = post_webhook(webhook_url, alert.payload()) if webhook_url else (None, None)
    if error:
        logger.error(f"alert {alert.alert_id}: webhook {webhook_url} failed: {error}")
    stored_error = None
    try:
        with connect(alerts_path(alerts_db)) as connection:
            connection.execute(ALERTS_TABLE)
            connection.execute(
                "INSERT INTO ops.alerts VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                [
                    alert.alert_id,
                    alert.raised_at,
                    alert.kind,
                    alert.job_name,
                    alert.run_id,
                    alert.summary,
                    list(alert.failed_steps),
                    list(alert.failed_checks),
                    json.dumps({"subject": alert.subject, **alert.details}, default=str),
                    webhook_url,
                    status,
                    error,
                ],
            )
    except duckdb.Error as failure:  # held by another process past the wait, or unwritable
        stored_error = f"{type(failure).__name__}: {failure}"
        logger.error(
            f"alert {alert.alert_id} logged and posted but not stored in {alerts_path(alerts_db)}: {stored_error}"
        )
    return AlertOutcome(recorded=True, webhook_status=status, webhook_error=error, stored_error=stored_error)


def _already_raised(alert: Alert, alerts_db: str | Path | None) -> bool:
    """Whether ops.alerts already holds this alert, looked up without waiting (the log line must not
    wait for a lock). A file that cannot be read now counts as no: an alert told twice is better than
    one never told."""
    path = alerts_path(alerts_db)
    if not path.exists():
        return False
    try:
        with duckdb.connect(str(path), read_only=True) as connection:
            found = connection.execute("SELECT 1 FROM ops.alerts WHERE alert_id = ?", [alert.alert_id])
            return bool(found.fetchall())
    except duckdb.Error as failure:
        logger.warning(f"alert {alert.alert_id}: could not look in {path} for an earlier one: {failure}")
        return False


def post_webhook(
    url: str, payload: dict[str, Any], attempts: int = 3, timeout: float = 10.0
) -> tuple[int | None, str | None]:
    """POST the payload as JSON: (status, error) of the last try. Connection errors and 5xx are tried
    again, `attempts` times in all, after 0.5 s then 1 s...; a 4xx is not: the endpoint refuses this
    payload, and asking again will not help."""
    retrying = Retrying(
        retry=retry_if_exception_type(httpx.HTTPError) | retry_if_result(_server_error),
        wait=wait_exponential(multiplier=0.5),
        stop=stop_after_attempt(attempts),
        retry_error_callback=_last_outcome,
    )
    try:
        response: httpx.Response = retrying(httpx.post, url, json=payload, timeout=timeout)
    except httpx.HTTPError as exc:
        return None, f"{type(exc).__name__}: {exc}"
    if response.status_code < 400:
        return response.status_code, None
    return response.status_code, f"HTTP {response.status_code}: {response.text[:200]}"


def _server_error(response: httpx.Response) -> bool:
    return response.status_code >= 500


def _last_outcome(state: RetryCallState) -> httpx.Response:
    """When the tries run out: the last answer (a 5xx), or the last connection error raised again."""
    assert state.outcome is not None, "tenacity gives up only after a try"
    return state.outcome.result()


def recent_alerts(alerts_db: str | Path | None = None, limit: int = 20) -> list[dict[str, Any]]:
    """The newest alerts, newest first."""
    with connect(alerts_path(alerts_db), read_only=True) as connection:
        cursor = connection.execute("SELECT * FROM ops.alerts ORDER BY raised_at DESC LIMIT ?", [limit])
        columns = [column[0] for column in cursor.description]
        return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]
