"""People named in Vietnamese text, with honorifics and titles, and the
organisations those titles name.

A run of capitalised words is a person's name when the text marks it as one:
an honorific before it ("ông", "Ngài", "Đ/c"), a position before it ("Chủ
tịch VUFO Nguyễn Phương Nga", "Tổng thống Hoa Kỳ Joe Biden"), a position
after it ("Lê Thị Thanh Giang - Chủ tịch..."), or a signature in capitals
at the foot of a letter. Vietnamese names are cut at a known surname, so
"Bí thư Tỉnh ủy Sóc Trăng Lâm Văn Mẫn" gives "Lâm Văn Mẫn". Bylines and photo
credits are not people; short references ("ông Mẫn") join the full name.
"""

from __future__ import annotations

import re
from functools import lru_cache

from extraction.countries import find_countries
from extraction.records import Organization, Person, Role
from extraction.text import LOWER, UPPER, Document, unify

SURNAMES = frozenset(
    unify(name)
    for name in [
        "Nguyễn",
        "Trần",
        "Lê",
        "Phạm",
        "Hoàng",
        "Huỳnh",
        "Phan",
        "Vũ",
        "Võ",
        "Đặng",
        "Bùi",
        "Đỗ",
        "Hồ",
        "Ngô",
        "Dương",
        "Lý",
        "Lâm",
        "Trương",
        "Đinh",
        "Mai",
        "Tô",
        "Hà",
        "Thái",
        "Lưu",
        "Trịnh",
        "Đoàn",
        "Cao",
        "Lương",
        "Chu",
        "Châu",
        "Quách",
        "Tạ",
        "Triệu",
        "Kiều",
        "Văn",
        "Đàm",
        "Hứa",
        "Lại",
        "Nông",
        "Lò",
        "Quan",
        "Khổng",
        "Thạch",
        "Danh",
        "Kim",
        "Sơn",
        "Uông",
        "Phùng",
        "Mạc",
        "Tăng",
        "Vương",
        "Âu",
        "Diệp",
        "Giang",
        "Hàn",
        "Khúc",
        "Lục",
        "Mã",
        "Nghiêm",
        "Phí",
        "Quang",
        "Tôn",
        "Từ",
        "Vi",
        "Viên",
        "Yên",
        "Bạch",
        "Bế",
        "Cù",
        "Doãn",
        "Đồng",
        "Đới",
        "Hầu",
        "Hoa",
        "La",
        "Liêu",
        "Lạc",
        "Lã",
        "Mạch",
        "Nhan",
        "Ninh",
        "Tiêu",
        "Trang",
        "Trình",
        "Ứng",
        "Nhữ",
        "Cấn",
        "Chế",
        "Chương",
        "Hán",
        "Khương",
        "Lăng",
        "Lữ",
        "Thân",
        "Thi",
        "Giáp",
        "Hạ",
        "Lò",
        "Lỗ",
        "Mông",
        "Ngọ",
        "Kha",
        "Kiêm",
        "Thiều",
        "Tòng",
        "Lý",
        "Ngụy",
        "Nguỵ",
        "Siêk",
        "Siêng",
        "Sok",
    ]
)
_HONORIFICS = {
    "ông": "Ông",
    "bà": "Bà",
    "ngài": "Ngài",
    "đồng chí": "Đồng chí",
    "đ/c": "Đồng chí",
    "đ.c": "Đồng chí",
    "đc": "Đồng chí",
    "quý ông": "Ông",
    "quý bà": "Bà",
    "cụ": None,
    "anh": None,
    "chị": None,
    "nữ sĩ": None,
}
_HONORIFIC = re.compile(rf"(?<![\w/])((?i:quý ông|quý bà|đồng chí|đ/c|đ\.c|ông|bà|ngài))\s+(?=[{UPPER}])")
# Words that begin a position ("Chủ tịch", "Phó Bí thư", "Tổng Lãnh sự"...)
_POSITIONS = (
    "Chủ tịch|Bí thư|Tổng Bí thư|Chủ nhiệm|Trưởng ban|Trưởng đoàn|Trưởng phòng|Trưởng|Giám đốc|Tổng Giám đốc|"
    "Tổng Lãnh sự|Lãnh sự|Đại sứ|Tham tán|Bộ trưởng|Thứ trưởng|Thủ tướng|Tổng thống|Quốc vương|Nhà vua|Hoàng tử|"
    "Công chúa|Tỉnh trưởng|Thống đốc|Thị trưởng|Tổng thư ký|Thư ký|Ủy viên|Uỷ viên|UV|UVBTV|UVTT|Chánh Văn phòng|"
    "Chánh văn phòng|Chánh|Viện trưởng|Hiệu trưởng|Chủ tịch nước|Phó|Giáo sư|GS|PGS|TS|Tiến sĩ|Thạc sĩ|"
    "Nhà báo|Nghệ sĩ|Thượng tướng|Trung tướng|Thiếu tướng|Đại tá|Thượng tá|Trung tá|Thiếu tá|Đại úy|Cố vấn|"
    "Điều phối viên|Trưởng đại diện|Đại diện|Người sáng lập|Nhà sáng lập|Chủ sở hữu|Giám mục|Hòa thượng|"
    "Thượng tọa|Linh mục|Mục sư|Phái viên|Phát ngôn viên|Chuyên gia|Tình nguyện viên|Tổng Biên tập|Phó Tổng Biên tập|"
    "Bà mẹ Việt Nam anh hùng|Anh hùng|Thành ủy viên|Tỉnh ủy viên"
)
_POSITION = re.compile(rf"(?<!\w)({_POSITIONS})(?!\w)")
_NAME_WORD = rf"[{UPPER}][{LOWER}'’]*(?:-[{UPPER}{LOWER}]+)*"
_CAPS_WORD = rf"[{UPPER}'’]{{1,12}}"
_CAP_RUN = re.compile(rf"(?<![\w'’]){_NAME_WORD}(?:[ \t]+{_NAME_WORD})*(?![\w])")
_CAPS_NAME = re.compile(rf"(?<![\w])({_CAPS_WORD}(?:[ \t]+{_CAPS_WORD}){{1,4}})(?![\w])")
# capitalised words that are never part of a person's name
_NOT_NAME_WORDS = {
    unify(word)
    for word in [
        "Ủy",
        "Uỷ",
        "Ban",
        "Hội",
        "Liên",
        "Đảng",
        "Nhà",
        "Nước",
        "Tỉnh",
        "Huyện",
        "Quận",
        "Xã",
        "Phường",
        "Sở",
        "Bộ",
        "Ương",
        "TW",
        "UBND",
        "HĐND",
        "MTTQ",
        "VUFO",
        "Sứ",
        "Quán",
        "Tổng",
        "Lãnh",
        "Chủ",
        "Tịch",
        "Phó",
        "Bí",
        "Thư",
        "Giám",
        "Đốc",
        "Công",
        "Tác",
        "Trường",
        "Học",
        "Viện",
        "Cục",
        "Vụ",
        "Phòng",
        "Quốc",
        "Phủ",
        "Trưởng",
        "Lễ",
        "Ngày",
        "Tết",
        "Năm",
        "Tháng",
        "TP",
        "Làng",
        "Đền",
        "Chùa",
        "Cầu",
        "Đường",
        "Phố",
        "Khu",
        "Ấp",
        "Thôn",
        "Tổ",
        "Cụm",
        "Mặt",
        "Trận",
        "Tộc",
        "Nghị",
        "Kế",
        "Hoạch",
        "Chỉ",
        "Quyết",
        "Chương",
        "Trình",
        "Ông",
        "Bà",
        "Ngài",
        "Đồng",
        "Chí",
        "Các",
        "Những",
        "Tại",
        "Theo",
        "Trong",
        "Với",
        "Về",
        "Cùng",
        "Sau",
        "Trước",
        "Khi",
        "Từ",
        "Đến",
        "Ảnh",
        "Nguồn",
        "Thứ",
        "Sáng",
        "Chiều",
        "Tối",
        "Trưa",
        "Đêm",
        "Hôm",
        "Nay",
        "Đây",
        "Đó",
        "Này",
        "Tiếp",
        "Thay",
        "Dịp",
        "Dự",
        "Tham",
        "Phát",
        "Biểu",
        "Chấp",
        "Hành",
        "Thường",
        "Trực",
        "Cơ",
        "Quan",
        "Ty",
        "Tập",
        "Quỹ",
        "Án",
        "Vương",
        "Cộng",
        "Bang",
        "Và",
        "Hoặc",
        "Của",
        "Nội",
        "Quốc",
    ]
}
# Words after which a name is a place, a school, a street or an award, never a person.
_PLACE_BEFORE = re.compile(
    r"(?<!\w)(?i:trường|đường|(?<!thành )phố|làng|cầu|chùa|bệnh viện|giải thưởng|huân chương|tư tưởng|lăng|quảng trường|"
    r"khu|ấp|thôn|bản|trạm|công viên|nhà văn hóa|tàu|sân bay|cảng|bảo tàng|di tích|đền|nhà thờ|giải)\s*$"
)
# Administrative words: "thành phố Hồ Chí Minh" is a place, but in "Phó Chủ tịch UBND thành phố
# Hồ Kỳ Minh" the city is left unnamed and a person follows. Known places decide.
_ADMIN_BEFORE = re.compile(r"(?i:xã|huyện|tỉnh|thành phố|tp\.?|quận|phường|thị trấn|thị xã|thủ đô)\s*$")
KNOWN_PLACES = frozenset(
    unify(name)
    for name in [
        "Hồ Chí Minh",
        "Hà Nội",
        "Hải Phòng",
        "Đà Nẵng",
        "Cần Thơ",
        "Huế",
        "An Giang",
        "Bà Rịa",
        "Vũng Tàu",
        "Bắc Giang",
        "Bắc Kạn",
        "Bạc Liêu",
        "Bắc Ninh",
        "Bến Tre",
        "Bình Định",
        "Bình Dương",
        "Bình Phước",
        "Bình Thuận",
        "Cà Mau",
        "Cao Bằng",
        "Đắk Lắk",
        "Đắk Nông",
        "Điện Biên",
        "Đồng Nai",
        "Đồng Tháp",
        "Gia Lai",
        "Hà Giang",
        "Hà Nam",
        "Hà Tĩnh",
        "Hải Dương",
        "Hậu Giang",
        "Hòa Bình",
        "Hưng Yên",
        "Khánh Hòa",
        "Kiên Giang",
        "Kon Tum",
        "Lai Châu",
        "Lâm Đồng",
        "Lạng Sơn",
        "Lào Cai",
        "Long An",
        "Nam Định",
        "Nghệ An",
        "Ninh Bình",
        "Ninh Thuận",
        "Phú Thọ",
        "Phú Yên",
        "Quảng Bình",
        "Quảng Nam",
        "Quảng Ngãi",
        "Quảng Ninh",
        "Quảng Trị",
        "Sóc Trăng",
        "Sơn La",
        "Tây Ninh",
        "Thái Bình",
        "Thái Nguyên",
        "Thanh Hóa",
        "Thừa Thiên Huế",
        "Tiền Giang",
        "Trà Vinh",
        "Tuyên Quang",
        "Vĩnh Long",
        "Vĩnh Phúc",
        "Yên Bái",
        "Biên Hòa",
        "Buôn Ma Thuột",
        "Nha Trang",
        "Vinh",
        "Thủ Đức",
        "Ninh Kiều",
        "Phong Điền",
        "Cái Răng",
        "Bình Thủy",
        "Ô Môn",
        "Thốt Nốt",
        "Vị Thanh",
        "Sa Đéc",
        "Mỹ Tho",
        "Rạch Giá",
        "Long Xuyên",
        "Châu Đốc",
        "Tân An",
        "Cao Lãnh",
        "Hà Tiên",
        "Phú Quốc",
    ]
)
_CAN_CHI = re.compile(
    r"^(?:Giáp|Ất|Bính|Đinh|Mậu|Kỷ|Canh|Tân|Nhâm|Quý|Quí) (?:Tý|Sửu|Dần|Mão|Mẹo|Thìn|Tỵ|Tị|Ngọ|Mùi|Thân|Dậu|Tuất|Hợi)$"
)
# One Vietnamese syllable: a word that is not one is a foreign name's ("Sok", "Dareth", "Biden").
_SYLLABLE = re.compile(
    r"^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?"
    r"[aăâeêioôơuưyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]{1,3}"
    r"(?:ch|ng|nh|[cmnpt])?$"
)
_CREDIT = re.compile(r"\(?(?:Ảnh|Ảnh minh họa|Nguồn|Video|Clip|Đồ họa|Theo)\s*:?\s*[^)\n]{0,60}\)?")


