"""Entity resolution (warehouse/resolution.py) on hand-made rows: no dbt, no database.

The dbt models int_organizations__resolved and int_people__resolved only load their refs and call these
functions, so what is proved here is what the warehouse does with names.
"""

from __future__ import annotations

import csv
import hashlib
from pathlib import Path

import pytest

from warehouse.resolution import (
    NULL_SENTINEL,
    SEED_KINDS,
    ForeignOrganization,
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
    rewrite_head,
    surrogate_key,
)

SEEDS = OrganizationSeeds.from_rows(
    abbreviations=[
        ("CTCHN", "các tổ chức hữu nghị"),
        ("LHCTCHN", "Liên hiệp các tổ chức hữu nghị"),
        ("MTTQVN", "Mặt trận Tổ quốc Việt Nam"),
        ("TP", "thành phố"),
        ("TP.HCM", "thành phố Hồ Chí Minh"),
        ("UBND", "Ủy ban nhân dân"),
    ],
    aliases=[
        OrganizationAlias("VUFO", "Liên hiệp các tổ chức hữu nghị Việt Nam", "VUFO", "friendship_union"),
        OrganizationAlias(
            "Liên hiệp Cần Thơ", "Liên hiệp các tổ chức hữu nghị thành phố Cần Thơ", None, "friendship_union"
        ),
        OrganizationAlias("Bộ Chính trị", "Bộ Chính trị", None, "party"),
    ],
    provinces=["Cần Thơ", "Sóc Trăng", "Hồ Chí Minh", "Hà Nội", "Hậu Giang", "Đà Nẵng"],
    location_aliases=[("TP.HCM", "Hồ Chí Minh"), ("TP Cần Thơ", "Cần Thơ")],
    countries=[
        ("Lào", "LA", None),
        ("Nhật Bản", "JP", "Nhật"),
        ("Nga", "RU", "Liên bang Nga"),
        ("Hàn Quốc", "KR", "Đại Hàn Dân Quốc"),
        ("Hoa Kỳ", "US", "Mỹ"),
        ("Đức", "DE", "Cộng hòa Liên bang Đức"),
        ("Anh", "GB", "Vương quốc Anh"),
        ("Việt Nam", "VN", None),
    ],
    heads=[
        ("Tổng Lãnh sự", "Tổng Lãnh sự quán"),
        ("Đại sứ", "Đại sứ quán"),
        ("Liên hiệp hữu nghị", "Liên hiệp các tổ chức hữu nghị"),
    ],
    foreign=[
        ForeignOrganization("Cơ quan Hợp tác Quốc tế Hàn Quốc", "KOICA", "KR", "development_agency"),
        ForeignOrganization(
            "Cơ quan Hợp tác Quốc tế Nhật Bản",
            "JICA",
            "JP",
            "development_agency",
            ("Japan International Cooperation Agency",),
        ),
        ForeignOrganization("Tổ chức Hợp tác Quốc tế Đức", "GIZ", "DE", "development_agency"),
        ForeignOrganization("Cơ quan Phát triển Quốc tế Hoa Kỳ", "USAID", "US", "development_agency"),
        ForeignOrganization("Plan International", None, "GB", "ngo"),
        ForeignOrganization("Quỹ Nhi đồng Liên hợp quốc", "UNICEF", None, "international_organization"),
    ],
)


SEEDS_DIR = Path(__file__).resolve().parent.parent / "dbt_project" / "seeds"


def _seed(name: str) -> list[dict[str, str]]:
    with (SEEDS_DIR / f"{name}.csv").open(encoding="utf-8", newline="") as file:
        return list(csv.DictReader(file))


