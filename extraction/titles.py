"""Titles written around a name: "Chủ tịch VUFO Nguyễn Phương Nga", "Marc Knapper, Đại sứ Hoa Kỳ".

A title before a name runs from a position ("Chủ tịch", "Phó Bí thư") to the name, over the words
of an organisation, a place or a country, but never across a verb or a conjunction. A title after
a name follows a dash, a comma or a bracket and ends at the clause's verb. Titles are split into
`Role`s: the position and the organisation it belongs to.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from extraction.name_lexicon import GAP_STOP, PLACES_WITH_STOPS, POSITION, POSITION_CI, POSITIONS, ROLE_STOP
from extraction.name_shapes import (
    holds_place,
    is_place_name,
    looks_foreign,
    organisation_like,
    runs,
    strip_title_words,
    vietnamese_name,
)
from extraction.records import Role
from extraction.text import clause_end, clause_start
from extraction.variants import fold, fold_phrase

# "(VUFO)" after an organisation: its brackets do not end the title's clause
_ACRONYM_BRACKETS = re.compile(r"\([A-ZĐ][A-ZĐ0-9 &-]{1,15}\)")
# "(KoCham)", "(Thái Lan)", "(Nhật Bản)": a short name or the country of the title's organisation or
# place, in brackets, which does not end the title's clause either
_NAME_BRACKETS = re.compile(r"\((?:[A-ZĐ][A-Za-zĐ0-9&-]{1,15}|[^()\n,;]{2,30})\)")


def _mask_brackets(before: str) -> str:
    def blank(match: re.Match[str]) -> str:
        inner = match.group(0)[1:-1].strip()
        keep = _ACRONYM_BRACKETS.fullmatch(match.group(0)) or (
            " " not in inner and sum(char.isupper() for char in inner) >= 2
        )
        words = inner.split()
        if keep or (words and all(word[:1].isupper() for word in words) and is_place_name(words)):
            return " " * len(match.group(0))
        return match.group(0)

    return _NAME_BRACKETS.sub(blank, before)


def title_before(text: str, at: int, before: str) -> list[Role] | None:
    """The title written right before position `at`, as roles, or None when there is none."""
    starts = _position_starts(text)
    first = bisect.bisect_left(starts, at - 240)
    if first == len(starts) or starts[first] >= at:
        return None  # no position in reach: the common case, kept cheap
    before = before[-260:]  # a title is at most 220 characters: its clause ends within reach
    masked = _mask_brackets(before)
    clause = before[clause_start(masked) :]
    matches = [m for m in POSITION.finditer(clause) if _title_gap_ok(clause[m.end() :])]
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
    return [match.start() for match in POSITION.finditer(text)]


def _title_gap_ok(gap: str) -> bool:
    """Whether the words between a position and a name can all belong to the title."""
    stripped = gap.rstrip()
    if stripped.endswith(","):
        stripped = stripped[:-1]  # "Chủ tịch VUFO, Phan Anh Sơn"
    if len(stripped.split()) > 16 or GAP_STOP.search(PLACES_WITH_STOPS.sub("Place", stripped)):
        return False  # "Chủ tịch UBND tỉnh tiếp X"; but "tỉnh Bà Rịa - Vũng Tàu X" holds no honorific
    # chained titles are joined by commas or dashes, each piece opening with a position
    pieces = re.split(r"[ \t]*,[ \t]*|[ \t]+[-–][ \t]+|[ \t]*-[ \t]+", stripped)
    # the first piece follows the position itself: a foreign name there is someone ("Hoàng thân X, ...")
    if any(_names_someone(piece, after_position=index == 0) for index, piece in enumerate(pieces)):
        return False  # another person stands between: "Phó Chủ tịch X, Phó Chủ tịch Y"
    for piece in pieces[1:]:
        if piece and not POSITION.match(piece) and not _continues_org(piece):
            return False
    return True


def _continues_org(piece: str) -> bool:
    """A comma piece inside an organisation's name ("Sở Văn hóa, Thể thao và Du lịch")."""
    return bool(re.match(r"[^\W\d_]", piece)) and piece[0].isupper() and len(piece.split()) <= 6


