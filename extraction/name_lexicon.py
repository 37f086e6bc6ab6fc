"""The people finder's word lists (extraction/rules/people.toml), loaded once and compiled.

The lists are data: a reader extends them without reading a regex. Sets are
keyed by `variants.fold`, so each word is written once, in any spelling; lists
joined into regexes are matched as written (`flex_any` where every spelling
must match, as for titles and place words).
"""

from __future__ import annotations

import re
from typing import Any

import regex

from extraction.rules import alternation, load
from extraction.variants import flex_any, fold, fold_phrase, syllable_variants

_RULES = load("people")
_FOREIGN_NAMES = load("foreign_names")


def _folded(words: str | list[str]) -> frozenset[str]:
    """A set of folded words or phrases, from a list or a blank-separated string of words."""
    return frozenset(fold_phrase(word) for word in (words.split() if isinstance(words, str) else words))


# --- words, as sets ------------------------------------------------------------------------

SURNAMES = _folded(_RULES["names"]["surnames"])
COMMON_SURNAMES = _folded(_RULES["names"]["common_surnames"])
NEVER_FIRST = _folded(_RULES["names"]["never_first"])
ORGANISATION_WORDS = _folded(_RULES["names"]["organisation_words"])
OPENERS = _folded(_RULES["names"]["openers"])
HONORIFICS = {fold_phrase(words): value for words, value in _RULES["cues"]["honorifics"].items()}
KIN_WORDS = _folded(_RULES["cues"]["kin"])
CAPITALISED_KIN = _folded(_RULES["cues"]["capitalised_kin"])
# positions, then the royal and honorific titles written before foreign names ("Samdech", "Preah Bat
# Samdech Preah Boromneath"): they open a title too, so they never stay in a name
POSITIONS: list[str] = [*_RULES["titles"]["positions"], *_FOREIGN_NAMES["titles"]["honorific_titles"]]
PLACE_FILLERS = _folded(_RULES["places"]["place_fillers"])
KNOWN_PLACES = _folded(_RULES["places"]["known_places"])
PERSON_PLACES = _folded(_RULES["places"]["person_places"])


def _by_country(table: dict[str, Any]) -> dict[str, str]:
    """Folded word or phrase -> the code of the country whose list holds it (the first list wins)."""
    found: dict[str, str] = {}
    for code, words in table.items():
        for word in words.split() if isinstance(words, str) else words:
            found.setdefault(fold_phrase(word), code)
    return found


# Foreign places (extraction/rules/foreign_places.toml): folded name -> country code ("WORLD": cities
# abroad). A place is never a person, and a place that opens a run ends the title before a name.
FOREIGN_PLACES = _by_country(load("foreign_places")["places"])
# Foreign family names and given names (extraction/rules/foreign_names.toml): folded word -> country
FOREIGN_FAMILY_NAMES = _by_country(_FOREIGN_NAMES["family_names"])
FOREIGN_GIVEN_NAMES = _by_country(_FOREIGN_NAMES["given_names"])
# A foreign name's word -> its country, for the words that only one country's lists hold ("Ishiba" ->
# JP; "Kim", in the Korean lists of both Koreas and a Vietnamese surname too, tells none)
_NAME_CODES: dict[str, set[str]] = {}
for _table in ("family_names", "given_names"):
    for _code, _words in _FOREIGN_NAMES[_table].items():
        for _word in _words.split():
            _NAME_CODES.setdefault(fold(_word), set()).add(_code)
NAME_COUNTRY = {
    word: next(iter(codes)) for word, codes in _NAME_CODES.items() if len(codes) == 1 and "WEST" not in codes
}
# Words of organisations written in Latin script, and the lower-case words joining them ("Habitat for
# Humanity"): a run holding the one or following the other is no person
LATIN_ORGANISATION_WORDS = _folded(_FOREIGN_NAMES["not_names"]["organisation_words"])
LATIN_JOINING_WORDS = frozenset(_FOREIGN_NAMES["not_names"]["joining_words"].split())
# the last word of every cue: a name can follow a cue only after one of these
_CUE_ENDINGS = frozenset(phrase.split()[-1] for phrase in [*HONORIFICS, *KIN_WORDS])

# --- words, as patterns --------------------------------------------------------------------

