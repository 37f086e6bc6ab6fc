"""Shared fixtures and the test tiers.

- The tiers: `make test-fast` runs `pytest -m "not slow"`, the unit tests, with no sample portal, no
  Dagster run and no other process. A test leaves that tier by the fixtures it takes (`portal`,
  `sample_portal`, `dagster_instance`, `first_refresh`/`refreshed`) or by a marker (`subprocess`,
  `pipeline`, `browser`); `pytest_collection_modifyitems` below adds the markers, and in the fast tier
  starting the portal, a Dagster run or a subprocess fails the test.
- Where ../shared is (a skip when it is absent), the sample portal, a throwaway Dagster instance, and one
  full pipeline run that the end-to-end tests share, each module on its own copy of the files.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from filelock import FileLock

from sample_portal import server as portal_server
from sample_portal.server import RunningPortal
from settings import environment_with

if TYPE_CHECKING:
    import dagster as dg

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


def start_doingoai_run(env: dict[str, str], *flags: str, new_session: bool = False) -> subprocess.Popen[str]:
    """`doingoai run` in its own process, as `make run` starts it (its own sample portal on loopback);
    with `new_session`, in a process group of its own, which a test may kill whole."""
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
        start_new_session=new_session,
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
            # a worker that gave up half-way (a timeout) leaves its folder behind, and its runs stopped
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            env = pipeline_env(folder)
            runs = [start_doingoai_run(env) for _ in range(2)]
            try:
                outputs = [run.communicate(timeout=900) for run in runs]
            finally:
                for run in runs:
                    if run.poll() is None:
                        run.kill()
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


# --- the sample portal and a throwaway Dagster instance --------------------------------------------

# `start_portal`'s type: called with a state (day=2, flaky=0.3, broken_layout="thoidai"), it serves until the
# `with` block ends
StartPortal = Callable[..., AbstractContextManager[RunningPortal]]


@pytest.fixture(scope="session")
def sample_portal() -> StartPortal:
    """`start_portal` itself, for a test that needs the portal in a given state (a day, flaky answers, a
    broken layout) or two portals at once: `with sample_portal(day=2) as portal: ...`. Taking the portal
    through this fixture (or `portal`) is what puts a test in the `portal` tier."""
    return portal_server.start_portal


@pytest.fixture
def portal(sample_portal: StartPortal) -> Iterator[RunningPortal]:
    """The sample portal on a free loopback port, at its first day, for one test (which may change its state)."""
    with sample_portal() as running:
        yield running


@pytest.fixture
def dagster_instance(tmp_path: Path) -> Iterator[dg.DagsterInstance]:
    """A Dagster instance in the test's temporary folder, for a test that runs assets (`dg.materialize`)."""
    import dagster as dg

    with dg.instance_for_test(temp_dir=str(tmp_path)) as instance:
        yield instance


# --- the tiers ---------------------------------------------------------------------------------------

# What each slow tier holds (registered in pyproject.toml); `slow` is added to every test in one of them.
TIERS = ("portal", "pipeline", "subprocess", "browser")
# The fixtures that put a test in a tier, whichever test (or fixture of it) asks for them.
TIERS_OF_FIXTURE = {
    "sample_portal": ("portal",),
    "dagster_instance": ("pipeline",),
    "first_refresh": ("pipeline", "subprocess"),  # `doingoai run`s, each in its own process
}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark each test by the fixtures it uses (their whole closure: `refreshed` brings `first_refresh`),
    then mark `slow` every test in a slow tier, so `-m "not slow"` is the fast tier."""
    for item in items:
        used = set(getattr(item, "fixturenames", ()))
        for fixture, tiers in TIERS_OF_FIXTURE.items():
            if fixture in used:
                for tier in tiers:
                    item.add_marker(tier)
        if any(item.get_closest_marker(tier) for tier in TIERS):
            item.add_marker("slow")


class FastTierViolation(RuntimeError):
    """A test of the fast tier started what only the slow tiers may: the portal, a run, a process."""


@pytest.fixture(autouse=True)
def fast_tier_guard(request: pytest.FixtureRequest) -> Iterator[None]:
    """In the fast tier, starting the sample portal, a Dagster run or a subprocess raises, and fails the
    test even where the code under test catches the error: a slow test cannot sneak into `make test-fast`."""
    if request.node.get_closest_marker("slow"):
        yield
        return
    import dagster as dg

    refused: list[str] = []

    def refuse(what: str, how: str) -> Callable[..., object]:
        def refusal(*args: object, **kwargs: object) -> object:
            refused.append(what)
            raise FastTierViolation(f"{request.node.nodeid} {what} in the fast tier; {how}")

        return refusal

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(
            portal_server,
            "make_server",
            refuse("starts the sample portal", "take the `portal` or `sample_portal` fixture"),
        )
        for creates_a_run in ("create_run", "create_run_for_job", "create_reexecuted_run"):
            patch.setattr(
                dg.DagsterInstance,
                creates_a_run,
                refuse("starts a Dagster run", "take the `dagster_instance` fixture or mark it `pipeline`"),
            )
        patch.setattr(subprocess, "Popen", refuse("starts a subprocess", "mark it `subprocess`"))
        yield
    if refused:
        pytest.fail(f"{request.node.nodeid} {refused[0]}: only the slow tiers may", pytrace=False)
