"""Parsing stored pages in batches behind the quality gate (issue 13 item 3, issue 14 items 5 and 7),
on small DuckDB files with pages landed by hand: no portal, no crawl. No article text is copied."""

from __future__ import annotations

import hashlib
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

import warehouse.parsing as parsing
from scrapers.legacy_encodings import encode
from tests.queries import query, scalar
from warehouse.db import connect, migrate
from warehouse.health import held_versions_since, parser_health
from warehouse.parsing import parse_pending, text_hash

SITE = "thoidai"
START = datetime(2026, 1, 5, 2, 0, tzinfo=UTC)
PARAGRAPHS = (
    "Sáng nay, đoàn cán bộ của Liên hiệp các tổ chức hữu nghị đã đến thăm một trường ở huyện Phong Điền.",
    "Dịp này, đoàn trao tặng 200 suất học bổng cho học sinh vượt khó, mỗi suất trị giá 1,5 triệu đồng.",
    "Bà Trần Thị Lan cảm ơn những người đã đồng hành cùng chương trình hợp tác quốc tế của tỉnh.",
)


def article(
    title: str = "Trao học bổng cho học sinh", paragraphs=PARAGRAPHS, ad: str = "", font: str = ""
) -> str:
    body = "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs)
    style = f' style="font-family: {font}"' if font else ""
    return (
        f'<html><head><meta charset="utf-8"><title>{title}</title></head><body{style}>'
        f'<div class="ads">{ad}</div><article class="detail"><h1 class="article-title">{title}</h1>'
        f'<div class="article-date">07:05 | 04/11/2020</div><div class="article-content">{body}</div>'
        f"</article><div class='views'>{ad}</div></body></html>"
    )


def land(
    db: Path, url: str, body: bytes, seen: datetime, content_type: str = "text/html; charset=utf-8"
) -> str:
    """A page version in raw.pages as a crawl would leave it; returns its content hash."""
    digest = hashlib.sha256(body).hexdigest()
    with connect(db) as connection:
        migrate(connection)
        connection.execute(
            "INSERT INTO raw.pages (url, site, kind, content_hash, body, content_type, headers, etag, "
            "last_modified, referrer, first_seen_at, last_seen_at, removed_at) "
            "VALUES (?, ?, 'article', ?, ?, ?, '{}', NULL, NULL, NULL, ?, ?, NULL)",
            [url, SITE, digest, body, content_type, seen, seen],
        )
    return digest


def url(number: int) -> str:
    return f"https://thoidai.com.vn/bai-{number}.html"


def current_text(db: Path, page_url: str) -> str:
    """The body of the URL's current document, as dbt's int_documents__current picks it."""
    [(body,)] = query(
        db,
        "SELECT d.body_text FROM raw.documents d JOIN raw.pages p USING (url, content_hash) WHERE url = ? "
        "ORDER BY p.last_seen_at DESC LIMIT 1",
        page_url,
    )
    return body


@pytest.fixture(autouse=True)
def in_this_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """The fast tier starts no process: the work runs here (the workers' own test is in test_workers.py)."""
    monkeypatch.setenv("DOINGOAI_WORKERS", "1")


# --- batches ------------------------------------------------------------------------------------


def test_pages_are_parsed_in_batches_each_committed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "w.duckdb"
    for number in range(7):
        land(db, url(number), article(f"Bài số {number}").encode(), START)
    read_sizes: list[int] = []
    real_read = parsing._read_pages

    def spy(connection: Any, keys: list[tuple[str, str]]) -> Any:
        read_sizes.append(len(keys))
        return real_read(connection, keys)

    monkeypatch.setattr(parsing, "_read_pages", spy)
    real_parse, parsed = parsing._parse, []

    def crash_on_the_fifth(*args: Any) -> Any:
        parsed.append(args[1])
        if len(parsed) == 5:
            raise KeyboardInterrupt("operator pressed Ctrl-C")
        return real_parse(*args)

    monkeypatch.setattr(parsing, "_parse", crash_on_the_fifth)
    with pytest.raises(KeyboardInterrupt):
        parse_pending(db, batch_size=3)
    assert read_sizes == [3, 3]  # bodies are read one batch at a time
    assert scalar(db, "SELECT count(*) FROM raw.documents") == 3  # the first batch was committed
    monkeypatch.setattr(parsing, "_parse", real_parse)
    summary = parse_pending(db, batch_size=3)
    assert summary[SITE].parsed == 4 and read_sizes[2:] == [3, 1]
    assert scalar(db, "SELECT count(DISTINCT url) FROM raw.documents") == 7


