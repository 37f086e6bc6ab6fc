"""Entity resolution (warehouse/resolution.py) on hand-made rows: no dbt, no database.

The dbt models int_organizations__resolved and int_people__resolved only load their refs and call these
functions, so what is proved here is what the warehouse does with names.
"""

from __future__ import annotations

import hashlib

import pytest

from warehouse.resolution import (
    NULL_SENTINEL,
    OrganizationAlias,
    OrganizationSeeds,
    PersonMention,
    WrittenOrganization,
    country_named,
    expand,
    name_key,
    organization_kind,
    province_named,
    resolve_organizations,
    resolve_people,
    surrogate_key,
)

SEEDS = OrganizationSeeds.from_rows(
    abbreviations=[("CTCHN", "các tổ chức hữu nghị"), ("MTTQVN", "Mặt trận Tổ quốc Việt Nam")],
    aliases=[
        OrganizationAlias("VUFO", "Liên hiệp các tổ chức hữu nghị Việt Nam", "VUFO", "friendship_union"),
        OrganizationAlias(
            "Liên hiệp Cần Thơ", "Liên hiệp các tổ chức hữu nghị thành phố Cần Thơ", None, "friendship_union"
        ),
        OrganizationAlias("Bộ Chính trị", "Bộ Chính trị", None, "party"),
    ],
    provinces=["Cần Thơ", "Sóc Trăng", "Hồ Chí Minh", "Hà Nội"],
    location_aliases=[("TP.HCM", "Hồ Chí Minh"), ("TP Cần Thơ", "Cần Thơ")],
    countries=[("Lào", "LA"), ("Nhật Bản", "JP"), ("Nga", "RU")],
)


def _by_name(written: list[WrittenOrganization]) -> dict[str, dict]:
    return {row.name_as_written: vars(row) for row in resolve_organizations(written, SEEDS)}


# --- keys ------------------------------------------------------------------------------------------


def test_surrogate_key_is_the_macros_recipe() -> None:
    """md5 of the parts joined by '-', NULL as dbt_utils' sentinel. The value below is also what the
    dbt unit test of int_directives__resolved expects from the SQL macro generate_surrogate_key, so
    ids made in Python and in SQL are provably built alike."""
    assert surrogate_key("chi_thi", "12", "CT/TW") == "c68487fcb977be42d0421363b0acf34c"
    assert surrogate_key("a", None) == hashlib.md5(f"a-{NULL_SENTINEL}".encode()).hexdigest()
    # a missing part is not the same as an empty one, and no part is skipped
    assert surrogate_key("a", None) != surrogate_key("a", "")
    assert surrogate_key("a", None, "b") != surrogate_key("a", "b")


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Ủy ban nhân dân", "Uỷ ban nhân dân"),  # tone placement
        ("Hòa Bình", "Hoà Bình"),
        ("Lý Văn Quý", "Lí Văn Quí"),  # y / i
        ("  Nguyễn   Văn An. ", "nguyễn văn an"),  # case, spaces, end punctuation
        ("Hội hữu nghị Việt-Lào", "Hội hữu nghị Việt – Lào"),  # dashes
    ],
)
def test_spellings_of_one_name_share_a_key(one: str, other: str) -> None:
    assert name_key(one) == name_key(other)


def test_different_names_keep_different_keys() -> None:
    assert name_key("Lào") != name_key("Lão")
    assert name_key("Nguyễn Văn An") != name_key("Nguyễn Văn Ân")


def test_abbreviations_are_expanded_word_by_word() -> None:
    assert (
        expand("Liên hiệp CTCHN thành phố Cần Thơ", SEEDS.abbreviations)
        == "Liên hiệp các tổ chức hữu nghị thành phố Cần Thơ"
    )
    assert expand("Ủy ban (MTTQVN)", SEEDS.abbreviations) == "Ủy ban (Mặt trận Tổ quốc Việt Nam)"
    assert expand("CTCHNX", SEEDS.abbreviations) == "CTCHNX"  # only whole words


