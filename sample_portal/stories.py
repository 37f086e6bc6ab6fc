"""Articles written for this project, so the portal has enough to paginate and
the warehouse something to query even without ../shared.

Each story is a row of facts (who, what, when, which directive, how much aid
from whom); sentences come from templates written here, varied per story
with a fixed random seed, so the portal serves the same text on every run.
Facts such as document numbers, names and posts follow real news; the
sentences are ours.

What really happened is explicit too: each row names its real events and
donations (`sample_portal.facts`), and two rows reporting the same donation or
event name the same constant. `reported_facts()` lists them with the URLs of
the articles reporting them, for `bench/fact_eval.py`. The stories after the
first fifty are written to need each rule of merging reports into facts: a
donation and an event reported by two sites in different words, a conversion
to đồng, gifts valued per unit, a part of a total, a running total, and
look-alike donations by one donor that are two facts.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from sample_portal.facts import Donation, Event
from sample_portal.model import SITES, Article, Attachment
from sample_portal.seeds import LAYOUTS, VIETNAM, load_seeds


@dataclass(frozen=True)
class Person:
    name: str
    honorific: str  # as written before the name
    title: str


GIANG = Person("Lê Thị Thanh Giang", "bà", "Chủ tịch Liên hiệp các tổ chức hữu nghị thành phố Cần Thơ")
GIANG_SHORT = Person("Lê Thị Thanh Giang", "bà", "Chủ tịch Liên hiệp CTCHN thành phố Cần Thơ")
NGA = Person("Nguyễn Phương Nga", "bà", "Chủ tịch Liên hiệp các tổ chức hữu nghị Việt Nam (VUFO)")
SON = Person("Phan Anh Sơn", "ông", "Chủ tịch VUFO")
CHAU = Person("Trần Lê Ngọc Châu", "bà", "Phó Chủ tịch Liên hiệp CTCHN thành phố Cần Thơ")
HIEN = Person("Nguyễn Thực Hiện", "ông", "Phó Chủ tịch UBND thành phố Cần Thơ")
NHAN = Person("Nguyễn Trung Nhân", "đồng chí", "Chủ tịch Ủy ban MTTQ Việt Nam thành phố Cần Thơ")
TUONG = Person("Ngụy Hoa Tường", "ngài", "Tổng Lãnh sự Trung Quốc tại Thành phố Hồ Chí Minh")
DARETH = Person("Sok Dareth", "ngài", "Tổng Lãnh sự Campuchia tại Thành phố Hồ Chí Minh")
KNAPPER = Person("Marc Knapper", "ngài", "Đại sứ Hoa Kỳ tại Việt Nam")
ONO = Person("Ono Masuo", "ông", "Tổng Lãnh sự Nhật Bản tại Thành phố Hồ Chí Minh")
VONGSA = Person("Khamphao Vongsa", "ông", "Tổng Lãnh sự Lào tại Thành phố Hồ Chí Minh")
KIM = Person("Kim Min Jun", "ông", "Chủ tịch Hội những người Hàn Quốc yêu Việt Nam")
XUAN = Person("Nguyễn Thanh Xuân", "ông", "Chủ tịch Hội hữu nghị Việt Nam - Hàn Quốc thành phố Cần Thơ")
HUNG_CT = Person("Nguyễn Văn Hùng", "ông", "Phó Giám đốc Sở Ngoại vụ thành phố Cần Thơ")
HUNG_HG = Person("Nguyễn Văn Hùng", "ông", "Chủ tịch Hội hữu nghị Việt Nam - Lào tỉnh Hậu Giang")
HIEU = Person("Phạm Văn Hiểu", "đồng chí", "Phó Bí thư Thường trực Thành ủy Cần Thơ")
GOLEDZINOWSKI = Person("Andrew Goledzinowski", "ngài", "Đại sứ Australia tại Việt Nam")
SOUKSAVANH = Person("Bounmy Souksavanh", "ông", "Phó Chủ tịch Mặt trận Lào xây dựng đất nước tỉnh Champasak")

CT12 = (
    "Chỉ thị số 12-CT/TW ngày 05/01/2022 của Ban Bí thư",
    "Chỉ thị 12-CT/TW",
    "Chỉ thị số 12",
    "Chỉ thị số 12- CT/TW",
)
CT04 = ("Chỉ thị số 04-CT/TW ngày 06/7/2011 của Ban Bí thư", "Chỉ thị 04-CT/TW")
CT38 = ("Chỉ thị số 38-CT/TW ngày 19/9/2019 của Ban Bí thư", "Chỉ thị 38-CT/TW")
KH108 = ("Kế hoạch số 108-KH/TU ngày 20/5/2022 của Ban Thường vụ Thành ủy Cần Thơ",)
KL12 = ("Kết luận số 12-KL/TW ngày 12/8/2021 của Bộ Chính trị",)
QD12 = ("Quyết định số 12/2023/QĐ-UBND của UBND thành phố",)
CTR1830 = ("Chương trình hành động số 1830/LHHN-VP của Liên hiệp các tổ chức hữu nghị Việt Nam",)

# --- the donations, each once, whichever articles report it ------------------------------------

VND, USD = "VND", "USD"


def _vnd(amount: str) -> Decimal:
    return Decimal(amount.replace(".", ""))


WORLD_VISION_AN_GIANG = Donation(
    "Tổ chức World Vision",
    _vnd("1.500.000.000"),
    VND,
    date(2023, 4, 12),
    "trạm y tế xã biên giới tỉnh An Giang",
    donor_forms=("World Vision", "Tổ chức Tầm nhìn Thế giới"),
    corrected=(2, _vnd("1.800.000.000")),  # the day-2 edit of thoidai 150102 (build_article)
)
KOICA_FORMS = ("KOICA", "Cơ quan Hợp tác Quốc tế Hàn Quốc")
# look-alikes: the same donor, the same amount, the same district, two years apart
KOICA_WATER_2021 = Donation(
    "Cơ quan Hợp tác Quốc tế Hàn Quốc (KOICA)",
    Decimal(250_000),
    USD,
    date(2021, 9, 2),
    "dự án nước sạch huyện Trà Cú",
    donor_forms=KOICA_FORMS,
)
KOICA_WATER_2023 = Donation(
    "Cơ quan Hợp tác Quốc tế Hàn Quốc (KOICA)",
    Decimal(250_000),
    USD,
    date(2023, 8, 15),
    "giai đoạn 2 dự án nước sạch huyện Trà Cú",
    donor_forms=KOICA_FORMS,
)
JAPAN_CONSULATE_FORMS = ("Tổng Lãnh sự Nhật Bản", "Tổng Lãnh sự quán Nhật Bản tại Thành phố Hồ Chí Minh")
JAPAN_INSTRUMENTS_2023 = Donation(
    "Tổng Lãnh sự quán Nhật Bản",
    Decimal(10_000_000),
    "JPY",
    date(2023, 3, 14),
    donor_forms=JAPAN_CONSULATE_FORMS,
)
# the foreign NGOs' yearly totals: no single donor
NGO_TOTAL_2022 = Donation(
    None, Decimal(1_200_000), USD, date(2022, 12, 27), amount_vnd=_vnd("28.000.000.000")
)
NGO_TOTAL_2023 = Donation(None, _vnd("3.200.000.000"), VND, date(2023, 12, 27))
# what Cần Thơ's friendship union raised in the first half of 2022: the seed 003_ (nhipsongmientay
# 7093) reports it and names the consulate's gift below as one of its parts
NGO_TOTAL_2022_FIRST_HALF = Donation(None, _vnd("3.200.000.000"), VND, date(2022, 6, 30))
JAPAN_COLLEGE_EQUIPMENT = Donation(
    "Tổng Lãnh sự quán Nhật Bản",
    _vnd("1.700.000.000"),
    VND,
    date(2022, 6, 20),
    "Trường Cao đẳng Văn hóa - Nghệ thuật Cần Thơ",
    donor_forms=JAPAN_CONSULATE_FORMS,
    part_of=NGO_TOTAL_2022_FIRST_HALF,
)
PLAN_FORMS = ("Plan International", "Tổ chức Plan")
# look-alikes: the same donor, about the same amount, the same year, two recipients
PLAN_SCHOLARSHIPS_2024 = Donation(
    "Tổ chức Plan International",
    _vnd("2.000.000.000"),
    VND,
    date(2024, 8, 22),
    "sinh viên có hoàn cảnh khó khăn",
    donor_forms=PLAN_FORMS,
)
PLAN_SCHOOL_SANITATION_2024 = Donation(
    "Tổ chức Plan International",
    _vnd("2.100.000.000"),
    VND,
    date(2024, 10, 23),
    "5 điểm trường tiểu học huyện Trà Cú",
    donor_forms=PLAN_FORMS,
)
KOREA_LOVERS_HOUSE = Donation("Hội những người Hàn Quốc yêu Việt Nam", Decimal(5_000), USD, date(2024, 8, 6))
AUSTRALIA_VIETNAMESE_RELIEF = Donation(None, _vnd("500.000.000"), VND, date(2020, 10, 28))  # a community
FUND_FOR_THE_POOR_SCHOLARSHIPS = Donation(
    "Quỹ Vì người nghèo thành phố", _vnd("300.000.000"), VND, date(2022, 9, 4), "sinh viên Lào, Campuchia"
)
CUBA_APPEAL_2021 = Donation(None, _vnd("900.000.000"), VND, date(2021, 6, 2), "nhân dân Cu Ba")  # members
HABITAT_FORMS = ("Habitat for Humanity",)
HABITAT_LONG_MY = Donation(
    "Tổ chức Habitat for Humanity",
    _vnd("700.000.000"),
    VND,
    date(2020, 5, 14),
    "hộ nghèo huyện Long Mỹ",
    donor_forms=HABITAT_FORMS,
)
HABITAT_PHUNG_HIEP = Donation(
    "Tổ chức Habitat for Humanity",
    _vnd("1.200.000.000"),
    VND,
    date(2024, 6, 11),
    "hộ nghèo huyện Phụng Hiệp",
    donor_forms=HABITAT_FORMS,
)
HABITAT_HAU_GIANG_SINCE_2015 = Donation(
    "Tổ chức Habitat for Humanity",
    _vnd("15.000.000.000"),
    VND,
    date(2024, 6, 11),
    "tỉnh Hậu Giang",
    donor_forms=HABITAT_FORMS,
    is_cumulative=True,
)
# gifts valued per unit: "gần 300 nghìn đồng/suất" for the 100 households of the story's lead
KOREAN_TET_GIFTS = Donation(
    None,
    None,
    VND,
    date(2022, 1, 17),
    "Làng hữu nghị Việt Nam - Hàn Quốc",
    unit_value=_vnd("300.000"),
    unit_count=100,
)
KOREAN_BUSINESS_TET_GIFTS = Donation(
    "Hội Doanh nhân Hàn Quốc tại Cần Thơ",
    None,
    VND,
    date(2024, 1, 31),
    "hộ nghèo, hộ cận nghèo quận Ô Môn",
    unit_value=_vnd("500.000"),
    unit_count=300,
)
GIZ_BAC_LIEU = Donation(
    "Tổ chức GIZ của Cộng hòa Liên bang Đức", Decimal(50_000), "EUR", date(2019, 10, 10), donor_forms=("GIZ",)
)
NETHERLANDS_RESEARCH = Donation(
    "Chính phủ Hà Lan",
    _vnd("1.000.000.000"),
    VND,
    date(2021, 11, 7),
    "Trường Đại học Cần Thơ",
    amount_max=_vnd("2.000.000.000"),
)
NGO_TET_GIFTS_VINH_LONG = Donation(None, Decimal(1_500), USD, date(2024, 1, 12), "hộ nghèo")
CAN_THO_FLOOD_RELIEF = Donation(
    "Liên hiệp các tổ chức hữu nghị thành phố Cần Thơ",
    Decimal(25_000),
    USD,
    date(2024, 10, 6),
    "người dân vùng lũ tỉnh Kandal",
    donor_forms=("Liên hiệp CTCHN thành phố Cần Thơ",),
)
# reported by two sites, "1,72 tỷ đồng" and "hơn 1,7 tỷ đồng"; the handover is one event on both
AUSTRALIA_CHILDREN_HOSPITAL = Donation(
    "Đại sứ quán Australia",
    _vnd("1.720.000.000"),
    VND,
    date(2023, 9, 14),
    "Bệnh viện Nhi đồng thành phố Cần Thơ",
    donor_forms=("Đại sứ quán Australia tại Việt Nam", "Đại sứ quán Úc"),
)
AUSTRALIA_HANDOVER = Event("ceremony", date(2023, 9, 14), "Cần Thơ")
# a sum in dollars with its value in đồng stated beside it
JICA_KINDERGARTEN = Donation(
    "Cơ quan Hợp tác Quốc tế Nhật Bản (JICA)",
    Decimal(120_000),
    USD,
    date(2024, 3, 18),
    "Trường Mẫu giáo Hoa Mai, huyện Cù Lao Dung",
    donor_forms=("JICA",),
    amount_vnd=_vnd("2.900.000.000"),
)
# a year's total, and a part of it named after "trong đó"
SOC_TRANG_NGO_TOTAL_2024 = Donation(None, _vnd("9.600.000.000"), VND, date(2024, 12, 19))
EAST_MEETS_WEST_SCHOOLS = Donation(
    "Tổ chức Đông Tây Hội ngộ (EMW)",
    _vnd("4.200.000.000"),
    VND,
    date(2024, 12, 19),
    "3 điểm trường mầm non",
    donor_forms=("Đông Tây Hội ngộ", "East Meets West"),
    part_of=SOC_TRANG_NGO_TOTAL_2024,
)
# a delegation's visit, reported by the host's site and by a regional paper the next morning
CHAMPASAK_VISIT = Event("visit", date(2024, 3, 27), "Cần Thơ")

# What each seed page reports, by (site, id) of `seeds.LAYOUTS`: its text stays in ../shared, its
# donations are stated here (every seed is listed, most with none) so the evaluation can judge what
# the warehouse finds in them. The seeds' events are not listed: their articles are not judged on events.
SEED_DONATIONS: dict[tuple[str, int], tuple[Donation, ...]] = {
    ("thoidai", 186101): (),
    ("mattrancantho", 4121): (),
    ("nhipsongmientay", 7093): (NGO_TOTAL_2022_FIRST_HALF, JAPAN_COLLEGE_EQUIPMENT, KOREAN_TET_GIFTS),
    ("thoidai", 106215): (),
    ("thanhuycantho", 5677): (),  # the party letter 001_ and its PDF
}


@dataclass(frozen=True)
class Story:
    site: str
    id: int
    category: str
    headline: str
    published: datetime
    activity: str  # what happened, after the subject: "đến thăm và làm việc với ..."
    host: str  # the subject of the opening sentence
    people: tuple[Person, ...]
    directive: tuple[str, ...] | None = None
    aid: tuple[str, str, str] | None = None  # (donor, written amount, purpose)
    countries: str | None = None  # a phrase naming partner countries
    author: str = "Minh Thư"
    first_day: int = 1
    removed_on_day: int | None = None
    attachment: str | None = None  # kind of document attached (thanhuycantho)
    # sentences written for this story alone, after the people present (the aid template's place)
    paragraphs: tuple[str, ...] = ()
    # what really happened: the opening sentence's activity first, dated by its `held_on`
    events: tuple[Event, ...] = ()
    donations: tuple[Donation, ...] = ()  # every donation the article states an amount for


def _at(day: int, month: int, year: int, hour: int = 9, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=VIETNAM)


STORIES: tuple[Story, ...] = (
    # --- Tạp chí Thời Đại ---------------------------------------------------------
    Story(
        "thoidai",
        150101,
        "huu-nghi",
        "VUFO gặp mặt đoàn đại biểu Hội hữu nghị Hoa Kỳ - Việt Nam",
        _at(7, 3, 2024, 16, 20),
        "tổ chức gặp mặt đoàn đại biểu Hội hữu nghị Hoa Kỳ - Việt Nam tại Hà Nội",
        "Liên hiệp các tổ chức hữu nghị Việt Nam",
        (SON, KNAPPER),
        countries="Hoa Kỳ",
        events=(Event("exchange", date(2024, 3, 6), "Hà Nội"),),
    ),
    Story(
        "thoidai",
        150102,
        "huu-nghi",
        "Trao tặng thiết bị y tế cho Trạm y tế xã biên giới",
        _at(12, 4, 2023, 10, 5),
        "tổ chức lễ trao tặng thiết bị y tế cho trạm y tế xã biên giới tỉnh An Giang",
        "Liên hiệp các tổ chức hữu nghị Việt Nam",
        (NGA,),
        aid=("Tổ chức World Vision", "1,5 tỷ đồng", "mua sắm thiết bị y tế"),
        events=(Event("ceremony", date(2023, 4, 12), "An Giang"),),
        donations=(WORLD_VISION_AN_GIANG,),
    ),
    Story(
        "thoidai",
        150103,
        "huu-nghi",
        "Giao lưu hữu nghị nhân dân Việt Nam - Lào tại Cần Thơ",
        _at(20, 7, 2022, 8, 40),
        "tổ chức chương trình giao lưu hữu nghị với sinh viên Lào đang học tập tại thành phố",
        "Liên hiệp Cần Thơ",
        (GIANG, VONGSA),
        countries="CHDCND Lào",
        directive=CT12,
        events=(Event("exchange", date(2022, 7, 19), "Cần Thơ"),),
    ),
    Story(
        "thoidai",
        150104,
        "huu-nghi",
        "KOICA tài trợ dự án nước sạch cho đồng bào Khmer",
        _at(2, 9, 2021, 14, 0),
        "tổ chức lễ khởi công dự án nước sạch tại huyện Trà Cú",
        "Liên hiệp các tổ chức hữu nghị tỉnh Trà Vinh",
        (KIM,),
        aid=("Cơ quan Hợp tác Quốc tế Hàn Quốc (KOICA)", "250.000 USD", "xây dựng hệ thống nước sạch"),
        countries="Hàn Quốc",
        events=(Event("ceremony", date(2021, 9, 2), "Trà Vinh"),),
        donations=(KOICA_WATER_2021,),
    ),
    Story(
        "thoidai",
        150105,
        "huu-nghi",
        "Tổng Lãnh sự Nhật Bản thăm và làm việc với thành phố Cần Thơ",
        _at(15, 3, 2023, 11, 10),
        "đến thăm và làm việc với Liên hiệp các tổ chức hữu nghị thành phố Cần Thơ",
        "Tổng Lãnh sự quán Nhật Bản",
        (ONO, GIANG_SHORT),
        countries="Nhật Bản",
        aid=("Tổng Lãnh sự quán Nhật Bản", "10 triệu yên", "trang bị nhạc cụ"),
        events=(Event("visit", date(2023, 3, 14), "Cần Thơ"),),
        donations=(JAPAN_INSTRUMENTS_2023,),
    ),
    Story(
        "thoidai",
        150106,
        "huu-nghi",
        "Hội nghị tổng kết công tác phi chính phủ nước ngoài năm 2022",
        _at(28, 12, 2022, 15, 30),
        "tổ chức hội nghị tổng kết công tác phi chính phủ nước ngoài năm 2022",
        "Ủy ban công tác về các tổ chức phi chính phủ nước ngoài",
        (NGA, HUNG_CT),
        aid=(
            "các tổ chức phi chính phủ nước ngoài",
            "hơn 1,2 triệu USD (tương đương khoảng 28 tỷ đồng)",
            "các chương trình an sinh xã hội",
        ),
        events=(Event("conference", date(2022, 12, 27), "Cần Thơ"),),
        donations=(NGO_TOTAL_2022,),
    ),
    Story(
        "thoidai",
        150107,
        "huu-nghi",
        "Tọa đàm về vai trò của đối ngoại nhân dân trong tình hình mới",
        _at(5, 10, 2022, 9, 0),
        "tổ chức tọa đàm về vai trò của đối ngoại nhân dân trong tình hình mới",
        "Liên hiệp các tổ chức hữu nghị Việt Nam",
        (SON,),
        directive=CT12,
        events=(Event("seminar", date(2022, 10, 3), None),),
    ),
    Story(
        "thoidai",
        150108,
        "huu-nghi",
        "Cựu chiến binh Campuchia thăm lại chiến trường xưa",
        _at(14, 1, 2020, 7, 50),
        "đón đoàn cựu chiến binh Vương quốc Campuchia thăm lại chiến trường xưa",
        "Hội hữu nghị Việt Nam - Campuchia tỉnh Sóc Trăng",
        (DARETH,),
        countries="Vương quốc Campuchia",
        events=(Event("reception", date(2020, 1, 13), "Sóc Trăng"),),
    ),
    Story(
        "thoidai",
        150109,
        "huu-nghi",
        "Quỹ học bổng cho sinh viên nghèo vùng Đồng bằng sông Cửu Long",
        _at(22, 8, 2024, 13, 15),
        "tổ chức lễ trao học bổng cho sinh viên có hoàn cảnh khó khăn",
        "Liên hiệp các tổ chức hữu nghị thành phố Cần Thơ",
        (CHAU,),
        aid=("Tổ chức Plan International", "khoảng 2 tỷ VNĐ", "học bổng cho sinh viên"),
        events=(Event("ceremony", date(2024, 8, 22), "Cần Thơ"),),
        donations=(PLAN_SCHOLARSHIPS_2024,),
    ),
    Story(
        "thoidai",
        150110,
        "huu-nghi",
        "Liên hoan Giai điệu hữu nghị các tỉnh miền Tây",
        _at(11, 11, 2023, 20, 0),
        "tổ chức Liên hoan Giai điệu hữu nghị với sự tham gia của bạn bè quốc tế",
        "Liên hiệp các tổ chức hữu nghị tỉnh Bến Tre",
        (TUONG, DARETH),
        countries="Trung Quốc, Campuchia, Lào và Thái Lan",
        events=(Event("exchange", date(2023, 11, 11), "Cần Thơ"),),
    ),
    Story(
        "thoidai",
        150111,
        "huu-nghi",
        "Đại hội Hội hữu nghị Việt Nam - Hàn Quốc thành phố Cần Thơ",
        _at(18, 5, 2023, 17, 0),
        "tổ chức đại hội đại biểu lần thứ III, nhiệm kỳ 2023 - 2028",
        "Hội hữu nghị Việt Nam - Hàn Quốc thành phố Cần Thơ",
        (XUAN, GIANG),
        countries="Hàn Quốc",
        events=(Event("congress", date(2023, 5, 16), "Cần Thơ"),),
    ),
    Story(
        "thoidai",
        150112,
        "huu-nghi",
        "Kỷ niệm ngày thành lập Liên hiệp các tổ chức hữu nghị Việt Nam",
        _at(17, 11, 2022, 10, 30),
        "tổ chức lễ kỷ niệm 72 năm ngày thành lập Liên hiệp các tổ chức hữu nghị Việt Nam",
        "Liên hiệp các tổ chức hữu nghị thành phố Cần Thơ",
        (GIANG, HIEN),
        directive=CT38,
        events=(Event("ceremony", date(2022, 11, 16), "Cần Thơ"),),
    ),
    Story(
        "thoidai",
        150113,
        "doi-ngoai-nhan-dan",
        "Kết luận 12-KL/TW và công tác người Việt Nam ở nước ngoài",
        _at(25, 8, 2021, 16, 0),
        "tổ chức hội nghị quán triệt Kết luận số 12-KL/TW",
        "Ủy ban Nhà nước về người Việt Nam ở nước ngoài",
        (NGA,),
        directive=KL12,
        events=(Event("conference", date(2021, 8, 24), None),),
    ),
    Story(
        "thoidai",
        150114,
        "doi-ngoai-nhan-dan",
        "Đối ngoại nhân dân góp phần quảng bá hình ảnh Việt Nam",
        _at(3, 2, 2024, 8, 0),
        "tổ chức diễn đàn đối ngoại nhân dân với các tổ chức thành viên",
        "Liên hiệp các tổ chức hữu nghị Việt Nam",
        (SON,),
        directive=CT04,
        countries="Pháp, Đức và Liên bang Nga",
        events=(Event("seminar", date(2024, 2, 2), "Cần Thơ"),),
    ),
    Story(
        "thoidai",
        150115,
        "huu-nghi",
        "Hội những người Hàn Quốc yêu Việt Nam xây nhà tình nghĩa",
        _at(6, 8, 2024, 9, 45),
        "tổ chức lễ bàn giao nhà tình nghĩa cho gia đình nạn nhân chất độc da cam",
        "Hội những người Hàn Quốc yêu Việt Nam",
        (KIM,),
        aid=("Hội những người Hàn Quốc yêu Việt Nam", "5.000 USD", "xây nhà tình nghĩa"),
        countries="Hàn Quốc",
        first_day=2,
        events=(Event("ceremony", date(2024, 8, 6), "Cần Thơ"),),
        donations=(KOREA_LOVERS_HOUSE,),
    ),
    Story(
        "thoidai",
        150116,
        "huu-nghi",
        "Đoàn thanh niên Cu Ba giao lưu với sinh viên Cần Thơ",
        _at(9, 9, 2024, 19, 30),
        "tổ chức giao lưu giữa đoàn thanh niên Cu Ba và sinh viên Trường Đại học Cần Thơ",
        "Hội hữu nghị Việt Nam - Cu Ba thành phố",
        (GIANG_SHORT,),
        countries="Cu Ba",
        first_day=3,
        events=(Event("exchange", date(2024, 9, 7), "Cần Thơ"),),
    ),
    Story(
        "thoidai",
        150117,
        "huu-nghi",
        "Đại sứ quán Australia trao tặng thiết bị y tế cho Bệnh viện Nhi đồng Cần Thơ",
        _at(15, 9, 2023, 10, 0),
        "tổ chức lễ trao tặng thiết bị y tế cho Bệnh viện Nhi đồng thành phố Cần Thơ",
        "Đại sứ quán Australia tại Việt Nam",
        (GOLEDZINOWSKI, HIEN),
        countries="Australia",
        paragraphs=(
            "Lô thiết bị gồm máy thở, máy theo dõi bệnh nhân và lồng ấp trẻ sơ sinh, tổng trị giá 1,72 tỷ "
            "đồng, do Đại sứ quán Australia tài trợ cho Bệnh viện Nhi đồng thành phố Cần Thơ.",
        ),
        events=(AUSTRALIA_HANDOVER,),
        donations=(AUSTRALIA_CHILDREN_HOSPITAL,),
    ),
    Story(
        "thoidai",
        150118,
        "huu-nghi",
        "Plan International hỗ trợ công trình nước sạch, vệ sinh trường học ở Trà Vinh",
        _at(24, 10, 2024, 11, 0),
        "tổ chức lễ khánh thành công trình nước sạch và nhà vệ sinh tại 5 điểm trường tiểu học huyện Trà Cú",
        "Liên hiệp các tổ chức hữu nghị tỉnh Trà Vinh",
        (SON,),
        paragraphs=(
            "Các công trình do Tổ chức Plan International tài trợ 2,1 tỷ đồng, bảo đảm nước sạch và điều "
            "kiện vệ sinh cho hơn 1.500 học sinh.",
        ),
        events=(Event("ceremony", date(2024, 10, 23), "Trà Vinh"),),
        donations=(PLAN_SCHOOL_SANITATION_2024,),
    ),
    # --- Mặt trận Tổ quốc Cần Thơ --------------------------------------------------
    Story(
        "mattrancantho",
        4201,
        "doi-ngoai-nhan-dan",
        "Ủy ban MTTQ thành phố thăm, chúc Tết cổ truyền Chôl Chnăm Thmây",
        _at(12, 4, 2023, 10, 0),
        "đến thăm, chúc Tết cổ truyền Chôl Chnăm Thmây tại tỉnh Kampong Cham",
        "Đoàn công tác Ủy ban MTTQ Việt Nam thành phố",
        (NHAN,),
        countries="Vương quốc Campuchia",
        author="Thanh Nguyệt",
        events=(Event("visit", date(2023, 4, 10), "Kampong Cham"),),
    ),
    Story(
        "mattrancantho",
        4202,
        "doi-ngoai-nhan-dan",
        "Quán triệt Chỉ thị 12-CT/TW trong hệ thống Mặt trận",
        _at(14, 3, 2022, 14, 20),
        "tổ chức hội nghị quán triệt, triển khai Chỉ thị số 12-CT/TW",
        "Ban Thường trực Ủy ban MTTQ Việt Nam thành phố",
        (NHAN, HIEU),
        directive=CT12,
        author="Thanh Nguyệt",
        events=(Event("conference", date(2022, 3, 14), "Cần Thơ"),),
    ),
    Story(
        "mattrancantho",
        4203,
        "doi-ngoai-nhan-dan",
        "Mặt trận tiếp nhận hàng cứu trợ từ cộng đồng người Việt ở Úc",
        _at(30, 10, 2020, 9, 15),
        "tổ chức tiếp nhận hàng cứu trợ của cộng đồng người Việt Nam tại Australia",
        "Ủy ban MTTQ Việt Nam thành phố",
        (NHAN,),
        aid=("cộng đồng người Việt Nam tại Australia", "trên 500 triệu đồng", "hỗ trợ đồng bào miền Trung"),
        countries="Australia",
        events=(Event("other", date(2020, 10, 28), "Cần Thơ"),),  # a reception of goods, no "lễ"
        donations=(AUSTRALIA_VIETNAMESE_RELIEF,),
    ),
    Story(
        "mattrancantho",
        4204,
        "doi-ngoai-nhan-dan",
        "Gặp mặt kiều bào về quê đón Tết",
        _at(20, 1, 2023, 15, 0),
        "tổ chức gặp mặt kiều bào về quê đón Tết Quý Mão",
        "Ủy ban MTTQ Việt Nam thành phố",
        (NHAN, HUNG_CT),
        countries="Hoa Kỳ, Pháp và Canada",
        events=(Event("exchange", date(2023, 1, 20), "Cần Thơ"),),
    ),
    Story(
        "mattrancantho",
        4205,
        "doi-ngoai-nhan-dan",
        "Hội nghị giao ban công tác đối ngoại nhân dân 6 tháng đầu năm",
        _at(8, 7, 2021, 8, 30),
        "tổ chức hội nghị giao ban công tác đối ngoại nhân dân 6 tháng đầu năm",
        "Ban Thường trực Ủy ban MTTQ Việt Nam thành phố",
        (NHAN, CHAU),
        directive=CT04,
        events=(Event("conference", date(2021, 7, 8), "Cần Thơ"),),
    ),
    Story(
        "mattrancantho",
        4206,
        "doi-ngoai-nhan-dan",
        "Trao học bổng cho sinh viên Lào, Campuchia tại Cần Thơ",
        _at(5, 9, 2022, 10, 45),
        "tổ chức lễ trao học bổng cho sinh viên Lào, Campuchia đang học tại Trường Đại học Cần Thơ",
        "Ủy ban MTTQ Việt Nam thành phố",
        (NHAN, VONGSA),
        aid=("Quỹ Vì người nghèo thành phố", "300 triệu đồng", "học bổng"),
        countries="Lào, Campuchia",
        events=(Event("ceremony", date(2022, 9, 4), "Cần Thơ"),),
        donations=(FUND_FOR_THE_POOR_SCHOLARSHIPS,),
    ),
    Story(
        "mattrancantho",
        4207,
        "doi-ngoai-nhan-dan",
        "Tiếp đoàn Mặt trận Đoàn kết phát triển Tổ quốc Campuchia",
        _at(16, 11, 2022, 16, 0),
        "tiếp đoàn đại biểu Mặt trận Đoàn kết phát triển Tổ quốc Campuchia tỉnh Kampong Cham",
        "Ủy ban MTTQ Việt Nam thành phố",
        (NHAN,),
        countries="Campuchia",
        events=(Event("reception", date(2022, 11, 15), "Cần Thơ"),),
    ),
    Story(
        "mattrancantho",
        4208,
        "doi-ngoai-nhan-dan",
        "Ký kết bản ghi nhớ hợp tác với tỉnh Champasak",
        _at(26, 10, 2022, 11, 0),
        "tổ chức lễ ký kết bản ghi nhớ hợp tác giai đoạn 2022 - 2027 với tỉnh Champasak",
        "Ủy ban MTTQ Việt Nam thành phố",
        (NHAN, VONGSA),
        countries="CHDCND Lào",
        events=(Event("ceremony", date(2022, 10, 25), "Cần Thơ"),),
    ),
    Story(
        "mattrancantho",
        4209,
        "doi-ngoai-nhan-dan",
        "Vận động ủng hộ nhân dân Cu Ba",
        _at(4, 6, 2021, 9, 0),
        "phát động chương trình vận động ủng hộ nhân dân Cu Ba",
        "Ủy ban MTTQ Việt Nam thành phố",
        (NHAN,),
        aid=("cán bộ, đoàn viên, hội viên", "gần 900 triệu đồng", "ủng hộ nhân dân Cu Ba"),
        countries="Cu Ba",
        events=(Event("ceremony", date(2021, 6, 2), "Cần Thơ"),),
        donations=(CUBA_APPEAL_2021,),
    ),
    Story(
        "mattrancantho",
        4210,
        "doi-ngoai-nhan-dan",
        "Tọa đàm 10 năm thực hiện Chỉ thị 04-CT/TW",
        _at(4, 6, 2021, 16, 40),
        "tham dự trực tuyến tọa đàm nhìn lại 10 năm thực hiện Chỉ thị 04-CT/TW",
        "Ủy ban MTTQ Việt Nam thành phố",
        (NHAN,),
        directive=CT04,
        events=(Event("seminar", date(2021, 6, 3), "Cần Thơ"),),
    ),
    Story(
        "mattrancantho",
        4211,
        "doi-ngoai-nhan-dan",
        "Triển khai Kế hoạch 108-KH/TU trong hệ thống Mặt trận",
        _at(1, 6, 2022, 8, 0),
        "tổ chức hội nghị triển khai Kế hoạch số 108-KH/TU",
        "Ban Thường trực Ủy ban MTTQ Việt Nam thành phố",
        (NHAN, HIEU),
        directive=KH108,
        events=(Event("conference", date(2022, 5, 31), "Cần Thơ"),),
    ),
    Story(
        "mattrancantho",
        4212,
        "doi-ngoai-nhan-dan",
        "Mặt trận thành phố thăm Tổng Lãnh sự quán Trung Quốc",
        _at(10, 2, 2024, 10, 0),
        "đến thăm, chúc Tết Tổng Lãnh sự quán Trung Quốc tại Thành phố Hồ Chí Minh",
        "Đoàn công tác Ủy ban MTTQ Việt Nam thành phố",
        (NHAN, TUONG),
        countries="Trung Quốc",
        first_day=2,
        events=(Event("visit", date(2024, 2, 10), "Thành phố Hồ Chí Minh"),),
    ),
    Story(
        "mattrancantho",
        4213,
        "doi-ngoai-nhan-dan",
        "Bệnh viện Nhi đồng thành phố tiếp nhận thiết bị y tế từ Australia",
        _at(14, 9, 2023, 16, 30),
        "dự lễ tiếp nhận thiết bị y tế do Đại sứ quán Australia trao tặng Bệnh viện Nhi đồng thành phố",
        "Ban Thường trực Ủy ban MTTQ Việt Nam thành phố",
        (NHAN, GOLEDZINOWSKI),
        countries="Australia",
        author="Thanh Nguyệt",
        paragraphs=(
            "Số trang thiết bị do Đại sứ quán Australia tại Việt Nam tài trợ có tổng giá trị hơn 1,7 tỷ "
            "đồng, giúp Bệnh viện Nhi đồng thành phố nâng cao năng lực cấp cứu, điều trị cho trẻ em.",
        ),
        events=(AUSTRALIA_HANDOVER,),
        donations=(AUSTRALIA_CHILDREN_HOSPITAL,),
    ),
    Story(
        "mattrancantho",
        4214,
        "doi-ngoai-nhan-dan",
        "Trao 300 suất quà Tết cho hộ nghèo quận Ô Môn",
        _at(1, 2, 2024, 9, 30),
        "phối hợp tổ chức trao quà Tết cho hộ nghèo, hộ cận nghèo quận Ô Môn",
        "Ủy ban MTTQ Việt Nam thành phố",
        (NHAN,),
        countries="Hàn Quốc",
        author="Thanh Nguyệt",
        paragraphs=(
            "Dịp này, Hội Doanh nhân Hàn Quốc tại Cần Thơ đã trao 300 suất quà cho hộ nghèo, hộ cận nghèo "
            "trên địa bàn quận, mỗi suất trị giá 500.000 đồng, gồm gạo, dầu ăn và tiền mặt.",
        ),
        events=(Event("ceremony", date(2024, 1, 31), "Cần Thơ"),),
        donations=(KOREAN_BUSINESS_TET_GIFTS,),
    ),
    Story(
        "mattrancantho",
        4215,
        "doi-ngoai-nhan-dan",
        "Đoàn Mặt trận Lào xây dựng đất nước tỉnh Champasak thăm Cần Thơ",
        _at(27, 3, 2024, 17, 0),
        "đến thăm và làm việc với Ủy ban MTTQ Việt Nam thành phố Cần Thơ",
        "Đoàn đại biểu Mặt trận Lào xây dựng đất nước tỉnh Champasak",
        (SOUKSAVANH, NHAN),
        countries="CHDCND Lào",
        author="Thanh Nguyệt",
        events=(CHAMPASAK_VISIT,),
    ),
    # --- Nhịp sống miền Tây ---------------------------------------------------------
    Story(
        "nhipsongmientay",
        7101,
        "nhip-song",
        "Cần Thơ: Sơ kết công tác đối ngoại nhân dân năm 2023",
        _at(29, 12, 2023, 9, 33),
        "tổ chức hội nghị tổng kết công tác đối ngoại nhân dân năm 2023",
        "Liên hiệp các tổ chức hữu nghị thành phố Cần Thơ",
        (GIANG, HIEN),
        aid=("các tổ chức phi chính phủ nước ngoài", "trên 3,2 tỉ đồng", "các dự án an sinh"),
        author="Thụy Vũ",
        events=(Event("conference", date(2023, 12, 27), "Cần Thơ"),),
        donations=(NGO_TOTAL_2023,),
    ),
    Story(
        "nhipsongmientay",
        7102,
        "nhip-song",
        "Hậu Giang: Trao nhà tình thương cho hộ nghèo",
        _at(15, 5, 2020, 14, 5),
        "tổ chức lễ bàn giao nhà tình thương cho hộ nghèo huyện Long Mỹ",
        "Hội hữu nghị Việt Nam - Lào tỉnh Hậu Giang",
        (HUNG_HG,),
        aid=("Tổ chức Habitat for Humanity", "700 triệu đồng", "xây 14 căn nhà"),
        author="Thụy Vũ",
        events=(Event("ceremony", date(2020, 5, 14), "Hậu Giang"),),
        donations=(HABITAT_LONG_MY,),
    ),
    Story(
        "nhipsongmientay",
        7103,
        "nhip-song",
        "Sóc Trăng đón đoàn thanh niên Thái Lan",
        _at(3, 3, 2021, 10, 20),
        "đón đoàn thanh niên Thái Lan đến giao lưu văn hóa",
        "Hội hữu nghị nhân dân các nước tỉnh Sóc Trăng",
        (DARETH,),
        countries="Thái Lan",
        events=(Event("reception", date(2021, 3, 3), "Sóc Trăng"),),
    ),
    Story(
        "nhipsongmientay",
        7104,
        "nhip-song",
        "Kết nối viện trợ thiết bị cho Trường Cao đẳng Văn hóa - Nghệ thuật",
        _at(21, 6, 2022, 8, 15),
        "tổ chức lễ tiếp nhận trang thiết bị, nhạc cụ",
        "Liên hiệp CTCHN thành phố Cần Thơ",
        (GIANG_SHORT, ONO),
        aid=("Tổng Lãnh sự quán Nhật Bản", "trên 1,7 tỉ đồng", "trang thiết bị, nhạc cụ"),
        countries="Nhật Bản",
        events=(Event("ceremony", date(2022, 6, 20), "Cần Thơ"),),
        donations=(JAPAN_COLLEGE_EQUIPMENT,),
    ),
    Story(
        "nhipsongmientay",
        7105,
        "nhip-song",
        "Làng hữu nghị Việt Nam - Hàn Quốc đón quà Tết",
        _at(18, 1, 2022, 9, 0),
        "trao quà Tết cho 100 hộ gia đình tại Làng hữu nghị Việt Nam - Hàn Quốc",
        "Cộng đồng người Hàn Quốc tại Việt Nam",
        (KIM, XUAN),
        aid=("cộng đồng người Hàn Quốc tại Việt Nam", "gần 300 nghìn đồng/suất", "quà Tết"),
        countries="Hàn Quốc",
        events=(Event("ceremony", date(2022, 1, 17), "Cần Thơ"),),
        donations=(KOREAN_TET_GIFTS,),
    ),
    Story(
        "nhipsongmientay",
        7106,
        "nhip-song",
        "Bạc Liêu ký kết hợp tác với tổ chức phi chính phủ Đức",
        _at(11, 10, 2019, 15, 45),
        "tổ chức lễ ký kết thỏa thuận hợp tác về nông nghiệp bền vững",
        "UBND tỉnh Bạc Liêu",
        (HIEN,),
        aid=("Tổ chức GIZ của Cộng hòa Liên bang Đức", "50.000 euro", "nông nghiệp bền vững"),
        countries="Cộng hòa Liên bang Đức",
        events=(Event("ceremony", date(2019, 10, 10), "Bạc Liêu"),),
        donations=(GIZ_BAC_LIEU,),
    ),
    Story(
        "nhipsongmientay",
        7107,
        "nhip-song",
        "Cần Thơ tiếp Đại sứ Hoa Kỳ",
        _at(25, 4, 2023, 16, 10),
        "tiếp Đại sứ Hoa Kỳ và đoàn công tác",
        "Lãnh đạo thành phố Cần Thơ",
        (HIEN, KNAPPER),
        countries="Mỹ",
        events=(Event("reception", date(2023, 4, 24), "Cần Thơ"),),
    ),
    Story(
        "nhipsongmientay",
        7108,
        "nhip-song",
        "Hội thảo về thích ứng biến đổi khí hậu ở Đồng bằng sông Cửu Long",
        _at(9, 11, 2021, 8, 0),
        "tổ chức hội thảo về thích ứng biến đổi khí hậu",
        "Trường Đại học Cần Thơ",
        (CHAU,),
        aid=("Chính phủ Hà Lan", "từ 1 đến 2 tỷ đồng", "nghiên cứu thích ứng"),
        countries="Hà Lan",
        events=(Event("seminar", date(2021, 11, 7), "Cần Thơ"),),
        donations=(NETHERLANDS_RESEARCH,),
    ),
    Story(
        "nhipsongmientay",
        7109,
        "nhip-song",
        "Đại hội Hội hữu nghị Việt Nam - Campuchia thành phố Cần Thơ",
        _at(22, 9, 2022, 17, 20),
        "tổ chức đại hội đại biểu nhiệm kỳ 2022 - 2027",
        "Hội hữu nghị Việt Nam - Campuchia thành phố Cần Thơ",
        (GIANG, DARETH),
        countries="Campuchia",
        directive=CT12,
        removed_on_day=2,
        events=(Event("congress", date(2022, 9, 21), "Cần Thơ"),),
    ),
    Story(
        "nhipsongmientay",
        7110,
        "nhip-song",
        "Vĩnh Long gặp mặt các tổ chức phi chính phủ nước ngoài",
        _at(13, 1, 2024, 15, 0),
        "tổ chức gặp mặt các tổ chức phi chính phủ nước ngoài nhân dịp năm mới",
        "UBND tỉnh Vĩnh Long",
        (HIEN,),
        aid=("các tổ chức phi chính phủ nước ngoài", "1.500 USD", "quà Tết cho hộ nghèo"),
        events=(Event("exchange", date(2024, 1, 12), "Vĩnh Long"),),
        donations=(NGO_TET_GIFTS_VINH_LONG,),
    ),
    Story(
        "nhipsongmientay",
        7111,
        "nhip-song",
        "Thanh niên Cần Thơ giao lưu với tình nguyện viên Úc",
        _at(2, 8, 2020, 19, 0),
        "tổ chức giao lưu giữa thanh niên thành phố và tình nguyện viên Australia",
        "Thành đoàn Cần Thơ",
        (CHAU,),
        countries="Úc",
        events=(Event("exchange", date(2020, 8, 1), "Cần Thơ"),),
    ),
    Story(
        "nhipsongmientay",
        7112,
        "nhip-song",
        "Cần Thơ trao tặng quà cho người dân vùng lũ Campuchia",
        _at(7, 10, 2024, 10, 0),
        "tổ chức lễ trao tặng quà cho người dân vùng lũ tỉnh Kandal",
        "Liên hiệp các tổ chức hữu nghị thành phố Cần Thơ",
        (GIANG, DARETH),
        aid=("Liên hiệp các tổ chức hữu nghị thành phố Cần Thơ", "25.000 đô la Mỹ", "khắc phục lũ lụt"),
        countries="Vương quốc Campuchia",
        first_day=3,
        events=(Event("ceremony", date(2024, 10, 6), "Cần Thơ"),),
        donations=(CAN_THO_FLOOD_RELIEF,),
    ),
    Story(
        "nhipsongmientay",
        7113,
        "nhip-song",
        "Sóc Trăng: Khởi công Trường Mẫu giáo Hoa Mai do JICA tài trợ",
        _at(19, 3, 2024, 8, 30),
        "tổ chức lễ khởi công xây dựng Trường Mẫu giáo Hoa Mai tại huyện Cù Lao Dung",
        "UBND tỉnh Sóc Trăng",
        (ONO,),
        countries="Nhật Bản",
        author="Thụy Vũ",
        paragraphs=(
            "Công trình do Cơ quan Hợp tác Quốc tế Nhật Bản (JICA) tài trợ 120.000 USD (tương đương khoảng "
            "2,9 tỷ đồng), gồm 6 phòng học và khu vui chơi, dự kiến đưa vào sử dụng trong năm học mới.",
        ),
        events=(Event("ceremony", date(2024, 3, 18), "Sóc Trăng"),),
        donations=(JICA_KINDERGARTEN,),
    ),
    Story(
        "nhipsongmientay",
        7114,
        "nhip-song",
        "Sóc Trăng vận động 9,6 tỷ đồng viện trợ phi chính phủ năm 2024",
        _at(20, 12, 2024, 9, 15),
        "tổ chức hội nghị tổng kết công tác vận động viện trợ phi chính phủ nước ngoài năm 2024",
        "Liên hiệp các tổ chức hữu nghị tỉnh Sóc Trăng",
        (SON,),
        author="Thụy Vũ",
        paragraphs=(
            "Năm 2024, Liên hiệp đã vận động được 14 chương trình, dự án viện trợ phi chính phủ nước ngoài "
            "với tổng giá trị 9,6 tỷ đồng; trong đó, Tổ chức Đông Tây Hội ngộ (EMW) tài trợ 4,2 tỷ đồng "
            "xây dựng 3 điểm trường mầm non tại các huyện Trần Đề, Mỹ Xuyên.",
        ),
        events=(Event("conference", date(2024, 12, 19), "Sóc Trăng"),),
        donations=(SOC_TRANG_NGO_TOTAL_2024, EAST_MEETS_WEST_SCHOOLS),
    ),
    Story(
        "nhipsongmientay",
        7115,
        "nhip-song",
        "Hậu Giang: Habitat for Humanity bàn giao 20 căn nhà cho hộ nghèo",
        _at(12, 6, 2024, 14, 0),
        "tổ chức lễ bàn giao nhà cho hộ nghèo huyện Phụng Hiệp",
        "Hội hữu nghị Việt Nam - Lào tỉnh Hậu Giang",
        (HUNG_HG,),
        author="Thụy Vũ",
        paragraphs=(
            "Tại buổi lễ, Tổ chức Habitat for Humanity đã bàn giao 20 căn nhà cho các hộ nghèo huyện Phụng "
            "Hiệp, tổng trị giá 1,2 tỷ đồng.",
            "Từ năm 2015 đến nay, Tổ chức Habitat for Humanity đã hỗ trợ tỉnh Hậu Giang tổng cộng hơn 15 tỷ "
            "đồng để xây mới, sửa chữa hơn 600 căn nhà cho người nghèo.",
        ),
        events=(Event("ceremony", date(2024, 6, 11), "Hậu Giang"),),
        donations=(HABITAT_PHUNG_HIEP, HABITAT_HAU_GIANG_SINCE_2015),
    ),
    Story(
        "nhipsongmientay",
        7116,
        "nhip-song",
        "Trà Vinh: KOICA tài trợ giai đoạn 2 dự án nước sạch cho đồng bào Khmer",
        _at(16, 8, 2023, 10, 0),
        "tổ chức lễ khởi công giai đoạn 2 dự án cấp nước sạch tại huyện Trà Cú",
        "UBND tỉnh Trà Vinh",
        (KIM,),
        countries="Hàn Quốc",
        author="Thụy Vũ",
        paragraphs=(
            "Giai đoạn 2 của dự án được Cơ quan Hợp tác Quốc tế Hàn Quốc (KOICA) tài trợ 250.000 USD, mở "
            "rộng hệ thống cấp nước cho hơn 1.200 hộ đồng bào Khmer.",
        ),
        events=(Event("ceremony", date(2023, 8, 15), "Trà Vinh"),),
        donations=(KOICA_WATER_2023,),
    ),
    Story(
        "nhipsongmientay",
        7117,
        "nhip-song",
        "Đoàn đại biểu tỉnh Champasak (Lào) thăm và làm việc tại Cần Thơ",
        _at(28, 3, 2024, 8, 0),
        "có chuyến thăm và làm việc tại thành phố Cần Thơ",
        "Đoàn đại biểu tỉnh Champasak (Lào)",
        (SOUKSAVANH, HIEN),
        countries="Lào",
        author="Thụy Vũ",
        paragraphs=(
            "Trong chương trình làm việc, đoàn đã tham quan Khu di tích lịch sử Lộ Vòng Cung và trao đổi "
            "kinh nghiệm về công tác vận động quần chúng.",
        ),
        events=(CHAMPASAK_VISIT,),
    ),
    # --- Đảng bộ thành phố Cần Thơ -----------------------------------------------------
    Story(
        "thanhuycantho",
        5101,
        "van-ban-chi-dao",
        "Kế hoạch số 108-KH/TU triển khai thực hiện Chỉ thị số 12-CT/TW",
        _at(20, 5, 2022, 8, 0),
        "ban hành Kế hoạch số 108-KH/TU cụ thể hóa Chỉ thị số 12-CT/TW",
        "Ban Thường vụ Thành ủy",
        (HIEU,),
        directive=CT12,
        attachment="Kế hoạch số 108-KH/TU",
    ),
    Story(
        "thanhuycantho",
        5102,
        "van-ban-chi-dao",
        "Hướng dẫn tổ chức hội nghị quán triệt Chỉ thị 38-CT/TW",
        _at(10, 12, 2019, 8, 0),
        "ban hành Hướng dẫn số 15-HD/BTGTU về quán triệt Chỉ thị số 38-CT/TW",
        "Ban Tuyên giáo Thành ủy",
        (HIEU,),
        directive=CT38,
        attachment="Hướng dẫn số 15-HD/BTGTU",
    ),
    Story(
        "thanhuycantho",
        5103,
        "van-ban-chi-dao",
        "Thông báo kết luận của Ban Thường vụ Thành ủy về công tác đối ngoại",
        _at(3, 3, 2023, 8, 0),
        "ban hành Thông báo số 245-TB/TU kết luận về công tác đối ngoại năm 2022",
        "Ban Thường vụ Thành ủy",
        (HIEU,),
        directive=KH108,
        attachment="Thông báo số 245-TB/TU",
    ),
    Story(
        "thanhuycantho",
        5104,
        "van-ban-chi-dao",
        "Quyết định ban hành Quy chế quản lý hoạt động đối ngoại",
        _at(15, 6, 2023, 8, 0),
        "ban hành Quyết định số 12/2023/QĐ-UBND về Quy chế quản lý thống nhất các hoạt động đối ngoại",
        "UBND thành phố",
        (HIEN,),
        directive=QD12,
        attachment="Quyết định số 12/2023/QĐ-UBND",
    ),
    Story(
        "thanhuycantho",
        5105,
        "van-ban-chi-dao",
        "Chương trình hành động thực hiện Chỉ thị 12-CT/TW của Liên hiệp thành phố",
        _at(2, 11, 2022, 8, 0),
        "ban hành chương trình hành động thực hiện Chương trình hành động số 1830/LHHN-VP",
        "Liên hiệp các tổ chức hữu nghị thành phố Cần Thơ",
        (GIANG,),
        directive=CTR1830,
        attachment="Chương trình hành động số 05-CTr/LHHN",
    ),
    Story(
        "thanhuycantho",
        5106,
        "van-ban-chi-dao",
        "Công văn về việc đón tiếp các đoàn khách quốc tế dịp cuối năm",
        _at(1, 12, 2023, 8, 0),
        "ban hành Công văn số 1021-CV/TU về việc đón tiếp các đoàn khách quốc tế",
        "Ban Thường vụ Thành ủy",
        (HIEU,),
        directive=CT12,
    ),
    Story(
        "thanhuycantho",
        5107,
        "van-ban-chi-dao",
        "Báo cáo sơ kết một năm thực hiện Chỉ thị số 12-CT/TW",
        _at(5, 1, 2023, 8, 0),
        "ban hành Báo cáo số 320-BC/TU sơ kết một năm thực hiện Chỉ thị số 12-CT/TW",
        "Ban Thường vụ Thành ủy",
        (HIEU,),
        directive=CT12,
    ),
    Story(
        "thanhuycantho",
        5108,
        "van-ban-chi-dao",
        "Nghị quyết về hội nhập quốc tế của Thành ủy Cần Thơ",
        _at(20, 9, 2020, 8, 0),
        "ban hành Nghị quyết số 09-NQ/TU về hội nhập quốc tế giai đoạn 2020 - 2025",
        "Ban Chấp hành Đảng bộ thành phố",
        (HIEU,),
        directive=CT04,
    ),
    Story(
        "thanhuycantho",
        5109,
        "van-ban-chi-dao",
        "Kế hoạch tuyên truyền về đối ngoại nhân dân năm 2024",
        _at(8, 1, 2024, 8, 0),
        "ban hành Kế hoạch số 201-KH/BTGTU về tuyên truyền công tác đối ngoại nhân dân",
        "Ban Tuyên giáo Thành ủy",
        (HIEU,),
        directive=CT12,
    ),
    Story(
        "thanhuycantho",
        5110,
        "van-ban-chi-dao",
        "Quy định về quản lý đoàn ra, đoàn vào",
        _at(12, 4, 2021, 8, 0),
        "ban hành Quy định số 07-QĐi/TU về quản lý đoàn ra, đoàn vào",
        "Ban Thường vụ Thành ủy",
        (HIEU,),
        directive=CT38,
    ),
    Story(
        "thanhuycantho",
        5112,
        "van-ban-chi-dao",
        "Hướng dẫn công tác thông tin đối ngoại năm 2022",
        _at(18, 2, 2022, 8, 0),
        "ban hành Hướng dẫn số 31-HD/BTGTU về công tác thông tin đối ngoại năm 2022",
        "Ban Tuyên giáo Thành ủy",
        (HIEU,),
        directive=CT12,
    ),
    Story(
        "thanhuycantho",
        5111,
        "van-ban-chi-dao",
        "Công văn triển khai Kết luận số 12-KL/TW",
        _at(14, 10, 2024, 8, 0),
        "ban hành Công văn số 880-CV/TU triển khai Kết luận số 12-KL/TW",
        "Ban Thường vụ Thành ủy",
        (HIEU,),
        directive=KL12,
        first_day=2,
        attachment="Công văn số 880-CV/TU",
    ),
)

_OPENERS = (
    "{when}, {host} đã {activity}.",
    "{when}, tại thành phố Cần Thơ, {host} {activity}.",
    "Trong khuôn khổ chương trình hoạt động năm {year}, {when_lower}, {host} đã {activity}.",
)
_PEOPLE = (
    "Tham dự có {honorific} {name}, {title}.",
    "Đến dự có {honorific} {name} - {title} cùng đại diện các sở, ngành thành phố.",
    "{Title} {name} cùng đoàn công tác đã tham dự chương trình.",
)
_SPEECH = (
    "Phát biểu tại buổi làm việc, {honorific} {name} đánh giá cao tinh thần hữu nghị và mong muốn hai bên tiếp tục phối hợp chặt chẽ.",
    "{Honorific} {name} cho biết, thời gian tới đơn vị sẽ mở rộng các hoạt động giao lưu và hợp tác thiết thực.",
    "Theo {honorific} {name}, những kết quả đạt được là nền tảng để tăng cường quan hệ đoàn kết giữa nhân dân các nước.",
)
_DIRECTIVE = (
    "Hoạt động nhằm cụ thể hóa {directive} về tăng cường sự lãnh đạo của Đảng đối với công tác đối ngoại nhân dân.",
    "Các đơn vị được yêu cầu tiếp tục quán triệt, triển khai thực hiện {directive} một cách nghiêm túc, hiệu quả.",
    "Thời gian qua, việc thực hiện {directive} đã tạo chuyển biến rõ nét trong nhận thức của cán bộ, đảng viên.",
)
_AID = (
    "Dịp này, {donor} đã trao tặng {amount} để {purpose}.",
    "Tổng giá trị khoản viện trợ do {donor} tài trợ là {amount}, dành cho việc {purpose}.",
    "Ban tổ chức cho biết {donor} đã hỗ trợ {amount} nhằm {purpose}.",
)
_COUNTRIES = (
    "Thời gian qua, quan hệ hữu nghị giữa nhân dân thành phố với nhân dân {countries} không ngừng được vun đắp.",
    "Chương trình góp phần thắt chặt tình đoàn kết giữa nhân dân Việt Nam và nhân dân {countries}.",
)
_CLOSING = (
    "Dịp này, các đại biểu đã trao đổi kinh nghiệm và thống nhất nhiều nội dung phối hợp trong năm tới.",
    "Chương trình khép lại trong không khí thân tình, cởi mở.",
    "Sau buổi làm việc, đoàn đã tham quan một số mô hình tiêu biểu của địa phương.",
)
_LETTER = (
    "ĐẢNG CỘNG SẢN VIỆT NAM\nThành ủy Cần Thơ\nSố {code}\nCần Thơ, ngày {day:02d} tháng {month:02d} năm {year}\n\n"
    "Kính gửi: - Các quận ủy, huyện ủy,\n- Các ban xây dựng Đảng của Thành ủy,\n- Mặt trận Tổ quốc Việt Nam thành phố.\n\n"
    "Căn cứ {directive}, Ban Thường vụ Thành ủy yêu cầu các cấp ủy, tổ chức đảng thực hiện tốt các nội dung sau:\n\n"
    "1- Tiếp tục quán triệt sâu sắc quan điểm, mục tiêu của công tác đối ngoại nhân dân trong tình hình mới.\n\n"
    "2- Tăng cường phối hợp giữa đối ngoại đảng, ngoại giao nhà nước và đối ngoại nhân dân; phát huy vai trò "
    "của Liên hiệp các tổ chức hữu nghị thành phố.\n\n"
    "3- Định kỳ sáu tháng, các cơ quan, đơn vị báo cáo kết quả thực hiện về Ban Thường vụ Thành ủy qua Văn phòng Thành ủy.\n\n"
    "Nơi nhận:\n- Như trên,\n- Lưu Văn phòng Thành ủy.\n\nT/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ\n\nPHẠM VĂN HIỂU"
)


def _when(story: Story, rng: random.Random) -> str:
    """The activity's day, as Vietnamese news writes it: its event's day, else 0 to 2 days before
    publication. The offset is drawn for every story, so the generated texts stay as they were
    before the events' days were facts (tests/test_sample_portal.py holds text and facts together)."""
    offset = rng.choice((0, 1, 1, 2))
    happened = story.events[0].held_on if story.events else story.published - timedelta(days=offset)
    part = rng.choice(("Sáng", "Chiều", "Ngày"))
    return f"{part} {happened.day}/{happened.month}"


