"""Fact-level evaluation: the marts after `make run` against what the sample portal's stories say
really happened (sample_portal/facts.py, sample_portal/stories.py).

usage: python bench/fact_eval.py [--analytics PATH] [--day N] [--json PATH]

Sentence-level scores (bench/dev_score.py) say whether each mention is read right; this says whether
the facts an analyst adds up are right: one row per real donation and event, none missing, none
counted twice.

How a mart row matches a true fact:
- it is reported by at least one article that reports the fact (the row's articles are its
  mentions, from fct_aid_mention / fct_event_mention when the marts have them, else its own
  `article_id`);
- a donation: the donor's names agree (one folded name contains the other; a fact with no single
  donor entity, such as "các tổ chức phi chính phủ nước ngoài", takes any donor), the amount is
  within AMOUNT_TOLERANCE of the true one in the same currency (anywhere in a range; or of the
  đồng figure the text states beside a foreign amount; a gift valued per unit matches a row with no
  amount or with the unit value times the count, never one whose amount is the unit value), and the
  row's date is within DONATION_DAYS of the true date (rows are dated by a report, a few days after
  a handover);
- an event: the same type, dated within EVENT_DAYS of the true day.

Figures, over the facts reported by articles the analysts' copy holds (a fact first published on a
later portal day is not expected) and over the rows reported by judged articles (the stories, their
attachments, and the seed pages for donations; other rows are not judged):
- precision: judged rows that match a true fact / judged rows;
- recall: true facts matched by at least one row / true facts;
- double-counted: true facts matched by more than one row;
- over-merged: matched rows that also carry a report of a different fact (look-alikes merged);
- wrong flags: matched donation rows whose `is_cumulative` or `part_of_aid_id` disagrees with the fact;
- VND totals: the true total of donations that are neither running totals nor parts of a listed
  total (in đồng as the text states it, else at the seed exchange_rates' rate for the year, as the
  marts convert; a range at its lower end; gifts per unit at value times count), against the sum of
  `amount_vnd` over the mart's rows that are not flagged cumulative nor linked to a total (the flags
  are read when the mart has them; its own `counts_in_totals` when it has that).

Columns are read by name (information_schema), so this runs on one-row-per-mention marts (whose
double counts it shows) and on one-row-per-fact marts alike.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb

from sample_portal.facts import Donation, Event
from sample_portal.stories import Reports, reported_facts
from settings import get_settings

ROOT = Path(__file__).resolve().parent.parent
EXCHANGE_RATES = ROOT / "dbt_project" / "seeds" / "exchange_rates.csv"

AMOUNT_TOLERANCE = 0.05  # "hơn 1,7 tỷ" is a 1,72 tỷ gift; "khoảng 28 tỷ" is 1,2 triệu USD
DONATION_DAYS = 30
EVENT_DAYS = 0

# Where a mart keeps each thing, in the order tried: today's names first, then likely new ones.
DONATION_DATE_COLUMNS = ("aid_date", "given_on", "donation_date", "first_reported_on", "reported_on")
DONOR_NAME_COLUMNS = ("donor_text", "donor_name", "donor_as_written")
UNIT_VALUE_COLUMNS = ("unit_value", "unit_amount", "amount_per_unit", "unit_value_vnd")
EVENT_DATE_COLUMNS = ("event_date", "held_on", "first_reported_on", "reported_on")


# --- the warehouse side ------------------------------------------------------------------------


@dataclass
class Row:
    """One fact row of a mart, with what matching needs."""

    row_id: str
    urls: frozenset[str]
    day: date | None
    donor_names: tuple[str, ...] = ()
    amount: float | None = None
    amount_max: float | None = None
    currency: str | None = None
    amount_vnd: float | None = None
    unit_value: float | None = None
    is_cumulative: bool | None = None  # None: the mart has no such flag
    part_of: str | None = None
    counts_in_totals: bool | None = None  # the mart's own flag for what sums add, when it has one
    kind: str | None = None
    matches: list[int] = field(default_factory=list)  # indexes of the true facts it matches


class Marts:
    """The analysts' copy (tables in the default schema) or a warehouse (schema `marts`), read-only."""

    def __init__(self, path: Path) -> None:
        self.connection = duckdb.connect(str(path), read_only=True)
        tables = self.connection.execute(
            "SELECT table_schema, table_name FROM information_schema.tables"
        ).fetchall()
        self.tables: dict[str, str] = {}
        for schema, name in sorted(tables, key=lambda t: t[0] != "main"):  # the default schema first
            if schema in ("main", "marts"):
                self.tables.setdefault(name, f'"{schema}"."{name}"')

    def columns(self, table: str) -> set[str]:
        if table not in self.tables:
            return set()
        schema = self.tables[table].split(".")[0].strip('"')
        rows = self.connection.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = ? AND table_name = ?",
            [schema, table],
        ).fetchall()
        return {name for (name,) in rows}

    def select(self, table: str, wanted: dict[str, str | None]) -> list[dict[str, Any]]:
        """Each row of `table` as {alias: value}, an alias' column None (or absent) giving None."""
        present = self.columns(table)
        parts = [
            f'"{column}" AS "{alias}"' if column and column in present else f'NULL AS "{alias}"'
            for alias, column in wanted.items()
        ]
        result = self.connection.execute(f"SELECT {', '.join(parts)} FROM {self.tables[table]}")
        names = [d[0] for d in result.description]
        return [dict(zip(names, values, strict=True)) for values in result.fetchall()]

    def article_urls(self) -> dict[str, str]:
        return dict(
            self.connection.execute(
                f"SELECT article_id, article_url FROM {self.tables['dim_article']}"
            ).fetchall()
        )

    def mention_urls(self, mention_table: str, fact_id: str, urls: dict[str, str]) -> dict[str, set[str]]:
        """fact id -> the URLs of the articles of its mentions, when the mention table exists."""
        found: dict[str, set[str]] = defaultdict(set)
        if {fact_id, "article_id"} <= self.columns(mention_table):
            for row in self.select(mention_table, {"fact": fact_id, "article": "article_id"}):
                if row["article"] in urls:
                    found[str(row["fact"])].add(urls[row["article"]])
        return found


