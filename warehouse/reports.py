"""Charts of the analysts' copy: five PNGs and a short HTML page, for people who would rather look than query.

`render_reports(analytics_path, folder)` reads the analysts' copy (data/analytics.duckdb) read-only and
writes into `folder` one PNG per chart and `index.html`, which shows them with a caption each. Every chart
says, in its picture and in its caption, which tables it was drawn from and how recent the data is (the
newest article's publication date), so a PNG sent on by e-mail still says where its numbers come from.

Why matplotlib, drawn this way:
- offline and in-process: the Agg backend draws to PNG with no display, no browser, no download;
- the same data gives the same bytes: a fixed figure size and DPI, matplotlib's default style whatever a
  matplotlibrc says, the DejaVu Sans font shipped inside matplotlib (never a system font), and no
  "Software" tag (matplotlib's version) in the PNG;
- DejaVu Sans has every Vietnamese letter (names like "Liên hiệp các tổ chức hữu nghị" read as written).

The aid chart adds up `fct_aid` the way its description says: one row per real-world donation, and only
the rows with `counts_in_totals` (a cumulative total, or a part of a donation already counted, is left
out, and said so in the caption).
"""

from __future__ import annotations

import html
import os
import textwrap
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from io import BytesIO
from pathlib import Path
from typing import Any

import duckdb
import matplotlib.style
from matplotlib import dates as mdates
from matplotlib import rc_context
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import to_hex
from matplotlib.figure import Figure
from matplotlib.layout_engine import ConstrainedLayoutEngine
from matplotlib.ticker import MaxNLocator
from matplotlib.typing import RcKeyType

from settings import get_settings
from warehouse.db import open_waiting

# The picture: 1100 x 600 pixels, the font shipped with matplotlib, the footer in the bottom 7 %.
FIGURE_INCHES = (11.0, 6.0)
DPI = 100
STYLE: dict[RcKeyType, Any] = {
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans"],
    "font.size": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "axes.grid.axis": "y",
    "grid.color": "#dddddd",
    "axes.axisbelow": True,
    "svg.hashsalt": "doingoai",  # only if someone saves an SVG: its ids would otherwise be random
}
# tab20's ten strong colours, then their ten light ones: neighbours in a legend stay far apart
_TAB20 = [to_hex(color) for color in matplotlib.colormaps["tab20"].colors]  # type: ignore[attr-defined]
PALETTE = _TAB20[0::2] + _TAB20[1::2]
UNKNOWN_COLOR = "#b0b0b0"
UNKNOWN = "unknown"
TOP_ORGANIZATIONS = 12
TOP_DIRECTIVES = 5
TOP_COUNTRIES = 15
EVENT_TYPES = ("visit", "conference", "seminar", "reception", "ceremony", "exchange", "congress", "other")
INDEX = "index.html"


@dataclass(frozen=True)
class Chart:
    """One chart, before it is drawn: its file, its words, and how to draw it on a figure."""

    file_name: str
    title: str
    caption: str  # what is counted and how, in a sentence or two
    sources: tuple[str, ...]  # the tables of the analysts' copy it reads
    draw: Callable[[Figure], None]
    rows: tuple[tuple[Any, ...], ...]  # the numbers drawn, as the query gave them (tests read them)
    note: str = ""  # what the picture must say by itself (what is left out), above its source line


@dataclass(frozen=True)
class RenderedChart:
    path: Path
    title: str
    caption: str
    source_line: str  # "Source: fct_aid, dim_country in analytics.duckdb; data up to 2024-12-20 ..."


@dataclass(frozen=True)
class Reports:
    folder: Path
    index: Path
    charts: tuple[RenderedChart, ...]
    data_as_of: date | None  # the newest article's publication date in the copy


