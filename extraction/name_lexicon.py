"""Word lists the people, organisation and event finders share.

Kept apart from the matching code so a reader can extend a list without
reading a regex. All lookups go through `variants.fold`, so each word is
written here once, in any spelling.
"""

from __future__ import annotations

from extraction.variants import fold, fold_phrase

# fmt: off

# Vietnamese family names, with the Khmer-Vietnamese ones (Danh, Thạch, Sơn, Kim,
# Lâm...) and Sino-Vietnamese readings of Chinese ones (Ngụy, Tập, Vương...).
SURNAMES = frozenset(
    fold(name)
    for name in """
    Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Lâm Trương Đinh
    Mai Tô Hà Thái Lưu Trịnh Đoàn Cao Lương Chu Châu Quách Tạ Triệu Kiều Văn Đàm Hứa Lại
    Nông Lò Quan Khổng Thạch Danh Kim Sơn Uông Phùng Mạc Tăng Vương Âu Diệp Giang Hàn Khúc
    Lục Mã Nghiêm Phí Quang Tôn Từ Vi Viên Bạch Bế Cù Doãn Đồng Đới Hầu Hoa La Liêu Lạc Lã
    Mạch Nhan Ninh Tiêu Trang Trình Ứng Nhữ Cấn Chế Chương Hán Khương Lăng Lữ Thân Thi Giáp
    Hạ Lỗ Mông Ngọ Kha Thiều Tòng Ngụy Ông Yên Trác Phó Nhâm Ôn Lều Ma Đào Thích Lường Lầu
    Giàng Sùng Vàng Mùa Thào Hờ Cầm Sầm Lộc Tống Vòng Thiệu Tập Ngũ Hun Men Chea Heng Sar Tea
    """.split()
)

# Written before a name: the honorific the schema records for each.
HONORIFICS = {
    fold_phrase(words): value
    for words, value in [
        ("ông", "Ông"),
        ("bà", "Bà"),
        ("ngài", "Ngài"),
        ("đồng chí", "Đồng chí"),
        ("đ/c", "Đồng chí"),
        ("đ.c", "Đồng chí"),
        ("quý ông", "Ông"),
        ("quý bà", "Bà"),
        ("phu nhân", "Bà"),
        ("các đồng chí", "Đồng chí"),
        ("các ông", "Ông"),
        ("các bà", "Bà"),
        ("các đ/c", "Đồng chí"),
    ]
}

# Words of kinship, profession or rank before a name: they mark a person, with no honorific.
PERSON_CUES = [
    "anh", "chị", "em", "cô", "chú", "bác", "cụ", "cháu", "bé", "thầy", "cô giáo", "thầy giáo", "bạn",
    "mẹ", "bố", "cha", "ông bà", "vợ chồng", "cựu chiến binh", "thương binh", "liệt sĩ", "bệnh nhân",
    "nạn nhân", "hộ", "gia đình", "sinh viên", "học sinh", "nghiên cứu sinh", "du học sinh",
    "tình nguyện viên", "nhà báo", "nhà văn", "nhà thơ", "nhạc sĩ", "họa sĩ", "nhiếp ảnh gia", "nghệ sĩ",
    "nghệ nhân", "ca sĩ", "diễn viên", "vận động viên", "doanh nhân", "luật sư", "bác sĩ", "kỹ sư",
    "kiến trúc sư", "dược sĩ", "y sĩ", "giảng viên", "giáo viên", "chuyên gia", "nhà nghiên cứu",
    "nhà khoa học", "nhà sử học", "nhà ngoại giao", "nhà hoạt động", "đại biểu", "hội viên", "đảng viên",
    "kiều bào", "Việt kiều", "người mẫu", "vị khách",
]

