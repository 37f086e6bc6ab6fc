"""The two waits outside the crawler, on tenacity: opening a DuckDB file another process holds, and
posting an alert to a webhook that fails. The sleeps are recorded instead of slept."""

from __future__ import annotations

import time
from pathlib import Path

import duckdb
import httpx
import pytest

from warehouse import db
from warehouse.alerts import post_webhook


@pytest.fixture
def waits(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The seconds tenacity would have slept (it sleeps through time.sleep)."""
    slept: list[float] = []
    monkeypatch.setattr(time, "sleep", slept.append)
    return slept


def _connect_failing(monkeypatch: pytest.MonkeyPatch, errors: list[Exception]) -> list[str]:
    """duckdb.connect raises `errors` one after the other, then opens the file; returns the tries."""
    tries: list[str] = []
    real_connect = duckdb.connect

    def connect(database: str, read_only: bool = False) -> duckdb.DuckDBPyConnection:
        tries.append(database)
        if errors:
            raise errors.pop(0)
        return real_connect(database, read_only=read_only)

    monkeypatch.setattr(duckdb, "connect", connect)
    return tries


LOCKED = "IO Error: Could not set lock on file: Conflicting lock is held by another process"


def test_a_locked_file_is_opened_once_the_lock_is_gone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, waits: list[float]
) -> None:
    tries = _connect_failing(monkeypatch, [duckdb.IOException(LOCKED)] * 3)
    with db.connect(tmp_path / "w.duckdb") as connection:
        assert connection.execute("SELECT 1").fetchone() == (1,)
    assert len(tries) == 4 and waits == [0.1, 0.2, 0.4]  # doubling from 0.1 s


def test_the_wait_for_a_lock_is_capped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, waits: list[float]
) -> None:
    """Waits double up to 5 s each, and stop before the next would pass DOINGOAI_DB_WAIT."""
    monkeypatch.setenv("DOINGOAI_DB_WAIT", "1000")
    _connect_failing(monkeypatch, [duckdb.IOException(LOCKED)] * 8)
    with db.connect(tmp_path / "w.duckdb"):
        pass
    assert waits == [0.1, 0.2, 0.4, 0.8, 1.6, 3.2, 5.0, 5.0]
    monkeypatch.setenv("DOINGOAI_DB_WAIT", "0")
    tries = _connect_failing(monkeypatch, [duckdb.IOException(LOCKED)])
    with pytest.raises(duckdb.IOException, match="lock"):
        db.connect(tmp_path / "w.duckdb").__enter__()
    assert len(tries) == 1


def test_another_io_error_is_raised_at_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, waits: list[float]
) -> None:
    tries = _connect_failing(monkeypatch, [duckdb.IOException("IO Error: Permission denied")])
    with pytest.raises(duckdb.IOException, match="Permission denied"):
        db.connect(tmp_path / "w.duckdb").__enter__()
    assert len(tries) == 1 and waits == []


def _post_answering(monkeypatch: pytest.MonkeyPatch, answers: list[int | Exception]) -> list[str]:
    """httpx.post answers with `answers` in turn (a status, or an error raised); returns the URLs posted."""
    posted: list[str] = []

    def post(url: str, **_: object) -> httpx.Response:
        posted.append(url)
        answer = answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return httpx.Response(answer, text=f"answer {answer}", request=httpx.Request("POST", url))

    monkeypatch.setattr(httpx, "post", post)
    return posted


def test_a_webhook_is_asked_again_after_a_connection_error_or_a_5xx(
    monkeypatch: pytest.MonkeyPatch, waits: list[float]
) -> None:
    posted = _post_answering(monkeypatch, [httpx.ConnectError("refused"), 503, 200])
    assert post_webhook("http://hook", {"a": 1}) == (200, None)
    assert len(posted) == 3 and waits == [0.5, 1.0]


def test_a_webhook_failing_every_time_gives_the_last_answer(
    monkeypatch: pytest.MonkeyPatch, waits: list[float]
) -> None:
    _post_answering(monkeypatch, [503, 502, 500])
    assert post_webhook("http://hook", {}) == (500, "HTTP 500: answer 500")
    _post_answering(monkeypatch, [500, 500, httpx.ConnectError("refused")])
    assert post_webhook("http://hook", {}) == (None, "ConnectError: refused")


def test_a_4xx_is_not_asked_again(monkeypatch: pytest.MonkeyPatch, waits: list[float]) -> None:
    posted = _post_answering(monkeypatch, [404, 200])
    assert post_webhook("http://hook", {}) == (404, "HTTP 404: answer 404")
    assert len(posted) == 1 and waits == []
