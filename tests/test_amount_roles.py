"""How the amounts of one text hang together (extraction/amount_roles.py), on sentences written for these
tests in the manner of Vietnamese news: conversions, per-unit values, parts and cumulative totals."""

from __future__ import annotations

import pytest

from extraction import extract
from extraction.records import Amount


def aid(text: str) -> list[Amount]:
    return [amount for amount in extract(text).amounts if amount.kind == "aid"]


@pytest.mark.parametrize(
    "text",
    [
        "Tổ chức Hy vọng đã tài trợ hơn 1,2 triệu USD (tương đương khoảng 28 tỷ đồng) cho tỉnh.",
        "Tổ chức Hy vọng đã tài trợ hơn 1,2 triệu USD (khoảng 28 tỷ đồng) cho tỉnh.",
        "Tổ chức Hy vọng đã tài trợ hơn 1,2 triệu USD, tương đương 28 tỷ đồng, cho tỉnh.",
    ],
)
def test_a_conversion_belongs_to_the_amount_it_restates(text: str) -> None:
    dollars, dong = aid(text)
    assert (dollars.role, dollars.currency, dollars.amount_vnd_stated) == ("donation", "USD", 28e9)
    assert (dong.role, dong.converts_ordinal) == ("conversion", 0)
    assert (dong.value, dong.currency, dong.kind) == (28e9, "VND", "aid")  # still aid in SCHEMA.md


def test_two_amounts_side_by_side_are_not_a_conversion() -> None:
    first, second = aid("Quỹ tặng 20.000 USD cho xã Tân An và 300 triệu đồng cho xã Tân Bình.")
    assert first.role == second.role == "donation" and first.amount_vnd_stated is None


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Công ty đã trao 300 suất quà cho hộ nghèo, mỗi suất trị giá 500.000 đồng.", 300),
        ("Hội trao 120 phần quà, trị giá 400.000 đồng/phần.", 120),
        ("Đoàn tặng 50 chiếc xe đạp cho học sinh, bình quân mỗi chiếc 2 triệu đồng.", 50),
        ("Mỗi hộ được hỗ trợ từ 3 đến 5 triệu đồng.", None),
    ],
)
def test_a_per_unit_value_is_never_a_donation_by_itself(text: str, count: int | None) -> None:
    [unit] = aid(text)
    assert (unit.role, unit.is_per_unit, unit.unit_count, unit.unit_of_ordinal) == ("unit", True, count, None)


def test_a_per_unit_value_goes_onto_the_total_its_sentence_names() -> None:
    unit, total = aid(
        "Doanh nghiệp trao 300 suất quà, mỗi suất trị giá 500.000 đồng, tổng trị giá 150 triệu đồng cho xã."
    )
    assert (unit.role, unit.unit_of_ordinal) == ("unit", 1)
    assert (total.role, total.unit_value, total.unit_count) == ("donation", 500_000, 300)


def test_the_count_of_gifts_may_be_the_people_given_them_in_another_sentence() -> None:
    [unit] = aid(
        "Sáng 12/1, Hội Doanh nhân trao quà Tết cho 200 hộ gia đình khó khăn.\n\n"
        "Mỗi suất quà trị giá 400.000 đồng, gồm gạo và nhu yếu phẩm."
    )
    assert (unit.role, unit.unit_count) == ("unit", 200)


def test_each_year_is_a_period_not_a_unit() -> None:
    [amount] = aid("Mỗi năm, Quỹ Thiện Tâm tài trợ 2 tỷ đồng học bổng cho sinh viên.")
    assert amount.role == "donation"


@pytest.mark.parametrize(
    "text",
    [
        "Năm 2023, Hội vận động được 5 tỷ đồng, trong đó 2 tỷ đồng tiền mặt.",
        "Năm 2023, Hội vận động được 5 tỷ đồng. Trong đó, Công ty Sao Mai tài trợ 2 tỷ đồng xây trường.",
    ],
)
def test_a_part_is_linked_to_its_total(text: str) -> None:
    total, part = aid(text)
    assert (total.role, part.role, part.part_of_ordinal) == ("donation", "part", 0)


def test_every_amount_after_the_part_word_is_a_part() -> None:
    total, cash, goods = aid("Hội vận động được 5 tỷ đồng, gồm 3 tỷ đồng tiền mặt và 2 tỷ đồng hiện vật.")
    assert (cash.part_of_ordinal, goods.part_of_ordinal) == (0, 0) and total.role == "donation"