def render_reports(analytics_path: str | Path, folder: str | Path) -> Reports:
    """Draw every chart of the analysts' copy at `analytics_path` into `folder`, with its index.html.

    Each file is written beside its final name and moved into place, so a browser reading the folder
    never sees half a picture."""
    source = Path(analytics_path)
    if not source.is_file():
        raise FileNotFoundError(f"no analysts' copy at {source}: run the pipeline first (`doingoai run`)")
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    # an analyst may hold the copy open read-write: wait for the lock (logged), as publishing does
    connection = open_waiting(source, read_only=True, wait=get_settings().analytics_wait)
    try:
        as_of = _scalar(connection, "select max(published_on) from dim_article")
        charts = [build(connection) for build in CHARTS]
    finally:
        connection.close()
    rendered = []
    for chart in charts:
        source_line = (
            f"Source: {', '.join(chart.sources)} in {source.name}; data up to "
            f"{as_of.isoformat() if as_of else 'no article yet'} (the newest article's publication date)."
        )
        _write_atomically(target / chart.file_name, _png(chart, source_line))
        rendered.append(RenderedChart(target / chart.file_name, chart.title, chart.caption, source_line))
    index = target / INDEX
    _write_atomically(index, _index_html(rendered, source.name, as_of).encode("utf-8"))
    return Reports(target, index, tuple(rendered), as_of)


# --- the charts ------------------------------------------------------------------------------------


def aid_by_donor_country(connection: duckdb.DuckDBPyConnection) -> Chart:
    rows = _rows(
        connection,
        """
        select year(aid.first_reported_on) as year, coalesce(country.name_vi, ?) as country,
               sum(aid.amount_vnd) / 1e9 as billion_vnd, sum(aid.amount_usd) / 1e3 as thousand_usd
        from fct_aid as aid
        left join dim_country as country on country.country_code = aid.donor_country_code
        where aid.counts_in_totals and aid.amount_vnd is not null
        group by all
        """,
        [UNKNOWN],
    )
    counted, cumulative, parts, unit_only = _rows(
        connection,
        """
        select count(*) filter (where counts_in_totals and amount_vnd is not null),
               count(*) filter (where is_cumulative),
               count(*) filter (where part_of_aid_id is not null and not is_cumulative),
               count(*) filter (where counts_in_totals and amount_vnd is null)
        from fct_aid
        """,
    )[0]
    vnd = {(year, country): value for year, country, value, _ in rows}
    usd = {(year, country): value for year, country, _, value in rows}
    years = sorted({year for year, _ in vnd})
    countries = _by_total(vnd)

    def draw(figure: Figure) -> None:
        if not rows:
            _say_empty(figure, "No donation with a value in the analysts' copy yet.")
            return
        left, right = figure.subplots(1, 2, sharex=True)
        colors = _colors(countries)
        for axes, values, unit in (
            (left, vnd, "billion VND (tỷ đồng)"),
            (right, usd, "thousand USD"),
        ):
            _stacked_columns(axes, [str(year) for year in years], countries, values, years, colors)
            axes.set_ylabel(unit)
            axes.set_xlabel("year first reported")
        left.set_title("in VND", loc="left")
        right.set_title("in USD", loc="left")
        _legend(figure, left, "donor's country")

    left_out = [
        _counted(cumulative, "cumulative total"),
        _counted(parts, "part of a donation already counted", "parts of a donation already counted"),
    ]
    if unit_only:
        left_out.append(
            _counted(
                unit_only,
                "donation known only by one gift's value",
                "donations known only by one gift's value",
            )
        )
    left_out_text = f"left out: {', '.join(left_out[:-1])} and {left_out[-1]}"
    return Chart(
        "aid_by_donor_country.png",
        "Aid by donor country and year",
        f"{_counted(counted, 'donation')}, each counted once however many articles report it (fct_aid rows "
        "with counts_in_totals), by the year first reported and the donor's home country; VND as the text "
        f"states it or at the year's average rate, USD beside; {left_out_text}. '{UNKNOWN}': no donor "
        "named, or no home country known for it.",
        ("fct_aid", "dim_country"),
        draw,
        tuple(rows),
        note=f"Each donation counted once, however many articles report it; {left_out_text}.",
    )