def build_article(story: Story) -> Article:
    rng = random.Random(story.site + str(story.id))
    when = _when(story, rng)
    opener = rng.choice(_OPENERS).format(
        when=when,
        when_lower=when[0].lower() + when[1:],
        host=story.host,
        activity=story.activity,
        year=story.published.year,
    )
    paragraphs: list[str] = []
    for person in story.people:
        paragraphs.append(_fill(rng.choice(_PEOPLE), person))
    if story.directive:
        paragraphs.append(rng.choice(_DIRECTIVE).format(directive=rng.choice(story.directive)))
    paragraphs.extend(story.paragraphs)
    if story.aid:
        donor, amount, purpose = story.aid
        paragraphs.append(rng.choice(_AID).format(donor=donor, amount=amount, purpose=purpose))
    if story.countries:
        paragraphs.append(rng.choice(_COUNTRIES).format(countries=story.countries))
    if story.people:
        paragraphs.append(_fill(rng.choice(_SPEECH), story.people[0]))
    paragraphs.append(rng.choice(_CLOSING))
    paragraphs.append(story.author)
    attachments: tuple[Attachment, ...] = ()
    if story.attachment:
        code = story.attachment.split("số ", 1)[-1]
        text = _LETTER.format(
            code=code,
            day=story.published.day,
            month=story.published.month,
            year=story.published.year,
            directive=story.directive[0] if story.directive else "các văn bản của Trung ương",
        )
        attachments = (Attachment(title=story.attachment, file_name=f"{_file_name(code)}.pdf", text=text),)
    revisions: dict[int, dict[str, object]] = {}
    if (story.site, story.id) == ("thoidai", 150102):  # day 2 corrects the amount
        corrected = [p.replace("1,5 tỷ đồng", "1,8 tỷ đồng") for p in paragraphs]
        revisions = {2: {"paragraphs": tuple(corrected)}}
    return Article(
        site=story.site,
        id=story.id,
        category=story.category,
        title=story.headline,
        published=story.published,
        lead=opener,
        paragraphs=tuple(paragraphs),
        author=story.author,
        photos=((1, f"Quang cảnh {story.activity.split(' với ')[0]}."),),
        attachments=attachments,
        first_day=story.first_day,
        removed_on_day=story.removed_on_day,
        revisions=revisions,
    )