def test_the_seed_of_foreign_organisations_gives_known_countries_and_kinds_and_no_name_twice() -> None:
    countries = {row["country_code"] for row in _seed("countries")}
    rows = _seed("foreign_organizations")
    assert {row["organization_kind"] for row in rows} <= set(SEED_KINDS)
    assert {row["country_code"] for row in rows if row["country_code"]} <= countries
    spellings = [
        name_key(spelling)
        for row in rows
        for spelling in [row["name"], row["acronym"], *row["aliases"].split("|")]
        if spelling
    ]
    spellings += [name_key(row["alias"]) for row in _seed("organization_aliases")]
    assert len(spellings) == len(set(spellings)), "a name is given to two organisations"


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
    assert country_named(name_key("Hội Người cao tuổi"), SEEDS.countries) is None
    assert country_named(name_key("Ngã ba"), SEEDS.countries) is None  # "Ngã" is not "Nga"


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("Hội hữu nghị Việt Nam - Lào", "VN"),  # Vietnam is named first: a Vietnamese society
        ("Hội hữu nghị Việt - Nhật", "VN"),
        ("Hội hữu nghị Nhật - Việt", "JP"),  # the Japanese society
        ("Hội những người Hàn Quốc yêu Việt Nam", "KR"),
        ("Đại sứ quán Hoa Kỳ tại Việt Nam", "US"),
        ("Tổ chức GIZ của Cộng hòa Liên bang Đức", "DE"),
        ("Đại sứ quán Anh", "GB"),  # a one-word name after "quán"
        ("Tổng Lãnh sự quán Mỹ", "US"),
        ("Trường Nguyễn Đức Cảnh", None),  # a one-word name inside a person's name is no country
        ("Trường Đại học Mỹ thuật", None),
        ("Nhật Bản tại thành phố Hồ Chí Minh", "JP"),  # at the start
    ],
)
def test_the_country_a_name_names_first(name: str, country: str | None) -> None:
    assert country_named(name_key(name), SEEDS.countries) == country


@pytest.mark.parametrize(
    ("name", "full"),
    [
        ("Tổng Lãnh sự Nhật Bản", "Tổng Lãnh sự quán Nhật Bản"),
        ("Tổng Lãnh sự quán Nhật Bản", "Tổng Lãnh sự quán Nhật Bản"),  # already in full
        ("Tổng lãnh sự quán Nhật Bản", "Tổng lãnh sự quán Nhật Bản"),  # in full, whatever the case
        ("Liên hiệp hữu nghị tỉnh Sóc Trăng", "Liên hiệp các tổ chức hữu nghị tỉnh Sóc Trăng"),
        ("Đại sứ quán Nga", "Đại sứ quán Nga"),
        ("Hội Đại sứ", "Hội Đại sứ"),  # only the opening words
    ],
)
def test_the_opening_words_take_their_full_form(name: str, full: str) -> None:
    assert rewrite_head(name, SEEDS.heads) == full


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


def _ids(rows: dict[str, dict], *names: str) -> set[str]:
    return {rows[name]["organization_id"] for name in names}


def test_every_written_form_of_vufo_is_one_organisation_and_a_provinces_union_another() -> None:
    national = [
        "Liên hiệp các tổ chức hữu nghị Việt Nam",
        "Liên hiệp các Tổ chức Hữu nghị Việt Nam (VUFO)",
        "VUFO",
        "Liên hiệp CTCHN Việt Nam",
        "Liên hiệp hữu nghị Việt Nam",
        "LHCTCHN Việt Nam",
    ]
    can_tho = [
        "Liên hiệp các tổ chức hữu nghị thành phố Cần Thơ",
        "Liên hiệp CTCHN thành phố Cần Thơ",
        "LHCTCHN TP Cần Thơ",
        "Liên hiệp các tổ chức hữu nghị TP. Cần Thơ",
        "Liên hiệp hữu nghị thành phố Cần Thơ",
        "Liên hiệp Cần Thơ",
    ]
    rows = _by_name([WrittenOrganization(name) for name in [*national, *can_tho]])
    assert len(_ids(rows, *national)) == len(_ids(rows, *can_tho)) == 1
    assert _ids(rows, *national) != _ids(rows, *can_tho)
    vufo, city = rows["VUFO"], rows["LHCTCHN TP Cần Thơ"]
    assert (vufo["organization_name"], vufo["acronym"], vufo["country_code"], vufo["province_name"]) == (
        "Liên hiệp các tổ chức hữu nghị Việt Nam",
        "VUFO",
        "VN",
        None,
    )
    assert (city["organization_name"], city["country_code"], city["province_name"]) == (
        "Liên hiệp các tổ chức hữu nghị thành phố Cần Thơ",
        "VN",
        "Cần Thơ",
    )


