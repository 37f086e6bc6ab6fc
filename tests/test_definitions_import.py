"""Importing the Dagster definitions does no heavy work: no process is started (no `dbt parse`).

Proved in a fresh interpreter, where nothing is imported yet, with an audit hook: Python raises an
audit event for every way of starting a process (subprocess, os.system, os.posix_spawn, fork, exec).
Dagster itself is imported first: its own import runs `file -b python` once (platform.architecture(),
called by its vendored croniter), which no code of ours can avoid; after it, nothing may start.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from settings import environment_with
from tests.conftest import ROOT

pytestmark = pytest.mark.subprocess  # the proof needs an interpreter that has imported nothing yet

PROBE = """
import sys

STARTS = ("subprocess.Popen", "os.system", "os.posix_spawn", "os.fork", "os.forkpty", "os.exec", "os.spawn")
started = []
sys.addaudithook(lambda event, args: started.append(f"{event}: {args!r:.200}") if event in STARTS else None)

import dagster  # noqa: E402,F401

print("started by import dagster:", len(started))
started.clear()
import orchestration.definitions  # noqa: E402,F401

print("started during import:", len(started))
print("\\n".join(started))
import subprocess  # noqa: E402

subprocess.run([sys.executable, "-c", "pass"], check=True)  # the hook must see this one
print("started afterwards:", len(started))
"""


def test_importing_the_definitions_starts_no_process() -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=ROOT,
        env=environment_with(without=["DAGSTER_IS_DEV_CLI"]),  # `dagster dev` alone parses at load
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    lines = result.stdout.splitlines()
    assert lines[1] == "started during import: 0", result.stdout[-3000:]
    assert lines[-1] == "started afterwards: 1"
