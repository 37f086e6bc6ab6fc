"""Vietnamese pages written in the legacy 8-bit encodings VNI and TCVN3, found and turned into Unicode.

Before Unicode, Vietnamese web pages were typed in a font that drew Vietnamese letters in place of
Western ones: VNI (font VNI-Times) writes an ASCII base letter followed by a mark byte, TCVN3 (ABC,
font .VnTime) one byte per letter. The page itself says windows-1252 or nothing, so a browser
without the font, and our decoder, read "Vieät Nam" (VNI) or "ViÖt Nam" (TCVN3). Old provincial
pages are still like this.

The tables are data (`legacy_encodings.toml`, from the published tables). A page is judged on its
text as windows-1252 would show it (the "view"): when it holds many Latin-1 letters and hardly any
Vietnamese Unicode letter, each legacy table is tried, and the one that turns the text into common
Vietnamese words wins. A clear winner (or one the page's font names, and that reads as Vietnamese)
is "sure"; a page that reads a little like Vietnamese under either table is "unsure", and the caller
keeps it out of extraction rather than store guesses.

`encode` is `decode`'s inverse, for tests and the sample portal's legacy pages.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import cache
from itertools import islice
from pathlib import Path
from typing import Literal

LegacyEncoding = Literal["vni", "tcvn3"]
LEGACY_ENCODINGS: tuple[LegacyEncoding, ...] = ("vni", "tcvn3")
TABLES = Path(__file__).with_name("legacy_encodings.toml")

# Letters only Vietnamese uses (ă â đ ê ô ơ ư ĩ ũ and the toned letters of Latin Extended Additional)
_VIETNAMESE_LETTERS = re.compile("[ăâđêôơưĩũĂÂĐÊÔƠƯĨŨ\u1ea0-\u1ef9]")
# What a legacy page shows in windows-1252: letters and signs of the upper half
_LATIN1_SIGNS = re.compile("[\u00a1-\u00ff]")
_WORD = re.compile(r"\w+")
# The font a page asks for: VNI-Times, VNI-Helve...; .VnTime, .VnArial, .VnTimeH...
_FONT_HINTS: dict[LegacyEncoding, re.Pattern[str]] = {
    "vni": re.compile(r"\bVNI-[A-Z]", re.I),
    "tcvn3": re.compile(r"\.Vn[A-Z][a-z]+", re.I),
}
# Judging: below this many Latin-1 signs a page is Western or plain ASCII, not legacy Vietnamese
MIN_SIGNS = 20
PLENTY = 200  # Vietnamese letters that make a page Unicode without further counting
# a winner needs this many common words, and this many times the other table's
MIN_WORDS, MIN_LEAD = 5, 3.0


@dataclass(frozen=True)
class Detection:
    """What a page's text looks like: Unicode (encoding None), or a legacy encoding, sure or not."""

    encoding: LegacyEncoding | None
    sure: bool
    evidence: str = ""  # why, in words, for the record

    @property
    def convertible(self) -> bool:
        return self.encoding is not None and self.sure


UNICODE = Detection(None, True)


@cache
def _tables() -> dict[str, dict[str, str]]:
    """letter -> how the encoding writes it, as the windows-1252 view shows it."""
    data = tomllib.loads(TABLES.read_text(encoding="utf-8"))
    return {
        "vni": dict(data["vni"]),
        "tcvn3": {letter: chr(code) for letter, code in data["tcvn3"].items()},
    }


@cache
def common_words() -> frozenset[str]:
    data = tomllib.loads(TABLES.read_text(encoding="utf-8"))
    return frozenset(word.casefold() for word in data["detection"]["common_words"])


@cache
def _decoder(encoding: LegacyEncoding) -> tuple[re.Pattern[str], dict[str, str]]:
    """A regex finding the encoding's letter forms (longest first) and what each reads as."""
    reverse = {written: letter for letter, written in _tables()[encoding].items()}
    forms = sorted(reverse, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, forms))), reverse


def convert(view: str, encoding: LegacyEncoding) -> str:
    """Text of a page in `encoding`, read as windows-1252 (the view), in Unicode (NFC)."""
    pattern, reverse = _decoder(encoding)
    return unicodedata.normalize("NFC", pattern.sub(lambda match: reverse[match.group()], view))


def encode_text(text: str, encoding: LegacyEncoding) -> str:
    """Unicode text as a page in `encoding` would show it read as windows-1252 (the view)."""
    table = _tables()[encoding]
    out = []
    for char in unicodedata.normalize("NFC", text):
        written = table.get(char)
        if written is None and char.isupper():  # TCVN3: an uppercase letter in an uppercase font
            written = table.get(char.lower())
        out.append(written if written is not None else char)
    return "".join(out)


def encode(text: str, encoding: LegacyEncoding) -> bytes:
    """Unicode text as the bytes a page in `encoding` holds (characters it cannot hold become '?')."""
    return encode_text(text, encoding).encode("cp1252", errors="replace")


def decode(data: bytes, encoding: LegacyEncoding) -> str:
    """The bytes of a page in `encoding`, in Unicode."""
    return convert(windows_1252_view(data), encoding)


def windows_1252_view(data: bytes) -> str:
    """The bytes as windows-1252 reads them; the five bytes it leaves undefined read as Latin-1."""
    return data.decode("cp1252", errors="replace") if _all_defined(data) else data.decode("latin-1")


def _all_defined(data: bytes) -> bool:
    return not any(byte in data for byte in (b"\x81", b"\x8d", b"\x8f", b"\x90", b"\x9d"))


def detect(view: str) -> Detection:
    """Whether `view` (a page's text) is Unicode or a legacy encoding, and how sure that is."""
    if view.isascii():
        return UNICODE
    # a page with plenty of Vietnamese letters is Unicode: stop counting there (most pages, quickly)
    vietnamese = sum(1 for _ in islice(_VIETNAMESE_LETTERS.finditer(view), PLENTY))
    if vietnamese >= PLENTY:
        return UNICODE
    signs = len(_LATIN1_SIGNS.findall(view))
    if signs < MIN_SIGNS or vietnamese >= signs:
        return UNICODE
    words = {encoding: _common_word_count(convert(view, encoding)) for encoding in LEGACY_ENCODINGS}
    best, other = sorted(LEGACY_ENCODINGS, key=lambda encoding: words[encoding], reverse=True)
    fonts = [encoding for encoding, hint in _FONT_HINTS.items() if hint.search(view)]
    evidence = f"{words[best]} common words as {best}, {words[other]} as {other}" + (
        f"; font {', '.join(fonts)}" if fonts else ""
    )
    if words[best] == 0 and not fonts:
        return UNICODE  # a Western page: no table makes Vietnamese of it
    clear_winner = words[best] >= MIN_WORDS and words[best] >= MIN_LEAD * max(words[other], 1)
    named_by_font = fonts == [best] and words[best] > words[other]
    return Detection(best, clear_winner or named_by_font, evidence)


def reads_as_vietnamese(text: str) -> bool:
    """Whether `text` already holds Vietnamese letters in plenty (more than Latin-1 signs): Unicode."""
    vietnamese = sum(1 for _ in islice(_VIETNAMESE_LETTERS.finditer(text), PLENTY))
    return vietnamese >= PLENTY or vietnamese >= max(1, len(_LATIN1_SIGNS.findall(text)))


def _common_word_count(text: str) -> int:
    vocabulary = common_words()
    return sum(1 for word in _WORD.findall(text) if word.casefold() in vocabulary)
