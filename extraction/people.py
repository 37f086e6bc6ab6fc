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

from extraction.countries import find_countries
from extraction.records import Organization, Person, Role
from extraction.text import Document, unify

SURNAMES = frozenset(
    unify(name)
    for name in (
        "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Lâm Trương Đinh Mai Tô Hà "
        "Thái Lưu Trịnh Đoàn Cao Lương Chu Châu Quách Tạ Triệu Kiều Văn Đàm Hứa Lại Nông Lò Quan Khổng "
        "Thạch Danh Kim Sơn Uông Phùng Mạc Tăng Vương Âu Diệp Giang Hàn Khúc Lục Mã Nghiêm Ông Phí Quang Tôn "
        "Từ Vi Viên Yên Bạch Bế Cù Doãn Đồng Đới Hầu Hoa La Liêu Lạc Lã Mạch Nhan Ninh Tiêu Trang Trình Ứng "
        "Nhữ Cấn Chế Chương Hán Khương Lăng Lữ Thân Thi Giáp Hạ Lò Lỗ Mông Ngọ Kha Kiêm Thiều Tòng Lý Ngụy "
        "Nguỵ Siêk Siêng Sok Y H'"
    ).split()
)
_HONORIFICS = {
    "ông": "Ông", "bà": "Bà", "ngài": "Ngài", "đồng chí": "Đồng chí", "đ/c": "Đồng chí", "đ.c": "Đồng chí",
    "đc": "Đồng chí", "quý ông": "Ông", "quý bà": "Bà", "cụ": None, "anh": None, "chị": None, "nữ sĩ": None,
}
_HONORIFIC = re.compile(r"(?<![\w/])(quý ông|quý bà|đồng chí|đ/c|đ\.c|ông|bà|ngài)\s+(?=[A-ZĐÀ-Ỹ])", re.I)
# Words that begin a position ("Chủ tịch", "Phó Bí thư", "Tổng Lãnh sự"...)
_POSITIONS = (
    "Chủ tịch|Bí thư|Tổng Bí thư|Chủ nhiệm|Trưởng ban|Trưởng đoàn|Trưởng phòng|Trưởng|Giám đốc|Tổng Giám đốc|"
    "Tổng Lãnh sự|Lãnh sự|Đại sứ|Tham tán|Bộ trưởng|Thứ trưởng|Thủ tướng|Tổng thống|Quốc vương|Nhà vua|Hoàng tử|"
    "Công chúa|Tỉnh trưởng|Thống đốc|Thị trưởng|Tổng thư ký|Thư ký|Ủy viên|Uỷ viên|UV|UVBTV|UVTT|Chánh Văn phòng|"
    "Chánh văn phòng|Chánh|Viện trưởng|Hiệu trưởng|Chủ tịch nước|Phó|Nguyên|Giáo sư|GS|PGS|TS|Tiến sĩ|Thạc sĩ|"
    "Nhà báo|Nghệ sĩ|Thượng tướng|Trung tướng|Thiếu tướng|Đại tá|Thượng tá|Trung tá|Thiếu tá|Đại úy|Cố vấn|"
    "Điều phối viên|Trưởng đại diện|Đại diện|Người sáng lập|Nhà sáng lập|Chủ sở hữu|Giám mục|Hòa thượng|"
    "Thượng tọa|Linh mục|Mục sư|Phái viên|Phát ngôn viên|Chuyên gia|Tình nguyện viên|Tổng Biên tập|Phó Tổng Biên tập|"
    "Quyền|Bà mẹ Việt Nam anh hùng|Anh hùng|Thành ủy viên|Tỉnh ủy viên"
)
_POSITION = re.compile(rf"(?<!\w)({_POSITIONS})(?!\w)")
_NAME_WORD = r"[A-ZĐÀ-Ỹ][a-zà-ỹđ'’]*(?:-[A-Za-zà-ỹđ]+)*"
_CAPS_WORD = r"[A-ZĐÀ-Ỹ'’]{1,12}"
_CAP_RUN = re.compile(rf"{_NAME_WORD}(?:[ \t]+{_NAME_WORD})*")
_CAPS_NAME = re.compile(rf"(?<![\w])({_CAPS_WORD}(?:[ \t]+{_CAPS_WORD}){{1,4}})(?![\w])")
# capitalised words that are never part of a person's name
_NOT_NAME_WORDS = {
    unify(word)
    for word in (
        "Ủy Uỷ Ban Hội Liên Đảng Nhà Nước Việt Nam Tỉnh Thành Huyện Quận Xã Phường Sở Bộ Trung Ương TW UBND HĐND "
        "MTTQ VUFO Đại Sứ Quán Tổng Lãnh Chủ Tịch Phó Bí Thư Giám Đốc Đoàn Công Tác Trường Đại Học Viện Cục Vụ "
        "Văn Phòng Quốc Hội Chính Phủ Trưởng Lễ Ngày Tết Xuân Năm Tháng Hà Nội TP Cần Thơ Làng Đền Chùa Cầu "
        "Đường Phố Khu Ấp Thôn Tổ Cụm Hiệp Mặt Trận Tổ Quốc Dân Tộc Hữu Nghị Hòa Bình Kế Hoạch Chỉ Thị Nghị Quyết "
        "Chương Trình Ông Bà Ngài Đồng Chí Các Những Tại Theo Trong Với Về Cùng Sau Trước Khi Từ Đến Ảnh Nguồn "
        "Thứ Sáng Chiều Tối Trưa Đêm Hôm Nay Đây Đó Này Tiếp Thay Nhân Dịp Dự Tham Phát Biểu Ban Chấp Hành "
        "Thường Vụ Trực Cơ Quan Công Ty Tập Đoàn Quỹ Dự Án Ủy Ban Vương Quốc Cộng Hòa Liên Bang Và Hoặc Của"
    ).split()
}
_PLACE_BEFORE = re.compile(
    r"(?:trường|đường|phố|xã|huyện|tỉnh|thành phố|TP\.?|quận|phường|làng|cầu|chùa|bệnh viện|giải thưởng|"
    r"huân chương|tư tưởng|lăng|quảng trường|khu|ấp|thôn|bản|trạm|công viên|nhà văn hóa|thị trấn|thị xã|"
    r"tàu|sân bay|cảng|Trường|Đường|Xã|Huyện|Tỉnh|Quận|Phường|Lăng|Khu)\s*$"
)
_CREDIT = re.compile(r"\(?(?:Ảnh|Ảnh minh họa|Nguồn|Video|Clip|Đồ họa|Theo)\s*:?\s*[^)\n]{0,60}\)?")


