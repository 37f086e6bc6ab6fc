"""`doingoai sql`: statements cut at `;`, every result shown, layouts, dot commands, the read-only locks,
and (through tmux, a real terminal) a pasted two-line query answering as the same query on one line."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner
from rich.console import Console

from cli.sql import sql
from cli.sql_guard import REFUSED, open_read_only, refusal
from cli.sql_render import LONG_TEXT, Result, show
from cli.sql_shell import Quit, Shell, run_script
from cli.sql_statements import split_statements
from settings import environment_with

ROOT = Path(__file__).resolve().parent.parent
AID_ROWS = 7


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A small analysts' copy: a described fct_aid of AID_ROWS rows and a 24-column table."""
    path = tmp_path / "analytics.duckdb"
    with duckdb.connect(str(path)) as connection:
        connection.execute(
            "CREATE TABLE fct_aid AS SELECT i AS aid_id, 'donor ' || i AS donor_name, i * 1e9 AS amount_vnd "
            f"FROM range({AID_ROWS}) t(i)"
        )
        connection.execute("COMMENT ON TABLE fct_aid IS 'One row per donation'")
        connection.execute("COMMENT ON COLUMN fct_aid.donor_name IS 'Who gave, as written'")
        columns = ", ".join(f"'value {number} of row ' || i AS column_{number}" for number in range(24))
        connection.execute(f"CREATE TABLE dim_article AS SELECT {columns} FROM range(5) t(i)")
    return path


@pytest.fixture
def shell(db: Path) -> Iterator[tuple[Shell, io.StringIO, io.StringIO]]:
    output, errors = io.StringIO(), io.StringIO()
    with open_read_only(db) as connection:
        yield (
            Shell(connection, _console(output), _console(errors), max_rows=200),
            output,
            errors,
        )


def _console(file: io.StringIO, width: int = 80) -> Console:
    return Console(file=file, width=width, color_system=None, force_terminal=False)


# --- where statements end ------------------------------------------------------------------------


def _texts(text: str) -> list[str]:
    return [statement.text for statement in split_statements(text).all_statements()]


def test_statements_end_at_semicolons_not_at_line_ends() -> None:
    assert _texts("select count(*)\nfrom fct_aid;") == ["select count(*)\nfrom fct_aid"]
    assert _texts("select 1; select 2;\nselect 3") == ["select 1", "select 2", "select 3"]
    assert _texts("select 1;; -- nothing here\n;") == ["select 1"]


def test_a_semicolon_inside_a_string_a_name_or_a_comment_ends_nothing() -> None:
    assert _texts("select 'a;b', 'it''s; fine';") == ["select 'a;b', 'it''s; fine'"]
    assert _texts('select 1 as "x;y";') == ['select 1 as "x;y"']
    assert _texts("select 1 -- one; two\n, 2;") == ["select 1 -- one; two\n, 2"]
    assert _texts("select /* a; /* nested; */ still; */ 1;") == ["select /* a; /* nested; */ still; */ 1"]
    assert _texts("select $$a;b$$, $tag$c;$$;d$tag$;") == ["select $$a;b$$, $tag$c;$$;d$tag$"]
    assert _texts(r"select E'a\';b';") == [r"select E'a\';b'"]
    assert _texts(r"select 'a\';select 2;") == [r"select 'a\'", "select 2"]  # no E: \ is a character


def test_a_text_is_complete_only_when_a_semicolon_ends_it_outside_quotes_and_comments() -> None:
    assert split_statements("select 1;").complete
    assert split_statements("select 1; -- done\n").complete
    assert split_statements("").complete
    assert not split_statements("select count(*)").complete
    assert not split_statements("select 'a;").complete
    assert not split_statements("select 1 /* ; ").complete
    assert not split_statements("select 1; select 2").complete


def test_comments_are_blanked_in_the_statements_code() -> None:
    [statement] = split_statements("/* header */ -- line\n copy (select 1) to 'x';").statements
    assert statement.leading_words(1) == ("COPY",)
    assert statement.text.startswith("/* header */")


# --- what is refused -----------------------------------------------------------------------------

