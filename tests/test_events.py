"""Events: what is an activity, which day it was, and what is only a date.

Every sentence here was written for these tests (no article text is copied).
"""

from __future__ import annotations

from datetime import date

import pytest

from extraction.events import find_events
from extraction.text import prepare

PUBLISHED = date(2023, 11, 20)


def events(text: str, published_on: date | None = PUBLISHED) -> list[tuple[str, date]]:
    return [(event.type, event.date) for event in find_events(prepare(text, published_on))]


DATED = [
    pytest.param(
        "Sáng 18/11, tại Hà Nội, Chủ tịch VUFO Phan Anh Sơn tiếp Đại sứ Cuba tại Việt Nam.",
        PUBLISHED,
        [("reception", date(2023, 11, 18))],
        id="part-of-day-and-day-month",
    ),
    pytest.param(
        "Chiều nay (20/11), Hội hữu nghị Việt Nam - Lào tỉnh tổ chức gặp mặt kỷ niệm Ngày Nhà giáo Việt Nam.",
        PUBLISHED,
        [("exchange", date(2023, 11, 20))],
        id="relative-day-with-its-date",
    ),
    pytest.param(
        "Hôm qua, đoàn đại biểu tỉnh Savannakhet đến thăm và làm việc tại tỉnh Quảng Trị.",
        PUBLISHED,
        [("visit", date(2023, 11, 19))],
        id="yesterday",
    ),
    pytest.param(
        "Trong hai ngày 14 và 15/11, Liên hiệp tổ chức Hội thảo quốc tế về hợp tác nhân dân.",
        PUBLISHED,
        [("seminar", date(2023, 11, 14))],
        id="two-days-dated-by-the-first",
    ),
    pytest.param(
        "Từ ngày 28/10 đến ngày 2/11, đoàn công tác có chuyến thăm Nhật Bản.",
        PUBLISHED,
        [("visit", date(2023, 10, 28))],
        id="range-across-months",
    ),
    pytest.param(
        "Ngày 5/12 tới, Đại hội đại biểu Hội hữu nghị Việt Nam - Campuchia sẽ diễn ra tại Hà Nội.",
        PUBLISHED,
        [("congress", date(2023, 12, 5))],
        id="announced-event",
    ),
    pytest.param(
        "Ngày 28/12, Liên hiệp tổ chức gặp mặt bạn bè quốc tế.",
        date(2024, 1, 5),
        [("exchange", date(2023, 12, 28))],
        id="last-year-in-a-january-article",
    ),
    pytest.param(
        "Sáng ngày 5 tháng 9 năm 2023, tại Hội trường UBND tỉnh, Lễ ký kết biên bản ghi nhớ hợp tác đã diễn ra.",
        None,
        [("ceremony", date(2023, 9, 5))],
        id="spelled-date-without-publication-date",
    ),
    pytest.param(
        "Chiều 17-1, UBND tỉnh gặp mặt các tổ chức nước ngoài nhân dịp Tết Nguyên đán Giáp Thìn 2024.",
        None,
        [("exchange", date(2024, 1, 17))],
        id="year-written-in-the-sentence",
    ),
    pytest.param(
        "Ngày 15/11, tại TP. Hồ Chí Minh, Tổng Lãnh sự quán Nhật Bản đã trao tặng 100 xe đạp cho học sinh.",
        PUBLISHED,
        [("ceremony", date(2023, 11, 15))],
        id="abbreviation-does-not-end-the-sentence",
    ),
    pytest.param(
        "Sáng 9/11, đoàn thăm Khu di tích Kim Liên. Chiều 9/11, đoàn làm việc với UBND tỉnh Nghệ An.",
        PUBLISHED,
        [("visit", date(2023, 11, 9)), ("visit", date(2023, 11, 9))],
        id="morning-and-afternoon-are-two-activities",
    ),
    pytest.param(
        "Ngày 5/8/2024, lễ khởi công nhà tình nghĩa diễn ra. Cùng ngày, đoàn trao tặng 10 suất quà.",
        None,
        [("ceremony", date(2024, 8, 5)), ("ceremony", date(2024, 8, 5))],
        id="same-day-second-activity",
    ),
]


@pytest.mark.parametrize(("text", "published_on", "expected"), DATED)
def test_dated_activities(text: str, published_on: date | None, expected: list) -> None:
    assert events(text, published_on) == expected


