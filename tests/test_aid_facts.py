"""Reports of donations grouped into donations (warehouse/aid_facts.py), on reports written for these tests."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

import pytest

from warehouse.aid_facts import (
    AidAssignment,
    AidMention,
    _assignments,
    _distance,
    _Donation,
    _order,
    amounts_compatible,
    group_aid_mentions,
    interval,
    party_key,
    same_donation,
    stated_year,
)
from warehouse.resolution import surrogate_key

GIFT = AidMention(
    record_id="r1",
    document_id="a1",
    evidence_start=120,
    reported_on=date(2022, 6, 21),
    currency_code="VND",
    qualifier="over",
    amount_value=1.7e9,
    donor_name="Tổng Lãnh sự quán Nhật Bản",
    evidence_sentence="Tổng Lãnh sự quán Nhật Bản đã trao tặng trên 1,7 tỉ đồng.",
)


def report(**changes: Any) -> AidMention:
    """Another report of GIFT, in another article nine days later, unless `changes` say otherwise."""
    defaults: dict[str, Any] = {"record_id": "r2", "document_id": "a2", "reported_on": date(2022, 6, 30)}
    return replace(GIFT, **(defaults | changes))


def groups(*mentions: AidMention) -> list[set[str]]:
    by_aid: dict[str, set[str]] = {}
    for assignment in group_aid_mentions(mentions):
        by_aid.setdefault(assignment.aid_id, set()).add(assignment.record_id)
    return sorted(by_aid.values(), key=min)


@pytest.mark.parametrize(
    ("value", "qualifier", "expected"),
    [
        (1.7e9, "over", (1.7e9, 1.8e9)),  # hơn 1,7 tỷ: up to the next step of its last digit
        (1.72e9, "exact", (1.715e9, 1.725e9)),  # half a step either side
        (28e9, "about", (27e9, 29e9)),
        (1e9, "exact", (0.9875e9, 1.0125e9)),  # a round figure stretches by 2.5 % at most
        (5e8, "under", (4e8, 5e8)),
    ],
)
def test_a_written_amount_stands_for_an_interval(value: float, qualifier: str, expected: tuple) -> None:
    assert interval(value, qualifier) == pytest.approx(expected)


def test_a_range_is_its_two_ends() -> None:
    assert interval(1e9, "exact", 2e9) == (1e9, 2e9)


def test_more_than_a_figure_matches_a_precise_figure_inside_it() -> None:
    assert amounts_compatible(GIFT, report(amount_value=1.72e9, qualifier="exact"))
    assert not amounts_compatible(GIFT, report(amount_value=1.95e9, qualifier="exact"))


def test_a_foreign_amount_matches_its_stated_conversion_in_dong() -> None:
    dollars = report(
        currency_code="USD", amount_value=1.2e6, amount_vnd=28e9, amount_vnd_is_stated=True, qualifier="over"
    )
    assert amounts_compatible(dollars, report(amount_value=28e9, qualifier="exact", record_id="r3"))
    assert not amounts_compatible(dollars, report(amount_value=20e9, qualifier="exact", record_id="r3"))


def test_a_rate_conversion_is_compared_with_a_tolerance() -> None:
    dollars = report(currency_code="USD", amount_value=250_000, amount_vnd=5.9e9, qualifier="exact")
    assert amounts_compatible(dollars, report(amount_value=6e9, qualifier="about", record_id="r3"))
    assert not amounts_compatible(dollars, report(amount_value=9e9, qualifier="exact", record_id="r3"))


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Tổng Lãnh sự quán Nhật Bản", "Tổng Lãnh sự Nhật Bản"),
        ("Tổng Lãnh sự quán Nhật Bản", "Tổng lãnh sự quán Nhật Bản tại TP Hồ Chí Minh"),
        ("Đại sứ quán Hàn Quốc", "ĐẠI SỨ QUÁN HÀN QUỐC"),
    ],
)
def test_a_mission_is_one_donor_with_or_without_quan_or_its_city(first: str, second: str) -> None:
    assert party_key(first) == party_key(second)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Cơ quan Hợp tác Quốc tế Hàn Quốc (KOICA)", "KOICA"),
        ("Tổ chức Plan International", "Plan International"),
        ("Plan International", "Tổ chức Plan International Việt Nam"),
    ],
)
def test_a_donor_and_its_acronym_or_longer_name_are_one_donor(first: str, second: str) -> None:
    assert same_donation(replace(GIFT, donor_name=first), report(donor_name=second))


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Đại sứ quán Nhật Bản", "Tổng Lãnh sự quán Nhật Bản"),
        ("Trường Tiểu học An Bình", "Trường Trung học cơ sở An Bình"),
        ("KOICA", "JICA"),
    ],
)
def test_look_alike_names_are_different_parties(first: str, second: str) -> None:
    assert not same_donation(replace(GIFT, donor_name=first), report(donor_name=second))
    assert not same_donation(replace(GIFT, recipient_name=first), report(recipient_name=second))


def test_different_donors_stay_apart() -> None:
    assert party_key("Tổ chức World Vision") != party_key("Tổ chức Plan International")
    assert not same_donation(GIFT, report(donor_name="Tổ chức World Vision"))


def test_the_same_gift_reported_by_two_sites_is_one_donation() -> None:
    other = report(
        donor_name="Tổng Lãnh sự Nhật Bản",
        recipient_name="Trường Cao đẳng Văn hóa - Nghệ thuật Cần Thơ",
        qualifier="over",
    )
    assert groups(GIFT, other) == [{"r1", "r2"}]


def test_a_recipient_and_its_longer_name_are_one_recipient() -> None:
    first = replace(GIFT, recipient_name="Bệnh viện Nhi đồng thành phố")
    assert groups(first, report(recipient_name="Bệnh viện Nhi đồng Thành phố Cần Thơ")) == [{"r1", "r2"}]


def test_recipients_that_differ_keep_two_donations_apart() -> None:
    first = replace(GIFT, recipient_name="Trường Tiểu học An Bình")
    assert groups(first, report(recipient_name="Trường Tiểu học Tân Lập")) == [{"r1"}, {"r2"}]


def test_years_that_differ_keep_two_donations_apart() -> None:
    # reported ten days apart across New Year, or each sentence naming its own year
    assert groups(GIFT, report(reported_on=date(2022, 6, 25), evidence_sentence="Năm 2021, ...")) == [
        {"r1"},
        {"r2"},
    ]
    new_year = replace(GIFT, reported_on=date(2022, 12, 28))
    assert groups(new_year, report(reported_on=date(2023, 1, 6))) == [{"r1"}, {"r2"}]


def test_reports_further_apart_than_the_window_are_two_donations() -> None:
    assert groups(GIFT, report(reported_on=date(2022, 9, 1))) == [{"r1"}, {"r2"}]


def test_two_amounts_of_one_article_for_different_projects_stay_apart() -> None:
    school = replace(GIFT, purpose="xây trường")
    well = report(
        document_id="a1",
        record_id="r2",
        evidence_start=300,
        purpose="khoan giếng",
        reported_on=GIFT.reported_on,
    )
    assert groups(school, well) == [{"r1"}, {"r2"}]


def test_the_lead_and_the_body_of_one_article_telling_one_gift_are_one_donation() -> None:
    lead = replace(GIFT, recipient_name=None)
    body = report(
        document_id="a1",
        evidence_start=800,
        reported_on=GIFT.reported_on,
        amount_value=1.72e9,
        qualifier="exact",
        recipient_name="Trường Cao đẳng Văn hóa - Nghệ thuật Cần Thơ",
    )
    assert groups(lead, body) == [{"r1", "r2"}]


def test_a_cumulative_total_never_joins_a_single_donation() -> None:
    assert groups(GIFT, report(is_cumulative=True)) == [{"r1"}, {"r2"}]


def test_across_articles_an_unnamed_donor_needs_the_same_named_recipient() -> None:
    unnamed = report(donor_name=None)
    assert groups(GIFT, unnamed) == [{"r1"}, {"r2"}]
    school = "Trường Cao đẳng Văn hóa - Nghệ thuật Cần Thơ"
    assert groups(replace(GIFT, recipient_name=school), report(donor_name=None, recipient_name=school)) == [
        {"r1", "r2"}
    ]


def test_a_report_joins_only_a_donation_it_matches_in_every_report() -> None:
    """No chain: 1,7 tỷ then 1,75 tỷ then 1,8 tỷ would drift from the first to the last."""
    second = report(amount_value=1.75e9, qualifier="exact")
    third = report(record_id="r3", document_id="a3", amount_value=1.8e9, qualifier="exact")
    assert groups(replace(GIFT, qualifier="exact"), second, third) == [{"r1"}, {"r2"}, {"r3"}]


def test_the_id_is_the_earliest_reports_and_the_amount_the_most_precise() -> None:
    precise = report(amount_value=1.72e9, qualifier="exact")
    assignments = {a.record_id: a for a in group_aid_mentions([precise, GIFT])}
    assert assignments["r1"].aid_id == assignments["r2"].aid_id == surrogate_key("a1", "120")
    assert (assignments["r1"].is_primary_mention, assignments["r2"].is_primary_mention) == (False, True)


def test_a_part_points_at_its_totals_donation() -> None:
    total = replace(GIFT, record_id="t", amount_value=3.2e9, donor_name="Liên hiệp các tổ chức hữu nghị")
    part = replace(GIFT, record_id="p", evidence_start=300, part_of_record_id="t")
    assignments = {a.record_id: a for a in group_aid_mentions([total, part, report()])}
    assert assignments["p"].aid_id == assignments["r2"].aid_id != assignments["t"].aid_id
    assert assignments["p"].part_of_aid_id == assignments["r2"].part_of_aid_id == assignments["t"].aid_id
    assert assignments["t"].part_of_aid_id is None


def test_the_grouping_does_not_depend_on_the_input_order() -> None:
    mentions = [GIFT, report(), report(record_id="r3", document_id="a3", donor_name="Quỹ Thiện Tâm")]
    assert group_aid_mentions(mentions) == group_aid_mentions(list(reversed(mentions)))


@pytest.mark.parametrize(
    ("sentence", "year"),
    [
        ("Năm 2023, Quỹ tài trợ 2 tỷ đồng.", 2023),
        ("Giai đoạn 2021 - 2025 ...", None),
        ("Không có năm.", None),
    ],
)
def test_the_year_a_sentence_states(sentence: str, year: int | None) -> None:
    assert stated_year(sentence) == year


def _grouped_by_comparing_every_donation(mentions: list[AidMention]) -> list[AidAssignment]:
    """The grouping rule of the module's docstring with no shortcut: each report compared with every
    donation made so far (the reference for group_aid_mentions' window)."""
    donations: list[_Donation] = []
    for mention in sorted(mentions, key=_order):
        fitting = [d for d in donations if all(same_donation(mention, other) for other in d.mentions)]
        if fitting:
            min(fitting, key=lambda d: _distance(mention, d.mentions)).mentions.append(mention)
        else:
            donations.append(_Donation([mention]))
    return _assignments(donations)


def _random_amount(randomly: random.Random) -> dict[str, Any]:
    """A report's amount as extraction gives them: VND or another currency with or without its value in
    VND, a range, a unit value with no count, or an amount that cannot be the same money as any."""
    kind = randomly.choice(["vnd", "vnd", "usd", "usd_stated", "range", "unit", "none", "odd"])
    value = randomly.choice([1.7e9, 1.72e9, 3e9, 2.9e9, 5e7])
    qualifier = randomly.choice(["exact", "over", "about", "under"])
    if kind == "vnd":
        return {"currency_code": "VND", "amount_value": value, "qualifier": qualifier}
    if kind in ("usd", "usd_stated"):
        dollars = randomly.choice([70_000.0, 72_000.0, 120_000.0, 2_000.0])
        return {"currency_code": "USD", "amount_value": dollars, "qualifier": qualifier,
                "amount_vnd": dollars * 24_000 if randomly.random() < 0.8 else None,
                "amount_vnd_is_stated": kind == "usd_stated"}  # fmt: skip
    if kind == "range":
        return {
            "currency_code": "VND",
            "amount_value": value,
            "amount_value_max": value * 1.5,
            "qualifier": "exact",
        }
    if kind == "unit":
        return {"currency_code": "VND", "amount_value": None, "unit_value": randomly.choice([5e5, 1e6])}
    if kind == "none":
        return {"currency_code": "VND", "amount_value": None, "unit_value": None}
    return {
        "currency_code": "VND",
        "amount_value": randomly.choice([0.0, -1e6]),
        "qualifier": "exact",
    }


def test_only_donations_within_the_date_window_and_of_a_compatible_amount_are_compared_and_the_grouping_is_the_same() -> (
    None
):
    """The date window and the index of donations by amount (`_AmountIndex`) leave out only donations the
    rules would turn down: the grouping is the one comparing every report with every donation gives."""
    randomly = random.Random(13)
    donors = ["Tổng Lãnh sự quán Nhật Bản", "KOICA", "Plan International", None]
    mentions = [
        report(
            record_id=f"r{number}",
            document_id=f"a{number // 3}",
            evidence_start=number % 3,
            reported_on=None
            if randomly.random() < 0.1
            else date(2022, 1, 1) + timedelta(randomly.randrange(400)),
            donor_name=randomly.choice(donors),
            recipient_name=randomly.choice(["Bệnh viện Nhi đồng", None]),
            evidence_sentence="",
            **_random_amount(randomly),
        )
        for number in range(1200)
    ]
    grouped = group_aid_mentions(mentions)
    assert grouped == _grouped_by_comparing_every_donation(mentions)
    assert len({assignment.aid_id for assignment in grouped}) < 0.75 * len(mentions)  # reports did join