REFUSED_EXAMPLES = [
    "attach '/tmp/other.duckdb' as other (read_only false)",
    "detach other",
    "copy (select 1) to '/tmp/x.csv'",
    "copy fct_aid from '/tmp/x.csv'",
    "copy from database analytics to other",
    "install httpfs",
    "force install httpfs",
    "load httpfs",
    "update extensions",
    "export database '/tmp/out'",
    "import database '/tmp/out'",
    "set enable_external_access = true",
    "reset lock_configuration",
    "pragma threads = 4",
    "pragma enable_profiling",
    "pragma import_database('/tmp/out')",
    "/* hidden */ COPY (select 1) TO '/tmp/x.csv'",
    "  Install\n httpfs",
]


@pytest.mark.parametrize("sql", REFUSED_EXAMPLES)
def test_every_statement_that_could_reach_a_file_the_network_or_the_settings_is_refused(sql: str) -> None:
    [statement] = split_statements(sql).all_statements()
    reason = refusal(statement)
    assert reason and "\n" not in reason and "refused" in reason


def test_every_refusal_rule_has_an_example_above() -> None:
    reasons = {refusal(split_statements(example).all_statements()[0]) for example in REFUSED_EXAMPLES}
    assert {rule.reason for rule in REFUSED} <= reasons


@pytest.mark.parametrize(
    "sql",
    [
        "select * from fct_aid",
        "with x as (select 1) select * from x",
        "describe fct_aid",
        "show tables",
        "set variable since = date '2024-01-01'",
        "reset variable since",
        "create temp table mine as select 1",
        "pragma table_info('fct_aid')",
        "pragma show_tables",
        "select 'copy' as word",
    ],
)
def test_reading_statements_are_not_refused(sql: str) -> None:
    assert refusal(split_statements(sql).all_statements()[0]) is None


def test_the_pragmas_that_read_run(shell: tuple) -> None:
    run, output, _ = shell
    assert run.handle("pragma table_info('fct_aid'); pragma show_tables; pragma version;")
    assert "donor_name" in output.getvalue() and "dim_article" in output.getvalue()


# --- the engine's lock, even for a statement that got past the shell ------------------------------


def test_the_connection_reads_no_file_writes_nothing_and_keeps_its_settings(db: Path, tmp_path: Path) -> None:
    target = tmp_path / "x.csv"
    with open_read_only(db) as connection:
        assert connection.execute("SELECT count(*) FROM fct_aid").fetchall() == [(AID_ROWS,)]
        assert connection.execute("SELECT current_setting('TimeZone')").fetchall() == [("Asia/Ho_Chi_Minh",)]
        for statement in (
            "SELECT * FROM read_text('/etc/shadow')",
            "SELECT * FROM read_csv('/etc/passwd')",
            f"COPY (SELECT 1) TO '{target}'",
            f"ATTACH '{tmp_path / 'other.duckdb'}' AS other",
            "SET enable_external_access = true",
            "SET lock_configuration = false",
            "DROP TABLE fct_aid",
            "LOAD httpfs",
        ):
            with pytest.raises(duckdb.Error):
                connection.execute(statement)
        started = time.monotonic()
        with pytest.raises(duckdb.Error, match="disabled by configuration"):
            connection.execute("INSTALL httpfs")  # refused before any download is tried
        assert time.monotonic() - started < 5
    assert not target.exists() and not (tmp_path / "other.duckdb").exists()


# --- layouts ---------------------------------------------------------------------------------------


def test_a_result_too_wide_for_the_terminal_is_shown_one_block_per_row(shell: tuple) -> None:
    run, output, _ = shell
    assert run.handle("select * from dim_article limit 5")
    shown = output.getvalue()
    assert "…" not in shown
    assert shown.count("row ") >= 5 and "value 23 of row 4" in shown
    assert max(len(line) for line in shown.splitlines()) <= 80


def test_a_result_that_fits_is_a_table_and_long_texts_are_cut_only_when_that_makes_it_fit() -> None:
    columns = (("name", "VARCHAR"), ("note", "VARCHAR"))
    narrow = io.StringIO()
    show(Result(columns, [("a", "short")], more=False), _console(narrow))
    assert "┃ name ┃ note" in narrow.getvalue() and "1 row" in narrow.getvalue()
    long_note = "x" * 70
    cut = io.StringIO()
    show(Result(columns, [("a", long_note)], more=False), _console(cut, width=60))
    assert "…" in cut.getvalue() and f"past {LONG_TEXT} characters cut" in cut.getvalue()
    whole = io.StringIO()
    show(Result(columns, [("a", long_note)], more=False), _console(whole, width=120))
    assert long_note in whole.getvalue() and "…" not in whole.getvalue()


