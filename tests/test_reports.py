"""The charts of the analysts' copy (warehouse/reports.py) and the `reports` asset that draws them.

The fast tier draws them from a small analysts' copy built here, table by table with every column its
mart's YAML declares (so a mart that renames a column the charts read fails here, not in a nightly run),
and a few rows each; the pipeline tier checks that the shared refresh (`doingoai run`) drew them.
"""

from __future__ import annotations

import base64
import re
import struct
import warnings
from datetime import date
from pathlib import Path
from typing import Any

import dagster as dg
import duckdb
import matplotlib
import pytest
import yaml
from matplotlib import font_manager

from orchestration.assets.reports import reports
from orchestration.resources import WarehouseResource
from settings import Settings
from tests.conftest import ROOT, Refreshed
from tests.dagster_calls import markdown, materialized
from tests.queries import scalar
from warehouse import reports as charts
from warehouse.reports import Reports, render_reports

MARTS = ROOT / "dbt_project" / "models" / "marts"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
CHART_FILES = [
    "aid_by_donor_country.png",
    "events_by_month_and_type.png",
    "delegations_by_country.png",
    "directive_citations.png",
    "most_active_organizations.png",
]
# The types of the columns the rows below fill; every other column of a mart is an empty VARCHAR.
COLUMN_TYPES = {
    "published_on": "DATE",
    "reference_date": "DATE",
    "first_reported_on": "DATE",
    "event_date": "DATE",
    "mentioned_on": "DATE",
    "amount_vnd": "DOUBLE",
    "amount_usd": "DOUBLE",
    "is_cumulative": "BOOLEAN",
    "counts_in_totals": "BOOLEAN",
    "is_foreign": "BOOLEAN",
}
VUFO, CANTHO, KOICA, EMBASSY = "org-vufo", "org-cantho", "org-koica", "org-au-embassy"
# A small copy: two donations that count (Korea's in 2021, one of no known country in 2023), a
# cumulative total and a part of the Korean one that must not be added; three events; an Australian
# embassy and a Lao delegation taking part, a Vietnamese organisation that does not count as foreign;
# two directives cited over two years.
ROWS: dict[str, list[dict[str, Any]]] = {
    "dim_article": [
        {"article_id": "a1", "published_on": date(2021, 5, 2), "reference_date": date(2021, 5, 2)},
        {"article_id": "a2", "published_on": date(2023, 9, 14), "reference_date": date(2023, 9, 14)},
        {"article_id": "a3", "published_on": date(2024, 5, 2), "reference_date": date(2024, 5, 2)},
    ],
    "dim_country": [
        {"country_code": "KR", "name_vi": "Hàn Quốc"},
        {"country_code": "AU", "name_vi": "Australia"},
        {"country_code": "LA", "name_vi": "Lào"},
        {"country_code": "VN", "name_vi": "Việt Nam"},
    ],
    "dim_organization": [
        {"organization_id": VUFO, "organization_name": "Liên hiệp các tổ chức hữu nghị Việt Nam"},
        {
            "organization_id": CANTHO,
            "organization_name": "Liên hiệp các tổ chức hữu nghị thành phố Cần Thơ",
            "organization_kind": "friendship_union",
        },
        {"organization_id": KOICA, "organization_name": "Cơ quan Hợp tác Quốc tế Hàn Quốc"},
        {
            "organization_id": EMBASSY,
            "organization_name": "Đại sứ quán Australia",
            "organization_kind": "diplomatic_mission",
        },
    ],
    "fct_aid": [
        {
            "aid_id": "korea",
            "first_reported_on": date(2021, 5, 2),
            "amount_vnd": 5_790_000_000.0,
            "amount_usd": 250_000.0,
            "is_cumulative": False,
            "counts_in_totals": True,
            "donor_country_code": "KR",
            "donor_organization_id": KOICA,
            "recipient_organization_id": CANTHO,
        },
        {
            "aid_id": "part-of-korea",
            "first_reported_on": date(2021, 5, 2),
            "amount_vnd": 1_000_000_000.0,
            "amount_usd": 43_000.0,
            "is_cumulative": False,
            "part_of_aid_id": "korea",
            "counts_in_totals": False,
            "donor_country_code": "KR",
        },
        {
            "aid_id": "running-total",
            "first_reported_on": date(2023, 9, 14),
            "amount_vnd": 15_000_000_000.0,
            "amount_usd": 600_000.0,
            "is_cumulative": True,
            "counts_in_totals": False,
        },
        {
            "aid_id": "unnamed",
            "first_reported_on": date(2023, 9, 14),
            "amount_vnd": 1_700_000_000.0,
            "amount_usd": 71_000.0,
            "is_cumulative": False,
            "counts_in_totals": True,
        },
    ],
    "fct_event": [
        {"event_id": "e1", "event_date": date(2021, 4, 30), "event_type": "reception"},
        {"event_id": "e2", "event_date": date(2023, 9, 13), "event_type": "ceremony"},
        {"event_id": "e3", "event_date": date(2023, 9, 20), "event_type": "visit"},
    ],
    "fct_event_participant": [
        {
            "event_id": "e1",
            "participant_kind": "organization",
            "participant_id": EMBASSY,
            "country_code": "AU",
            "is_foreign": True,
        },
        {
            "event_id": "e3",
            "participant_kind": "delegation",
            "participant_id": "d-la",
            "country_code": "LA",
            "is_foreign": True,
        },
        {
            "event_id": "e2",
            "participant_kind": "organization",
            "participant_id": VUFO,
            "country_code": "VN",
            "is_foreign": False,
        },
        {
            "event_id": "e3",
            "participant_kind": "organization",
            "participant_id": CANTHO,
            "country_code": "VN",
            "is_foreign": False,
        },
    ],
    "dim_directive": [
        {"directive_id": "ct12", "directive_label": "Chỉ thị 12-CT/TW"},
        {"directive_id": "kh108", "directive_label": "Kế hoạch 108-KH/TU"},
    ],
    "fct_directive_mention": [
        {"directive_id": "ct12", "article_id": "a1", "mentioned_on": date(2021, 5, 2)},
        {"directive_id": "ct12", "article_id": "a2", "mentioned_on": date(2023, 9, 14)},
        {"directive_id": "kh108", "article_id": "a3", "mentioned_on": None},  # dated by its article
    ],
}


