"""Shared fixtures: where ../shared is (a skip when it is absent), and one full pipeline run that the
end-to-end tests share, each module on its own copy of the files."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not (SHARED / "eval" / "dev").is_dir():
        pytest.skip(f"{SHARED} is absent: the seeds and the dev set live there, outside the repository")
    return SHARED


@dataclass(frozen=True)
class Refreshed:
    """A warehouse, its analysts' copy and a DAGSTER_HOME after one good `doingoai run`."""

    folder: Path
    env: dict[str, str]  # the environment that points a run, `doingoai sql` or the UI at these files
    run_id: str
    output: str  # what `doingoai run` printed

    @property
    def warehouse(self) -> Path:
        return self.folder / "warehouse.duckdb"

    @property
    def analytics(self) -> Path:
        return self.folder / "analytics.duckdb"

    @property
    def dagster_home(self) -> Path:
        return self.folder / "dagster_home"


def pipeline_env(folder: Path) -> dict[str, str]:
    """The test process's environment, pointed at the files in `folder` and at no outside portal."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DOINGOAI_PORTAL", "DOINGOAI_BROKEN_LAYOUT", "DOINGOAI_ALERT_WEBHOOK")
    }
    return env | {
        "DOINGOAI_DB": str(folder / "warehouse.duckdb"),
        "DOINGOAI_ANALYTICS_DB": str(folder / "analytics.duckdb"),
        "DOINGOAI_CRAWL_DELAY": "0",
        "DAGSTER_HOME": str(folder / "dagster_home"),
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
    }


def doingoai_run(env: dict[str, str], *flags: str) -> subprocess.CompletedProcess[str]:
    """`doingoai run` in its own process, as `make run` starts it (its own sample portal on loopback)."""
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "from cli.main import main; main()",
            "run",
            "--dagster-home",
            env["DAGSTER_HOME"],
            *flags,
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )


def run_id_in(output: str) -> str:
    match = re.search(r"Dagster run ([0-9a-f-]{36}):", output)
    assert match, output[-3000:]
    return match.group(1)


@pytest.fixture(scope="session")
def first_refresh(tmp_path_factory: pytest.TempPathFactory) -> Refreshed:
    """One full run from an empty warehouse, done once: a whole run takes a minute or more."""
    folder = tmp_path_factory.mktemp("first_refresh")
    env = pipeline_env(folder)
    result = doingoai_run(env)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output[-4000:]
    return Refreshed(folder, env, run_id_in(result.stdout), result.stdout)


@pytest.fixture(scope="module")
def refreshed(first_refresh: Refreshed, tmp_path_factory: pytest.TempPathFactory) -> Refreshed:
    """A copy of the first refresh's files for one test module, which may run on and break it freely."""
    folder = tmp_path_factory.mktemp("refreshed")
    shutil.copytree(first_refresh.folder, folder, dirs_exist_ok=True)
    return Refreshed(folder, pipeline_env(folder), first_refresh.run_id, first_refresh.output)
