"""The DuckDB file: where it is, how to open it, and its versioned schema."""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
from tenacity import RetryCallState, Retrying, retry_if_exception, stop_before_delay, wait_exponential

from settings import get_settings

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
WAIT_LOG_EVERY_S = 30.0  # while waiting for a lock, one log line at the start and then this often

logger = logging.getLogger("doingoai.db")

# Pages and documents land in batches, each batch new row groups. DuckDB's checkpoint (when a writing
# connection closes, or its WAL passes a threshold) "vacuums" by merging neighbouring row groups that
# are not full, of every table, which rereads all their rows at once, page bodies included: merges of
# 2, 4, 8... batches, so memory peaked at the size of the whole archive (2.1 GB in the crawl of 20,000
# pages of 67 KB; 1.5 GB after 16 batches of 500 in a test of landing alone, 0.6 GB without merges).
# Raw tables are appended to, rarely deleted from, so a vacuum has little to reclaim: it is off for
# every writing connection (dbt's too: dbt_project/profiles.yml).
NO_VACUUM_MERGES = "SET max_vacuum_tasks = 0"


def db_path(path: str | Path | None = None) -> Path:
    """`path`, else the setting DOINGOAI_DB (default data/warehouse.duckdb)."""
    return Path(path or get_settings().db)


@contextmanager
def connect(
    path: str | Path | None = None, read_only: bool = False, wait: float | None = None
) -> Iterator[duckdb.DuckDBPyConnection]:
    """A short-lived connection: DuckDB allows one writing process, so none is held longer than needed.
    `wait`: seconds to wait for another process's lock (default DOINGOAI_DB_WAIT)."""
    target = db_path(path)
    if not read_only:
        target.parent.mkdir(parents=True, exist_ok=True)
    connection = open_waiting(target, read_only, get_settings().db_wait if wait is None else wait)
    try:
        connection.execute("SET TimeZone = 'Asia/Ho_Chi_Minh'")
        # past the limit DuckDB spills to disk; the setting's pattern admits only a size
        connection.execute(f"SET memory_limit = '{get_settings().duckdb_memory_limit}'")
        if not read_only:
            connection.execute(NO_VACUUM_MERGES)
        yield connection
    finally:
        connection.close()


def open_waiting(target: Path, read_only: bool, wait: float) -> duckdb.DuckDBPyConnection:
    """Open the file, waiting while another process holds it: DuckDB lets no one open a file that
    another process is writing. Waits 0.1 s, then twice as long each time (at most 5 s), and gives up
    rather than wait past `wait` seconds; any other error is raised at once. A wait is logged (WARNING,
    logger doingoai.db) when it begins and every 30 s, so a delayed run says why."""
    began = time.monotonic()
    logged = [-WAIT_LOG_EVERY_S]

    def say_why(state: RetryCallState) -> None:
        waited = time.monotonic() - began
        if waited - logged[0] >= WAIT_LOG_EVERY_S:
            logged[0] = waited
            logger.warning(
                f"waiting for {target}: another process holds its lock (waited {waited:.0f} s of at most "
                f"{wait:.0f} s): {state.outcome.exception() if state.outcome else ''}"
            )

    waiting = Retrying(
        retry=retry_if_exception(_is_held_by_another_process),
        wait=wait_exponential(multiplier=0.1, max=5.0),
        stop=stop_before_delay(wait),
        before_sleep=say_why,
        reraise=True,
    )
    connection = waiting(duckdb.connect, str(target), read_only=read_only)
    if logged[0] >= 0:
        logger.warning(f"{target}: opened after waiting {time.monotonic() - began:.0f} s for its lock")
    return connection


def _is_held_by_another_process(error: BaseException) -> bool:
    return isinstance(error, duckdb.IOException) and "lock" in str(error).lower()


def migrate(connection: duckdb.DuckDBPyConnection) -> list[str]:
    """Apply the migrations not yet applied, each in its own transaction; return their names."""
    connection.execute("CREATE SCHEMA IF NOT EXISTS raw")
    connection.execute(
        "CREATE TABLE IF NOT EXISTS raw.schema_migrations (version VARCHAR PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL)"
    )
    done = {row[0] for row in connection.execute("SELECT version FROM raw.schema_migrations").fetchall()}
    applied = []
    for path in sorted(MIGRATIONS.glob("[0-9][0-9][0-9]_*.sql")):
        if path.stem in done:
            continue
        connection.execute("BEGIN TRANSACTION")
        try:
            connection.execute(path.read_text(encoding="utf-8"))
            connection.execute("INSERT INTO raw.schema_migrations VALUES (?, now())", [path.stem])
            connection.execute("COMMIT")
        except Exception:
            connection.execute("ROLLBACK")
            raise
        applied.append(path.stem)
    return applied
