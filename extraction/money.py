"""Money amounts in Vietnamese text ("trên 3,2 tỉ đồng", "5.000 USD",
"từ 1 đến 2 tỷ đồng", "1 tỷ 200 triệu đồng", "hai triệu euro"), with a qualifier
and whether the amount is aid (donated, sponsored, raised) or something else.

Vietnamese writes '.' between thousands and ',' before decimals. An amount
needs a currency, or a scale word (triệu, tỷ) in a sentence about money. An
amount in words needs a currency, and a scale word or a currency other than đồng.

Amounts listed with scale words take the currency the list's last one names
("1,25 triệu, 1,5 triệu và 2 triệu đồng").

An amount is aid when its clause says so (a word of aid or of giving, a foreign
NGO); when it is a project's budget or money disbursed in an article about
foreign NGOs; or when its clause only gives a value ("Tổng kinh phí là ...") and
one of the few sentences before it in its paragraph, or the headline, gives aid. Public money, investment and
figures of the economy are never made aid by those last two rules.
"""

from __future__ import annotations

import bisect
import re
from decimal import Decimal, InvalidOperation

from extraction.records import Amount, Qualifier
from extraction.rules import alternation, load
from extraction.text import Document, Sentence, clause_around

# "5,000,000" (two or more comma groups) can only be English thousands; "5,000" stays ambiguous
_NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d{1,3}(?:,\d{3}){2,}|\d+(?:[,.]\d+)?"
_RULES = load("money")
# scale word -> value, and the words as tried (longest first where one begins another)
_SCALES: dict[str, int] = _RULES["scales"]
_SCALE = alternation(list(_SCALES))
_DOLLAR = "(?:" + alternation(_RULES["dollar"]["spellings"]) + ")"
_NOT_BEFORE: dict[str, list[str]] = _RULES["currency_not_before"]
# ISO code -> the names of the currency, tried in the order written (rules/money.toml)
_CURRENCIES = {
    code: alternation(names, unless_before=_NOT_BEFORE).replace(re.escape("{dollar}"), _DOLLAR)
    for code, names in _RULES["currencies"].items()
}
_CURRENCY = "|".join(f"(?P<{code}>{pattern})" for code, pattern in _CURRENCIES.items())

AMOUNT = re.compile(
    rf"(?<![\w,.])(?:(?P<from>từ)\s+)?(?P<low>{_NUMBER})(?:\s*(?P<low_scale>{_SCALE}))?"
    rf"(?:\s*(?:-|đến|tới)\s*(?P<high>{_NUMBER}))?"
    rf"(?:\s*(?P<scale>{_SCALE}))?"
    rf"(?:\s+(?P<rest>\d{{1,3}})\s*(?P<rest_scale>triệu|nghìn|ngàn))?"
    rf"(?:\s*(?:{_CURRENCY})(?![\w]))?"
)
# --- amounts in words: "hai triệu euro", "năm trăm triệu đồng", "một tỷ hai trăm triệu đồng" ---
_WORDS = _RULES["number_words"]
_DIGIT_WORDS: dict[str, int] = _WORDS["digits"]
_NUMBER_WORD = alternation(
    sorted(
        [*_DIGIT_WORDS, _WORDS["ten"], _WORDS["tens"], _WORDS["hundred"], *_WORDS["zero"], *_WORDS["half"]]
    )
    + list(_SCALES)
)
WORD_AMOUNT = re.compile(
    rf"(?<!\w)(?P<words>(?i:{_NUMBER_WORD})(?:\s+(?i:{_NUMBER_WORD}))*)\s+(?:{_CURRENCY})(?!\w)"
)
# After an amount with a scale word but no currency, the rest of a list whose last amount names it
_LIST_JOIN = r"\s*(?:,|và|hoặc)\s*(?:(?:và|hoặc)\s+)?"
_LISTED_TO_CURRENCY = re.compile(
    rf"(?:{_LIST_JOIN}(?:{_NUMBER})\s*(?:{_SCALE}))*{_LIST_JOIN}(?:{_NUMBER})\s*(?:{_SCALE})?\s*(?:{_CURRENCY})(?!\w)"
)
_QUALIFIERS: list[tuple[str, Qualifier]] = [
    (alternation(words), qualifier) for qualifier, words in _RULES["qualifiers"].items()
]
_KINDS = _RULES["kinds"]
_AID_WORDS = re.compile(alternation(_KINDS["aid"]), re.IGNORECASE)
_NOT_AID_WORDS = re.compile(alternation(_KINDS["not_aid"]), re.I)
_MONEY_CONTEXT = re.compile(alternation(_KINDS["money_context"]), re.IGNORECASE)
# the verbs of giving ([aid_parties] give), as whole words; "trao" not before what is no gift ("trao đổi")
_GIVING = re.compile(
    rf"(?<!\w)(?:{alternation(_RULES['aid_parties']['give'], unless_before=_KINDS['not_a_gift_after'])})(?!\w)",
    re.I,
)
_NGO = re.compile(rf"(?<!\w)(?:{alternation(_KINDS['ngo'])})(?!\w)")
_PROJECT = re.compile(rf"(?<!\w)(?:{alternation(_KINDS['project'])})(?!\w)", re.IGNORECASE)
_BUDGET = re.compile(rf"(?<!\w)(?:{alternation(_KINDS['budget'])})(?!\w)", re.IGNORECASE)
_PUBLIC_MONEY = re.compile(rf"(?<!\w)(?:{alternation(_KINDS['public_money'])})(?!\w)", re.IGNORECASE)
_DISBURSED = re.compile(rf"(?<!\w)(?:{alternation(_KINDS['disbursed'])})(?!\w)", re.IGNORECASE)
_VALUE_OF = re.compile(rf"(?<!\w)(?:{alternation(_KINDS['value_of'])})(?!\w)", re.IGNORECASE)
_KEPT_BEFORE = re.compile(rf"(?:{alternation(_RULES['written']['kept_before'])})\s*$")
# words after a scale word that show it counts things, not money ("5,3 triệu người")
_COUNTED = re.compile(rf"\s*(?:{alternation(_KINDS['counted'])})\b", re.IGNORECASE)


