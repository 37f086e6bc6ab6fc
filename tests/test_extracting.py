"""The extraction step of the warehouse: what is extracted when, failures kept and retried, and
every record landed with its document version and evidence, on real DuckDB files and the real
loopback portal."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from extraction import EXTRACTOR_VERSION, Extraction, extract
from sample_portal.server import RunningPortal
from scrapers.http import Politeness
from tests.conftest import StartPortal
from tests.queries import query, scalar
from warehouse.extracting import RECORD_TABLES, extract_pending
from warehouse.landing import crawl_sites, parse_pending

FAST = Politeness(delay=0.0, backoff=0.02, max_wait=0.2, timeout=2.0)
PARTY = ["thanhuycantho"]


@pytest.fixture
def parsed(tmp_path: Path, portal: RunningPortal) -> Path:
    db = tmp_path / "w.duckdb"
    crawl_sites(db, PARTY, portal=portal.url, politeness=FAST)
    parse_pending(db)
    return db


def test_every_document_version_is_extracted_once_with_its_records(parsed: Path) -> None:
    documents = scalar(parsed, "SELECT count(*) FROM raw.documents")
    first = extract_pending(parsed)
    assert first.documents == documents and first.failed == 0 and first.records["directives"] > 0
    again = extract_pending(parsed)
    assert (again.documents, again.total_records) == (0, 0)
    [landed] = query(
        parsed,
        "SELECT count(*), count(*) FILTER (WHERE status = 'ok'), min(extractor_version), max(extractor_version) "
        "FROM extracted.documents",
    )
    assert landed == (documents, documents, EXTRACTOR_VERSION, EXTRACTOR_VERSION)
    for table in RECORD_TABLES:
        count = scalar(parsed, f"SELECT count(*) FROM extracted.{table}")
        assert count == first.records[table], table
    batches = query(parsed, "SELECT documents, records FROM extracted.batches ORDER BY started_at")
    assert batches == [(documents, first.total_records), (0, 0)]


def test_records_carry_their_document_version_and_evidence(parsed: Path) -> None:
    extract_pending(parsed)
    [(missing,)] = query(
        parsed,
        """SELECT count(*) FROM extracted.directives r
           WHERE NOT EXISTS (SELECT 1 FROM raw.documents d WHERE d.url = r.document_url
                             AND d.content_hash = r.content_hash AND d.parser_version = r.parser_version)""",
    )
    assert missing == 0
    [(body, sentence, start, end, sentence_start, number)] = query(
        parsed,
        """SELECT d.body_text, r.evidence_sentence, r.span_start, r.span_end, r.sentence_start, r.number
           FROM extracted.directives r JOIN raw.documents d
             ON d.url = r.document_url AND d.content_hash = r.content_hash
           WHERE r.type = 'chi_thi' AND r.number = '12' LIMIT 1""",
    )
    text = extract(body).text  # offsets point into the normalised text
    assert text[sentence_start : sentence_start + len(sentence)] == sentence
    assert number in text[start:end]


def test_a_failing_document_is_recorded_and_retried_while_the_rest_go_on(parsed: Path) -> None:
    def picky(text: str, published_on: date | None) -> Extraction:
        if "677" in text:
            raise ValueError("cannot read this one")
        return extract(text, published_on)

    first = extract_pending(parsed, extractor=picky)
    assert first.failed >= 1 and first.documents >= 1
    failures = query(parsed, "SELECT error FROM extracted.documents WHERE status = 'failed'")
    assert failures and all("ValueError: cannot read this one" in error for (error,) in failures)
    retry = extract_pending(parsed)  # the fixed extractor picks up exactly the failed ones
    assert (retry.documents, retry.failed) == (first.failed, 0)
    assert scalar(parsed, "SELECT count(*) FROM extracted.documents WHERE status = 'failed'") == 0


def test_a_new_extractor_version_re_extracts_everything_and_nothing_else(parsed: Path) -> None:
    extract_pending(parsed)
    [(pages, documents)] = query(
        parsed, "SELECT (SELECT count(*) FROM raw.pages), (SELECT count(*) FROM raw.documents)"
    )
    bumped = extract_pending(parsed, version="test-next")
    assert bumped.documents == documents
    assert scalar(parsed, "SELECT count(DISTINCT extractor_version) FROM extracted.documents") == 2
    assert query(parsed, "SELECT (SELECT count(*) FROM raw.pages), (SELECT count(*) FROM raw.documents)") == [
        (pages, documents)
    ]


def test_a_changed_page_is_extracted_on_the_next_run_only(tmp_path: Path, sample_portal: StartPortal) -> None:
    db = tmp_path / "w.duckdb"
    with sample_portal(day=1) as day1:
        crawl_sites(db, ["thoidai"], portal=day1.url, politeness=FAST)
    parse_pending(db)
    extract_pending(db)
    with sample_portal(day=2) as day2:
        crawl_sites(db, ["thoidai"], portal=day2.url, politeness=FAST)
    parse_pending(db)
    new_versions = scalar(
        db,
        """SELECT count(*) FROM raw.documents d WHERE NOT EXISTS (
               SELECT 1 FROM extracted.documents e WHERE e.document_url = d.url AND e.content_hash = d.content_hash)""",
    )
    assert new_versions > 0
    assert extract_pending(db).documents == new_versions


@pytest.mark.pipeline
def test_the_extraction_asset_shows_per_site_counts_and_a_preview_of_new_facts(parsed: Path) -> None:
    import dagster as dg

    from orchestration.assets.extraction import extracted_records
    from orchestration.resources import WarehouseResource

    def materialize() -> dict[str, object]:
        result = dg.materialize(
            [extracted_records], resources={"warehouse": WarehouseResource(db_path=str(parsed))}
        )
        assert result.success
        [event] = [
            e
            for e in result.get_asset_materialization_events()
            if e.asset_key == dg.AssetKey(["extracted", "documents"])
        ]
        return {name: value.value for name, value in event.materialization.metadata.items()}

    first = materialize()
    assert first["failed"] == 0 and first["documents"] == scalar(parsed, "SELECT count(*) FROM raw.documents")
    assert "| thanhuycantho |" in str(first["per_site"])
    preview = str(first["new_facts"])
    assert "| directives | Chỉ thị" in preview and "12-CT/TW" in preview  # as written in the text
    assert "https://" in preview and "| people |" in preview
    again = materialize()  # nothing new: the preview says so rather than repeating old facts
    assert again["documents"] == 0 and again["new_facts"] == "No new records in this run."
