"""The analysts' copy: the marts in a file of their own, replaced atomically.

DuckDB lets one process write a file and, while it writes, no other process
open it. Analysts therefore query data/analytics.duckdb, a copy of the marts
written to a temporary file beside it and moved into place with os.replace:
an open connection keeps reading the old file, a new one sees the new file
whole, and the writer never waits for an analyst.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from warehouse.db import connect

MARTS_SCHEMA = "marts"


@dataclass(frozen=True)
class PublishedCopy:
    path: Path
    tables: dict[str, int]  # table -> rows


def mart_row_counts(db_path: str | Path | None, schema: str = MARTS_SCHEMA) -> dict[str, int]:
    with connect(db_path, read_only=True) as connection:
        tables = [
            row[0]
            for row in connection.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = ? AND table_type = 'BASE TABLE'",
                [schema],
            ).fetchall()
        ]
        return {
            t: connection.execute(f'SELECT count(*) FROM {schema}."{t}"').fetchall()[0][0]
            for t in sorted(tables)
        }


def publish_marts(db_path: str | Path | None, analytics_path: str | Path) -> PublishedCopy:
    """Copy every table of the marts schema into `analytics_path`, atomically."""
    target = Path(analytics_path)
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    temporary.unlink(missing_ok=True)
    counts = mart_row_counts(db_path)
    with connect(
        db_path
    ) as connection:  # the writer's pool slot is held; attaching needs a writable instance
        connection.execute(f"ATTACH '{temporary}' AS analytics")
        try:
            for table in counts:
                connection.execute(
                    f'CREATE TABLE analytics.main."{table}" AS SELECT * FROM {MARTS_SCHEMA}."{table}"'
                )
        finally:
            connection.execute("DETACH analytics")
    os.replace(temporary, target)
    return PublishedCopy(path=target, tables=counts)
