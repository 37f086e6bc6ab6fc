"""The test tiers hold (tests/conftest.py): a test that takes the portal leaves the fast tier by itself,
and one that starts the portal, a Dagster run or a process without saying so fails there, even when
the code under test swallows the refusal. Checked on a small suite run by pytest in this process."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest_plugins = ["pytester"]

CONFTEST = Path(__file__).with_name("conftest.py").read_text(encoding="utf-8")

SUITE = """
import subprocess

import dagster as dg
import pytest

from sample_portal.server import start_portal


def test_plain():
    assert True


def test_takes_the_portal(portal):
    assert portal.url


def test_takes_a_dagster_instance(dagster_instance):
    assert dagster_instance


@pytest.mark.subprocess
def test_marked_as_starting_a_process():
    subprocess.run(["true"], check=True)


def test_starts_a_process_unmarked():
    subprocess.run(["true"], check=True)


def test_swallows_the_refusal():
    try:
        subprocess.run(["true"], check=True)
    except Exception:
        pass


def test_starts_the_portal_by_hand():
    with start_portal():
        pass


def test_runs_an_asset_unmarked():
    @dg.asset
    def one() -> int:
        return 1

    dg.materialize([one])
"""


def test_the_fast_tier_leaves_out_the_slow_tests_and_fails_those_that_do_not_say_they_are(
    pytester: pytest.Pytester,
) -> None:
    pytester.makeconftest(CONFTEST)
    pytester.makepyfile(test_suite=SUITE)
    fast = pytester.runpytest_inprocess("-m", "not slow", "-p", "no:cacheprovider", "-rA")

    # the portal's and the Dagster instance's users, and the marked test, are not in the fast tier
    assert fast.parseoutcomes()["deselected"] == 3, fast.stdout.str()
    fast.stdout.fnmatch_lines(["PASSED test_suite.py::test_plain"])
    for test, refusal in [
        ("test_starts_a_process_unmarked", "starts a subprocess"),
        ("test_swallows_the_refusal", "starts a subprocess"),  # the refusal was caught: still an error
        ("test_starts_the_portal_by_hand", "starts the sample portal"),
        ("test_runs_an_asset_unmarked", "starts a Dagster run"),
    ]:
        fast.stdout.fnmatch_lines([f"test_suite.py::{test} {refusal}: only the slow tiers may"])
        fast.stdout.fnmatch_lines([f"ERROR test_suite.py::{test} - Failed: *"])