def _title_case(name: str) -> str:
    return " ".join(word[:1] + word[1:].lower() for word in name.split())


@lru_cache(maxsize=16384)
def _looks_vietnamese(word: str) -> bool:
    return bool(_SYLLABLE.match(unify(word).lower()))


def _after_country(words: list[str]) -> list[str]:
    """The words after the last country named in a run ("Hoa Kỳ Joe Biden" -> "Joe Biden")."""
    return list(_after_country_cached(" ".join(words)))


@lru_cache(maxsize=16384)
def _after_country_cached(text: str) -> tuple[str, ...]:
    cut = 0
    for match in find_countries(Document(text, unify(text), (), None)):
        cut = max(cut, match.evidence.end)
    home = text.rfind("Việt Nam")
    if home >= 0:
        cut = max(cut, home + len("Việt Nam"))
    return tuple(text[cut:].split())


def _split_run(words: list[str]) -> list[str] | None:
    """The person's name inside a run of capitalised words: from a surname to the end."""
    words = _after_country(words)
    if not all(_looks_vietnamese(word) for word in words[-2:]):
        return None
    for i, word in enumerate(words):
        if unify(word) in SURNAMES and 2 <= len(words) - i <= 4:
            rest = words[i:]
            if not any(unify(w) in _NOT_NAME_WORDS for w in rest[1:]):
                return rest
    return None


