"""Main content of an HTML page of unknown layout, and its date.

The generic fallback of the crawler and `doingoai extract page.html` share
this code. trafilatura is a maintained main-content extractor that handles
news layouts well (it drops navigation, sidebars and related-article lists);
we keep its paragraphs and captions and ask it for the page's date.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import trafilatura


@dataclass(frozen=True)
class PageContent:
    title: str | None
    body_text: str  # paragraphs separated by blank lines
    published_on: date | None


def extract_main_content(html: str, url: str | None = None) -> PageContent:
    """The title, main text and date of a page; empty text when nothing is found, never an exception."""
    document = trafilatura.bare_extraction(
        html,
        url=url,
        include_comments=False,
        include_tables=True,
        include_images=False,
        favor_precision=True,
        with_metadata=True,
    )
    if document is None:
        return PageContent(title=None, body_text="", published_on=None)
    text = (document.text or "").strip()
    paragraphs = [line.strip() for line in text.split("\n") if line.strip()]
    published = None
    if document.date:
        try:
            published = date.fromisoformat(document.date[:10])
        except ValueError:
            published = None
    return PageContent(title=document.title, body_text="\n\n".join(paragraphs), published_on=published)
