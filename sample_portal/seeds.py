"""The five seed documents, read from ../shared/seeds at start and split into
the parts of a page (title, date, body, inline related boxes, sidebars).

The seeds are text dumps of real pages. How each dump is laid out is the
simulated server's site knowledge, kept here as data: where the title is,
whether the body ends at the byline or at a sidebar heading. No seed text
is stored in the repository.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from sample_portal.model import Article, Attachment

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")
SIDEBAR_HEADINGS = (
    "Tin bài liên quan",
    "Các tin bài khác",
    "Đọc nhiều",
    "Nguồn:",
    "Multimedia",
    "Bờ cõi biển đảo",
)


@dataclass(frozen=True)
class SeedLayout:
    stem_prefix: str
    site: str
    id: int
    category: str
    title_index: int  # among non-empty lines; lines before it are the site's chrome
    ends_at_byline: bool  # else at the first sidebar heading (or the end of the file)
    listed_at: datetime  # position in listings when the page shows no date


LAYOUTS = (
    SeedLayout(
        "000_", "thoidai", 186101, "doi-ngoai-nhan-dan", 0, False, datetime(2023, 2, 1, 9, 0, tzinfo=VIETNAM)
    ),
    SeedLayout(
        "002_",
        "mattrancantho",
        4121,
        "doi-ngoai-nhan-dan",
        1,
        False,
        datetime(2021, 6, 5, 8, 0, tzinfo=VIETNAM),
    ),
    SeedLayout(
        "003_", "nhipsongmientay", 7093, "nhip-song", 1, True, datetime(2022, 6, 30, 9, 33, tzinfo=VIETNAM)
    ),
    SeedLayout("004_", "thoidai", 106215, "huu-nghi", 4, True, datetime(2020, 11, 4, 7, 5, tzinfo=VIETNAM)),
)
LETTER_PREFIX = "001_"

_DATE_LINE = re.compile(
    r"^(?:[^\d]{0,12},\s*)?(?:\d{1,2}:\d{2}\s*\|\s*)?\d{1,2}/\d{1,2}/\d{4}(?:[,\s]+\d{1,2}:\d{2}.*)?(?:\s*GMT\+7)?$"
)
_BYLINE = re.compile(r"^[A-ZĐÀ-Ỹ][^\s\d.,:;!?]*(?:\s+(?:-\s+)?[A-ZĐÀ-Ỹ][^\s\d.,:;!?]*){0,4}$")


def default_seeds_dir() -> Path:
    return Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"


def _doubled(line: str) -> bool:
    """A related-article box renders its headline twice on one line."""
    half = len(line) // 2
    return len(line) > 20 and line[:half].strip() == line[half:].strip()


def _date_of(line: str) -> datetime | None:
    match = re.search(r"(\d{1,2})/(\d{1,2})/(\d{4})", line)
    time = re.search(r"(\d{1,2}):(\d{2})\s*(AM|PM)?", line)
    if not match:
        return None
    hour, minute = (int(time.group(1)), int(time.group(2))) if time else (0, 0)
    if time and time.group(3) == "PM" and hour < 12:
        hour += 12
    day, month, year = map(int, match.groups())
    return datetime(year, month, day, hour, minute, tzinfo=VIETNAM)


def split_seed(text: str, layout: SeedLayout) -> Article:
    lines = [line.strip() for line in text.split("\n")]
    lines = [line for line in lines if line]
    chrome, title, rest = (
        lines[: layout.title_index],
        lines[layout.title_index],
        lines[layout.title_index + 1 :],
    )
    date_line = next((line for line in chrome + rest[:2] if _DATE_LINE.match(line)), None)
    rest = [line for line in rest if line != date_line]
    body_end = len(rest)
    for index, line in enumerate(rest):
        if line in SIDEBAR_HEADINGS or line.rstrip(":") + ":" in SIDEBAR_HEADINGS:
            body_end = index
            break
        if layout.ends_at_byline and index > 3 and _BYLINE.match(line) and len(line.split()) <= 5:
            body_end = index + 1
            break
    paragraphs: list[str] = []
    inline: list[tuple[int, str, str]] = []
    body = rest[:body_end]
    index = 0
    while index < len(body):
        line = body[index]
        if _doubled(line):
            headline = line[: len(line) // 2].strip()
            teaser = body[index + 1] if index + 1 < len(body) and body[index + 1].endswith("...") else ""
            inline.append((len(paragraphs), headline, teaser))
            index += 2 if teaser else 1
            continue
        paragraphs.append(line)
        index += 1
    sidebar = _sidebar(rest[body_end:])
    return Article(
        site=layout.site,
        id=layout.id,
        category=layout.category,
        title=title,
        published=_date_of(date_line) if date_line else None,
        lead=paragraphs[0] if paragraphs else "",
        paragraphs=tuple(paragraphs[1:]),
        inline_related=tuple(inline),
        sidebar=sidebar,
    )


def _sidebar(lines: list[str]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    groups: list[tuple[str, list[str]]] = [("Tin khác", [])]
    for line in lines:
        if line.rstrip(":") + ":" in SIDEBAR_HEADINGS or line in SIDEBAR_HEADINGS:
            groups.append((line.rstrip(":"), []))
        elif not line.startswith("!["):
            headline = line[: len(line) // 2].strip() if _doubled(line) else line
            groups[-1][1].append(headline)
    return tuple((heading, tuple(items)) for heading, items in groups if items)


def listing_date(article: Article) -> datetime:
    layout = next(
        (layout for layout in LAYOUTS if (layout.site, layout.id) == (article.site, article.id)), None
    )
    return article.published or (layout.listed_at if layout else datetime(2000, 1, 1, tzinfo=VIETNAM))


def load_seeds(seeds_dir: Path | None) -> list[Article]:
    """The seed pages, or none when the seeds folder is absent."""
    folder = seeds_dir or default_seeds_dir()
    if not folder.is_dir():
        return []
    articles = []
    for layout in LAYOUTS:
        for path in sorted(folder.glob(f"{layout.stem_prefix}*.txt")):
            articles.append(split_seed(path.read_text(encoding="utf-8"), layout))
    for path in sorted(folder.glob(f"{LETTER_PREFIX}*.txt")):
        articles.append(_letter_page(path.read_text(encoding="utf-8")))
    return articles


def _letter_page(text: str) -> Article:
    """Letter 677-CV/TU: a short announcement whose attachment is the letter as a PDF."""
    lines = [line.rstrip() for line in text.split("\n")]
    collapsed = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    number = re.search(r"Số\s+([\w/-]+)", collapsed)
    dated = re.search(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", collapsed)
    code = number.group(1) if number else "677-CV/TU"
    published = (
        datetime(int(dated.group(3)), int(dated.group(2)), int(dated.group(1)), 8, 15, tzinfo=VIETNAM)
        if dated
        else None
    )
    title = f"Công văn số {code} của Ban Thường vụ Thành ủy về công tác đối ngoại nhân dân"
    return Article(
        site="thanhuycantho",
        id=5677,
        category="van-ban-chi-dao",
        title=title,
        published=published,
        lead=f"Ban Thường vụ Thành ủy ban hành Công văn số {code}. Toàn văn xem trong tệp đính kèm.",
        paragraphs=("Đề nghị các cấp ủy, tổ chức đảng nghiên cứu, triển khai thực hiện.",),
        attachments=(
            Attachment(
                title=f"Công văn số {code}",
                file_name=f"cong-van-{code.lower().replace('/', '-')}.pdf",
                text=collapsed,
            ),
        ),
    )
