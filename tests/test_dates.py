"""Shared date parsing: numeric and spelled-out dates, day/month resolved against a publication date."""

from __future__ import annotations

from datetime import date

import pytest

from extraction.dates import likely_year, parse_date, resolve_day_month, resolve_relative


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("ký ngày 09/02/2024", date(2024, 2, 9)),
        ("ban hành ngày 1/8/2019", date(2019, 8, 1)),
        ("ngày 21 tháng 3 năm 2022", date(2022, 3, 21)),
        ("ngày 07 tháng 11, năm 2020", date(2020, 11, 7)),
        ("hạn chót 15.06.2021", date(2021, 6, 15)),
        ("ngày 4-9-2018", date(2018, 9, 4)),
    ],
)
def test_full_dates_day_first(written: str, meant: date) -> None:
    assert parse_date(written) == meant


@pytest.mark.parametrize(
    "written", ["30/02/2023", "ngày 5/13/2020", "tháng 7/2022", "năm 2023", "3/11", "không có ngày"]
)
def test_impossible_or_incomplete_dates_give_none(written: str) -> None:
    assert parse_date(written) is None


def test_day_month_is_resolved_against_the_publication_date() -> None:
    published = date(2023, 11, 4)
    assert resolve_day_month(3, 11, published) == date(2023, 11, 3)
    assert resolve_day_month(20, 11, published) == date(2023, 11, 20)  # announced a few weeks ahead
    assert resolve_day_month(28, 12, date(2024, 1, 6)) == date(2023, 12, 28)  # last year's December
    assert resolve_day_month(29, 2, date(2021, 3, 2)) == date(2020, 2, 29)
    assert resolve_day_month(31, 4, published) is None
    assert resolve_day_month(3, 11, None) is None
    assert resolve_day_month(3, 11, None, year_hint=2019) == date(2019, 11, 3)


def test_relative_days() -> None:
    published = date(2022, 6, 30)
    assert resolve_relative("Hôm nay", published) == published
    assert resolve_relative("chiều qua", published) == date(2022, 6, 29)
    assert resolve_relative("sáng mai", published) == date(2022, 7, 1)
    assert resolve_relative("hôm nay", None) is None


def test_the_year_of_an_activity_ignores_terms_and_document_dates() -> None:
    assert likely_year("Dịp Tết Giáp Thìn 2024, đoàn đến thăm.") == 2024
    assert likely_year("Đại hội nhiệm kỳ 2024 - 2029 theo Kế hoạch ngày 5/1/2023.") is None