def _to_decimal(number: str, currency: str) -> Decimal | None:
    if re.fullmatch(r"\d{1,3}(?:,\d{3}){2,}", number) or (
        currency not in ("VND", "") and re.fullmatch(r"\d{1,3}(?:,\d{3})+", number)
    ):
        number = number.replace(",", "")  # English thousands: "5,000 USD", "5,000,000 đồng"
    elif re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", number):
        number = number.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"\d+\.\d{1,2}", number):
        pass  # "1.5 triệu": an English decimal point
    else:
        number = number.replace(".", "").replace(",", ".")
    try:
        return Decimal(number)
    except InvalidOperation:
        return None


def _below_thousand(words: list[str]) -> int | None:
    """ "hai", "mười lăm", "ba mươi mốt", "năm trăm", "một trăm linh năm", "chín trăm hai mươi" -> the number."""
    value = 0
    if len(words) >= 2 and words[1] == _WORDS["hundred"] and words[0] in _DIGIT_WORDS:
        value, words = _DIGIT_WORDS[words[0]] * 100, words[2:]
        if len(words) == 2 and words[0] in _WORDS["zero"] and words[1] in _DIGIT_WORDS:
            return value + _DIGIT_WORDS[words[1]]
    if not words:
        return value
    if words[0] == _WORDS["ten"]:
        tens, rest = 10, words[1:]
    elif len(words) >= 2 and words[1] == _WORDS["tens"] and words[0] in _DIGIT_WORDS:
        tens, rest = _DIGIT_WORDS[words[0]] * 10, words[2:]
    elif len(words) == 1 and words[0] in _DIGIT_WORDS:
        return value + _DIGIT_WORDS[words[0]]
    else:
        return None
    if not rest:
        return value + tens
    if len(rest) == 1 and rest[0] in _DIGIT_WORDS:
        return value + tens + _DIGIT_WORDS[rest[0]]
    return None


