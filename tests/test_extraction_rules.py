"""The extractor on sentences written for these tests (none is taken from an article)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from importlib import resources
from typing import Any

import pytest

from extraction import extract
from extraction.rules import load
from extraction.text import prepare, unify


def names(text: str, published_on: date | None = None) -> list[str]:
    return [person.name for person in extract(text, published_on).people]


# --- normalisation ------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "unified"),
    [
        ("hoà bình", "hòa bình"),
        ("Thuỷ", "Thủy"),
        ("khoẻ", "khỏe"),
        ("Quí Mão", "Quý Mão"),
        ("3,2 tỉ", "3,2 tỷ"),
        ("Uỷ ban", "Ủy ban"),
        ("12– CT/TW", "12- CT/TW"),
        ("quả", "quả"),
        ("hoàn", "hoàn"),
    ],
)
def test_spelling_variants_unify_without_changing_length(written: str, unified: str) -> None:
    assert unify(written) == unified
    assert len(unify(written)) == len(written)


def test_publication_date_is_read_from_the_date_line() -> None:
    assert prepare("Tiêu đề\n07:05 | 04/11/2020 GMT+7\nNội dung.").published_on == date(2020, 11, 4)
    assert prepare("Tiêu đề\nThứ năm, 30/06/2022, 09:33 AM\nNội dung.").published_on == date(2022, 6, 30)
    assert prepare("Tiêu đề\nNội dung có ngày 05/01/2022 trong câu dài của bài viết.").published_on is None


# --- directives -----------------------------------------------------------------


def test_directive_mentions_merge_and_keep_code_date_and_issuer() -> None:
    result = extract(
        "Thực hiện chỉ thị số 12 của Ban Bí thư, tỉnh ban hành kế hoạch. "
        "Chỉ thị số 12- CT/TW ngày 05/01/2022 của Ban Bí thư về tăng cường sự lãnh đạo của Đảng."
    )
    [directive] = result.directives
    assert (directive.type, directive.number, directive.code) == ("chi_thi", "12", "CT/TW")
    assert directive.issued_on == date(2022, 1, 5)
    assert directive.issuer == "Ban Bí thư"
    assert len(directive.mentions) == 2


def test_directive_numbers_codes_and_types() -> None:
    result = extract(
        "Căn cứ Quyết định số 12/2023/QĐ-UBND, Công văn 1830/LHHN-VP, Thông tri 11 –TT/TƯ "
        "và Nghị quyết 36, Chỉ thị số 04, 38 của Ban Bí thư; kế hoạch 6 tháng cuối năm không phải văn bản."
    )
    found = {(d.type, d.number, d.code) for d in result.directives}
    assert found == {
        ("quyet_dinh", "12", "2023/QĐ-UBND"),
        ("cong_van", "1830", "LHHN-VP"),
        ("other", "11", "TT/TƯ"),
        ("nghi_quyet", "36", None),
        ("chi_thi", "4", None),
        ("chi_thi", "38", None),
    }


def test_a_document_header_number_is_typed_by_its_code() -> None:
    result = extract("ỦY BAN NHÂN DÂN TỈNH X\nSố: 91/KH-UBND\nKẾ HOẠCH\nTriển khai công tác đối ngoại.")
    assert [(d.type, d.number, d.code) for d in result.directives] == [("ke_hoach", "91", "KH-UBND")]


def test_relations_between_directives() -> None:
    result = extract(
        "Kế hoạch số 108-KH/TU đã cụ thể hóa Chỉ thị số 12-CT/TW. "
        "Chỉ thị số 38-CT/TW đã được cụ thể hóa bằng Kế hoạch số 20-KH/TU."
    )
    pairs = {(r.source, r.target) for r in result.relations}
    assert (("ke_hoach", "108"), ("chi_thi", "12")) in pairs
    assert (("ke_hoach", "20"), ("chi_thi", "38")) in pairs


# --- money ------------------------------------------------------------------------


def test_amounts_values_qualifiers_and_kinds() -> None:
    result = extract(
        "Các nhà hảo tâm quyên góp được hơn 700 triệu đồng; mỗi suất quà trị giá 500.000 đồng. "
        "Quỹ tài trợ khoảng 1,2 triệu USD và 50.000 euro. Căn hộ có giá bán 4,9 tỷ đồng."
    )
    found = {(a.value, a.currency, a.kind, a.qualifier) for a in result.amounts}
    assert found == {
        (700_000_000, "VND", "aid", "over"),
        (500_000, "VND", "aid", "exact"),
        (1_200_000, "USD", "aid", "about"),
        (50_000, "EUR", "aid", "exact"),
        (4_900_000_000, "VND", "other", "exact"),
    }


def test_ranges_and_compound_amounts() -> None:
    amounts = extract("Dự án do JICA tài trợ từ 1 đến 2 tỷ đồng, thêm 1 tỷ 200 triệu đồng hỗ trợ.").amounts
    assert (amounts[0].value, amounts[0].value_max) == (1e9, 2e9)
    assert amounts[1].value == 1.2e9


def test_counts_and_years_are_not_money() -> None:
    assert extract("Cộng đồng khoảng 5,3 triệu người sống ở 130 quốc gia từ năm 2016 đến 2024.").amounts == []


# --- countries ----------------------------------------------------------------------


def test_countries_with_variants_and_inside_organisation_names() -> None:
    codes = {
        c.code
        for c in extract(
            "Hội hữu nghị Việt Nam - Hàn Quốc, CHDCND Lào, Vương quốc Campuchia, Triều Tiên, Hoa Kỳ và Liên bang Nga."
        ).countries
    }
    assert codes == {"KR", "LA", "KH", "KP", "US", "RU"}


def test_country_names_inside_other_words_do_not_count() -> None:
    text = "Triển lãm mỹ thuật ở Mỹ Tho, tỉnh Lào Cai; ông Đỗ Minh Đức và bà Nguyễn Phương Nga dự; pháp luật."
    assert extract(text).countries == []


# --- people -------------------------------------------------------------------------


def test_titles_before_and_after_names_and_foreign_names() -> None:
    result = extract(
        "Sáng 12/3, Chủ tịch Liên hiệp các tổ chức hữu nghị Việt Nam Phan Anh Sơn tiếp Đại sứ Nhật Bản tại "
        "Việt Nam Ito Naoki và bà Susan Burns, Tổng Lãnh sự Hoa Kỳ. Đ/c Lê Minh Hoan - Phó Bí thư Tỉnh ủy dự.",
        date(2024, 3, 13),
    )
    people = {p.name: p for p in result.people}
    assert set(people) == {"Phan Anh Sơn", "Ito Naoki", "Susan Burns", "Lê Minh Hoan"}
    assert people["Ito Naoki"].country == "JP"
    assert people["Susan Burns"].honorific == "Bà"
    assert people["Lê Minh Hoan"].honorific == "Đồng chí"
    assert people["Lê Minh Hoan"].roles[0].position == "Phó Bí thư"
    assert people["Phan Anh Sơn"].titles == ["Chủ tịch Liên hiệp các tổ chức hữu nghị Việt Nam"]


def test_places_bylines_credits_and_short_references_are_not_people() -> None:
    text = (
        "Ông Lâm Văn Bình, Bí thư Huyện ủy, thăm trường Nguyễn Du trên đường Lê Lợi, TP Hồ Chí Minh. "
        "Ông Bình cảm ơn nhân dân (Ảnh: Trần Văn Tú).\nMinh Anh - Thu Hà"
    )
    assert names(text) == ["Lâm Văn Bình"]


def test_signer_of_a_letter_in_capitals() -> None:
    people = extract("Nơi nhận:\n- Như trên.\nT/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ\nNGUYỄN VĂN AN").people
    assert [(p.name, p.titles) for p in people] == [("Nguyễn Văn An", ["Phó Bí thư"])]


# --- events ---------------------------------------------------------------------------


def test_events_resolved_against_the_publication_date() -> None:
    result = extract(
        "Chiều 3/11, đoàn đến thăm và làm việc với tỉnh. Hôm nay, hội nghị tổng kết diễn ra. "
        "Chỉ thị số 04 ngày 6/7/2011 được quán triệt. Nhân kỷ niệm Ngày thành lập (17/11/1950 - 17/11/2022).",
        date(2020, 11, 4),
    )
    assert [(e.type, e.date) for e in result.events] == [
        ("visit", date(2020, 11, 3)),
        ("conference", date(2020, 11, 4)),
    ]


def test_undatable_days_are_not_events_and_same_day_activities_are_two() -> None:
    assert extract("Ngày 10/4, đoàn sang thăm tỉnh bạn.").events == []
    result = extract(
        "Ngày 05/8/2024, lễ khởi công nhà tình nghĩa diễn ra. Cùng ngày, đoàn trao tặng 10 suất quà."
    )
    assert [(e.type, e.date) for e in result.events] == [
        ("ceremony", date(2024, 8, 5)),
        ("ceremony", date(2024, 8, 5)),
    ]


def test_evidence_points_at_the_text() -> None:
    text = "Ngày 5/12/2019, Đại hội đại biểu toàn quốc khai mạc tại Hà Nội."
    result = extract(text)
    [event] = result.events
    assert event.type == "congress"
    assert text[event.evidence.sentence_start : event.evidence.sentence_end] == event.evidence.sentence
    assert text[event.evidence.start : event.evidence.end].endswith("5/12/2019")


# --- the rules files ---------------------------------------------------------


RULES = sorted((resources.files("extraction") / "rules").iterdir(), key=lambda path: path.name)
RULE_FILES = [path.name.removesuffix(".toml") for path in RULES if path.name.endswith(".toml")]


def _lists(table: dict[str, Any], path: str = "") -> Iterator[tuple[str, list[Any]]]:
    """Every list of a rules file, by its dotted path; a blank-separated string of words is a list too."""
    for key, value in table.items():
        if isinstance(value, dict):
            yield from _lists(value, f"{path}{key}.")
        elif isinstance(value, list):
            yield path + key, value
        elif isinstance(value, str) and len(value.split()) > 3:
            yield path + key, value.split()


def test_the_rules_files_are_packaged_and_every_step_reads_its_own() -> None:
    assert set(RULE_FILES) == {
        "countries",
        "dates",
        "directives",
        "events",
        "foreign_names",
        "foreign_places",
        "money",
        "organizations",
        "people",
    }


@pytest.mark.parametrize("name", RULE_FILES)
def test_each_list_in_the_rules_holds_each_word_once(name: str) -> None:
    repeated = {
        path: sorted({word for word in words if words.count(word) > 1})
        for path, words in _lists(load(name))
        if len(set(map(str, words))) < len(words)
    }
    assert repeated == {}