def _foreign_tail(words: list[str]) -> list[str] | None:
    """A foreign name closing a run ("Hoa Kỳ Joe Biden"): the words after the last country or org word."""
    words = _after_country(words)
    cut = 0
    for i, word in enumerate(words):
        if unify(word) in _NOT_NAME_WORDS or (word.isupper() and len(word) > 1):
            cut = i + 1
    tail = words[cut:]
    return tail if 2 <= len(tail) <= 4 and _is_foreign(tail) else None


class _Found:
    def __init__(self) -> None:
        self.people: dict[str, Person] = {}

    def add(
        self, doc: Document, name: str, start: int, end: int, honorific: str | None, roles: list[Role]
    ) -> None:
        name = re.sub(r"\s+", " ", name).strip(" ,.-")
        if len(name.split()) < 2 or len(name) < 5:
            return
        if name.isupper():
            name = _title_case(name)
        key = unify(name).casefold()
        evidence = doc.evidence(start, end)
        person = self.people.get(key)
        if person is None:
            self.people[key] = Person(
                name=name,
                honorific=honorific,
                roles=roles,
                country=None,
                evidence=evidence,
                mentions=[evidence],
            )
            return
        person.mentions.append(evidence)
        person.honorific = person.honorific or honorific
        known = {role.title for role in person.roles}
        person.roles.extend(role for role in roles if role.title not in known)


