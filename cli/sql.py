"""`doingoai sql`: query the analysts' copy read-only (statements, a script, or an interactive prompt).

The copy (data/analytics.duckdb) is replaced atomically after every good run, so a
connection held open here never blocks the pipeline and never sees a half-built table.
How statements are cut at `;` is in cli/sql_statements.py, what is refused and why in
cli/sql_guard.py, how results are laid out in cli/sql_render.py, the shell itself in cli/sql_shell.py.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click
import duckdb
from rich.console import Console

from cli.sql_guard import open_read_only
from cli.sql_shell import Quit, Shell, interactive, run_script
from settings import get_settings


@click.command("sql")
@click.argument("statements", required=False)
@click.option(
    "--db",
    type=click.Path(path_type=Path, dir_okay=False),
    default=lambda: get_settings().analytics_db,
    show_default="$DOINGOAI_ANALYTICS_DB or data/analytics.duckdb",
    help="The DuckDB file to query (opened read-only).",
)
@click.option("--max-rows", default=200, show_default=True, help="Rows shown per statement.")
@click.pass_context
def sql(context: click.Context, statements: str | None, db: Path, max_rows: int) -> None:
    """Run STATEMENTS (several may be given, each ending with ;) or a dot command on the analysts'
    copy; with none, read a script from standard input, or open a prompt in a terminal.

    The file is opened read-only, with no access to other files or the network: ATTACH, COPY,
    INSTALL, LOAD, SET and the like are refused. `.tables` lists the tables and `.schema NAME` a
    table's columns with what each means (also `SELECT table_name, column_name, comment FROM
    duckdb_columns()`). A result too wide for the terminal is shown one block per row.
    """
    if not Path(db).exists():
        raise click.ClickException(f"{db} does not exist yet: run `make run` first")
    shell_output, problems = Console(), Console(stderr=True)
    try:
        connection = open_read_only(db)
    except duckdb.Error as error:  # not a DuckDB file, or a writer holds its lock
        raise click.ClickException(f"{db} cannot be opened read-only: {error}") from None
    with connection:
        shell = Shell(connection, shell_output, problems, max_rows)
        if statements is not None:
            try:
                ok = shell.handle(statements)
            except Quit:
                ok = True
        elif not sys.stdin.isatty():
            ok = run_script(shell, sys.stdin)
        else:
            interactive(shell, db, get_settings().sql_history)
            ok = True
    if not ok:
        context.exit(1)
