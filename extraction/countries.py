"""Foreign countries named in Vietnamese text, as ISO 3166-1 alpha-2 codes.

The gazetteer holds each country's Vietnamese names: the common name, the
formal name, transliterations ("Ốt-xtrây-li-a") and abbreviations ("CHDCND
Lào"). Names are matched on the tone-unified key, longest first, with word
boundaries and case: "Mỹ" is the United States, "thẩm mỹ" is not.
Short names that are also ordinary words or parts of personal and place
names ("Đức", "Anh", "Nga", "Lào", "Nhật", "Mỹ") count only where the
neighbouring words are not part of a proper name ("Minh Đức", "Lào Cai").
"""

from __future__ import annotations

import re

from extraction.records import CountryMention
from extraction.text import LOWER, UPPER, Document, unify

_NAMES: dict[str, tuple[str, ...]] = {
    "US": ("Hoa Kỳ", "Hợp chủng quốc Hoa Kỳ", "Mỹ", "USA"),
    "CN": ("Trung Quốc", "Cộng hòa Nhân dân Trung Hoa", "CHND Trung Hoa", "Trung Hoa"),
    "KH": ("Campuchia", "Cam-pu-chia", "Căm-pu-chia", "Vương quốc Campuchia", "Cam Bốt"),
    "LA": ("Lào", "CHDCND Lào", "Cộng hòa Dân chủ Nhân dân Lào"),
    "KR": ("Hàn Quốc", "Đại Hàn Dân Quốc", "Nam Hàn"),
    "KP": ("Triều Tiên", "CHDCND Triều Tiên", "Cộng hòa Dân chủ Nhân dân Triều Tiên", "Bắc Triều Tiên"),
    "JP": ("Nhật Bản", "Nhật"),
    "IN": ("Ấn Độ",),
    "RU": ("Nga", "Liên bang Nga", "LB Nga"),
    "CU": ("Cu Ba", "Cuba", "Cu-ba"),
    "FR": ("Pháp", "Cộng hòa Pháp"),
    "DE": ("Đức", "CHLB Đức", "Cộng hòa Liên bang Đức"),
    "GB": ("Anh", "Vương quốc Anh", "Anh Quốc", "Liên hiệp Vương quốc Anh", "Vương quốc Liên hiệp Anh"),
    "IT": ("Italia", "Italy", "I-ta-li-a", "Ý"),
    "ES": ("Tây Ban Nha",),
    "PT": ("Bồ Đào Nha",),
    "NL": ("Hà Lan",),
    "BE": ("Bỉ", "Vương quốc Bỉ"),
    "CH": ("Thụy Sĩ", "Thụy Sỹ"),
    "SE": ("Thụy Điển",),
    "NO": ("Na Uy",),
    "DK": ("Đan Mạch",),
    "FI": ("Phần Lan",),
    "IS": ("Iceland", "Ai-xơ-len"),
    "IE": ("Ireland", "Ai-len", "Ai Len"),
    "AT": ("Áo",),
    "PL": ("Ba Lan",),
    "CZ": ("Séc", "Cộng hòa Séc", "Czech"),
    "SK": ("Slovakia", "Xlô-va-ki-a"),
    "HU": ("Hungary", "Hung-ga-ri", "Hunggari"),
    "RO": ("Romania", "Rumani", "Ru-ma-ni"),
    "BG": ("Bulgaria", "Bun-ga-ri", "Bungari"),
    "GR": ("Hy Lạp",),
    "UA": ("Ukraine", "U-crai-na", "Ucraina"),
    "BY": ("Belarus", "Bê-la-rút", "Belarút"),
    "RS": ("Serbia", "Xéc-bi-a"),
    "HR": ("Croatia", "Crô-a-ti-a"),
    "TR": ("Thổ Nhĩ Kỳ",),
    "IL": ("Israel", "I-xra-en"),
    "PS": ("Palestine", "Pa-le-xtin", "Palextin"),
    "IR": ("Iran", "I-ran"),
    "IQ": ("Iraq", "I-rắc"),
    "SA": ("Ả Rập Xê Út", "Saudi Arabia", "A-rập Xê-út", "Ả-rập Xê-út", "Arab Saudi"),
    "AE": ("UAE", "Các Tiểu vương quốc Ả Rập Thống nhất"),
    "QA": ("Qatar", "Ca-ta"),
    "KW": ("Kuwait", "Cô-oét"),
    "EG": ("Ai Cập",),
    "DZ": ("Algeria", "An-giê-ri", "Angiêri"),
    "MA": ("Morocco", "Ma-rốc", "Maroc"),
    "ZA": ("Nam Phi",),
    "NG": ("Nigeria", "Ni-giê-ri-a"),
    "AO": ("Angola", "Ăng-gô-la"),
    "MZ": ("Mozambique", "Mô-dăm-bích"),
    "TZ": ("Tanzania", "Tan-da-ni-a"),
    "KE": ("Kenya", "Kê-ni-a"),
    "ET": ("Ethiopia", "Ê-ti-ô-pi-a"),
    "TH": ("Thái Lan",),
    "MY": ("Malaysia", "Ma-lai-xi-a", "Malaixia"),
    "SG": ("Singapore", "Xin-ga-po", "Xinh-ga-po"),
    "ID": ("Indonesia", "In-đô-nê-xi-a", "Inđônêxia"),
    "PH": ("Philippines", "Phi-líp-pin", "Philippin", "Phi-lip-pin"),
    "MM": ("Myanmar", "Mi-an-ma", "Miến Điện"),
    "BN": ("Brunei", "Bru-nây", "Brunây"),
    "TL": ("Timor-Leste", "Đông Timor", "Ti-mo Lét-xtê", "Đông Ti-mo"),
    "MN": ("Mông Cổ",),
    "TW": ("Đài Loan",),
    "HK": ("Hồng Kông", "Hong Kong"),
    "BD": ("Bangladesh", "Băng-la-đét", "Bănglađét"),
    "PK": ("Pakistan", "Pa-ki-xtan"),
    "LK": ("Sri Lanka", "Xri Lan-ca"),
    "NP": ("Nepal", "Nê-pan"),
    "AF": ("Afghanistan", "Áp-ga-ni-xtan"),
    "KZ": ("Kazakhstan", "Ca-dắc-xtan", "Kazắcxtan"),
    "UZ": ("Uzbekistan", "U-dơ-bê-ki-xtan"),
    "AU": ("Australia", "Ốt-xtrây-li-a", "Úc"),
    "NZ": ("New Zealand", "Niu Di-lân", "Niu Dilân", "Tân Tây Lan"),
    "CA": ("Canada", "Ca-na-đa", "Canađa"),
    "MX": ("Mexico", "Mê-hi-cô", "Mêhicô", "Mê-xi-cô"),
    "BR": ("Brazil", "Bra-xin", "Braxin"),
    "AR": ("Argentina", "Ác-hen-ti-na", "Áchentina"),
    "CL": ("Chile", "Chi-lê", "Chilê"),
    "PE": ("Peru", "Pê-ru", "Pêru"),
    "CO": ("Colombia", "Cô-lôm-bi-a"),
    "VE": ("Venezuela", "Vê-nê-xu-ê-la"),
    "NI": ("Nicaragua", "Ni-ca-ra-goa"),
    "BO": ("Bolivia", "Bô-li-vi-a"),
    "UY": ("Uruguay", "U-ru-goay"),
    "PA": ("Panama", "Pa-na-ma"),
    "DO": ("Cộng hòa Dominica",),
    "LU": ("Luxembourg", "Lúc-xem-bua", "Lúc-xăm-bua"),
    "SI": ("Slovenia", "Xlô-ven-ni-a", "Xlô-vê-ni-a"),
    "EE": ("Estonia", "Ét-xtô-ni-a", "E-xtô-ni-a"),
    "LV": ("Latvia", "Lát-vi-a"),
    "LT": ("Lithuania", "Lít-va"),
    "GE": ("Georgia", "Gru-di-a"),
    "AM": ("Armenia", "Ác-mê-ni-a"),
    "AZ": ("Azerbaijan", "A-déc-bai-gian"),
    "SY": ("Syria", "Xy-ri", "Xyri", "Xi-ri"),
    "LB": ("Lebanon", "Li-băng", "Libăng"),
    "JO": ("Jordan", "Gioóc-đa-ni"),
    "YE": ("Yemen", "Y-ê-men"),
    "OM": ("Oman", "Ô-man"),
    "SN": ("Senegal", "Xê-nê-gan"),
    "GH": ("Ghana", "Ga-na"),
    "CM": ("Cameroon", "Ca-mơ-run"),
    "UG": ("Uganda", "U-gan-đa"),
    "RW": ("Rwanda", "Ru-an-đa"),
    "ZW": ("Zimbabwe", "Dim-ba-bu-ê"),
    "ZM": ("Zambia", "Dăm-bi-a"),
    "MG": ("Madagascar", "Ma-đa-gát-xca"),
    "SD": ("Sudan", "Xu-đăng"),
    "LY": ("Libya", "Li-bi"),
    "TN": ("Tunisia", "Tuy-ni-di"),
    "PG": ("Papua New Guinea", "Pa-pua Niu Ghi-nê"),
    "FJ": ("Fiji", "Phi-gi"),
    "KG": ("Kyrgyzstan", "Cư-rơ-gư-xtan", "Kư-rơ-gư-xtan"),
    "TJ": ("Tajikistan", "Tát-gi-ki-xtan"),
    "TM": ("Turkmenistan", "Tuốc-mê-ni-xtan"),
    "BH": ("Bahrain", "Ba-ranh"),
    "CI": ("Bờ Biển Ngà", "Côte d'Ivoire"),
    "ML": ("Mali", "Ma-li"),
    "BI": ("Burundi", "Bu-run-đi"),
    "PY": ("Paraguay", "Pa-ra-goay"),
    "EC": ("Ecuador", "Ê-cu-a-đo"),
    "JM": ("Jamaica", "Gia-mai-ca"),
    "AL": ("Albania", "An-ba-ni"),
    "CY": ("Síp", "Cyprus"),
    "BT": ("Bhutan", "Bu-tan"),
    "MV": ("Maldives", "Man-đi-vơ"),
    "MD": ("Moldova", "Môn-đô-va"),
    "BA": ("Bosnia và Herzegovina", "Bô-xni-a Héc-dê-gô-vi-na"),
    "MK": ("Bắc Macedonia", "Bắc Ma-xê-đô-ni-a"),
    "ME": ("Montenegro", "Môn-tê-nê-grô"),
    "MT": ("Malta", "Man-ta"),
    "GT": ("Guatemala", "Goa-tê-ma-la"),
    "HN": ("Honduras", "Hôn-đu-rát"),
    "SV": ("El Salvador", "En Xan-va-đo"),
    "CR": ("Costa Rica", "Cốt-xta Ri-ca"),
    "HT": ("Haiti", "Ha-i-ti"),
    "TT": ("Trinidad và Tobago",),
    "SR": ("Suriname", "Xu-ri-nam"),
    "GY": ("Guyana", "Guy-a-na"),
    "NA": ("Namibia", "Na-mi-bi-a"),
    "BW": ("Botswana", "Bốt-xoa-na"),
    "CG": ("Cộng hòa Congo", "Công-gô"),
    "CD": ("Cộng hòa Dân chủ Congo", "CHDC Công-gô"),
    "GN": ("Guinea", "Ghi-nê"),
    "GW": ("Guinea-Bissau", "Ghi-nê Bít-xao"),
    "BF": ("Burkina Faso", "Buốc-ki-na Pha-xô"),
    "NE": ("Niger", "Ni-giê"),
    "TD": ("Chad", "Sát"),
    "ER": ("Eritrea", "Ê-ri-tơ-rê-a"),
    "SO": ("Somalia", "Xô-ma-li"),
    "SS": ("Nam Sudan", "Nam Xu-đăng"),
    "MW": ("Malawi", "Ma-la-uy"),
    "LS": ("Lesotho", "Lê-xô-thô"),
    "SZ": ("Eswatini", "Xoa-di-len"),
    "BJ": ("Benin", "Bê-nanh"),
    "TG": ("Togo", "Tô-gô"),
    "SL": ("Sierra Leone", "Xi-ê-ra Lê-ôn"),
    "LR": ("Liberia", "Li-bê-ri-a"),
    "GA": ("Gabon", "Ga-bông"),
    "GQ": ("Guinea Xích Đạo", "Ghi-nê Xích Đạo"),
    "CV": ("Cabo Verde", "Cáp Ve"),
    "MU": ("Mauritius", "Mô-ri-xơ"),
    "SC": ("Seychelles", "Xây-sen"),
    "KM": ("Comoros", "Cô-mo"),
    "DJ": ("Djibouti", "Gi-bu-ti"),
    "MR": ("Mauritania", "Mô-ri-ta-ni"),
    "WS": ("Samoa", "Xa-moa"),
    "TO": ("Tonga", "Tông-ga"),
    "VU": ("Vanuatu", "Va-nu-a-tu"),
    "SB": ("Quần đảo Solomon", "Xô-lô-môn"),
    "KI": ("Kiribati", "Ki-ri-ba-ti"),
    "NR": ("Nauru", "Na-u-ru"),
    "TV": ("Tuvalu", "Tu-va-lu"),
    "PW": ("Palau", "Pa-lau"),
    "FM": ("Micronesia", "Mi-crô-nê-xi-a"),
    "MH": ("Quần đảo Marshall", "Mác-san"),
    "AD": ("Andorra", "An-đô-ra"),
    "MC": ("Monaco", "Mô-na-cô"),
    "LI": ("Liechtenstein", "Lích-tên-xtên"),
    "SM": ("San Marino", "Xan Ma-ri-nô"),
    "VA": ("Vatican", "Tòa Thánh Vatican", "Va-ti-căng"),
    "BS": ("Bahamas", "Ba-ha-mát"),
    "BB": ("Barbados", "Bác-ba-đốt"),
    "DM": ("Dominica", "Đô-mi-ni-ca"),
    "GD": ("Grenada", "Grê-na-đa"),
    "LC": ("Saint Lucia", "Xanh Lu-xi-a"),
    "VC": ("Saint Vincent và Grenadines",),
    "KN": ("Saint Kitts và Nevis",),
    "AG": ("Antigua và Barbuda",),
    "BZ": ("Belize", "Bê-li-xê"),
}

