"""The country of a person: named in a title ("Đại sứ Hoa Kỳ"), near a foreign name, or VN for a
Vietnamese name."""

from __future__ import annotations

from functools import lru_cache

from extraction.countries import country_code, find_countries
from extraction.name_lexicon import (
    FOREIGN_FAMILY_NAMES,
    FOREIGN_GIVEN_NAMES,
    FOREIGN_PLACES,
    NAME_COUNTRY,
    NEVER_FIRST,
    SURNAMES,
)
from extraction.name_shapes import is_foreign, is_viet, looks_foreign
from extraction.records import Evidence, Person
from extraction.text import Document
from extraction.variants import fold, fold_phrase


def country_of(doc: Document, person: Person) -> str | None:
    """The country a title names first ("Đại sứ Hoa Kỳ tại Việt Nam" -> US); Vietnamese officials VN."""
    found = [_first_country(role.title) for role in person.roles]
    code = next((code for code, _ in found if code), None)
    if code:
        return code
    words = person.name.split()
    if not is_foreign(words) and fold(words[0]) in SURNAMES:
        return "VN"
    if looks_foreign(words):
        # a foreign province in the title ("Thống đốc tỉnh Kampong Cham" -> KH), a first word only one
        # country's names hold ("Ishiba" -> JP), the country named nearest before the name, the one
        # foreign country of the article, or the first list that holds the first word
        # a name of Vietnamese-looking syllables ("Hy Chấn Quốc") trusts its context before its list
        listed = NAME_COUNTRY.get(_first_word(words)) if is_foreign(words) else None
        return (
            next((place for _, place in found if place), None)
            or listed
            or _nearby_country(doc, person.evidence)
            or _only_foreign_country(doc)
            or _country_of_name(words)
        )
    return None


def _country_of_name(words: list[str]) -> str | None:
    """The country whose list of family or given names holds the name's first word ("Hei" -> KH)."""
    first = _first_word(words)
    code = NAME_COUNTRY.get(first) or FOREIGN_FAMILY_NAMES.get(first) or FOREIGN_GIVEN_NAMES.get(first)
    return code if code and code != "WEST" else None


def _first_word(words: list[str]) -> str:
    """The name's first word as the lists hold it: its first syllable when hyphenated ("Cay-xỏn")."""
    return fold(words[0].split("-")[0])


def _only_foreign_country(doc: Document) -> str | None:
    """The foreign country of an article that names just one ("Đoàn ... thăm Cuba")."""
    codes = {mention.code for mention in find_countries(doc)}
    return codes.pop() if len(codes) == 1 else None


@lru_cache(maxsize=4096)
def _first_country(title: str) -> tuple[str | None, str | None]:
    """The first country a title names, and the country of the first foreign place it names.

    "tại Việt Nam" says where a post is, not whose it is ("Trưởng đại diện JICA tại Việt Nam"), and so
    does an organisation's Vietnamese office ("Good Neighbors Việt Nam"); a foreign province gives its
    country ("Thống đốc tỉnh Kampong Cham" -> KH).
    """
    words = title.split()
    place_code = None
    for start in range(len(words)):
        for size in range(min(6, len(words) - start), 0, -1):
            phrase = " ".join(words[start : start + size]).strip(",.;()")
            if phrase == "Việt Nam":
                before = words[start - 1] if start else ""
                if before == "tại" or (before[:1].isupper() and not before.isupper() and not is_viet(before)):
                    continue  # where a post is ("tại Việt Nam"), an office's ("Plan International Việt Nam")
                return "VN", place_code
            place_code = place_code or _place_country(phrase)
            code = country_code(phrase)
            if code and (size > 1 or _single_word_country_ok(words, start)):
                return code, place_code
    return None, place_code


def _place_country(phrase: str) -> str | None:
    code = FOREIGN_PLACES.get(fold_phrase(phrase))
    return code if code and code != "WORLD" else None


def _single_word_country_ok(words: list[str], index: int) -> bool:
    """A one-word country in a title stands after the position or an organisation word, not inside a name."""
    after = words[index + 1] if index + 1 < len(words) else ""
    return not (after[:1].isupper() and is_viet(after) and fold(after) not in NEVER_FIRST)


def _nearby_country(doc: Document, evidence: Evidence) -> str | None:
    """The foreign country named closest before a foreign name in its sentence."""
    sentence = doc.text[evidence.sentence_start : evidence.start]
    words = sentence.split()
    for index in range(len(words) - 1, -1, -1):
        for size in range(min(5, len(words) - index), 0, -1):
            phrase = " ".join(words[index : index + size]).strip(",.;()")
            code = country_code(phrase) or _place_country(phrase)  # "tỉnh Savannakhet" -> LA
            if code and phrase[:1].isupper():
                return code
    return None