def first_present(columns: set[str], candidates: Iterable[str]) -> str | None:
    return next((column for column in candidates if column in columns), None)


def donation_rows(marts: Marts) -> list[Row]:
    urls = marts.article_urls()
    columns = marts.columns("fct_aid")
    id_column = "aid_id" if "aid_id" in columns else "record_id"
    mentioned = marts.mention_urls("fct_aid_mention", id_column, urls)
    organizations: dict[str, tuple[str, ...]] = {}
    if "dim_organization" in marts.tables:
        for org in marts.select(
            "dim_organization",
            {"id": "organization_id", "name": "organization_name", "written": "names_as_written"},
        ):
            organizations[org["id"]] = (org["name"], *(org["written"] or ()))
    countries: dict[str, str] = {}
    if "dim_country" in marts.tables:
        country_columns = marts.columns("dim_country")
        name_column = first_present(country_columns, ("country_name", "name_vi"))
        for country in marts.select("dim_country", {"code": "country_code", "name": name_column}):
            countries[country["code"]] = country["name"]
    wanted = {
        "id": id_column,
        "article": "article_id",
        "day": first_present(columns, DONATION_DATE_COLUMNS),
        "donor_text": first_present(columns, DONOR_NAME_COLUMNS),
        "donor_org": "donor_organization_id",
        "donor_country": "donor_country_code",
        "amount": "amount_value",
        "amount_max": "amount_value_max",
        "currency": "currency_code",
        "amount_vnd": "amount_vnd",
        "unit_value": first_present(columns, UNIT_VALUE_COLUMNS),
        "is_cumulative": "is_cumulative",
        "part_of": "part_of_aid_id",
        "counts_in_totals": "counts_in_totals",
    }
    rows = []
    for values in marts.select("fct_aid", wanted):
        fact_urls = set(mentioned.get(str(values["id"]), ()))
        if values["article"] in urls:
            fact_urls.add(urls[values["article"]])
        names = [values["donor_text"], *organizations.get(values["donor_org"], ())]
        if not any(names) and values["donor_country"] in countries:  # the donor is a country itself
            names.append(countries[values["donor_country"]])
        rows.append(
            Row(
                row_id=str(values["id"]),
                urls=frozenset(fact_urls),
                day=values["day"],
                donor_names=tuple(name for name in names if name),
                amount=_float(values["amount"]),
                amount_max=_float(values["amount_max"]),
                currency=values["currency"],
                amount_vnd=_float(values["amount_vnd"]),
                unit_value=_float(values["unit_value"]),
                is_cumulative=values["is_cumulative"] if "is_cumulative" in columns else None,
                part_of=values["part_of"],
                counts_in_totals=values["counts_in_totals"] if "counts_in_totals" in columns else None,
            )
        )
    return rows


