"""Fault modes of the sample portal: the hostile answers a real portal gives at night, on demand.

A test (or a person at `doingoai sample-portal --fault NAME=TARGET`) switches faults on through the
portal's state, `{"faults": {"listing_404": "thoidai", "slow_drip": "mattrancantho:/tin-tuc/x-7"}}`
(`RunningPortal.set_state(faults=...)` or POST /__portal__/state). A target is a site id (every page of
that kind on the site) or `SITE:PATH` (that one page). Each fault rewrites the answer the portal
would have given, and only on the pages its kind names, so the other sites, and the site's other
pages, stay as they were:

| fault | pages | the answer |
| --- | --- | --- |
| slow_drip | articles | the page, one byte every DRIP_SECONDS |
| listing_404 | listings' first pages | 404 |
| sitemap_404 | the sitemap | 404 |
| robots_disallow_all | robots.txt | `Disallow: /` |
| garbage_200 | articles | 200 with random bytes (the same for a page on every request) |
| maintenance | articles | 200 with a maintenance notice, as some CMSs answer while they are down |
| vni, tcvn3 | articles | the page in that legacy Vietnamese encoding, declared as windows-1252 |
| rotating_ads | articles | the page with an ad and a view counter that change on every request |

The VNI and TCVN3 encoders are written here from the published tables (VNI-Windows of VNI Software;
TCVN 5712:1993, "ABC"), independently of the crawler's decoder (scrapers/legacy_encodings.py), so a
test of one against the other means something.
"""

from __future__ import annotations

import hashlib
import io
import itertools
import random
import re
import time
import unicodedata
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, Literal
from urllib.parse import urlsplit

from sample_portal.model import SITES, SiteScheme

if TYPE_CHECKING:
    from sample_portal.server import Response

PageKind = Literal["robots", "sitemap", "listing", "article", "other"]
# fault -> the kind of page it rewrites
FAULTS: dict[str, PageKind] = {
    "slow_drip": "article",
    "listing_404": "listing",
    "sitemap_404": "sitemap",
    "robots_disallow_all": "robots",
    "garbage_200": "article",
    "maintenance": "article",
    "vni": "article",
    "tcvn3": "article",
    "rotating_ads": "article",
}
DRIP_SECONDS = 1.0  # between two bytes of a slow-drip answer
MAINTENANCE_PAGE = (
    "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Bảo trì hệ thống</title></head><body>"
    "<h1>Website đang được bảo trì</h1><p>Xin quý độc giả vui lòng quay lại sau. Xin cảm ơn!</p>"
    "</body></html>"
)
_views = itertools.count(1)  # the rotating ads' counter, shared by every request of the process


def site_scheme(host: str) -> SiteScheme | None:
    """The site a Host header names (with or without www.), if it is one of the portal's."""
    return next((scheme for scheme in SITES.values() if host in (scheme.host, f"www.{scheme.host}")), None)


def drip(stream: io.BufferedIOBase, body: bytes, seconds: float) -> None:
    """Write `body` one byte at a time, `seconds` apart: an answer that never times out a read."""
    for byte in body:
        stream.write(bytes([byte]))
        stream.flush()
        time.sleep(seconds)


def parse_faults(options: tuple[str, ...] | list[str]) -> dict[str, str]:
    """`("listing_404=thoidai", "slow_drip=mattrancantho:/tin-tuc/x-7")` as the portal's `faults` state."""
    faults = {}
    for option in options:
        name, equals, target = option.partition("=")
        if not equals or not target:
            raise ValueError(f"a fault is NAME=SITE or NAME=SITE:PATH, not {option!r}")
        faults[name.strip()] = target.strip()
    return check_faults(faults)


def check_faults(faults: dict[str, str]) -> dict[str, str]:
    """`faults` if every name is known; a ValueError naming the unknown ones otherwise."""
    unknown = sorted(set(faults) - set(FAULTS))
    if unknown:
        raise ValueError(f"unknown fault {', '.join(unknown)}: known are {', '.join(FAULTS)}")
    return faults


def targets(target: str, scheme: SiteScheme, path: str) -> bool:
    """Whether a fault aimed at `target` ("SITE" or "SITE:PATH") hits this page of this site."""
    site, _, only = target.partition(":")
    return site == scheme.id and (not only or only == path)