# --- what a name says of the organisation -------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Liên hiệp các tổ chức hữu nghị tỉnh Sóc Trăng", "friendship_union"),
        ("Hội hữu nghị Việt Nam - Lào", "friendship_association"),
        ("Hội Nhà báo Việt Nam hữu nghị", "friendship_association"),
        ("Ủy ban Mặt trận Tổ quốc tỉnh", "front"),
        ("Thành uỷ Cần Thơ", "party"),  # either tone placement
        ("Ban Tuyên giáo Tỉnh ủy Đảng bộ", "party"),
        ("Uỷ ban nhân dân thành phố Hà Nội", "state"),
        ("Sở Ngoại vụ", "state"),
        ("Tổng lãnh sự quán Nhật Bản", "diplomatic_mission"),
        ("Công ty TNHH Mặt Trời", "company"),
        ("Trường Đại học Cần Thơ", "school"),
        ("Quỹ Vì người nghèo thành phố", "association"),
        ("Hội Nông dân", "association"),
        ("Microsoft", "other"),
    ],
)
def test_the_kind_comes_from_the_words_the_name_starts_with(name: str, kind: str) -> None:
    assert organization_kind(name_key(name)) == kind


def test_a_province_is_named_by_its_longest_name_or_alias() -> None:
    assert province_named(name_key("Ủy ban nhân dân TP Cần Thơ"), SEEDS.places) == "Cần Thơ"
    assert province_named(name_key("Sở Ngoại vụ TP.HCM"), SEEDS.places) == "Hồ Chí Minh"
    assert province_named(name_key("Hội hữu nghị (Sóc Trăng)"), SEEDS.places) == "Sóc Trăng"
    assert province_named(name_key("Hội Cần Thơ mới"), SEEDS.places) == "Cần Thơ"
    assert province_named(name_key("Hội Cần"), SEEDS.places) is None  # only whole words


def test_a_country_is_named_by_whole_words_only() -> None:
    assert country_named(name_key("Đại sứ quán Nhật Bản"), SEEDS.countries) == "JP"
    assert country_named(name_key("Hội hữu nghị Việt Nam - Lào"), SEEDS.countries) == "LA"
    assert country_named(name_key("Hội Người cao tuổi"), SEEDS.countries) is None
    assert country_named(name_key("Ngã ba"), SEEDS.countries) is None  # "Ngã" is not "Nga"


# --- organisations ------------------------------------------------------------------------------------


def test_one_row_per_name_as_written_sorted() -> None:
    written = [WrittenOrganization("Sở Ngoại vụ"), WrittenOrganization("Bộ Chính trị")] * 2
    assert list(_by_name(written)) == ["Bộ Chính trị", "Sở Ngoại vụ"]


def test_aliases_and_abbreviations_resolve_to_the_canonical_organisation() -> None:
    rows = _by_name(
        [
            WrittenOrganization("Liên hiệp các tổ chức hữu nghị thành phố Cần Thơ"),
            WrittenOrganization("Liên hiệp Cần Thơ"),
            WrittenOrganization("Liên hiệp CTCHN thành phố Cần Thơ"),
        ]
    )
    assert len({row["organization_id"] for row in rows.values()}) == 1
    row = rows["Liên hiệp Cần Thơ"]
    assert row["organization_name"] == "Liên hiệp các tổ chức hữu nghị thành phố Cần Thơ"
    assert row["organization_kind"] == "friendship_union"
    assert row["country_code"] == "VN"  # a Vietnamese kind of organisation
    assert row["province_name"] == "Cần Thơ"
    assert row["organization_id"] == surrogate_key(row["name_key"])


def test_an_acronym_joins_the_name_it_was_written_beside() -> None:
    rows = _by_name(
        [
            WrittenOrganization("Hội Chữ thập đỏ Nhật Bản", acronym="JRCS"),
            WrittenOrganization("JRCS"),
            WrittenOrganization("Hội Chữ thập đỏ Nhật Bản"),
        ]
    )
    assert rows["JRCS"]["organization_id"] == rows["Hội Chữ thập đỏ Nhật Bản"]["organization_id"]
    assert rows["JRCS"]["organization_name"] == "Hội Chữ thập đỏ Nhật Bản"  # the name most often written
    assert rows["JRCS"]["acronym"] == "JRCS"
    assert rows["JRCS"]["country_code"] == "JP"  # named in the text


