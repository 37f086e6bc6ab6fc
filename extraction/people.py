"""People named in Vietnamese text, with honorifics, titles and country.

A run of capitalised words is a person's name when the text marks it as one:

- an honorific or a kinship word before it ("ông", "Ngài", "Đ/c", "chị");
- a title before it ("Chủ tịch VUFO Nguyễn Phương Nga", "Tổng thống Hoa Kỳ Joe
  Biden"): the name is what is left of the run once the places, countries and
  acronyms that close the title are taken off;
- a title after it ("Lê Thị Thanh Giang - Chủ tịch...", "Marc Knapper, Đại sứ...");
- its own shape: a Vietnamese surname followed by two or three more syllables
  ("Nguyễn Văn An phát biểu");
- the foot of a letter, under a position in capitals ("PHÓ BÍ THƯ").

A name right after the word for a street, a school, a building, an award or an
anniversary is not a person ("trường Lê Quý Đôn", "đường Lê Lợi"). Bylines and
photo credits are skipped. One person is one record: short mentions ("ông Mẫn",
"bà Thanh Giang") and repeated ones join the full name.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from extraction.countries import country_code, find_countries
from extraction.name_lexicon import (
    ADMIN_WORDS,
    HONORIFICS,
    KNOWN_PLACES,
    NEVER_FIRST,
    PERSON_CUES,
    PLACE_FILLERS,
    PLACE_WORDS,
    POSITION_PREFIXES,
    POSITIONS,
    SURNAMES,
)
from extraction.organizations import find_organizations
from extraction.records import Evidence, Organization, Person, Role
from extraction.text import Document
from extraction.variants import flex_any, fold, fold_phrase

# --- tokens and runs of capitalised words ------------------------------------------------

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*(?:-[^\W\d_]+)*")
# One Vietnamese syllable; a word that is not one belongs to a foreign name ("Sok", "Biden").
_VIET_SYLLABLE = re.compile(
    r"^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?"
    r"[aăâeêioôơuưyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]{1,3}"
    r"(?:ch|ng|nh|[cmnpt])?$"
)


@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    text: str

    @property
    def acronym(self) -> bool:
        """All capitals and short, like UBND, VUFO, TP (a name in capitals is handled apart)."""
        letters = self.text.replace("-", "")
        return len(letters) >= 2 and letters.isupper()


@lru_cache(maxsize=16384)
def _is_viet(word: str) -> bool:
    return bool(_VIET_SYLLABLE.match(word.lower()))


def _is_foreign(words: list[str] | tuple[str, ...]) -> bool:
    return any(not _is_viet(part) for word in words for part in re.split(r"['’-]", word) if part)


def _capitals() -> str:
    """A regex class body of the capital letters Vietnamese and Latin-script names use ("[A-Z]" misses "Đ")."""
    chars = [chr(code) for code in range(0x41, 0x2000) if chr(code).isupper()]
    ranges, start, previous = [], None, None
    for ch in chars:
        if start is None:
            start = previous = ch
        elif ord(ch) == ord(previous) + 1:
            previous = ch
        else:
            ranges.append((start, previous))
            start = previous = ch
    ranges.append((start, previous))
    return "".join(re.escape(a) if a == b else f"{re.escape(a)}-{re.escape(b)}" for a, b in ranges)


_UPPER = _capitals()
_CAP_WORD = rf"[{_UPPER}][^\W\d_]*(?:['’][^\W\d_]+)*(?:-[^\W\d_]+)*"
_CAP_RUN = re.compile(rf"(?<![\w'’-]){_CAP_WORD}(?:[ \t]{{1,2}}{_CAP_WORD})*(?![\w'’])")


@lru_cache(maxsize=4)
def _all_runs(text: str) -> tuple[tuple[_Token, ...], ...]:
    return tuple(tuple(_tokens(match.group(0), match.start())) for match in _CAP_RUN.finditer(text))


def _runs(text: str) -> list[list[_Token]]:
    """Maximal runs of capitalised words separated by single spaces on one line."""
    return (
        [list(run) for run in _all_runs(text)]
        if len(text) > 200
        else [list(_tokens(match.group(0), match.start())) for match in _CAP_RUN.finditer(text)]
    )


def _tokens(run: str, offset: int) -> list[_Token]:
    return [_Token(offset + m.start(), offset + m.end(), m.group(0)) for m in _WORD.finditer(run)]


# --- lexicon patterns ----------------------------------------------------------------------

_POSITION_CORE = flex_any(POSITIONS)
_POSITION = re.compile(
    rf"(?<![\w/])(?=[{_UPPER}])(?:(?:{flex_any(POSITION_PREFIXES)})\s+)*{_POSITION_CORE}(?!\w)(?!\s+quán)"
)
_POSITION_CI = re.compile(
    rf"(?<![\w/])(?:(?:{flex_any(POSITION_PREFIXES)})\s+)*{_POSITION_CORE}(?!\w)(?!\s+quán)", re.IGNORECASE
)
_PLACE_BEFORE = re.compile(rf"(?<![\w/])(?i:{flex_any(PLACE_WORDS)})[ \t]*$")
_ADMIN_BEFORE = re.compile(rf"(?<![\w/])(?i:{flex_any(ADMIN_WORDS)})[ \t]*$")
# "kỷ niệm 100 năm ngày sinh đồng chí X": the words between may be honorifics and a title
_ANNIVERSARY_BEFORE = re.compile(
    r"(?i:ngày sinh|năm sinh|ngày mất|ngày giỗ|ngày hy sinh|ngày về nước)[ \t]+(?:của[ \t]+)?"
    r"(?:(?i:cố|đồng chí|đ/c|ông|bà|chủ tịch|tổng bí thư|thủ tướng|đại tướng|bác|nhà thơ|nhà văn|anh hùng|liệt sĩ|"
    r"nhà cách mạng|lãnh tụ|danh nhân|nhạc sĩ)[ \t]+){0,3}$"
)
_FILLER_AT_END = re.compile(r"(?:[ \t]+|^)([^\W\d_][\w&.'’-]*)[ \t]*$")
_NUMBER_BEFORE = re.compile(r"(?:\d+[A-Za-z]?(?:/\d+)?|số)[ \t]*$")
# Words that end a clause's grammar: a title never runs across them.
_GAP_STOP = re.compile(
    r"(?<!\w)(?i:và|cùng|cùng với|với|đã|sẽ|đang|vừa|có|là|được|bị|cho|tiếp|thăm|gặp|dự|trao|tặng|nói|"
    r"cho biết|phát biểu|chủ trì|dẫn đầu|làm|nhận|gửi|mời|chúc|đề nghị|khẳng định|nhấn mạnh|bày tỏ|"
    r"cảm ơn|hội đàm|hội kiến|(?<!các )tổ chức|phối hợp|khi|nhưng|nên|để|nhằm|theo|về|như|từ|trong|trên|sau|"
    r"trước|nhân|do|bởi|thì|mà|nếu|ông|bà|ngài|đồng chí|đ/c|đến|đi|tham|tại buổi|qua|thay mặt|"
    r"đánh giá|giới thiệu|chia sẻ|trân trọng|hoan nghênh|tuyên dương|phụ trách|kiêm|này|đó|khác|"
    r"thông qua|gồm|là người|nhiều|mỗi|một số)(?!\w)"
)
_CLAUSE_BREAK = re.compile(r"[\n.;:!?\"“”()\[\]]")
_ACRONYM_BRACKETS = re.compile(r"\([A-ZĐ][A-ZĐ0-9 &-]{1,15}\)")
# Where a title written after a name ends: the verb of the clause, or a conjunction.
_ROLE_STOP = re.compile(
    r"[ \t]+(?:(?i:cho biết|phát biểu|nhấn mạnh|khẳng định|đánh giá|chia sẻ|bày tỏ|cảm ơn|chúc mừng|đề nghị|"
    r"mong muốn|thông tin|nói|làm trưởng đoàn|làm phó trưởng đoàn|dẫn đầu|đã|đang|sẽ|vừa|cùng|đến|"
    r"tham dự|dự(?! khuyết)|tiếp|thăm|chủ trì|trao|tặng|gửi|ký|được|có|là|chụp|tham gia|đọc|trình bày|"
    r"điều hành|nhận|lên|về việc|cũng|luôn|khi|trong|nhân dịp|nhân|thay mặt|với|của các|cùng với|đồng thời|"
    r"hiện là|hiện đang)(?!\w)"
    # "tại" goes on in a title only before a place: "Tổng Lãnh sự Nhật Bản tại Đà Nẵng"
    rf"|(?i:tại)(?![ \t]+(?:thành phố|TP|Tp|tỉnh|huyện|thủ đô|(?!Hội |Lễ |Buổi |Đại hội|Diễn đàn)[{_UPPER}]))).*$",
    re.DOTALL,
)
_SPEECH_AFTER = re.compile(
    r"^[ \t]*(?:\([^)\n]{1,40}\)[ \t]*)?(?:cho biết|phát biểu|nhấn mạnh|khẳng định|chia sẻ|bày tỏ|nói|"
    r"đề nghị|mong muốn|cảm ơn|chúc mừng|trao|tặng|gửi|tiếp|thăm|dẫn đầu|chủ trì|đánh giá|đề xuất|"
    r"kiến nghị|trả lời|thông tin|giới thiệu|khẳng định|tâm sự|kể|hy vọng|tin tưởng)(?!\w)"
)
# A credit's label, just before its colon: "Ảnh: Minh Đức", "Bài và ảnh: ..."
_CREDIT_LABEL = re.compile(
    r"(?<![\w])(?i:ảnh|ảnh minh họa|ảnh minh hoạ|nguồn|video|clip|đồ họa|đồ hoạ|tin|bài|tin và ảnh|bài và ảnh|"
    r"tin, ảnh|bài, ảnh|tin-ảnh|bài-ảnh|thực hiện|trình bày|biên tập|thiết kế|ảnh và bài)[ \t]*$"
)
_SIGNING = re.compile(
    r"^(?:(?:KT|TM|TL|TUQ|Q|T/M|K/T|T/L)\.?[ \t]*[^\n]{0,40}\n+[ \t]*)?"
    r"(?:PHÓ |Q\. |QUYỀN )?(?:BÍ THƯ|CHỦ TỊCH|GIÁM ĐỐC|TRƯỞNG BAN|CHÁNH VĂN PHÒNG|TỔNG THƯ KÝ|CHỦ NHIỆM|"
    r"TỔNG GIÁM ĐỐC|VIỆN TRƯỞNG|HIỆU TRƯỞNG|TRƯỞNG PHÒNG|CỤC TRƯỞNG|VỤ TRƯỞNG|BỘ TRƯỞNG|THỨ TRƯỞNG|"
    r"ĐẠI SỨ|TỔNG LÃNH SỰ|TRƯỞNG ĐOÀN|TRƯỞNG ĐẠI DIỆN|THƯ KÝ)(?: [^\n]{0,40})?$"
)
_SIGNED_NOTE = re.compile(
    r"^\(?(?:đã ký|ký tên|ký|\[?daky\]?|đã ký và đóng dấu|ký, ghi rõ họ tên)[^)\n]*\)?$", re.I
)


# --- the finder ----------------------------------------------------------------------------


@dataclass
class _Mention:
    name: str
    start: int
    end: int
    honorific: str | None
    roles: list[Role]
    full: bool  # False for a short reference ("ông Mẫn")


def find_people(doc: Document) -> tuple[list[Person], list[Organization]]:
    """The people a document names, once each, and the organisations it names."""
    text = doc.text
    excluded = _excluded_spans(text)
    mentions: list[_Mention] = []
    for run in _runs(text):
        if any(a <= run[0].start < b for a, b in excluded):
            continue
        if len(run) == 1:
            mentions.extend(_short_reference(text, run[0]))
            continue
        mentions.extend(_mentions_in_run(text, run))
    mentions.extend(_signatures(text))
    people = _merge(doc, mentions)
    return people, find_organizations(doc, tuple(person.name for person in people))


def _short_reference(text: str, token: _Token) -> list[_Mention]:
    """ "ông Mẫn": a one-word name after an honorific, which only refers to someone named in full."""
    honorific = _cue_before(text[max(0, token.start - 16) : token.start])
    if honorific is None or fold(token.text) in NEVER_FIRST:
        return []
    return [_Mention(token.text, token.start, token.end, honorific, [], False)]


def _mentions_in_run(text: str, run: list[_Token]) -> list[_Mention]:
    """The person (or people) a run of capitalised words names, read with its context."""
    found: list[_Mention] = []
    tokens = list(run)
    line_start = text.rfind("\n", 0, tokens[0].start) + 1
    while tokens:
        before = text[line_start : tokens[0].start]
        mention, used = _read_at(text, tokens, before)
        if mention:
            found.append(mention)
        tokens = tokens[max(used, 1) :]
    return found


def _read_at(text: str, tokens: list[_Token], before: str) -> tuple[_Mention | None, int]:
    """The mention starting at or within `tokens[0:]`, and how many tokens were read."""
    all_caps_run = all(token.text.isupper() for token in tokens)
    # an honorific or kinship word, written before the run or as its first word
    near = before[-40:]
    honorific, cue, skip = _cue_before(near), _kin_before(near), 0
    if honorific is None and not cue and len(tokens) > 1:
        first = fold(tokens[0].text)
        if first in HONORIFICS and tokens[0].text[1:].islower():
            honorific, skip = HONORIFICS[first], 1
        elif first in _CUE_WORDS_CAPITAL:
            cue, skip = True, 1
    body = tokens[skip:]
    if not body:
        return None, len(tokens)
    if _POSITION.match(text, body[0].start):
        return None, skip + 1  # "Ngài Chủ tịch ..." : the title comes first, read on
    if all_caps_run and honorific is None:
        return None, len(tokens)  # headings in capitals; names in capitals need an honorific
    if honorific or cue:
        return _after_honorific(text, body, honorific, cue), skip + max(len(_name_prefix(text, body)), 1)
    title = _title_before(text, body[0].start, before)
    if title is not None:
        return _after_title(text, body, title)
    return _bare(text, body, before), len(tokens)


_CUE_WORDS_CAPITAL = frozenset(
    fold(word) for word in ("Anh", "Chị", "Em", "Cô", "Chú", "Bác", "Cụ", "Thầy", "Cháu")
)


def _last_words(before: str, count: int) -> list[str]:
    """The folded phrases made of the last 1..count words of `before`, if it ends with a blank.

    Empty unless the last word can end a cue: most capitalised words follow none.
    """
    if not before or before[-1] not in " \t:":
        return []
    words = before.replace(":", " ").split()[-count:]
    if not words or fold(words[-1]) not in _CUE_ENDINGS:
        return []
    return [" ".join(fold(word) for word in words[-size:]) for size in range(1, len(words) + 1)]


def _cue_before(before: str) -> str | None:
    """The honorific written right before a name ("ông", "Đ/c", "các đồng chí:"), if any."""
    for phrase in reversed(_last_words(before, 2)):
        if phrase in HONORIFICS:
            return HONORIFICS[phrase]
    return None


_KIN_WORDS = frozenset(fold_phrase(cue) for cue in PERSON_CUES)
_CUE_ENDINGS = frozenset(phrase.split()[-1] for phrase in [*HONORIFICS, *_KIN_WORDS])


def _kin_before(before: str) -> bool:
    """Whether a kinship or profession word stands right before a name ("chị", "nhà báo")."""
    return any(phrase in _KIN_WORDS for phrase in _last_words(before, 3))


def _name_prefix(text: str, tokens: list[_Token]) -> list[_Token]:
    """The leading tokens that can belong to a name: up to a title, an acronym or an organisation word."""
    name: list[_Token] = []
    caps = all(token.text.isupper() for token in tokens[:5])
    for token in tokens:
        if len(name) >= 5:
            break
        if name and (
            (token.acronym and not caps)
            or fold(token.text) in _ORG_WORDS
            or _POSITION.match(text, token.start)
        ):
            break
        name.append(token)
    return name


# Capitalised words that open an organisation's name and never stand inside a person's
_ORG_WORDS = frozenset(
    fold(word) for word in "Ủy Uỷ Hội Sở Bộ Tỉnh Huyện Quận Xã Phường Ban Đảng Cục Tổng".split()
)


def _after_honorific(text: str, body: list[_Token], honorific: str | None, cue: bool) -> _Mention | None:
    country = _leading_country(body)
    if country and len(body) - country >= 2:
        body = body[country:]  # "nhà báo Mỹ John Smith", "sinh viên Lào Bounmy Phommachanh"
    name_tokens = _name_prefix(text, body)
    words = [token.text for token in name_tokens]
    if not words:
        return None
    start, end = name_tokens[0].start, name_tokens[-1].end
    if _is_place_context(text, start, words) and honorific is None:
        return None
    if _ANNIVERSARY_BEFORE.search(text[text.rfind("\n", 0, start) + 1 : start]):
        return None  # "kỷ niệm 100 năm ngày sinh đồng chí X"
    if fold_phrase(" ".join(words)) in KNOWN_PLACES:
        return None
    roles = _roles_after(text, end)
    full = _is_full_name(words, strong=honorific is not None or cue, roles=roles)
    if not full and len(words) > 2:
        return None
    if cue and not full:
        return None
    return _Mention(_display(words), start, end, honorific, roles, full)


def _is_full_name(words: list[str], strong: bool, roles: list[Role]) -> bool:
    """Whether the words are a whole name rather than a given name used as a reference."""
    if len(words) < 2 or len(words) > 5:
        return False
    if fold(words[0]) in NEVER_FIRST and fold(words[0]) not in SURNAMES:
        return False
    if fold(words[0]) in SURNAMES and len(words) <= 4:
        return True
    if _is_foreign(words):
        return strong or bool(roles)
    # Vietnamese-looking words without a surname: minority names ("Y Ngông Niê Kdăm")
    # run to three and more words; two such words are a given name ("bà Thanh Giang").
    return strong and len(words) >= 3


def _title_before(text: str, at: int, before: str) -> list[Role] | None:
    """The title written right before position `at`, as roles, or None when there is none."""
    starts = _position_starts(text)
    first = bisect.bisect_left(starts, at - 240)
    if first == len(starts) or starts[first] >= at:
        return None  # no position in reach: the common case, kept cheap
    masked = _ACRONYM_BRACKETS.sub(lambda m: " " * len(m.group(0)), before)
    clause_start = max((m.end() for m in _CLAUSE_BREAK.finditer(masked)), default=0)
    clause = before[clause_start:]
    matches = [m for m in _POSITION.finditer(clause) if _title_gap_ok(clause[m.end() :])]
    if not matches:
        return None
    first = matches[0]
    # go back over a chain of titles: "Bí thư Đảng đoàn, Chủ tịch VUFO ..."
    phrase = clause[first.start() :].rstrip(" \t,")
    if len(phrase) > 220:
        return None
    return _split_roles(phrase)


@lru_cache(maxsize=4)
def _position_starts(text: str) -> list[int]:
    return [match.start() for match in _POSITION.finditer(text)]


def _title_gap_ok(gap: str) -> bool:
    """Whether the words between a position and a name can all belong to the title."""
    stripped = gap.rstrip()
    if stripped.endswith(","):
        stripped = stripped[:-1]  # "Chủ tịch VUFO, Phan Anh Sơn"
    if len(stripped.split()) > 16 or _GAP_STOP.search(stripped):
        return False
    # chained titles are joined by commas or dashes, each piece opening with a position
    pieces = re.split(r"[ \t]*,[ \t]*|[ \t]+[-–][ \t]+|[ \t]*-[ \t]+", stripped)
    if any(_names_someone(piece) for piece in pieces):
        return False  # another person stands between: "Phó Chủ tịch X, Phó Chủ tịch Y"
    for piece in pieces[1:]:
        if piece and not _POSITION.match(piece) and not _continues_org(piece):
            return False
    return True


def _continues_org(piece: str) -> bool:
    """A comma piece inside an organisation's name ("Sở Văn hóa, Thể thao và Du lịch")."""
    return bool(re.match(r"[^\W\d_]", piece)) and piece[0].isupper() and len(piece.split()) <= 6


