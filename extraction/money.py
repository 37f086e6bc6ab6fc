"""Money amounts in Vietnamese text ("trên 3,2 tỉ đồng", "5.000 USD",
"từ 1 đến 2 tỷ đồng", "1 tỷ 200 triệu đồng"), with a qualifier and whether
the amount is aid (donated, sponsored, raised) or something else.

Vietnamese writes '.' between thousands and ',' before decimals. An amount
needs a currency, or a scale word (triệu, tỷ) in a sentence about money.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from extraction.records import Amount, Qualifier
from extraction.rules import alternation, load
from extraction.text import Document, clause_around

# "5,000,000" (two or more comma groups) can only be English thousands; "5,000" stays ambiguous
_NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d{1,3}(?:,\d{3}){2,}|\d+(?:[,.]\d+)?"
_RULES = load("money")
# scale word -> value, and the words as tried (longest first where one begins another)
_SCALES: dict[str, int] = _RULES["scales"]
_SCALE = alternation(list(_SCALES))
_DOLLAR = "(?:" + alternation(_RULES["dollar"]["spellings"]) + ")"
# ISO code -> the names of the currency, tried in the order written (rules/money.toml)
_CURRENCIES = {
    code: "|".join(re.escape(name).replace(re.escape("{dollar}"), _DOLLAR) for name in names)
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
_QUALIFIERS: list[tuple[str, Qualifier]] = [
    (alternation(words), qualifier) for qualifier, words in _RULES["qualifiers"].items()
]
_KINDS = _RULES["kinds"]
_AID_WORDS = re.compile(alternation(_KINDS["aid"]), re.IGNORECASE)
_NOT_AID_WORDS = re.compile(alternation(_KINDS["not_aid"]), re.I)
_MONEY_CONTEXT = re.compile(alternation(_KINDS["money_context"]), re.IGNORECASE)
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
    for match in AMOUNT.finditer(key):
        values = _values(match)
        if values is None:
            continue
        value, high, currency = values
        has_currency = any(match.group(code) for code in _CURRENCIES)
        sentence = doc.sentence_at(match.start())
        if not has_currency:
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
                kind=_kind(key, *clause_around(key, sentence.start, sentence.end, match.start())),
                qualifier=_qualifier(key, start),
                text=_written(doc, start, match.end()),
                evidence=doc.evidence(start, match.end()),
                value_max=high,
            )
        )
    return _drop_repeats(amounts)


def _written(doc: Document, start: int, end: int) -> str:
    qualifier = _KEPT_BEFORE.search(doc.key[max(0, start - 12) : start])
    if qualifier:
        start -= len(qualifier.group(0))
    return doc.text[start:end].strip()


def _kind(key: str, sentence_start: int, sentence_end: int) -> str:
    sentence = key[sentence_start:sentence_end]
    if _NOT_AID_WORDS.search(sentence):
        return "other"
    return "aid" if _AID_WORDS.search(sentence) else "other"


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
