"""`doingoai sql`: query the analysts' copy read-only (a statement, or an interactive prompt).

The copy (data/analytics.duckdb) is replaced atomically after every good run, so a
connection held open here never blocks the pipeline and never sees a half-built table.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

import click
import duckdb
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from settings import get_settings

NUMERIC_TYPES = (
    "INTEGER",
    "BIGINT",
    "HUGEINT",
    "SMALLINT",
    "TINYINT",
    "DOUBLE",
    "FLOAT",
    "DECIMAL",
    "UBIGINT",
)


def _print(connection: duckdb.DuckDBPyConnection, statement: str, console: Console, max_rows: int) -> None:
    """Run one statement and show its rows; long texts are cut to the cell so a row stays one line."""
    cursor = connection.execute(statement)
    if cursor.description is None:
        return
    rows = cursor.fetchmany(max_rows + 1)
    shown = rows[:max_rows]
    table = Table(caption=_caption(len(shown), len(rows) > max_rows), caption_justify="left")
    # every column gets an equal share of the terminal, so a long text cannot squeeze the others out
    share = max(12, (console.width - 1) // len(cursor.description) - 3)
    for name, type_code, *_ in cursor.description:
        numeric = str(type_code).upper().startswith(NUMERIC_TYPES)
        table.add_column(
            name,
            justify="right" if numeric else "left",
            max_width=share,
            overflow="ellipsis",
            no_wrap=True,
        )
    for row in shown:
        table.add_row(*("[dim]NULL[/dim]" if value is None else _cell(value) for value in row))
    console.print(table)


def _cell(value: object) -> str:
    return escape(str(value).replace("\n", " "))  # a bracketed text is data, not rich markup


def _caption(count: int, more: bool) -> str:
    if more:
        return f"first {count} rows shown (--max-rows)"
    return f"{count} row{'s' if count != 1 else ''}"


@click.command("sql")
@click.argument("statement", required=False)
@click.option(
    "--db",
    type=click.Path(path_type=Path, dir_okay=False),
    default=lambda: get_settings().analytics_db,
    show_default="$DOINGOAI_ANALYTICS_DB or data/analytics.duckdb",
    help="The analysts' copy to query.",
)
@click.option("--max-rows", default=200, show_default=True, help="Rows shown per statement.")
def sql(statement: str | None, db: Path, max_rows: int) -> None:
    """Run STATEMENT on the analysts' copy, or open a prompt when none is given.

    The copy is opened read-only; `SHOW TABLES` and `DESCRIBE dim_article` list what is there,
    and `SELECT table_name, column_name, comment FROM duckdb_columns()` what the columns mean.
    """
    if not Path(db).exists():
        raise click.ClickException(f"{db} does not exist yet: run `make run` first")
    console = Console()
    with duckdb.connect(str(db), read_only=True) as connection:
        connection.execute("SET TimeZone = 'Asia/Ho_Chi_Minh'")  # publication times as the portals show them
        if statement:
            try:
                _print(connection, statement, console, max_rows)
            except duckdb.Error as error:
                raise click.ClickException(str(error)) from None
            return
        _prompt(connection, db, console, max_rows)


def _prompt(connection: duckdb.DuckDBPyConnection, db: Path, console: Console, max_rows: int) -> None:
    """One statement per line; an error is shown and the prompt goes on."""
    with contextlib.suppress(ImportError):
        import readline  # noqa: F401  (line editing and history for input())
    tables = ", ".join(row[0] for row in connection.execute("SHOW TABLES").fetchall())
    console.print(f"{db} (read-only). Tables: {tables}. Ctrl-D quits.")
    while True:
        try:
            line = click.prompt("sql", prompt_suffix="> ", default="", show_default=False)
        except (EOFError, click.Abort):
            break
        if not line.strip():
            continue
        try:
            _print(connection, line, console, max_rows)
        except duckdb.Error as error:
            console.print(str(error), style="red", markup=False, highlight=False)