def event_rows(marts: Marts) -> list[Row]:
    urls = marts.article_urls()
    columns = marts.columns("fct_event")
    mentioned = marts.mention_urls("fct_event_mention", "event_id", urls)
    wanted = {
        "id": "event_id",
        "article": "article_id",
        "day": first_present(columns, EVENT_DATE_COLUMNS),
        "kind": "event_type",
    }
    rows = []
    for values in marts.select("fct_event", wanted):
        fact_urls = set(mentioned.get(str(values["id"]), ()))
        if values["article"] in urls:
            fact_urls.add(urls[values["article"]])
        rows.append(Row(str(values["id"]), frozenset(fact_urls), values["day"], kind=values["kind"]))
    return rows


def _float(value: object) -> float | None:
    return None if value is None else float(value)  # type: ignore[arg-type]  # DECIMAL, DOUBLE or INT


# --- matching -------------------------------------------------------------------------------------


def fold(name: str) -> str:
    return " ".join(unicodedata.normalize("NFC", name).casefold().split())


def donors_agree(truth: Donation, row: Row) -> bool:
    if not truth.names:
        return True
    written = [fold(name) for name in row.donor_names]
    return any(
        (a in b or b in a) and min(len(a), len(b)) >= 3 for a in map(fold, truth.names) for b in written
    )


def close(value: float | None, target: Decimal | None, upper: Decimal | None = None) -> bool:
    if value is None or target is None:
        return False
    low, high = float(target), float(upper if upper is not None else target)
    return low * (1 - AMOUNT_TOLERANCE) <= value <= high * (1 + AMOUNT_TOLERANCE)


def amounts_agree(truth: Donation, row: Row, day: int) -> bool:
    amount = truth.amount_on(day)
    if amount is None:  # valued per unit: the row is the gift, not the value of one
        total = truth.unit_value * truth.unit_count if truth.unit_value and truth.unit_count else None
        if row.amount is None:
            return True
        return close(row.amount, total) and row.currency == truth.currency
    if row.currency == truth.currency and close(row.amount, amount, truth.amount_max):
        return True
    if truth.amount_vnd is not None:  # the stated conversion, kept on the row or written as one
        return close(row.amount_vnd, truth.amount_vnd) or (
            row.currency == "VND" and close(row.amount, truth.amount_vnd)
        )
    return False


def within(day: date | None, true_day: date, days: int) -> bool:
    return day is not None and abs((day - true_day).days) <= days


def match_donation(truth: Donation, urls: set[str], row: Row, day: int) -> bool:
    return (
        bool(row.urls & urls)
        and donors_agree(truth, row)
        and amounts_agree(truth, row, day)
        and within(row.day, truth.given_on, DONATION_DAYS)
    )


def match_event(truth: Event, urls: set[str], row: Row) -> bool:
    return bool(row.urls & urls) and row.kind == truth.kind and within(row.day, truth.held_on, EVENT_DAYS)


# --- the figures ----------------------------------------------------------------------------------


@dataclass
class Scores:
    facts: int
    rows_judged: int
    rows_matched: int
    facts_found: int
    double_counted: int
    over_merged: int
    missed: list[str]
    false_rows: list[str]
    counted_twice: list[str]

    @property
    def precision(self) -> float:
        return self.rows_matched / self.rows_judged if self.rows_judged else 0.0

    @property
    def recall(self) -> float:
        return self.facts_found / self.facts if self.facts else 0.0

    def as_dict(self) -> dict[str, object]:
        return {
            "facts": self.facts,
            "rows_judged": self.rows_judged,
            "precision": round(self.precision, 3),
            "recall": round(self.recall, 3),
            "double_counted": self.double_counted,
            "over_merged_rows": self.over_merged,
            "missed": self.missed,
            "false_rows": self.false_rows,
            "counted_twice": self.counted_twice,
        }


