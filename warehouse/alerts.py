"""Alerts: a failed run becomes a row in ops.alerts, a log line and, when a webhook URL is given (the
orchestrator passes the setting DOINGOAI_ALERT_WEBHOOK), a JSON POST to that URL.

The row comes first, so the alert survives a webhook that is down; the alert id is the run's,
so a sensor tick that is retried records and posts nothing twice. No Dagster here: the
orchestrator turns its run into an `Alert` and calls `raise_alert`.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
from tenacity import (
    RetryCallState,
    Retrying,
    retry_if_exception_type,
    retry_if_result,
    stop_after_attempt,
    wait_exponential,
)

from warehouse.db import connect, migrate

logger = logging.getLogger("doingoai.alerts")


@dataclass(frozen=True)
class Alert:
    kind: str  # run_failure
    job_name: str
    run_id: str
    summary: str
    failed_steps: tuple[str, ...] = ()
    failed_checks: tuple[str, ...] = ()
    details: dict[str, Any] = field(default_factory=dict)
    raised_at: datetime = field(default_factory=lambda: datetime.now(UTC))

    @property
    def alert_id(self) -> str:
        return f"{self.kind}:{self.run_id}"

    def payload(self) -> dict[str, Any]:
        """What the webhook receives: flat, readable JSON."""
        return {
            "alert_id": self.alert_id,
            "kind": self.kind,
            "job_name": self.job_name,
            "run_id": self.run_id,
            "summary": self.summary,
            "failed_steps": list(self.failed_steps),
            "failed_checks": list(self.failed_checks),
            "raised_at": self.raised_at.isoformat(),
            "details": self.details,
        }


@dataclass(frozen=True)
class AlertOutcome:
    recorded: bool  # False when this alert was already in ops.alerts
    webhook_status: int | None = None
    webhook_error: str | None = None


def raise_alert(
    alert: Alert,
    db_path: str | Path | None = None,
    webhook_url: str | None = None,
    log: Callable[[str], None] | None = None,
) -> AlertOutcome:
    """Record the alert, log it, and post it to `webhook_url` when one is given."""
    with connect(db_path) as connection:
        migrate(connection)
        inserted = connection.execute(
            """
            INSERT INTO ops.alerts VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL)
            ON CONFLICT DO NOTHING RETURNING alert_id
            """,
            [
                alert.alert_id,
                alert.raised_at,
                alert.kind,
                alert.job_name,
                alert.run_id,
                alert.summary,
                list(alert.failed_steps),
                list(alert.failed_checks),
                json.dumps(alert.details, default=str),
                webhook_url,
            ],
        ).fetchall()
    if not inserted:
        return AlertOutcome(recorded=False)
    line = f"ALERT {alert.kind} {alert.job_name} run {alert.run_id}: {alert.summary}"
    logger.error(line)
    if log is not None:
        log(line)
    if not webhook_url:
        return AlertOutcome(recorded=True)
    status, error = post_webhook(webhook_url, alert.payload())
    with connect(db_path) as connection:
        connection.execute(
            "UPDATE ops.alerts SET webhook_status = ?, webhook_error = ? WHERE alert_id = ?",
            [status, error, alert.alert_id],
        )
    if error:
        logger.error(f"alert {alert.alert_id}: webhook {webhook_url} failed: {error}")
    return AlertOutcome(recorded=True, webhook_status=status, webhook_error=error)


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


def recent_alerts(db_path: str | Path | None = None, limit: int = 20) -> list[dict[str, Any]]:
    """The newest alerts, newest first."""
    with connect(db_path, read_only=True) as connection:
        cursor = connection.execute("SELECT * FROM ops.alerts ORDER BY raised_at DESC LIMIT ?", [limit])
        columns = [column[0] for column in cursor.description]
        return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]
