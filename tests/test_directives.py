"""Numbered official documents and the relations between them, on sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from extraction import extract


def found(text: str) -> set[tuple[str, str, str | None]]:
    return {(d.type, d.number, d.code) for d in extract(text).directives}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Tỉnh ủy ban hành Chỉ thị số 07-CT/TU về đối ngoại.", ("chi_thi", "7", "CT/TU")),
        ("Thực hiện Nghị quyết số 09-NQ/TU của Tỉnh ủy.", ("nghi_quyet", "9", "NQ/TU")),
        ("Theo Kết luận số 57-KL/TW của Bộ Chính trị.", ("ket_luan", "57", "KL/TW")),
        ("Hội xây dựng Kế hoạch số 30-KH/LHHN năm nay.", ("ke_hoach", "30", "KH/LHHN")),
        ("Sở có Công văn số 0425/SNgV-HTQT gửi các huyện.", ("cong_van", "425", "SNGV-HTQT")),
        ("Thực hiện Chương trình hành động số 15-CTr/TU của Tỉnh ủy.", ("chuong_trinh", "15", "CTR/TU")),
        ("Căn cứ Quyết định số 05/2024/QĐ-UBND của tỉnh.", ("quyet_dinh", "5", "2024/QĐ-UBND")),
        ("Theo Thông báo số 221-TB/TU của Thường trực.", ("thong_bao", "221", "TB/TU")),
        ("Ban Tuyên giáo có Hướng dẫn số 09-HD/BTGTU.", ("huong_dan", "9", "HD/BTGTU")),
        ("Chính phủ ban hành Nghị định số 80/2020/NĐ-CP về viện trợ.", ("nghi_dinh", "80", "2020/NĐ-CP")),
        ("Bộ ban hành Thông tư số 02/2021/TT-BNG hướng dẫn thi hành.", ("thong_tu", "2", "2021/TT-BNG")),
        ("Quốc hội thông qua Luật số 63/2020/QH14 năm đó.", ("luat", "63", "2020/QH14")),
        ("Tỉnh ủy có Thông tri số 05-TT/TU gửi các cấp.", ("other", "5", "TT/TU")),
        ("Sở trình Tờ trình số 88/TTr-SNgV lên tỉnh.", ("other", "88", "TTR-SNGV")),
        ("Tỉnh ủy phê duyệt Đề án số 02-ĐA/TU mới.", ("other", "2", "ĐA/TU")),
    ],
)
def test_every_schema_type_number_and_code(sentence: str, expected: tuple[str, str, str | None]) -> None:
    assert found(sentence) == {expected}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Đơn vị đã quán triệt chỉ thị số 25 của Thành ủy.", {("chi_thi", "25", None)}),
        ("Tiếp tục thực hiện Chỉ thị 17-CT/TW của Ban Bí thư.", {("chi_thi", "17", "CT/TW")}),
        ("Theo Chỉ thị số 08- CT/TU của Tỉnh ủy.", {("chi_thi", "8", "CT/TU")}),
        ("Theo Chỉ thị số 08 –CT/TU của Tỉnh ủy.", {("chi_thi", "8", "CT/TU")}),
        (
            "Quán triệt các Nghị quyết số 18, 19 và 20 của Trung ương.",
            {("nghi_quyet", n, None) for n in ("18", "19", "20")},
        ),
        (
            "Thực hiện các Chỉ thị số 03, 45 của Ban Bí thư.",
            {("chi_thi", "3", None), ("chi_thi", "45", None)},
        ),
        ("UBND TỈNH\nSố: 45/KH-UBND\nKẾ HOẠCH\nTổ chức đón đoàn.", {("ke_hoach", "45", "KH-UBND")}),
    ],
)
def test_spellings_lists_and_headers(sentence: str, expected: set[tuple[str, str, str | None]]) -> None:
    assert found(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Nghị quyết Đại hội XIII của Đảng đã xác định rõ.",
        "Chỉ thị này có hiệu lực từ ngày ký.",
        "Kế hoạch năm 2024 được điều chỉnh; kế hoạch 5 năm cũng vậy.",
        "Đề án nâng cao năng lực đối ngoại được phê duyệt.",
        "Luật 3 năm mới sửa; quyết định 2 lần đều đúng.",
    ],
)
def test_unnumbered_references_are_not_listed(sentence: str) -> None:
    assert extract(sentence).directives == []


def test_mentions_of_one_document_merge_with_date_and_issuer() -> None:
    result = extract(
        "Hội triển khai chỉ thị số 07 trong toàn hệ thống. "
        "Chỉ thị số 07-CT/TU ngày 15/3/2024 của Ban Thường vụ Tỉnh ủy về đối ngoại nhân dân được quán triệt sâu rộng."
    )
    [directive] = result.directives
    assert (directive.type, directive.number, directive.code) == ("chi_thi", "7", "CT/TU")
    assert directive.issued_on == date(2024, 3, 15)
    assert directive.issuer == "Ban Thường vụ Tỉnh ủy"
    assert directive.title is not None and directive.title.startswith("đối ngoại nhân dân")
    assert len(directive.mentions) == 2
    assert "07-CT/TU" in directive.evidence.sentence


def test_spelled_out_issue_date_and_issuers() -> None:
    result = extract(
        "Công văn số 215/UBND-NC ngày 03 tháng 4 năm 2024 của UBND tỉnh về việc đón đoàn. "
        "Nghị quyết số 22-NQ/TW ngày 10/4/2013 của Bộ Chính trị về hội nhập quốc tế."
    )
    by_key = {d.key: d for d in result.directives}
    assert by_key["cong_van", "215"].issued_on == date(2024, 4, 3)
    assert by_key["cong_van", "215"].issuer == "UBND tỉnh"
    assert by_key["nghi_quyet", "22"].issuer == "Bộ Chính trị"


@pytest.mark.parametrize(
    ("sentence", "source", "target"),
    [
        (
            "Kế hoạch số 30-KH/TU của Ban Thường vụ Tỉnh ủy triển khai thực hiện Kết luận số 57-KL/TW của Bộ Chính trị.",
            ("ke_hoach", "30"),
            ("ket_luan", "57"),
        ),
        (
            "Nghị quyết số 12-NQ/TU đã được cụ thể hóa bằng Chương trình số 04-CTr/UBND.",
            ("chuong_trinh", "4"),
            ("nghi_quyet", "12"),
        ),
        (
            "Hướng dẫn số 09-HD/BTGTU thực hiện Chỉ thị số 07-CT/TU của Tỉnh ủy.",
            ("huong_dan", "9"),
            ("chi_thi", "7"),
        ),
    ],
)
def test_relations_between_directives(
    sentence: str, source: tuple[str, str], target: tuple[str, str]
) -> None:
    [relation] = extract(sentence).relations
    assert (relation.source, relation.target, relation.relation) == (source, target, "implements")
    assert relation.cue in sentence


def test_no_relation_without_two_documents() -> None:
    assert extract("Hội thực hiện Chỉ thị số 07-CT/TU của Tỉnh ủy.").relations == []


# --- titles: the subject after a document's own number, or None --------------------------


def titles(text: str) -> dict[tuple[str, str], str | None]:
    return {d.key: d.title for d in extract(text).directives}


def test_each_listed_document_keeps_its_own_title() -> None:
    assert titles(
        "Thực hiện Chỉ thị số 12-CT/TW ngày 5/1/2022 của Bộ Chính trị về tăng cường và nâng cao hiệu quả công "
        "tác đối ngoại nhân dân trong tình hình mới, Kết luận số 12-KL/TW ngày 12/8/2021 của Bộ Chính trị về "
        "công tác người Việt Nam ở nước ngoài trong tình hình mới và Kế hoạch số 108-KH/TU ngày 20/5/2022 của "
        "Ban Thường vụ Tỉnh ủy về quán triệt và triển khai thực hiện Chỉ thị số 12-CT/TW, Ban Thường vụ Tỉnh ủy "
        "yêu cầu các cấp ủy thực hiện tốt một số nội dung sau."
    ) == {
        ("chi_thi", "12"): "tăng cường và nâng cao hiệu quả công tác đối ngoại nhân dân trong tình hình mới",
        ("ket_luan", "12"): "công tác người Việt Nam ở nước ngoài trong tình hình mới",
        ("ke_hoach", "108"): "quán triệt và triển khai thực hiện Chỉ thị số 12-CT/TW",
    }


def test_a_document_named_in_a_title_ends_it_before_its_own_date_and_subject() -> None:
    assert titles(
        "Ban Tuyên giáo ban hành Hướng dẫn số 15-HD/BTGTU về quán triệt Chỉ thị số 38-CT/TW ngày 19/9/2019 của "
        "Ban Bí thư về tiếp tục đổi mới, phát huy vai trò của Liên hiệp các tổ chức hữu nghị trong tình hình mới."
    ) == {
        ("huong_dan", "15"): "quán triệt Chỉ thị số 38-CT/TW",
        (
            "chi_thi",
            "38",
        ): "tiếp tục đổi mới, phát huy vai trò của Liên hiệp các tổ chức hữu nghị trong tình hình mới",
    }


@pytest.mark.parametrize(
    ("text", "key", "title"),
    [
        (
            "Sở Ngoại vụ có Công văn số 215/SNgV-HTQT ngày 3/4/2024 về việc đón đoàn đại biểu Hội hữu nghị "
            "Lào - Việt Nam tỉnh Champasak. Đoàn sẽ đến vào tuần sau.",
            ("cong_van", "215"),
            "đón đoàn đại biểu Hội hữu nghị Lào - Việt Nam tỉnh Champasak",
        ),
        (
            "UBND TỈNH\nSố: 88-CV/HHN\nV/v tổ chức các hoạt động kỷ niệm ngày thiết lập quan hệ ngoại giao\n"
            "Kính gửi: Các sở, ban, ngành.",
            ("cong_van", "88"),
            "tổ chức các hoạt động kỷ niệm ngày thiết lập quan hệ ngoại giao",
        ),
        (  # a letter's header: the subject on the line under the number
            "THÀNH ỦY CẦN THƠ\nSố 677-CV/TU\nVề tiếp tục lãnh đạo công tác đối ngoại nhân dân\nKính gửi: Các quận ủy.",
            ("cong_van", "677"),
            "tiếp tục lãnh đạo công tác đối ngoại nhân dân",
        ),
        (  # a line of a PDF letter wraps inside the subject
            "Thực hiện Công văn số 451-CV/ĐĐLHHN-VP ngày 21/10/2022 của Đảng đoàn Liên hiệp về Chương trình \n\n"
            "hành động thực hiện Chỉ thị số 12-CT/TW ngày 05/01/2022 của Ban Bí thư, Thành ủy yêu cầu như sau:",
            ("cong_van", "451"),
            "Chương trình hành động thực hiện Chỉ thị số 12-CT/TW",
        ),
        (  # the subject is only a type word cut off by the end of the line: no title
            "Tỉnh hội nhận Công văn số 45/SNgV-LS về Chương trình\nNăm nay, hội tổ chức nhiều hoạt động.",
            ("cong_van", "45"),
            None,
        ),
    ],
)
def test_the_title_of_a_letter(text: str, key: tuple[str, str], title: str | None) -> None:
    assert titles(text)[key] == title


def test_enumerated_documents_with_quoted_subjects() -> None:
    assert titles(
        "Tiếp tục quán triệt các văn bản của Trung ương, như: Chỉ thị số 04-CT/TW, ngày 6/7/2011 của Ban Bí thư "
        'khóa XI về "tiếp tục đổi mới và nâng cao hiệu quả công tác đối ngoại nhân dân trong tình hình mới"; '
        "Chỉ thị số 38-CT/TW của Ban Bí thư “Về tiếp tục đổi mới hoạt động của Liên hiệp các tổ chức hữu nghị\n"
        "trong tình hình mới” (Chỉ thị 38) và Nghị quyết số 22-NQ/TW về hội nhập quốc tế."
    ) == {
        (
            "chi_thi",
            "4",
        ): "tiếp tục đổi mới và nâng cao hiệu quả công tác đối ngoại nhân dân trong tình hình mới",
        (
            "chi_thi",
            "38",
        ): "tiếp tục đổi mới hoạt động của Liên hiệp các tổ chức hữu nghị trong tình hình mới",
        ("nghi_quyet", "22"): "hội nhập quốc tế",
    }


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            "Chỉ thị số 12-CT/TW ngày 05/01/2022 của Ban Bí thư về tăng cường sự lãnh đạo của Đảng (gọi tắt là "
            "Chỉ thị 12) được các cấp quán triệt.",
            "tăng cường sự lãnh đạo của Đảng",
        ),
        (
            "Chỉ thị số 12-CT/TW về tăng cường công tác đối ngoại nhân dân được quán triệt sâu rộng.",
            "tăng cường công tác đối ngoại nhân dân",
        ),
        (
            "Sau Chỉ thị 45 về công tác đối với kiều bào, Bộ Chính trị đã ban hành một văn bản mới.",
            "công tác đối với kiều bào",
        ),
        (
            "Kế hoạch thực hiện Chỉ thị 12-CT/TW về tăng cường đối ngoại nhân dân do tỉnh Nghệ An ban hành",
            "tăng cường đối ngoại nhân dân",
        ),
        ("Đơn vị đã thực hiện Chỉ thị số 12-CT/TW của Ban Bí thư một cách nghiêm túc.", None),
        (
            "Tỉnh ủy ban hành kế hoạch thực hiện Chỉ thị số 12-CT/TW\nVề phía tỉnh, các sở đã chủ động triển khai.",
            None,
        ),
        (
            "Các đơn vị quán triệt Chỉ thị số 12-CT/TW về các nội dung sau: một là, tăng cường phối hợp.",
            "các nội dung sau",
        ),
    ],
)
def test_a_title_ends_where_the_sentence_goes_on(text: str, title: str | None) -> None:
    [directive] = [d for d in extract(text).directives if d.type == "chi_thi"]
    assert directive.title == title


def test_a_document_standing_alone_gives_the_title_before_the_last_of_a_list() -> None:
    """In "Nghị quyết 36, Chỉ thị 45 về ..." the subject may be the whole list's."""
    assert (
        titles(
            "Nghị quyết 36, Chỉ thị 45 về công tác đối với người Việt Nam ở nước ngoài vẫn còn nguyên giá trị. "
            "Chỉ thị số 45-CT/TW ngày 19/5/2015 của Bộ Chính trị về tiếp tục đẩy mạnh thực hiện Nghị quyết số "
            "36-NQ/TW ngày 26/3/2004 của Bộ Chính trị là văn bản quan trọng."
        )[("chi_thi", "45")]
        == "tiếp tục đẩy mạnh thực hiện Nghị quyết số 36-NQ/TW"
    )


