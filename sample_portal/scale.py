"""Scale mode of the sample portal: N generated articles, made on request, for benchmarks.

`doingoai sample-portal --articles N` (and `start_portal(articles=N)`) serves N articles written by
the story generator (`sample_portal.stories.build_article`, the same templates as the written
stories) with people, organisations, countries, directives and aid amounts drawn per article from
the lists below by a random generator seeded with the article's number, so the same number always
gives the same page. Nothing is stored per article: an article's site, date, text and edits are
computed from its number when it is asked for, so 100,000 articles cost no memory beyond one array
of numbers per listing.

The archive (day 1) spreads over `ARCHIVE_YEARS` years ending on `ARCHIVE_END`, article 0 the
oldest. Day d adds `new_per_day` articles dated the d-th day after the archive's end, and edits as
many archive articles (a corrected amount and a line saying so), which also moves their
Last-Modified and their sitemap `lastmod`.

The sites: Thời Đại, the one with a sitemap, holds most of the archive; its sitemap is an index of
children of `SITEMAP_CHILD_SIZE` URLs, each with the `lastmod` of its newest entry. The three sites
found only through their listings hold the newest articles, only as many as the crawler's listing
walk reaches (`LISTING_DEPTH` pages of `PAGE_SIZE`), since a real crawler cannot find an article no
listing or sitemap shows; day by day they grow like the others. Pages weigh 40-120 KB, as real
portals' do: most of it is menus, sidebars, inline scripts and styles around a body of a few KB.
Scale articles have no attachments.
"""

from __future__ import annotations

import math
import random
import re
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cached_property, lru_cache
from html import escape

from sample_portal.layouts import PageChrome, article_page
from sample_portal.model import SITES, Article, SiteScheme
from sample_portal.seeds import VIETNAM
from sample_portal.stories import Person, Story, build_article

ARCHIVE_END = datetime(2026, 6, 30, 9, 0, tzinfo=VIETNAM)
ARCHIVE_YEARS = 12
FIRST_ID = 1_000_000  # article ids start here, clear of the written stories' and the seeds' ids
PAGE_SIZE = 20  # articles per listing page in scale mode (real sites show 10-30)
LISTING_DEPTH = 30  # pages the crawler's listing walk reads: `max_pages` of scrapers/sites/*.toml
SITEMAP_CHILD_SIZE = 1_000
# of every ten articles (in the part of the archive the listings reach, and every new day):
# seven on Thời Đại, one on each other site
SITE_PATTERN = ("thoidai",) * 7 + ("mattrancantho", "nhipsongmientay", "thanhuycantho")
SITEMAP_SITE = "thoidai"
MIN_PAGE_BYTES, MAX_PAGE_BYTES = 40_000, 120_000
RELATED_LINKS = 8  # links to the site's previous articles in each page's sidebar

# --- what articles are made of: Vietnamese news of people's diplomacy in the Mekong delta --------