def _after_title(text: str, body: list[_Token], roles: list[Role]) -> tuple[_Mention | None, int]:
    """The name that closes a run after a title, once the title's own words are taken off."""
    rest, stripped_country, stripped_place = _strip_title_words(body)
    if not rest:
        # "Chủ tịch Hồ Chí Minh": a known place name right after a bare position names the person
        if stripped_place and _person_place(text, body, roles):
            words = [token.text for token in body]
            return _Mention(" ".join(words), body[0].start, body[-1].end, None, roles, True), len(body)
        return None, len(body)
    used = len(body)
    name_tokens = _vietnamese_name(text, rest)
    if name_tokens is None:
        prefix = _name_prefix(text, rest)
        words = [token.text for token in prefix]
        if not (2 <= len(words) <= 5):
            return None, used
        if not (_is_foreign(words) or stripped_country) or fold(words[0]) in NEVER_FIRST:
            return None, used
        if rest[0] is not body[0] and not (stripped_country or stripped_place or body[0].acronym):
            return None, used
        name_tokens = prefix
    words = [token.text for token in name_tokens]
    start, end = name_tokens[0].start, name_tokens[-1].end
    if _is_place_context(text, start, words, titled=True):
        return None, used
    if start > body[0].start and roles:
        # the title's last words are in the run: "Bí thư Tỉnh ủy [Sóc Trăng] Lâm Văn Mẫn"
        roles = [*roles[:-1], _role(roles[-1].title + " " + text[body[0].start : start].strip(" ,"))]
    roles = roles + _roles_after(text, end)
    used = body.index(name_tokens[-1]) + 1
    return _Mention(_display(words), start, end, _honorific_near(text, start), roles, True), used