# Positions, ranks and distinctions that open a title ("Phó Chủ tịch UBND tỉnh").
# A position may take "Phó", "Nguyên", "Quyền", "Cố", "Tân", "Cựu" before it.
POSITIONS = [
    # party and state
    "Tổng Bí thư", "Bí thư", "Bí thư Thứ nhất", "Bí thư thứ nhất", "Bí thư Thường trực",
    "Bí thư Trung ương Đảng", "Chủ tịch nước", "Chủ tịch Quốc hội", "Chủ tịch", "Thủ tướng",
    "Thủ tướng Chính phủ", "Bộ trưởng", "Thứ trưởng", "Chủ nhiệm", "Trưởng ban", "Trưởng Ban", "Ủy viên",
    "Ủy viên Bộ Chính trị", "Ủy viên Trung ương Đảng", "Ủy viên dự khuyết", "Ủy viên Ban Thường vụ",
    "Tỉnh ủy viên", "Thành ủy viên", "Huyện ủy viên", "Đảng ủy viên", "Đại biểu Quốc hội", "Tổng Thư ký",
    "Tổng thư ký", "Thư ký", "Chánh Văn phòng", "Chánh văn phòng", "Chánh Thanh tra", "Chánh án",
    "Viện trưởng", "Tổng Kiểm toán", "Tổng cục trưởng", "Cục trưởng", "Vụ trưởng", "Giám đốc",
    "Tổng Giám đốc", "Giám đốc Sở", "Trưởng phòng", "Trưởng đoàn", "Trưởng Đoàn", "Trưởng đại diện",
    "Trưởng Đại diện", "Trưởng khoa", "Trưởng Công an", "Trưởng thôn", "Trưởng ấp", "Trưởng bản", "Trưởng",
    "Chủ nhiệm Ủy ban", "Chủ tịch Hội đồng", "Chủ tịch danh dự", "Ủy viên Thường trực",
    "Ủy viên thường trực", "Người phát ngôn", "Phát ngôn viên", "Trợ lý", "Cố vấn", "Đặc phái viên",
    "Phái viên",
    # diplomacy
    "Đại sứ", "Đại sứ đặc mệnh toàn quyền", "Tổng Lãnh sự", "Tổng lãnh sự", "Lãnh sự", "Tham tán",
    "Tham tán Công sứ", "Công sứ", "Đại biện", "Tùy viên", "Bí thư thứ hai", "Bí thư thứ ba",
    "Điều phối viên", "Điều phối viên thường trú", "Giám đốc quốc gia", "Trưởng đại diện quốc gia",
    # heads of state and local government abroad
    "Tổng thống", "Chủ tịch Thượng viện", "Chủ tịch Hạ viện", "Quốc vương", "Nhà vua", "Hoàng thân",
    "Hoàng tử", "Công chúa", "Hoàng hậu", "Nữ hoàng", "Thái tử", "Tỉnh trưởng", "Thống đốc", "Thị trưởng",
    "Thủ hiến", "Chủ tịch Ủy ban Trung ương", "Chủ tịch Mặt trận",
    # schools, institutes, press, business
    "Hiệu trưởng", "Viện trưởng", "Tổng Biên tập", "Tổng biên tập", "Chủ tịch Hội đồng quản trị",
    "Người sáng lập", "Nhà sáng lập", "Đồng sáng lập", "Chủ nhiệm khoa", "Chủ nhiệm Khoa",
    # ranks, degrees and distinctions
    "Đại tướng", "Thượng tướng", "Trung tướng", "Thiếu tướng", "Chuẩn Đô đốc", "Đô đốc", "Đại tá",
    "Thượng tá", "Trung tá", "Thiếu tá", "Đại úy", "Thượng úy", "Trung úy", "Thiếu úy", "Giáo sư",
    "Phó Giáo sư", "Tiến sĩ", "Thạc sĩ", "GS", "PGS", "TS", "ThS", "TSKH", "BS", "NSND", "NSƯT", "NGND",
    "NGƯT", "Nghệ sĩ Nhân dân", "Nghệ sĩ Ưu tú", "Nhà giáo Nhân dân", "Nhà giáo Ưu tú",
    "Thầy thuốc Nhân dân", "Thầy thuốc Ưu tú", "Anh hùng Lao động", "Anh hùng Lực lượng vũ trang",
    "Anh hùng", "Mẹ Việt Nam Anh hùng", "Bà mẹ Việt Nam anh hùng", "Bà mẹ Việt Nam Anh hùng",
    # religion
    "Hòa thượng", "Thượng tọa", "Đại đức", "Ni sư", "Sư cô", "Linh mục", "Giám mục", "Tổng Giám mục",
    "Hồng y", "Mục sư", "Chức sắc", "Đức Giáo hoàng", "Giáo hoàng", "Đức Đạt Lai Lạt Ma",
    # abbreviations of party posts
    "Samdech", "Samdech Techo", "Thái tử", "Quận chúa", "UV", "UVBCT", "UVTW", "UVBTV", "UVTV", "UVTT",
    "UVBCH", "UBTV", "BT", "PBT",
]
POSITION_PREFIXES = ["Phó", "Nguyên", "Quyền", "Cố", "Tân", "Cựu", "Q.", "Đương kim", "Phó Trưởng"]

