"""Spelling variants of Vietnamese words, for lexicon matching.

Vietnamese is written with two tone placements ("hòa"/"hoà", "thủy"/"thuỷ")
and with i or y after some consonants ("Quí"/"Quý", "Lí"/"Lý"). Normalisation
may unify them, but the finders must not depend on which form it picked, so
lexicons are matched through two helpers:

- `fold(word)`: one key per word whatever its spelling (for set lookups);
- `flex(phrase)`: a regex source that matches every spelling of a phrase.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_TONE_SET = frozenset("\u0300\u0301\u0303\u0309\u0323")  # grave, acute, tilde, hook, dot below


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """Case-folded, with the tone mark moved to the end and y read as i."""
    decomposed = unicodedata.normalize("NFD", word.casefold().replace("’", "'"))
    tones = "".join(ch for ch in decomposed if ch in _TONE_SET)
    base = "".join(ch for ch in decomposed if ch not in _TONE_SET).replace("y", "i")
    return unicodedata.normalize("NFC", base) + tones


def fold_phrase(phrase: str) -> str:
    return " ".join(fold(word) for word in phrase.split())


def _split_tone(syllable: str) -> tuple[str, str]:
    decomposed = unicodedata.normalize("NFD", syllable)
    tone = next((ch for ch in decomposed if ch in _TONE_SET), "")
    base = "".join(ch for ch in decomposed if ch not in _TONE_SET)
    return unicodedata.normalize("NFC", base), tone


def _with_tone(base: str, tone: str, index: int) -> str:
    """`base` with `tone` on its character at `index`."""
    head, char, tail = base[:index], base[index], base[index + 1 :]
    return head + unicodedata.normalize("NFC", unicodedata.normalize("NFD", char) + tone) + tail


@lru_cache(maxsize=8192)
def syllable_variants(syllable: str) -> tuple[str, ...]:
    """Every accepted spelling of one syllable, the given one first."""
    forms = [syllable]
    base, tone = _split_tone(syllable)
    lower = base.lower()
    # open oa / oe / uy: the tone sits on either vowel ("hòa"/"hoà", "thủy"/"thuỷ")
    if tone and re.search(r"(?:oa|oe|uy)$", lower) and not lower.endswith("quy"):
        forms += [_with_tone(base, tone, len(base) - 2), _with_tone(base, tone, len(base) - 1)]
    # final i / y after a consonant ("Quí"/"Quý", "Lí"/"Lý", "kĩ"/"kỹ")
    if re.fullmatch(r"(?:qu|[bcdđghklmnpstvx]|[ckgnpt]h)[iy]", lower):
        last = base[-1]
        for letter in ("y", "i"):
            letter = letter.upper() if last.isupper() else letter
            swapped = base[:-1] + letter
            forms.append(_with_tone(swapped, tone, len(swapped) - 1) if tone else swapped)
    return tuple(dict.fromkeys(forms))


def flex(phrase: str) -> str:
    """A regex source matching `phrase` in any spelling; a space matches any run of blanks."""
    parts = []
    for word in phrase.split():
        forms = syllable_variants(word)
        parts.append(
            re.escape(forms[0]) if len(forms) == 1 else "(?:" + "|".join(map(re.escape, forms)) + ")"
        )
    return r"[ \t]+".join(parts)


def flex_any(phrases: list[str] | tuple[str, ...] | frozenset[str]) -> str:
    """One alternation over many phrases, longest first so the longest one wins."""
    ordered = sorted(set(phrases), key=lambda phrase: (-len(phrase), phrase))
    return "(?:" + "|".join(flex(phrase) for phrase in ordered) + ")"
