"""The writer pool's one slot goes to one step at a time, even when two processes claim it at once.

Dagster's SQLite storage let both claimants of a free slot have it (orchestration/pool_claims.py); two
`doingoai run`s launched together then crawled side by side. Two processes here claim the slot of a new
instance at the same instant, many times over: every time, exactly one of them gets it.
"""

from __future__ import annotations

import multiprocessing
import tempfile
from multiprocessing.synchronize import Barrier
from pathlib import Path

import pytest

from orchestration.resources import DUCKDB_POOL

TRIES = 40  # without the fix, both claimed in about one try in eight


def _claimant(name: str, homes: list[str], barrier: Barrier, results: multiprocessing.Queue) -> None:
    """In its own process, as a run's worker: claim the slot of each home at the barrier's signal."""
    import dagster as dg

    import orchestration.resources  # noqa: F401  # what a run's worker imports, and what installs the fix

    for home in homes:
        with dg.DagsterInstance.from_config(home) as instance:
            storage = instance.event_log_storage
            storage.has_unassigned_slots(DUCKDB_POOL)  # connect and warm up before the race
            barrier.wait(timeout=60)
            status = storage.claim_concurrency_slot(DUCKDB_POOL, f"run-{name}", "raw_pages")
            results.put((home, name, status.is_claimed))


@pytest.mark.timeout(300)
def test_two_processes_claiming_the_writer_slot_at_once_never_both_get_it() -> None:
    from orchestration.launch import prepare_dagster_home

    folder = Path(tempfile.mkdtemp(prefix="pool-claims-"))
    homes = [str(prepare_dagster_home(folder / f"home{n}")) for n in range(TRIES)]
    context = multiprocessing.get_context("spawn")
    barrier, results = context.Barrier(2), context.Queue()
    claimants = [context.Process(target=_claimant, args=(name, homes, barrier, results)) for name in "ab"]
    for process in claimants:
        process.start()
    claimed: dict[str, list[str]] = {home: [] for home in homes}
    for _ in range(2 * TRIES):
        home, name, is_claimed = results.get(timeout=120)
        if is_claimed:
            claimed[home].append(name)
    for process in claimants:
        process.join(timeout=60)
        assert process.exitcode == 0
    doubled = [home for home, names in claimed.items() if len(names) > 1]
    assert not doubled, f"both processes had the one slot in {len(doubled)} of {TRIES} tries"
    assert all(len(names) == 1 for names in claimed.values()), claimed
