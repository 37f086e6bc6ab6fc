"""Reading a DuckDB file from a test: the one helper every warehouse test uses.

The file is opened read-only and closed at once, so a test never holds the writer's lock that the
code under test (a crawl, a run, the publishing step) needs next.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb


def query(db: Path | str, sql: str, *params: object) -> list[tuple[Any, ...]]:
    """Every row `sql` returns from the DuckDB file `db`, with `params` bound to its `?`s."""
    with duckdb.connect(str(db), read_only=True) as connection:
        return connection.execute(sql, list(params)).fetchall()


def scalar(db: Path | str, sql: str, *params: object) -> Any:
    """The one value of a query that returns one row of one column (a count, say)."""
    [(value,)] = query(db, sql, *params)
    return value
