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


# --- issue 16 -----------------------------------------------------------------------------------
# Every sentence written for these tests. PUBLISHED is 20/11/2023; the groups are the issue's.

DATED_EVENTS_ONCE_MISSED = [
    pytest.param(
        "Đoàn đại biểu tỉnh Hủa Phăn thăm tỉnh Thanh Hóa\n20/11/2023 08:15\n"
        "Sáng 18/11, đoàn đại biểu tỉnh Hủa Phăn (Lào) do ông Bun Xay dẫn đầu đã đến Thanh Hóa.",
        [("visit", date(2023, 11, 18))],
        id="dated-in-the-lead-named-in-the-title",
    ),
    pytest.param(
        "Ngày 17/11: Hội hữu nghị tỉnh gặp mặt lưu học sinh Lào\n"
        "Nhân dịp năm học mới, Hội đã có những chia sẻ với các em.",
        [("exchange", date(2023, 11, 17))],
        id="dated-in-the-title",
    ),
    pytest.param(
        "Trong hai ngày (16 và 17/11), Hội thảo quốc tế về hợp tác nhân dân được tổ chức tại Huế.",
        [("seminar", date(2023, 11, 16))],
        id="two-days-in-brackets",
    ),
    pytest.param(
        "Ngày 16 và 17/11, tại thành phố Vinh diễn ra Hội chợ thương mại Việt - Lào.",
        [("other", date(2023, 11, 16))],
        id="two-days-joined-by-va",
    ),
    pytest.param(
        "Ngày 16 và ngày 17/11, Hội thảo quốc tế được tổ chức tại Huế.",
        [("seminar", date(2023, 11, 16))],
        id="two-days-each-with-ngay",
    ),
    pytest.param(
        "Vừa qua (ngày 15/11), Hội hữu nghị tỉnh tổ chức gặp mặt lưu học sinh Lào.",
        [("exchange", date(2023, 11, 15))],
        id="recent-day-in-brackets",
    ),
    pytest.param(
        "Từ ngày 14 đến ngày 16/11, đoàn thăm và làm việc tại tỉnh Champasak.",
        [("visit", date(2023, 11, 14))],
        id="days-of-one-month-from-to",
    ),
    pytest.param(
        "Hôm nay 20/11, Đại hội đại biểu Hội hữu nghị Việt Nam - Campuchia tỉnh sẽ diễn ra.",
        [("congress", date(2023, 11, 20))],
        id="announced-today-without-brackets",
    ),
    pytest.param(
        "Hôm nay (22/11), tại Hà Nội sẽ diễn ra Lễ kỷ niệm 60 năm thành lập Hội.",
        [("ceremony", date(2023, 11, 22))],
        id="announced-today-dated-in-brackets",
    ),
    pytest.param(
        "Sáng 18/11, Đại hội Hội hữu nghị Việt Nam - Lào tỉnh lần thứ IV khai mạc. "
        "Trước đó, chiều 17/11, Ban tổ chức đã họp trù bị.",
        [("congress", date(2023, 11, 18)), ("conference", date(2023, 11, 17))],
        id="preparatory-meeting-the-day-before-a-congress",
    ),
    pytest.param(
        "Các đại biểu cắt băng khánh thành công trình (Ảnh chụp chiều 17/11).",
        [("ceremony", date(2023, 11, 17))],
        id="ceremony-dated-in-a-caption",
    ),
]


@pytest.mark.parametrize(("text", "expected"), DATED_EVENTS_ONCE_MISSED)
def test_dated_events_once_missed(text: str, expected: list) -> None:
    assert events(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Ngày 7/5/1954, chiến dịch Điện Biên Phủ toàn thắng, mở ra trang sử mới.",
        "Ngày 27/1/1973, Hiệp định Paris được ký kết tại thủ đô nước Pháp.",
        "Ngày 2/9/1945, tại Quảng trường Ba Đình, Chủ tịch Hồ Chí Minh đọc Tuyên ngôn Độc lập trước lễ đài.",
        "Ngày 5/9/1962, Việt Nam và Lào chính thức thiết lập quan hệ ngoại giao.",
        "Hội hữu nghị tỉnh được thành lập ngày 12/10/2003 và đã tổ chức nhiều hoạt động.",
        "Ngày 22/11/2023, Thủ tướng Chính phủ ký Quyết định số 1234/QĐ-TTg phê duyệt Đề án tổ chức hội nghị.",
        "Đồng chí sinh ngày 15/3/1960, từng tham gia nhiều đoàn công tác.",
    ],
)
def test_past_dates_are_not_events(text: str) -> None:
    assert events(text) == []


