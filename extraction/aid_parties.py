"""Who gives an aid amount, to whom, and what for.

Vietnamese news names the parties of a donation in a few set ways:
"do công ty X tài trợ" and "viện trợ từ X" (donor), "X đã trao tặng ..."
(donor as subject), "... cho Y" (recipient), "để / nhằm ..." and the goods
handed over (purpose). The clause holding the amount (between semicolons) is
read first, then its whole sentence. A party is a short noun phrase cut at
punctuation and at the words that start the next part of the clause; when an
organisation or person the extractor found starts there, its full name wins.
The words are data (extraction/rules/money.toml, [aid_parties]).
"""

from __future__ import annotations

import re
from dataclasses import replace

from extraction.records import Amount, Organization, Person
from extraction.rules import alternation, load
from extraction.text import Document, clause_around

_RULES = load("money")["aid_parties"]
_GIVE = alternation(_RULES["give"])
# words that end a party's name: the next part of the clause begins
_STOP = alternation(_RULES["stops"]) + "|" + _GIVE
_PHRASE = rf"(?P<np>(?:(?!(?-i:{_STOP})(?!\w))[^\s,;.:()“”\"]+\s*){{1,14}})"
_DONOR_PATTERNS = [
    re.compile(rf"(?<!\w)do\s+{_PHRASE}(?:{_GIVE})(?!\w)", re.IGNORECASE),
    re.compile(
        rf"(?<!\w)(?:{alternation(_RULES['given_things'])})"
        rf"(?:\s+không hoàn lại)?\s+(?:của|từ)\s+(?!(?:năm|ngày|tháng|\d))(?:nguồn\s+)?{_PHRASE}",
        re.IGNORECASE,
    ),
    re.compile(rf"(?<!\w)nhà tài trợ\s+{_PHRASE}", re.IGNORECASE),
]
_SUBJECT_VERB = re.compile(
    rf"(?:\s+(?:{alternation(_RULES['before_give'])}))*\s+(?:{_GIVE})(?!\w)",
    re.IGNORECASE,
)
_ORG_NOUN = re.compile(rf"(?:{alternation(_RULES['donor_nouns'])})(?!\w)", re.IGNORECASE)
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
_LEAD_IN = re.compile(rf"^(?:.*?(?:,|{alternation(_RULES['reporting'])})\s+)*", re.IGNORECASE)


def add_parties(doc: Document, amounts: list[Amount], names: list[Organization | Person]) -> list[Amount]:
    """The aid amounts with donor, recipient and purpose filled where the text names them."""
    spans = sorted((n.evidence.start, n.evidence.end) for n in names)
    result = []
    for amount in amounts:
        if amount.kind != "aid":
            result.append(amount)
            continue
        sentence = doc.sentence_at(amount.evidence.start)
        at = amount.evidence.start
        # the stretch between semicolons or colons around the amount: lists give each item its own parties
        windows = [
            clause_around(doc.key, sentence.start, sentence.end, at, ";:"),
            (sentence.start, sentence.end),
        ]
        result.append(
            replace(
                amount,
                donor=_first(lambda w, at=at: _donor(doc, w, spans, at), windows),
                recipient=_first(lambda w, at=at: _recipient(doc, w, spans, at), windows),
                purpose=_first(lambda w: _purpose(doc, w), windows[:1]),
            )
        )
    return result


def _first(find, windows: list[tuple[int, int]]) -> str | None:
    for window in windows:
        found = find(window)
        if found:
            return found
    return None


def _donor(doc: Document, window: tuple[int, int], spans: list[tuple[int, int]], at: int) -> str | None:
    """The donor phrase nearest before the amount (else the first after it)."""
    start, end = window
    candidates = [
        (match.start(), match.start("np"), match.end("np"))
        for pattern in _DONOR_PATTERNS
        for match in pattern.finditer(doc.key, start, end)
    ]
    for verb in _SUBJECT_VERB.finditer(doc.key, start, end):
        before = doc.key[start : verb.start()]
        subject_start = start + _LEAD_IN.match(before).end()
        subject = doc.text[subject_start : verb.start()].strip()
        if (subject[:1].isupper() or _ORG_NOUN.match(subject)) and 1 <= len(subject.split()) <= 12:
            candidates.append((subject_start, subject_start, verb.start()))
    for _, np_start, np_end in _nearest(candidates, at):
        party = _party(doc, np_start, np_end, spans)
        if party:
            return party
    return None


def _nearest(candidates: list[tuple[int, int, int]], at: int) -> list[tuple[int, int, int]]:
    before = sorted((c for c in candidates if c[0] <= at), reverse=True)
    after = sorted(c for c in candidates if c[0] > at)
    return before + after


def _recipient(doc: Document, window: tuple[int, int], spans: list[tuple[int, int]], at: int) -> str | None:
    candidates = [(m.start("np"), m.start("np"), m.end("np")) for m in _RECIPIENT.finditer(doc.key, *window)]
    for gift in _GIFT_TO.finditer(doc.key, *window):  # "tặng ông Mai Văn Lợt": a named person or body
        if any(span_start == gift.end() for span_start, _ in spans):
            candidates.append((gift.end(), gift.end(), window[1]))
    for _, np_start, np_end in _nearest(candidates, at):
        party = _party(doc, np_start, np_end, spans)
        if party and not _NOT_A_PARTY.match(party):
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


def _party(doc: Document, start: int, end: int, spans: list[tuple[int, int]]) -> str | None:
    """The name starting at `start` (after a kind word such as "tổ chức"): a found organisation or
    person if one starts there, else the phrase."""
    while start < end and doc.key[start].isspace():
        start += 1
    kind = _KIND_WORD.match(doc.key, start)
    name_start = kind.end() if kind else start
    if doc.text[name_start : name_start + 1].isupper():
        cut = _NEW_PHRASE.search(doc.key, name_start, end)
        if cut:
            end = cut.start()
    phrase = doc.text[start:end].split("(")[0].strip(" -–")  # "Tổ chức Hy vọng (Hoa Kỳ)": the name
    for span_start, span_end in spans:
        if span_start in (start, name_start):
            found = doc.text[start:span_end].strip()
            return phrase if phrase.startswith(found) else found  # the finder may stop a word short
    return phrase if len(phrase) >= 3 else None