# Words after which a capitalised name names a place, a building, a school, an award...
PLACE_WORDS = [
    "trường", "đường", "phố", "đại lộ", "ngõ", "ngách", "hẻm", "kiệt", "làng", "cầu", "chùa", "đền",
    "đình", "miếu", "lăng", "tượng đài", "tượng", "bia", "nhà thờ", "khu di tích", "di tích", "bảo tàng",
    "nhà lưu niệm", "nhà tưởng niệm", "công viên", "quảng trường", "sân vận động", "nhà thi đấu",
    "bệnh viện", "nhà văn hóa", "trung tâm", "giải thưởng", "giải", "huân chương", "huy chương",
    "kỷ niệm chương", "học bổng", "quỹ học bổng", "tư tưởng", "tàu", "sân bay", "cảng", "bến", "chợ",
    "khu", "khu phố", "ấp", "thôn", "bản", "buôn", "sóc", "phum", "xóm", "tổ dân phố", "cụm", "đảo", "núi",
    "sông", "kênh", "rạch", "hồ", "động", "hang", "vịnh", "đèo", "lộ", "quốc lộ", "tỉnh lộ", "thành cổ",
    "căn cứ", "chiến khu", "đồn", "nghĩa trang", "câu lạc bộ", "CLB", "hội trường", "hội quán",
    "ký túc xá", "nhà hát", "rạp", "khách sạn", "thư viện", "học viện", "đại học", "phong trào",
    "cuộc vận động", "chiến dịch", "chiến thắng", "cúp", "giáo xứ", "giáo họ", "thánh đường",
    "nhà tưởng niệm", "đài tưởng niệm", "khu lưu niệm", "nhà sàn", "hầm",
    # anniversaries: "kỷ niệm 100 năm ngày sinh đồng chí X" names no one present
    # companies and the press: "Công ty TNHH Hoàng Long" is no one
    "công ty", "tổng công ty", "tập đoàn", "doanh nghiệp", "hợp tác xã", "HTX", "xí nghiệp", "nhà máy",
    "ngân hàng", "cửa hàng", "nhà hàng", "nhà xuất bản", "tạp chí", "hãng", "thương hiệu", "nhãn hiệu",
    "ngày sinh", "năm sinh", "ngày mất", "ngày giỗ", "ngày hy sinh", "ngày về nước", "ngày Bác",
]
# School kinds and the like, which may stand between a place word and the name
# ("trường Trung học cơ sở Nguyễn Du", "Trường THPT chuyên Lê Quý Đôn").
PLACE_FILLERS = frozenset(
    fold(word)
    for word in """
    tiểu trung học cơ sở phổ thông mầm non mẫu giáo chuyên dân tộc nội trú bán công lập quốc tế
    liên cấp số cấp i ii iii đại cao đẳng nghề kỹ thuật sư phạm nhân dân tộc thcs thpt tiểu học
    ptdtnt ptth pthcs th mn thcs&thpt
    """.split()
)
# Administrative words: a name right after one is a place unless a title marks a person
# ("Phó Chủ tịch UBND thành phố Hồ Kỳ Minh" names the city's vice-chairman).
ADMIN_WORDS = [
    "xã", "phường", "thị trấn", "huyện", "quận", "thị xã", "tỉnh", "thành phố", "TP", "TP.", "Tp", "Tp.",
    "thủ đô", "bang", "vùng", "miền", "khu vực", "đặc khu", "châu", "quốc gia", "nước", "vương quốc",
    "địa phương", "thủ phủ", "hạt", "quận hạt",
]