def _excluded_spans(doc: Document) -> list[tuple[int, int]]:
    """Photo credits, and a byline standing alone on the last lines."""
    spans = [m.span() for m in _CREDIT.finditer(doc.key)]
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", doc.text)]
    for position, (start, end) in enumerate(lines[-2:], start=len(lines) - 2):
        line = doc.text[start:end].strip()
        words = line.replace("-", " ").split()
        above = [doc.text[a:b].strip() for a, b in lines[max(0, position - 3) : max(0, position)]]
        if any(other.isupper() and _SIGNING_POSITION.match(other) for other in above):
            continue  # a letter's signer, not a byline
        if words and len(words) <= 7 and all(w[:1].isupper() for w in words) and not line.isupper():
            spans.append((start, end))
    return spans


def _roles_after(doc: Document, end: int) -> list[Role]:
    """Positions written after a name: "X - Chủ tịch ...", "X, Phó Chủ tịch ..."."""
    text = doc.text
    match = re.match(r"\s*(?:\([^)]{1,40}\)\s*)?(?:-|,|\(|:)\s*", text[end : end + 50])
    if not match:
        return []
    tail_start = end + match.end()
    sentence = doc.sentence_at(end)
    tail = text[tail_start : sentence.end]
    roles = []
    for piece in re.split(rf"\s*[,;]\s*|\s+-\s+|\s*–\s*|\s-(?=[{UPPER}])", tail):
        piece = piece.strip().rstrip(").")
        if not piece or not _POSITION.match(piece):
            break
        piece = _ROLE_END.split(piece)[0]
        roles.append(_role(piece[:120]))
    return roles