def _strip_title_words(tokens: list[_Token]) -> tuple[list[_Token], bool, bool]:
    """Take the places, countries and acronyms that end a title off the front of a run."""
    rest = list(tokens)
    stripped_country = stripped_place = False
    while rest:
        size = _leading_place(rest)
        if size:
            stripped_place = True
            rest = rest[size:]
            continue
        size = _leading_country(rest)
        if size:
            stripped_country = True
            rest = rest[size:]
            continue
        if rest[0].acronym and not all(token.text.isupper() for token in rest):
            rest = rest[1:]
            continue
        break
    return rest, stripped_country, stripped_place


def _leading_place(tokens: list[_Token]) -> int:
    for size in range(min(4, len(tokens)), 0, -1):
        if fold_phrase(" ".join(token.text for token in tokens[:size])) in KNOWN_PLACES:
            return size
    return 0


def _leading_country(tokens: list[_Token]) -> int:
    for size in range(min(6, len(tokens)), 0, -1):
        phrase = " ".join(token.text for token in tokens[:size])
        if phrase in ("Việt Nam", "Việt") or country_code(phrase):
            return size
    return 0


def _vietnamese_name(text: str, tokens: list[_Token]) -> list[_Token] | None:
    """A surname and two to four syllables in all, from the earliest surname that fits."""
    for index, token in enumerate(tokens):
        if fold(token.text) not in SURNAMES:
            continue
        name = _name_prefix(text, tokens[index:])
        if 2 <= len(name) <= 4 and all(_is_viet(t.text) for t in name[1:]):
            if index + len(name) < len(tokens) and not _ends_name(text, tokens[index + len(name)]):
                continue  # the run goes on with more name-like words: not this surname
            return name
    return None


