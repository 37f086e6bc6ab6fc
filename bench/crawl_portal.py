"""Benchmark: crawl the whole sample portal into a fresh DuckDB file, then crawl it again.

Prints, for a first crawl, a rerun and a crawl after the portal moves to day 2: wall time of the
crawl and of the parse step, requests made (as the portal counts them; by status as raw.fetches records them), body bytes
transferred (robots.txt aside), and rows added to raw.pages and raw.documents.

    .venv/bin/python bench/crawl_portal.py [--delay 0.02]

The delay is the politeness delay between two requests to one host (the sample run uses 0.02 s;
live portals get 1 s, where a crawl's time is dominated by it: requests per site x delay).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections import Counter
from pathlib import Path

import duckdb

from sample_portal.server import RunningPortal, start_portal
from scrapers.http import Politeness
from warehouse.landing import crawl_sites, parse_pending


def rows(db: Path) -> tuple[int, int]:
    if not db.exists():
        return 0, 0
    with duckdb.connect(str(db), read_only=True) as connection:
        pages = connection.execute("SELECT count(*) FROM raw.pages").fetchone()[0]
        documents = connection.execute("SELECT count(*) FROM raw.documents").fetchone()[0]
    return pages, documents


def last_run(db: Path) -> tuple[Counter[str], int]:
    """Answers of the last run's requests by status (as raw.fetches records them), and body bytes."""
    with duckdb.connect(str(db), read_only=True) as connection:
        answers = connection.execute(
            "SELECT coalesce(status::VARCHAR, 'none'), count(*), sum(bytes) FROM raw.fetches WHERE run_id = "
            "(SELECT run_id FROM raw.crawl_runs ORDER BY started_at DESC LIMIT 1) GROUP BY 1"
        ).fetchall()
        robots = connection.execute(
            "SELECT coalesce(sum(bytes), 0) FROM raw.fetches WHERE kind = 'robots' AND run_id = "
            "(SELECT run_id FROM raw.crawl_runs ORDER BY started_at DESC LIMIT 1)"
        ).fetchone()[0]
    return Counter({status: count for status, count, _ in answers}), sum(b for *_, b in answers) - robots


def measure(label: str, db: Path, portal: RunningPortal, politeness: Politeness) -> None:
    portal.reset_stats()
    pages_before, documents_before = rows(db)
    started = time.perf_counter()
    crawl_sites(db, portal=portal.url, politeness=politeness)
    crawled = time.perf_counter()
    parse_pending(db)
    parsed = time.perf_counter()
    requests = sum(1 for r in portal.stats()["requests"] if not str(r["path"]).startswith("/__portal__"))
    statuses, body_bytes = last_run(db)
    pages, documents = rows(db)
    print(
        f"{label:<12} crawl {crawled - started:5.2f} s  parse {parsed - crawled:4.2f} s  "
        f"requests {requests:3d} ({', '.join(f'{s}: {n}' for s, n in sorted(statuses.items()))})  "
        f"page bytes {body_bytes:8,d}  +pages {pages - pages_before:2d}  +documents {documents - documents_before:2d}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--delay", type=float, default=0.02, help="seconds between requests to one host")
    options = parser.parse_args()
    politeness = Politeness(delay=options.delay, backoff=0.2, max_wait=2.0)
    with tempfile.TemporaryDirectory() as folder, start_portal() as portal:
        db = Path(folder) / "warehouse.duckdb"
        measure("first crawl", db, portal, politeness)
        measure("rerun", db, portal, politeness)
        portal.set_state(day=2)
        measure("day 2", db, portal, politeness)
        measure("day 2 rerun", db, portal, politeness)


if __name__ == "__main__":
    main()