def test_a_seed_acronym_and_kind_win() -> None:
    row = _by_name([WrittenOrganization("VUFO")])["VUFO"]
    assert (row["organization_name"], row["acronym"], row["organization_kind"]) == (
        "Liên hiệp các tổ chức hữu nghị Việt Nam",
        "VUFO",
        "friendship_union",
    )


def test_the_country_given_most_often_wins_over_the_name() -> None:
    rows = _by_name(
        [
            WrittenOrganization("Hội hữu nghị Nhật Bản", country_code="VN"),
            WrittenOrganization("Hội hữu nghị Nhật Bản", country_code="VN"),
            WrittenOrganization("Hội hữu nghị Nhật Bản", country_code="JP"),
        ]
    )
    assert rows["Hội hữu nghị Nhật Bản"]["country_code"] == "VN"


def test_spellings_of_one_organisation_are_one_organisation() -> None:
    rows = _by_name(
        [
            WrittenOrganization("Uỷ ban nhân dân tỉnh Sóc Trăng"),
            WrittenOrganization("Ủy ban nhân dân tỉnh Sóc Trăng"),
        ]
    )
    assert len({row["organization_id"] for row in rows.values()}) == 1


# --- people -------------------------------------------------------------------------------------------


def _people(
    mentions: list[PersonMention], organization_ids: dict[str, str] | None = None
) -> dict[str, tuple]:
    return {
        row.record_id: (row.person_id, row.namesakes)
        for row in resolve_people(mentions, organization_ids or {"Bộ Ngoại giao": "o1", "Hội Nông dân": "o2"})
    }


def test_mentions_of_one_name_are_one_person() -> None:
    people = _people(
        [
            PersonMention("r1", "Nguyễn Văn Thủy", "VN", ("Bộ Ngoại giao",)),
            PersonMention("r2", "Nguyễn Văn Thuỷ"),  # another spelling, nothing to tell apart
            PersonMention("r3", "nguyễn văn thủy", "VN"),
        ]
    )
    assert len({person_id for person_id, _ in people.values()}) == 1
    assert people["r1"] == (surrogate_key(name_key("Nguyễn Văn Thủy"), "VN", "o1"), 1)


def test_namesakes_from_two_countries_stay_apart() -> None:
    people = _people([PersonMention("r1", "Kim Min", "KR"), PersonMention("r2", "Kim Min", "KP")])
    assert people["r1"][0] != people["r2"][0]
    assert people["r1"][1] == people["r2"][1] == 2


def test_namesakes_with_disjoint_organisations_stay_apart() -> None:
    people = _people(
        [
            PersonMention("r1", "Trần An", organizations=("Bộ Ngoại giao",)),
            PersonMention("r2", "Trần An", organizations=("Hội Nông dân",)),
            PersonMention("r3", "Trần An", organizations=("Hội Nông dân", "Bộ Ngoại giao")),
        ]
    )
    assert people["r1"][0] != people["r2"][0]
    assert people["r3"][0] == people["r1"][0]  # shares an organisation with the first person formed


def test_a_vague_mention_joins_the_largest_person_it_fits() -> None:
    people = _people(
        [
            PersonMention("r1", "Lê Hoa", "LA"),
            PersonMention("r2", "Lê Hoa", "JP"),
            PersonMention("r3", "Lê Hoa", "JP"),
            PersonMention("r4", "Lê Hoa"),  # no country, no organisation
        ]
    )
    assert people["r4"][0] == people["r2"][0] == people["r3"][0] != people["r1"][0]


def test_organisations_unknown_to_the_resolver_tell_no_one_apart() -> None:
    people = _people(
        [
            PersonMention("r1", "Phạm Bình", organizations=("Bộ Ngoại giao",)),
            PersonMention("r2", "Phạm Bình", organizations=("Hội chưa biết",)),  # not resolved: ignored
        ]
    )
    assert people["r1"] == people["r2"]


def test_a_person_without_country_or_organisation_has_a_key_of_the_name_alone() -> None:
    [row] = resolve_people([PersonMention("r1", "Đỗ Minh")], {})
    assert row.person_id == surrogate_key(name_key("Đỗ Minh"), None, None)
    assert row.name_key == name_key("Đỗ Minh")