def _spelled_number(words: list[str]) -> tuple[int, bool] | None:
    """The number written in `words` ("một tỷ hai trăm triệu", "hai triệu rưỡi"), and whether a scale word
    is in it; None when the words are not one number."""
    total, group, scaled = 0, [], False
    previous_scale = None
    index = 0
    while index < len(words):
        two = " ".join(words[index : index + 2])
        scale_word = two if two in _SCALES else words[index] if words[index] in _SCALES else None
        if scale_word is None:
            group.append(words[index])
            index += 1
            continue
        index += len(scale_word.split())
        scale = _SCALES[scale_word]
        if previous_scale is not None and scale >= previous_scale:
            return None  # "hai triệu ba tỷ" is no number
        count = _below_thousand(group) if group else None
        if count is None:
            return None
        total += count * scale
        if index < len(words) and words[index] in _WORDS["half"]:
            total += scale // 2  # "hai triệu rưỡi": two and a half million
            index += 1
        group, previous_scale, scaled = [], scale, True
    if group:
        count = _below_thousand(group)
        if count is None:
            return None
        total += count
    return (total, scaled) if total > 0 else None


def _word_amounts(doc: Document) -> list[tuple[re.Match[str], int, float]]:
    """Each amount in words: its match, where its number starts, and its value.

    The words before a currency may begin with words of the sentence ("mỗi năm hai triệu đồng"): the
    longest tail of them that is one number is the amount."""
    found = []
    for match in WORD_AMOUNT.finditer(doc.key):
        words = match.group("words").lower().split()
        offsets = [m.start() for m in re.finditer(r"\S+", match.group("words"))]
        currency = next(code for code in _CURRENCIES if match.group(code))
        for first in range(len(words)):
            number = _spelled_number(words[first:])
            if number is None:
                continue
            value, scaled = number
            if scaled or currency != "VND":
                found.append((match, match.start("words") + offsets[first], float(value)))
            break
    return found


def _qualifier(key: str, start: int) -> Qualifier:
    window = key[max(0, start - 25) : start].lower()
    for words, qualifier in _QUALIFIERS:
        if re.search(rf"(?<!\w)(?:{words})\s*(?:là\s*)?$", window):
            return qualifier
    return "exact"


def _values(match: re.Match[str]) -> tuple[float, float | None, str] | None:
    currency = next((code for code in _CURRENCIES if match.group(code)), "")
    scale_word = match.group("scale") or match.group("low_scale")
    if not currency and not scale_word:
        return None
    scale = Decimal(_SCALES[scale_word]) if scale_word else Decimal(1)
    low = _to_decimal(match.group("low"), currency)
    if low is None:
        return None
    low_scale = Decimal(_SCALES[match.group("low_scale")]) if match.group("low_scale") else scale
    value = low * low_scale
    if match.group("rest"):
        value += Decimal(match.group("rest")) * _SCALES[match.group("rest_scale")]
    high = None
    if match.group("high"):
        high_number = _to_decimal(match.group("high"), currency)
        high = float(high_number * scale) if high_number is not None else None
    if value <= 0:
        return None
    return float(value), high, currency or "VND"


def find_amounts(doc: Document) -> list[Amount]:
    amounts: list[Amount] = []
    key = doc.key
    ngo_article = bool(_NGO.search(key))
    for match, start, value in _word_amounts(doc):
        sentence = doc.sentence_at(start)
        amounts.append(
            Amount(
                value=value,
                currency=next(code for code in _CURRENCIES if match.group(code)),
                kind=_kind(doc, sentence, start, ngo_article),
                qualifier=_qualifier(key, start),
                text=_written(doc, start, match.end()),
                evidence=doc.evidence(start, match.end()),
            )
        )
    for match in AMOUNT.finditer(key):
        values = _values(match)
        if values is None:
            continue
        value, high, currency = values
        has_currency = any(match.group(code) for code in _CURRENCIES)
        sentence = doc.sentence_at(match.start())
        listed = None if has_currency else _LISTED_TO_CURRENCY.match(key, match.end())
        if listed:  # "1,25 triệu, 1,5 triệu và 2 triệu đồng": the list's currency
            currency = next(code for code in _CURRENCIES if listed.group(code))
        elif not has_currency:
            if _COUNTED.match(key, match.end()):
                continue
            clause = key[max(sentence.start, match.start() - 60) : match.start()]
            if not _MONEY_CONTEXT.search(clause):
                continue
        if match.group("high") and not match.group("from") and "-" in key[match.start() : match.end()]:
            # "1-2 tỷ" is a range; "2019-2024" never reaches here (no currency or scale)
            pass
        start = match.start()
        if match.group("from"):
            start = match.start("low")
        amounts.append(
            Amount(
                value=value,
                currency=currency,
                kind=_kind(doc, sentence, match.start(), ngo_article),
                qualifier=_qualifier(key, start),
                text=_written(doc, start, match.end()),
                evidence=doc.evidence(start, match.end()),
                value_max=high,
            )
        )
    return _drop_repeats(sorted(amounts, key=lambda amount: amount.evidence.start))


