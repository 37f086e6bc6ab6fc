"""Shared fixtures: where ../shared is (a skip when it is absent), and one full pipeline run that the
end-to-end tests share, each module on its own copy of the files."""

from __future__ import annotations

import dataclasses
import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from filelock import FileLock

from settings import environment_with

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
# the files of a pipeline run, inside one folder
WAREHOUSE, ANALYTICS, DAGSTER_HOME = "warehouse.duckdb", "analytics.duckdb", "dagster_home"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not (SHARED / "eval" / "dev").is_dir():
        pytest.skip(f"{SHARED} is absent: the seeds and the dev set live there, outside the repository")
    return SHARED


@dataclass(frozen=True)
class Refreshed:
    """A warehouse, its analysts' copy and a DAGSTER_HOME after good `doingoai run`s."""

    folder: Path
    env: dict[str, str]  # the environment that points a run, `doingoai sql` or the UI at these files
    run_ids: tuple[str, ...]  # the runs so far, all good
    outputs: tuple[str, ...]  # what each `doingoai run` printed

    @property
    def warehouse(self) -> Path:
        return self.folder / WAREHOUSE

    @property
    def analytics(self) -> Path:
        return self.folder / ANALYTICS

    @property
    def dagster_home(self) -> Path:
        return self.folder / DAGSTER_HOME


def pipeline_env(folder: Path) -> dict[str, str]:
    """The test process's environment, pointed at the files in `folder` and at no outside portal."""
    env = environment_with(without=("DOINGOAI_PORTAL", "DOINGOAI_BROKEN_LAYOUT", "DOINGOAI_ALERT_WEBHOOK"))
    return env | {
        "DOINGOAI_DB": str(folder / WAREHOUSE),
        "DOINGOAI_ANALYTICS_DB": str(folder / ANALYTICS),
        "DOINGOAI_CRAWL_DELAY": "0",
        "DAGSTER_HOME": str(folder / DAGSTER_HOME),
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}",
    }


def start_doingoai_run(env: dict[str, str], *flags: str) -> subprocess.Popen[str]:
    """`doingoai run` in its own process, as `make run` starts it (its own sample portal on loopback)."""
    return subprocess.Popen(
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
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def doingoai_run(env: dict[str, str], *flags: str) -> subprocess.CompletedProcess[str]:
    """`doingoai run` to its end."""
    process = start_doingoai_run(env, *flags)
    stdout, stderr = process.communicate(timeout=900)
    return subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)


def run_id_in(output: str) -> str:
    match = re.search(r"Dagster run ([0-9a-f-]{36}):", output)
    assert match, output[-3000:]
    return match.group(1)


@pytest.fixture(scope="session")
def first_refresh(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Refreshed:
    """Two `doingoai run`s launched together on an empty warehouse (the schedule and a person, say),
    done once for the whole session, whichever pytest-xdist worker asks first (the others wait for
    it): a whole run takes a minute or more. Both must wait their turn for the DuckDB writer; the
    second then finds nothing new (test_orchestration.py checks both)."""
    shared = tmp_path_factory.getbasetemp()
    if worker_id != "master":
        shared = shared.parent  # the folder all workers' temporary folders are in
    folder, record = shared / "first_refresh", shared / "first_refresh.json"
    with FileLock(shared / "first_refresh.lock"):
        if not record.exists():
            folder.mkdir()
            env = pipeline_env(folder)
            runs = [start_doingoai_run(env) for _ in range(2)]
            outputs = [run.communicate(timeout=900) for run in runs]
            record.write_text(
                json.dumps(
                    [[run.returncode, out, err] for run, (out, err) in zip(runs, outputs, strict=True)]
                )
            )
    runs = json.loads(record.read_text())
    for returncode, stdout, stderr in runs:
        assert returncode == 0, (stdout + stderr)[-4000:]
    printed = tuple(stdout for _, stdout, _ in runs)
    return Refreshed(folder, pipeline_env(folder), tuple(run_id_in(out) for out in printed), printed)


@pytest.fixture(scope="module")
def refreshed(first_refresh: Refreshed, tmp_path_factory: pytest.TempPathFactory) -> Refreshed:
    """A copy of the first refresh's files for one test module, which may run on and break it freely."""
    folder = tmp_path_factory.mktemp("refreshed")
    shutil.copytree(first_refresh.folder, folder, dirs_exist_ok=True)
    return dataclasses.replace(first_refresh, folder=folder, env=pipeline_env(folder))
