"""One step per pool slot, even on Dagster's SQLite storage.

Every step that writes DuckDB takes the one slot of the pool `duckdb_writer`. Dagster's SQL storage
claims a slot by reading a free one and then writing its step into it, with `SELECT ... FOR UPDATE
SKIP LOCKED` in between. SQLite has no row locks and ignores that clause, so two processes claiming at
the same moment read the same free slot and both write it: both steps run. Two `doingoai run`s launched
together did so about once in eight tries here, and two crawls then ran side by side.

`install()` makes the claim one statement, `UPDATE ... WHERE id = (a free slot) AND step_key IS NULL`,
which SQLite runs under its write lock: the second claimant updates no row and waits, as Dagster
intends. Only the SQLite storage is changed; PostgreSQL and MySQL do lock the row.

It is installed where the pool is named, `orchestration/resources.py`, which every process that runs a
step imports (the `doingoai run` process, the code server's run workers). Dagster is
pinned (pyproject.toml); `tests/test_pool_claims.py` races two processes for one slot, and fails if a
new Dagster moves what this replaces.
"""

from __future__ import annotations

import sqlalchemy as db
from dagster._core.storage.event_log.schema import ConcurrencySlotsTable
from dagster._core.storage.event_log.sql_event_log import SqlEventLogStorage
from dagster._core.storage.event_log.sqlite.sqlite_event_log import SqliteEventLogStorage
from dagster._utils.concurrency import ConcurrencySlotStatus


def _claim_one_free_slot(
    storage: SqlEventLogStorage, concurrency_key: str, run_id: str, step_key: str
) -> ConcurrencySlotStatus:
    """Give a free slot of the pool to the step in one UPDATE: claimed if it took one, else blocked."""
    free_slot = (
        db.select(ConcurrencySlotsTable.c.id)
        .where(
            ConcurrencySlotsTable.c.concurrency_key == concurrency_key,
            ConcurrencySlotsTable.c.step_key.is_(None),
            ConcurrencySlotsTable.c.deleted == db.false(),
        )
        .limit(1)
        .scalar_subquery()
    )
    with storage.index_connection() as connection:
        claimed = connection.execute(
            ConcurrencySlotsTable.update()
            .values(run_id=run_id, step_key=step_key)
            .where(ConcurrencySlotsTable.c.id == free_slot, ConcurrencySlotsTable.c.step_key.is_(None))
        ).rowcount
    return ConcurrencySlotStatus.CLAIMED if claimed else ConcurrencySlotStatus.BLOCKED


def install() -> None:
    """Make SQLite storage claim pool slots atomically (idempotent)."""
    SqliteEventLogStorage._claim_concurrency_slot = _claim_one_free_slot  # type: ignore[method-assign]