FAMILY: tuple[str, ...] = (
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Huỳnh",
    "Phan",
    "Vũ",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
)
FAMILY += ("Ngô", "Dương", "Lý", "Trương", "Lâm")
MIDDLE: tuple[str, ...] = (
    "Văn",
    "Thị",
    "Thanh",
    "Minh",
    "Quốc",
    "Ngọc",
    "Thu",
    "Hữu",
    "Đức",
    "Hoài",
    "Kim",
    "Xuân",
)
GIVEN: tuple[str, ...] = (
    "An",
    "Bình",
    "Cường",
    "Dũng",
    "Giang",
    "Hà",
    "Hải",
    "Hạnh",
    "Hòa",
    "Hùng",
    "Hương",
    "Khánh",
)
GIVEN += ("Lan", "Linh", "Long", "Mai", "Nam", "Nga", "Phong", "Phúc", "Quang", "Sơn", "Tâm", "Thảo")
GIVEN += ("Trung", "Tuấn", "Vinh", "Yến", "Thắng", "Nhân", "Lộc", "Tài")
PROVINCES: tuple[str, ...] = (
    "Cần Thơ",
    "An Giang",
    "Hậu Giang",
    "Sóc Trăng",
    "Vĩnh Long",
    "Bạc Liêu",
    "Cà Mau",
)
PROVINCES += ("Kiên Giang", "Đồng Tháp", "Trà Vinh", "Bến Tre", "Tiền Giang", "Long An")
POSTS = (
    "Chủ tịch Liên hiệp các tổ chức hữu nghị {where}",
    "Phó Chủ tịch Liên hiệp các tổ chức hữu nghị {where}",
    "Giám đốc Sở Ngoại vụ {where}",
    "Phó Chủ tịch UBND {where}",
    "Chủ tịch Ủy ban MTTQ Việt Nam {where}",
    "Chủ tịch Hội hữu nghị Việt Nam - {country} {where}",
    "Phó Bí thư Thường trực {party}",
)
COUNTRIES: tuple[str, ...] = (
    "Nhật Bản",
    "Hàn Quốc",
    "Lào",
    "Campuchia",
    "Trung Quốc",
    "Hoa Kỳ",
    "Australia",
    "Pháp",
)
COUNTRIES += ("Đức", "Thái Lan", "Singapore", "Ấn Độ", "Cuba", "Liên bang Nga", "Canada", "Hà Lan")
FOREIGN_PEOPLE = (
    ("Yamada Takio", "Đại sứ Nhật Bản tại Việt Nam"),
    ("Choi Young Sam", "Đại sứ Hàn Quốc tại Việt Nam"),
    ("Khamphao Ernthavanh", "Đại sứ Lào tại Việt Nam"),
    ("Chay Navuth", "Đại sứ Campuchia tại Việt Nam"),
    ("Susan Burns", "Tổng Lãnh sự Hoa Kỳ tại Thành phố Hồ Chí Minh"),
    ("Sarah Hooper", "Tổng Lãnh sự Australia tại Thành phố Hồ Chí Minh"),
    ("Emmanuelle Pavillon-Grosser", "Tổng Lãnh sự Pháp tại Thành phố Hồ Chí Minh"),
    ("Josef Hinterseher", "Tổng Lãnh sự Đức tại Thành phố Hồ Chí Minh"),
    ("Wu Jun", "Tổng Lãnh sự Trung Quốc tại Thành phố Hồ Chí Minh"),
    ("Jaime Mario Pulido", "Tổng Lãnh sự Cuba tại Thành phố Hồ Chí Minh"),
)
DONORS = (
    "Tổ chức World Vision",
    "Cơ quan Hợp tác Quốc tế Hàn Quốc (KOICA)",
    "Cơ quan Hợp tác Quốc tế Nhật Bản (JICA)",
    "Tổ chức Plan International",
    "Tổ chức Habitat for Humanity",
    "Tổ chức Hợp tác Quốc tế Đức (GIZ)",
    "Tổ chức East Meets West",
    "Tổ chức Cứu trợ Trẻ em (Save the Children)",
    "Hội những người Hàn Quốc yêu Việt Nam",
    "Tổ chức Dịch vụ Cứu trợ Công giáo (CRS)",
)
PURPOSES = (
    "xây dựng {n} căn nhà tình thương cho hộ nghèo",
    "trao {n} suất học bổng cho học sinh có hoàn cảnh khó khăn",
    "mua sắm trang thiết bị cho trạm y tế xã",
    "xây dựng công trình nước sạch cho {n} hộ dân",
    "hỗ trợ {n} hộ dân bị ảnh hưởng bởi sạt lở bờ sông",
    "sửa chữa {n} phòng học ở vùng sâu",
)
ACTIVITIES = (
    ("đến thăm và làm việc với Liên hiệp các tổ chức hữu nghị {where}", "Đoàn đại biểu {country}"),
    ("tổ chức gặp mặt đoàn đại biểu {country}", "Liên hiệp các tổ chức hữu nghị {where}"),
    ("tổ chức lễ trao tặng quà cho người dân có hoàn cảnh khó khăn", "Hội hữu nghị Việt Nam - {country}"),
    (
        "tổ chức chương trình giao lưu hữu nghị với nhân dân {country}",
        "Liên hiệp các tổ chức hữu nghị {where}",
    ),
    ("tổ chức hội nghị tổng kết công tác đối ngoại nhân dân năm {year}", "Ủy ban MTTQ Việt Nam {where}"),
    ("tổ chức lễ khánh thành công trình do nhân dân {country} tài trợ", "UBND {where}"),
)
HEADLINES = (
    "{Host} {activity_short}",
    "Tăng cường giao lưu hữu nghị giữa nhân dân {where} và nhân dân {country}",
    "{where}: {activity_short}",
    "Thắt chặt tình hữu nghị Việt Nam - {country} tại {where}",
)
DIRECTIVE_KINDS = (
    ("Chỉ thị số {n}-CT/TW ngày {date} của Ban Bí thư", "Chỉ thị {n}-CT/TW"),
    ("Kế hoạch số {n}-KH/UBND ngày {date} của UBND {where}", "Kế hoạch số {n}-KH/UBND"),
    ("Nghị quyết số {n}-NQ/TU ngày {date} của Ban Thường vụ Tỉnh ủy", "Nghị quyết {n}-NQ/TU"),
)
# background of the kind every such article carries: no names, no amounts
BACKGROUND = (
    "Công tác đối ngoại nhân dân thời gian qua được triển khai đồng bộ, góp phần quảng bá hình ảnh, con người và tiềm năng của địa phương tới bạn bè quốc tế.",
    "Các tổ chức hữu nghị đã chủ động đổi mới nội dung, phương thức hoạt động, tăng cường vận động nguồn viện trợ phi chính phủ nước ngoài cho các chương trình an sinh xã hội.",
    "Nhiều dự án do các tổ chức phi chính phủ nước ngoài tài trợ đã phát huy hiệu quả, góp phần cải thiện đời sống người dân vùng sâu, vùng xa.",
    "Bên cạnh đó, công tác thông tin đối ngoại được chú trọng, các hoạt động giao lưu văn hóa, thể thao được tổ chức thường xuyên với sự tham gia của đông đảo người dân.",
    "Thời gian tới, địa phương tiếp tục phối hợp chặt chẽ với các cơ quan liên quan, phát huy vai trò cầu nối của các hội hữu nghị và cộng đồng người Việt Nam ở nước ngoài.",
    "Các đại biểu cũng thảo luận về những khó khăn, vướng mắc trong quá trình triển khai và đề xuất giải pháp nâng cao hiệu quả công tác vận động viện trợ.",
    "Hoạt động nhận được sự quan tâm, hưởng ứng của đông đảo đoàn viên, hội viên và người dân trên địa bàn.",
    "Dịp này, đoàn đã tham quan một số mô hình sản xuất nông nghiệp ứng dụng công nghệ cao và các điểm di tích lịch sử văn hóa của địa phương.",
)