def _ends_name(text: str, token: _Token) -> bool:
    return token.acronym or bool(_POSITION.match(text, token.start)) or fold(token.text) in NEVER_FIRST


def _person_place(text: str, body: list[_Token], roles: list[Role]) -> bool:
    """Known places that are also people's names, after a bare title: "Chủ tịch Hồ Chí Minh"."""
    words = " ".join(token.text for token in body)
    if fold_phrase(words) not in _PERSON_PLACES or not roles or roles[-1].organization:
        return False
    before = text[max(0, body[0].start - 60) : body[0].start]
    before = before[: before.rfind(roles[-1].title)] if roles[-1].title in before else before
    return not _PLACE_BEFORE.search(before.rstrip()) and not _ANNIVERSARY_BEFORE.search(before)


_PERSON_PLACES = frozenset(fold_phrase(name) for name in ("Hồ Chí Minh",))


def _bare(text: str, tokens: list[_Token], before: str) -> _Mention | None:
    """A name known by its shape or by a title after it: "Nguyễn Văn An cho biết"."""
    name_tokens = _vietnamese_name(text, tokens)
    if name_tokens is None:
        prefix = _name_prefix(text, tokens)
        words = [token.text for token in prefix]
        if 2 <= len(words) <= 5 and _is_foreign(words) and fold(words[0]) not in NEVER_FIRST:
            roles = _roles_after(text, prefix[-1].end, strict=True)
            if roles and not _is_place_context(text, prefix[0].start, words):
                return _Mention(_display(words), prefix[0].start, prefix[-1].end, None, roles, True)
        return None
    if name_tokens[0] is not tokens[0] and not _is_title_like(tokens[: tokens.index(name_tokens[0])]):
        return None
    words = [token.text for token in name_tokens]
    start, end = name_tokens[0].start, name_tokens[-1].end
    if _holds_place(words) or _is_place_context(text, start, words):
        return None
    if re.search(r"[^\W\d_][ \t]*[-–][ \t]*$", text[max(0, start - 3) : start]):
        return None  # "Việt - Hoa Cần Thơ": part of a compound proper name
    roles = _roles_after(text, end, strict=True)
    if len(words) == 2 and not (roles or _SPEECH_AFTER.match(text, end)):
        return None  # two words alone may be a place or a street ("Lê Lợi")
    if _title_case_line(text, start):
        return None  # a headline In Title Case: its capitals say nothing
    return _Mention(_display(words), start, end, None, roles, True)


