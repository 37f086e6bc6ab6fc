"""Bylines, photo credits and letter signatures.

Names in a credit ("Ảnh: Minh Đức") or in the byline on an article's last lines are its authors,
not people in the news: their spans are excluded. The signer of a letter is a person, named under
a position in capitals at its foot ("PHÓ BÍ THƯ").
"""

from __future__ import annotations

import re

from extraction.name_lexicon import CREDIT_LABEL, POSITION, SIGNING, SURNAMES, cue_before
from extraction.name_mentions import Mention
from extraction.name_shapes import display
from extraction.titles import role_of, sentence_case
from extraction.variants import fold

# "(Đã ký)" between a signer's position and name
_SIGNED_NOTE = re.compile(
    r"^\(?(?:đã ký|ký tên|ký|\[?daky\]?|đã ký và đóng dấu|ký, ghi rõ họ tên)[^)\n]*\)?$", re.I
)


def excluded_spans(text: str) -> list[tuple[int, int]]:
    """Photo credits anywhere, and the byline on the last lines of an article."""
    spans = []
    colon = text.find(":")
    while colon >= 0:
        label = CREDIT_LABEL.search(text, max(0, colon - 20), colon)
        if label:
            end = colon + 1
            while end < len(text) and text[end] not in "()\n:" and end - colon < 60:
                end += 1
            after_colon = text[colon + 1 : end].strip()
            # "Ảnh: Bà X trao quà..." is a caption, not a credit
            caption = cue_before(after_colon.split(" ")[0] + " ") or POSITION.match(after_colon)
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
    if cue_before(words[0] + " ") or POSITION.match(line):
        return False
    return all(word[0].isupper() for word in words)


def _signed_above(lines: list[tuple[int, int, str]], index: int) -> bool:
    above = [line for _, _, line in lines[max(0, index - 4) : index]]
    return any(SIGNING.match(line) for line in above)


def signatures(text: str) -> list[Mention]:
    """The signer of a letter: a name under a position in capitals ("PHÓ BÍ THƯ")."""
    lines = [(m.start(), m.group(0).strip()) for m in re.finditer(r"[^\n]+", text) if m.group(0).strip()]
    found = []
    for index, (_, line) in enumerate(lines):
        if not (line.isupper() and SIGNING.match(line)):
            continue
        for offset, candidate in lines[index + 1 : index + 4]:
            if _SIGNED_NOTE.match(candidate):
                continue
            words = candidate.split()
            if 2 <= len(words) <= 5 and all(w[:1].isupper() for w in words) and fold(words[0]) in SURNAMES:
                start = text.find(candidate, offset)
                position = sentence_case(line)
                found.append(
                    Mention(display(words), start, start + len(candidate), None, [role_of(position)], True)
                )
            break
    return found