def score(
    truths: list[tuple[Donation | Event, set[str]]],
    rows: list[Row],
    judged: frozenset[str],
    matches: Any,  # (truth, urls, row) -> bool
    describe_truth: Any,
    describe_row: Any,
) -> Scores:
    judged_rows = [row for row in rows if row.urls & judged]
    for row in judged_rows:
        row.matches = [i for i, (truth, urls) in enumerate(truths) if matches(truth, urls, row)]
    found: dict[int, list[Row]] = defaultdict(list)
    for row in judged_rows:
        for i in row.matches:
            found[i].append(row)
    over_merged = sum(
        1
        for row in judged_rows
        if row.matches and not all(any(url in truths[i][1] for i in row.matches) for url in row.urls & judged)
    )
    return Scores(
        facts=len(truths),
        rows_judged=len(judged_rows),
        rows_matched=sum(1 for row in judged_rows if row.matches),
        facts_found=len(found),
        double_counted=sum(1 for hits in found.values() if len(hits) > 1),
        over_merged=over_merged,
        missed=[describe_truth(truths[i][0]) for i in range(len(truths)) if i not in found],
        false_rows=[describe_row(row) for row in judged_rows if not row.matches],
        counted_twice=[
            f"{describe_truth(truths[i][0])}: {len(hits)} rows" for i, hits in found.items() if len(hits) > 1
        ],
    )


def wrong_flags(
    donations: list[tuple[Donation, set[str]]], rows: list[Row], listed: set[Donation], columns: set[str]
) -> list[str]:
    """Matched rows whose running-total flag or link to a total disagrees with the true fact (each
    checked only when the mart has the column)."""
    wrong = []
    for row in rows:
        for i in row.matches:
            truth = donations[i][0]
            if "is_cumulative" in columns and bool(row.is_cumulative) != truth.is_cumulative:
                wrong.append(f"{truth.given_on} {truth.donor}: is_cumulative {row.is_cumulative}")
            if "part_of_aid_id" in columns and (row.part_of is not None) != (truth.part_of in listed):
                wrong.append(f"{truth.given_on} {truth.donor}: part_of_aid_id {row.part_of}")
    return wrong


def exchange_rates() -> dict[tuple[int, str], Decimal]:
    with EXCHANGE_RATES.open(encoding="utf-8") as handle:
        return {
            (int(r["rate_year"]), r["currency"]): Decimal(r["vnd_per_unit"]) for r in csv.DictReader(handle)
        }


def true_vnd(truth: Donation, day: int, rates: dict[tuple[int, str], Decimal]) -> Decimal:
    """The donation in đồng: as the text states it, else at the year's seed rate (as the marts do)."""
    if truth.amount_vnd is not None:
        return truth.amount_vnd
    amount = truth.amount_on(day)
    if amount is None:
        amount = (truth.unit_value or Decimal(0)) * (truth.unit_count or 0)
    if truth.currency == "VND":
        return amount
    years = sorted(year for year, currency in rates if currency == truth.currency)
    year = min(max(truth.given_on.year, years[0]), years[-1])
    return amount * rates[(year, truth.currency)]