def _title_case_line(text: str, at: int) -> bool:
    start = text.rfind("\n", 0, at) + 1
    end = text.find("\n", at)
    words = _WORD.findall(text[start : end if end >= 0 else len(text)])
    return len(words) >= 6 and sum(word[0].isupper() for word in words) >= 0.8 * len(words)


def _holds_place(words: list[str]) -> bool:
    """Whether a known place makes up some of the words ("Hoa Cần Thơ")."""
    keys = [fold(word) for word in words]
    for size in range(len(keys), 1, -1):
        for start in range(len(keys) - size + 1):
            if " ".join(keys[start : start + size]) in KNOWN_PLACES:
                return True
    return False


def _is_title_like(tokens: list[_Token]) -> bool:
    """Words before a surname in a run that do not make it something else ("Theo", "Tại")."""
    return all(fold(token.text) in _OPENERS for token in tokens)


_OPENERS = frozenset(
    fold(word) for word in ("Theo", "Tại", "Với", "Cùng", "Sau", "Khi", "Và", "Nhưng", "Còn", "Thay")
)


def _is_place_context(text: str, start: int, words: list[str], titled: bool = False) -> bool:
    """Whether the text before a name makes it a place, a school, a street or an anniversary."""
    line_start = text.rfind("\n", 0, start) + 1
    before = text[max(line_start, start - 80) : start]
    trimmed = before
    while True:
        match = _FILLER_AT_END.search(trimmed)
        if not match:
            break
        word = match.group(1)
        if fold(word) in PLACE_FILLERS or (word.isupper() and len(word) >= 2):
            trimmed = trimmed[: match.start(1)].rstrip()
            continue
        break
    if _ADMIN_BEFORE.search(trimmed):
        # "tỉnh Tbong Kh'mum", "xã Lê Lợi"; but "UBND thành phố Hồ Kỳ Minh" after a title is a person
        return not titled or _is_foreign(words) or len(words) < 3
    if _PLACE_BEFORE.search(trimmed) or _NUMBER_BEFORE.search(before):
        return True
    return bool(_ANNIVERSARY_BEFORE.search(before))


