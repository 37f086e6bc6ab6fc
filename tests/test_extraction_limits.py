"""Extraction in bounded memory and bounded time (issue 13 item 3, issue 14 item 9): texts read chunk by
chunk, a text over the size limit never read, an extraction past the time limit stopped, each recorded
and the run going on; `doingoai extract` refusing a huge file at once. Small DuckDB files, no portal."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import warehouse.extracting as extracting
from cli.extract import extract as extract_command
from extraction import Extraction, extract
from tests.queries import query
from tests.test_parsing import PARAGRAPHS, START, article, land, url
from warehouse.extracting import extract_pending
from warehouse.parsing import parse_pending


@pytest.fixture(autouse=True)
def in_this_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """The fast tier starts no process: the work runs here (the workers' own test is in test_workers.py)."""
    monkeypatch.setenv("DOINGOAI_WORKERS", "1")


@pytest.fixture
def parsed(tmp_path: Path) -> Path:
    """Five parsed articles, the third one ten times as long as the others."""
    db = tmp_path / "w.duckdb"
    for number in range(5):
        paragraphs = PARAGRAPHS * (10 if number == 2 else 1)
        land(db, url(number), article(f"Bài số {number}", paragraphs).encode(), START)
    assert parse_pending(db)["thoidai"].parsed == 5
    return db


def outcomes(db: Path) -> dict[str, str]:
    return dict(query(db, "SELECT document_url, status FROM extracted.documents"))


def test_texts_are_read_one_chunk_at_a_time(parsed: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DOINGOAI_BATCH_SIZE", "2")
    sizes: list[int] = []
    real = extracting._with_texts

    def spy(connection: Any, chunk: list[Any], max_chars: int) -> Any:
        sizes.append(len(chunk))
        return real(connection, chunk, max_chars)

    monkeypatch.setattr(extracting, "_with_texts", spy)
    summary = extract_pending(parsed)
    assert sizes == [2, 2, 1] and summary.documents == 5 and summary.failed == 0
    assert set(outcomes(parsed).values()) == {"ok"}


def test_a_text_over_the_size_limit_is_recorded_unread_and_the_run_goes_on(
    parsed: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    longest = len("\n\n".join(PARAGRAPHS * 10))
    monkeypatch.setenv("DOINGOAI_EXTRACT_MAX_CHARS", str(longest - 1))
    read: list[str] = []

    def extractor(text: str, published_on: date | None) -> Extraction:
        read.append(text)
        return extract(text, published_on)

    summary = extract_pending(parsed, extractor=extractor)
    assert (summary.documents, summary.failed) == (4, 1)
    assert outcomes(parsed)[url(2)] == "too_large"
    assert all(len(text) < longest for text in read)  # the big text never reached the extractor
    [(error, chars)] = query(
        parsed, "SELECT error, text_chars FROM extracted.documents WHERE status = 'too_large'"
    )
    assert "DOINGOAI_EXTRACT_MAX_CHARS" in error and chars == longest
    assert extract_pending(parsed).documents == 0  # not retried: the same text meets the same limit


def test_an_extraction_past_the_time_limit_is_stopped_recorded_and_the_run_goes_on(
    parsed: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DOINGOAI_EXTRACT_TIMEOUT", "0.3")

    def stuck_on_the_long_one(text: str, published_on: date | None) -> Extraction:
        if len(text) > 1000:
            time.sleep(30)  # as a text that sends the extractor into a long search would
        return extract(text, published_on)

    started = time.monotonic()
    summary = extract_pending(parsed, extractor=stuck_on_the_long_one)
    assert time.monotonic() - started < 10
    assert (summary.documents, summary.failed) == (4, 1)
    assert outcomes(parsed)[url(2)] == "too_slow"


def test_doingoai_extract_refuses_a_huge_text_at_once(tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as out:
        out.write(("Đoàn cán bộ trao quà. " * 1000).encode() * 2000)  # about 50 MB
    runner = CliRunner()
    started = time.monotonic()
    result = runner.invoke(extract_command, [str(huge)])
    assert time.monotonic() - started < 5
    assert result.exit_code == 1
    assert "over the limit" in result.output and "DOINGOAI_EXTRACT_MAX_CHARS" in result.output


def test_doingoai_extract_refuses_a_text_just_over_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DOINGOAI_EXTRACT_MAX_CHARS", "50")
    text = tmp_path / "a.txt"
    text.write_text(
        "Đoàn cán bộ của Liên hiệp trao 200 suất quà cho học sinh ngày 5/11/2020.", encoding="utf-8"
    )
    result = CliRunner().invoke(extract_command, [str(text)])
    assert result.exit_code == 1 and "characters, over the limit of 50" in result.output


def test_doingoai_extract_reads_a_legacy_encoded_page(tmp_path: Path) -> None:
    from scrapers.legacy_encodings import encode

    page = tmp_path / "cu.html"
    body = "".join(f"<p>{paragraph}</p>" for paragraph in PARAGRAPHS)
    html = f'<html><head><title>Tin</title></head><body style="font-family: VNI-Times">{body}</body></html>'
    page.write_bytes(encode(html, "vni"))
    result = CliRunner().invoke(extract_command, [str(page)])
    assert result.exit_code == 0, result.output
    assert "Liên hiệp các tổ chức hữu nghị" in result.output