def evaluate(analytics: Path, day: int = 1, reports: Reports | None = None) -> dict[str, object]:
    """Every figure of the evaluation, as the JSON report holds them."""
    reports = reports or reported_facts()
    marts = Marts(analytics)
    held = set(marts.article_urls().values())
    donations = [(fact, set(urls) & held) for fact, urls in reports.donations.items() if set(urls) & held]
    events = [(fact, set(urls) & held) for fact, urls in reports.events.items() if set(urls) & held]

    def describe_donation(truth: Donation) -> str:
        amount = truth.amount_on(day)
        written = (
            f"{amount:,} {truth.currency}"
            if amount is not None
            else f"{truth.unit_count} x {truth.unit_value:,}"
        )
        return f"{truth.given_on} {truth.donor or '(no single donor)'}: {written}"

    def describe_aid_row(row: Row) -> str:
        donor = row.donor_names[0] if row.donor_names else None
        return f"{row.day} {donor}: {row.amount} {row.currency}"

    def describe_event(truth: Event) -> str:
        return f"{truth.held_on} {truth.kind} in {truth.place}"

    def describe_event_row(row: Row) -> str:
        return f"{row.day} {row.kind}"

    aid_rows = donation_rows(marts)
    aid = score(
        donations,  # type: ignore[arg-type]
        aid_rows,
        reports.judged_on_donations,
        lambda truth, urls, row: match_donation(truth, urls, row, day),
        describe_donation,
        describe_aid_row,
    )
    event = score(
        events,  # type: ignore[arg-type]
        event_rows(marts),
        reports.judged_on_events,
        match_event,
        describe_event,
        describe_event_row,
    )
    listed = {fact for fact, _ in donations}
    aid_figures = aid.as_dict()
    aid_figures["wrong_flags"] = wrong_flags(donations, aid_rows, listed, marts.columns("fct_aid"))
    rates = exchange_rates()
    true_total = sum(
        (
            true_vnd(truth, day, rates)
            for truth, _ in donations
            if not truth.is_cumulative and not (truth.part_of and truth.part_of in listed)
        ),
        Decimal(0),
    )
    mart_total = sum(
        row.amount_vnd or 0.0
        for row in aid_rows
        if (
            row.counts_in_totals
            if row.counts_in_totals is not None
            else not row.is_cumulative and row.part_of is None
        )
    )
    return {
        "analytics": str(analytics),
        "day": day,
        "tolerances": {
            "amount": AMOUNT_TOLERANCE,
            "donation_days": DONATION_DAYS,
            "event_days": EVENT_DAYS,
        },
        "donations": aid_figures,
        "events": event.as_dict(),
        "double_counted_facts": aid.double_counted + event.double_counted,
        "vnd_total": {
            "true": float(true_total),
            "marts": mart_total,
            "difference": mart_total - float(true_total),
        },
    }


def report(figures: dict[str, Any]) -> str:
    lines = [f"fact evaluation of {figures['analytics']} (portal day {figures['day']})"]
    tolerances = figures["tolerances"]
    lines.append(
        f"matching: same donor, amount within {tolerances['amount']:.0%}, date within "
        f"{tolerances['donation_days']} days; events: same type, date within {tolerances['event_days']} days"
    )
    for name in ("donations", "events"):
        part = figures[name]
        lines.append(
            f"{name:9}  facts {part['facts']:3}  rows judged {part['rows_judged']:3}  precision "
            f"{part['precision']:.3f}  recall {part['recall']:.3f}  double-counted {part['double_counted']}  "
            f"over-merged rows {part['over_merged_rows']}"
        )
    lines.append(f"double-counted facts: {figures['double_counted_facts']}")
    wrong = figures["donations"]["wrong_flags"]
    lines.append(f"donations with a wrong running-total or part flag: {len(wrong)}")
    total = figures["vnd_total"]
    lines.append(
        f"VND total (not cumulative, not a part): true {total['true']:,.0f}  marts {total['marts']:,.0f}  "
        f"difference {total['difference']:+,.0f}"
    )
    lines.extend(f"  donations wrong flag: {item}" for item in wrong)
    for name in ("donations", "events"):
        part = figures[name]
        for label, key in (
            ("missed", "missed"),
            ("false row", "false_rows"),
            ("counted twice", "counted_twice"),
        ):
            lines.extend(f"  {name} {label}: {item}" for item in part[key])
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--analytics",
        type=Path,
        default=None,
        help="the analysts' copy or a warehouse (default: DOINGOAI_ANALYTICS_DB, data/analytics.duckdb)",
    )
    parser.add_argument("--day", type=int, default=1, help="the portal day the warehouse was crawled at")
    parser.add_argument("--json", type=Path, default=None, help="also write the figures to this file")
    args = parser.parse_args(argv)
    analytics = args.analytics or get_settings().analytics_db
    if not analytics.exists():
        print(f"{analytics} does not exist: run `make run` first", file=sys.stderr)
        return 2
    figures = evaluate(analytics, args.day)
    print(report(figures))
    if args.json:
        args.json.write_text(json.dumps(figures, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