def _honorific_near(text: str, start: int) -> str | None:
    """An honorific just before the title that precedes a name ("ông Chủ tịch ... X" is rare; "Ngài")."""
    line_start = text.rfind("\n", 0, start) + 1
    clause = text[line_start:start]
    clause = clause[max((m.end() for m in _CLAUSE_BREAK.finditer(clause)), default=0) :]
    match = re.search(r"(?<![\w/])(ngài|ông|bà|đồng chí|đ/c)[ \t]+(?=\S)", clause, re.IGNORECASE)
    if not match or _GAP_STOP.search(clause[match.end() :].replace(match.group(1), "")):
        return None
    return HONORIFICS.get(fold_phrase(match.group(1).lower()))


# --- titles --------------------------------------------------------------------------------


def _roles_after(text: str, end: int, strict: bool = False) -> list[Role]:
    """Titles written after a name: "X - Chủ tịch ...", "X, Phó Chủ tịch ...", "X (Chủ tịch ...)"."""
    window = text[end : end + 400]
    line_end = window.find("\n")
    window = window if line_end < 0 else window[:line_end]
    opener = re.match(
        r"[ \t]*(?:\([^)]{1,40}\)[ \t]*)?(?:[-–,:(][ \t]*|[ \t]+(?=(?:nguyên|là)[ \t]))", window
    )
    roles: list[Role] = []
    if opener:
        tail = window[opener.end() :]
        tail = re.sub(r"^(?:là|nguyên là)[ \t]+", "", tail)
        if _POSITION_CI.match(tail):
            sentence_end = _SENTENCE_END.search(tail)
            tail = tail[: sentence_end.start()] if sentence_end else tail
            if "(" in window[: opener.end()] and ")" in tail:
                tail = tail[: tail.index(")")]
            roles = _split_roles(tail, stop_at_verbs=True)
    leader = _LEADER.search(_clause_after(text, end))
    if leader:
        roles.append(_role(leader.group(1)[:1].upper() + leader.group(1)[1:]))
    return roles


_SENTENCE_END = re.compile(r"(?<!\bTP)(?<!\bTp)(?<!\b[A-ZĐ])[.;!?](?=\s|$)|[\"“”]")
# "do ông X, Ủy viên ..., làm Trưởng đoàn": the leader of a delegation
_LEADER = re.compile(r"^[^;]{0,160}?[ \t]làm[ \t]+((?:[Pp]hó[ \t]+)?[Tt]rưởng[ \t]+đoàn)(?!\w)")


def _clause_after(text: str, end: int) -> str:
    """The rest of a name's sentence, up to the next person named in it."""
    window = text[end : end + 200]
    stop = _SENTENCE_END.search(window)
    window = window[: stop.start()] if stop else window
    other = re.search(r"(?<![\w/])(?i:ông|bà|ngài|đồng chí|đ/c)[ \t]+[^\W\d_]", window)
    return window[: other.start()] if other else window


def _split_roles(phrase: str, stop_at_verbs: bool = False) -> list[Role]:
    """Split "Bí thư Đảng đoàn, Chủ tịch VUFO" into roles; a piece that is no title ends the list."""
    pieces = re.split(r"([ \t]*[,;][ \t]*|[ \t]+[-–][ \t]+|[ \t]*[-–][ \t]+|[ \t]+kiêm[ \t]+)", phrase)
    titles: list[str] = []
    for index in range(0, len(pieces), 2):
        piece = pieces[index].strip()
        separator = pieces[index - 1].strip() if index else ""
        if not piece:
            continue
        cut = _role_end(piece) if stop_at_verbs else None
        if cut is not None:
            piece = piece[:cut].strip()
        piece = re.sub(r"[ \t]*\((?![A-ZĐ][A-ZĐ0-9 &-]*\))[^)]*\)$", "", piece)  # "(Liên hiệp)": a short name
        if _POSITION_CI.match(piece) and not _names_someone(piece):
            titles.append(piece)
        elif titles and separator in (",", "-", "–") and _continues_org(piece) and not _names_someone(piece):
            titles[-1] += (", " if separator == "," else " - ") + piece
        else:
            break
        if cut is not None:
            break
    return [_role(title) for title in titles if title and len(title) <= 160]


