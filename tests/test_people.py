"""People and organisations: names, honorifics, titles, countries, and what is no one.

Every sentence here was written for these tests (no article text is copied).
"""

from __future__ import annotations

import pytest

from extraction.people import find_people
from extraction.text import prepare


def people(text: str) -> dict:
    return {person.name: person for person in find_people(prepare(text))[0]}


# (sentence, the names it gives)
NAMED = [
    pytest.param(
        "Sáng 12/3, tại Hà Nội, Phó Chủ tịch nước Võ Thị Ánh Xuân đã tiếp Đại sứ Hoa Kỳ tại Việt Nam Marc Knapper.",
        {"Võ Thị Ánh Xuân", "Marc Knapper"},
        id="title-before-names-with-Thi-and-a-western-ambassador",
    ),
    pytest.param(
        "Tham dự có đồng chí Trần Thanh Mẫn, Ủy viên Bộ Chính trị, Chủ tịch Quốc hội; "
        "Đại sứ Lào tại Việt Nam Sengphet Houngboungnuang.",
        {"Trần Thanh Mẫn", "Sengphet Houngboungnuang"},
        id="honorific-and-lao-name",
    ),
    pytest.param(
        "Tiếp đoàn có Phó Bí thư Thường trực Tỉnh ủy Hà Tĩnh Trần Thế Dũng và Giám đốc Sở Ngoại vụ Nguyễn Thị Hà.",
        {"Trần Thế Dũng", "Nguyễn Thị Hà"},
        id="place-closing-a-title",
    ),
    pytest.param(
        "Thủ tướng Campuchia Hun Manet và Thủ tướng Phạm Minh Chính đã hội đàm tại Phnom Penh.",
        {"Hun Manet", "Phạm Minh Chính"},
        id="khmer-name-and-no-place-as-person",
    ),
    pytest.param(
        "Ngài Sok Chenda Sophea, Phó Thủ tướng, Bộ trưởng Ngoại giao Campuchia, cảm ơn Việt Nam.",
        {"Sok Chenda Sophea"},
        id="three-word-khmer-name",
    ),
    pytest.param(
        "Ông Park Ji-won, Chủ tịch Hiệp hội Doanh nghiệp Hàn Quốc, cho biết công ty sẽ tài trợ.",
        {"Park Ji-won"},
        id="korean-name-with-hyphen",
    ),
    pytest.param(
        "Đại sứ Trung Quốc tại Việt Nam Hùng Ba và Chủ tịch Trung Quốc Tập Cận Bình được nhắc tới.",
        {"Hùng Ba", "Tập Cận Bình"},
        id="sino-vietnamese-readings",
    ),
    pytest.param(
        "Theo PGS.TS Nguyễn Văn Thành, Hiệu trưởng Trường Đại học Cần Thơ, trường đã đón 20 sinh viên Lào.",
        {"Nguyễn Văn Thành"},
        id="degrees-before-a-name",
    ),
    pytest.param(
        "Tại hội nghị, Giám đốc Sở Văn hóa, Thể thao và Du lịch Lê Văn Dũng báo cáo.",
        {"Lê Văn Dũng"},
        id="organisation-with-a-comma",
    ),
    pytest.param(
        "Chủ tịch UBND TP Hồ Chí Minh Phan Văn Mãi tiếp Tổng Lãnh sự Pháp.",
        {"Phan Văn Mãi"},
        id="city-named-after-a-person-inside-a-title",
    ),
    pytest.param(
        "Đoàn dâng hương tại Khu di tích Kim Liên, quê hương Chủ tịch Hồ Chí Minh.",
        {"Hồ Chí Minh"},
        id="the-president-named-as-a-person",
    ),
    pytest.param(
        "Nguyễn Văn An cho biết hội sẽ tiếp tục vận động. Chị Trần Thị Mai, tình nguyện viên, chia sẻ niềm vui.",
        {"Nguyễn Văn An", "Trần Thị Mai"},
        id="full-name-alone-and-kinship-word",
    ),
    pytest.param(
        "Ông Y Thanh Hà Niê Kđăm, Phó Chủ tịch Quốc hội, và Thượng tọa Thích Minh Quang dự lễ.",
        {"Y Thanh Hà Niê Kđăm", "Thích Minh Quang"},
        id="ede-name-and-buddhist-name",
    ),
    pytest.param(
        "Ông John Smith, Giám đốc quốc gia Tổ chức Plan International tại Việt Nam, cam kết hỗ trợ.",
        {"John Smith"},
        id="ngo-director",
    ),
    pytest.param(
        "Dự có Tổng Lãnh sự Nhật Bản tại Đà Nẵng Mori Takero; các đồng chí: Phạm Thị Thanh Hương, "
        "Phó Chủ tịch Liên hiệp; Huỳnh Minh Chánh, Trưởng ban Đối ngoại Thành ủy.",
        {"Mori Takero", "Phạm Thị Thanh Hương", "Huỳnh Minh Chánh"},
        id="list-after-cac-dong-chi",
    ),
    pytest.param(
        "Tiếp đoàn có Ngài SIÊK LÊNG - Chủ tịch Mặt trận tỉnh bạn.",
        {"Siêk Lêng"},
        id="name-in-capitals-after-an-honorific",
    ),
]


