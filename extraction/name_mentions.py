"""Reading one run of capitalised words in its context: is it a person, and which words are the name?

A run names a person after an honorific or a kinship word ("ông", "chị"), after a title, or by its
own shape (a surname and two or three more syllables), unless the words before it make it a
place, a street, a school or an anniversary ("trường Lê Quý Đôn", "ngày sinh Bác Hồ").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extraction.countries import country_code
from extraction.name_lexicon import (
    ADMIN_BEFORE,
    ANNIVERSARY_BEFORE,
    CAPITALISED_KIN,
    FOREIGN_FAMILY_NAMES,
    FOREIGN_GIVEN_NAMES,
    GAP_STOP,
    HONORIFICS,
    KNOWN_PLACES,
    NEVER_FIRST,
    OPENERS,
    PERSON_PLACES,
    PLACE_BEFORE,
    PLACE_FILLERS,
    PLACES_WITH_STOPS,
    POSITION,
    SPEECH_AFTER,
    SURNAMES,
    cue_before,
    kin_before,
)
from extraction.name_shapes import (
    WORD,
    Token,
    dashed,
    display_tokens,
    holds_place,
    is_foreign,
    is_place_name,
    leading_country,
    looks_foreign,
    name_after_place,
    name_prefix,
    organisation_like,
    strip_title_words,
    vietnamese_name,
)
from extraction.records import Role
from extraction.text import clause_start
from extraction.titles import role_of, roles_after, title_before
from extraction.variants import fold, fold_phrase

# The last word before a name, read back over school kinds and acronyms ("trường THPT chuyên")
_FILLER_AT_END = re.compile(r"(?:[ \t]+|^)([^\W\d_][\w&.'’-]*)[ \t]*$")
# A house number before a name: "số 12 Lê Lợi", "25/3 Nguyễn Trãi" are addresses
_NUMBER_BEFORE = re.compile(r"(?:\d+[A-Za-z]?(?:/\d+)?|số)[ \t]*$")


@dataclass
class Mention:
    """One place where a person is named; `people.py` joins the mentions of one person."""

    name: str
    start: int
    end: int
    honorific: str | None
    roles: list[Role]
    full: bool  # False for a short reference ("ông Mẫn")


def short_reference(text: str, token: Token) -> list[Mention]:
    """ "ông Mẫn": a one-word name after an honorific, which only refers to someone named in full."""
    honorific = cue_before(text[max(0, token.start - 16) : token.start])
    if honorific is None or fold(token.text) in NEVER_FIRST:
        return []
    return [Mention(token.text, token.start, token.end, honorific, [], False)]


# A name's context is read back to its line's start, but never further than this: a text without line
# breaks (a flattened PDF) would otherwise make every name read the whole text before it.
_CONTEXT_REACH = 400


def _line_start(text: str, at: int) -> int:
    """Where the line holding `at` starts, or `_CONTEXT_REACH` characters before `at` if that is later."""
    reach = max(0, at - _CONTEXT_REACH)
    return max(text.rfind("\n", reach, at) + 1, reach)


def mentions_in_run(text: str, run: list[Token]) -> list[Mention]:
    """The person (or people) a run of capitalised words names, read with its context."""
    cut = _glued_honorific(run)
    if cut:
        return mentions_in_run(text, run[:cut]) + mentions_in_run(text, run[cut:])
    found: list[Mention] = []
    tokens = list(run)
    line_start = _line_start(text, tokens[0].start)
    while tokens:
        before = text[line_start : tokens[0].start]
        mention, used = _read_at(text, tokens, before)
        if mention:
            found.append(mention)
        tokens = tokens[max(used, 1) :]
    return found


# Honorifics that may be glued to a place before them in a run: "tại Vinh Ngài Mitsuo Tanaka"
_GLUED_HONORIFICS = frozenset(map(fold, ("ngài", "ông", "bà")))
_NGAI = fold("ngài")


def _glued_honorific(run: list[Token]) -> int | None:
    """Where a capitalised honorific inside a run opens a new name, after a place ("Vinh Ngài X").

    "Ngài" never belongs to a place; "Ông" and "Bà" do ("Bà Rịa", "Hai Bà Trưng"), so they open a
    name only right after a known place ("Tại Bà Rịa Ông X").
    """
    for index in range(1, len(run) - 1):
        word = run[index].text
        if fold(word) not in _GLUED_HONORIFICS or not word[1:].islower():
            continue
        head = [token.text for token in run[:index]]
        if fold(word) == _NGAI or any(is_place_name(head[-size:]) for size in range(1, min(4, index) + 1)):
            return index
    return None


def _read_at(text: str, tokens: list[Token], before: str) -> tuple[Mention | None, int]:
    """The mention starting at or within `tokens[0:]`, and how many tokens were read."""
    all_caps_run = all(token.text.isupper() for token in tokens)
    # an honorific or kinship word, written before the run or as its first word
    near = before[-40:]
    honorific, cue, skip = cue_before(near), kin_before(near), 0
    if honorific is None and not cue and len(tokens) > 1:
        first = fold(tokens[0].text)
        if first in HONORIFICS and tokens[0].text[1:].islower():
            honorific, skip = HONORIFICS[first], 1
        elif first in CAPITALISED_KIN:
            cue, skip = True, 1
    body = tokens[skip:]
    if not body:
        return None, len(tokens)
    position = POSITION.match(text, body[0].start)
    if position:
        # "Ngài Chủ tịch ...", "Samdech Techo Hun Sen": the title comes first, read on after it
        return None, skip + max(1, sum(token.start < position.end() for token in body))
    if all_caps_run and honorific is None:
        return None, len(tokens)  # headings in capitals; names in capitals need an honorific
    if honorific or cue:
        return _after_honorific(text, body, honorific, cue), skip + max(len(name_prefix(text, body)), 1)
    title = title_before(text, body[0].start, before)
    if title is not None:
        return _after_title(text, body, title)
    return _bare(text, body, before), len(tokens)


def _after_honorific(text: str, body: list[Token], honorific: str | None, cue: bool) -> Mention | None:
    country = leading_country(body)
    if country and len(body) - country >= 2:
        body = body[country:]  # "nhà báo Mỹ John Smith", "sinh viên Lào Bounmy Phommachanh"
    name_tokens = name_prefix(text, body)
    words = [token.text for token in name_tokens]
    if not words:
        return None
    start, end = name_tokens[0].start, name_tokens[-1].end
    if _is_place_context(text, start, words) and honorific is None:
        return None
    if ANNIVERSARY_BEFORE.search(text[_line_start(text, start) : start]):
        return None  # "kỷ niệm 100 năm ngày sinh đồng chí X"
    if fold_phrase(" ".join(words)) in KNOWN_PLACES or (len(words) > 1 and is_place_name(words)):
        return None  # "bà Rịa" of "Bà Rịa", "ông Udon Thani"
    roles = roles_after(text, end)
    full = _is_full_name(words, strong=honorific is not None or cue, roles=roles)
    if not full and len(words) > 2:
        return None
    if cue and not full:
        return None
    return Mention(display_tokens(text, name_tokens), start, end, honorific, roles, full)


def _is_full_name(words: list[str], strong: bool, roles: list[Role]) -> bool:
    """Whether the words are a whole name rather than a given name used as a reference."""
    if len(words) < 2 or len(words) > 5:
        return False
    first = fold(words[0])
    # "ông Ban Ki-moon": a foreign family name that is also a Vietnamese word may open a foreign name
    if (
        first in NEVER_FIRST
        and first not in SURNAMES
        and not (first in FOREIGN_FAMILY_NAMES and is_foreign(words))
    ):
        return False
    if fold(words[0]) in SURNAMES and len(words) <= 4:
        return True
    if looks_foreign(words):
        return strong or bool(roles)
    # Vietnamese-looking words without a surname: minority names ("Y Ngông Niê Kdăm")
    # run to three and more words; two such words are a given name ("bà Thanh Giang").
    return strong and len(words) >= 3


def _after_title(text: str, body: list[Token], roles: list[Role]) -> tuple[Mention | None, int]:
    """The name that closes a run after a title, once the title's own words are taken off."""
    tail = _place_tail(text, body)
    rest, stripped_country, stripped_place = strip_title_words(body[tail:])
    stripped_place = stripped_place or bool(tail)
    rest, stripped_title = _strip_titles(text, rest)
    if not rest:
        # "Chủ tịch Hồ Chí Minh": a known place name right after a bare position names the person
        if stripped_place and _person_place(text, body, roles):
            words = [token.text for token in body]
            return Mention(" ".join(words), body[0].start, body[-1].end, None, roles, True), len(body)
        return None, len(body)
    used = len(body)
    # a name joined across a dash ("Cay Xỏn - Phôn Vi Hản") is foreign: its "Vi" is no surname
    name_tokens = None if dashed(text, rest) else vietnamese_name(text, rest)
    admin = ADMIN_BEFORE.search(text[max(0, body[0].start - 30) : body[0].start])
    if name_tokens and rest[0] is body[0] and len(rest) >= 4 and admin:
        name_tokens = name_after_place(text, rest) or name_tokens  # "huyện [Kim Sơn] Nguyễn Văn Nam"
    if name_tokens and name_tokens[0] is not rest[0] and _foreign_given(rest[0]):
        name_tokens = None  # "Khăm Phăn Phôm Ma Thắt": a Lao name, whose "Ma" is no surname
    if name_tokens is None:
        office = _name_after_office(text, rest)
        if office:
            rest, stripped_country = office, True  # "Plan International Việt Nam [Tanya Khan]"
        prefix = name_prefix(text, rest)
        words = [token.text for token in prefix]
        if not (2 <= len(words) <= 5):
            return None, used
        # after a country or a place that ends the title, Vietnamese-looking words are a name too
        # ("Phó Tỉnh trưởng tỉnh Champasak Vi Lay Phong Sa Vẳn")
        # five Vietnamese-looking words are too many for a Vietnamese name: a Lao or Khmer one
        long_name = len(words) == 5 and fold(words[0]) in SURNAMES
        if (
            not (looks_foreign(words) or stripped_country or stripped_place or long_name)
            or fold(words[0]) in NEVER_FIRST
        ):
            return None, used
        if organisation_like(text, prefix):
            return None, used  # "Giám đốc Plan International Việt Nam"
        if rest[0] is not body[0] and not (
            stripped_country or stripped_place or stripped_title or body[0].acronym
        ):
            return None, used
        name_tokens = prefix
    words = [token.text for token in name_tokens]
    start, end = name_tokens[0].start, name_tokens[-1].end
    if _is_place_context(text, start, words, titled=True) or is_place_name(words):
        return None, used
    if start > body[0].start and roles:
        # the title's last words are in the run: "Bí thư Tỉnh ủy [Sóc Trăng] Lâm Văn Mẫn"
        joint = (
            " - " if text[max(0, body[0].start - 20) : body[0].start].rstrip().endswith(("-", "–")) else " "
        )  # "Bà Rịa - Vũng Tàu"
        roles = [*roles[:-1], role_of(roles[-1].title + joint + text[body[0].start : start].strip(" ,"))]
    roles = roles + roles_after(text, end)
    used = body.index(name_tokens[-1]) + 1
    return Mention(
        display_tokens(text, name_tokens), start, end, _honorific_near(text, start), roles, True
    ), used


