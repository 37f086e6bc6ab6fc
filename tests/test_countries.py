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


@pytest.mark.parametrize(
    "sentence", ["Sát cánh cùng nhân dân hai nước.", "Sát sao chỉ đạo công tác hữu nghị."]
)
def test_sat_as_a_word_is_not_chad(sentence: str) -> None:
    assert codes(sentence) == set()


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


# --- issue 16: Luxembourg, the pronoun "Anh", currencies named after countries -----------------

# The 193 member states of the United Nations (ISO 3166-1 alpha-2).
UN_MEMBERS = set(
    """AF AL DZ AD AO AG AR AM AU AT AZ BS BH BD BB BY BE BZ BJ BT BO BA BW BR BN BG BF BI CV KH CM CA CF TD
    CL CN CO KM CG CD CR CI HR CU CY CZ KP DK DJ DM DO EC EG SV GQ ER EE SZ ET FJ FI FR GA GM GE DE GH GR GD
    GT GN GW GY HT HN HU IS IN ID IR IQ IE IL IT JM JP JO KZ KE KI KW KG LA LV LB LS LR LY LI LT LU MG MW MY
    MV ML MT MH MR MU MX FM MC MN ME MA MZ MM NA NR NP NL NZ NI NE NG MK NO OM PK PW PA PG PY PE PH PL PT QA
    KR MD RO RU RW KN LC VC WS SM ST SA SN RS SC SL SG SK SI SB SO ZA SS ES LK SD SR SE CH SY TJ TH TL TG TO
    TT TN TR TM TV UG UA AE GB TZ US UY UZ VU VE VN YE ZM ZW""".split()
)


def test_the_gazetteer_holds_every_member_of_the_united_nations() -> None:
    assert len(UN_MEMBERS) == 193
    assert UN_MEMBERS - {country.code for country in countries()} == set()


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Đại sứ Luxembourg tại Việt Nam thăm dự án nước sạch.", {"LU"}),
        ("Chương trình do Chính phủ Lúc-xăm-bua tài trợ.", {"LU"}),
        ("Đoàn Đại Công quốc Luxembourg sang thăm.", {"LU"}),
        ("Hàn Quốc (Nam Triều Tiên) và Trung Phi không phải là một.", {"KR"}),
        ("Đoàn Cộng hòa Trung Phi, Gambia và Xao Tô-mê và Prin-xi-pê dự hội nghị.", {"CF", "GM", "ST"}),
        ("Hội hữu nghị với Vương quốc Anh và Bắc Ireland.", {"GB"}),
    ],
)
def test_luxembourg_and_other_spellings(sentence: str, expected: set[str]) -> None:
    assert codes(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Anh cho biết, chương trình sẽ tiếp tục vào năm sau.",
        "“Anh rất vui khi được trở lại Hà Nội”, chàng trai nói.",
        "Tình nguyện viên trẻ kể lại. Anh đã gắn bó với trẻ em nơi đây ba năm.",
    ],
)
def test_anh_opening_a_sentence_as_a_pronoun_is_not_the_united_kingdom(sentence: str) -> None:
    assert codes(sentence) == set()


def test_anh_as_the_country_still_counts() -> None:
    assert codes("Anh và Pháp cùng tài trợ; Đại sứ Anh dự lễ.") == {"GB", "FR"}


@pytest.mark.parametrize(
    "sentence",
    [
        "Tổng kinh phí dự án là 2 triệu đô la Mỹ.",
        "Khoản viện trợ 50 triệu yên Nhật và 3.000 bảng Anh.",
        "Quỹ hỗ trợ 10.000 Đô la Úc và 5 triệu won Hàn Quốc.",
    ],
)
def test_a_currency_named_after_a_country_is_not_a_mention_of_it(sentence: str) -> None:
    assert codes(sentence) == set()


def test_the_country_of_a_currency_counts_where_the_text_names_it_too() -> None:
    assert codes("Tổ chức của Nhật Bản tài trợ 5 triệu yên Nhật.") == {"JP"}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Hòa bình trên bán đảo Triều Tiên được hai bên quan tâm.", set()),
        ("Thương mại với các nước Nam Mỹ và Trung Mỹ tăng nhanh.", set()),
        ("Đoàn nghệ sĩ Bắc Ireland biểu diễn tại Hà Nội.", {"GB"}),
        ("Đại sứ Triều Tiên và Đại sứ Mỹ cùng dự.", {"KP", "US"}),
    ],
)
def test_regions_named_after_countries_are_not_countries(sentence: str, expected: set[str]) -> None:
    assert codes(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Tại Pháp, cộng đồng người Việt tổ chức đón Tết.", {"FR"}),
        ("Phía Lào có ông Bun Xay tham dự.", {"LA"}),
        ("Đoàn Lào gồm 20 thành viên.", {"LA"}),
        ("Hà Lan tài trợ dự án nước sạch.", {"NL"}),
        ("Chị Nguyễn Thị Hà Lan là hội viên tích cực.", set()),
        ("Ông Đoàn Nga phát biểu tại hội nghị.", set()),
        ("Tại Lào Cai, đoàn thăm cửa khẩu.", set()),
    ],
)
def test_words_opening_a_sentence_before_a_short_name(sentence: str, expected: set[str]) -> None:
    assert codes(sentence) == expected


def test_short_friendship_names_with_the_partner_first() -> None:
    assert codes("Hội hữu nghị Hàn - Việt và Hội hữu nghị Thái - Việt ký kết hợp tác.") == {"KR", "TH"}
    assert codes("Đoàn đi qua đường Nguyễn Trung - Việt Hưng.") == set()