def events_by_month_and_type(connection: duckdb.DuckDBPyConnection) -> Chart:
    rows = _rows(
        connection,
        "select date_trunc('month', event_date)::date, event_type, count(*) from fct_event group by all",
    )
    counts = {(month, kind): number for month, kind, number in rows}
    kinds = sorted({kind for _, kind in counts}, key=_event_type_order)
    months = sorted({month for month, _ in counts})

    def draw(figure: Figure) -> None:
        if not rows:
            _say_empty(figure, "No event in the analysts' copy yet.")
            return
        axes = figure.subplots()
        colors = {kind: PALETTE[_event_type_order(kind)] for kind in kinds}
        bottoms = dict.fromkeys(months, 0)
        for kind in kinds:
            heights = [counts.get((month, kind), 0) for month in months]
            axes.bar(
                months,
                heights,
                width=25,  # days: a month's bar with a gap
                bottom=[bottoms[month] for month in months],
                color=colors[kind],
                label=kind,
                align="edge",
            )
            for month, height in zip(months, heights, strict=True):
                bottoms[month] += height
        axes.xaxis.set_major_locator(mdates.YearLocator())
        axes.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
        axes.xaxis.set_minor_locator(mdates.MonthLocator())
        axes.yaxis.set_major_locator(MaxNLocator(integer=True))
        axes.set_ylabel("events")
        axes.set_xlabel("month of the event")
        _legend(figure, axes, "type")

    return Chart(
        "events_by_month_and_type.png",
        "Events by month and type",
        f"{_counted(sum(counts.values()), 'real-world event')}, each counted once however many articles report it "
        "(fct_event), by the month it took place (its first day) and its type.",
        ("fct_event",),
        draw,
        tuple(rows),
    )


# Foreign participants who make an event a foreign delegation's: a delegation or a foreign person (an
# ambassador, a consul, a guest), or an embassy or consulate; an organisation holding an event is of its own country (as
# analyses/delegations_by_country). Joined to `fct_event_participant as participant`.
_FOREIGN_DELEGATIONS = """
        inner join dim_country as country on country.country_code = participant.country_code
        left join dim_organization as organization
            on participant.participant_kind = 'organization'
            and organization.organization_id = participant.participant_id
        where participant.is_foreign
          and (participant.participant_kind in ('delegation', 'person')
               or organization.organization_kind = 'diplomatic_mission')"""


def delegations_by_country(connection: duckdb.DuckDBPyConnection) -> Chart:
    # a "Hội hữu nghị Việt Nam - Hàn Quốc" congress is no Korean delegation (see _FOREIGN_DELEGATIONS)
    rows = _rows(
        connection,
        f"""
        select country.name_vi, year(event.event_date), count(distinct event.event_id)
        from fct_event_participant as participant
        inner join fct_event as event on event.event_id = participant.event_id
        {_FOREIGN_DELEGATIONS}
        group by all
        """,
    )
    counts = {(country, year): number for country, year, number in rows}
    totals = _rows(
        connection,
        f"""
        select country.name_vi, count(distinct participant.event_id)
        from fct_event_participant as participant
        {_FOREIGN_DELEGATIONS}
        group by all
        order by 2 desc, 1
        """,
    )
    shown = [country for country, _ in totals[:TOP_COUNTRIES]]
    years = sorted({year for _, year in counts})

    def draw(figure: Figure) -> None:
        if not rows:
            _say_empty(figure, "No foreign delegation, ambassador or consul in the analysts' copy yet.")
            return
        axes = figure.subplots()
        colormap = matplotlib.colormaps["viridis"]
        colors = {year: to_hex(colormap(i / max(1, len(years) - 1))) for i, year in enumerate(years)}
        labels = list(reversed(shown))  # the most frequent at the top
        lefts = dict.fromkeys(labels, 0)
        for year in years:
            widths = [counts.get((country, year), 0) for country in labels]
            axes.barh(
                labels,
                widths,
                left=[lefts[c] for c in labels],
                color=colors[year],
                label=str(year),
                height=0.6,
            )
            for country, width in zip(labels, widths, strict=True):
                lefts[country] += width
        for position, country in enumerate(labels):
            axes.annotate(
                str(dict(totals)[country]),
                (lefts[country], position),
                xytext=(4, 0),
                textcoords="offset points",
                va="center",
            )
        axes.grid(axis="x", color="#dddddd")
        axes.grid(axis="y", visible=False)
        axes.xaxis.set_major_locator(MaxNLocator(integer=True))
        axes.set_xlabel("events with a participant from that country (the total at the end of each bar)")
        _legend(figure, axes, "year of the event")

    more = f" The {TOP_COUNTRIES} countries seen most are shown." if len(totals) > TOP_COUNTRIES else ""
    return Chart(
        "delegations_by_country.png",
        "Foreign delegations by country",
        "Real-world events (fct_event, each counted once) that a delegation, a person (an ambassador, a "
        "consul, a guest) or an embassy or consulate of another country took part in (fct_event_participant), "
        "by that country and the year of the event. An event with guests of two countries counts for "
        f"both; an organisation holding an event is of its own country.{more}",
        ("fct_event_participant", "fct_event", "dim_country", "dim_organization"),
        draw,
        tuple(rows),
        note="Each event counted once per country, however many articles report it; a delegation, "
        "ambassador, consul or foreign guest, or an embassy or consulate, taking part.",
    )


