"""When to look at a known page again: the revisit policy, as pure functions of dates.

Refetching every known article every night costs O(archive): 100,000 articles at the live politeness
delay of 1 s is a 28-hour night. Most of an archive never changes, and what changes, changes soon
after publication (corrections the next morning, a photo added the same week). So each known URL gets
a next visit that moves further away the longer the page has been quiet:

- A page's *quiet time* is how long ago it last changed as far as we know: its publication date (the
  date the page shows, else the day we first saw it), or the last night we saw it change or vanish,
  whichever is later.
- The interval to the next visit is half the quiet time, rounded down to a doubling step of the
  shortest interval (1, 2, 4, 8 ... days), and never longer than the longest interval (120 days).
  A page published today is revisited tomorrow; one quiet for a week, in 2 days; for a month, in 8;
  for a year, in 120. A change seen on a visit makes the page young again.
- A night revisits at most `budget` known pages per site, the most overdue first; the rest stay due
  and are taken on the following nights.

Edits are not found only by this slow cycle: a sitemap `lastmod` newer than what we saw last, and a
known article showing on a listing page that changed, bring its visit forward to tonight
(`scrapers/crawl.py`); `--full` fetches everything.

Everything here is pure (no clock read, no I/O): the caller passes "now" (the crawl's clock).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta

# A nightly run starts at about the same hour each night, a few minutes earlier or later, and visits
# pages over the hours it runs: a visit due within this margin of the run's start is taken tonight,
# rather than slipping a whole day.
DUE_AHEAD = timedelta(hours=3)


@dataclass(frozen=True)
class RevisitPolicy:
    """The revisit policy's numbers; the defaults are the settings' (DOINGOAI_REVISIT_*)."""

    min_days: float = 1.0  # the shortest interval between two visits of a page
    max_days: float = 120.0  # the longest: even the oldest page is looked at three times a year
    share: float = 0.5  # the interval is about this share of the page's quiet time
    budget: int = 500  # known pages revisited per site and night, at most (new pages are not counted)

    def __post_init__(self) -> None:
        if not 0 < self.min_days <= self.max_days:
            raise ValueError(f"revisit intervals need 0 < min_days <= max_days (got {self})")
        if not self.share > 0 or self.budget < 0:
            raise ValueError(f"revisit share must be positive and budget not negative (got {self})")


def quiet_since(
    published_at: datetime | None, first_seen_at: datetime, changed_at: datetime | None
) -> datetime:
    """Since when the page has been quiet, as far as we know: the later of its publication (the day we
    first saw it when it shows no date, or shows a date after that day) and the last change we saw."""
    born = published_at if published_at is not None and published_at <= first_seen_at else first_seen_at
    return max(born, changed_at) if changed_at is not None else born


def revisit_interval(quiet: timedelta, policy: RevisitPolicy) -> timedelta:
    """`share` of the quiet time, rounded down to a doubling step of `min_days`, within the bounds."""
    shortest, longest = timedelta(days=policy.min_days), timedelta(days=policy.max_days)
    wanted = max(quiet, timedelta(0)) * policy.share
    if wanted < shortest:
        return shortest
    steps = math.floor(math.log2(wanted / shortest))
    return min(shortest * 2**steps, longest)


def next_visit(
    visited_at: datetime,
    published_at: datetime | None,
    first_seen_at: datetime,
    changed_at: datetime | None,
    policy: RevisitPolicy,
) -> datetime:
    """When to visit a page again that was visited (or found) at `visited_at`."""
    quiet = visited_at - quiet_since(published_at, first_seen_at, changed_at)
    return visited_at + revisit_interval(quiet, policy)


def due_by(now: datetime) -> datetime:
    """Tonight's cut: pages whose next visit falls before this are due."""
    return now + DUE_AHEAD


def sitemap_says_changed(
    lastmod: datetime | None, seen_lastmod: datetime | None, last_visit_at: datetime | None
) -> bool:
    """Does a sitemap's `lastmod` for a known page say it changed since we last fetched it?

    Compared with the lastmod we recorded at that fetch when we have one (so a site whose clock or
    dates are off still works: only a newer value counts), else with the time of our last visit."""
    if lastmod is None:
        return False
    if seen_lastmod is not None:
        return lastmod > seen_lastmod
    return last_visit_at is None or lastmod > last_visit_at