def mart_columns(table: str) -> list[str]:
    """The columns a mart's YAML declares, in order."""
    spec = yaml.safe_load((MARTS / f"{table}.yml").read_text(encoding="utf-8"))
    [model] = [model for model in spec["models"] if model["name"] == table]
    return [column["name"] for column in model["columns"]]


def build_copy(path: Path, rows: dict[str, list[dict[str, Any]]]) -> Path:
    """An analysts' copy at `path`: each table with its mart's columns, holding `rows`."""
    with duckdb.connect(str(path)) as connection:
        for table, table_rows in rows.items():
            columns = mart_columns(table)
            for row in table_rows:
                assert set(row) <= set(columns), f"{table} has no column {sorted(set(row) - set(columns))}"
            typed = ", ".join(f"{column} {COLUMN_TYPES.get(column, 'VARCHAR')}" for column in columns)
            connection.execute(f"CREATE TABLE {table} ({typed})")
            for row in table_rows:
                names = list(row)
                connection.execute(
                    f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
                    [row[name] for name in names],
                )
    return path


@pytest.fixture(scope="module")
def copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_copy(tmp_path_factory.mktemp("copy") / "analytics.duckdb", ROWS)


@pytest.fixture(scope="module")
def drawn(copy: Path) -> Reports:
    """The charts of the small copy, drawn once for the tests that only look at them (drawing takes a
    second or two)."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a letter missing from the font would warn ("Glyph ... missing")
        return render_reports(copy, copy.parent / "reports")


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data.startswith(PNG_SIGNATURE), path
    width, height = struct.unpack(">II", data[16:24])  # the IHDR chunk comes first
    return width, height


def test_every_chart_is_drawn_with_its_caption_on_one_page(drawn: Reports) -> None:
    assert [chart.path.name for chart in drawn.charts] == CHART_FILES
    assert drawn.data_as_of == date(2024, 5, 2)
    page = drawn.index.read_text(encoding="utf-8")
    for chart in drawn.charts:
        assert png_size(chart.path) == (1100, 600)
        assert f'<img src="{chart.path.name}"' in page
        assert chart.title in page and chart.caption.replace("'", "&#x27;") in page
        assert "data up to 2024-05-02" in chart.source_line
        tables = re.match(r"Source: (.+) in analytics\.duckdb;", chart.source_line)
        assert tables, chart.source_line
        assert all((MARTS / f"{table}.yml").is_file() for table in tables.group(1).split(", ")), tables
    assert sorted(path.name for path in drawn.folder.iterdir()) == sorted([*CHART_FILES, "index.html"])


def test_the_same_data_gives_the_same_bytes(drawn: Reports, copy: Path, tmp_path: Path) -> None:
    again = render_reports(copy, tmp_path / "again")
    for name in [*CHART_FILES, "index.html"]:
        assert (drawn.folder / name).read_bytes() == (again.folder / name).read_bytes(), name


def test_the_aid_chart_counts_each_donation_once(copy: Path) -> None:
    with duckdb.connect(str(copy), read_only=True) as connection:
        chart = charts.aid_by_donor_country(connection)
    # the part and the running total are left out; the unnamed donor's country is "unknown"
    assert sorted(chart.rows) == [(2021, "Hàn Quốc", 5.79, 0.25e3), (2023, "unknown", 1.7, 71.0)]
    assert chart.caption.startswith("2 donations, each counted once")
    assert "left out: 1 cumulative total and 1 part of a donation already counted." in chart.caption
    assert "left out: 1 cumulative total" in chart.note


def test_delegations_count_foreign_participants_only(copy: Path) -> None:
    with duckdb.connect(str(copy), read_only=True) as connection:
        chart = charts.delegations_by_country(connection)
    # the embassy (a diplomatic mission) and the Lao delegation; the Vietnamese unions are not delegations
    assert sorted(chart.rows) == [("Australia", 2021, 1), ("Lào", 2023, 1)]


def test_directive_citations_fall_back_on_the_articles_date(copy: Path) -> None:
    with duckdb.connect(str(copy), read_only=True) as connection:
        chart = charts.directive_citations(connection)
    assert sorted(chart.rows) == [
        ("Chỉ thị 12-CT/TW", 2, 2021, 1),
        ("Chỉ thị 12-CT/TW", 2, 2023, 1),
        ("Kế hoạch 108-KH/TU", 1, 2024, 1),
    ]


def test_the_most_active_organisations_add_events_and_donations(copy: Path) -> None:
    with duckdb.connect(str(copy), read_only=True) as connection:
        chart = charts.most_active_organizations(connection)
    by_name = {(name, activity): number for name, _, activity, number in chart.rows}
    assert by_name == {
        ("Đại sứ quán Australia", "events taken part in"): 1,
        ("Liên hiệp các tổ chức hữu nghị Việt Nam", "events taken part in"): 1,
        ("Liên hiệp các tổ chức hữu nghị thành phố Cần Thơ", "events taken part in"): 1,
        ("Liên hiệp các tổ chức hữu nghị thành phố Cần Thơ", "donations received"): 1,
        ("Cơ quan Hợp tác Quốc tế Hàn Quốc", "donations given"): 1,
    }


def test_an_empty_copy_draws_every_chart_saying_so(tmp_path: Path) -> None:
    empty = build_copy(tmp_path / "analytics.duckdb", {table: [] for table in ROWS})
    drawn = render_reports(empty, tmp_path / "reports")
    assert [chart.path.name for chart in drawn.charts] == CHART_FILES
    assert drawn.data_as_of is None
    assert "data up to no article yet" in drawn.charts[0].source_line
    assert drawn.charts[0].caption.startswith("0 donations")


def test_a_missing_copy_is_named(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match=r"no analysts' copy at .*missing\.duckdb"):
        render_reports(tmp_path / "missing.duckdb", tmp_path / "reports")


def test_the_font_is_the_one_matplotlib_ships() -> None:
    """Not a system font of the same name, which could differ from machine to machine."""
    found = Path(font_manager.findfont("DejaVu Sans", fallback_to_default=False))
    assert found.is_relative_to(Path(matplotlib.get_data_path())), found


def test_the_reports_folder_is_beside_the_analysts_copy_unless_set(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DOINGOAI_REPORTS_DIR", raising=False)
    monkeypatch.setenv("DOINGOAI_ANALYTICS_DB", "/srv/doingoai/analytics.duckdb")
    assert Settings().reports_folder == Path("/srv/doingoai/reports")
    monkeypatch.delenv("DOINGOAI_ANALYTICS_DB")
    assert Settings().reports_folder == Path("data/reports")
    monkeypatch.setenv("DOINGOAI_REPORTS_DIR", "/var/www/charts")
    assert Settings().reports_folder == Path("/var/www/charts")


def test_the_asset_shows_the_charts_in_its_metadata(
    copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DOINGOAI_REPORTS_DIR", str(tmp_path / "charts"))
    result = materialized(
        reports(dg.build_asset_context(), warehouse=WarehouseResource(analytics_path=str(copy)))
    )
    assert result.metadata is not None
    text = markdown(result.metadata["charts"])
    pictures = re.findall(r"!\[([^]]+)\]\(data:image/png;base64,([A-Za-z0-9+/=]+)\)", text)
    assert [title for title, _ in pictures] == [
        "Aid by donor country and year",
        "Events by month and type",
        "Foreign delegations by country",
        "Citations of the most-cited directives over time",
        "The most active organisations",
    ]
    for (_, picture), name in zip(pictures, CHART_FILES, strict=True):
        assert base64.b64decode(picture) == (tmp_path / "charts" / name).read_bytes()
    assert result.metadata["data up to"] == "2024-05-02"


def test_the_nightly_run_draws_the_charts(refreshed: Refreshed) -> None:
    """`doingoai run` (the shared refresh) ends with the charts beside its analysts' copy."""
    folder = refreshed.analytics.parent / "reports"
    assert sorted(path.name for path in folder.iterdir()) == sorted([*CHART_FILES, "index.html"])
    for name in CHART_FILES:
        assert png_size(folder / name) == (1100, 600)
    page = (folder / "index.html").read_text(encoding="utf-8")
    assert "each counted once however many articles report it" in page
    newest = scalar(refreshed.analytics, "select max(published_on) from dim_article")
    assert f"data up to {newest.isoformat()}" in page
    with dg.DagsterInstance.from_config(str(refreshed.dagster_home)) as instance:
        event = instance.get_latest_materialization_event(dg.AssetKey("reports"))
        assert event is not None and event.asset_materialization is not None
        text = markdown(event.asset_materialization.metadata["charts"])
        assert text.count("data:image/png;base64,") == len(CHART_FILES)
