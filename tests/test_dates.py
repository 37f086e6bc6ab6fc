"""Shared date parsing: numeric and spelled-out dates, day/month resolved against a publication date."""

from __future__ import annotations

from datetime import date

import pytest

from extraction.dates import full_date_at, likely_year, resolve_day_month, resolve_relative


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("09/02/2024", date(2024, 2, 9)),
        ("1/8/2019 của", date(2019, 8, 1)),
        ("ngày 21 tháng 3 năm 2022", date(2022, 3, 21)),
        ("21 tháng 3 năm 2022", date(2022, 3, 21)),
        ("ngày 07 tháng 11, năm 2020", date(2020, 11, 7)),
        ("15.06.2021", date(2021, 6, 15)),
        ("4-9-2018", date(2018, 9, 4)),
        ("05 / 01 / 2022", date(2022, 1, 5)),
    ],
)
def test_full_dates_day_first(written: str, meant: date) -> None:
    found = full_date_at(written, 0)
    assert found is not None
    assert found[0] == meant
    assert written[: found[1]].rstrip() in (written.removesuffix(" của"), written)


def test_a_full_date_is_read_where_it_starts_only() -> None:
    assert full_date_at("ký ngày 09/02/2024", 0) is None
    assert full_date_at("ký ngày 09/02/2024", 8) == (date(2024, 2, 9), 18)


def test_impossible_dates_are_none_but_their_extent_is_known() -> None:
    assert full_date_at("30/02/2023 về", 0) == (None, 10)
    assert full_date_at("5/13/2020", 0) == (None, 9)


@pytest.mark.parametrize(
    "written", ["tháng 7/2022", "năm 2023", "3/11", "không có ngày", "12/2023", "112/3/2023"]
)
def test_incomplete_dates_give_none(written: str) -> None:
    assert full_date_at(written, 0) is None


def test_day_month_is_resolved_against_the_publication_date() -> None:
    published = date(2023, 11, 4)
    assert resolve_day_month(3, 11, published, 7) == date(2023, 11, 3)
    assert resolve_day_month(10, 11, published, 7) == date(2023, 11, 10)  # within the days allowed ahead
    assert resolve_day_month(20, 11, published, 7) == date(2022, 11, 20)  # too far ahead: last year's
    assert resolve_day_month(20, 11, published, 180) == date(2023, 11, 20)  # an announced plan
    assert resolve_day_month(2, 1, date(2023, 12, 30), 7) == date(2024, 1, 2)  # next year's January
    assert resolve_day_month(28, 12, date(2024, 1, 6), 7) == date(2023, 12, 28)  # last year's December
    assert resolve_day_month(29, 2, date(2021, 3, 2), 7) == date(2020, 2, 29)
    assert resolve_day_month(31, 4, published, 7) is None


def test_relative_days() -> None:
    published = date(2022, 6, 30)
    assert resolve_relative("Hôm nay", published) == published
    assert resolve_relative("chiều qua", published) == date(2022, 6, 29)
    assert resolve_relative("sáng mai", published) == date(2022, 7, 1)
    assert resolve_relative("hôm nay", None) is None


def test_the_year_of_an_activity_ignores_terms_and_document_dates() -> None:
    assert likely_year("Dịp Tết Giáp Thìn 2024, đoàn đến thăm.") == 2024
    assert likely_year("Đại hội nhiệm kỳ 2024 - 2029 theo Kế hoạch ngày 5/1/2023.") is None
    assert likely_year("Ông sinh năm 1950, về thăm quê dịp Tết 2019.") == 2019
    assert likely_year("Kỷ niệm 63 năm (1961-2024) ngày thành lập.") == 2024  # an anniversary's span
    assert likely_year("Năm 2022 và năm 2023 đoàn đều đến.") is None  # two years: uncertain
