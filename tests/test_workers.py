"""Parsing and extraction over worker processes give what one process gives (issue 13, item 3)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.queries import query
from tests.test_parsing import PARAGRAPHS, START, article, land, url
from warehouse.extracting import extract_pending
from warehouse.parsing import parse_pending

pytestmark = pytest.mark.subprocess  # worker processes


def test_two_workers_parse_and_extract_exactly_as_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    alone, pooled = tmp_path / "alone.duckdb", tmp_path / "pooled.duckdb"
    for number in range(9):
        land(alone, url(number), article(f"Bài số {number}", PARAGRAPHS[: 1 + number % 3]).encode(), START)
    land(alone, url(9), b"\x00 not a page", START)  # held back, in either way
    shutil.copy(alone, pooled)
    monkeypatch.setenv("DOINGOAI_BATCH_SIZE", "4")  # three batches: the workers start
    for db, workers in ((alone, "1"), (pooled, "2")):
        monkeypatch.setenv("DOINGOAI_WORKERS", workers)
        parse_pending(db)
        extract_pending(db)
    documents = "SELECT url, title, body_text, text_hash, unmatched_selectors FROM raw.documents ORDER BY url"
    held = "SELECT url, reason FROM raw.held_versions ORDER BY url"
    records = (
        "SELECT document_url, status, text_chars, people, amounts, events FROM extracted.documents ORDER BY 1"
    )
    for sql in (documents, held, records):
        assert query(pooled, sql) == query(alone, sql)
    assert len(query(pooled, records)) == 9