def test_rows_left_out_are_said(shell: tuple) -> None:
    run, output, _ = shell
    run.max_rows = 3
    assert run.handle("select * from fct_aid")
    assert "first 3 rows shown (--max-rows)" in output.getvalue()


# --- running statements ----------------------------------------------------------------------------


def test_every_statements_result_is_shown(shell: tuple) -> None:
    run, output, _ = shell
    assert run.handle("select 41 + 1 as first_answer; select 'second' as second_answer;")
    shown = output.getvalue()
    assert "[1/2]" in shown and "first_answer" in shown and "42" in shown
    assert "[2/2]" in shown and "second_answer" in shown


def test_one_refused_statement_and_none_runs(shell: tuple) -> None:
    run, _, errors = shell
    assert not run.handle("create temp table mine as select 1 as a; copy mine to '/tmp/mine.csv';")
    assert errors.getvalue().startswith("COPY is refused")
    assert "Nothing was run." in errors.getvalue()
    assert not run.handle("select * from mine")  # the first statement never ran either
    assert "mine does not exist" in errors.getvalue()


def test_an_error_stops_the_statements_after_it_and_says_so(shell: tuple) -> None:
    run, output, errors = shell
    assert not run.handle("select * from no_such_table; select 'never' as shown;")
    assert (
        "no_such_table" in errors.getvalue() and "1 statement(s) after it were not run" in errors.getvalue()
    )
    assert "never" not in output.getvalue()


def test_a_script_answers_a_two_line_query_as_the_same_query_on_one_line(shell: tuple) -> None:
    run, output, _ = shell
    assert run_script(run, io.StringIO("select count(*) as n\nfrom fct_aid;\n"))
    two_lines = output.getvalue()
    output.truncate(0)
    output.seek(0)
    assert run_script(run, io.StringIO("select count(*) as n from fct_aid;\n"))
    assert output.getvalue() == two_lines and f"│ {AID_ROWS} │" in two_lines


def test_a_script_runs_its_last_statement_without_a_semicolon_and_its_dot_commands(shell: tuple) -> None:
    run, output, _ = shell
    assert run_script(run, io.StringIO(".tables\nselect 'last' as word"))
    assert "fct_aid" in output.getvalue() and "last" in output.getvalue()


# --- dot commands ----------------------------------------------------------------------------------


def test_tables_lists_each_table_with_its_rows_and_description(shell: tuple) -> None:
    run, output, _ = shell
    assert run.handle(".tables")
    line = next(line for line in output.getvalue().splitlines() if "fct_aid" in line)
    assert str(AID_ROWS) in line and "One row per donation" in line


def test_schema_shows_a_tables_columns_with_type_and_meaning(shell: tuple) -> None:
    run, output, errors = shell
    assert run.handle(".schema fct_aid")
    line = next(line for line in output.getvalue().splitlines() if "donor_name" in line)
    assert "VARCHAR" in line and "Who gave, as written" in line
    assert run.handle(".schema main.FCT_AID")
    assert not run.handle(".schema nothing_here")
    assert "No table named nothing_here" in errors.getvalue()
    assert not run.handle(".schema")
    assert "Usage: .schema NAME" in errors.getvalue()


def test_help_unknown_commands_and_quit(shell: tuple) -> None:
    run, output, errors = shell
    assert run.handle(".help") and ".schema NAME" in output.getvalue()
    assert not run.handle(".frobnicate") and ".help lists the commands" in errors.getvalue()
    with pytest.raises(Quit):
        run.handle(".quit")
    with pytest.raises(Quit):
        run.handle("  .exit")


# --- the command ------------------------------------------------------------------------------------


def test_the_command_refuses_copy_with_one_line_and_writes_nothing(db: Path, tmp_path: Path) -> None:
    target = tmp_path / "x.csv"
    result = CliRunner().invoke(sql, ["--db", str(db), f"copy (select 1) to '{target}'"])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [next(r.reason for r in REFUSED if r.words == ("COPY",))]
    assert not target.exists()


def test_the_command_runs_several_statements_and_a_script_on_standard_input(db: Path) -> None:
    runner = CliRunner()
    several = runner.invoke(sql, ["--db", str(db), "select 1 as one; select 2 as two"])
    assert several.exit_code == 0 and "one" in several.output and "two" in several.output
    script = runner.invoke(sql, ["--db", str(db)], input="select count(*) as n\nfrom fct_aid;\n")
    assert script.exit_code == 0 and f"│ {AID_ROWS} │" in script.output
    failing = runner.invoke(sql, ["--db", str(db), "select * from read_text('/etc/shadow')"])
    assert failing.exit_code == 1 and "disabled by configuration" in failing.output