def _title_case(name: str) -> str:
    return " ".join(word[:1] + word[1:].lower() for word in name.split())


def _split_run(words: list[str]) -> list[str] | None:
    """The person's name inside a run of capitalised words: from a surname to the end."""
    for i, word in enumerate(words):
        if unify(word) in SURNAMES and 2 <= len(words) - i <= 4:
            rest = words[i:]
            if not any(unify(w) in _NOT_NAME_WORDS for w in rest[1:]):
                return rest
    return None


def _foreign_tail(words: list[str]) -> list[str] | None:
    """A foreign name closing a run ("Hoa Kỳ Joe Biden"): the words after the last country or org word."""
    cut = 0
    for i, word in enumerate(words):
        if unify(word) in _NOT_NAME_WORDS or word.isupper() and len(word) > 1:
            cut = i + 1
    tail = words[cut:]
    text = " ".join(words)
    for country in ("Hoa Kỳ", "Trung Quốc", "Campuchia", "Lào", "Hàn Quốc", "Nhật Bản", "Ấn Độ", "Cu Ba", "Nga"):
        at = text.rfind(country)
        if at >= 0:
            tail = text[at + len(country) :].split()
    return tail if 2 <= len(tail) <= 4 else None


class _Found:
    def __init__(self) -> None:
        self.people: dict[str, Person] = {}

    def add(self, doc: Document, name: str, start: int, end: int, honorific: str | None, roles: list[Role]) -> None:
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
                name=name, honorific=honorific, roles=roles, country=None, evidence=evidence, mentions=[evidence]
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
    for start, end in lines[-2:]:
        line = doc.text[start:end].strip()
        words = line.replace("-", " ").split()
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
    for piece in re.split(r"\s*[,;]\s*|\s+-\s+|\s*–\s*|\s-(?=[A-ZĐÀ-Ỹ])", tail):
        piece = piece.strip().rstrip(").")
        if not piece or not _POSITION.match(piece):
            break
        piece = re.split(r"\s+(?:cho biết|phát biểu|nhấn mạnh|làm Trưởng đoàn|đã|và|cùng|tại|đến|dự)\b", piece)[0]
        roles.append(_role(piece[:120]))
    return roles


