"""Donor, recipient and purpose of aid amounts, in the ways Vietnamese news names them."""

from __future__ import annotations

import pytest

from extraction import extract


def parties(text: str) -> list[tuple[str | None, str | None, str | None]]:
    return [(a.donor, a.recipient, a.purpose) for a in extract(text).amounts if a.kind == "aid"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kết nối tiếp nhận viện trợ không hoàn lại từ Tổng Lãnh sự Nhật Bản các trang thiết bị, nhạc cụ "
            "cho Trường Cao đẳng Văn hóa - Nghệ thuật Cần Thơ với tổng trị giá trên 1,7 tỉ đồng.",
            (
                "Tổng Lãnh sự Nhật Bản",
                "Trường Cao đẳng Văn hóa - Nghệ thuật Cần Thơ",
                "các trang thiết bị, nhạc cụ",
            ),
        ),
        (
            "Dự án nhà tình thương trị giá 700 triệu đồng do công ty Sao Mai tài trợ.",
            ("công ty Sao Mai", None, None),
        ),
        (
            "Dịp này, Tổ chức World Vision đã trao tặng 1,5 tỷ đồng cho Trường Tiểu học An Bình.",
            ("Tổ chức World Vision", "Trường Tiểu học An Bình", None),
        ),
        (
            "Ban tổ chức cho biết Quỹ Thiện Tâm đã hỗ trợ 300 triệu đồng để xây cầu nông thôn.",
            ("Quỹ Thiện Tâm", None, "xây cầu nông thôn"),
        ),
    ],
)
def test_parties_named_in_the_amounts_sentence(text: str, expected: tuple) -> None:
    assert parties(text) == [expected]


def test_a_donor_named_earlier_in_the_sentence_gives_the_fund_raising_result() -> None:
    text = (
        "Trên lĩnh vực vận động viện trợ từ các tổ chức phi chính phủ nước ngoài, trong năm 2022, Liên hiệp "
        "đã thực hiện 6 dự án; đồng thời thực hiện các dự án mới với tổng giá trị vận động được trên 3,2 tỉ đồng."
    )
    assert parties(text) == [("các tổ chức phi chính phủ nước ngoài", None, None)]


def test_each_item_of_a_list_keeps_its_own_parties() -> None:
    text = (
        "Các khoản viện trợ gồm: quà Tết trị giá 200 triệu đồng do Hội Phụ nữ tặng cho xã Long Hòa; "
        "học bổng 100 triệu đồng do công ty Bình Minh tài trợ cho Trường Tiểu học Lê Lợi."
    )
    assert parties(text) == [
        ("Hội Phụ nữ", "xã Long Hòa", None),
        ("công ty Bình Minh", "Trường Tiểu học Lê Lợi", None),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Tổng kinh phí hỗ trợ cho việc xây 14 căn nhà là 700 triệu đồng.",
        "Mỗi suất học bổng trị giá từ 1 đến 2 tỷ đồng.",
    ],
)
def test_purposes_and_range_ends_are_not_recipients(text: str) -> None:
    assert all(recipient is None for _, recipient, _ in parties(text))


def test_amounts_that_are_not_aid_get_no_parties() -> None:
    [amount] = extract("Doanh thu của công ty đạt 20 tỷ đồng cho năm 2023.").amounts
    assert amount.kind == "other" and (amount.donor, amount.recipient, amount.purpose) == (None, None, None)