def test_the_command_says_when_the_copy_is_missing_or_unreadable(tmp_path: Path) -> None:
    result = CliRunner().invoke(sql, ["--db", str(tmp_path / "none.duckdb"), "select 1"])
    assert result.exit_code == 1 and "run `make run` first" in result.output
    (tmp_path / "text.duckdb").write_text("not a database")
    result = CliRunner().invoke(sql, ["--db", str(tmp_path / "text.duckdb"), "select 1"])
    assert result.exit_code == 1 and "cannot be opened read-only" in result.output


# --- a real terminal ----------------------------------------------------------------------------------


@pytest.mark.subprocess
def test_a_query_pasted_over_two_lines_in_a_terminal_answers_as_on_one_line(db: Path, tmp_path: Path) -> None:
    """tmux is the terminal: the same count, typed on one line, typed over two, and pasted (bracketed
    paste, as a terminal pastes); the prompt's history is kept in DOINGOAI_SQL_HISTORY."""
    if shutil.which("tmux") is None:
        pytest.skip("tmux is not installed (`make test` installs it: the Makefile's tmux target)")
    history = tmp_path / "history"
    terminal = _Tmux(tmp_path / "tmux.sock")
    command = (
        f"env DOINGOAI_SQL_HISTORY={history} COLUMNS=100 {sys.executable} -c "
        f"'from cli.main import main; main()' sql --db {db}"
    )
    terminal.start(command, cwd=ROOT)
    try:
        terminal.wait_for("sql>")
        terminal.type("select count(*) as n from fct_aid;")
        terminal.wait_for("1 row", count=1)
        terminal.type("select count(*) as n")
        terminal.wait_for("...>")
        terminal.type("from fct_aid;")
        terminal.wait_for("1 row", count=2)
        terminal.paste("select count(*) as n\nfrom fct_aid;\n")
        terminal.wait_for("1 row", count=3)
        screen = terminal.screen()
        assert re.findall(r"│ *(\d+) *│", screen) == [str(AID_ROWS)] * 3, screen
        assert "Error" not in screen, screen
        terminal.type(".quit")
        terminal.wait_until_gone()
    finally:
        terminal.stop()
    kept = history.read_text()
    assert "+select count(*) as n\n+from fct_aid;" in kept, kept


class _Tmux:
    """A tmux server of the test's own (its socket in the test's folder): type, paste, read the screen."""

    def __init__(self, socket: Path) -> None:
        self.base = ["tmux", "-S", str(socket)]

    def _tmux(self, *arguments: str) -> str:
        return subprocess.run([*self.base, *arguments], capture_output=True, text=True, check=True).stdout

    def start(self, command: str, cwd: Path) -> None:
        environment = environment_with({"TERM": "xterm-256color"})
        subprocess.run(
            [*self.base, "new-session", "-d", "-x", "100", "-y", "50", "-c", str(cwd), command],
            env=environment,
            check=True,
        )

    def type(self, line: str) -> None:
        """Type `line` and Enter; a final `;` is escaped, since tmux reads one as a command separator."""
        self._tmux("send-keys", "-t", "0", "-l", line[:-1] + "\\;" if line.endswith(";") else line)
        self._tmux("send-keys", "-t", "0", "Enter")

    def paste(self, text: str) -> None:
        """Paste as a terminal does (bracketed paste), then Enter."""
        self._tmux("set-buffer", "-b", "pasted", text)
        self._tmux("paste-buffer", "-p", "-b", "pasted", "-t", "0")
        self._tmux("send-keys", "-t", "0", "Enter")

    def screen(self) -> str:
        return self._tmux("capture-pane", "-p", "-S", "-200", "-t", "0")

    def wait_for(self, text: str, count: int = 1, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while self.screen().count(text) < count:
            assert time.monotonic() < deadline, f"{text!r} x{count} never shown:\n{self.screen()}"
            time.sleep(0.2)

    def wait_until_gone(self, timeout: float = 15) -> None:
        deadline = time.monotonic() + timeout
        while subprocess.run([*self.base, "has-session"], capture_output=True).returncode == 0:
            assert time.monotonic() < deadline, "the shell did not quit"
            time.sleep(0.2)

    def stop(self) -> None:
        subprocess.run([*self.base, "kill-server"], capture_output=True)