def roles_after(text: str, end: int, strict: bool = False) -> list[Role]:
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
        if POSITION_CI.match(tail):
            tail = tail[: clause_end(tail)]
            if "(" in window[: opener.end()] and ")" in tail:
                tail = tail[: tail.index(")")]
            roles = _split_roles(tail, stop_at_verbs=True)
    leader = _LEADER.search(_clause_after(text, end))
    if leader:
        roles.append(role_of(leader.group(1)[:1].upper() + leader.group(1)[1:]))
    return roles


# "do ông X, Ủy viên ..., làm Trưởng đoàn": the leader of a delegation
_LEADER = re.compile(r"^[^;]{0,160}?[ \t]làm[ \t]+((?:[Pp]hó[ \t]+)?[Tt]rưởng[ \t]+đoàn)(?!\w)")


def _clause_after(text: str, end: int) -> str:
    """The rest of a name's sentence, up to the next person named in it."""
    window = text[end : end + 200]
    window = window[: clause_end(window)]
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
        if POSITION_CI.match(piece) and not _names_someone(piece):
            titles.append(piece)
        elif titles and separator in (",", "-", "–") and _continues_org(piece) and not _names_someone(piece):
            titles[-1] += (", " if separator == "," else " - ") + piece
        else:
            break
        if cut is not None:
            break
    return [role_of(title) for title in titles if title and len(title) <= 160]


def _role_end(piece: str) -> int | None:
    """Where the verb of the clause or a conjunction of people cuts a title piece, if anywhere."""
    cuts = []
    stop = ROLE_STOP.search(piece)
    if stop:
        cuts.append(stop.start())
    for match in re.finditer(r"[ \t]+và[ \t]+(\S)", piece):
        if match.group(1).islower() or POSITION.match(piece, match.start(1)):
            cuts.append(match.start())  # "và lãnh đạo ...", "và Giám đốc Sở ..." : someone else
            break
    return min(cuts) if cuts else None


def _names_someone(piece: str, after_position: bool = False) -> bool:
    """Whether a title piece ends with another person's name ("Phó Chủ tịch UBND Trần Văn Miên").

    `after_position`: the piece follows a position directly, so a foreign name opening it is a name.
    """
    piece_runs = runs(piece)
    if not piece_runs:
        return False
    last = piece_runs[-1]
    if last[-1].end < len(piece.rstrip(" ,.")):
        return False
    rest, stripped_country, stripped_place = strip_title_words(last)
    name = vietnamese_name(piece, rest) if rest else None
    if name and name[-1] is rest[-1] and not holds_place([t.text for t in name]):
        return True
    # a foreign name after the country or place that ends a title: "Đại sứ Nhật Bản Ito Naoki"
    words = [token.text for token in rest]
    return (
        2 <= len(words) <= 5
        and looks_foreign(words)
        and not POSITION.match(piece, rest[0].start)  # "Preah Bat Samdech ...": a royal title
        and not organisation_like(piece, rest)
        and (
            stripped_country
            or stripped_place
            or (after_position and last[0].start == len(piece) - len(piece.lstrip()))
            or bool(_POSITION_AT_END.search(piece, max(0, last[0].start - 60), last[0].start))
        )
    )


# A position that ends right before a run: "Công chúa [Norodom Arunrasmy]"
_POSITION_AT_END = re.compile(rf"(?<![\w/])(?:{POSITION.pattern})[ \t]*$")


def role_of(title: str) -> Role:
    """A title as a role: its position ("Phó Chủ tịch") and the organisation after it, if any."""
    title = re.sub(r"\s+", " ", title).strip(" ,;:-–")
    match = POSITION_CI.match(title)
    if not match:
        return Role(title=title, position=None, organization=None)
    position = title[: match.end()].strip()
    organization = title[match.end() :].strip(" ,") or None
    return Role(title=title, position=position, organization=organization)


def sentence_case(position: str) -> str:
    """A position in capitals as titles are written: "PHÓ BÍ THƯ" -> "Phó Bí thư"."""
    lower = position.lower()
    match = POSITION_CI.fullmatch(lower)
    if match:
        for candidate in POSITIONS:
            if fold_phrase(candidate) == fold_phrase(lower.removeprefix("phó ").strip()):
                return ("Phó " if lower.startswith("phó ") else "") + candidate
    return lower[:1].upper() + lower[1:]


def distinct_roles(roles: list[Role]) -> list[Role]:
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
