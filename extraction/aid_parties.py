"""Who gives an aid amount, to whom, and what for.

Vietnamese news names the parties of a donation in a few set ways:
"do công ty X tài trợ" and "viện trợ từ X" (donor), "X đã trao tặng ..."
(donor as subject), "... cho Y" (recipient), "để / nhằm ..." and the goods
handed over (purpose). The clause holding the amount (between semicolons) is
read first, then its whole sentence.

A donor or recipient is an entity or nothing: an organisation, a government or
administrative unit, a community, a country or a person. From where a pattern
says a party starts, its name runs word by word until a verb, a stop word, a
number or a punctuation mark; it is kept only when it opens like an entity (an
organisation or place word, a person's honorific before a capitalised name, a
country, a known name, or a run of capitalised words), else the party is None.
When an organisation or person the extractor found starts there, its full name
wins. So "hội viên đã hỗ trợ ..." or "Tổng giá trị khoản" never become a donor.
The words are data (extraction/rules/money.toml, [aid_parties] and [entities]).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from functools import partial

from extraction.countries import country_code
from extraction.money import aid_cue_elsewhere
from extraction.records import Amount, Organization, Person
from extraction.rules import alternation, load
from extraction.text import UPPER, Document, clause_around

_MONEY = load("money")
_RULES = _MONEY["aid_parties"]
_ENTITIES = _MONEY["entities"]
_ORGANIZATIONS = load("organizations")
_GIVE = alternation(_RULES["give"])
# words that end a party's name: the next part of the clause begins (case as written)
_STOP = alternation(_RULES["stops"]) + "|" + _GIVE
_PHRASE = rf"(?P<np>(?:(?!(?-i:{_STOP})(?!\w))[^\s,;.:()“”\"]+\s*){{1,14}})"
_BEFORE_GIVE = alternation(_RULES["before_give"])
_RECEIVE = alternation(_RULES["receive"])
_NOT_THE_SUBJECT = re.compile(rf"(?<!\w)(?:{alternation(_RULES['purpose'])}|{_RECEIVE})(?!\w)", re.IGNORECASE)
_SUBJECT_RECEIVES = re.compile(rf"(?:\s+(?:{_BEFORE_GIVE}))*\s+(?:{_RECEIVE})(?!\w)", re.IGNORECASE)
_DONOR_PATTERNS = [
    # "do X tài trợ", "được X tài trợ": X runs up to the verb, over words such as "tại" that end a
    # phrase elsewhere
    re.compile(
        rf"(?<!\w)(?:do|được|bởi)\s+(?P<np>[^,;.:“”\"]{{2,150}}?)\s+(?:(?:{_BEFORE_GIVE})\s+)*(?:{_GIVE})(?!\w)",
        re.IGNORECASE,
    ),
    re.compile(
        rf"(?<!\w)(?:{alternation(_RULES['given_things'])})"
        rf"(?:\s+không hoàn lại)?\s+(?:của|từ)\s+(?!(?:năm|ngày|tháng|\d))(?:nguồn\s+)?{_PHRASE}",
        re.IGNORECASE,
    ),
    re.compile(rf"(?<!\w)nhà tài trợ\s+{_PHRASE}", re.IGNORECASE),
    # "tiếp nhận 500 triệu đồng từ X"
    re.compile(
        rf"(?<!\w)(?:{_RECEIVE})(?!\w)[^;.]{{0,80}}?(?<!\w)(?:của|từ)\s+(?!(?:năm|ngày|tháng|\d)){_PHRASE}",
        re.IGNORECASE,
    ),
]
_SUBJECT_VERB = re.compile(rf"(?:\s+(?:{_BEFORE_GIVE}))*\s+(?:{_GIVE})(?!\w)", re.IGNORECASE)
_KIND_WORD = re.compile(rf"(?:{alternation(_RULES['kind_words'])})\s+", re.IGNORECASE)
# "cho việc xây nhà" names a purpose, "cho 2 tỷ đồng" the end of a range: neither is a recipient
_NOT_A_PARTY = re.compile(
    rf"(?:{alternation(_RULES['not_a_party'])})(?!\w)|[\d.,]+\s*(?:tỷ|tỉ|triệu|nghìn|ngàn|đồng|USD)", re.I
)
_GIFT_TO = re.compile(rf"(?<!\w)(?:{alternation(_RULES['gift_to'])})\s+", re.IGNORECASE)
_RECIPIENT = re.compile(
    rf"(?<!\w)(?:{_GIVE}|quà|kinh phí)(?:[^;.]|\.(?=\d))*?(?<!\w)(?:{alternation(_RULES['to'])})\s+{_PHRASE}",
    re.IGNORECASE,
)
_PURPOSE = re.compile(
    rf"(?<!\w)(?:{alternation(_RULES['purpose'])})\s+(?P<np>[^,;.:()“”\"]{{3,90}})",
    re.IGNORECASE,
)
_GOODS = re.compile(r"^\s*(?P<np>(?:các|những)\s+[^;.]{3,80}?)\s+cho(?!\w)", re.IGNORECASE)
# a lower-case word after a capitalised name that starts a new noun phrase: "Tổng Lãnh sự Nhật Bản các trang thiết bị"
_NEW_PHRASE = re.compile(r"\s+(?:các|những|một|\d)", re.IGNORECASE)
# adverbials and reporting verbs before the subject ("Dịp này, ...", "Ban tổ chức cho biết ...")
_LEAD_IN = re.compile(
    rf"^(?:.*?(?:[,;]|{alternation(_RULES['reporting'])})\s+)*(?:(?:{alternation(_MONEY['roles']['part'])})\s+)?",
    re.IGNORECASE,
)

# --- what an entity looks like ([entities]) ---
_PLACE_WORDS = alternation(_ENTITIES["place_words"])
_OPENER = re.compile(
    rf"(?:(?:các|những|nhiều)\s+)?(?:{alternation(_ENTITIES['openers'], unless_before=_ENTITIES['not_after'])})(?!\w)",
    re.IGNORECASE,
)
_PERSON_OPENER = re.compile(rf"(?:{alternation(_ENTITIES['person_openers'])})\s+[{UPPER}]", re.IGNORECASE)
_KNOWN = re.compile(
    rf"(?:{alternation(_ORGANIZATIONS['known'])})(?!\w)|(?:{alternation(_ORGANIZATIONS['acronyms'])})(?![\w-])"
)
# a word that ends a name: a stop, a verb of giving or another end word (lower case, as written)
_NAME_END = re.compile(rf"(?:{_STOP}|{alternation(_ENTITIES['ends'])})(?!\w)")
_JOINER = re.compile(rf"(?:{alternation(_ENTITIES['joiners'])})\s+(?=[{UPPER}]|(?:{_PLACE_WORDS})(?!\w))")
_AFTER_NAME = re.compile(rf"(?:{alternation(_ENTITIES['after_name'])})(?!\w)")
_NUMBERED = re.compile(r"(?:số|quận|phường|khu)$", re.IGNORECASE)  # "Trường THCS số 2", "quận 1"
_CAPITALISED = re.compile(rf"[{UPPER}0-9]")
# numbers written in words, in lower case: they count what follows, inside no name ("Ba Vì" is capitalised);
# not "một" ("Công ty TNHH một thành viên") nor the forms only written after "mươi" ("tư thục")
_COUNT_WORDS = frozenset(["hai", "ba", "bốn", "năm", "sáu", "bảy", "bẩy", "tám", "chín", "mười"])
_NAME_LINKS = frozenset({"-", "–", "&", "và", "for", "of", "the", "and", "de"})
_MAX_WORDS = 14
_CLAUSE_MARK = re.compile(r"[,;]")
_ACRONYM_AFTER = re.compile(r" ?\([A-ZĐ][A-ZĐ0-9&-]{1,12}\)")
_WORD = re.compile(r"\S+")
_WORD_CHARS = re.compile(r"\w+")
_NEXT_WORD = re.compile(r"\W*(\w+)")
_PUNCTUATION = re.compile(r"[,;.:()“”\"!?]")


def add_parties(doc: Document, amounts: list[Amount], names: list[Organization | Person]) -> list[Amount]:
    """The aid amounts with donor, recipient and purpose filled where the text names them."""
    if all(amount.kind != "aid" for amount in amounts):
        return amounts  # most articles give no aid: no name needs finding
    spans = _name_spans(doc, names)
    aid_by_sentence: dict[int, list[Amount]] = {}  # the aid amounts of each sentence, by where it starts
    for amount in amounts:
        if amount.kind == "aid":
            aid_by_sentence.setdefault(doc.sentence_at(amount.evidence.start).start, []).append(amount)
    result = []
    for amount in amounts:
        if amount.kind != "aid":
            result.append(amount)
            continue
        sentence = doc.sentence_at(amount.evidence.start)
        at = amount.evidence.start
        # the stretch between semicolons or colons around the amount: lists give each item its own parties
        clause = clause_around(doc.key, sentence.start, sentence.end, at, ";:")
        # the whole sentence only when no other clause of it gives an amount of its own (with its own parties)
        others = aid_by_sentence[sentence.start]
        alone = all(clause[0] <= other.evidence.start < clause[1] for other in others)
        windows = [clause, (sentence.start, sentence.end)] if alone else [clause]
        # a donor named after the amount stands before the next donation ("5 tỷ đồng, trong đó X tài trợ
        # 2 tỷ đồng": X gives the part, not the total); the amount's own conversion is no other donation
        ordinal = len(result)
        following = [
            other.evidence.start
            for other in others
            if other.evidence.start > at and ordinal not in (other.converts_ordinal, other.unit_of_ordinal)
        ]
        until = min(following, default=sentence.end)
        # ... and before the comma that opens the next donation's clause
        if following:
            until = max([at, *(mark.end() for mark in _CLAUSE_MARK.finditer(doc.key, at, until))])
        donor_windows = [(start, min(end, until)) for start, end in windows]
        donor = _first(partial(_donor, doc, spans=spans, at=at), donor_windows)
        recipient = _first(partial(_recipient, doc, spans=spans, at=at), windows)
        # an amount made aid by the sentence before ("X vừa bàn giao công trình cho Y. Tổng kinh phí là
        # ..."): that sentence names the parties
        cue = aid_cue_elsewhere(doc, sentence) if donor is None or recipient is None else None
        if cue is not None:
            donor = donor or _donor(doc, (cue.start, cue.end), spans=spans, at=cue.end)
            recipient = recipient or _recipient(doc, (cue.start, cue.end), spans=spans, at=cue.end)
        result.append(
            replace(
                amount,
                donor=donor,
                recipient=recipient,
                purpose=_first(partial(_purpose, doc), windows[:1]),
            )
        )
    return result


# where found names start -> where each of them ends there, shortest first
_Spans = dict[int, list[int]]


def _name_spans(doc: Document, names: list[Organization | Person]) -> _Spans:
    """Where each found name stands, at every mention (the finders give the first one only).

    The names are read off a tree of their words, walked from each place a name's first word stands,
    not looked for one by one: a long text names more people and bodies, and a scan of it for each would grow with
    the square of its length."""
    text = doc.text
    spans = {(n.evidence.start, n.evidence.end) for n in names}
    tree: dict = {}  # word -> the tree of the words after it; the key None holds the names ending there
    for name in {n.name for n in names}:
        name_words = _WORD_CHARS.findall(name)
        if not name_words:
            continue
        node = tree
        for word in name_words:
            node = node.setdefault(word, {})
        node.setdefault(None, []).append(name)
    first_words = re.compile(rf"(?<!\w)(?:{alternation(sorted(tree, key=len, reverse=True))})(?!\w)")
    for first in first_words.finditer(text) if tree else ():
        node, position = tree[first.group(0)], first.end()
        while node:
            for name in node.get(None, ()):
                end = first.start() + len(name)
                if text.startswith(name, first.start()) and not _WORD_CHARS.match(text, end):
                    spans.add((first.start(), end))
            following = _NEXT_WORD.match(text, position)
            if following is None:
                break
            node, position = node.get(following.group(1)), following.end()
    ends_at: _Spans = {}
    for start, end in sorted(spans):
        ends_at.setdefault(start, []).append(end)
    return ends_at


def _first(find: Callable[[tuple[int, int]], str | None], windows: list[tuple[int, int]]) -> str | None:
    for window in windows:
        found = find(window)
        if found:
            return found
    return None


def _donor(doc: Document, window: tuple[int, int], spans: _Spans, at: int) -> str | None:
    """The donor nearest before the amount (else the first after it)."""
    start, end = window
    candidates = [
        (match.start(), match.start("np"), match.end("np"))
        for pattern in _DONOR_PATTERNS
        for match in pattern.finditer(doc.key, start, end)
    ]
    candidates += _subjects(doc, _SUBJECT_VERB, window)
    for _, np_start, np_end in _nearest(candidates, at):
        party = _entity(doc, np_start, np_end, spans)
        if party:
            return party
    return None


def _subjects(doc: Document, verbs: re.Pattern[str], window: tuple[int, int]) -> list[tuple[int, int, int]]:
    """The subject before each verb of the window ("Dịp này, X đã trao tặng"), unless the verb stands in
    a purpose clause or after a verb of receiving ("X đã tiếp nhận ... để hỗ trợ": X gives nothing)."""
    start, end = window
    candidates = []
    for verb in verbs.finditer(doc.key, start, end):
        lead_in = _LEAD_IN.match(doc.key[start : verb.start()])
        subject_start = start + (lead_in.end() if lead_in else 0)
        name_end = _name_end(doc, subject_start, verb.start())
        gap = doc.key[name_end : verb.start()]
        if subject_start < verb.start() and not _NOT_THE_SUBJECT.search(gap):
            candidates.append((subject_start, subject_start, verb.start()))
    return candidates


def _nearest(candidates: list[tuple[int, int, int]], at: int) -> list[tuple[int, int, int]]:
    before = sorted((c for c in candidates if c[0] <= at), reverse=True)
    after = sorted(c for c in candidates if c[0] > at)
    return before + after


def _recipient(doc: Document, window: tuple[int, int], spans: _Spans, at: int) -> str | None:
    candidates = [(m.start("np"), m.start("np"), m.end("np")) for m in _RECIPIENT.finditer(doc.key, *window)]
    candidates += _subjects(doc, _SUBJECT_RECEIVES, window)  # "Hội Chữ thập đỏ đã tiếp nhận ..."
    for gift in _GIFT_TO.finditer(doc.key, *window):  # "tặng ông Mai Văn Lợt": a named person or body
        if gift.end() in spans:
            candidates.append((gift.end(), gift.end(), window[1]))
    for _, np_start, np_end in _nearest(candidates, at):
        if _NOT_A_PARTY.match(doc.key, np_start):
            continue
        party = _entity(doc, np_start, np_end, spans)
        if party:
            return party
    return None


def _purpose(doc: Document, window: tuple[int, int]) -> str | None:
    start, end = window
    match = _PURPOSE.search(doc.key, start, end)
    if match:
        return doc.text[match.start("np") : match.end("np")].strip() or None
    donor = _DONOR_PATTERNS[1].search(doc.key, start, end)
    if donor:
        tail = _NEW_PHRASE.search(doc.key, donor.start("np"), donor.end("np"))
        if tail:
            goods = _GOODS.match(doc.key[tail.start() : end])
            if goods:
                return doc.text[tail.start() + goods.start("np") : tail.start() + goods.end("np")].strip()
    return None


def _entity(doc: Document, start: int, end: int, spans: _Spans) -> str | None:
    """The entity named from `start` (at most to `end`), or None when what stands there is not one.

    A name the extractor found starting there (or after a kind word such as "tổ chức") wins;
    otherwise the phrase is cut at the first word that cannot be inside a name and kept only if it
    opens like an entity."""
    while start < end and doc.key[start].isspace():
        start += 1
    phrase = doc.text[start : _name_end(doc, start, end)].strip(" -–")
    kind = _KIND_WORD.match(doc.key, start)
    name_start = kind.end() if kind else start
    for span_start in sorted({start, name_start}):
        span_end = next((span_end for span_end in spans.get(span_start, []) if span_end <= end), None)
        if span_end is not None:
            found = doc.text[start:span_end].strip()
            # the finder may stop a word short
            return _with_acronym(doc, start, phrase if phrase.startswith(found) else found)
    return _with_acronym(doc, start, phrase) if _is_entity(phrase) else None


def _with_acronym(doc: Document, start: int, name: str) -> str:
    """The name with the acronym bracketed right after it ("Cơ quan Hợp tác Quốc tế Hàn Quốc (KOICA)"),
    so that resolution joins it to the acronym written alone elsewhere."""
    acronym = _ACRONYM_AFTER.match(doc.text, start + len(name))
    return name + acronym.group(0) if acronym else name


def _name_end(doc: Document, start: int, end: int) -> int:
    """Where a name starting at `start` ends: before a verb, stop word, number or punctuation mark."""
    key = doc.key
    previous = ""
    words = 0
    for word in _WORD.finditer(key, start, end):
        position, token = word.start(), word.group(0)
        if _JOINER.match(key, position):
            previous, words = token, words + 1
            continue
        if _NAME_END.match(key, position) and not _OPENER.match(key, position):
            return position
        if _AFTER_NAME.match(key, position) and previous[:1].isupper() and words > 1:
            return position
        if (token[0].isdigit() or token in _COUNT_WORDS) and not _NUMBERED.search(previous):
            return position  # "cho tỉnh 3 dự án", "cho tỉnh ba dự án": a count opens the next phrase
        cut = _PUNCTUATION.search(token)
        if cut:
            return position + cut.start()
        words += 1
        if words > _MAX_WORDS:
            return position
        previous = token
    return end


def _is_entity(phrase: str) -> bool:
    words = phrase.split()
    if len(words) < 2 and not _KNOWN.fullmatch(phrase) and not country_code(phrase):
        return False
    if _OPENER.match(phrase) or _PERSON_OPENER.match(phrase) or _KNOWN.match(phrase):
        return True
    if country_code(phrase):
        return True
    return all(_CAPITALISED.match(w) or w in _NAME_LINKS for w in words)