def test_otherwise_the_first_title_of_an_article_stays() -> None:
    assert (
        titles(
            "UBND thành phố ban hành Quyết định số 12/2023/QĐ-UBND về Quy chế quản lý các hoạt động đối ngoại. "
            "Hội nghị nhằm cụ thể hóa Quyết định số 12/2023/QĐ-UBND của UBND thành phố về tăng cường công tác "
            "đối ngoại nhân dân."
        )[("quyet_dinh", "12")]
        == "Quy chế quản lý các hoạt động đối ngoại"
    )


# --- gaps ---------------------------------------------------------------------------


def test_issuer_stops_before_a_verb() -> None:
    [directive] = extract(
        "Quyết định số 1229/QĐ-TTg ngày 20/9/2022 của Thủ tướng Chính phủ phê duyệt kế hoạch."
    ).directives
    assert directive.issuer == "Thủ tướng Chính phủ"


def test_thong_bao_ket_luan_is_a_thong_bao() -> None:
    assert found("Thực hiện Thông báo kết luận số 143-TB/TU của Thường trực.") == {
        ("thong_bao", "143", "TB/TU")
    }


@pytest.mark.xfail(
    strict=True, reason="a law named between 'Luật' and its number is missed (the QH code names no type)"
)
def test_a_named_law_with_its_number() -> None:
    assert found("Quốc hội đã thông qua Luật Tổ chức Chính phủ số 76/2015/QH13 năm đó.") == {
        ("luat", "76", "2015/QH13")
    }


