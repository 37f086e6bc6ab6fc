"""The sample portal's fault modes (sample_portal/faults.py): each rewrites only the pages it aims at,
and the legacy encoders write the published VNI and TCVN3 bytes, which the crawler's decoder reads back."""

from __future__ import annotations

import time
import unicodedata

import httpx
import pytest

from sample_portal.faults import FAULTS, encode_tcvn3, encode_vni, parse_faults
from sample_portal.model import SITES
from sample_portal.server import RunningPortal
from scrapers import legacy_encodings
from scrapers.parse import decode_page

# Hand-checked against the published tables (VNI-Windows of VNI Software; TCVN 5712:1993 "ABC")
HAND_CHECKED = [
    ("Việt Nam", b"Vie\xe4t Nam", b"Vi\xd6t Nam"),  # ệ: e + ä (VNI); 0xD6 (TCVN3)
    ("người", b"ng\xf6\xf4\xf8i", b"ng\xad\xeai"),  # ư = ö, ờ = ô + ø (VNI); ư 0xAD, ờ 0xEA (TCVN3)
    ("đối ngoại", b"\xf1o\xe1i ngoa\xefi", b"\xae\xe8i ngo\xb9i"),  # đ ñ / 0xAE; ố o + á / 0xE8
    ("hữu nghị", b"h\xf6\xf5u ngh\xf2", b"h\xf7u ngh\xde"),  # ữ ö + õ / 0xF7; ị ò / 0xDE
    ("Đoàn", b"\xd1oa\xf8n", b"\xa7o\xb5n"),  # Đ Ñ / 0xA7
    ("thắm", b"tha\xe9m", b"th\xbem"),  # ắ a + é / 0xBE
]


@pytest.mark.parametrize(("text", "vni", "tcvn3"), HAND_CHECKED)
def test_the_encoders_write_the_published_bytes(text: str, vni: bytes, tcvn3: bytes) -> None:
    assert encode_vni(text) == vni
    assert encode_tcvn3(text) == tcvn3


def test_every_letter_the_crawlers_tables_know_is_written_so_that_its_decoder_reads_it_back() -> None:
    """The portal's encoders and scrapers/legacy_encodings.py were written apart from the same
    tables: they agree on every Vietnamese letter (TCVN3 without case for the capitals it lacks)."""
    letters = [
        letter
        for letter in map(chr, range(0xC0, 0x1EFA))
        if unicodedata.category(letter).startswith("L") and letter in _vietnamese_letters()
    ]
    assert len(letters) == 134
    for letter in letters:
        assert legacy_encodings.decode(encode_vni(letter), "vni") == letter, letter
        tcvn3 = legacy_encodings.decode(encode_tcvn3(letter), "tcvn3")
        assert tcvn3 == letter or tcvn3 == letter.lower(), letter