# Vietnamese provinces, cities and districts, and places abroad often written
# next to titles, so that "Phó Chủ tịch UBND tỉnh Hà Tĩnh" does not give a person.
KNOWN_PLACES = frozenset(
    fold_phrase(name)
    for name in [
        # provinces and centrally governed cities
        "Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế", "An Giang", "Bà Rịa",
        "Vũng Tàu", "Bà Rịa - Vũng Tàu", "Bắc Giang", "Bắc Kạn", "Bạc Liêu", "Bắc Ninh", "Bến Tre",
        "Bình Định", "Bình Dương", "Bình Phước", "Bình Thuận", "Cà Mau", "Cao Bằng", "Đắk Lắk", "Đắc Lắc",
        "Đắk Nông", "Điện Biên", "Đồng Nai", "Đồng Tháp", "Gia Lai", "Hà Giang", "Hà Nam", "Hà Tĩnh",
        "Hải Dương", "Hậu Giang", "Hòa Bình", "Hưng Yên", "Khánh Hòa", "Kiên Giang", "Kon Tum", "Lai Châu",
        "Lâm Đồng", "Lạng Sơn", "Lào Cai", "Long An", "Nam Định", "Nghệ An", "Ninh Bình", "Ninh Thuận",
        "Phú Thọ", "Phú Yên", "Quảng Bình", "Quảng Nam", "Quảng Ngãi", "Quảng Ninh", "Quảng Trị",
        "Sóc Trăng", "Sơn La", "Tây Ninh", "Thái Bình", "Thái Nguyên", "Thanh Hóa", "Thừa Thiên Huế",
        "Thừa Thiên - Huế", "Tiền Giang", "Trà Vinh", "Tuyên Quang", "Vĩnh Long", "Vĩnh Phúc", "Yên Bái",
        # cities, towns and districts that often follow a title
        "Biên Hòa", "Buôn Ma Thuột", "Nha Trang", "Vinh", "Thủ Đức", "Ninh Kiều", "Phong Điền", "Cái Răng",
        "Bình Thủy", "Ô Môn", "Thốt Nốt", "Vị Thanh", "Sa Đéc", "Mỹ Tho", "Rạch Giá", "Long Xuyên",
        "Châu Đốc", "Tân An", "Cao Lãnh", "Hà Tiên", "Phú Quốc", "Đà Lạt", "Hạ Long", "Móng Cái", "Hội An",
        "Tam Kỳ", "Quy Nhơn", "Tuy Hòa", "Phan Thiết", "Phan Rang", "Tháp Chàm", "Pleiku", "Kon Tum",
        "Đồng Hới", "Đông Hà", "Việt Trì", "Sơn Tây", "Hà Đông", "Ba Đình", "Hoàn Kiếm", "Tây Hồ",
        "Cầu Giấy", "Đống Đa", "Hai Bà Trưng", "Long Biên", "Thanh Xuân", "Hoàng Mai", "Bắc Từ Liêm",
        "Nam Từ Liêm", "Gia Lâm", "Đông Anh", "Sóc Sơn", "Bình Thạnh", "Gò Vấp", "Phú Nhuận", "Tân Bình",
        "Tân Phú", "Bình Tân", "Củ Chi", "Hóc Môn", "Bình Chánh", "Nhà Bè", "Cần Giờ", "Hải Châu",
        "Thanh Khê", "Sơn Trà", "Ngũ Hành Sơn", "Liên Chiểu", "Cẩm Lệ", "Hòa Vang", "Hoàng Sa",
        "Trường Sa", "Côn Đảo", "Lý Sơn", "Cát Bà", "Bạch Long Vĩ", "Điện Biên Phủ", "Mường Thanh",
        "Tây Nguyên", "Tây Bắc", "Đông Bắc", "Nam Bộ", "Bắc Bộ", "Trung Bộ", "Đông Nam Bộ", "Tây Nam Bộ",
        "Đồng bằng sông Cửu Long", "Cửu Long", "Mê Kông", "Mekong", "Trường Sơn", "Ba Đình", "Kim Liên",
        "Pác Bó", "Tân Trào", "Ea Súp", "Krông Búk", "Cư Mgar", "Đắk Mil", "Hòa Lợi", "Thạnh Phú",
        "Tân Hưng",
        # abroad
        "Viêng Chăn", "Vientiane", "Luông Pha Bang", "Luang Prabang", "Chăm Pa Xắc", "Champasak",
        "Xiêng Khoảng", "Hủa Phăn", "Savannakhet", "Xa Văn Na Khẹt", "Khăm Muộn", "Bò Kẹo", "Sê Kông",
        "Át Tạ Pư", "Attapeu", "Sa La Van", "Salavan", "Luông Nặm Thà", "Phông Sa Lỳ", "U Đôm Xay",
        "Phnom Penh", "Phnôm Pênh", "Nông Pênh", "Xiêm Riệp", "Siem Reap", "Kampong Cham",
        "Công Pông Chàm", "Kông Pông Chàm", "Kratie", "Kra Chê", "Mondulkiri", "Môn Đun Ki Ri",
        "Tbong Khmum", "Tbong Kh'mum", "Tbong Khmum", "Svay Rieng", "Xvây Riêng", "Prey Veng", "Prây Veng",
        "Takeo", "Ta Keo", "Kampot", "Căm Pốt", "Kep", "Battambang", "Bát Đom Boong", "Koh Kong", "Kandal",
        "Can Đan", "Ratanakiri", "Stung Treng", "Preah Vihear", "Pursat", "Pailin", "Kampong Thom",
        "Kampong Speu", "Kampong Chhnang", "Banteay Meanchey", "Oddar Meanchey", "Sihanoukville",
        "Bắc Kinh", "Thượng Hải", "Quảng Châu", "Thâm Quyến", "Nam Ninh", "Côn Minh", "Hàng Châu",
        "Thiên Tân", "Trùng Khánh", "Quảng Tây", "Quảng Đông", "Vân Nam", "Tứ Xuyên", "Hồ Nam", "Hồ Bắc",
        "Hà Bắc", "Sơn Đông", "Giang Tô", "Chiết Giang", "Phúc Kiến", "Hải Nam", "Quý Châu", "An Huy",
        "Giang Tây", "Thiểm Tây", "Cam Túc", "Cát Lâm", "Liêu Ninh", "Hắc Long Giang", "Hồng Kông",
        "Ma Cao", "Đài Bắc", "Seoul", "Xơ-un", "Busan", "Incheon", "Gyeonggi", "Tokyo", "Osaka", "Kyoto",
        "Fukuoka", "Yokohama", "Nagoya", "Bangkok", "Băng Cốc", "Kuala Lumpur", "Jakarta", "Manila",
        "Yangon", "Singapore", "Moskva", "Mát-xcơ-va", "Saint Petersburg", "Xanh Pê-téc-bua", "Paris",
        "Berlin", "London", "Luân Đôn", "Washington", "New York", "Niu Oóc", "San Francisco",
        "Los Angeles", "Havana", "La Habana", "Canberra", "Sydney", "Melbourne", "Ottawa", "Toronto",
        "Vancouver", "Brussels", "Geneva", "Vienna", "Roma", "Madrid", "Praha", "Budapest", "Warsaw",
        "Vác-sa-va", "Bình Nhưỡng", "Ulan Bato", "New Delhi", "Niu Đê-li", "Dhaka", "Tel Aviv",
        "Jerusalem", "Cairo", "Nam Định", "Bắc Mỹ", "Nam Mỹ", "Mỹ Latinh", "Châu Âu", "Châu Á", "Châu Phi",
        "Đông Nam Á", "Đông Á", "Trung Đông", "Bắc Âu", "Tây Âu", "Đông Âu", "Nam Á",
        "Nam Thái Bình Dương", "Thái Bình Dương", "Ấn Độ Dương", "Đại Tây Dương", "Biển Đông", "Mê Công",
        "Lan Thương",
    ]
)

