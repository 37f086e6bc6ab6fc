"""The `doingoai sql` shell: runs statements and dot commands, at a prompt, from a script or an argument.

One `Shell` does the work for all three ways in, so they cannot answer differently:
- an argument (`doingoai sql "select 1; select 2"`): every statement, each result shown;
- a script on standard input (`doingoai sql < query.sql`): lines collected until a `;` ends them;
- the prompt (prompt_toolkit): Enter runs the text once it ends with `;` (or is a dot command) and
  otherwise starts a continuation line, so a pasted multi-line query runs whole. History is kept in
  DOINGOAI_SQL_HISTORY between sessions.
Before anything runs, every statement of the text is checked (cli/sql_guard.py): one refused
statement means none runs. An error stops the statements after it, and says so.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

import duckdb
from rich.console import Console
from rich.table import Table
from rich.text import Text

from cli.sql_guard import refusal
from cli.sql_render import Result, show
from cli.sql_statements import Statement, split_statements

HELP = """\
Statements end with ; (a line without one continues the statement). Ctrl-C clears it, Ctrl-D quits.
.tables        the tables, their rows and what each holds
.schema NAME   a table's columns: type and meaning
.help          this help
.quit          leave (also .exit)
Wide results are shown one block per row. Read-only: ATTACH, COPY, INSTALL, LOAD, SET and the like
are refused."""


class Quit(Exception):
    """`.quit` or `.exit` was given."""


class Shell:
    """Runs what an analyst types against one read-only connection, printing to `console` and
    problems to `errors`."""

    def __init__(
        self, connection: duckdb.DuckDBPyConnection, console: Console, errors: Console, max_rows: int
    ) -> None:
        self.connection = connection
        self.console = console
        self.errors = errors
        self.max_rows = max_rows
        self.dot_commands: dict[str, Callable[[list[str]], bool]] = {
            ".tables": self._tables,
            ".schema": self._schema,
            ".help": self._help,
            ".quit": self._quit,
            ".exit": self._quit,
        }

    def handle(self, text: str) -> bool:
        """Run `text`: a dot command, or statements. False when something was refused or failed."""
        if is_dot_command(text):
            return self.dot(text.strip())
        return self.run(split_statements(text).all_statements())

    def run(self, statements: tuple[Statement, ...]) -> bool:
        """Every statement in order, each result shown; none when one is refused."""
        refused = [(statement, reason) for statement in statements if (reason := refusal(statement))]
        for _, reason in refused:
            self._problem(reason)
        if refused:
            if len(statements) > 1:
                self._problem("Nothing was run.")
            return False
        for number, statement in enumerate(statements, start=1):
            if len(statements) > 1:
                first_line = statement.text.splitlines()[0]
                self.console.print(Text(f"[{number}/{len(statements)}] {first_line}", style="dim"))
            try:
                self._show(statement.text)
            except duckdb.Error as error:
                self._problem(str(error))
                if number < len(statements):
                    self._problem(f"The {len(statements) - number} statement(s) after it were not run.")
                return False
        return True

    def _show(self, sql: str) -> None:
        cursor = self.connection.execute(sql)
        if cursor.description is None:
            self.console.print("OK", style="dim")
            return
        rows = cursor.fetchmany(self.max_rows + 1)
        columns = tuple((name, str(type_code)) for name, type_code, *_ in cursor.description)
        show(Result(columns, rows[: self.max_rows], more=len(rows) > self.max_rows), self.console)

    def _problem(self, message: str) -> None:
        self.errors.print(message, style="red", markup=False, highlight=False, soft_wrap=True)

    # --- dot commands ----------------------------------------------------------------------------

    def dot(self, line: str) -> bool:
        """Run a dot command (`.tables`, `.schema NAME`, `.help`, `.quit`)."""
        name, *arguments = line.split()
        command = self.dot_commands.get(name.lower())
        if command is None:
            self._problem(f"Unknown command {name}: .help lists the commands.")
            return False
        return command(arguments)

    def _tables(self, arguments: list[str]) -> bool:
        listed = self.connection.execute(
            "SELECT schema_name, table_name, comment FROM duckdb_tables() "
            "WHERE NOT internal AND database_name = current_database() ORDER BY schema_name <> 'main', 1, 2"
        ).fetchall()
        table = Table(
            "table", "rows", "what it holds", caption=f"{len(listed)} tables", caption_justify="left"
        )
        table.columns[1].justify = "right"
        for schema, name, comment in listed:
            [(rows,)] = self.connection.execute(f'SELECT count(*) FROM "{schema}"."{name}"').fetchall()
            table.add_row(Text(_qualified(schema, name)), str(rows), Text(comment or ""))
        self.console.print(table)
        return True

    def _schema(self, arguments: list[str]) -> bool:
        if len(arguments) != 1:
            self._problem("Usage: .schema NAME (.tables lists the names)")
            return False
        schema, _, name = arguments[0].rpartition(".")
        found = self.connection.execute(
            "SELECT schema_name, table_name, comment FROM duckdb_tables() WHERE NOT internal "
            "AND database_name = current_database() AND lower(table_name) = lower(?) "
            "AND (? = '' OR lower(schema_name) = lower(?)) ORDER BY schema_name <> 'main'",
            [name, schema, schema],
        ).fetchall()
        if not found:
            self._problem(f"No table named {arguments[0]}: .tables lists them.")
            return False
        schema, name, comment = found[0]
        columns = self.connection.execute(
            "SELECT column_name, data_type, comment FROM duckdb_columns() WHERE database_name = "
            "current_database() AND schema_name = ? AND table_name = ? ORDER BY column_index",
            [schema, name],
        ).fetchall()
        table = Table("column", "type", "meaning", title=Text(_qualified(schema, name)), title_justify="left")
        table.columns[2].overflow = "fold"
        for column, data_type, meaning in columns:
            table.add_row(Text(column), Text(data_type), Text(meaning or ""))
        if comment:
            self.console.print(Text(comment))
        self.console.print(table)
        return True

    def _help(self, arguments: list[str]) -> bool:
        self.console.print(HELP, markup=False, highlight=False)
        return True

    def _quit(self, arguments: list[str]) -> bool:
        raise Quit


def _qualified(schema: str, name: str) -> str:
    return name if schema == "main" else f"{schema}.{name}"


def is_dot_command(text: str) -> bool:
    """A dot command is one line starting with `.`; it needs no `;`."""
    return text.strip().startswith(".")


def run_script(shell: Shell, lines: Iterable[str]) -> bool:
    """Run a script line by line as the prompt would: statements once a `;` ends them, dot commands
    on their own line, and whatever is left at the end. False when anything was refused or failed."""
    pending, ok = "", True
    try:
        for line in lines:
            if not pending.strip() and is_dot_command(line):
                ok = shell.dot(line.strip()) and ok
                continue
            pending += line if line.endswith("\n") else line + "\n"
            if split_statements(pending).complete:
                ok = shell.run(split_statements(pending).all_statements()) and ok
                pending = ""
        if pending.strip():
            ok = shell.run(split_statements(pending).all_statements()) and ok
    except Quit:
        pass
    return ok


def interactive(shell: Shell, db: Path, history: Path) -> None:
    """The prompt: Enter runs a finished text and continues an unfinished one; errors never end it."""
    from prompt_toolkit import PromptSession
    from prompt_toolkit.history import FileHistory, History, InMemoryHistory
    from prompt_toolkit.key_binding import KeyBindings, KeyPressEvent

    bindings = KeyBindings()

    @bindings.add("enter")
    def _enter(event: KeyPressEvent) -> None:
        buffer = event.current_buffer
        if is_dot_command(buffer.text) or split_statements(buffer.text).complete:
            buffer.text = buffer.text.rstrip()  # a paste's last line break: not kept in the history
            buffer.validate_and_handle()
        else:
            buffer.insert_text("\n")

    kept: History
    try:
        history.parent.mkdir(parents=True, exist_ok=True)
        kept = FileHistory(str(history))
    except OSError as error:
        shell.errors.print(f"History not kept ({error}).", style="yellow", markup=False)
        kept = InMemoryHistory()
    session: PromptSession[str] = PromptSession(
        history=kept,
        multiline=True,
        key_bindings=bindings,
        prompt_continuation=lambda width, line_number, wrapped: "...> ".rjust(width),
    )
    shell.console.print(
        f"{db} (read-only). Statements end with ;  .tables lists the tables, .help the commands, Ctrl-D quits.",
        markup=False,
        highlight=False,
    )
    while True:
        try:
            text = session.prompt("sql> ")
        except KeyboardInterrupt:
            continue  # Ctrl-C drops the text being written
        except EOFError:
            return
        if not text.strip():
            continue
        try:
            shell.handle(text)
        except Quit:
            return
