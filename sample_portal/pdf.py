"""PDF attachments rendered from text with fpdf2 and a Unicode font.

Vietnamese needs a TrueType font with its diacritics; DejaVu Sans ships with
Debian (fonts-dejavu-core). Rendering is cached: the same text gives the same
bytes, so ETags stay stable between requests.
"""

from __future__ import annotations

from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path

from fpdf import FPDF

FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/TTF/DejaVuSans.ttf",
)


def _font_path() -> str:
    for candidate in FONT_CANDIDATES:
        if Path(candidate).is_file():
            return candidate
    raise FileNotFoundError(
        "no DejaVuSans.ttf found for PDF attachments; install Debian's fonts-dejavu-core (looked in "
        + ", ".join(FONT_CANDIDATES)
        + ")"
    )


@lru_cache(maxsize=64)
def render_pdf(text: str) -> bytes:
    pdf = FPDF(format="A4")
    pdf.set_creation_date(datetime(2000, 1, 1, tzinfo=UTC))  # fixed, so the same text gives the same bytes
    pdf.add_font("DejaVu", "", _font_path())
    pdf.set_font("DejaVu", size=11)
    pdf.add_page()
    for line in text.split("\n"):
        pdf.multi_cell(0, 6, line.strip() or " ", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())