def _role_end(piece: str) -> int | None:
    """Where the verb of the clause or a conjunction of people cuts a title piece, if anywhere."""
    cuts = []
    stop = _ROLE_STOP.search(piece)
    if stop:
        cuts.append(stop.start())
    for match in re.finditer(r"[ \t]+và[ \t]+(\S)", piece):
        if match.group(1).islower() or _POSITION.match(piece, match.start(1)):
            cuts.append(match.start())  # "và lãnh đạo ...", "và Giám đốc Sở ..." : someone else
            break
    return min(cuts) if cuts else None


def _names_someone(piece: str) -> bool:
    """Whether a title piece ends with another person's name ("Phó Chủ tịch UBND Trần Văn Miên")."""
    runs = _runs(piece)
    if not runs:
        return False
    last = runs[-1]
    if last[-1].end < len(piece.rstrip(" ,.")):
        return False
    rest, _, _ = _strip_title_words(last)
    name = _vietnamese_name(piece, rest) if rest else None
    return bool(name and name[-1] is rest[-1] and not _holds_place([t.text for t in name]))


def _role(title: str) -> Role:
    title = re.sub(r"\s+", " ", title).strip(" ,;:-–")
    match = _POSITION_CI.match(title)
    if not match:
        return Role(title=title, position=None, organization=None)
    position = title[: match.end()].strip()
    organization = title[match.end() :].strip(" ,") or None
    return Role(title=title, position=position, organization=organization)


# --- bylines, credits, signatures -----------------------------------------------------------


def _excluded_spans(text: str) -> list[tuple[int, int]]:
    """Photo credits anywhere, and the byline on the last lines of an article."""
    spans = []
    colon = text.find(":")
    while colon >= 0:
        label = _CREDIT_LABEL.search(text, max(0, colon - 20), colon)
        if label:
            end = colon + 1
            while end < len(text) and text[end] not in "()\n:" and end - colon < 60:
                end += 1
            after_colon = text[colon + 1 : end].strip()
            # "Ảnh: Bà X trao quà..." is a caption, not a credit
            caption = _cue_before(after_colon.split(" ")[0] + " ") or _POSITION.match(after_colon)
            if not caption and len(after_colon.split()) <= 8:
                spans.append((label.start(), end))
        colon = text.find(":", colon + 1)
    lines = [
        (m.start(), m.end(), m.group(0).strip()) for m in re.finditer(r"[^\n]+", text) if m.group(0).strip()
    ]
    for index in range(max(0, len(lines) - 3), len(lines)):
        start, end, line = lines[index]
        if _is_byline(line) and not _signed_above(lines, index):
            spans.append((start, end))
    return spans


def _is_byline(line: str) -> bool:
    words = re.split(r"[ \t]+|[ \t]*[-–/,][ \t]*", re.sub(r"\([^)]{0,30}\)", " ", line).strip(" .-"))
    words = [word for word in words if word and word.lower() not in ("và", "theo")]
    if not words or len(words) > 8 or line.isupper():
        return False
    if _cue_before(words[0] + " ") or _POSITION.match(line):
        return False
    return all(word[0].isupper() for word in words)


def _signed_above(lines: list[tuple[int, int, str]], index: int) -> bool:
    above = [line for _, _, line in lines[max(0, index - 4) : index]]
    return any(_SIGNING.match(line) for line in above)


def _signatures(text: str) -> list[_Mention]:
    """The signer of a letter: a name under a position in capitals ("PHÓ BÍ THƯ")."""
    lines = [(m.start(), m.group(0).strip()) for m in re.finditer(r"[^\n]+", text) if m.group(0).strip()]
    found = []
    for index, (_, line) in enumerate(lines):
        if not (line.isupper() and _SIGNING.match(line)):
            continue
        for offset, candidate in lines[index + 1 : index + 4]:
            if _SIGNED_NOTE.match(candidate):
                continue
            words = candidate.split()
            if 2 <= len(words) <= 5 and all(w[:1].isupper() for w in words) and fold(words[0]) in SURNAMES:
                start = text.find(candidate, offset)
                position = _sentence_case(line)
                found.append(
                    _Mention(_display(words), start, start + len(candidate), None, [_role(position)], True)
                )
            break
    return found


def _sentence_case(position: str) -> str:
    """A position in capitals as titles are written: "PHÓ BÍ THƯ" -> "Phó Bí thư"."""
    lower = position.lower()
    match = _POSITION_CI.fullmatch(lower)
    if match:
        for candidate in POSITIONS:
            if fold_phrase(candidate) == fold_phrase(lower.removeprefix("phó ").strip()):
                return ("Phó " if lower.startswith("phó ") else "") + candidate
    return lower[:1].upper() + lower[1:]


def _display(words: list[str]) -> str:
    """A name in normal case: "PHẠM VĂN HIỂU" -> "Phạm Văn Hiểu"; others as written."""
    if all(word.isupper() for word in words if len(word) > 1):
        return " ".join("-".join(part[:1] + part[1:].lower() for part in word.split("-")) for word in words)
    return " ".join(words)