def test_history_is_measured_without_a_publication_date_too() -> None:
    text = (
        "Ngày 14/11/2023, hai tỉnh tổ chức Lễ kỷ niệm 50 năm Hiệp định Paris. "
        "Ngày 27/1/1973, Hiệp định Paris được ký kết."
    )
    assert events(text, published_on=None) == [("ceremony", date(2023, 11, 14))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Chiều 17/11, đồng chí Nguyễn Văn An đã tiếp và có buổi gặp mặt đoàn đại biểu tỉnh Champasak.",
            "exchange",
        ),
        (
            "Sáng 17/11, Ban Thường vụ Tỉnh ủy đón và gặp mặt Đoàn đại biểu cấp cao tỉnh Savannakhet.",
            "exchange",
        ),
        ("Chiều 17/11, Phó Chủ tịch tỉnh tiếp Đại sứ Nhật Bản tại Việt Nam.", "reception"),
        ("Ngày 17/11, Hội đón đoàn thanh niên Thái Lan đến giao lưu văn hóa.", "reception"),
        ("Chiều 17/11, đại diện hai bên đã ký biên bản ghi nhớ hợp tác giai đoạn 2024-2026.", "ceremony"),
        ("Chiều 17/11, Liên hiệp và JICA đã ký thỏa thuận hợp tác tại Hội nghị xúc tiến đầu tư.", "ceremony"),
        ("Ngày 17/11, tại Hội nghị, hai bên ký kết biên bản thỏa thuận hợp tác.", "ceremony"),
        ("Sáng 17/11, Hội nghị ký kết thỏa thuận hợp tác giữa hai tỉnh diễn ra tại Huế.", "ceremony"),
        ("Sáng 17/11, Hội nghị tổng kết công tác đối ngoại nhân dân năm 2023 diễn ra tại Huế.", "conference"),
    ],
)
def test_event_types_a_meeting_and_a_signing(text: str, expected: str) -> None:
    assert [type_ for type_, _ in events(text)] == [expected]


def test_a_visit_told_by_a_verb_of_going() -> None:
    text = "Sáng 18/11, đoàn đại biểu tỉnh Hủa Phăn do ông Bun Xay dẫn đầu đã sang tỉnh Thanh Hóa."
    assert events(text) == [("visit", date(2023, 11, 18))]
    assert events("Ngày 18/11, Công đoàn tỉnh đến xã Tân Minh; tính đến nay, đoàn viên đến 500 người.") == []


@pytest.mark.xfail(
    strict=True,
    reason="dated events missed: a visit told by a verb of going whose traveller is named without 'đoàn'",
)
def test_a_visit_by_a_named_traveller() -> None:
    text = "Sáng 18/11, Tỉnh trưởng tỉnh Hủa Phăn Bun Xay đã sang tỉnh Thanh Hóa."
    assert events(text) == [("visit", date(2023, 11, 18))]


def test_a_date_line_opening_with_its_place_dates_the_article() -> None:
    text = "Hai tỉnh ký kết biên bản ghi nhớ\nNghệ An, 19/10/2023\nChiều 18/10, hai bên đã ký biên bản ghi nhớ hợp tác."
    assert events(text, published_on=None) == [("ceremony", date(2023, 10, 18))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Theo Quyết định số 2345/QĐ-UBND của UBND tỉnh ngày 10/11/2023, Hội nghị sẽ diễn ra tại Huế.",
            [],
        ),
        (
            "Sáng ngày 17/11/2023, Đoàn đại biểu tỉnh Xiêng Khoảng đã đến chào xã giao Thường trực Tỉnh ủy.",
            [("visit", date(2023, 11, 17))],
        ),
        (
            "Ngày 17/11, Ủy ban MTTQ tỉnh tiếp nhận 200 triệu đồng ủng hộ đồng bào Lào bị lũ lụt.",
            [("other", date(2023, 11, 17))],
        ),
    ],
)
def test_a_decrees_date_after_its_issuer_a_courtesy_call_and_a_handover(text: str, expected: list) -> None:
    assert events(text) == expected


