"""Preparing Vietnamese text for matching.

Two strings of the *same length* describe a document:

- `Document.text`: the text as written (Unicode NFC). Names and quotes are
  reported from it, so they keep the author's spelling.
- `Document.key`: the same text with spelling variants unified (old and new
  tone placement, tỉ/tỷ, dashes and spaces). Finders match on it.

Because every change in `key` is one character for one character, an offset
found in `key` is valid in `text`, and evidence offsets need no mapping.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import cached_property, lru_cache

from extraction.records import Evidence

# Old-style tone placement on the second vowel of an open oa/oe/uy syllable
# ("hoà", "khoẻ", "thuỷ") moved to the first vowel ("hòa", "khỏe", "thủy").
_TONED_TO_BASE: dict[str, tuple[str, str]] = {}
for _marks, _base in (
    ("àáảãạ", "a"),
    ("èéẻẽẹ", "e"),
    ("ỳýỷỹỵ", "y"),
):
    for _i, _ch in enumerate(_marks):
        _TONED_TO_BASE[_ch] = (_base, "\u0300\u0301\u0309\u0303\u0323"[_i])
        _TONED_TO_BASE[_ch.upper()] = (_base.upper(), "\u0300\u0301\u0309\u0303\u0323"[_i])

_OLD_TONE = re.compile(r"(?<=[oOuU])([àáảãạèéẻẽẹỳýỷỹỵÀÁẢÃẠÈÉẺẼẸỲÝỶỸỴ])(?![^\W\d_])")

# i/y spelling variants of whole syllables: (written, unified)
_SYLLABLE_VARIANTS = {
    "tỉ": "tỷ",
    "Tỉ": "Tỷ",
    "quí": "quý",
    "Quí": "Quý",
    "QUÍ": "QUÝ",
    "kĩ": "kỹ",
    "Kĩ": "Kỹ",
    "lí": "lý",
    "Lí": "Lý",
    "mĩ": "mỹ",
    "Mĩ": "Mỹ",
    "kí": "ký",
    "kì": "kỳ",
    "Kì": "Kỳ",
    "kỉ": "kỷ",
    "Kỉ": "Kỷ",
    "Kí": "Ký",
}
_SYLLABLE = re.compile(r"(?<![^\W\d_])(" + "|".join(map(re.escape, _SYLLABLE_VARIANTS)) + r")(?![^\W\d_])")

_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2015\u2212"), "-")
_SPACES = dict.fromkeys(map(ord, "\u00a0\u2007\u202f\u2009\u200a\t"), " ")
_QUOTES = dict.fromkeys(map(ord, "\u201c\u201d\u201e\u00ab\u00bb"), '"') | dict.fromkeys(
    map(ord, "\u2018\u2019\u201a"), "'"
)


# Vietnamese letters by case, for patterns that need a capital ("[A-Z]" misses "Đ", "Ấ"...)
UPPER = "A-ZÀÁẢÃẠĂẮẰẲẴẶÂẤẦẨẪẬĐÈÉẺẼẸÊẾỀỂỄỆÌÍỈĨỊÒÓỎÕỌÔỐỒỔỖỘƠỚỜỞỠỢÙÚỦŨỤƯỨỪỬỮỰỲÝỶỸỴ"
LOWER = "a-zàáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ"


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Document:
    text: str  # as written (NFC); every offset refers to it
    key: str  # same length, spelling unified, for matching
    sentences: tuple[Sentence, ...]
    published_on: date | None  # given, or found in the text's date line

    @cached_property
    def sentence_starts(self) -> list[int]:
        """Where each sentence starts, computed once: every lookup by offset bisects it."""
        return [sentence.start for sentence in self.sentences]

    def sentence_at(self, offset: int) -> Sentence:
        """The sentence holding `offset` (or the one before it, for an offset between sentences)."""
        if not self.sentences:
            return Sentence(0, len(self.text), self.text)
        index = bisect.bisect_right(self.sentence_starts, offset) - 1
        return self.sentences[max(index, 0)]

    def evidence(self, start: int, end: int) -> Evidence:
        sentence = self.sentence_at(start)
        return Evidence(start, end, sentence.text, sentence.start, sentence.end)


@lru_cache(maxsize=65536)
def unify(text: str) -> str:
    """The matching key of NFC text: same length, one spelling per word."""
    text = text.translate(_DASHES).translate(_SPACES).translate(_QUOTES)
    text = _SYLLABLE.sub(lambda m: _SYLLABLE_VARIANTS[m.group(1)], text)
    return _move_tones(text)


def _move_tones(text: str) -> str:
    """hoà -> hòa, thuỷ -> thủy: tone mark on the first vowel of open oa/oe/uy."""
    chars = list(text)
    for match in _OLD_TONE.finditer(text):
        i = match.start(1)
        base, mark = _TONED_TO_BASE[chars[i]]
        first = chars[i - 1]
        if first in "uU" and base.lower() != "y":
            continue  # "uá" (e.g. "quá") is not an old-style placement
        if first in "oO" and base.lower() not in "ae":
            continue
        if i >= 2 and chars[i - 2] in "qQ":
            continue  # "quả", "quý": the u belongs to the consonant
        chars[i - 1] = unicodedata.normalize("NFC", first + mark)
        chars[i] = base
    return "".join(chars)


def normalize(raw: str) -> str:
    """NFC, with line endings unified; the text every offset refers to."""
    return unicodedata.normalize("NFC", raw.replace("\r\n", "\n").replace("\r", "\n"))


# A sentence ends at a line break, or at . ! ? ; followed by a space and an
# upper-case letter, a quote or a digit.
# Abbreviations that end in a full stop do not end a sentence ("TP. Hồ Chí Minh", "Th.S. Lê Văn Bảy").
_ABBREVIATIONS = (
    "TP.",
    "Tp.",
    "ThS.",
    "Th.S.",
    "TS.",
    "GS.",
    "PGS.",
    "BS.",
    "KS.",
    "Q.",
    "P.",
    "St.",
    "Mr.",
    "Mrs.",
    "Dr.",
)
_NOT_AFTER_ABBREVIATION = "".join(f"(?<!{re.escape(abbreviation)})" for abbreviation in _ABBREVIATIONS)
_SENTENCE_END = re.compile(rf"\n+|(?<=[.!?;…]){_NOT_AFTER_ABBREVIATION}[\"')]*\s+(?=[\"'(]?[{UPPER}0-9])")


def split_sentences(text: str) -> tuple[Sentence, ...]:
    sentences = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        _add_sentence(sentences, text, start, match.start())
        start = match.end()
    _add_sentence(sentences, text, start, len(text))
    return tuple(sentences)


def _add_sentence(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        sentences.append(Sentence(start, end, text[start:end]))


_CLAUSE_CUT = re.compile(r";(?:\s+|$)")


def split_clauses(doc: Document) -> list[Sentence]:
    """The document's sentences cut at semicolons: the unit an event is read from.

    "Sáng 3/11, đoàn thăm ...; chiều cùng ngày, đoàn làm việc ..." holds two activities.
    """
    clauses = []
    for sentence in doc.sentences:
        start = sentence.start
        for cut in _CLAUSE_CUT.finditer(doc.text, sentence.start, sentence.end):
            _add_sentence(clauses, doc.text, start, cut.start())
            start = cut.end()
        _add_sentence(clauses, doc.text, start, sentence.end)
    return clauses


# Around a name, a clause of its line ends at a sentence mark (not after "TP" or an initial) or a quote,
# and starts after any punctuation, bracket or quote.
_CLAUSE_END = re.compile(r"(?<!\bTP)(?<!\bTp)(?<!\b[A-ZĐ])[.;!?](?=\s|$)|[\"“”]")
_CLAUSE_MARK = re.compile(r"[\n.;:!?\"“”()\[\]]")


def clause_end(window: str) -> int:
    """Where the clause that opens `window` (a stretch of text after a name) ends."""
    stop = _CLAUSE_END.search(window)
    return stop.start() if stop else len(window)


def clause_start(before: str) -> int:
    """Where the clause that closes `before` (a stretch of text before a name) starts."""
    return max((mark.end() for mark in _CLAUSE_MARK.finditer(before)), default=0)


def clause_around(text: str, start: int, end: int, at: int, marks: str = ";") -> tuple[int, int]:
    """The stretch of `text[start:end]` between two of `marks` (semicolons by default) that holds `at`.

    Lists give each item its own clause: "... 200 triệu đồng cho trường A; 100 triệu đồng cho trường B".
    """
    left = max(text.rfind(mark, start, at) for mark in marks)
    rights = [i for i in (text.find(mark, at, end) for mark in marks) if i >= 0]
    return (left + 1 if left >= 0 else start, min(rights, default=end))


def prepare(raw: str, published_on: date | None = None) -> Document:
    """A document ready for the finders; the publication date is looked up in the date line when not given."""
    from extraction.dates import find_publication_date  # dates builds on this module

    text = normalize(raw)
    key = unify(text)
    if published_on is None:
        published_on = find_publication_date(key)
    return Document(text=text, key=key, sentences=split_sentences(text), published_on=published_on)