@pytest.mark.xfail(strict=True, reason="a capitalised type word followed by a count is taken for a document")
@pytest.mark.parametrize(
    "sentence",
    [
        "Hướng dẫn 500 học sinh tham quan bảo tàng.",
        "Chương trình 10 tiết mục văn nghệ đặc sắc.",
        "Kế hoạch 3 đợt cao điểm được triển khai.",
    ],
)
def test_counts_after_a_capitalised_type_word_are_not_documents(sentence: str) -> None:
    assert extract(sentence).directives == []


def test_a_bare_capitalised_reference_still_counts() -> None:
    assert found("Nghị quyết 36 vẫn là kim chỉ nam của công tác này.") == {("nghi_quyet", "36", None)}


@pytest.mark.xfail(strict=True, reason="only the last number of a list gets the issuer written after it")
def test_the_issuer_after_a_list_belongs_to_every_number() -> None:
    result = extract("Quán triệt các Chỉ thị số 03, 45 của Ban Bí thư.")
    assert {d.number: d.issuer for d in result.directives} == {"3": "Ban Bí thư", "45": "Ban Bí thư"}


def test_an_issue_date_is_not_read_across_a_line_break() -> None:
    result = extract(
        "Tỉnh ủy ban hành kế hoạch thực hiện Chỉ thị số 12-CT/TW\n"
        "Ngày 18/4/2022, Tỉnh ủy có văn bản triển khai. "
        "Chỉ thị số 12-CT/TW, ngày 05/01/2022 của Ban Bí thư được quán triệt."
    )
    [directive] = result.directives
    assert directive.issued_on == date(2022, 1, 5)