def _written(doc: Document, start: int, end: int) -> str:
    qualifier = _KEPT_BEFORE.search(doc.key[max(0, start - 12) : start])
    if qualifier:
        start -= len(qualifier.group(0))
    return doc.text[start:end].strip()


def _kind(doc: Document, sentence: Sentence, at: int, ngo_article: bool) -> str:
    """ "aid" or "other" for the amount at `at`, from the clause holding it (between semicolons);
    `ngo_article`: whether the article names foreign NGOs anywhere."""
    clause = doc.key[slice(*clause_around(doc.key, sentence.start, sentence.end, at))]
    if _NOT_AID_WORDS.search(clause):
        return "other"
    if _AID_WORDS.search(clause) or _GIVING.search(clause) or _NGO.search(clause):
        return "aid"
    project_budget = _PROJECT.search(clause) and _BUDGET.search(clause)
    if ngo_article and (project_budget or _DISBURSED.search(clause)) and not _PUBLIC_MONEY.search(clause):
        return "aid"  # a project's budget, or money disbursed, in an article about foreign NGOs
    if _VALUE_OF.search(clause) and not _PUBLIC_MONEY.search(clause) and _aid_told_before(doc, sentence):
        return "aid"  # "Tổ chức X vừa bàn giao công trình cho trường. Tổng kinh phí là ..."
    return "other"


_TITLE_LENGTH = 250  # a first line this short may be the article's title


def _headline(doc: Document) -> Sentence | None:
    """The article's title: a short first line that is one sentence, if the text opens with one."""
    if len(doc.sentences) < 2:
        return None
    first, second = doc.sentences[0], doc.sentences[1]
    if first.end - first.start > _TITLE_LENGTH or "\n" not in doc.text[first.end : second.start]:
        return None
    return first


def _gives_aid(text: str) -> bool:
    """Whether a sentence gives aid: a word of aid or of giving ("bàn giao"), or a foreign NGO."""
    found = _AID_WORDS.search(text) or _GIVING.search(text) or _NGO.search(text)
    return bool(found and not _NOT_AID_WORDS.search(text))


_SENTENCES_BACK = 3  # how far back in its paragraph a value's aid may be told


def _aid_told_before(doc: Document, sentence: Sentence) -> Sentence | None:
    """The sentence that tells the aid a value belongs to: one of the few before it in its paragraph
    ("X trao tặng thiết bị cho bệnh viện. Các thiết bị gồm ... . Tổng giá trị là ..."), else the headline
    ("Tổ chức X tài trợ xây trường học ở ..."). A sentence about trade or prices ends the search."""
    index = bisect.bisect_left(doc.sentence_starts, sentence.start)
    for earlier in range(index - 1, max(index - 1 - _SENTENCES_BACK, -1), -1):
        before = doc.sentences[earlier]
        if "\n" in doc.text[before.end : doc.sentences[earlier + 1].start]:
            break  # a new paragraph began after it
        if _gives_aid(doc.key[before.start : before.end]):
            return before
        if _NOT_AID_WORDS.search(doc.key[before.start : before.end]):
            break
    title = _headline(doc)
    if title is not None and title != sentence and _gives_aid(doc.key[title.start : title.end]):
        return title
    return None


def aid_cue_elsewhere(doc: Document, sentence: Sentence) -> Sentence | None:
    """The earlier sentence (or the headline) that, not `sentence` itself, says its amounts are aid: the
    parties are named there ("Tổ chức X vừa bàn giao ... . Công trình có tổng kinh phí 300 triệu đồng.")."""
    if _gives_aid(doc.key[sentence.start : sentence.end]):
        return None
    return _aid_told_before(doc, sentence)


def _drop_repeats(amounts: list[Amount]) -> list[Amount]:
    """One entry per distinct (value, currency, kind): a figure repeated in a caption is one amount."""
    seen: set[tuple[float, str, str]] = set()
    unique = []
    for amount in amounts:
        marker = (round(amount.value, 2), amount.currency, amount.kind)
        if marker not in seen:
            seen.add(marker)
            unique.append(amount)
    return unique