# Capitalised words that open the name of an organisation, a document, an event or a
# period: a run of capitals holding one is not (or no longer) a person's name.
NOT_NAME_WORDS = frozenset(
    fold(word)
    for word in """
    Ủy Ban Hội Liên Đảng Nhà Nước Tỉnh Huyện Quận Xã Phường Sở Bộ Cục Vụ Viện Phòng Trường Học
    Ương Sứ Quán Tổng Lãnh Chủ Tịch Phó Bí Giám Đốc Công Tác Chính Phủ Trưởng Lễ Ngày Tết Năm
    Tháng Tuần TP Tp Làng Đền Chùa Cầu Đường Phố Khu Ấp Thôn Tổ Cụm Mặt Trận Tộc Nghị Kế Hoạch
    Chỉ Quyết Chương Trình Các Những Tại Theo Trong Với Về Cùng Sau Trước Khi Từ Đến Ảnh Nguồn
    Sáng Chiều Tối Trưa Đêm Hôm Nay Đây Đó Này Tiếp Thay Dịp Dự Tham Phát Biểu Chấp Hành Thường
    Trực Cơ Quan Ty Tập Đoàn Quỹ Án Cộng Bang Và Hoặc Của Nội Thủ Tướng Đại Sứ Thư Ký Uỷ Viên
    Hòa Bình Hữu Nghị Đoàn Kết Phát Triển Hợp Tác Đối Ngoại Nhân Dân Dân Quốc Hội Ban Tổ Chức
    Thành Ủy Trung Tâm Bệnh Viện Công Ty Hiệp Hợp Xã Tập Thể Đài Báo Tạp Chí Thông Tấn Xã
    Chương Đề Án Dự Án Tờ Trình Luật Nghị Định Thông Tư Hướng Dẫn Kết Luận Giấy Khen Bằng Huân
    Huy Kỷ Niệm Giải Cúp Tuần Lễ Lớp Khóa Khoá Kỳ Nhiệm Giai Đoạn Thời Kỳ Thế Kỷ Chủ Nhật Thứ Hai
    Ba Tư Sáu Bảy Một Hai Mười Đông Tây Bắc Nam Trung Miền Vùng Châu Á Âu Phi Mỹ Latinh
    Vì Để Do Nhân Nhằm Qua Tuy Nhiên Đồng Thời Ngoài Ra Bên Cạnh Hiện Bởi Nhưng Mà Thì Là Có
    Được Đã Sẽ Đang Cũng Còn Rất Hơn Nhất Mới Xin Kính Gửi Thân Mến Trân Trọng Nơi Nhận Lưu
    Ông Bà Ngài Anh Chị Em Cô Chú Bác Đ/c Đồng Chí Quý Vị Cháu Bé
    """.split()
) - frozenset(
    fold(word)
    for word in (
        "Hòa", "Bình", "Thành", "Trung", "Quốc", "Đông", "Nam", "Bắc", "Tây", "Hai", "Ba", "Tư", "Sáu",
        "Bảy", "Mai", "Châu", "Đồng", "Hiệp", "Công", "Chính", "Trường", "Thường", "Kim", "Hiện", "Thân",
        "Phó", "Ông", "Học", "Trực", "Nhân", "Dân", "Hữu", "Nghị", "Kết", "Phát", "Tác", "Quyết", "Tâm",
        "Tiến", "Lâm", "Văn", "Hà", "Hồ", "Lê", "Từ", "Cao", "Đoàn", "Quang", "Hoàng", "Sơn", "Mỹ", "Âu",
        "Tôn", "Tăng", "Hợp", "Lãnh", "Tịch", "Tập", "Luật", "Vụ",
    )
)
# Of those, the words that still cannot be the first word of a person's name.
NEVER_FIRST = frozenset(
    fold(word)
    for word in """
    Ủy Uỷ Ban Hội Liên Đảng Nhà Nước Tỉnh Huyện Quận Xã Phường Sở Bộ Cục Viện Phòng Trường Sứ Quán
    Tổng Chủ Tịch Phó Bí Giám Đốc Chính Phủ Trưởng Lễ Ngày Tết Năm Tháng Tuần TP Làng Đền Chùa Cầu
    Đường Phố Khu Ấp Thôn Tổ Cụm Mặt Trận Nghị Kế Chỉ Quyết Chương Trình Các Những Tại Theo Trong
    Với Về Cùng Sau Trước Khi Từ Đến Ảnh Nguồn Sáng Chiều Tối Trưa Đêm Hôm Nay Đây Đó Này Tiếp
    Thay Dịp Dự Tham Phát Chấp Thường Trực Cơ Quan Quỹ Cộng Bang Và Của Thủ Đại Hòa Hữu Đoàn
    Thành Trung Tâm Bệnh Công Hiệp Hợp Đài Báo Tạp Thông Luật Thư Ông Bà Ngài Anh Chị Em Cô Chú
    Bác Đồng Quý Vị Cháu Bé Giải Cúp Lớp Khóa Khoá Kỳ Nhiệm Giai Thời Thế Miền Vùng Vì Để Do Nhân
    Nhằm Qua Tuy Ngoài Bên Hiện Bởi Nhưng Mà Thì Là Có Được Đã Sẽ Đang Cũng Còn Rất Xin Kính Gửi
    Nơi Lưu Đông Tây Bắc Nam Châu Á Âu Phi Mỹ
    """.split()
)
# fmt: on