def directive_citations(connection: duckdb.DuckDBPyConnection) -> Chart:
    rows = _rows(
        connection,
        f"""
        with dated as (
            select mention.directive_id, mention.article_id,
                   coalesce(mention.mentioned_on, article.reference_date, article.published_on) as cited_on
            from fct_directive_mention as mention
            left join dim_article as article using (article_id)
        ),
        most_cited as (
            select directive.directive_id, directive.directive_label, count(distinct dated.article_id) as articles
            from dated inner join dim_directive as directive using (directive_id)
            group by all
            order by articles desc, directive.directive_label
            limit {TOP_DIRECTIVES}
        )
        select most_cited.directive_label, most_cited.articles, year(dated.cited_on), count(distinct dated.article_id)
        from dated inner join most_cited using (directive_id)
        where dated.cited_on is not null
        group by all
        """,
    )
    labels = sorted({(-articles, label) for label, articles, _, _ in rows})
    counts = {(label, year): number for label, _, year, number in rows}
    years = list(range(min(year for _, year in counts), max(year for _, year in counts) + 1)) if rows else []

    def draw(figure: Figure) -> None:
        if not rows:
            _say_empty(figure, "No directive cited in the analysts' copy yet.")
            return
        axes = figure.subplots()
        for index, (minus_articles, label) in enumerate(labels):
            axes.plot(
                years,
                [counts.get((label, year), 0) for year in years],
                marker="o",
                linewidth=2,
                color=PALETTE[index],
                label=f"{label} ({-minus_articles} articles)",
            )
        axes.set_xticks(years)
        axes.yaxis.set_major_locator(MaxNLocator(integer=True))
        axes.set_ylim(bottom=0)
        axes.set_ylabel("articles citing it")
        axes.set_xlabel("year of the article")
        _legend(figure, axes, "directive (articles in all)")

    return Chart(
        "directive_citations.png",
        "Citations of the most-cited directives over time",
        f"The {TOP_DIRECTIVES} directives cited by the most articles (fct_directive_mention, resolved to "
        "dim_directive), and how many articles cite each, year by year (the mention's date, else the "
        "article's).",
        ("fct_directive_mention", "dim_directive", "dim_article"),
        draw,
        tuple(rows),
    )