@pytest.mark.parametrize(("text", "expected"), NAMED)
def test_names_are_found(text: str, expected: set[str]) -> None:
    assert set(people(text)) == expected


NO_ONE = [
    pytest.param(
        "Đoàn thăm trường THPT chuyên Lê Quý Đôn và đường Nguyễn Văn Linh ở TP Hồ Chí Minh.",
        id="school-street-city",
    ),
    pytest.param(
        "Lễ kỷ niệm 100 năm ngày sinh đồng chí Nguyễn Văn Linh được tổ chức trọng thể.", id="anniversary"
    ),
    pytest.param("Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.", id="ideology"),
    pytest.param("Các đại biểu chụp ảnh lưu niệm. (Ảnh: Nguyễn Hoàng)", id="photo-credit"),
    pytest.param("Hội đã trao quà cho các hộ nghèo.\nBài và ảnh: Lê Minh Tâm", id="credit-line"),
    pytest.param("Hội đã trao quà cho các hộ nghèo.\nTrần Minh Hoàng - Thu Hà", id="byline"),
    pytest.param("Tại Bà Rịa - Vũng Tàu, Hội đã trao 100 suất quà.", id="place-with-honorific-word"),
    pytest.param("Ông Lê Quang Minh, Tổng Giám đốc Công ty TNHH Hoàng Long, ủng hộ.", id="company-name"),
    pytest.param(
        "Việt Nam - Lào Tăng Cường Hợp Tác Hữu Nghị Đặc Biệt Trong Thời Kỳ Mới", id="title-case-headline"
    ),
    pytest.param(
        "Tham dự có Ngài Chủ tịch Mặt trận Đoàn kết phát triển Tổ quốc Campuchia tỉnh Kampot.",
        id="title-only",
    ),
]


@pytest.mark.parametrize("text", NO_ONE)
def test_names_of_no_one(text: str) -> None:
    found = set(people(text))
    assert found <= {"Lê Quang Minh"}


def test_short_references_join_the_full_name() -> None:
    found = people(
        "Đến dự có bà Nguyễn Phương Nga, nguyên Chủ tịch VUFO; ông Phan Anh Sơn, Chủ tịch VUFO. "
        "Ông Sơn cảm ơn bà Phương Nga. Chủ tịch VUFO Phan Anh Sơn nhấn mạnh vai trò của hội."
    )
    assert set(found) == {"Nguyễn Phương Nga", "Phan Anh Sơn"}
    assert len(found["Phan Anh Sơn"].mentions) == 3
    assert found["Nguyễn Phương Nga"].titles == ["nguyên Chủ tịch VUFO"]


def test_honorifics_titles_split_and_country() -> None:
    found = people(
        "Đ/c Lê Văn Nưng - Ủy viên Ban Thường vụ Tỉnh ủy, Chủ tịch Ủy ban MTTQ Việt Nam tỉnh làm Trưởng đoàn. "
        "Bà Yamada Hanako, Tổng Lãnh sự Nhật Bản tại Đà Nẵng, trao quà. "
        "Bí thư Đảng đoàn, Chủ tịch Liên hiệp các tổ chức hữu nghị Việt Nam (VUFO) Nguyễn Phương Nga phát biểu."
    )
    nung, yamada, nga = found["Lê Văn Nưng"], found["Yamada Hanako"], found["Nguyễn Phương Nga"]
    assert nung.honorific == "Đồng chí"
    assert nung.titles == [
        "Ủy viên Ban Thường vụ Tỉnh ủy",
        "Chủ tịch Ủy ban MTTQ Việt Nam tỉnh",
        "Trưởng đoàn",
    ]
    assert (nung.roles[1].position, nung.roles[1].organization) == ("Chủ tịch", "Ủy ban MTTQ Việt Nam tỉnh")
    assert nung.country == "VN"
    assert (yamada.honorific, yamada.country) == ("Bà", "JP")
    assert yamada.titles == ["Tổng Lãnh sự Nhật Bản tại Đà Nẵng"]
    assert nga.titles == ["Bí thư Đảng đoàn", "Chủ tịch Liên hiệp các tổ chức hữu nghị Việt Nam (VUFO)"]