def test_a_parser_version_bump_reparses_everything_in_batches(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "w.duckdb"
    for number in range(5):
        land(db, url(number), article(f"Bài số {number}").encode(), START)
    land(db, url(0), b"\x00\xff garbage", START + timedelta(days=1), "text/html")
    first = parse_pending(db, batch_size=2)[SITE]
    assert (first.parsed, first.held) == (5, 1)
    monkeypatch.setattr(parsing, "PARSER_VERSION", "test-next")
    again = parse_pending(db, batch_size=2)[SITE]
    assert (again.parsed, again.held) == (5, 1)  # the held version is judged again, and held again
    assert parse_pending(db, batch_size=2) == {}
    assert scalar(db, "SELECT count(*) FROM raw.documents WHERE parser_version = 'test-next'") == 5


# --- the quality gate ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("answer", "reason"),
    [
        (os.urandom(3000), "no_title"),  # random bytes with a 200
        (
            "<html><head><title>Bảo trì</title></head><body><h1>Hệ thống đang bảo trì</h1>"
            "<p>Xin quay lại sau.</p></body></html>".encode(),
            "shrunk",
        ),  # a maintenance page
        (article(paragraphs=(PARAGRAPHS[0][:40],)).encode(), "shrunk"),  # the text cut to a stub
        (article(title="").encode(), "no_title"),
        (article(paragraphs=()).encode(), "no_body"),
    ],
)
def test_a_bad_answer_is_stored_but_not_made_current(tmp_path: Path, answer: bytes, reason: str) -> None:
    db = tmp_path / "w.duckdb"
    good = land(db, url(1), article().encode(), START)
    parse_pending(db)
    bad = land(db, url(1), answer, START + timedelta(days=1))
    summary = parse_pending(db)[SITE]
    assert (summary.parsed, summary.held) == (0, 1)
    [(held_reason, current_hash, detail)] = query(
        db, "SELECT reason, current_hash, detail FROM raw.held_versions WHERE content_hash = ?", bad
    )
    assert held_reason == reason and current_hash == good and detail
    assert scalar(db, "SELECT count(*) FROM raw.pages WHERE content_hash = ?", bad) == 1  # stored
    assert current_text(db, url(1)) == "\n\n".join(PARAGRAPHS)  # the good version stays current
    [(site, shown_reason, shown_url, _)] = held_versions_since(db, START)  # what the check names
    assert (site, shown_reason, shown_url) == (SITE, reason, url(1))
    assert parse_pending(db) == {}  # judged once per parser version, not every night