def test_an_acronym_in_brackets_is_set_aside_and_kept() -> None:
    rows = _by_name(
        [
            WrittenOrganization("Hội Chữ thập đỏ Nhật Bản (JRCS)"),
            WrittenOrganization("Hội Chữ thập đỏ Nhật Bản"),
        ]
    )
    assert len(_ids(rows, *rows)) == 1
    assert rows["Hội Chữ thập đỏ Nhật Bản"]["acronym"] == "JRCS"


@pytest.mark.parametrize(
    ("written", "country", "kind"),
    [
        (WrittenOrganization("Tổng Lãnh sự quán Nhật Bản tại TP.HCM"), "JP", "diplomatic_mission"),
        (WrittenOrganization("Đại sứ quán Hoa Kỳ"), "US", "diplomatic_mission"),
        (WrittenOrganization("KOICA"), "KR", "development_agency"),
        (WrittenOrganization("JICA"), "JP", "development_agency"),
        (WrittenOrganization("GIZ"), "DE", "development_agency"),
        (WrittenOrganization("USAID"), "US", "development_agency"),
        (WrittenOrganization("Tổ chức Plan International"), "GB", "ngo"),
        (WrittenOrganization("UNICEF"), None, "international_organization"),  # of no one country
        (WrittenOrganization("Hội Chữ thập đỏ Hàn Quốc"), "KR", "association"),  # named with its country
        # Vietnamese bodies named after a foreign country are Vietnamese
        (WrittenOrganization("Hội hữu nghị Việt Nam - Hàn Quốc"), "VN", "friendship_association"),
        (WrittenOrganization("Hội hữu nghị Việt - Nhật thành phố Cần Thơ"), "VN", "friendship_association"),
        (WrittenOrganization("UBND tỉnh Sóc Trăng"), "VN", "state"),
        (WrittenOrganization("Trường Cao đẳng Cần Thơ"), "VN", "school"),  # names a Vietnamese province
        (WrittenOrganization("Trường Nguyễn Đức Cảnh"), None, "school"),  # nothing says
    ],
)
def test_an_organisation_carries_its_home_country_when_known(
    written: WrittenOrganization, country: str | None, kind: str
) -> None:
    row = _by_name([written])[written.name]
    assert (row["country_code"], row["organization_kind"]) == (country, kind)


def test_a_known_name_behind_a_generic_head_or_before_a_qualifier_is_that_organisation() -> None:
    koica = ["KOICA", "Tổ chức KOICA", "KOICA tại Việt Nam", "Cơ quan Hợp tác Quốc tế Hàn Quốc (KOICA)"]
    giz = ["GIZ", "Tổ chức GIZ của Cộng hòa Liên bang Đức", "Tổ chức Hợp tác Quốc tế Đức"]
    jica = ["JICA", "Japan International Cooperation Agency"]
    rows = _by_name([WrittenOrganization(name) for name in [*koica, *giz, *jica]])
    assert [len(_ids(rows, *names)) for names in (koica, giz, jica)] == [1, 1, 1]
    assert rows["Tổ chức KOICA"]["organization_name"] == "Cơ quan Hợp tác Quốc tế Hàn Quốc"
    assert rows["Tổ chức KOICA"]["acronym"] == "KOICA"


