"""Event participants: who took part, of what kind, from which country, wherever the article names them.

Every sentence here was written for these tests (no article text is copied).
"""

from __future__ import annotations

from datetime import date

import pytest

from extraction import extract
from extraction.events import find_events
from extraction.text import prepare

PUBLISHED = date(2023, 4, 25)


def participants(text: str, published_on: date = PUBLISHED) -> list[list[tuple[str, str, str | None]]]:
    """For each event of the text: (name, kind, country) of each participant, in the order named."""
    return [
        [(p.name, p.kind, p.country) for p in event.participants]
        for event in extract(text, published_on).events
    ]


def test_an_ambassador_named_after_a_caption_takes_part_in_his_reception() -> None:
    text = (
        "Sáng 24/4, lãnh đạo thành phố Cần Thơ đã tiếp Đại sứ Hoa Kỳ và đoàn công tác.\n\n"
        "Đến dự có ông Trần Văn Bình - Phó Chủ tịch UBND thành phố.\n\n"
        "Quang cảnh buổi tiếp.\n\n"
        "Đại sứ Hoa Kỳ tại Việt Nam Marc Knapper cùng đoàn công tác đã tham dự chương trình."
    )
    assert participants(text) == [[("Marc Knapper", "person", "US"), ("Trần Văn Bình", "person", "VN")]]


def test_a_diplomat_named_by_post_alone_is_a_delegation_of_his_country() -> None:
    text = "Chiều 24/4, Hội hữu nghị Việt Nam - Lào tỉnh An Giang đón Tổng Lãnh sự Lào tại Thành phố Hồ Chí Minh."
    [found] = participants(text)
    assert ("Tổng Lãnh sự Lào", "delegation", "LA") in found


def test_people_named_in_later_paragraphs_take_part_when_their_clause_says_so() -> None:
    text = (
        "Ngày 20/4, Liên hiệp các tổ chức hữu nghị tỉnh Sóc Trăng tổ chức hội nghị tổng kết năm.\n\n"
        "Ảnh: toàn cảnh hội nghị.\n\n"
        "Phát biểu tại hội nghị, ông Lê Văn Hòa đánh giá cao kết quả đạt được.\n\n"
        "Theo bà Nguyễn Thị Mai, năm tới hội sẽ mở rộng hợp tác.\n\n"
        "Năm 1990, ông Trần Quốc Khải từng là giáo viên của trường."
    )
    [found] = participants(text)
    names = [name for name, _, _ in found]
    assert names[:1] == ["Liên hiệp các tổ chức hữu nghị tỉnh Sóc Trăng"]
    assert "Lê Văn Hòa" in names and "Nguyễn Thị Mai" in names
    assert "Trần Quốc Khải" not in names  # named, but not as taking part


@pytest.mark.parametrize(
    ("delegation", "country"),
    [
        ("đoàn đại biểu Hội hữu nghị Hoa Kỳ - Việt Nam", "US"),
        ("đoàn đại biểu Hội hữu nghị Việt Nam - Hàn Quốc thành phố Cần Thơ", "VN"),
        ("đoàn thanh niên Thái Lan", "TH"),
        ("đoàn cựu chiến binh Vương quốc Campuchia", "KH"),
        ("đoàn đại biểu tỉnh Champasak (Lào)", "LA"),
        ("phái đoàn Đảng Nhân dân Cách mạng Lào", "LA"),
        ("đoàn tỉnh Sê Kông", None),
    ],
)
def test_a_delegation_is_of_the_country_its_words_name_first(delegation: str, country: str | None) -> None:
    text = f"Sáng 24/4, Ủy ban MTTQ tỉnh Hậu Giang đã tiếp {delegation} đến thăm và làm việc."
    [found] = participants(text)
    assert (delegation, "delegation", country) in found