# Short names that also occur as ordinary words or inside personal and place
# names: they count only when the words around them are not capitalised parts
# of the same proper name.
_GUARDED = {
    "Mỹ",
    "Nga",
    "Đức",
    "Anh",
    "Lào",
    "Nhật",
    "Pháp",
    "Ý",
    "Úc",
    "Bỉ",
    "Áo",
    "Séc",
    "Trung Hoa",
    "Chile",
}
# Capitalised words that may stand next to a guarded name without making it
# part of a personal or place name ("CHLB Đức" is matched whole before this).
_NEIGHBOURS_OK = {"Việt", "Nam", "Hội", "Đại", "Quốc", "Tổng", "Lãnh", "Sứ", "Vương", "Cộng", "Liên"}
# Words that turn a country name into something else ("Pháp luật", "Mỹ Tho", "Mỹ Latinh").
_NOT_AFTER = {
    "Mỹ": (
        "Latinh",
        "La-tinh",
        "Tho",
        "Tú",
        "Xuyên",
        "Hào",
        "Lộc",
        "Sơn",
        "Phước",
        "Khánh",
        "Lợi",
        "Thạnh",
        "An",
        "Hòa",
        "Lai",
        "Đình",
        "Đức",
        "Thuận",
        "Long",
        "Chánh",
        "Hiệp",
        "Thuỷ",
        "Thủy",
        "Trà",
        "Phong",
        # compounds: "mỹ thuật" (fine arts), "mỹ phẩm", "mỹ nghệ"...
        "thuật",
        "phẩm",
        "nghệ",
        "học",
        "nhân",
        "quan",
        "cảm",
        "viện",
        "lệ",
        "vị",
    ),
    "Pháp": ("luật", "lệnh", "chế", "lý", "nhân", "quyền", "sư", "danh", "môn", "điển", "y", "định", "trị"),
    "Anh": ("hùng", "em", "chị", "ấy", "ta", "ngữ", "văn"),
    "Lào": ("Cai",),
    "Nga": ("Sơn",),
    "Úc": (),
}
_HONORIFIC_WORDS = (
    "ông",
    "bà",
    "Ông",
    "Bà",
    "anh",
    "chị",
    "em",
    "cô",
    "chú",
    "bác",
    "cụ",
    "Anh",
    "Chị",
    "Cô",
    "Chú",
)
_NOT_BEFORE = {
    "Mỹ": ("thẩm", "mỹ", "Sơn", "hoàn", "la", "đôla", "đô-la"),
    "Nhật": ("chủ", "Chủ"),
    "Anh": ("tiếng", "Tiếng"),
}