def _vietnamese_letters() -> set[str]:
    """Every letter with a Vietnamese mark: a, e, i, o, u, y with the five tones, and â ă ê ô ơ ư đ."""
    bases = "aăâeêioôơuưy"
    tones = ("", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323")
    letters = {unicodedata.normalize("NFC", base + tone) for base in bases for tone in tones} | {"đ"}
    letters -= set("aeiouy")
    return letters | {letter.upper() for letter in letters}


def test_a_fault_is_named_and_aimed_or_refused() -> None:
    assert parse_faults(["listing_404=thoidai", "slow_drip=thoidai:/a-1.html"]) == {
        "listing_404": "thoidai",
        "slow_drip": "thoidai:/a-1.html",
    }
    with pytest.raises(ValueError, match="unknown fault listing404"):
        parse_faults(["listing404=thoidai"])
    with pytest.raises(ValueError, match="NAME=SITE"):
        parse_faults(["listing_404"])


def get(portal: RunningPortal, site: str, path: str, **headers: str) -> httpx.Response:
    return httpx.get(portal.url + path, headers={"Host": SITES[site].host, **headers}, timeout=10)


def first_article(portal: RunningPortal, site: str) -> str:
    return SITES[site].article_path(portal.portal.online(site)[0])


def test_each_fault_rewrites_only_the_pages_it_aims_at(portal: RunningPortal) -> None:
    thoidai, mattran = SITES["thoidai"], SITES["mattrancantho"]
    article = first_article(portal, "thoidai")
    other_article = SITES["thoidai"].article_path(portal.portal.online("thoidai")[1])
    portal.set_state(
        faults={
            "listing_404": "thoidai",
            "sitemap_404": "thoidai",
            "robots_disallow_all": "nhipsongmientay",
            "garbage_200": f"thoidai:{article}",
            "maintenance": "thanhuycantho",
            "vni": "mattrancantho",
        }
    )
    first_page = thoidai.category_path(thoidai.categories[0])
    assert get(portal, "thoidai", first_page).status_code == 404
    assert get(portal, "thoidai", thoidai.listing_url(thoidai.categories[0], 2)).status_code == 200
    assert get(portal, "thoidai", "/sitemap.xml").status_code == 404
    assert get(portal, "mattrancantho", mattran.category_path(mattran.categories[0])).status_code == 200
    assert get(portal, "nhipsongmientay", "/robots.txt").text == "User-agent: *\nDisallow: /\n"
    assert "Disallow: /tim-kiem" in get(portal, "thoidai", "/robots.txt").text

    garbage = get(portal, "thoidai", article)
    assert garbage.status_code == 200 and b"<html" not in garbage.content
    assert garbage.content == get(portal, "thoidai", article).content  # the same noise each time
    assert b"article-title" in get(portal, "thoidai", other_article).content

    maintenance = get(portal, "thanhuycantho", first_article(portal, "thanhuycantho"))
    assert maintenance.status_code == 200 and "đang được bảo trì" in maintenance.text

    story = portal.portal.online("mattrancantho")[0]
    legacy = get(portal, "mattrancantho", mattran.article_path(story))
    assert encode_vni(story.title) in legacy.content
    assert story.title.encode() not in legacy.content
    decoded = decode_page(legacy.content, legacy.headers["content-type"])  # the crawler's decoder
    assert decoded.converted_from == "vni" and story.title in decoded.html


def test_a_tcvn3_page_is_read_back_by_the_crawlers_decoder(portal: RunningPortal) -> None:
    portal.set_state(faults={"tcvn3": "nhipsongmientay"})
    story = portal.portal.online("nhipsongmientay")[0]
    page = get(portal, "nhipsongmientay", SITES["nhipsongmientay"].article_path(story))
    assert encode_tcvn3(story.title) in page.content
    decoded = decode_page(page.content, page.headers["content-type"])
    assert decoded.converted_from == "tcvn3"
    assert story.title.lower() in decoded.html.lower()  # TCVN3 has no code for most capitals


def test_rotating_ads_change_every_answer_of_an_unchanged_article(portal: RunningPortal) -> None:
    portal.set_state(faults={"rotating_ads": "thoidai"})
    path = first_article(portal, "thoidai")
    first = get(portal, "thoidai", path)
    second = get(portal, "thoidai", path, **{"If-None-Match": first.headers["etag"]})
    assert second.status_code == 200  # a new ETag: the body changed
    assert first.content != second.content and 'class="ad-banner"' in second.text


def test_a_slow_drip_answer_sends_its_body_a_byte_at_a_time(portal: RunningPortal) -> None:
    path = first_article(portal, "thoidai")
    portal.set_state(faults={"slow_drip": f"thoidai:{path}"})
    began = time.monotonic()
    with httpx.stream("GET", portal.url + path, headers={"Host": "thoidai.com.vn"}, timeout=5) as answer:
        assert answer.status_code == 200
        chunks = answer.iter_raw(1)
        received = next(chunks) + next(chunks)
    assert len(received) == 2 and time.monotonic() - began >= 0.9  # each read is short; the whole is not


def test_an_unknown_fault_is_refused_by_the_control_endpoint(portal: RunningPortal) -> None:
    answer = httpx.post(f"{portal.url}/__portal__/state", json={"faults": {"nope": "thoidai"}}, timeout=5)
    assert answer.status_code == 400 and "unknown fault nope" in answer.json()["error"]
    assert set(FAULTS) >= {"slow_drip", "listing_404", "sitemap_404", "robots_disallow_all", "garbage_200"}