_POSITION_CORE = flex_any(POSITIONS)
_PREFIXES = flex_any(_RULES["titles"]["position_prefixes"])
# The letters a position or a prefix opens with, in any spelling: checking one first keeps the scan fast.
_FIRST_LETTERS = "".join(
    sorted(
        {
            variant[0]
            for phrase in [*POSITIONS, *_RULES["titles"]["position_prefixes"]]
            for variant in syllable_variants(phrase.split()[0])
        }
    )
)
# A position as it opens a title in running text: capitalised (every listed form is, and the
# pattern is case-sensitive), not part of a building ("Đại sứ quán").
POSITION = re.compile(
    rf"(?<![\w/])(?=[{_FIRST_LETTERS}])(?:(?:{_PREFIXES})\s+)*{_POSITION_CORE}(?!\w)(?!\s+quán)"
)
# The same in any case, for titles written after a name and in capitals.
POSITION_CI = re.compile(
    rf"(?<![\w/])(?:(?:{_PREFIXES})\s+)*{_POSITION_CORE}(?!\w)(?!\s+quán)", re.IGNORECASE
)
PLACE_BEFORE = re.compile(rf"(?<![\w/])(?i:{flex_any(_RULES['places']['place_words'])})[ \t]*$")
ADMIN_BEFORE = re.compile(rf"(?<![\w/])(?i:{flex_any(_RULES['places']['admin_words'])})[ \t]*$")
# "kỷ niệm 100 năm ngày sinh đồng chí X": the words between may be honorifics and a title
ANNIVERSARY_BEFORE = re.compile(
    rf"(?i:{alternation(_RULES['anniversaries']['words'])})[ \t]+(?:của[ \t]+)?"
    rf"(?:(?i:{alternation(_RULES['anniversaries']['between'])})[ \t]+){{0,3}}$"
)
# Words that end a clause's grammar: a title never runs across them.
_CLAUSES = _RULES["clauses"]
GAP_STOP = re.compile(
    rf"(?<!\w)(?i:{alternation(_CLAUSES['gap_stops'], unless_after=_CLAUSES['gap_stops_unless_after'])})(?!\w)"
)
# Where a title written after a name ends: the verb of the clause, or a conjunction; "tại" goes on
# in a title only before a place ("Tổng Lãnh sự Nhật Bản tại Đà Nẵng"), capitalised or named.
ROLE_STOP = regex.compile(
    rf"[ \t]+(?:(?i:{alternation(_CLAUSES['role_stops'], unless_before=_CLAUSES['role_stops_unless_before'])})(?!\w)"
    r"|(?i:tại)(?![ \t]+(?:thành phố|TP|Tp|tỉnh|huyện|thủ đô|(?!Hội |Lễ |Buổi |Đại hội|Diễn đàn)\p{Lu}))).*$",
    regex.DOTALL,
)
# Known places holding a word that ends a title's grammar ("Bà Rịa - Vũng Tàu", "Hai Bà Trưng"): read
# as one word where a title is checked for such words. Case as written.
_STOP_WORDS = frozenset(fold_phrase(word) for word in _CLAUSES["gap_stops"])
PLACES_WITH_STOPS = re.compile(
    r"(?<!\w)"
    + flex_any(
        [
            place
            for place in _RULES["places"]["known_places"]
            if any(fold(word) in _STOP_WORDS for word in place.split())
        ]
    )
    + r"(?!\w)"
)
SPEECH_AFTER = re.compile(
    rf"^[ \t]*(?:\([^)\n]{{1,40}}\)[ \t]*)?(?:{alternation(_CLAUSES['speech_verbs'])})(?!\w)"
)
# A credit's label, just before its colon: "Ảnh: Minh Đức", "Bài và ảnh: ..."
CREDIT_LABEL = re.compile(rf"(?<![\w])(?i:{alternation(_RULES['bylines']['credit_labels'])})[ \t]*$")
# A position in capitals at the foot of a letter, under an optional "KT.", "TM." line
SIGNING = re.compile(
    r"^(?:(?:KT|TM|TL|TUQ|Q|T/M|K/T|T/L)\.?[ \t]*[^\n]{0,40}\n+[ \t]*)?"
    rf"(?:PHÓ |Q\. |QUYỀN )?(?:{alternation(_RULES['bylines']['signing_positions'])})(?: [^\n]{{0,40}})?$"
)

# --- cues before a name --------------------------------------------------------------------


def _last_words(before: str, count: int) -> list[str]:
    """The folded phrases made of the last 1..count words of `before`, if it ends with a blank.

    Empty unless the last word can end a cue: most capitalised words follow none.
    """
    if not before or before[-1] not in " \t:":
        return []
    words = before.replace(":", " ").split()[-count:]
    if words and words[-1][:1] in "(\"“'‘":
        words = [words[-1][1:]]  # "(ông Shin Choong Il)": a bracket or a quote opens the cue
    if not words or fold(words[-1]) not in _CUE_ENDINGS:
        return []
    return [" ".join(fold(word) for word in words[-size:]) for size in range(1, len(words) + 1)]


def cue_before(before: str) -> str | None:
    """The honorific written right before a name ("ông", "Đ/c", "các đồng chí:"), if any."""
    for phrase in reversed(_last_words(before, 2)):
        if phrase in HONORIFICS:
            return HONORIFICS[phrase]
    return None


def kin_before(before: str) -> bool:
    """Whether a kinship or profession word stands right before a name ("chị", "nhà báo")."""
    return any(phrase in KIN_WORDS for phrase in _last_words(before, 3))