def test_a_generic_head_falls_before_an_unknown_name_in_latin_letters_only() -> None:
    rows = _by_name(
        [
            WrittenOrganization(name)
            for name in ["Tổ chức ABC Foundation", "ABC Foundation", "Tổ chức Y tế", "Y tế"]
        ]
    )
    assert len(_ids(rows, "Tổ chức ABC Foundation", "ABC Foundation")) == 1
    assert len(_ids(rows, "Tổ chức Y tế", "Y tế")) == 2  # a Vietnamese name keeps its words


def test_a_diplomats_organisation_is_the_mission_of_the_country() -> None:
    rows = _by_name(
        [
            WrittenOrganization("Hoa Kỳ tại Việt Nam", post="Đại sứ"),  # "Đại sứ Hoa Kỳ tại Việt Nam"
            WrittenOrganization("Đại sứ quán Hoa Kỳ", country_code="US"),
            WrittenOrganization("Nhật Bản tại TP.HCM", post="Tổng Lãnh sự"),
            WrittenOrganization("Tổng Lãnh sự Nhật Bản"),  # a donor: the consulate
            WrittenOrganization("Tổng Lãnh sự quán Nhật Bản tại Thành phố Hồ Chí Minh"),
            WrittenOrganization("Hội hữu nghị Việt Nam - Lào", post="Chủ tịch"),  # no diplomat: as written
        ]
    )
    assert len(_ids(rows, "Hoa Kỳ tại Việt Nam", "Đại sứ quán Hoa Kỳ")) == 1
    assert rows["Hoa Kỳ tại Việt Nam"]["organization_name"] == "Đại sứ quán Hoa Kỳ"
    consulate = [
        "Nhật Bản tại TP.HCM",
        "Tổng Lãnh sự Nhật Bản",
        "Tổng Lãnh sự quán Nhật Bản tại Thành phố Hồ Chí Minh",
    ]
    assert len(_ids(rows, *consulate)) == 1
    assert rows["Tổng Lãnh sự Nhật Bản"]["country_code"] == "JP"
    assert rows["Tổng Lãnh sự Nhật Bản"]["province_name"] == "Hồ Chí Minh"
    assert rows["Hội hữu nghị Việt Nam - Lào"]["organization_name"] == "Hội hữu nghị Việt Nam - Lào"


def test_a_mission_without_its_city_joins_no_city_when_there_are_two() -> None:
    names = [
        "Tổng Lãnh sự quán Nhật Bản",
        "Tổng Lãnh sự quán Nhật Bản tại TP.HCM",
        "Tổng Lãnh sự quán Nhật Bản tại Đà Nẵng",
    ]
    rows = _by_name([WrittenOrganization(name) for name in names])
    assert len(_ids(rows, *names)) == 3


# --- people -------------------------------------------------------------------------------------------

# name as written -> province it names, as int_organizations__resolved gives them
PROVINCES: dict[str, str | None] = {
    "Bộ Ngoại giao": None,
    "Sở Ngoại vụ thành phố Cần Thơ": "Cần Thơ",
    "UBND thành phố Cần Thơ": "Cần Thơ",
    "UBND thành phố": None,
    "Thành ủy Cần Thơ": "Cần Thơ",
    "Hội hữu nghị Việt Nam - Lào tỉnh Hậu Giang": "Hậu Giang",
    "Hội hữu nghị Việt Nam - Hàn Quốc": None,
    "Hội hữu nghị Việt Nam - Hàn Quốc thành phố Cần Thơ": "Cần Thơ",
}


def _people(mentions: list[PersonMention]) -> dict[str, tuple]:
    return {row.record_id: (row.person_id, row.namesakes) for row in resolve_people(mentions, PROVINCES)}