def test_a_larger_amount_after_trong_do_is_no_part() -> None:
    _total, second = aid("Quỹ hỗ trợ 2 tỷ đồng, trong đó dự án mới được tài trợ 5 tỷ đồng.")
    assert second.role == "donation"


@pytest.mark.parametrize(
    "text",
    [
        "Từ năm 2015 đến nay, Tổ chức Hy vọng đã tài trợ hơn 50 tỷ đồng cho tỉnh.",
        "Tổng cộng, các nhà hảo tâm đã ủng hộ 800 triệu đồng.",
        "Lũy kế, Quỹ đã hỗ trợ 12 tỷ đồng cho người nghèo.",
        "Qua 10 năm, Hội đã vận động được 30 tỷ đồng.",
        "Công ty Bình Minh đã tài trợ 10 tỷ đồng trong 5 năm qua.",
    ],
)
def test_a_cumulative_total_is_flagged(text: str) -> None:
    [amount] = aid(text)
    assert amount.is_cumulative


def test_a_part_of_a_cumulative_total_is_a_donation_of_its_own() -> None:
    """The cumulative total is not added up, so its part must be: it stays unlinked."""
    total, year = aid("Từ năm 2015 đến nay, Quỹ đã tài trợ 50 tỷ đồng, trong đó năm 2023 là 5 tỷ đồng.")
    assert total.is_cumulative and not year.is_cumulative
    assert year.role == "donation" and year.part_of_ordinal is None


@pytest.mark.parametrize(
    "text",
    [
        "Dịp này, Tổ chức Hy vọng đã trao tặng 1,5 tỷ đồng cho Trường Tiểu học An Bình.",
        "Công trình có tổng trị giá 3 tỷ đồng do Quỹ Thiện Tâm tài trợ.",  # "tổng trị giá" is not cumulative
    ],
)
def test_a_single_donation_is_neither_cumulative_nor_a_part(text: str) -> None:
    [amount] = aid(text)
    assert (amount.role, amount.is_cumulative) == ("donation", False)


def test_the_schema_keeps_every_aid_amount_with_its_value_and_currency() -> None:
    """SCHEMA.md: per-unit values and conversions are still aid entries, scored on (value, currency)."""
    result = extract(
        "Quỹ châu Á tài trợ 20.000 USD (tương đương khoảng 480 triệu đồng). "
        "Đoàn trao 120 phần quà, mỗi phần trị giá 600.000 đồng."
    ).to_schema("x")
    assert {(a["value"], a["currency"], a["kind"]) for a in result["amounts"]} == {
        (20_000, "USD", "aid"),
        (480_000_000, "VND", "aid"),
        (600_000, "VND", "aid"),
    }
    assert [a["role"] for a in result["amounts"]] == ["donation", "conversion", "unit"]


@pytest.mark.parametrize(
    "text",
    [
        "Dịp này, Quỹ trao 50 suất học bổng, mỗi suất 1.250.000 đồng, 1.500.000 đồng và 2.000.000 đồng "
        "tùy theo cấp học.",
        "Quỹ trao 50 suất học bổng, mỗi suất 1,25 triệu, 1,5 triệu và 2 triệu đồng tùy cấp học.",
        "Quỹ Hỗ trợ giáo dục trao 50 suất học bổng cho học sinh nghèo vượt khó. Mỗi suất 1.250.000 đồng đối "
        "với học sinh tiểu học, 1.500.000 đồng đối với học sinh THCS và 2.000.000 đồng đối với học sinh THPT.",
    ],
)
def test_scholarships_listed_per_level_are_all_per_unit_values(text: str) -> None:
    """Issue 16's aid group: each level's value is aid, and none of them is a donation to add up."""
    levels = aid(text)
    assert [amount.value for amount in levels] == [1_250_000, 1_500_000, 2_000_000]
    assert {amount.role for amount in levels} == {"unit"}


def test_two_donations_joined_by_and_are_no_list_of_unit_values() -> None:
    unit, total, cash = aid(
        "Hội trao 120 phần quà, trị giá 400.000 đồng/phần, tổng trị giá 48 triệu đồng và 2 triệu đồng."
    )
    assert (unit.role, total.role, cash.role) == ("unit", "donation", "donation")
