"""What a person's name looks like: runs of capitalised words, Vietnamese syllables, surnames.

A run is a maximal sequence of capitalised words on one line ("Phó Chủ tịch UBND tỉnh Sóc Trăng
Lâm Văn Mẫn"); the functions here find the part of a run that can be a name once the words of a
title, a place or a country are taken off.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise

import regex

from extraction.countries import country_code
from extraction.name_lexicon import (
    COMMON_SURNAMES,
    FOREIGN_FAMILY_NAMES,
    FOREIGN_GIVEN_NAMES,
    FOREIGN_PLACES,
    KNOWN_PLACES,
    LATIN_JOINING_WORDS,
    LATIN_ORGANISATION_WORDS,
    NEVER_FIRST,
    ORGANISATION_WORDS,
    POSITION,
    SURNAMES,
)
from extraction.variants import fold, fold_phrase

WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*(?:-[^\W\d_]+)*")


# One Vietnamese syllable; a word that is not one belongs to a foreign name ("Sok", "Biden").
_VIET_SYLLABLE = re.compile(
    r"^(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?"
    r"[aăâeêioôơuưyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]{1,3}"
    r"(?:ch|ng|nh|[cmnpt])?$"
)


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str

    @property
    def acronym(self) -> bool:
        """All capitals and short, like UBND, VUFO, TP (a name in capitals is handled apart)."""
        letters = self.text.replace("-", "")
        return len(letters) >= 2 and letters.isupper()


@lru_cache(maxsize=16384)
def is_viet(word: str) -> bool:
    return bool(_VIET_SYLLABLE.match(word.lower()))


def is_foreign(words: list[str] | tuple[str, ...]) -> bool:
    """Whether a word is no Vietnamese syllable, or a transliteration joined by hyphens ("Cay-xỏn").

    Hyphens before lower-case syllables mark a transliterated foreign name ("Cay-xỏn Phôm-vi-hản",
    "Xu-pha-nu-vông"); Vietnamese names are never written so.
    """
    return any(map(_foreign_word, words))


@lru_cache(maxsize=16384)
def _foreign_word(word: str) -> bool:
    parts = [part for part in re.split(r"['’-]", word) if part]
    return any(not is_viet(part) for part in parts) or any(part[:1].islower() for part in word.split("-")[1:])


def looks_foreign(words: list[str] | tuple[str, ...]) -> bool:
    """A foreign name by its letters, or by a first word that is a foreign family or given name.

    Korean, Khmer, Lao and Sino-Vietnamese names may be made of Vietnamese-looking syllables ("Chon
    Yong Chin", "Hei Bavy", "Hy Tuệ"); the lists of extraction/rules/foreign_names.toml know them.
    """
    if not words:
        return False
    first = fold(words[0])
    return is_foreign(words) or first in FOREIGN_FAMILY_NAMES or first in FOREIGN_GIVEN_NAMES


def organisation_like(text: str, tokens: list[Token]) -> bool:
    """Whether a foreign-looking run is an organisation's name rather than a person's.

    "Plan International Việt Nam", "Good Neighbors Vietnam", "Habitat for Humanity": a word of an
    organisation, a country closing the run, or an English joining word right before it.
    """
    words = [token.text for token in tokens]
    if any(fold(word) in LATIN_ORGANISATION_WORDS for word in words):
        return True
    if len(words) > 2 and (words[-2:] == ["Việt", "Nam"] or country_code(" ".join(words[-2:]))):
        return True
    before = text[max(0, tokens[0].start - 8) : tokens[0].start].split()
    return bool(before) and before[-1] in LATIN_JOINING_WORDS


# A capitalised word: an upper-case letter (any script: "Đặng", "Özil"), then letters, with
# apostrophes and hyphens inside ("Kh'mum", "Lê-nin").
_CAP_WORD = r"\p{Lu}[^\W\d_]*(?:['’][^\W\d_]+)*(?:-[^\W\d_]+)*"
_CAP_RUN = regex.compile(rf"(?<![\w'’-]){_CAP_WORD}(?:[ \t]{{1,2}}{_CAP_WORD})*(?![\w'’])")


@lru_cache(maxsize=4)
def _all_runs(text: str) -> tuple[tuple[Token, ...], ...]:
    return tuple(tuple(_tokens(match.group(0), match.start())) for match in _CAP_RUN.finditer(text))


def runs(text: str) -> list[list[Token]]:
    """Maximal runs of capitalised words separated by single spaces on one line."""
    return (
        [list(run) for run in _all_runs(text)]
        if len(text) > 200
        else [list(_tokens(match.group(0), match.start())) for match in _CAP_RUN.finditer(text)]
    )


def _tokens(run: str, offset: int) -> list[Token]:
    return [Token(offset + m.start(), offset + m.end(), m.group(0)) for m in WORD.finditer(run)]


def name_prefix(text: str, tokens: list[Token]) -> list[Token]:
    """The leading tokens that can belong to a name: up to a title, an acronym or an organisation word."""
    name: list[Token] = []
    caps = all(token.text.isupper() for token in tokens[:5])
    for token in tokens:
        if len(name) >= 5:
            break
        if name and (
            (token.acronym and not caps)
            or fold(token.text) in ORGANISATION_WORDS
            or POSITION.match(text, token.start)
        ):
            break
        name.append(token)
    return name


def strip_title_words(tokens: list[Token]) -> tuple[list[Token], bool, bool]:
    """Take the places, countries and acronyms that end a title off the front of a run."""
    rest = list(tokens)
    stripped_country = stripped_place = False
    while rest:
        size = _leading_place(rest)
        if size:
            stripped_place = True
            rest = rest[size:]
            continue
        size = leading_country(rest)
        if size:
            stripped_country = True
            rest = rest[size:]
            continue
        if rest[0].acronym and not all(token.text.isupper() for token in rest):
            rest = rest[1:]
            continue
        break
    return rest, stripped_country, stripped_place


def _leading_place(tokens: list[Token]) -> int:
    """How many leading tokens name a place, Vietnamese or foreign ("Nakhon Phanom Adisak ...")."""
    for size in range(min(4, len(tokens)), 0, -1):
        phrase = fold_phrase(" ".join(token.text for token in tokens[:size]))
        if phrase in KNOWN_PLACES:
            return size
        # a one-word foreign place may be a family name too ("Yamaguchi Tsuyoshi", "Chiba Kenji"):
        # it is the place only when it stands alone or a whole name of two words follows it
        if phrase in FOREIGN_PLACES and (size > 1 or len(tokens) == 1 or len(tokens) >= 3):
            return size
    return 0


def is_place_name(words: list[str]) -> bool:
    """Whether the words, all of them, name a place or a country ("Udon Thani", "Hàn Quốc")."""
    phrase = fold_phrase(" ".join(words))
    if phrase in KNOWN_PLACES or phrase in FOREIGN_PLACES:
        return True
    tokens = [Token(0, 0, word) for word in words]
    return leading_country(tokens) == len(tokens)


def leading_country(tokens: list[Token]) -> int:
    for size in range(min(6, len(tokens)), 0, -1):
        phrase = " ".join(token.text for token in tokens[:size])
        if phrase in ("Việt Nam", "Việt") or country_code(phrase):
            return size
    return 0


def vietnamese_name(text: str, tokens: list[Token]) -> list[Token] | None:
    """A surname and two to four syllables in all, from the earliest surname that fits."""
    for index, token in enumerate(tokens):
        if fold(token.text) not in SURNAMES:
            continue
        name = name_prefix(text, tokens[index:])
        if 2 <= len(name) <= 4 and all(is_viet(t.text) for t in name[1:]):
            if index + len(name) < len(tokens) and not _ends_name(text, tokens[index + len(name)]):
                continue  # the run goes on with more name-like words: not this surname
            return name
    return None


def name_after_place(text: str, tokens: list[Token]) -> list[Token] | None:
    """The name after an unknown place that opens a run, the run following an administrative word.

    "huyện [Kim Sơn] Nguyễn Văn Nam", "huyện [Mường Tè] Lò Văn Bình": the place takes one word or
    more, and the name, three words or more, opens with a surname (a common one preferred).
    "xã Trần Thị Kim Thoa" stays whole: "Kim Thoa" is too short to be the name.
    """
    for surnames in (COMMON_SURNAMES, SURNAMES):
        for index in range(1, len(tokens) - 2):
            if fold(tokens[index].text) not in surnames:
                continue
            name = vietnamese_name(text, tokens[index:])
            if name and name[0] is tokens[index] and len(name) >= 3:
                return name
    return None


def _ends_name(text: str, token: Token) -> bool:
    return token.acronym or bool(POSITION.match(text, token.start)) or fold(token.text) in NEVER_FIRST


def holds_place(words: list[str]) -> bool:
    """Whether a known place makes up some of the words ("Hoa Cần Thơ")."""
    keys = [fold(word) for word in words]
    for size in range(len(keys), 1, -1):
        for start in range(len(keys) - size + 1):
            if " ".join(keys[start : start + size]) in KNOWN_PLACES:
                return True
    return False


def join_dashed_names(text: str, found: list[list[Token]]) -> list[list[Token]]:
    """Join a run to the one after a spaced dash when both halves make one foreign name.

    Lao names are often written with a dash between given name and family name ("Cay Xỏn - Phôn Vi
    Hản", "Thoong Lun - Xi Xu Lít"). The two halves are one person when the first ends in two
    words that are no Vietnamese surname's, and the second is two to four Vietnamese-looking
    syllables that open with no surname, title, place or country ("Bà Rịa - Vũng Tàu" stays apart).
    """
    joined: list[list[Token]] = []
    for run in found:
        if joined and _dash_joins(text, joined[-1], run):
            joined[-1] = [*joined[-1], *run]
        else:
            joined.append(run)
    return joined


_SPACED_DASH = re.compile(r"[ \t]+[-–][ \t]+")


def _dash_joins(text: str, head: list[Token], tail: list[Token]) -> bool:
    if not (2 <= len(tail) <= 4 and len(head) >= 2 and tail[0].start - head[-1].end <= 5):
        return False
    if not _SPACED_DASH.fullmatch(text, head[-1].end, tail[0].start):
        return False
    last_two = head[-2:]
    if any(fold(token.text) in SURNAMES or token.acronym or not is_viet(token.text) for token in last_two):
        return False
    if any(token.acronym or not is_viet(token.text) for token in tail):
        return False
    first = fold(tail[0].text)
    if first in SURNAMES or first in NEVER_FIRST or POSITION.match(text, tail[0].start):
        return False
    words = [token.text for token in tail]
    return not (
        is_place_name(words)
        or is_place_name([token.text for token in last_two])
        or leading_country(tail)
        or _leading_place(tail)
    )


def dashed(text: str, tokens: list[Token]) -> bool:
    """Whether a spaced dash stands between two of the tokens (a run joined by `join_dashed_names`)."""
    return any(_SPACED_DASH.fullmatch(text, a.end, b.start) for a, b in pairwise(tokens))


def display_tokens(text: str, tokens: list[Token]) -> str:
    """The name the tokens spell, as `display` writes it, keeping a spaced dash between two halves."""
    words = display([token.text for token in tokens]).split(" ")
    pieces = words[:1]
    for word, (before, token) in zip(words[1:], pairwise(tokens), strict=True):
        dash = _SPACED_DASH.fullmatch(text, before.end, token.start)
        pieces.append(("- " if dash else "") + word)
    return " ".join(pieces)


def display(words: list[str]) -> str:
    """A name in normal case: "PHẠM VĂN HIỂU" -> "Phạm Văn Hiểu"; others as written."""
    if all(word.isupper() for word in words if len(word) > 1):
        return " ".join("-".join(part[:1] + part[1:].lower() for part in word.split("-")) for word in words)
    return " ".join(words)