def test_issuer_and_date_written_before_ban_hanh() -> None:
    [directive] = extract(
        "Ngày 18/4/2022, Ban Thường vụ Tỉnh ủy ban hành Kế hoạch số 87-KH/TU về công tác đối ngoại."
    ).directives
    assert (directive.issuer, directive.issued_on) == ("Ban Thường vụ Tỉnh ủy", date(2022, 4, 18))


@pytest.mark.parametrize(
    "sentence",
    [
        "Chỉ thị số 12-CT/TW của Ban Bí thư được quán triệt sâu rộng.",
        "Chỉ thị số 12-CT/TW của Ban Bí thư đến nay vẫn còn nguyên giá trị.",
        "Chỉ thị số 12-CT/TW của Ban Bí thư mở ra giai đoạn mới.",
    ],
)
def test_issuer_stops_where_the_clause_goes_on(sentence: str) -> None:
    [directive] = extract(sentence).directives
    assert directive.issuer == "Ban Bí thư"


# --- issue 16: a letter's type, and issue dates from the issuer's words, not the page's date line ---


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("UBND tỉnh có Công văn số 763/UBND-VX về việc đón đoàn.", ("cong_van", "763", "UBND-VX")),
        ("Sở có Công văn hỏa tốc số 763/SNgV-LS gửi các huyện.", ("cong_van", "763", "SNGV-LS")),
        ("Thực hiện văn bản số 763/UBND-KGVX của UBND tỉnh.", ("cong_van", "763", "UBND-KGVX")),
        ("Thực hiện văn bản số 12/KH-UBND của UBND tỉnh.", ("ke_hoach", "12", "KH-UBND")),
        ("Theo CV số 763/SNgV của Sở Ngoại vụ.", ("cong_van", "763", "SNGV")),
    ],
)
def test_a_letter_is_a_cong_van(sentence: str, expected: tuple[str, str, str | None]) -> None:
    assert found(sentence) == {expected}


