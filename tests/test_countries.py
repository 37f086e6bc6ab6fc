"""Foreign countries named in Vietnamese text, on sentences written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from extraction import extract
from extraction.countries import country_code
from extraction.gazetteer import countries, seed_csv


def codes(text: str) -> set[str]:
    return {mention.code for mention in extract(text).countries}


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("Hoa Kỳ", "US"),
        ("Hợp chủng quốc Hoa Kỳ", "US"),
        ("CHDCND Lào", "LA"),
        ("Cộng hòa Dân chủ Nhân dân Lào", "LA"),
        ("Cộng hoà Dân chủ Nhân dân Lào", "LA"),
        ("Vương quốc Campuchia", "KH"),
        ("Cam-pu-chia", "KH"),
        ("CHDCND Triều Tiên", "KP"),
        ("Đại Hàn Dân Quốc", "KR"),
        ("Cu Ba", "CU"),
        ("Cuba", "CU"),
        ("Liên bang Nga", "RU"),
        ("Xinh-ga-po", "SG"),
        ("Singapore", "SG"),
        ("Ốt-xtrây-li-a", "AU"),
        ("Australia", "AU"),
        ("Úc", "AU"),
        ("Thuỵ Sĩ", "CH"),
        ("Niu Di-lân", "NZ"),
        ("In-đô-nê-xi-a", "ID"),
        ("Phi-líp-pin", "PH"),
        ("Mi-an-ma", "MM"),
        ("Ấn Độ", "IN"),
        ("Thổ Nhĩ Kỳ", "TR"),
        ("Bra-xin", "BR"),
        ("Vê-nê-xu-ê-la", "VE"),
        ("Mô-dăm-bích", "MZ"),
    ],
)
def test_country_names_and_variants(name: str, code: str) -> None:
    assert country_code(name) == code
    assert codes(f"Đoàn đại biểu {name} sang thăm và làm việc.") == {code}


def test_inside_organisation_names() -> None:
    text = (
        "Hội hữu nghị Việt Nam - Hàn Quốc phối hợp với Hội hữu nghị Việt Nam – Cu Ba "
        "và Hội Hữu nghị Việt Nam - Liên bang Nga tổ chức gặp mặt."
    )
    assert codes(text) == {"KR", "CU", "RU"}


def test_north_and_south_korea_are_two_countries() -> None:
    assert codes("Đoàn Triều Tiên và đoàn Hàn Quốc cùng dự.") == {"KP", "KR"}


def test_viet_nam_regions_and_international_bodies_are_not_countries() -> None:
    text = (
        "Việt Nam là thành viên ASEAN, hợp tác với EU, Liên hợp quốc, UNICEF và các nước châu Phi, "
        "Mỹ Latinh, Đông Nam Á; nhân dân Việt Nam cảm ơn."
    )
    assert codes(text) == set()


@pytest.mark.parametrize(
    "sentence",
    [
        "Triển lãm mỹ thuật và dịch vụ thẩm mỹ ở thành phố Mỹ Tho.",
        "Đoàn đến tỉnh Lào Cai và huyện Nga Sơn.",
        "Cần tuân thủ pháp luật và có biện pháp phù hợp.",
        "Ông Trần Minh Đức và anh Lê Văn Anh cùng dự; anh ấy phát biểu.",
        "Chủ nhật tuần này hội họp mặt; khu Mỹ Đình, phường Phú Mỹ.",
        "Bà Nguyễn Thị Mỹ Duyên và chị Hồ Phương Nga.",
    ],
)
def test_ordinary_words_places_and_given_names_are_not_countries(sentence: str) -> None:
    assert codes(sentence) == set()


def test_short_names_count_where_they_name_the_country() -> None:
    assert codes("Đại sứ Nga, Đại sứ quán Pháp, chuyên gia Nhật và Hội hữu nghị Việt - Đức.") == {
        "RU",
        "FR",
        "JP",
        "DE",
    }


def test_mention_keeps_the_name_as_written() -> None:
    [mention] = extract("Đoàn Cộng hoà Dân chủ Nhân dân Lào đến thăm.").countries
    assert (mention.code, mention.name) == ("LA", "Cộng hoà Dân chủ Nhân dân Lào")


# --- gaps ---------------------------------------------------------------------------

# Official Vietnamese names (and common spellings) the gazetteer does not know yet.
MISSING = {
    "Hoa Kì": "US",
    "Cư-rơ-gư-xtan": "KG",
    "Tát-gi-ki-xtan": "TJ",
    "Tuốc-mê-ni-xtan": "TM",
    "Ả-rập Xê-út": "SA",
    "Ba-ranh": "BH",
    "Bờ Biển Ngà": "CI",
    "Ma-li": "ML",
    "Bu-run-đi": "BI",
    "Pa-ra-goay": "PY",
    "Ê-cu-a-đo": "EC",
    "Mê-xi-cô": "MX",
    "Gia-mai-ca": "JM",
    "Crô-a-ti-a": "HR",
    "Xlô-ven-ni-a": "SI",
    "An-ba-ni": "AL",
    "Ét-xtô-ni-a": "EE",
    "Lát-vi-a": "LV",
    "Síp": "CY",
    "Lúc-xăm-bua": "LU",
    "Tân Tây Lan": "NZ",
    "Bu-tan": "BT",
    "Man-đi-vơ": "MV",
    "Xi-ri": "SY",
    "Đông Ti-mo": "TL",
}


def test_every_country_has_its_vietnamese_names() -> None:
    assert {name: country_code(name) for name in MISSING} == MISSING


def test_compounds_after_proper_nouns_are_not_countries() -> None:
    assert codes("Trường Đại học Mỹ thuật mở Trung tâm Anh ngữ.") == set()


def test_short_friendship_names() -> None:
    assert codes("Hội hữu nghị Việt - Triều và Hội hữu nghị Việt - Trung gặp mặt.") == {"KP", "CN"}


def test_given_names_after_honorifics_are_not_countries() -> None:
    assert codes("Bà Nga và ông Mỹ là hai hội viên lâu năm.") == set()


@pytest.mark.xfail(strict=True, reason="capitalised common words at a sentence start are taken for countries")
@pytest.mark.parametrize(
    "sentence",
    [
        "Anh cho biết hội sẽ tiếp tục đồng hành cùng các em.",
        "Anh chia sẻ niềm vui khi được gặp lại bạn bè.",
        "Nhật ký hành trình được đăng trên trang của hội.",
        "Áo dài truyền thống được giới thiệu tới bạn bè quốc tế.",
        "Đức tin của bà con giáo dân được tôn trọng; Đức Phật đản sinh.",
    ],
)
def test_common_words_at_a_sentence_start_are_not_countries(sentence: str) -> None:
    assert codes(sentence) == set()


def test_the_same_short_names_still_count_as_countries() -> None:
    text = "Đoàn sang Anh dự hội thảo; chuyên gia Nhật và Đức chia sẻ; nước Áo tài trợ."
    assert codes(text) == {"GB", "JP", "DE", "AT"}


@pytest.mark.xfail(strict=True, reason="'Sát' (Chad) matches 'Sát cánh', 'Sát sao' at a sentence start")
@pytest.mark.parametrize(
    "sentence", ["Sát cánh cùng nhân dân hai nước.", "Sát sao chỉ đạo công tác hữu nghị."]
)
def test_sat_as_a_word_is_not_chad(sentence: str) -> None:
    assert codes(sentence) == set()


@pytest.mark.xfail(strict=True, reason="'Guinea Xích đạo' is read as Guinea")
def test_equatorial_guinea() -> None:
    assert codes("Đoàn Guinea Xích đạo và đoàn Ghi-nê Xích đạo.") == {"GQ"}


def test_the_dbt_seed_is_generated_from_the_gazetteer() -> None:
    """dbt_project/seeds/countries.csv is `python -m extraction.gazetteer`'s output, byte for byte."""
    seed = Path(__file__).resolve().parent.parent / "dbt_project" / "seeds" / "countries.csv"
    assert seed.read_text(encoding="utf-8") == seed_csv(), (
        "regenerate the seed: python -m extraction.gazetteer > dbt_project/seeds/countries.csv"
    )


def test_every_name_in_the_gazetteer_is_read_as_its_country() -> None:
    for country in countries():
        for name in country.names_vi:
            assert country_code(name) == (None if country.home else country.code), name
