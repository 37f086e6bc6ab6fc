"""The analysts' copy: the marts in a file of their own, replaced atomically.

DuckDB lets one process write a file and, while it writes, no other process
open it. Analysts therefore query data/analytics.duckdb, a copy of the marts
written to a temporary file beside it and moved into place with os.replace:
an open connection keeps reading the old file, a new one sees the new file
whole, and the writer never waits for an analyst.

CREATE TABLE ... AS SELECT copies rows, not comments, so the descriptions
dbt's persist_docs wrote on the marts and their columns are copied after
them with COMMENT ON: analysts read them in duckdb_tables().comment and
duckdb_columns().comment of their copy.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import duckdb

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
            copy_comments(connection, MARTS_SCHEMA, "analytics")
        finally:
            connection.execute("DETACH analytics")
    os.replace(temporary, target)
    return PublishedCopy(path=target, tables=counts)


def _quoted(text: str) -> str:
    """`text` as an SQL string literal (COMMENT ON takes no bound parameters)."""
    return "'" + text.replace("'", "''") + "'"


def copy_comments(connection: duckdb.DuckDBPyConnection, schema: str, target_database: str) -> int:
    """Write the comments of the tables of `schema`, and of their columns, on the tables of the same
    names in `target_database`'s main schema; return how many comments were written.

    Only tables present in both and comments that are set are copied (a column dbt left undescribed
    keeps no comment, as in the warehouse)."""
    source = connection.execute("SELECT current_database()").fetchall()[0]
    tables = connection.execute(
        """SELECT source.table_name, source.comment FROM duckdb_tables() AS source
           JOIN duckdb_tables() AS target USING (table_name)
           WHERE source.database_name = ? AND source.schema_name = ? AND source.comment IS NOT NULL
             AND target.database_name = ? AND target.schema_name = 'main'""",
        [source[0], schema, target_database],
    ).fetchall()
    columns = connection.execute(
        """SELECT source.table_name, source.column_name, source.comment FROM duckdb_columns() AS source
           JOIN duckdb_columns() AS target USING (table_name, column_name)
           WHERE source.database_name = ? AND source.schema_name = ? AND source.comment IS NOT NULL
             AND target.database_name = ? AND target.schema_name = 'main'""",
        [source[0], schema, target_database],
    ).fetchall()
    for table, comment in tables:
        connection.execute(f'COMMENT ON TABLE {target_database}.main."{table}" IS {_quoted(comment)}')
    for table, column, comment in columns:
        connection.execute(
            f'COMMENT ON COLUMN {target_database}.main."{table}"."{column}" IS {_quoted(comment)}'
        )
    return len(tables) + len(columns)