def test_the_titles_activity_dates_only_a_date_opening_the_leads_clause() -> None:
    text = (
        "Hội hữu nghị tỉnh trao quà cho người nghèo\n"
        "Theo số liệu đến ngày 17/11, Hội đã vận động được 200 triệu đồng."
    )
    assert events(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Sáng 17/11, đoàn dự Lễ khánh thành trường học. Chiều cùng ngày, đoàn đã hội đàm với lãnh đạo tỉnh "
            "về các hoạt động kỷ niệm 62 năm quan hệ ngoại giao.",
            [("ceremony", date(2023, 11, 17)), ("other", date(2023, 11, 17))],
        ),
        (
            "Chiều 17/11, Phó Chủ tịch tỉnh tiếp Tổng Lãnh sự Nhật Bản. Trước đó, sáng cùng ngày, đoàn đã thăm "
            "Trung tâm Bảo trợ xã hội tỉnh.",
            [("reception", date(2023, 11, 17)), ("visit", date(2023, 11, 17))],
        ),
    ],
)
def test_a_second_activity_the_same_day(text: str, expected: list) -> None:
    assert events(text) == expected


@pytest.mark.parametrize(
    "date_line",
    [
        "Ngày 19 tháng 10 năm 2023 10:20",
        "19/10/2023 | Lượt xem: 1234",
        "Đăng ngày: 19/10/2023 | Lượt xem: 1234",
    ],
)
def test_date_lines_of_other_portals_date_the_article(date_line: str) -> None:
    text = (
        f"Hai tỉnh ký kết biên bản ghi nhớ\n{date_line}\nChiều 18/10, hai bên đã ký biên bản ghi nhớ hợp tác."
    )
    assert events(text, published_on=None) == [("ceremony", date(2023, 10, 18))]


def test_cung_trong_ngay_with_its_date_opens_another_activity_that_day() -> None:
    text = (
        "Ngày 15/11, Hội hữu nghị tỉnh tổ chức gặp mặt lưu học sinh. "
        "Cũng trong ngày 15/11, Hội Chữ thập đỏ tỉnh tổ chức Lễ trao học bổng. Tại buổi lễ ngày 15/11, ông An phát biểu."
    )
    assert events(text) == [("exchange", date(2023, 11, 15)), ("ceremony", date(2023, 11, 15))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chiều 15/11, đoàn tham quan Khu di tích Kim Liên.", "visit"),
        ("Ngày 15/11, hai xã biên giới tổ chức Lễ kết nghĩa.", "ceremony"),
        ("Chiều 15/11, đoàn dâng hoa tại Khu di tích Kim Liên và thăm Trường Đại học Vinh.", "visit"),
    ],
)
def test_sightseeing_twinning_and_laying_flowers_on_a_visit(text: str, expected: str) -> None:
    assert [type_ for type_, _ in events(text)] == [expected]


def test_a_count_after_a_relative_day_is_not_its_date() -> None:
    [event] = find_events(prepare("Chiều qua, 4-5 đoàn khách đã đến thăm tỉnh.", PUBLISHED))
    assert (event.date, event.dated_by_publication) == (date(2023, 11, 19), True)


def test_an_article_published_on_29_february_is_read() -> None:
    """Ten years before a leap day is no leap day: the history bound must not crash the article."""
    text = "Sáng 28/2, Liên hiệp hữu nghị tỉnh tổ chức gặp mặt đoàn đại biểu Lào."
    events = find_events(prepare(text, date(2024, 2, 29)))
    assert [event.date for event in events] == [date(2024, 2, 28)]
