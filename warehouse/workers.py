"""A few worker processes for CPU-bound steps (parsing pages, extracting documents), or none.

Both steps are pure functions of each item, so a batch can be spread over the machine's cores and
gathered back in order: the results, and so everything written from them, are the same as with one
process. The workers are started with `spawn` (a fresh interpreter, not a fork of a process that
holds DuckDB connections and Dagster's threads), once per run, and only when a run has more than
one batch of work: a night with a few hundred new pages is not worth their start-up second.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from typing import Any, TypeVar

Result = TypeVar("Result")
# How a step applies a function to a batch's jobs: each job a tuple of arguments; results in order.
Runner = Callable[[Callable[..., Result], list[tuple[Any, ...]]], list[Result]]


@contextmanager
def worker_pool(workers: int) -> Iterator[Runner[Any]]:
    """A runner over `workers` processes (this process alone when 1)."""
    if workers <= 1:
        yield lambda function, jobs: [function(*job) for job in jobs]
        return
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn")) as pool:

        def run(function: Callable[..., Result], jobs: list[tuple[Any, ...]]) -> list[Result]:
            chunk = max(1, len(jobs) // (workers * 4))
            return list(pool.map(function, *zip(*jobs, strict=True), chunksize=chunk)) if jobs else []

        yield run