NOT_EVENTS = [
    pytest.param("Ngày 10/4, đoàn sang thăm tỉnh bạn.", None, id="no-year-no-publication-date"),
    pytest.param(
        "Theo Kế hoạch số 25/KH-UBND ngày 10/3/2023 của UBND tỉnh, các sở phối hợp tổ chức hội nghị.",
        PUBLISHED,
        id="document-date",
    ),
    pytest.param(
        "Liên hiệp được thành lập ngày 15/7/1995 theo quyết định của tỉnh.", PUBLISHED, id="founding"
    ),
    pytest.param(
        "Nhân kỷ niệm 76 năm Ngày Thương binh - Liệt sĩ (27/7/1947 - 27/7/2023), hội đã tặng quà.",
        PUBLISHED,
        id="anniversary-span",
    ),
    pytest.param(
        "Ngày 12/10/2023, UBND tỉnh ban hành Kế hoạch tổ chức các hoạt động đối ngoại nhân dân năm 2024.",
        PUBLISHED,
        id="issuing-a-plan",
    ),
    pytest.param(
        "Các đơn vị gửi báo cáo về Sở Ngoại vụ trước ngày 15/12 để tổng hợp.", PUBLISHED, id="deadline"
    ),
    pytest.param("Tổng thống thăm cấp Nhà nước Việt Nam vào tháng 9/2023.", PUBLISHED, id="month-only"),
    pytest.param("Tỷ lệ hộ nghèo giảm còn 3/4 so với năm trước.", PUBLISHED, id="fraction"),
    pytest.param(
        "Từ ngày 1/1 đến ngày 30/6, hội tổ chức 20 đoàn đi thăm các nước.", PUBLISHED, id="reporting-period"
    ),
    pytest.param(
        "Chiều 28/12, hội nghị tổng kết năm 2023 và triển khai nhiệm vụ năm 2024 diễn ra.",
        None,
        id="two-years-leave-the-year-uncertain",
    ),
    pytest.param(
        "Dịp này, ông B nói: “Hôm nay chúng tôi rất vui được đón đoàn”.", PUBLISHED, id="today-in-a-quote"
    ),
]


@pytest.mark.parametrize(("text", "published_on"), NOT_EVENTS)
def test_dates_that_are_not_events(text: str, published_on: date | None) -> None:
    assert events(text, published_on) == []


def test_one_activity_mentioned_twice_is_one_event() -> None:
    text = (
        "Ngày 3/11, Hội nghị tổng kết công tác năm 2023 diễn ra. Tại hội nghị, ông A phát biểu. "
        "Ngày 3/11 cũng là dịp để các hội trao đổi kinh nghiệm."
    )
    assert events(text) == [("conference", date(2023, 11, 3))]


def test_the_closing_day_of_a_multi_day_event_is_not_another_event() -> None:
    text = "Ngày 6/12, Đại hội bế mạc sau 2 ngày làm việc. Trước đó, ngày 5/12, Đại hội khai mạc tại Hà Nội."
    assert events(text, date(2023, 12, 7)) == [("congress", date(2023, 12, 5))]


def test_title_location_and_participants() -> None:
    doc = prepare(
        "Chiều 14/9, tại TP. Tam Kỳ, tỉnh Quảng Nam, Chủ tịch UBND tỉnh Lê Trí Thanh tiếp đoàn tỉnh Sê Kông. "
        "Cùng dự có ông Trần Văn Tuấn, Giám đốc Sở Ngoại vụ.",
        date(2023, 9, 15),
    )
    [event] = find_events(doc)
    assert event.type == "reception"
    assert event.location == "TP. Tam Kỳ, tỉnh Quảng Nam"
    assert event.title.startswith("Chủ tịch UBND tỉnh Lê Trí Thanh tiếp đoàn")
    assert [(p.name, p.kind) for p in event.participants] == [
        ("Lê Trí Thanh", "person"),
        ("đoàn tỉnh Sê Kông", "delegation"),
        ("Trần Văn Tuấn", "person"),
    ]
    assert doc.text[event.evidence.start : event.evidence.end] == "Chiều 14/9"


def test_a_visit_takes_the_place_visited_as_location() -> None:
    [event] = find_events(
        prepare("Ngày 3/11, đoàn công tác đã thăm và làm việc với tỉnh Sóc Trăng.", PUBLISHED)
    )
    assert (event.type, event.location) == ("visit", "tỉnh Sóc Trăng")


def test_a_diplomats_seat_is_not_the_events_place() -> None:
    [event] = find_events(
        prepare(
            "Ngày 14/9, Tổng Lãnh sự Nhật Bản tại Thành phố Hồ Chí Minh dự lễ khánh thành trường học tại "
            "thành phố Cần Thơ.",
            PUBLISHED,
        )
    )
    assert event.location == "thành phố Cần Thơ"
