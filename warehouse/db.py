"""The DuckDB file: where it is, how to open it, and its versioned schema."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
DEFAULT_DB = Path("data/warehouse.duckdb")


def db_path(path: str | Path | None = None) -> Path:
    """`path`, else $DOINGOAI_DB, else data/warehouse.duckdb."""
    return Path(path or os.environ.get("DOINGOAI_DB") or DEFAULT_DB)


@contextmanager
def connect(path: str | Path | None = None, read_only: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
    """A short-lived connection: DuckDB allows one writing process, so none is held longer than needed."""
    target = db_path(path)
    if not read_only:
        target.parent.mkdir(parents=True, exist_ok=True)
    connection = _open(target, read_only)
    try:
        connection.execute("SET TimeZone = 'Asia/Ho_Chi_Minh'")
        yield connection
    finally:
        connection.close()


def _open(target: Path, read_only: bool) -> duckdb.DuckDBPyConnection:
    """Open the file, waiting (with backoff, up to $DOINGOAI_DB_WAIT seconds, default 120) while
    another process holds it: DuckDB lets no one open a file that another process is writing."""
    deadline = time.monotonic() + float(os.environ.get("DOINGOAI_DB_WAIT", "120"))
    pause = 0.1
    while True:
        try:
            return duckdb.connect(str(target), read_only=read_only)
        except duckdb.IOException as error:
            if "lock" not in str(error).lower() or time.monotonic() + pause > deadline:
                raise
            time.sleep(pause)
            pause = min(pause * 2, 5.0)


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
