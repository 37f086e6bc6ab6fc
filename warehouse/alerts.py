"""Alerts: a failed run becomes a row in ops.alerts, a log line and, when $DOINGOAI_ALERT_WEBHOOK
is set, a JSON POST to that URL.

The row comes first, so the alert survives a webhook that is down; the alert id is the run's,
so a sensor tick that is retried records and posts nothing twice. No Dagster here: the
orchestrator turns its run into an `Alert` and calls `raise_alert`.
"""

from __future__ import annotations

import json
import logging
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx

from warehouse.db import connect, migrate

WEBHOOK_ENV = "DOINGOAI_ALERT_WEBHOOK"
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
    """Record the alert, log it, and post it to the webhook ($DOINGOAI_ALERT_WEBHOOK when not given)."""
    webhook_url = webhook_url or os.environ.get(WEBHOOK_ENV) or None
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
    """POST the payload as JSON; retry connection errors and 5xx a few times. (status, error)."""
    status: int | None = None
    error: str | None = None
    for attempt in range(attempts):
        if attempt:
            time.sleep(0.5 * 2 ** (attempt - 1))
        try:
            response = httpx.post(url, json=payload, timeout=timeout)
        except httpx.HTTPError as exc:
            status, error = None, f"{type(exc).__name__}: {exc}"
            continue
        status = response.status_code
        if status < 400:
            return status, None
        error = f"HTTP {status}: {response.text[:200]}"
        if status < 500:
            break  # the endpoint refuses this payload; asking again will not help
    return status, error


def recent_alerts(db_path: str | Path | None = None, limit: int = 20) -> list[dict[str, Any]]:
    """The newest alerts, newest first."""
    with connect(db_path, read_only=True) as connection:
        cursor = connection.execute("SELECT * FROM ops.alerts ORDER BY raised_at DESC LIMIT ?", [limit])
        columns = [column[0] for column in cursor.description]
        return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]
