"""`doingoai sql`: query the analysts' copy read-only (a statement, or an interactive prompt)."""

from __future__ import annotations

import os
from pathlib import Path

import click
import duckdb
from rich.console import Console
from rich.table import Table


def _print(connection: duckdb.DuckDBPyConnection, statement: str, console: Console) -> None:
    cursor = connection.execute(statement)
    if cursor.description is None:
        return
    table = Table(show_lines=False)
    for column in cursor.description:
        table.add_column(column[0])
    for row in cursor.fetchall():
        table.add_row(*("" if value is None else str(value) for value in row))
    console.print(table)


@click.command("sql")
@click.argument("statement", required=False)
@click.option(
    "--db",
    type=click.Path(path_type=Path, dir_okay=False),
    default=lambda: os.environ.get("DOINGOAI_ANALYTICS_DB", "data/analytics.duckdb"),
    show_default="$DOINGOAI_ANALYTICS_DB or data/analytics.duckdb",
)
def sql(statement: str | None, db: Path) -> None:
    """Run STATEMENT on the analysts' copy, or open a prompt when none is given."""
    if not Path(db).exists():
        raise click.ClickException(f"{db} does not exist yet: run `make run` first")
    console = Console()
    with duckdb.connect(str(db), read_only=True) as connection:
        if statement:
            _print(connection, statement, console)
            return
        console.print(
            f"{db} (read-only). Tables: "
            + ", ".join(r[0] for r in connection.execute("SHOW TABLES").fetchall())
            + ". Ctrl-D quits."
        )
        while True:
            try:
                line = click.prompt("sql", prompt_suffix="> ")
            except (EOFError, click.Abort):
                break
            try:
                _print(connection, line, console)
            except duckdb.Error as error:
                console.print(f"[red]{error}[/red]")