def _name_after_office(text: str, rest: list[Token]) -> list[Token] | None:
    """The name after an organisation's office in a country, in Latin script: "Giám đốc quốc gia
    [Plan International Việt Nam] Tanya Khan"; None when the run holds no such office."""
    for index in range(1, len(rest) - 2):
        size = leading_country(rest[index:])
        if size and 2 <= len(rest) - index - size <= 4 and organisation_like(text, rest[: index + size]):
            return rest[index + size :]
    return None


def _strip_titles(text: str, rest: list[Token]) -> tuple[list[Token], bool]:
    """Take royal and honorific titles off the front of a run: "Campuchia [Samdech Techo] Hun Sen"."""
    stripped = False
    while rest and (position := POSITION.match(text, rest[0].start)):
        covered = sum(token.start < position.end() for token in rest)
        if covered >= len(rest):
            break
        rest, stripped = rest[covered:], True
    return rest, stripped


def _foreign_given(token: Token) -> bool:
    """Whether a word is in the lists of foreign given or family names (not a Vietnamese surname)."""
    key = fold(token.text)
    return (key in FOREIGN_GIVEN_NAMES or key in FOREIGN_FAMILY_NAMES) and key not in SURNAMES


def _place_tail(text: str, body: list[Token]) -> int:
    """1 when the run opens with the end of a place begun in lower case: "châu [Âu] Julien Guerrier"."""
    before = text[max(0, body[0].start - 12) : body[0].start].split()
    if len(body) < 3 or not before:
        return 0
    return int(fold_phrase(before[-1] + " " + body[0].text) in KNOWN_PLACES)