# --- donors and recipients are entities or None ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "donor"),
    [
        # a subject that is no entity: a noun phrase about the money, or members, not a body
        ("Tổng giá trị khoản viện trợ trong đợt này là 250.000 USD, dành cho việc xây trường.", None),
        (
            "Ban tổ chức cho biết cán bộ, đoàn viên, hội viên đã hỗ trợ gần 900 triệu đồng nhằm giúp bà con.",
            None,
        ),
        # the entity is trimmed to where the verbs and amounts begin
        # who raises money from others (vận động) is not its donor, nor the subject of a purpose clause
        ("Hội Chữ thập đỏ thành phố vận động được 2 tỷ đồng để hỗ trợ người dân.", None),
        (
            "Hội Chữ thập đỏ thành phố Cần Thơ đã hỗ trợ 2 tỷ đồng cho người dân.",
            "Hội Chữ thập đỏ thành phố Cần Thơ",
        ),
        (
            "Tổng giá trị khoản viện trợ do cộng đồng người Hàn Quốc tại Việt Nam tài trợ là 300 triệu đồng.",
            "cộng đồng người Hàn Quốc tại Việt Nam",
        ),
        (
            "Giai đoạn 2 của dự án được Cơ quan Hợp tác Quốc tế Hàn Quốc (KOICA) tài trợ 250.000 USD.",
            "Cơ quan Hợp tác Quốc tế Hàn Quốc (KOICA)",  # with its acronym: resolution joins the two
        ),
        ("Nhật Bản viện trợ 2 triệu USD cho tỉnh Quảng Trị.", "Nhật Bản"),
        ("Dịp này, Samsung Việt Nam đã tài trợ 5 tỷ đồng cho bệnh viện.", "Samsung Việt Nam"),
        (
            "Dịp này, các tổ chức phi chính phủ nước ngoài đã trao tặng hơn 1,2 triệu USD cho tỉnh.",
            "các tổ chức phi chính phủ nước ngoài",
        ),
        (
            "Dịp này, Tổng Lãnh sự quán Nhật Bản tại TP Hồ Chí Minh đã trao tặng 500 triệu đồng cho trường.",
            "Tổng Lãnh sự quán Nhật Bản tại TP Hồ Chí Minh",
        ),
    ],
)
def test_a_donor_is_an_entity_or_none(text: str, donor: str | None) -> None:
    assert [party[0] for party in parties(text)] == [donor]


@pytest.mark.parametrize(
    ("text", "recipient"),
    [
        ("Quỹ Thiện Tâm trao tặng 200 triệu đồng cho hộ nghèo.", None),  # beneficiaries, not an entity
        ("Quỹ Thiện Tâm trao tặng 200 triệu đồng cho xã Long Hòa.", "xã Long Hòa"),
        (
            "Số thiết bị do Đại sứ quán Úc tài trợ trị giá 1,7 tỷ đồng, giúp Bệnh viện Nhi đồng thành phố nâng cao năng lực.",
            "Bệnh viện Nhi đồng thành phố",
        ),
    ],
)
def test_a_recipient_is_an_entity_or_none(text: str, recipient: str | None) -> None:
    assert [party[1] for party in parties(text)] == [recipient]


def test_a_clause_with_its_own_amount_keeps_its_donor_to_itself() -> None:
    """The total raised in the first clause is not given by the donor of its part in the second."""
    text = (
        "Năm 2024, tổng giá trị viện trợ vận động được là 9,6 tỷ đồng; trong đó, "
        "Tổ chức Đông Tây Hội ngộ tài trợ 4,2 tỷ đồng xây 3 điểm trường."
    )
    assert [party[0] for party in parties(text)] == [None, "Tổ chức Đông Tây Hội ngộ"]


def test_who_receives_is_the_recipient_and_whom_from_the_donor() -> None:
    text = (
        "Hội Chữ thập đỏ tỉnh đã tiếp nhận 500 triệu đồng từ Tập đoàn Hoàng Long để hỗ trợ người dân vùng lũ."
    )
    assert parties(text) == [("Tập đoàn Hoàng Long", "Hội Chữ thập đỏ tỉnh", "hỗ trợ người dân vùng lũ")]


def test_the_donor_of_a_part_is_not_the_donor_of_its_total() -> None:
    text = "Tổng kinh phí dự án là 3,5 tỷ đồng, trong đó KOICA tài trợ 2,5 tỷ đồng, phần còn lại do tỉnh đối ứng."
    assert [party[0] for party in parties(text)] == [None, "KOICA"]


def test_a_count_in_words_ends_a_recipient_but_a_capitalised_one_is_part_of_a_name() -> None:
    [counted] = extract(
        "JICA đã viện trợ cho tỉnh ba dự án với tổng giá trị khoảng bốn mươi triệu yên."
    ).amounts
    assert counted.recipient is None  # not "tỉnh ba dự án"
    [named] = extract("Quỹ tặng 20 triệu đồng cho Trường Tiểu học Ba Vì.").amounts
    assert named.recipient == "Trường Tiểu học Ba Vì"
