"""HTML of the four sites, each in its real site's manner: its own markup,
date format, captions and the noise around and inside the article body."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from html import escape

from sample_portal.model import SITES, Article, SiteScheme

WEEKDAYS = ("Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy", "Chủ nhật")


def _date_text(site: str, article: Article) -> str:
    moment = article.published
    if moment is None:
        return ""
    return {
        "thoidai": f"{moment:%H:%M} | {moment:%d/%m/%Y} GMT+7",
        "mattrancantho": f"Ngày đăng: {moment:%d/%m/%Y %H:%M}",
        "nhipsongmientay": f"{WEEKDAYS[moment.weekday()]}, {moment:%d/%m/%Y, %I:%M %p}",
        "thanhuycantho": f"Cập nhật lúc {moment:%H:%M}, ngày {moment:%d/%m/%Y}",
    }[site]


@dataclass(frozen=True)
class PageChrome:
    """Extra weight around an article, as real portals carry (scale mode): inline scripts and styles
    in the head, menus and sidebars after the article."""

    head: str = ""
    aside: str = ""


def _page(
    scheme: SiteScheme, title: str, main: str, charset_meta: bool = True, chrome: PageChrome | None = None
) -> str:
    chrome = chrome or PageChrome()
    nav = "".join(
        f'<li><a href="{scheme.category_path(category)}">{escape(category.replace("-", " ").title())}</a></li>'
        for category in scheme.categories
    )
    meta = '<meta charset="utf-8">' if charset_meta else ""
    return (
        f'<!DOCTYPE html><html lang="vi"><head>{meta}<title>{escape(title)} - {escape(scheme.name)}</title>'
        f"{chrome.head}</head>"
        f'<body><header class="site-header"><a class="logo" href="/">{escape(scheme.name)}</a>'
        f'<form action="{scheme.disallowed}"><input name="q"></form><ul class="menu">{nav}</ul></header>'
        f"{main}{chrome.aside}"
        '<div class="weather">Thời tiết hôm nay: Cần Thơ 27°C - 33°C, có mưa rào</div>'
        '<div class="ads banner">Quảng cáo: Ưu đãi nghỉ dưỡng cuối tuần</div>'
        f'<footer><a href="{scheme.disallowed}">Tìm kiếm</a> © {escape(scheme.name)}</footer></body></html>'
    )


def _paragraphs(
    article: Article, caption: Callable[[str], str], inline_box: Callable[[str, str], str]
) -> str:
    """Body paragraphs with photos and related-article boxes placed where they stood."""
    parts = []
    photos = dict(article.photos)
    boxes: dict[int, list[tuple[str, str]]] = {}
    for after, headline, teaser in article.inline_related:
        boxes.setdefault(after, []).append((headline, teaser))
    for index, paragraph in enumerate(article.paragraphs, start=1):
        for headline, teaser in boxes.get(index - 1, []):
            parts.append(inline_box(headline, teaser))
        parts.append(f"<p>{escape(paragraph)}</p>")
        if index in photos:
            parts.append(caption(photos[index]))
    for headline, teaser in boxes.get(len(article.paragraphs), []):
        parts.append(inline_box(headline, teaser))
    return "".join(parts)


def _sidebar(article: Article, container: str, related_link: Callable[[str], str]) -> str:
    blocks = []
    for heading, items in article.sidebar or (
        ("Tin bài liên quan", ("Tăng cường giao lưu nhân dân các nước",)),
    ):
        links = "".join(f"<li>{related_link(item)}</li>" for item in items)
        blocks.append(f'<div class="{container}"><h3>{escape(heading)}</h3><ul>{links}</ul></div>')
    blocks.append(
        '<div class="video-list"><h3>Video</h3><ul><li>[Video] Giao lưu văn hóa hữu nghị</li></ul></div>'
    )
    return "".join(blocks)


def _attachments(article: Article, scheme: SiteScheme) -> str:
    return "".join(
        f'<p class="file"><a class="attachment" href="/uploads/{attachment.file_name}">{escape(attachment.title)}</a></p>'
        for attachment in article.attachments
    )


def _link(text: str) -> str:
    return f'<a href="#">{escape(text)}</a>'


def article_page(article: Article, broken: bool = False, chrome: PageChrome | None = None) -> str:
    scheme = SITES[article.site]
    date = escape(_date_text(article.site, article))
    title, lead = escape(article.title), escape(article.lead)
    if broken:  # a redesign the site configs do not know yet
        main = (
            f'<section class="story-v2"><h2 class="headline">{title}</h2><div class="story-text"><p>{lead}</p>'
            + "".join(f"<p>{escape(p)}</p>" for p in article.paragraphs)
            + "</div></section>"
        )
        return _page(scheme, article.title, main, chrome=chrome)
    if article.site == "thoidai":
        main = (
            '<div class="breadcrumb"><a href="/">Trang chủ</a> » <a href="/huu-nghi">Hữu nghị</a></div>'
            f'<article class="detail"><h1 class="article-title">{title}</h1>'
            f'<div class="article-date">{date}</div><div class="share">Theo dõi thoidai.com.vn trên '
            '<a href="https://www.facebook.com/sharer.php">Facebook</a></div>'
            f'<div class="article-sapo">{lead}</div><div class="article-content">'
            + _paragraphs(
                article,
                lambda c: (
                    f'<table class="image"><tr><td><img src="/img.jpg" alt="{title}"></td></tr>'
                    f'<tr><td class="caption">{escape(c)}</td></tr></table>'
                ),
                lambda h, t: (
                    f'<div class="inline-related"><a href="#">{escape(h)}</a><span>{escape(t)}</span></div>'
                ),
            )
            + f'{_attachments(article, scheme)}</div><div class="article-source">Nguồn:</div></article>'
            + _sidebar(article, "related-news", _link)
        )
    elif article.site == "mattrancantho":
        main = (
            '<ol class="breadcrumbs"><li>Trang chủ</li><li>Đối ngoại nhân dân</li></ol>'
            f'<div class="news-detail"><h1 class="news-title">{title}</h1>'
            + (f'<p class="news-meta">{date}</p>' if date else "")
            + f'<div class="news-summary"><strong>{lead}</strong></div><div class="news-body">'
            + _paragraphs(
                article,
                lambda c: f'<figure><img src="/a.jpg"><figcaption>{escape(c)}</figcaption></figure>',
                lambda h, t: f'<aside class="box-related"><a href="#">{escape(h)}</a></aside>',
            )
            + "</div></div>"
            + _sidebar(article, "other-news", _link)
        )
    elif article.site == "nhipsongmientay":
        main = (
            '<nav class="crumb"><a href="/nhip-song">Nhịp sống</a></nav>'
            f'<div class="post"><h1 class="post-title">{title}</h1><div class="post-date">{date}</div>'
            f'<div class="post-content"><p class="sapo">{lead}</p>'
            + _paragraphs(
                article,
                lambda c: (
                    f'<div class="wp-caption"><img src="/b.jpg" alt="{escape(c)}"><p class="wp-caption-text">'
                    f"{escape(c)}</p></div>"
                ),
                lambda h, t: f'<div class="related-inline"><a href="#">{escape(h)}</a></div>',
            )
            + "</div></div>"
            + _sidebar(article, "td-related", _link)
        )
    else:  # thanhuycantho
        main = (
            '<div class="path">Trang chủ / Văn bản chỉ đạo</div>'
            f'<div class="content-detail"><h2 class="title-detail">{title}</h2><div class="date-detail">{date}</div>'
            f'<div class="summary-detail">{lead}</div><div class="body-detail">'
            + _paragraphs(
                article,
                lambda c: f'<p class="img-caption"><em>{escape(c)}</em></p>',
                lambda h, t: f'<div class="lienquan-inline"><a href="#">{escape(h)}</a></div>',
            )
            + f'</div><div class="attach-files">{_attachments(article, scheme)}</div></div>'
            + _sidebar(article, "tin-khac", _link)
        )
    return _page(scheme, article.title, main, charset_meta=article.site != "mattrancantho", chrome=chrome)


def listing_page(scheme: SiteScheme, category: str, page: int, articles: list[Article], pages: int) -> str:
    items = "".join(
        f'<li class="item"><a href="{_href(scheme, article, i)}">{escape(article.title)}</a>'
        f"<p>{escape(article.lead[:160])}</p></li>"
        for i, article in enumerate(articles)
    )
    # every page number while there are few; around this page, the first and the last when many
    shown = range(1, pages + 1) if pages <= 15 else sorted({1, *range(max(1, page - 4), page + 5), pages})
    pager = "".join(
        f'<a class="page" href="{scheme.listing_url(category, number)}">{number}</a>'
        for number in shown
        if number <= pages
    )
    main = f'<div class="listing"><h1>{escape(category)}</h1><ul>{items}</ul><div class="pagination">{pager}</div></div>'
    return _page(scheme, category, main)


def _href(scheme: SiteScheme, article: Article, index: int) -> str:
    """Real sites mix root-relative and absolute links; so does the sample."""
    path = scheme.article_path(article)
    return f"https://{scheme.host}{path}" if index % 2 else path


def index_page() -> str:
    links = "".join(f"<li>{escape(s.name)}: Host {s.host}</li>" for s in SITES.values())
    return f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>doingoai sample portal</title></head><body><ul>{links}</ul></body></html>'