def test_a_real_edit_becomes_current(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    land(db, url(1), article().encode(), START)
    edited = (*PARAGRAPHS[:2], "Bà Trần Thị Lan, Phó Chủ tịch Liên hiệp, cảm ơn các nhà tài trợ.")
    land(db, url(1), article(paragraphs=edited).encode(), START + timedelta(days=1))
    assert parse_pending(db)[SITE].parsed == 2
    assert current_text(db, url(1)) == "\n\n".join(edited)


def test_rotating_ads_and_counters_make_no_new_version(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    land(db, url(1), article(ad="Quảng cáo A · 1.204 lượt xem").encode(), START)
    parse_pending(db)
    rotated = land(db, url(1), article(ad="Quảng cáo B · 1.377 lượt xem").encode(), START + timedelta(days=1))
    summary = parse_pending(db)[SITE]
    assert (summary.parsed, summary.held) == (0, 1)
    assert query(db, "SELECT reason FROM raw.held_versions WHERE content_hash = ?", rotated) == [
        ("same_text",)
    ]
    assert scalar(db, "SELECT count(*) FROM raw.documents") == 1
    [(stored,)] = query(db, "SELECT text_hash FROM raw.documents")
    assert stored == text_hash("Trao học bổng cho học sinh", "\n\n".join(PARAGRAPHS))


def test_a_document_parsed_before_text_hashes_is_compared_by_its_text(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    land(db, url(1), article(ad="A").encode(), START)
    parse_pending(db)
    with connect(db) as connection:  # as migration 009 leaves rows parsed before it
        connection.execute("UPDATE raw.documents SET text_hash = NULL")
    land(db, url(1), article(ad="B").encode(), START + timedelta(days=1))
    assert parse_pending(db)[SITE].held == 1


# --- legacy encodings ---------------------------------------------------------------------------


@pytest.mark.parametrize(("encoding", "font"), [("vni", "VNI-Times"), ("tcvn3", ".VnTime")])
def test_a_legacy_page_is_converted_and_the_conversion_recorded(
    tmp_path: Path, encoding: str, font: str
) -> None:
    db = tmp_path / "w.duckdb"
    html = article(font=font).replace('<meta charset="utf-8">', "")
    land(db, url(1), encode(html, encoding), START, "text/html")  # type: ignore[arg-type]
    assert parse_pending(db)[SITE].parsed == 1
    [(title, body, legacy)] = query(db, "SELECT title, body_text, legacy_encoding FROM raw.documents")
    assert (title, body, legacy) == ("Trao học bổng cho học sinh", "\n\n".join(PARAGRAPHS), encoding)


def test_a_page_of_unsure_encoding_is_held_out_of_extraction(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    text = "Caàn Thô ñaõ " + "Müller Ørsted Ångström Ñandú Ïle Ôté Ûber Åse Ùri Øy " * 3
    page = f"<html><head><title>Tin</title></head><body><article class='detail'><h1 class='article-title'>Tin</h1><div class='article-content'><p>{text}</p></div></article></body></html>"
    land(db, url(1), page.encode("cp1252"), START, "text/html; charset=windows-1252")
    assert parse_pending(db)[SITE].held == 1
    assert query(db, "SELECT reason FROM raw.held_versions") == [("legacy_encoding_unsure",)]
    assert scalar(db, "SELECT count(*) FROM raw.documents") == 0  # extraction reads raw.documents only


# --- parser health from the recorded columns ----------------------------------------------------


def test_parser_health_reads_what_the_parser_recorded_not_the_pages(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    land(db, url(1), article().encode(), START)
    broken = (
        "<html><head><title>Tin mới</title></head><body><main><h2>Tin mới</h2>"
        + "".join(f"<p>{paragraph}</p>" for paragraph in PARAGRAPHS)
        + "</main></body></html>"
    )  # a redesign: the generic fallback reads it
    land(db, url(2), broken.encode(), START)
    parse_pending(db)
    with connect(db) as connection:  # no page is read: the bodies could be gone
        connection.execute("UPDATE raw.pages SET body = ''::BLOB")
    health = parser_health(db, sites=[SITE])[SITE]
    assert (health.articles, health.fallback) == (2, 1)
    assert health.missing == {"title": 1, "body": 1, "date": 1}
    assert health.examples["title"] == url(2)
    later = parser_health(db, since=datetime.now(UTC), sites=[SITE])[SITE]
    assert later.articles == 0


def test_pages_of_a_site_no_longer_configured_wait_without_stopping_the_others(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    land(db, url(1), article().encode(), START)
    orphan = land(db, url(2), article("Trang của một site cũ").encode(), START)
    with connect(db) as connection:  # its site file was removed, or is broken and skipped
        connection.execute("UPDATE raw.pages SET site = 'gone' WHERE content_hash = ?", [orphan])
    assert parse_pending(db) == {SITE: parsing.ParseSummary(parsed=1)}
    assert parse_pending(db, sites=["gone"]) == {}
    assert query(db, "SELECT url FROM raw.documents") == [(url(1),)]
