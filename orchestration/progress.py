"""How far a run has got, stage by stage, read from its events; and why a run waits.

`doingoai run` shows the stages of `nightly_refresh` as they go (crawl, parse, extract, dbt, publish):
each is the steps whose assets sit in the groups of that stage, and its progress is how many of
their outputs (asset materializations and check results) the run has reported, out of those its plan
expects. Nothing here prints: `cli/run.py` draws it.

A run also waits, when another run holds the one slot of the pool `duckdb_writer`. Dagster says so
only at DEBUG level; `report_waits` writes it into the run's log at INFO, naming the run that holds
the slot, at most once a minute (the sensor `explain_waiting_runs` calls it in the
daemon, `doingoai run` for its own run).
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime

import dagster as dg

# the stages `doingoai run` shows, in order, and the asset groups each is made of
STAGE_GROUPS: Mapping[str, tuple[str, ...]] = {
    "crawl": ("crawl",),
    "parse": ("landing",),
    "extract": ("extraction",),
    "dbt": ("reference", "staging", "intermediate", "marts"),
    "publish": ("publish",),
}
WAIT_PREFIX = "Waiting for a slot of the pool"
WAIT_REPORT_EVERY_S = 60.0
WAITS_READ_EVERY_S = 3.0  # how often `RunProgress.update` asks the pools who waits


@dataclass
class Stage:
    name: str
    steps: set[str] = field(default_factory=set)
    expected: int = 0  # assets and checks its steps are planned to report on
    # those reported so far (each asset once, however many partitions)
    reported_keys: set[object] = field(default_factory=set)
    started: float | None = None
    finished: float | None = None
    failed_steps: list[str] = field(default_factory=list)
    finished_steps: set[str] = field(default_factory=set)
    failed_checks: int = 0
    waiting_for: str | None = None  # the run holding the slot this stage waits for

    @property
    def reported(self) -> int:
        return len(self.reported_keys)

    @property
    def status(self) -> str:
        """pending, waiting, running, failed or done."""
        if self.failed_steps:
            return "failed"
        if self.steps and self.finished_steps >= self.steps:
            return "done"
        if self.waiting_for:
            return "waiting"
        return "running" if self.started is not None else "pending"

    def elapsed(self, now: float) -> float | None:
        if self.started is None:
            return None
        return (self.finished if self.status in ("done", "failed") and self.finished else now) - self.started


def stage_of_group(group: str | None) -> str:
    return next((stage for stage, groups in STAGE_GROUPS.items() if group in groups), group or "other")


class RunProgress:
    """The stages of one run, brought up to date from its event log by `update()`."""

    def __init__(
        self, instance: dg.DagsterInstance, run: dg.DagsterRun, group_of: Mapping[dg.AssetKey, str | None]
    ):
        self.instance = instance
        self.run_id = run.run_id
        self.stages: dict[str, Stage] = {name: Stage(name) for name in STAGE_GROUPS}
        self._stage_of_step: dict[str, Stage] = {}
        self._cursor: str | None = None
        self._waits_read = 0.0
        self.run_status = run.status
        snapshot = (
            instance.get_execution_plan_snapshot(run.execution_plan_snapshot_id)
            if run.execution_plan_snapshot_id
            else None
        )
        for step in snapshot.steps if snapshot else ():
            if snapshot and snapshot.step_keys_to_execute and step.key not in snapshot.step_keys_to_execute:
                continue
            keys = [
                output.properties.asset_key
                or (
                    output.properties.asset_check_key.asset_key if output.properties.asset_check_key else None
                )
                for output in step.outputs
                if output.properties is not None
            ]
            groups = [group_of.get(key) for key in keys if key is not None]
            name = stage_of_group(groups[0] if groups else None)
            stage = self.stages.setdefault(name, Stage(name))
            stage.steps.add(step.key)
            stage.expected += sum(1 for output in step.outputs if output.properties is not None)
            self._stage_of_step[step.key] = stage

    def update(self) -> None:
        """Read the events written since the last call."""
        while True:
            connection = self.instance.get_records_for_run(self.run_id, cursor=self._cursor, limit=500)
            for record in connection.records:
                self._apply(record.event_log_entry)
            self._cursor = connection.cursor
            if not connection.has_more:
                break
        if time.monotonic() - self._waits_read >= WAITS_READ_EVERY_S:
            self._waits_read = time.monotonic()
            for stage in self.stages.values():
                stage.waiting_for = None
            for wait in waiting_steps(self.instance, [self.run_id]):
                if wait.step_key in self._stage_of_step:
                    self._stage_of_step[wait.step_key].waiting_for = wait.holder_run_id or "?"
        run = self.instance.get_run_by_id(self.run_id)
        if run is not None:
            self.run_status = run.status

    def _apply(self, entry: dg.EventLogEntry) -> None:
        event = entry.dagster_event
        if event is None or event.step_key is None or event.step_key not in self._stage_of_step:
            return
        stage = self._stage_of_step[event.step_key]
        kind = event.event_type
        if kind == dg.DagsterEventType.STEP_START and stage.started is None:
            stage.started = entry.timestamp
        elif kind == dg.DagsterEventType.ASSET_MATERIALIZATION and event.asset_key is not None:
            stage.reported_keys.add(event.asset_key)
        elif kind == dg.DagsterEventType.ASSET_CHECK_EVALUATION:
            data = event.event_specific_data
            if isinstance(data, dg.AssetCheckEvaluation):
                stage.reported_keys.add(data.asset_check_key)
                if not data.passed:
                    stage.failed_checks += 1
        elif kind == dg.DagsterEventType.STEP_SUCCESS:
            stage.finished_steps.add(event.step_key)
            stage.finished = entry.timestamp
        elif kind == dg.DagsterEventType.STEP_FAILURE:
            stage.failed_steps.append(event.step_key)
            stage.finished_steps.add(event.step_key)
            stage.finished = entry.timestamp
        elif kind == dg.DagsterEventType.STEP_SKIPPED:
            stage.finished_steps.add(event.step_key)


@dataclass(frozen=True)
class Wait:
    """A step of a run waiting for a pool's slot, and who holds it."""

    run_id: str
    step_key: str
    pool: str
    since: datetime
    holder_run_id: str | None
    holder_step_key: str | None

    def describe(self) -> str:
        held = (
            f"held by run {self.holder_run_id} (step {self.holder_step_key})"
            if self.holder_run_id
            else "being handed over"
        )
        waited = (datetime.now(UTC) - self.since).total_seconds()
        duration = f"{waited / 60:.0f} min" if waited >= 90 else f"{waited:.0f} s"
        return (
            f"{WAIT_PREFIX} {self.pool} for step {self.step_key}, {held}; waiting for {duration}. "
            f"One run writes the warehouse at a time: this run goes on when that one ends (a run whose "
            f"process died is failed by run monitoring, or by the next `doingoai run`)."
        )


