"""Legacy Vietnamese encodings (VNI, TCVN3): the tables against hand-checked bytes, and whole pages
encoded here, detected, converted and parsed (issue 14, item 7). No article text is copied."""

from __future__ import annotations

import unicodedata

import pytest

from scrapers import legacy_encodings
from scrapers.config import load_sites
from scrapers.legacy_encodings import LEGACY_ENCODINGS, decode, detect, encode, windows_1252_view
from scrapers.parse import decode_page, parse_article

TITLE = "Đoàn đại biểu hữu nghị thăm tỉnh Cần Thơ"
PARAGRAPHS = (
    "Sáng nay, đoàn cán bộ của Liên hiệp các tổ chức hữu nghị đã đến thăm một trường ở huyện Phong Điền.",
    "Dịp này, đoàn trao tặng 200 suất học bổng cho học sinh vượt khó của tỉnh, mỗi suất 1,5 triệu đồng.",
    "Bà Trần Thị Lan cảm ơn những người đã đồng hành cùng chương trình hợp tác quốc tế này.",
)
FONTS = {"vni": "VNI-Times", "tcvn3": ".VnTime"}

# Hand-checked against the published tables: what old pages show in a browser without the font.
HAND_CHECKED = [
    ("vni", b"Vie\xe4t Nam", "Việt Nam"),
    ("vni", b"ng\xf6\xf4\xf8i", "người"),
    ("vni", b"\xf1\xf6\xf4\xefc", "được"),
    ("vni", b"cu\xfba", "của"),
    ("vni", b"\xd1a\xfbng", "Đảng"),
    ("vni", b"Thu\xee", "Thuỵ"),
    ("vni", b"A\xc1n \xd1o\xe4", "Ấn Độ"),
    ("tcvn3", b"Vi\xd6t Nam", "Việt Nam"),
    ("tcvn3", b"ng\xad\xeai", "người"),
    ("tcvn3", b"\xae\xad\xeec", "được"),
    ("tcvn3", b"c\xf1a", "của"),
    ("tcvn3", b"\xa7\xb6ng", "Đảng"),
    ("tcvn3", b"C\xc7n Th\xac", "Cần Thơ"),
]


@pytest.mark.parametrize(("encoding", "data", "text"), HAND_CHECKED)
def test_hand_checked_bytes_decode_and_encode(encoding: str, data: bytes, text: str) -> None:
    assert decode(data, encoding) == text  # type: ignore[arg-type]
    if encoding == "vni" or text == text.lower() or text[0] in "ĂÂÊÔƠƯĐ":
        assert encode(text, encoding) == data  # type: ignore[arg-type]


def _letters() -> list[str]:
    bases = "aăâeêioôơuưy"
    tones = ("", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323")
    lower = [unicodedata.normalize("NFC", base + tone) for base in bases for tone in tones] + ["đ"]
    return lower + [letter.upper() for letter in lower]


# TCVN3's only uppercase codes; every other uppercase letter is its lowercase code in an uppercase
# font (.VnTimeH), so it reads back in lower case
TCVN3_UPPERCASE = "ĂÂÊÔƠƯĐ"


@pytest.mark.parametrize("encoding", LEGACY_ENCODINGS)
def test_every_vietnamese_letter_goes_there_and_back(encoding: str) -> None:
    for letter in _letters():
        back = decode(encode(letter, encoding), encoding)  # type: ignore[arg-type]
        lowered = encoding == "tcvn3" and letter.isupper() and not letter.isascii()
        expected = letter.lower() if lowered and letter not in TCVN3_UPPERCASE else letter
        assert back == expected, (encoding, letter, back)


def test_the_tables_give_each_written_form_to_one_letter() -> None:
    for encoding in LEGACY_ENCODINGS:
        table = legacy_encodings._tables()[encoding]
        assert len(set(table.values())) == len(table), encoding


def _page(encoding: str | None) -> bytes:
    """A thoidai article page in `encoding` (None: UTF-8), declared windows-1252 as such pages are."""
    font = f' style="font-family: {FONTS[encoding]}"' if encoding else ""
    body = "".join(f"<p>{paragraph}</p>" for paragraph in PARAGRAPHS)
    html = (
        f'<html><head><title>{TITLE}</title></head><body{font}><article class="detail">'
        f'<h1 class="article-title">{TITLE}</h1><div class="article-date">07:05 | 04/11/2020</div>'
        f'<div class="article-content">{body}</div></article></body></html>'
    )
    return encode(html, encoding) if encoding else html.encode()  # type: ignore[arg-type]


@pytest.mark.parametrize("encoding", LEGACY_ENCODINGS)
@pytest.mark.parametrize(
    "content_type", ["text/html; charset=windows-1252", "text/html", "text/html; charset=utf-8"]
)
def test_a_legacy_page_is_detected_converted_and_parsed(encoding: str, content_type: str) -> None:
    page = decode_page(_page(encoding), content_type)
    assert page.legacy.encoding == encoding and page.legacy.sure
    assert page.converted_from == encoding
    document = parse_article(load_sites()["thoidai"], "https://thoidai.com.vn/a-1.html", page.html)
    assert document.title == TITLE and document.parser == "site:thoidai"
    assert document.body_text.split("\n\n") == list(PARAGRAPHS)


@pytest.mark.parametrize("encoding", LEGACY_ENCODINGS)
def test_a_legacy_page_without_its_font_is_still_detected_by_its_words(encoding: str) -> None:
    html = "<p>" + " ".join(PARAGRAPHS) + "</p>"
    detection = detect(windows_1252_view(encode(html, encoding)))  # type: ignore[arg-type]
    assert detection.encoding == encoding and detection.sure, detection


def test_unicode_and_western_pages_are_left_alone() -> None:
    assert decode_page(_page(None), "text/html; charset=utf-8").legacy.encoding is None
    french = "<p>" + "Les élèves ont reçu des bourses à Cần Thơ; le député a été très ému. " * 5 + "</p>"
    for data in (french.encode("cp1252", errors="replace"), french.encode()):
        page = decode_page(data, "text/html; charset=windows-1252")
        assert page.legacy.encoding is None and page.converted_from is None


def test_a_page_that_reads_only_a_little_like_vietnamese_is_unsure() -> None:
    # two common words, the rest names and numbers: not enough to convert, enough to doubt
    text = "Caàn Thô ñaõ " + "Müller Ørsted Ångström Ñandú Ïle Ôté Ûber Åse Ùri Øy " * 3
    detection = detect(text)
    assert detection.encoding == "vni" and not detection.sure
    page = decode_page(text.encode("cp1252"), "text/html; charset=windows-1252")
    assert page.converted_from is None and page.html.startswith("Caàn")  # kept as read, not guessed
