"""Text of PDF attachments (official letters, plans, directives).

pypdf is pure Python and actively maintained: no system libraries to install
on a fresh machine or in CI, and it reads the text layer of the letters the
portals publish. Scanned PDFs without a text layer give empty text; that is
recorded, not guessed at.
"""

from __future__ import annotations

import io
import re
import unicodedata

from pypdf import PdfReader


class PdfTextError(ValueError):
    """The bytes are not a readable PDF."""


def pdf_text(data: bytes) -> str:
    """The text of every page, NFC, trailing spaces stripped and runs of blank lines collapsed."""
    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
    except Exception as error:  # pypdf raises many kinds of errors on damaged files
        raise PdfTextError(f"unreadable PDF: {error}") from error
    text = unicodedata.normalize("NFC", "\n".join(pages))
    text = "\n".join(line.rstrip() for line in text.splitlines())
    return re.sub(r"\n{3,}", "\n\n", text).strip()