def most_active_organizations(connection: duckdb.DuckDBPyConnection) -> Chart:
    activities = ("events taken part in", "donations given", "donations received")
    rows = _rows(
        connection,
        f"""
        with activity as (
            select participant_id as organization_id, ? as activity, count(distinct event_id) as number
            from fct_event_participant where participant_kind = 'organization' group by all
            union all
            select donor_organization_id, ?, count(*)
            from fct_aid where donor_organization_id is not null and counts_in_totals group by all
            union all
            select recipient_organization_id, ?, count(*)
            from fct_aid where recipient_organization_id is not null and counts_in_totals group by all
        ),
        ranked as (
            select organization_id, sum(number) as total
            from activity group by all
            order by total desc, organization_id
            limit {TOP_ORGANIZATIONS}
        )
        select organization.organization_name, ranked.total, activity.activity, activity.number
        from activity
        inner join ranked using (organization_id)
        inner join dim_organization as organization using (organization_id)
        """,
        list(activities),
    )
    names = [name for _, name in sorted({(-total, name) for name, total, _, _ in rows})]
    counts = {(name, activity): number for name, _, activity, number in rows}

    def draw(figure: Figure) -> None:
        if not rows:
            _say_empty(figure, "No organisation taking part in an event or a donation yet.")
            return
        axes = figure.subplots()
        labels = list(reversed(names))
        lefts = dict.fromkeys(labels, 0)
        for index, activity in enumerate(activities):
            widths = [counts.get((name, activity), 0) for name in labels]
            if not any(widths):
                continue  # no legend entry for an activity none of them has
            axes.barh(
                [_wrapped(name) for name in labels],
                widths,
                left=[lefts[name] for name in labels],
                color=PALETTE[index],
                label=activity,
                height=0.6,
            )
            for name, width in zip(labels, widths, strict=True):
                lefts[name] += width
        axes.grid(axis="x", color="#dddddd")
        axes.grid(axis="y", visible=False)
        axes.xaxis.set_major_locator(MaxNLocator(integer=True))
        axes.set_xlabel("events and donations")
        _legend(figure, axes, "activity")

    return Chart(
        "most_active_organizations.png",
        "The most active organisations",
        f"The {TOP_ORGANIZATIONS} organisations (dim_organization, every written form of a name resolved to "
        "one) with the most real-world events taken part in (fct_event_participant) and donations given "
        "or received (fct_aid, each donation once, cumulative totals and parts left out).",
        ("fct_event_participant", "fct_aid", "dim_organization"),
        draw,
        tuple(rows),
        note="Each event and donation counted once, however many articles report it; cumulative totals "
        "and parts of a donation left out.",
    )


CHARTS: tuple[Callable[[duckdb.DuckDBPyConnection], Chart], ...] = (
    aid_by_donor_country,
    events_by_month_and_type,
    delegations_by_country,
    directive_citations,
    most_active_organizations,
)


# --- drawing ---------------------------------------------------------------------------------------


def _png(chart: Chart, source_line: str) -> bytes:
    """The chart as PNG bytes, the same for the same data on any machine with the same matplotlib."""
    # matplotlib's defaults first (whatever a matplotlibrc says), then ours
    with matplotlib.style.context("default"), rc_context(STYLE):
        figure = Figure(
            figsize=FIGURE_INCHES,
            dpi=DPI,
            layout=ConstrainedLayoutEngine(rect=(0, 0.07, 1, 0.93)),  # the footer below, the title above
        )
        canvas = FigureCanvasAgg(figure)
        figure.suptitle(_text(chart.title), x=0.01, ha="left", fontsize=14, fontweight="bold")
        footer = f"{chart.note}\n{source_line}" if chart.note else source_line
        figure.text(0.01, 0.012, _text(footer), fontsize=8, color="#555555", linespacing=1.5)
        chart.draw(figure)
        buffer = BytesIO()
        canvas.print_png(buffer, metadata={"Software": None})
        return buffer.getvalue()


def _stacked_columns(
    axes: Axes,
    positions: Sequence[str],
    series: Sequence[str],
    values: dict[tuple[Any, str], float],
    keys: Sequence[Any],
    colors: dict[str, str],
) -> None:
    """Columns at `positions` (one per key), each stacked by `series`, with its total above it."""
    bottoms = [0.0] * len(keys)
    for name in series:
        heights = [values.get((key, name), 0.0) or 0.0 for key in keys]
        axes.bar(positions, heights, bottom=bottoms, color=colors[name], label=_text(name), width=0.7)
        bottoms = [bottom + height for bottom, height in zip(bottoms, heights, strict=True)]
    for position, total in zip(positions, bottoms, strict=True):
        axes.annotate(
            f"{total:,.1f}", (position, total), xytext=(0, 3), textcoords="offset points", ha="center"
        )
    axes.margins(y=0.1)  # room for the totals


def _legend(figure: Figure, axes: Axes, title: str) -> None:
    """One legend, outside the plot on the right, so it never hides a bar or a line."""
    handles, labels = axes.get_legend_handles_labels()
    figure.legend(handles, labels, title=title, loc="outside right upper", frameon=False)