def test_title_ends_where_the_next_person_begins() -> None:
    found = people(
        "Dự có Phó Chủ tịch UBND thành phố Hồ Văn Bình, Phó Chủ tịch UBND thành phố Lê Thị Lan "
        "và ông Trần Văn Nam - Phó Bí thư Tỉnh ủy và lãnh đạo các sở."
    )
    assert found["Hồ Văn Bình"].titles == ["Phó Chủ tịch UBND thành phố"]
    assert found["Lê Thị Lan"].titles == ["Phó Chủ tịch UBND thành phố"]
    assert found["Trần Văn Nam"].titles == ["Phó Bí thư Tỉnh ủy"]


def test_a_shorter_title_said_again_is_dropped() -> None:
    found = people(
        "Bà Trần Thị Hoa - Phó Chủ tịch Liên hiệp các tổ chức hữu nghị thành phố Cần Thơ đọc báo cáo. "
        "Thay mặt đoàn, bà Trần Thị Hoa - Phó Chủ tịch Liên hiệp phát biểu."
    )
    assert found["Trần Thị Hoa"].titles == ["Phó Chủ tịch Liên hiệp các tổ chức hữu nghị thành phố Cần Thơ"]


def test_foreign_guest_takes_the_country_of_the_delegation() -> None:
    found = people(
        "Hội tiếp Đoàn đại biểu Đảng Cộng sản Hoa Kỳ, do ông Arturo Cambron, Ủy viên Ủy ban Toàn quốc, làm Trưởng đoàn."
    )
    assert found["Arturo Cambron"].country == "US"
    assert found["Arturo Cambron"].titles == ["Ủy viên Ủy ban Toàn quốc", "Trưởng đoàn"]


def test_a_foreign_name_said_shorter_and_its_country() -> None:
    found = people(
        "Đoàn Hội hữu nghị Việt Nam - Cuba đến La Habana. Chủ tịch ICAP Fernando González Llort cảm ơn nhân dân "
        "Việt Nam. Ông Fernando González cho biết ICAP sẵn sàng phối hợp."
    )
    assert set(found) == {"Fernando González Llort"}
    assert len(found["Fernando González Llort"].mentions) == 2
    assert found["Fernando González Llort"].country == "CU"


def test_signer_of_a_letter() -> None:
    text = "Nơi nhận:\n- Như trên;\n- Lưu VT.\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n(Đã ký)\nNGUYỄN MINH LÂM"
    [signer] = find_people(prepare(text))[0]
    assert (signer.name, signer.titles, signer.country) == ("Nguyễn Minh Lâm", ["Phó Chủ tịch"], "VN")


def test_evidence_points_at_the_name() -> None:
    text = "Sáng nay, ông Đỗ Văn Hải, Chủ tịch Hội, tiếp đoàn."
    doc = prepare(text)
    [person] = find_people(doc)[0]
    assert doc.text[person.evidence.start : person.evidence.end] == "Đỗ Văn Hải"
    assert person.evidence.sentence in doc.text


def test_organisations_with_acronym_and_home_country() -> None:
    doc = prepare(
        "Liên hiệp các tổ chức hữu nghị Việt Nam (VUFO) phối hợp với Hội hữu nghị Việt Nam - Hàn Quốc, "
        "tổ chức KOICA và Tổng Lãnh sự quán Liên bang Nga tại thành phố Đà Nẵng. Sau đó VUFO gửi thư cảm ơn."
    )
    found = {org.name: org for org in find_people(doc)[1]}
    assert found["Liên hiệp các tổ chức hữu nghị Việt Nam"].acronym == "VUFO"
    assert found["Liên hiệp các tổ chức hữu nghị Việt Nam"].country == "VN"
    assert found["Hội hữu nghị Việt Nam - Hàn Quốc"].country == "VN"
    assert found["Tổng Lãnh sự quán Liên bang Nga tại thành phố Đà Nẵng"].country == "RU"
    assert "KOICA" in found
    assert "VUFO" not in found  # the acronym is the Liên hiệp's, already listed