@pytest.mark.parametrize(
    "text",
    [
        "Thực hiện Chỉ thị số 12-CT/TW ngày 05 tháng 01 năm 2022 của Ban Bí thư, Tỉnh ủy ban hành kế hoạch.",
        "Quán triệt Chỉ thị số 12-CT/TW (ngày 05/01/2022) của Ban Bí thư.",
        "Quán triệt Chỉ thị số 12-CT/TW (05/01/2022) của Ban Bí thư.",
        "Chỉ thị số 12-CT/TW của Ban Bí thư ban hành ngày 05/01/2022 đã đi vào cuộc sống.",
        "Chỉ thị số 12-CT/TW được Ban Bí thư ban hành ngày 05/01/2022 là văn bản quan trọng.",
        "Ngày 05/01/2022, Ban Bí thư Trung ương Đảng khóa XIII đã ký ban hành Chỉ thị số 12-CT/TW.",
    ],
)
def test_the_issue_date_is_the_issuers(text: str) -> None:
    [directive] = extract(text).directives
    assert directive.issued_on == date(2022, 1, 5)


@pytest.mark.parametrize(
    "text",
    [
        "Hội nghị quán triệt Chỉ thị số 12-CT/TW 06/12/2023 | 08:30\nSáng 5/12, Tỉnh ủy tổ chức hội nghị.",
        "Quán triệt Chỉ thị số 12-CT/TW\nThứ Tư, 06/12/2023 08:30\nSáng 5/12, Tỉnh ủy tổ chức hội nghị.",
    ],
)
def test_the_pages_date_line_is_no_issue_date(text: str) -> None:
    [directive] = extract(text).directives
    assert directive.issued_on is None