_ENTRIES = sorted(
    ((unify(name), code) for code, names in _NAMES.items() for name in names),
    key=lambda entry: len(entry[0]),
    reverse=True,
)
_PATTERN = re.compile(r"(?<![\w-])(" + "|".join(re.escape(name) for name, _ in _ENTRIES) + r")(?![\w-])")
_CODE_OF = dict(_ENTRIES)


_PROPER = re.compile(rf"^[{UPPER}][{LOWER}]+$")


def _word_before(key: str, start: int) -> str:
    match = re.search(r"(\S+)\s*$", key[max(0, start - 25) : start])
    return match.group(1) if match else ""


def _word_after(key: str, end: int) -> str:
    match = re.match(r"\s*(\S+)", key[end : end + 25])
    return match.group(1).strip(",.;:)\"'") if match else ""


def _is_country(key: str, name: str, start: int, end: int) -> bool:
    if name not in _GUARDED:
        return True
    before, after = _word_before(key, start), _word_after(key, end)
    if after in _NOT_AFTER.get(name, ()) or before in _NOT_BEFORE.get(name, ()) or before in _HONORIFIC_WORDS:
        return False  # "Mỹ thuật", "thẩm mỹ", "bà Nga" (a given name)
    if name == "Ý" and not re.search(
        r"(nước|Việt Nam -|Việt -|quán|sứ)\s*$", key[max(0, start - 15) : start]
    ):
        return False
    proper = _PROPER
    if (
        proper.match(before)
        and before not in _NEIGHBOURS_OK
        and not key[:start].rstrip().endswith(("-", ","))
    ):
        return False
    return not (proper.match(after) and after not in _NEIGHBOURS_OK and after not in {"Quốc"})


