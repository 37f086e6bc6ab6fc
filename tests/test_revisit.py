"""The revisit policy (scrapers/revisit.py) as pure functions of dates: intervals grow with a page's
quiet time in doubling steps, a change makes it young again, and a sitemap lastmod can bring a visit
forward. Plus what it costs: the share of an archive a no-change night revisits."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from scrapers.revisit import (
    DUE_AHEAD,
    RevisitPolicy,
    due_by,
    next_visit,
    quiet_since,
    revisit_interval,
    sitemap_says_changed,
)

POLICY = RevisitPolicy()  # 1 to 120 days, half the quiet time
NOW = datetime(2026, 11, 29, 2, 0, tzinfo=UTC)


def days(n: float) -> timedelta:
    return timedelta(days=n)


@pytest.mark.parametrize(
    ("quiet_days", "interval_days"),
    [
        (0, 1),  # published today: tomorrow
        (1, 1),
        (3.9, 1),
        (4, 2),  # doubling steps: half the quiet time, rounded down to 1, 2, 4, 8 ... days
        (7, 2),
        (8, 4),
        (30, 8),
        (64, 32),
        (200, 64),
        (256, 120),  # 128 would pass the longest interval
        (3650, 120),
    ],
)
def test_the_interval_is_half_the_quiet_time_in_doubling_steps_within_the_bounds(
    quiet_days: float, interval_days: float
) -> None:
    assert revisit_interval(days(quiet_days), POLICY) == days(interval_days)


def test_the_bounds_are_the_policys() -> None:
    policy = RevisitPolicy(min_days=2, max_days=30)
    assert revisit_interval(days(0), policy) == days(2)
    assert revisit_interval(days(5000), policy) == days(30)
    with pytest.raises(ValueError, match="min_days"):
        RevisitPolicy(min_days=10, max_days=5)


def test_a_page_is_quiet_since_its_date_or_its_last_change_whichever_is_later() -> None:
    first_seen = NOW - days(1)  # a first crawl of an old archive yesterday
    published = NOW - days(400)
    assert quiet_since(published, first_seen, None) == published  # old, not new to the world
    assert quiet_since(published, first_seen, NOW - days(3)) == NOW - days(3)  # a change seen: young again
    assert quiet_since(None, first_seen, None) == first_seen  # no date shown: the day we found it
    assert quiet_since(NOW + days(30), first_seen, None) == first_seen  # a date in the future is not believed


def test_an_old_article_first_crawled_yesterday_is_not_due_for_months() -> None:
    visit = next_visit(NOW, NOW - days(3 * 365), NOW, None, POLICY)
    assert visit == NOW + days(120)


def test_an_edit_seen_brings_an_old_article_back_to_daily_visits() -> None:
    published, first_seen = NOW - days(3 * 365), NOW - days(300)
    assert next_visit(NOW, published, first_seen, changed_at=NOW, policy=POLICY) == NOW + days(1)
    # unchanged on the next visits, it moves away again: 1, 1, 1, 1, 2 days ...
    visits, changed_at, at = [], NOW, NOW
    for _ in range(8):
        following = next_visit(at, published, first_seen, changed_at, POLICY)
        visits.append((following - at).days)
        at = following
    assert visits == sorted(visits) and visits[0] == 1 and visits[-1] >= 4


def test_due_by_looks_a_few_hours_ahead_so_a_visit_does_not_slip_a_night() -> None:
    """Scheduled from last night's start, a page due "in one day" is due tonight, even when tonight's
    run starts a little earlier than last night's did."""
    last_night = NOW
    visit = next_visit(last_night, NOW - days(1), last_night, None, POLICY)
    tonight = last_night + days(1) - timedelta(minutes=20)
    assert visit <= due_by(tonight) and days(1) / 2 > DUE_AHEAD


@pytest.mark.parametrize(
    ("lastmod", "seen", "last_visit", "changed"),
    [
        (None, None, NOW, False),  # no lastmod: no word
        (NOW - days(1), NOW - days(1), NOW, False),  # the one we fetched with
        (NOW - days(1) + timedelta(hours=1), NOW - days(1), NOW - days(10), True),  # newer than that one
        (NOW - days(2), None, NOW - days(1), False),  # none recorded: older than our last visit
        (NOW - timedelta(hours=1), None, NOW - days(1), True),  # none recorded: after our last visit
        # a site whose dates are years off: only a newer value than the one recorded counts
        (datetime(2019, 5, 2, tzinfo=UTC), datetime(2019, 5, 1, tzinfo=UTC), NOW, True),
    ],
)
def test_a_sitemap_lastmod_says_changed_when_newer_than_what_we_fetched_with(
    lastmod: datetime | None, seen: datetime | None, last_visit: datetime, changed: bool
) -> None:
    assert sitemap_says_changed(lastmod, seen, last_visit) is changed


@pytest.mark.parametrize(("archive_years", "most"), [(1, 0.045), (5, 0.016), (12, 0.012)])
def test_a_no_change_night_revisits_a_small_share_of_an_archive(archive_years: int, most: float) -> None:
    """Steady state over an archive published evenly over some years: the share of its pages due on a
    night (each page is visited once per interval). Issue 13's target is at most 5%."""
    ages = range(1, archive_years * 365 + 1)
    share = sum(1 / (revisit_interval(days(age), POLICY) / days(1)) for age in ages) / len(ages)
    assert share <= most