def page_kind(scheme: SiteScheme, target: str, response: Response) -> PageKind:
    """What the portal just answered at `target` (path and query): the kinds of page a fault aims at."""
    path = urlsplit(target).path.rstrip("/")
    if path == "/robots.txt":
        return "robots"
    if path.startswith("/sitemap"):
        return "sitemap"
    if any(target.rstrip("/") == scheme.category_path(category) for category in scheme.categories):
        return "listing"  # a first page; later pages are left alone (a 404 there ends a walk normally)
    later_pages = (
        scheme.listing_url(category, page).rstrip("/")
        for category in scheme.categories
        for page in range(2, 100)
    )
    if target.rstrip("/") in later_pages:
        return "other"
    if response.status == 200 and response.content_type.startswith("text/html"):
        return "article"
    return "other"


def apply_faults(
    faults: dict[str, str], scheme: SiteScheme | None, target: str, response: Response
) -> Response:
    """The answer to `target` (path and query) with every fault aimed at it applied (none: unchanged)."""
    if scheme is None or not faults:
        return response
    kind = page_kind(scheme, target, response)
    path = urlsplit(target).path
    for fault, aim in faults.items():
        if FAULTS.get(fault) == kind and targets(aim, scheme, path):
            response = _FAULT_ANSWERS[fault](response, path)
    return response


def _slow_drip(response: Response, path: str) -> Response:
    return replace(response, drip=DRIP_SECONDS)


def _not_found(response: Response, path: str) -> Response:
    return replace(response, status=404, body=b"<html><body><h1>404 Not Found</h1></body></html>", headers=())


def _disallow_all(response: Response, path: str) -> Response:
    return replace(response, body=b"User-agent: *\nDisallow: /\n")


def _garbage(response: Response, path: str) -> Response:
    noise = random.Random(hashlib.sha256(path.encode()).digest())
    return replace(response, body=bytes(noise.randrange(256) for _ in range(4096)), last_modified=None)


def _maintenance(response: Response, path: str) -> Response:
    return replace(response, body=MAINTENANCE_PAGE.encode(), last_modified=None)


def _rotating_ads(response: Response, path: str) -> Response:
    views = next(_views)
    extra = (
        f'<div class="ad-banner"><a href="https://quangcao.example/{views % 7}">Quảng cáo số {views % 7}</a></div>'
        f'<span class="view-count">Lượt xem: {views}</span></body>'
    )
    return replace(response, body=response.body.replace(b"</body>", extra.encode(), 1))


def _legacy(encode: Callable[[str], bytes]) -> Callable[[Response, str], Response]:
    def answer(response: Response, path: str) -> Response:
        html = response.body.decode("utf-8")
        html = re.sub(
            r"<meta[^>]*charset[^>]*>",
            '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">',
            html,
            count=1,
            flags=re.IGNORECASE,
        )
        return replace(response, body=encode(html), content_type="text/html")

    return answer


# --- the legacy encoders --------------------------------------------------------------------------------

# A Vietnamese letter as (base letter, vowel mark, tone): NFD splits it so, with the marks as combining
# characters: breve U+0306, circumflex U+0302, horn U+031B; tones acute U+0301, grave U+0300, hook above
# U+0309, tilde U+0303, dot below U+0323.
TONES = ("\u0301", "\u0300", "\u0309", "\u0303", "\u0323")  # sắc, huyền, hỏi, ngã, nặng

# VNI-Windows: the base letter, then one byte for the vowel mark and the tone together (or the tone
# alone); ơ, ư, đ, and i and y with some tones, are bytes of their own. Bytes as windows-1252 letters.
VNI_TONE = dict(zip(TONES, "ùøûõï", strict=True))
VNI_CIRCUMFLEX = {"": "â", **dict(zip(TONES, "áàåãä", strict=True))}
VNI_BREVE = {"": "ê", **dict(zip(TONES, "éèúüë", strict=True))}
VNI_OWN = {"ơ": "ô", "ư": "ö", "đ": "ñ", **dict(zip("íìỉĩị", "íìæóò", strict=True)), "ỵ": "î"}