def _role(title: str) -> Role:
    title = title.strip(" ,;:-")
    match = re.match(rf"((?:Phó\s+|Nguyên\s+|Quyền\s+)?(?:{_POSITIONS})(?:\s+(?:thường trực|dự khuyết))?)\s*(.*)", title)
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
            if re.search(r"[.;:\n]|\b(?:của|và|với|tại|cho)\b", gap):
                break
            words = run.group(0).split()
            name = _split_run(words)
            if name is None and run.end() - match.end() < 80:
                name = _foreign_tail(words) if _is_foreign(words) else None
            if name is None:
                continue
            name_text = " ".join(name)
            start = run.end() - len(name_text)
            if _PLACE_BEFORE.search(text[max(0, start - 20) : start]) or is_excluded(start):
                break
            if name_text == "Hồ Chí Minh" and not re.search(r"(Chủ tịch|Bác)\s*$", text[:start]):
                break
            end = run.end()
            found.add(doc, name_text, start, end, _honorific_before(doc, start), _title_before(doc, start)
                      + _roles_after(doc, end))
            break
    # 3. a Vietnamese name followed by " - Position" or ", Position"
    for run in _CAP_RUN.finditer(text):
        words = run.group(0).split()
        name = _split_run(words)
        if not name or is_excluded(run.start()):
            continue
        name_text = " ".join(name)
        start = run.end() - len(name_text)
        if _PLACE_BEFORE.search(text[max(0, start - 20) : start]):
            continue
        roles = _roles_after(doc, run.end())
        if roles:
            found.add(doc, name_text, start, run.end(), _honorific_before(doc, start), roles)
    # 4. a signature in capitals at the foot of a letter
    _signature(doc, found)
    people = _merge_short_forms(list(found.people.values()))
    for person in people:
        person.country = _country_of(doc, person)
    return people, _organizations(doc, people)


def _is_foreign(words: list[str]) -> bool:
    tail = " ".join(words[-2:])
    return bool(re.search(r"[fjwzFJWZ]|[bcdfghklmnpqrstvxz]{2}\b", tail)) or all(
        unify(w) not in SURNAMES for w in words
    )


def _honorific_before(doc: Document, start: int) -> str | None:
    match = re.search(r"(?<!\w)(ông|bà|ngài|đồng chí|đ/c)\s+$", doc.key[max(0, start - 12) : start], re.I)
    return _HONORIFICS.get(match.group(1).lower()) if match else None


def _signature(doc: Document, found: _Found) -> None:
    lines = [(m.start(), m.group(0).strip()) for m in re.finditer(r"[^\n]+", doc.text)]
    tail = lines[-12:]
    for index, (start, line) in enumerate(tail):
        if not (line.isupper() and 2 <= len(line.split()) <= 4 and unify(line.split()[0].title()) in SURNAMES):
            continue
        position = None
        for _, previous in reversed(tail[:index]):
            if re.match(r"(?i)(phó\s+)?(bí thư|chủ tịch|giám đốc|trưởng ban|chánh văn phòng)", previous):
                position = previous.title() if previous.isupper() else previous
                position = re.sub(r"(?<=\s)(Thư|Tịch|Đốc|Ban|Phòng)", lambda m: m.group(0).lower(), position)
                break
        roles = [Role(title=position, position=position, organization=None)] if position else []
        offset = doc.text.find(line, start)
        found.add(doc, line, offset, offset + len(line), None, roles)


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