# "Hội hữu nghị Việt - Triều": short names of the partner after "Việt -"
_SHORT_PARTNERS = {
    "Triều": "KP",
    "Trung": "CN",
    "Hàn": "KR",
    "Nhật": "JP",
    "Ấn": "IN",
    "Thái": "TH",
    "Miên": "KH",
    "Xô": "RU",
    "Cu": "CU",
    "Mỹ": "US",
    "Pháp": "FR",
    "Đức": "DE",
    "Nga": "RU",
    "Anh": "GB",
    "Úc": "AU",
    "Lào": "LA",
    "Ý": "IT",
}
_SHORT_FRIENDSHIP = re.compile(r"(?<!\w)Việt\s*-\s*(" + "|".join(_SHORT_PARTNERS) + r")(?![\w-])")


def find_countries(doc: Document) -> list[CountryMention]:
    """Every mention of a foreign country, in order; Việt Nam itself is not one."""
    mentions = [
        CountryMention(
            code=_SHORT_PARTNERS[match.group(1)],
            name=doc.text[match.start(1) : match.end(1)],
            evidence=doc.evidence(match.start(1), match.end(1)),
        )
        for match in _SHORT_FRIENDSHIP.finditer(doc.key)
    ]
    taken = {mention.evidence.start for mention in mentions}
    for match in _PATTERN.finditer(doc.key):
        name = match.group(1)
        if match.start() in taken or not _is_country(doc.key, name, match.start(), match.end()):
            continue
        mentions.append(
            CountryMention(
                code=_CODE_OF[name],
                name=doc.text[match.start() : match.end()],
                evidence=doc.evidence(match.start(), match.end()),
            )
        )
    return sorted(mentions, key=lambda mention: mention.evidence.start)


def country_code(name: str) -> str | None:
    """The ISO code of a country name as written ("Vương quốc Campuchia" -> "KH"), if known."""
    return _CODE_OF.get(unify(name.strip()))