def vni_letter(letter: str) -> str:
    """One letter in VNI-Windows, as windows-1252 text."""
    lower = letter.lower()
    upper = letter != lower
    parts = unicodedata.normalize("NFD", lower)
    base, marks = parts[0], parts[1:]
    tone = next((mark for mark in marks if mark in TONES), "")
    if lower in VNI_OWN:
        written = VNI_OWN[lower]
    elif "\u031b" in marks:  # horn: ơ or ư, then the tone
        written = VNI_OWN["ơ" if base == "o" else "ư"] + (VNI_TONE[tone] if tone else "")
    elif "\u0302" in marks:
        written = base + VNI_CIRCUMFLEX[tone]
    elif "\u0306" in marks:
        written = base + VNI_BREVE[tone]
    elif tone:
        written = base + VNI_TONE[tone]
    else:
        return letter
    return written.upper() if upper else written


# TCVN3 (ABC): one byte per letter; lowercase letters only, but for Ă Â Ê Ô Ơ Ư Đ (a page wrote other
# capitals in the font's capital variant, .VnTimeH, with the lowercase codes: the case is lost).
TCVN3_BYTES = {
    **dict(zip("ĂÂÊÔƠƯĐăâêôơưđ", range(0xA1, 0xAF), strict=True)),
    **dict(zip("àảãáạ", (0xB5, 0xB6, 0xB7, 0xB8, 0xB9), strict=True)),
    **dict(zip("ằẳẵắặ", (0xBB, 0xBC, 0xBD, 0xBE, 0xC6), strict=True)),
    **dict(zip("ầẩẫấậ", (0xC7, 0xC8, 0xC9, 0xCA, 0xCB), strict=True)),
    **dict(zip("èẻẽéẹ", (0xCC, 0xCE, 0xCF, 0xD0, 0xD1), strict=True)),
    **dict(zip("ềểễếệ", (0xD2, 0xD3, 0xD4, 0xD5, 0xD6), strict=True)),
    **dict(zip("ìỉĩíị", (0xD7, 0xD8, 0xDC, 0xDD, 0xDE), strict=True)),
    **dict(zip("òỏõóọ", (0xDF, 0xE1, 0xE2, 0xE3, 0xE4), strict=True)),
    **dict(zip("ồổỗốộ", (0xE5, 0xE6, 0xE7, 0xE8, 0xE9), strict=True)),
    **dict(zip("ờởỡớợ", (0xEA, 0xEB, 0xEC, 0xED, 0xEE), strict=True)),
    **dict(zip("ùủũúụ", (0xEF, 0xF1, 0xF2, 0xF3, 0xF4), strict=True)),
    **dict(zip("ừửữứự", (0xF5, 0xF6, 0xF7, 0xF8, 0xF9), strict=True)),
    **dict(zip("ỳỷỹýỵ", (0xFA, 0xFB, 0xFC, 0xFD, 0xFE), strict=True)),
}


def encode_vni(text: str) -> bytes:
    """`text` (Unicode, NFC) in VNI-Windows; characters windows-1252 cannot hold become '?'."""
    written = "".join(vni_letter(char) for char in unicodedata.normalize("NFC", text))
    return written.encode("cp1252", errors="replace")


def encode_tcvn3(text: str) -> bytes:
    """`text` (Unicode, NFC) in TCVN3; a capital with no code of its own takes its lowercase code."""
    out = bytearray()
    for char in unicodedata.normalize("NFC", text):
        code = TCVN3_BYTES.get(char, TCVN3_BYTES.get(char.lower()))
        if code is not None:
            out.append(code)
        else:
            out += char.encode("ascii", errors="replace")
    return bytes(out)


_FAULT_ANSWERS: dict[str, Callable[[Response, str], Response]] = {
    "slow_drip": _slow_drip,
    "listing_404": _not_found,
    "sitemap_404": _not_found,
    "robots_disallow_all": _disallow_all,
    "garbage_200": _garbage,
    "maintenance": _maintenance,
    "vni": _legacy(encode_vni),
    "tcvn3": _legacy(encode_tcvn3),
    "rotating_ads": _rotating_ads,
}