def _person_place(text: str, body: list[Token], roles: list[Role]) -> bool:
    """Known places that are also people's names, after a bare title: "Chủ tịch Hồ Chí Minh"."""
    words = " ".join(token.text for token in body)
    if fold_phrase(words) not in PERSON_PLACES or not roles or roles[-1].organization:
        return False
    before = text[max(0, body[0].start - 60) : body[0].start]
    before = before[: before.rfind(roles[-1].title)] if roles[-1].title in before else before
    return not PLACE_BEFORE.search(before.rstrip()) and not ANNIVERSARY_BEFORE.search(before)


def _bare(text: str, tokens: list[Token], before: str) -> Mention | None:
    """A name known by its shape or by a title after it: "Nguyễn Văn An cho biết"."""
    name_tokens = vietnamese_name(text, tokens)
    if name_tokens is None:
        prefix = name_prefix(text, tokens)
        words = [token.text for token in prefix]
        if (
            2 <= len(words) <= 5
            and looks_foreign(words)
            and fold(words[0]) not in NEVER_FIRST
            and not organisation_like(text, prefix)
        ):
            roles = roles_after(text, prefix[-1].end, strict=True)
            if roles and not (_is_place_context(text, prefix[0].start, words) or is_place_name(words)):
                return Mention(
                    display_tokens(text, prefix), prefix[0].start, prefix[-1].end, None, roles, True
                )
        return None
    if name_tokens[0] is not tokens[0] and not _is_title_like(tokens[: tokens.index(name_tokens[0])]):
        return None
    words = [token.text for token in name_tokens]
    start, end = name_tokens[0].start, name_tokens[-1].end
    if holds_place(words) or is_place_name(words) or _is_place_context(text, start, words):
        return None  # "Hàn Quốc cho biết", "Thái Lan": a country read as a surname and a name
    if re.search(r"[^\W\d_][ \t]*[-–][ \t]*$", text[max(0, start - 3) : start]):
        return None  # "Việt - Hoa Cần Thơ": part of a compound proper name
    roles = roles_after(text, end, strict=True)
    if len(words) == 2 and not (roles or SPEECH_AFTER.match(text, end)):
        return None  # two words alone may be a place or a street ("Lê Lợi")
    if _title_case_line(text, start):
        return None  # a headline In Title Case: its capitals say nothing
    return Mention(display_tokens(text, name_tokens), start, end, None, roles, True)