def test_mentions_of_one_name_are_one_person() -> None:
    people = _people(
        [
            PersonMention("r1", "Nguyễn Văn Thủy", "VN", ("UBND thành phố Cần Thơ",)),
            PersonMention("r2", "Nguyễn Văn Thuỷ"),  # another spelling, nothing to tell apart
            PersonMention("r3", "nguyễn văn thủy", "VN"),
        ]
    )
    assert len({person_id for person_id, _ in people.values()}) == 1
    assert people["r1"] == (surrogate_key(name_key("Nguyễn Văn Thủy"), "VN", "Cần Thơ"), 1)


@pytest.mark.parametrize(
    ("precise", "vague"),
    [
        # the three people dim_person split in two before: the same post, once with its city and once without
        ("UBND thành phố Cần Thơ", "UBND thành phố"),
        ("Hội hữu nghị Việt Nam - Hàn Quốc thành phố Cần Thơ", "Hội hữu nghị Việt Nam - Hàn Quốc"),
        ("UBND thành phố Cần Thơ", "Bộ Ngoại giao"),  # a national post and a provincial one: no conflict
        ("UBND thành phố Cần Thơ", "Hội chưa biết"),  # an organisation the resolver does not know
    ],
)
def test_a_person_is_not_split_by_a_less_precise_organisation(precise: str, vague: str) -> None:
    people = _people(
        [
            PersonMention("r1", "Nguyễn Thực Hiện", "VN", (precise,)),
            PersonMention("r2", "Nguyễn Thực Hiện", "VN", (vague,)),
            PersonMention("r3", "Nguyễn Thực Hiện", "VN", (precise,)),
        ]
    )
    assert people["r1"] == people["r2"] == people["r3"]
    assert people["r1"][1] == 1


def test_different_organisations_of_one_province_are_one_person() -> None:
    """Posts in two bodies of Cần Thơ (the city's committee, its party committee) are one official:
    organisations that share none are not two people by default."""
    people = _people(
        [
            PersonMention("r1", "Trần An", "VN", ("UBND thành phố Cần Thơ",)),
            PersonMention("r2", "Trần An", "VN", ("Thành ủy Cần Thơ", "Sở Ngoại vụ thành phố Cần Thơ")),
        ]
    )
    assert people["r1"] == people["r2"]


def test_namesakes_with_posts_in_two_provinces_stay_apart() -> None:
    """The sample portal's true namesakes: a deputy director in Cần Thơ and a society's chairman in Hậu
    Giang, both Nguyễn Văn Hùng. A mention that says nothing joins the one named most."""
    people = _people(
        [
            PersonMention("r1", "Nguyễn Văn Hùng", "VN", ("Sở Ngoại vụ thành phố Cần Thơ",)),
            PersonMention("r2", "Nguyễn Văn Hùng", "VN", ("Hội hữu nghị Việt Nam - Lào tỉnh Hậu Giang",)),
            PersonMention("r3", "Nguyễn Văn Hùng", "VN", ("Sở Ngoại vụ thành phố Cần Thơ",)),
            PersonMention("r4", "Nguyễn Văn Hùng", "VN"),
        ]
    )
    assert people["r1"][0] != people["r2"][0]
    assert people["r1"][0] == people["r3"][0] == people["r4"][0]
    assert {namesakes for _, namesakes in people.values()} == {2}
    key = name_key("Nguyễn Văn Hùng")
    assert people["r2"][0] == surrogate_key(key, "VN", "Hậu Giang")


def test_namesakes_from_two_countries_stay_apart() -> None:
    people = _people([PersonMention("r1", "Kim Min", "KR"), PersonMention("r2", "Kim Min", "KP")])
    assert people["r1"][0] != people["r2"][0]
    assert people["r1"][1] == people["r2"][1] == 2


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


def test_a_person_without_country_or_province_has_a_key_of_the_name_alone() -> None:
    [row] = resolve_people([PersonMention("r1", "Đỗ Minh", organizations=("Bộ Ngoại giao",))], PROVINCES)
    assert row.person_id == surrogate_key(name_key("Đỗ Minh"), None, None)
    assert row.name_key == name_key("Đỗ Minh")
