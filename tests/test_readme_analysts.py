"""The README's routes for analysts, run exactly as written, from a folder laid out like the repository
after `make run` (data/ holding a refreshed warehouse and analysts' copy, .venv, dbt_project/).

Every `.venv/bin/doingoai sql` and `.venv/bin/dbt` command in README.md (in ```bash blocks or inline
code) and every ```python block runs through bash or Python and must succeed without an error, so a
route that fails for an analyst (a missing command, pandas absent, an API DuckDB no longer has, a
profile that needs a variable set) fails here first.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from settings import environment_with
from tests.conftest import Refreshed

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
COMMAND_STARTS = (".venv/bin/doingoai sql", ".venv/bin/dbt ")
PROMPT = ".venv/bin/doingoai sql"  # the interactive prompt, driven through tmux in tests/test_cli_sql.py


def _fenced(language: str) -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```", README, flags=re.DOTALL | re.MULTILINE)


def readme_commands() -> list[str]:
    """The analysts' shell commands: lines of ```bash blocks, and inline code, that start a route."""
    lines = [line.strip() for block in _fenced("bash") for line in block.splitlines()]
    prose = re.sub(r"^```.*?^```", "", README, flags=re.DOTALL | re.MULTILINE)
    inline = [" ".join(span.split()) for span in re.findall(r"`([^`\n]*(?:\n[^`\n]*)?)`", prose)]
    found = [
        command
        for command in [*lines, *inline]
        if command.startswith(COMMAND_STARTS) and command != PROMPT  # the prompt: tests/test_cli_sql.py
    ]
    return list(dict.fromkeys(found))  # each once, in README order


def readme_python() -> list[str]:
    return _fenced("python")


def test_the_readme_has_the_analysts_routes() -> None:
    commands = readme_commands()
    assert any(command.startswith(".venv/bin/dbt compile") for command in commands)
    assert any("--db data/warehouse.duckdb" in command for command in commands)
    assert any('"select * from dim_article limit 5"' in command for command in commands)
    assert any(".df()" in block and "fetchall()" in block for block in readme_python())
    assert "duckdb data/" not in README  # no DuckDB CLI here that reads DuckDB 2.0's files


@pytest.fixture(scope="module")
def repository_after_make_run(refreshed: Refreshed, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder like the repository's after `make run`: data/ the refreshed files, .venv the test's own
    environment, dbt_project/ a copy (dbt compile writes its target/ there, not in the repository)."""
    folder = tmp_path_factory.mktemp("repository")
    (folder / "data").symlink_to(refreshed.folder, target_is_directory=True)
    (folder / ".venv").symlink_to(Path(sys.executable).parent.parent, target_is_directory=True)
    shutil.copytree(
        ROOT / "dbt_project",
        folder / "dbt_project",
        ignore=shutil.ignore_patterns("target", "logs", "dbt_packages", ".*"),
    )
    return folder


def _analysts_environment() -> dict[str, str]:
    """An analyst's shell: the default file locations, no portal, a history of the test's own."""
    return environment_with(without=("DOINGOAI_DB", "DOINGOAI_ANALYTICS_DB", "DOINGOAI_PORTAL")) | {
        "COLUMNS": "120"
    }


@pytest.mark.parametrize("command", readme_commands())
def test_each_readme_command_works_as_written(repository_after_make_run: Path, command: str) -> None:
    if "compiled/doingoai/analyses" in command:  # the compiled analyses come from the compile command
        compile_command = next(c for c in readme_commands() if c.startswith(".venv/bin/dbt compile"))
        _run_bash(compile_command, repository_after_make_run)
    result = _run_bash(command, repository_after_make_run)
    assert result.stdout.strip(), command
    assert "Error" not in result.stdout + result.stderr, result.stdout + result.stderr


@pytest.mark.parametrize("code", readme_python())
def test_each_readme_python_block_works_as_written(repository_after_make_run: Path, code: str) -> None:
    result = subprocess.run(
        [str(repository_after_make_run / ".venv" / "bin" / "python"), "-c", code],
        cwd=repository_after_make_run,
        env=_analysts_environment(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.strip()


def _run_bash(command: str, folder: Path) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        ["bash", "-c", command],
        cwd=folder,
        env=_analysts_environment() | {"DOINGOAI_SQL_HISTORY": str(folder / "sql_history")},
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, f"{command}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return result