def _say_empty(figure: Figure, message: str) -> None:
    """An empty chart says so in words, rather than showing bare axes."""
    figure.text(0.5, 0.5, message, ha="center", va="center", fontsize=13, color="#555555")


def _colors(names: Sequence[str]) -> dict[str, str]:
    """A colour per name in the order given; the unknown in grey."""
    known = [name for name in names if name != UNKNOWN]
    colors = {name: PALETTE[index % len(PALETTE)] for index, name in enumerate(known)}
    return colors | {UNKNOWN: UNKNOWN_COLOR}


def _by_total(values: dict[tuple[Any, str], float]) -> list[str]:
    """The series names, the largest total first, the unknown last."""
    totals: dict[str, float] = {}
    for (_, name), value in values.items():
        totals[name] = totals.get(name, 0.0) + (value or 0.0)
    return sorted(totals, key=lambda name: (name == UNKNOWN, -totals[name], name))


def _counted(number: int, thing: str, things: str | None = None) -> str:
    """'1 cumulative total', '2 cumulative totals'."""
    return f"{number} {thing if number == 1 else things or thing + 's'}"


def _event_type_order(kind: str) -> int:
    return EVENT_TYPES.index(kind) if kind in EVENT_TYPES else len(EVENT_TYPES)


def _wrapped(name: str, width: int = 52) -> str:
    """A long organisation name on at most two lines, cut with an ellipsis beyond."""
    lines = textwrap.wrap(_text(name), width)
    if len(lines) > 2:
        lines = [lines[0], textwrap.shorten(" ".join(lines[1:]), width, placeholder=" …")]
    return "\n".join(lines)


def _text(text: str) -> str:
    """Composed Unicode (NFC): each Vietnamese letter is one glyph of the font, never a letter and a
    combining mark drawn side by side."""
    return unicodedata.normalize("NFC", text)


# --- files -----------------------------------------------------------------------------------------


def _index_html(charts: Sequence[RenderedChart], source_name: str, as_of: date | None) -> str:
    figures = "\n".join(
        f"""<figure id="{html.escape(chart.path.stem)}">
  <img src="{html.escape(chart.path.name)}" alt="{html.escape(chart.title)}" width="{int(FIGURE_INCHES[0] * DPI)}" height="{int(FIGURE_INCHES[1] * DPI)}">
  <figcaption>{html.escape(_text(chart.caption))}<br><small>{html.escape(_text(chart.source_line))}</small></figcaption>
</figure>"""
        for chart in charts
    )
    contents = "\n".join(
        f'<li><a href="#{html.escape(chart.path.stem)}">{html.escape(chart.title)}</a></li>'
        for chart in charts
    )
    return f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>doingoai: charts of the analysts' copy</title>
<style>
body {{ font-family: "DejaVu Sans", sans-serif; max-width: 1140px; margin: 2em auto; padding: 0 1em; color: #222; }}
img {{ max-width: 100%; height: auto; border: 1px solid #eee; }}
figure {{ margin: 0 0 3em 0; }}
figcaption {{ line-height: 1.4; }}
small {{ color: #555; }}
</style>
</head>
<body>
<h1>Charts of the analysts' copy</h1>
<p>Drawn from {html.escape(source_name)} after the last good run; data up to {as_of.isoformat() if as_of else "no article yet"}
(the newest article's publication date). Each caption says which tables a chart reads: query them with
<code>doingoai sql</code>.</p>
<ul>
{contents}
</ul>
{figures}
</body>
</html>
"""


def _write_atomically(path: Path, content: bytes) -> None:
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.write_bytes(content)
    os.replace(temporary, path)


def _rows(
    connection: duckdb.DuckDBPyConnection, sql: str, parameters: Sequence[object] = ()
) -> list[tuple[Any, ...]]:
    return connection.execute(sql, list(parameters)).fetchall()


def _scalar(connection: duckdb.DuckDBPyConnection, sql: str) -> Any:
    return connection.execute(sql).fetchall()[0][0]