_ROLE_END = re.compile(
    r"\s+(?i:cho biết|phát biểu|nhấn mạnh|khẳng định|đánh giá|chia sẻ|bày tỏ|làm trưởng đoàn|đã|và|cùng|tại|"
    r"đến|dự|tiếp|thăm|chủ trì|trao|tặng|gửi|ký|kiêm nhiệm|được|sẽ|vừa|có)(?!\w)"
)


def _role(title: str) -> Role:
    title = title.strip(" ,;:-")
    match = re.match(
        rf"((?:Phó\s+|Nguyên\s+|Quyền\s+)?(?:{_POSITIONS})(?:\s+(?:thường trực|dự khuyết))?)\s*(.*)", title
    )
    if match and match.group(2):
        return Role(title=title, position=match.group(1).strip(), organization=match.group(2).strip() or None)
    return Role(title=title, position=title, organization=None)


def _title_before(doc: Document, start: int) -> list[Role]:
    """The position right before a name ("Chủ tịch VUFO Nguyễn Phương Nga")."""
    sentence = doc.sentence_at(start)
    before = doc.text[sentence.start : start]
    positions = list(_POSITION.finditer(before))
    if not positions:
        return []
    first = positions[-1]
    # extend back over "Phó"/"Bí thư Đảng đoàn," chains: take from the earliest position joined by commas
    for candidate in reversed(positions[:-1]):
        gap = before[candidate.end() : first.start()]
        if len(gap) < 60 and not re.search(r"[.;:]|\b(?:ông|bà|và|của|có)\b", gap):
            first = candidate
        else:
            break
    phrase = before[first.start() :].strip(" ,")
    if len(phrase) > 140 or re.search(r"\b(?:ông|bà|và|cho biết)\b", phrase):
        return []
    return [_role(part) for part in re.split(r"\s*,\s*", phrase) if part and _POSITION.match(part)]