@pytest.mark.parametrize(
    "sentence",
    [
        "Sáng 24/4, công đoàn Công ty May Việt Tiến tổ chức hội nghị người lao động.",
        "Sáng 24/4, Tập đoàn Điện lực Việt Nam tổ chức hội nghị tổng kết.",
        "Sáng 24/4, Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh tổ chức hội nghị.",
        "Sáng 24/4, hội nghị tăng cường khối đoàn kết dân tộc Việt Nam - Lào diễn ra tại Cần Thơ.",
        "Sáng 24/4, các đoàn khách quốc tế đến thăm khu di tích.",
    ],
)
def test_no_delegation_in_unions_companies_or_unity(sentence: str) -> None:
    [found] = participants(sentence)
    assert [p for p in found if p[1] == "delegation"] == []


def test_the_organisation_holding_a_congress_is_no_delegation_of_the_country_in_its_name() -> None:
    text = (
        "Sáng 16/5, Hội hữu nghị Việt Nam - Hàn Quốc thành phố Cần Thơ tổ chức đại hội đại biểu lần thứ III.\n\n"
        "Quan hệ hữu nghị giữa nhân dân thành phố với nhân dân Hàn Quốc không ngừng được vun đắp."
    )
    [found] = participants(text, date(2023, 5, 17))
    assert found == [("Hội hữu nghị Việt Nam - Hàn Quốc thành phố Cần Thơ", "organization", "VN")]


def test_an_organisation_in_a_title_belongs_to_the_person() -> None:
    text = (
        "Chiều 14/4, Chủ tịch UBND tỉnh Lê Trí Thanh tiếp Tổng Lãnh sự quán Nhật Bản tại Đà Nẵng.\n\n"
        "Đến dự có ông Trần Văn Tuấn - Giám đốc Sở Ngoại vụ tỉnh Quảng Nam."
    )
    [found] = participants(text)
    assert [(name, kind) for name, kind, _ in found] == [
        ("Lê Trí Thanh", "person"),
        ("Tổng Lãnh sự quán Nhật Bản tại Đà Nẵng", "organization"),
        ("Trần Văn Tuấn", "person"),
    ]
    assert found[1][2] == "JP"


def test_each_event_of_an_article_takes_the_names_of_its_own_stretch() -> None:
    text = (
        "Sáng 20/4, đoàn đại biểu tỉnh Champasak (Lào) đến thăm Ủy ban MTTQ tỉnh Hậu Giang. "
        "Tham dự có ông Lê Văn Hòa, Phó Chủ tịch Ủy ban MTTQ tỉnh.\n\n"
        "Chiều cùng ngày, đoàn dự lễ khánh thành nhà văn hóa ấp Tân Long. "
        "Dự lễ có bà Nguyễn Thị Mai, Bí thư huyện ủy."
    )
    first, second = participants(text)
    assert ("đoàn đại biểu tỉnh Champasak (Lào)", "delegation", "LA") in first
    assert "Lê Văn Hòa" in [name for name, _, _ in first]
    assert [name for name, _, _ in second] == ["Nguyễn Thị Mai"]


def test_a_multi_day_event_keeps_its_last_day_and_a_relative_day_says_so() -> None:
    [congress] = find_events(
        prepare("Trong hai ngày 5-6/12, Đại hội đại biểu Hội diễn ra tại Hà Nội.", date(2023, 12, 7))
    )
    assert (congress.date, congress.end_date, congress.dated_by_publication) == (
        date(2023, 12, 5),
        date(2023, 12, 6),
        False,
    )
    [visit] = find_events(
        prepare("Hôm qua, đoàn đại biểu tỉnh Savannakhet đến thăm tỉnh Quảng Trị.", date(2023, 11, 20))
    )
    assert (visit.date, visit.end_date, visit.dated_by_publication) == (date(2023, 11, 19), None, True)


def test_the_schema_lists_participants_with_their_kind_and_country() -> None:
    result = extract("Sáng 24/4, Chủ tịch VUFO Phan Anh Sơn tiếp đoàn thanh niên Thái Lan.", PUBLISHED)
    [event] = result.to_schema("x")["events"]
    assert event["participants"] == [
        {"name": "Phan Anh Sơn", "kind": "person", "country": "VN"},
        {"name": "đoàn thanh niên Thái Lan", "kind": "delegation", "country": "TH"},
    ]
    assert (event["end_date"], event["dated_by_publication"]) == (None, False)