# --- one record per person -------------------------------------------------------------------


def _merge(doc: Document, mentions: list[_Mention]) -> list[Person]:
    """One record per person: repeated names, tails of names and short references joined."""
    people: dict[str, Person] = {}
    for mention in mentions:
        if not mention.full:
            continue
        key = fold_phrase(mention.name)
        evidence = doc.evidence(mention.start, mention.end)
        person = people.get(key)
        if person is None:
            person = Person(mention.name, mention.honorific, [], None, evidence, [])
            people[key] = person
        _absorb(person, mention, evidence)
    # a full name that is the tail of a longer one is that person ("Phương Nga" of "Nguyễn Phương Nga"),
    # and so is a foreign name that is its head ("Fernando González" of "Fernando González Llort")
    for key in list(people):
        foreign = _is_foreign(people[key].name.split())
        longer = [
            other
            for other in people
            if other != key and (other.endswith(" " + key) or (foreign and other.startswith(key + " ")))
        ]
        if len(longer) == 1:
            target = people[longer[0]]
            source = people.pop(key)
            target.mentions.extend(source.mentions)
            target.honorific = target.honorific or source.honorific
            for role in source.roles:
                _add_role(target, role)
    # short references ("ông Mẫn", "bà Thanh Giang") join the one person they can mean
    for mention in mentions:
        if mention.full:
            continue
        key = fold_phrase(mention.name)
        candidates = [
            other for other in people if other.endswith(" " + key) or (" " + key + " ") in (" " + other + " ")
        ]
        if len(candidates) == 1:
            _absorb(people[candidates[0]], mention, doc.evidence(mention.start, mention.end))
    result = list(people.values())
    for person in result:
        person.roles = _distinct_roles(person.roles)
        person.country = _country_of(doc, person)
    return result


def _absorb(person: Person, mention: _Mention, evidence: Evidence) -> None:
    person.mentions.append(evidence)
    person.honorific = person.honorific or mention.honorific
    for role in mention.roles:
        _add_role(person, role)


def _add_role(person: Person, role: Role) -> None:
    if all(fold_phrase(role.title) != fold_phrase(other.title) for other in person.roles):
        person.roles.append(role)


def _distinct_roles(roles: list[Role]) -> list[Role]:
    """Drop a title that a fuller one of the same position says again ("Chủ tịch Liên hiệp")."""
    kept = []
    for role in roles:
        if any(other is not role and _covers(other, role) for other in roles):
            continue
        kept.append(role)
    return kept


def _covers(fuller: Role, role: Role) -> bool:
    if not role.position or not fuller.position or fold_phrase(role.position) != fold_phrase(fuller.position):
        return False
    if fuller.organization is None:
        return False
    if role.organization is None:
        return True
    inner = fold_phrase(role.organization).split()
    outer = fold_phrase(fuller.organization).split()
    if len(inner) >= len(outer):
        return False
    position = 0
    for word in outer:  # every word of the shorter organisation, in order, in the fuller one
        if position < len(inner) and word.strip("()") == inner[position].strip("()"):
            position += 1
    acronym = re.search(r"\(([^)]+)\)", fuller.organization)
    return position == len(inner) or bool(acronym and fold(acronym.group(1)) in inner)


def _country_of(doc: Document, person: Person) -> str | None:
    """The country a title names first ("Đại sứ Hoa Kỳ tại Việt Nam" -> US); Vietnamese officials VN."""
    for role in person.roles:
        code = _first_country(role.title)
        if code:
            return code
    words = person.name.split()
    if not _is_foreign(words) and fold(words[0]) in SURNAMES:
        return "VN"
    if _is_foreign(words):
        return _nearby_country(doc, person.evidence) or _only_foreign_country(doc)
    return None


def _only_foreign_country(doc: Document) -> str | None:
    """The foreign country of an article that names just one ("Đoàn ... thăm Cuba")."""
    codes = {mention.code for mention in find_countries(doc)}
    return codes.pop() if len(codes) == 1 else None


@lru_cache(maxsize=4096)
def _first_country(title: str) -> str | None:
    words = title.split()
    for start in range(len(words)):
        for size in range(min(6, len(words) - start), 0, -1):
            phrase = " ".join(words[start : start + size]).strip(",.;()")
            if phrase == "Việt Nam":
                return "VN"
            code = country_code(phrase)
            if code and (size > 1 or _single_word_country_ok(words, start)):
                return code
    return None


def _single_word_country_ok(words: list[str], index: int) -> bool:
    """A one-word country in a title stands after the position or an organisation word, not inside a name."""
    after = words[index + 1] if index + 1 < len(words) else ""
    return not (after[:1].isupper() and _is_viet(after) and fold(after) not in NEVER_FIRST)


def _nearby_country(doc: Document, evidence: Evidence) -> str | None:
    """The foreign country named closest before a foreign name in its sentence."""
    sentence = doc.text[evidence.sentence_start : evidence.start]
    words = sentence.split()
    for index in range(len(words) - 1, -1, -1):
        for size in range(min(5, len(words) - index), 0, -1):
            phrase = " ".join(words[index : index + size]).strip(",.;()")
            code = country_code(phrase)
            if code and phrase[:1].isupper():
                return code
    return None