def find_people(doc: Document) -> tuple[list[Person], list[Organization]]:
    found = _Found()
    excluded = _excluded_spans(doc)

    def is_excluded(start: int) -> bool:
        return any(a <= start < b for a, b in excluded)

    text = doc.text
    # 1. an honorific, then a name
    for match in _HONORIFIC.finditer(doc.key):
        run = _CAP_RUN.match(text, match.end()) or _CAPS_NAME.match(text, match.end())
        if not run or is_excluded(match.start()):
            continue
        words = run.group(0).split()
        if words[0].isupper() and len(words[0]) > 1 and not _CAPS_NAME.match(text, match.end()):
            continue
        name_words = words[:4]
        while name_words and unify(name_words[-1]) in _NOT_NAME_WORDS:
            name_words.pop()
        if len(name_words) < 2:
            continue
        end = run.start() + len(" ".join(name_words))
        honorific = _HONORIFICS.get(match.group(1).lower())
        found.add(doc, " ".join(name_words), run.start(), end, honorific, _roles_after(doc, end))
    # 2. a position, then a run of capitalised words ending in a name
    for match in _POSITION.finditer(text):
        if is_excluded(match.start()):
            continue
        window_end = min(len(text), match.end() + 120)
        for run in _CAP_RUN.finditer(text, match.end(), window_end):
            gap = text[match.end() : run.start()]
            if re.search(r"[.;:\n]|\b(?:của|và|với|cho)\b", gap):
                break
            if gap.count(",") > 1:
                break
            words = run.group(0).split()
            name = _split_run(words)
            if name is None and run.end() - match.end() < 80 and "," not in gap:
                name = _foreign_tail(words) if _is_foreign(words) else None
            if name is None:
                continue
            name_text = " ".join(name)
            start = run.end() - len(name_text)
            if _is_place(text, start, name_text) or is_excluded(start):
                break
            end = run.end()
            found.add(
                doc,
                name_text,
                start,
                end,
                _honorific_before(doc, start),
                _title_before(doc, start) + _roles_after(doc, end),
            )
            break
    # 3. a Vietnamese name followed by " - Position" or ", Position"
    for run in _CAP_RUN.finditer(text):
        words = run.group(0).split()
        name = _split_run(words)
        if not name or is_excluded(run.start()):
            continue
        name_text = " ".join(name)
        start = run.end() - len(name_text)
        if _is_place(text, start, name_text):
            continue
        roles = _roles_after(doc, run.end())
        if roles:
            found.add(doc, name_text, start, run.end(), _honorific_before(doc, start), roles)
    # 4. a kinship word or profession before, or a speech verb after, a full Vietnamese name
    for pattern in (_WEAK_CUE, _SPEECH_AFTER):
        for match in pattern.finditer(text):
            words = match.group("name").split()
            if _split_run(words) != words or is_excluded(match.start("name")):
                continue
            if _is_place(text, match.start("name"), match.group("name")):
                continue
            found.add(
                doc,
                match.group("name"),
                match.start("name"),
                match.end("name"),
                None,
                _roles_after(doc, match.end("name")),
            )
    # 5. a signature in capitals at the foot of a letter
    _signature(doc, found)
    people = _merge_short_forms(list(found.people.values()))
    for person in people:
        person.country = _country_of(doc, person)
    return people, _organizations(doc, people)


_FULL_NAME = rf"(?P<name>{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{1,3}})(?![\w])"
_WEAK_CUE = re.compile(
    r"(?<![\w])(?i:anh|chị|em|cô|thầy|cụ|chú|bác|cháu|bé|nghệ nhân|nghệ sĩ|bác sĩ|nhà báo|nhạc sĩ|họa sĩ|"
    r"nhà văn|nhà thơ|luật sư|kỹ sư|sinh viên|học sinh|giáo sư|GS\.?|PGS\.?|TS\.?|ThS\.?|PGS\.TS\.?|"
    rf"GS\.TS\.?|thượng tá|trung tá|đại tá|thiếu tá|đại úy|hòa thượng|linh mục)\s+{_FULL_NAME}"
)
_SPEECH_AFTER = re.compile(
    rf"(?<![\w]){_FULL_NAME}(?=\s+(?:cho biết|phát biểu|nhấn mạnh|khẳng định|chia sẻ|bày tỏ|nói|đề nghị|"
    r"mong muốn|cảm ơn|chúc mừng|trao|tặng)\b)"
)


def _is_foreign(words: list[str]) -> bool:
    return any(not _looks_vietnamese(word) for word in words)


_ORGANISATION_WORDS = re.compile(
    r"\b(?:International|Foundation|Fund|Vision|Organi[sz]ation|Association|Corporation|Group|Company|Ltd|Inc|"
    r"JSC|Bank|University|Institute|Cent(?:er|re)|Society|Network|Aid|Care|Oxfam|UNICEF|UNDP|KOICA|JICA|USAID|"
    r"Habitat|Humanity|Children|Project|Program(?:me)?|Council|Agency|Committee|Partners?)\b"
)