def waiting_steps(instance: dg.DagsterInstance, run_ids: Iterable[str] | None = None) -> list[Wait]:
    """The steps waiting for a pool's slot (of the given runs, or of every run)."""
    wanted = set(run_ids) if run_ids is not None else None
    storage = instance.event_log_storage
    if not storage.supports_global_concurrency_limits:
        return []
    waits = []
    for pool in sorted(storage.get_concurrency_keys()):
        info = storage.get_concurrency_info(pool)
        holder = info.claimed_slots[0] if info.claimed_slots else None
        for pending in info.pending_steps:
            if pending.assigned_timestamp is not None or (
                wanted is not None and pending.run_id not in wanted
            ):
                continue
            if holder is not None and holder.run_id == pending.run_id:
                continue
            since = pending.enqueued_timestamp
            waits.append(
                Wait(
                    run_id=pending.run_id,
                    step_key=pending.step_key,
                    pool=pool,
                    since=since if since.tzinfo else since.replace(tzinfo=UTC),
                    holder_run_id=holder.run_id if holder else None,
                    holder_step_key=holder.step_key if holder else None,
                )
            )
    return waits


def report_waits(instance: dg.DagsterInstance, run_ids: Iterable[str] | None = None) -> list[Wait]:
    """Write into each waiting run's log, at INFO, why it waits, unless it was said less than a minute
    ago (by this process or another). Returns the waits reported now."""
    reported = []
    for wait in waiting_steps(instance, run_ids):
        run = instance.get_run_by_id(wait.run_id)
        if run is None or run.is_finished:
            continue
        said = instance.get_records_for_run(
            wait.run_id, of_type=dg.DagsterEventType.ENGINE_EVENT, limit=20, ascending=False
        ).records
        last = max(
            (r.timestamp for r in said if r.event_log_entry.message.startswith(WAIT_PREFIX)), default=0.0
        )
        if time.time() - last < WAIT_REPORT_EVERY_S - 1:
            continue
        instance.report_engine_event(wait.describe(), run, step_key=wait.step_key)
        reported.append(wait)
    return reported