@dataclass(frozen=True)
class ScaleArchive:
    """N articles on day 1; each later day adds and edits `new_per_day` of them."""

    articles: int
    new_per_day: int

    def __post_init__(self) -> None:
        if self.articles < 1 or self.new_per_day < 0:
            raise ValueError("a scale portal needs at least one article and no negative daily count")

    # --- which article is where, and when ---------------------------------------------------------

    def count_on(self, day: int) -> int:
        """How many articles are online on `day`."""
        return self.articles + max(0, day - 1) * self.new_per_day

    @cached_property
    def _listed_from(self) -> int:
        """The first archive number the listing-only sites may hold: the newest part of the archive,
        so that what they hold fits in the pages the listing walk reads."""
        per_site = LISTING_DEPTH * PAGE_SIZE
        return max(0, self.articles - per_site * len(SITE_PATTERN))

    def site_of(self, number: int) -> str:
        if number < self._listed_from:
            return SITEMAP_SITE
        return SITE_PATTERN[number % len(SITE_PATTERN)]

    def category_of(self, number: int) -> str:
        categories = SITES[self.site_of(number)].categories
        return categories[(number // len(SITE_PATTERN)) % len(categories)]

    def day_added(self, number: int) -> int:
        return 1 if number < self.articles else 2 + (number - self.articles) // max(1, self.new_per_day)

    def published(self, number: int) -> datetime:
        """Archive articles evenly over `ARCHIVE_YEARS` years up to `ARCHIVE_END`; then each day's own."""
        if number < self.articles:
            span = timedelta(days=365 * ARCHIVE_YEARS)
            back = span * (self.articles - 1 - number) / self.articles
            return (ARCHIVE_END - back).replace(second=0, microsecond=0)
        day = self.day_added(number)
        within = (number - self.articles) % max(1, self.new_per_day)
        minutes = 6 * 60 + within * (12 * 60) // max(1, self.new_per_day)
        return ARCHIVE_END.replace(hour=0) + timedelta(days=day - 1, minutes=minutes)

    @cached_property
    def _edit_inverse(self) -> int:
        """The inverse modulo N of a step coprime with N. Day d edits the archive numbers
        start_d + j * step (mod N) for j < new_per_day, each once; so `number` is edited on day d when
        (number - start_d) / step (mod N) < new_per_day: one multiplication, nothing stored."""
        if self.articles == 1:
            return 0
        step = next(p for p in (7919, 104729, 1299709, 15485863) if math.gcd(p, self.articles) == 1)
        return pow(step, -1, self.articles)

    def edited_on(self, number: int, day: int) -> bool:
        """Whether archive article `number` is edited on `day` (day 1 is the archive as it stands)."""
        if day < 2 or number >= self.articles or self.new_per_day == 0:
            return False
        if self.new_per_day >= self.articles:
            return True
        start = (day * 2_654_435_761) % self.articles
        return ((number - start) * self._edit_inverse) % self.articles < self.new_per_day

    def edits_by(self, number: int, day: int) -> list[int]:
        """The days up to `day` on which the article was edited."""
        return [d for d in range(2, day + 1) if self.edited_on(number, d)]

    def modified(self, number: int, day: int) -> datetime:
        """Its Last-Modified and sitemap lastmod: the last edit's time, else its publication."""
        edits = self.edits_by(number, day)
        if edits:
            return ARCHIVE_END.replace(hour=15) + timedelta(days=edits[-1] - 1)
        return self.published(number)

    # --- listings and sitemaps --------------------------------------------------------------------

    @cached_property
    def _archive_listings(self) -> dict[tuple[str, str | None], array[int]]:
        """The archive numbers of each (site, category) and each (site, None) for the whole site,
        oldest first: the only thing kept per article (8 bytes, twice)."""
        listings: dict[tuple[str, str | None], array[int]] = {}
        for number in range(self.articles):
            site = self.site_of(number)
            listings.setdefault((site, self.category_of(number)), array("l")).append(number)
            listings.setdefault((site, None), array("l")).append(number)
        return listings

    def listed(self, site: str, category: str | None, day: int) -> _Listed:
        """The site's (or one category's) article numbers on `day`."""
        archive = self._archive_listings.get((site, category), array("l"))
        new = [
            n
            for n in range(self.articles, self.count_on(day))
            if self.site_of(n) == site and (category is None or self.category_of(n) == category)
        ]
        return _Listed(archive, new)

    @lru_cache(maxsize=16)  # noqa: B019  # a few archives per process, each asked once a night
    def sitemap_index(self, scheme: SiteScheme, day: int) -> str:
        """The index of the site's sitemaps, with the `lastmod` of each child's newest entry."""
        listed = self.listed(scheme.id, None, day)
        children = []
        for child in range(-(-len(listed) // SITEMAP_CHILD_SIZE)):
            numbers = listed.oldest_first(child * SITEMAP_CHILD_SIZE, SITEMAP_CHILD_SIZE)
            newest = max(self.modified(n, day) for n in numbers)
            children.append(
                f"<sitemap><loc>https://{scheme.host}/sitemap-news-{child + 1}.xml</loc>"
                f"<lastmod>{newest.isoformat()}</lastmod></sitemap>"
            )
        return (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"{''.join(children)}</sitemapindex>"
        )

    def sitemap_child(self, scheme: SiteScheme, child: int, day: int) -> str | None:
        """Child `child` (from 1): the site's articles in order of publication, oldest first."""
        listed = self.listed(scheme.id, None, day)
        if child < 1 or (child - 1) * SITEMAP_CHILD_SIZE >= len(listed):
            return None
        numbers = listed.oldest_first((child - 1) * SITEMAP_CHILD_SIZE, SITEMAP_CHILD_SIZE)
        entries = "".join(
            f"<url><loc>https://{scheme.host}{scheme.article_path(self.headline_article(n))}</loc>"
            f"<lastmod>{self.modified(n, day).isoformat()}</lastmod></url>"
            for n in numbers
        )
        return (
            '<?xml version="1.0" encoding="UTF-8"?>'
            f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</urlset>'
        )

    # --- articles -----------------------------------------------------------------------------------

    def number_in(self, scheme: SiteScheme, path: str, day: int) -> int | None:
        """The article a path of the site names on `day`, if it is online there."""
        match = _ID_IN_PATH[scheme.id].search(path)
        if not match:
            return None
        number = int(match.group(1)) - FIRST_ID
        if not 0 <= number < self.count_on(day) or self.site_of(number) != scheme.id:
            return None
        if scheme.article_path(self.headline_article(number)) != path:
            return None
        return number

    def headline_article(self, number: int) -> Article:
        """The article's title and lead only: what listings, sitemaps and sidebars show."""
        return _story_article(self, number, with_body=False)

    def article(self, number: int, day: int) -> Article:
        """The article as it stands on `day`: each edit corrects the aid amount and says so."""
        article = _story_article(self, number, with_body=True)
        edits = self.edits_by(number, day)
        if not edits:
            return article
        when = ARCHIVE_END + timedelta(days=edits[-1] - 1)
        note = (
            f"Cập nhật ngày {when:%d/%m/%Y}: bài viết đã được bổ sung số liệu theo báo cáo của ban tổ chức "
            f"(lần {len(edits)})."
        )
        paragraphs = tuple(_corrected(p, len(edits)) for p in article.paragraphs)
        return _replace_paragraphs(article, (*paragraphs[:-1], note, paragraphs[-1]))

    def page(self, number: int, day: int) -> str:
        """The article's whole page, 40-120 KB with its site's chrome."""
        article = self.article(number, day)
        rng = random.Random(number * 31 + 7)
        target = MIN_PAGE_BYTES + int((MAX_PAGE_BYTES - MIN_PAGE_BYTES) * rng.random() ** 2)
        scheme = SITES[article.site]
        neighbours = (n for n in range(number - 1, max(-1, number - 30), -1) if self.site_of(n) == scheme.id)
        related = "".join(
            f'<li><a href="{scheme.article_path(h)}">{escape(h.title)}</a></li>'
            for h in (self.headline_article(n) for n in list(neighbours)[:RELATED_LINKS])
        )
        aside = (
            f'<div class="box-news-latest"><h3>Tin cùng chuyên mục</h3><ul>{related}</ul></div>'
            + _site_chrome(article.site).aside
        )
        page = article_page(article, chrome=PageChrome(aside=aside))
        missing = target - len(page.encode())
        if missing > 0:  # the rest of the weight: an inline script in the head, as real pages carry
            page = page.replace("</head>", _site_chrome(article.site).script(missing) + "</head>", 1)
        return page


@dataclass(frozen=True)
class _Listed:
    """A listing's numbers newest first, without copying the archive part."""

    archive: Sequence[int]  # oldest first
    new: Sequence[int]  # oldest first

    def __len__(self) -> int:
        return len(self.archive) + len(self.new)

    def newest_first(self, start: int, count: int) -> list[int]:
        combined_end = len(self)
        return [self._at(combined_end - 1 - i) for i in range(start, min(start + count, combined_end))]

    def oldest_first(self, start: int, count: int) -> list[int]:
        return [self._at(i) for i in range(start, min(start + count, len(self)))]

    def _at(self, position: int) -> int:
        if position < len(self.archive):
            return self.archive[position]
        return self.new[position - len(self.archive)]


_ID_IN_PATH = {
    "thoidai": re.compile(r"-(\d+)\.html$"),
    "mattrancantho": re.compile(r"-(\d+)$"),
    "nhipsongmientay": re.compile(r"-a(\d+)\.html$"),
    "thanhuycantho": re.compile(r"-(\d+)\.html$"),
}


def _person(rng: random.Random, where: str, country: str) -> Person:
    if rng.random() < 0.2:
        name, title = rng.choice(FOREIGN_PEOPLE)
        return Person(name, "ngài", title)
    middle = rng.choice(MIDDLE)
    name = f"{rng.choice(FAMILY)} {middle} {rng.choice(GIVEN)}"
    honorific = "bà" if middle == "Thị" else rng.choice(("ông", "ông", "đồng chí"))
    party = f"Tỉnh ủy {where}" if where != "Cần Thơ" else "Thành ủy Cần Thơ"
    where_full = f"thành phố {where}" if where == "Cần Thơ" else f"tỉnh {where}"
    title = rng.choice(POSTS).format(where=where_full, country=country, party=party)
    return Person(name, honorific, title)


def _amount(rng: random.Random) -> str:
    kind = rng.randrange(4)
    if kind == 0:
        return f"{rng.randint(1, 9)},{rng.randint(1, 9)} tỷ đồng"
    if kind == 1:
        return f"{rng.randrange(50, 950, 10)} triệu đồng"
    if kind == 2:
        return f"{rng.randrange(5_000, 500_000, 500):,} USD".replace(",", ".")
    return f"{rng.randrange(10, 900, 5)}.000.000 đồng"


def _story_article(archive: ScaleArchive, number: int, with_body: bool) -> Article:
    """Article `number` written by the story generator from facts drawn for it alone."""
    rng = random.Random(number)
    where = rng.choice(PROVINCES)
    country = rng.choice(COUNTRIES)
    where_full = f"thành phố {where}" if where == "Cần Thơ" else f"tỉnh {where}"
    published = archive.published(number)
    activity_template, host_template = rng.choice(ACTIVITIES)
    activity = activity_template.format(where=where_full, country=country, year=published.year - 1)
    host = host_template.format(where=where_full, country=country)
    activity_short = activity.removeprefix("tổ chức ").split(" do ")[0]
    headline = rng.choice(HEADLINES).format(
        Host=host, activity_short=activity_short, where=where, country=country
    )
    headline = headline[:1].upper() + headline[1:]
    site = archive.site_of(number)
    story_id = FIRST_ID + number
    if not with_body:
        return Article(site, story_id, archive.category_of(number), headline, published, "", ())
    people = tuple(_person(rng, where, country) for _ in range(rng.randint(1, 3)))
    directive = None
    if rng.random() < 0.4:
        full, short = rng.choice(DIRECTIVE_KINDS)
        issued = published - timedelta(days=rng.randint(60, 900))
        values = {"n": rng.randint(1, 199), "date": f"{issued.day:02d}/{issued.month:02d}/{issued.year}"}
        directive = (full.format(**values, where=where_full), short.format(**values))
    aid = None
    if rng.random() < 0.5:
        purpose = rng.choice(PURPOSES).format(n=rng.randint(5, 120))
        aid = (rng.choice(DONORS), _amount(rng), purpose)
    background = tuple(rng.sample(BACKGROUND, k=rng.randint(4, len(BACKGROUND))))
    story = Story(
        site,
        story_id,
        archive.category_of(number),
        headline,
        published,
        activity,
        host,
        people,
        directive=directive,
        aid=aid,
        countries=country,
        author=f"{rng.choice(FAMILY)} {rng.choice(GIVEN)}",
        paragraphs=background,
    )
    return build_article(story)


_AMOUNT = re.compile(r"(\d+)(?=(?:,\d)? tỷ đồng| triệu đồng|\.000 USD|\.000\.000 đồng)")


def _corrected(paragraph: str, edits: int) -> str:
    """The paragraph with the first aid amount raised by `edits` units (an edit's correction)."""
    return _AMOUNT.sub(lambda m: str(int(m.group(1)) + edits), paragraph, count=1)


def _replace_paragraphs(article: Article, paragraphs: tuple[str, ...]) -> Article:
    values = {**article.__dict__, "paragraphs": paragraphs}
    return Article(**values)


@dataclass(frozen=True)
class _SiteChrome:
    """What surrounds every article of a site: built once per site, a few hundred KB in all."""

    aside: str  # menus and sidebars after the article
    padding: str  # an inline script of that size, cut to what each page needs

    def script(self, size: int) -> str:
        body = self.padding[: max(0, size - 40)]
        return f"<script>window.__ADS__=[{body}];</script>"


@lru_cache(maxsize=len(SITES))
def _site_chrome(site: str) -> _SiteChrome:
    rng = random.Random(site)
    scheme = SITES[site]
    menu = "".join(
        f'<li><a href="/chuyen-muc/{n}">{escape(rng.choice(PROVINCES))} - {escape(rng.choice(COUNTRIES))}</a></li>'
        for n in range(120)
    )
    most_read = "".join(
        f'<li><a href="/doc-nhieu/{n}">{escape(rng.choice(BACKGROUND)[:90])}</a></li>' for n in range(30)
    )
    aside = (
        f'<div class="box-most-read"><h3>Đọc nhiều</h3><ol>{most_read}</ol></div>'
        f'<nav class="mega-menu"><ul>{menu}</ul></nav>'
        f'<div class="footer-links">{escape(scheme.name)}: Giấy phép số 1{len(site)}/GP-BTTTT</div>'
    )
    slots = ",".join(
        f'{{"slot":"div-gpt-ad-{n}","sizes":[[300,250],[728,90]],"targeting":{{"pos":"{rng.random():.6f}"}}}}'
        for n in range(MAX_PAGE_BYTES // 70)
    )
    return _SiteChrome(aside, slots)