def _is_place(text: str, start: int, name: str) -> bool:
    """A place, an organisation or an anniversary's subject, not a person named in the text."""
    before = text[max(0, start - 20) : start]
    if _ORGANISATION_WORDS.search(name):
        return True
    if re.search(
        r"(?i:ngày sinh|năm sinh|ngày mất|sinh nhật)\s+(?:(?i:của\s+)?(?:đồng chí|chủ tịch|bác)\s+)?$",
        text[max(0, start - 40) : start],
    ):
        return True  # "kỷ niệm 100 năm ngày sinh đồng chí X": an anniversary
    if name == "Hồ Chí Minh" and re.search(r"(?:Chủ tịch|Bác)\s*$", before):
        return False  # the president, named as a person
    if _PLACE_BEFORE.search(before) or _CAN_CHI.match(name):
        return True
    if _ADMIN_BEFORE.search(before) and _is_foreign(name.split()):
        return True  # "tỉnh Tbong Kh'mum"
    return unify(name) in KNOWN_PLACES


def _honorific_before(doc: Document, start: int) -> str | None:
    match = re.search(r"(?<!\w)(ông|bà|ngài|đồng chí|đ/c)\s+$", doc.key[max(0, start - 12) : start], re.I)
    return _HONORIFICS.get(match.group(1).lower()) if match else None


def _signature(doc: Document, found: _Found) -> None:
    """The signer of a letter: a name under a position line in capitals ("PHÓ BÍ THƯ")."""
    lines = [(m.start(), m.group(0).strip()) for m in re.finditer(r"[^\n]+", doc.text)]
    tail = lines[-12:]
    for index, (_, line) in enumerate(tail):
        if not (line.isupper() and _SIGNING_POSITION.match(line)):
            continue
        for start, candidate in tail[index + 1 : index + 4]:
            words = candidate.split()
            if (
                2 <= len(words) <= 4
                and all(w[:1].isupper() for w in words)
                and unify(words[0].title()) in SURNAMES
            ):
                position = line[:1] + line[1:].lower()
                offset = doc.text.find(candidate, start)
                roles = [Role(title=position, position=position, organization=None)]
                found.add(doc, candidate, offset, offset + len(candidate), None, roles)
                return


_SIGNING_POSITION = re.compile(
    r"(?i)(phó\s+)?(bí thư|chủ tịch|giám đốc|trưởng ban|chánh văn phòng|tổng thư ký)\b"
)


def _merge_short_forms(people: list[Person]) -> list[Person]:
    """Drop a name that is the tail of a longer one ("Phương Nga" of "Nguyễn Phương Nga")."""
    names = [unify(p.name).casefold() for p in people]
    kept = []
    for person, name in zip(people, names, strict=True):
        longer = [other for other in names if other != name and other.endswith(" " + name)]
        if not longer:
            kept.append(person)
    return kept


def _country_of(doc: Document, person: Person) -> str | None:
    for role in person.roles:
        for mention in find_countries(Document(role.title, unify(role.title), (), None)):
            return mention.code
    first = unify(person.name.split()[0])
    return "VN" if first in SURNAMES and not _is_foreign(person.name.split()) else None


_ORG = re.compile(
    r"(?<!\w)((?:Liên hiệp các tổ chức hữu nghị|Liên hiệp CTCHN|LHCTCHN|Hội hữu nghị|Hội Hữu nghị|Ủy ban MTTQ|"
    r"Ủy ban Mặt trận Tổ quốc|Mặt trận Tổ quốc|UBND|Ủy ban nhân dân|HĐND|Hội đồng nhân dân|Ban Thường vụ|"
    r"Tổng Lãnh sự quán|Đại sứ quán|Hội Những người|Tổ chức)[^,;.:()\n]{0,60}?)"
    r"(?=\s*(?:[,;.:()\n]|\s(?:và|đã|cùng|tổ chức|phối hợp|với|cho|tại|về|là|trong)\b))"
)


def _organizations(doc: Document, people: list[Person]) -> list[Organization]:
    seen: dict[str, Organization] = {}
    for match in _ORG.finditer(doc.text):
        name = match.group(1).strip()
        acronym = re.search(r"\(([A-ZĐ]{2,10})\)", doc.text[match.end() : match.end() + 12])
        if name.casefold() in seen:
            continue
        countries = find_countries(Document(name, unify(name), (), None))
        seen[name.casefold()] = Organization(
            name=name,
            acronym=acronym.group(1) if acronym else None,
            country=countries[0].code if countries else "VN",
            evidence=doc.evidence(match.start(), match.end()),
        )
    return list(seen.values())