def test_a_letters_own_number_is_dated_by_its_dateline() -> None:
    letter = (
        "ỦY BAN NHÂN DÂN TỈNH\nSố: 91/KH-UBND\nBình Thuận, ngày 10 tháng 01 năm 2023\nKẾ HOẠCH\n"
        "Triển khai công tác đối ngoại nhân dân năm 2023."
    )
    [directive] = extract(letter).directives
    assert (directive.type, directive.number, directive.issued_on) == ("ke_hoach", "91", date(2023, 1, 10))


def test_a_dateline_far_from_a_number_in_the_body_dates_nothing() -> None:
    text = (
        "Kế hoạch số 45-KH/TU được các cấp ủy quán triệt sâu rộng tới toàn thể cán bộ, đảng viên và "
        "nhân dân trên địa bàn toàn tỉnh trong suốt năm qua.\nHà Nội, ngày 10 tháng 01 năm 2023"
    )
    [directive] = extract(text).directives
    assert directive.issued_on is None


def test_a_date_and_issuer_before_the_document_in_a_later_sentence() -> None:
    text = (
        "Hội nghị quán triệt Chỉ thị đã diễn ra. Ngày 10/3/2022, Ban Thường vụ Tỉnh ủy đã ban hành "
        "Kế hoạch số 87-KH/TU thực hiện Chỉ thị."
    )
    [directive] = extract(text).directives
    assert (directive.issued_on, directive.issuer) == (date(2022, 3, 10), "Ban Thường vụ Tỉnh ủy")


def test_the_issue_date_right_after_the_issuer() -> None:
    [directive] = extract(
        "Theo Quyết định số 2345/QĐ-UBND của UBND tỉnh ngày 1/12/2023, hội nghị diễn ra."
    ).directives
    assert (directive.issuer, directive.issued_on) == ("UBND tỉnh", date(2023, 12, 1))