def _title_case_line(text: str, at: int) -> bool:
    start = _line_start(text, at)
    end = text.find("\n", at, at + _CONTEXT_REACH)
    if (start > 0 and text[start - 1] != "\n") or (end < 0 and at + _CONTEXT_REACH < len(text)):
        return False  # a line this long is no headline
    words = WORD.findall(text[start : end if end >= 0 else len(text)])
    return len(words) >= 6 and sum(word[0].isupper() for word in words) >= 0.8 * len(words)


def _is_title_like(tokens: list[Token]) -> bool:
    """Words before a surname in a run that do not make it something else ("Theo", "Tại")."""
    return all(fold(token.text) in OPENERS for token in tokens)


def _is_place_context(text: str, start: int, words: list[str], titled: bool = False) -> bool:
    """Whether the text before a name makes it a place, a school, a street or an anniversary."""
    line_start = text.rfind("\n", max(0, start - 80), start) + 1  # only the last 80 characters are read
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
    if _ends_with_country(trimmed):
        return bool(ANNIVERSARY_BEFORE.search(before))  # "Đại sứ Nhật Bản Ito Naoki": "Bản" is no village
    if ADMIN_BEFORE.search(trimmed):
        # "tỉnh Tbong Kh'mum", "xã Lê Lợi"; but "UBND thành phố Hồ Kỳ Minh" after a title is a person
        return not titled or is_foreign(words) or len(words) < 3
    if PLACE_BEFORE.search(trimmed) or _NUMBER_BEFORE.search(before):
        return True
    return bool(ANNIVERSARY_BEFORE.search(before))


def _ends_with_country(before: str) -> bool:
    """Whether the text before a name ends with a country's or a place's name, which ends a title there.

    Its last word is then no place word: "Nhật Bản" holds "bản" (a village), "Vũng Tàu" "tàu" (a ship).
    """
    words = before.split()[-4:]
    return any(
        country_code(phrase) or phrase == "Việt Nam" or (size > 1 and is_place_name(phrase.split()))
        for size, phrase in ((size, " ".join(words[-size:])) for size in range(len(words), 0, -1))
    )


def _honorific_near(text: str, start: int) -> str | None:
    """An honorific just before the title that precedes a name ("ông Chủ tịch ... X" is rare; "Ngài")."""
    line_start = _line_start(text, start)
    clause = PLACES_WITH_STOPS.sub(lambda place: "x" * len(place.group(0)), text[line_start:start])
    clause = clause[clause_start(clause) :]  # "tỉnh Bà Rịa - Vũng Tàu X": "Bà" is no honorific
    match = re.search(r"(?<![\w/])(ngài|ông|bà|đồng chí|đ/c)[ \t]+(?=\S)", clause, re.IGNORECASE)
    if not match or GAP_STOP.search(clause[match.end() :].replace(match.group(1), "")):
        return None
    return HONORIFICS.get(fold_phrase(match.group(1).lower()))