def _fill(template: str, person: Person) -> str:
    return template.format(
        honorific=person.honorific,
        Honorific=person.honorific.capitalize(),
        name=person.name,
        title=person.title,
        Title=person.title[:1].upper() + person.title[1:],
    )


def _file_name(code: str) -> str:
    from sample_portal.model import slugify

    return slugify(code.replace("/", "-"))


def load_stories() -> list[Article]:
    return [build_article(story) for story in STORIES]


@dataclass(frozen=True)
class Reports:
    """Which articles report which real-world facts, by the canonical URLs the warehouse stores.

    An article is judged on donations (or events) when every one it reports is listed: a fact the
    warehouse finds in it that matches none of them is a false one. The written stories and their
    attachments are judged on both; the seed pages on donations only.
    """

    donations: dict[Donation, tuple[str, ...]]
    events: dict[Event, tuple[str, ...]]
    judged_on_donations: frozenset[str]
    judged_on_events: frozenset[str]


def article_url(article: Article) -> str:
    scheme = SITES[article.site]
    return f"https://{scheme.host}{scheme.article_path(article)}"


def reported_facts(seeds_dir: Path | None = None) -> Reports:
    """Every story's and seed's facts with the URLs of the articles that report them (on any day:
    the caller keeps the URLs its warehouse holds). Seeds are read from `seeds_dir` (../shared/seeds
    by default) only for their URLs; none are listed when the folder is absent."""
    donations: dict[Donation, list[str]] = {}
    events: dict[Event, list[str]] = {}
    judged_on_donations: set[str] = set()
    judged_on_events: set[str] = set()
    for story in STORIES:
        article = build_article(story)
        url = article_url(article)
        documents = [url] + [
            f"https://{SITES[story.site].host}/uploads/{a.file_name}" for a in article.attachments
        ]
        judged_on_donations.update(documents)
        judged_on_events.update(documents)
        for donation in story.donations:
            donations.setdefault(donation, []).append(url)
        for event in story.events:
            events.setdefault(event, []).append(url)
    known_seeds = {(layout.site, layout.id) for layout in LAYOUTS} | set(SEED_DONATIONS)
    for seed in load_seeds(seeds_dir):
        if (seed.site, seed.id) not in known_seeds:
            continue
        url = article_url(seed)
        judged_on_donations.add(url)
        for donation in SEED_DONATIONS.get((seed.site, seed.id), ()):
            donations.setdefault(donation, []).append(url)
    return Reports(
        {fact: tuple(urls) for fact, urls in donations.items()},
        {fact: tuple(urls) for fact, urls in events.items()},
        frozenset(judged_on_donations),
        frozenset(judged_on_events),
    )
