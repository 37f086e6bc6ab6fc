"""Merging reports of events into facts (warehouse/event_facts.py), without dbt or a database."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, timedelta

import pytest

from warehouse.event_facts import (
    EventMention,
    EventParticipant,
    MergedMention,
    merge_event_mentions,
    same_event,
)

KNAPPER = EventParticipant("person", "p-knapper", "US")
GIANG = EventParticipant("person", "p-giang", "VN")
LAO_DELEGATION = EventParticipant("delegation", "d-champasak", "LA")
LAO_DELEGATION_OTHER_WORDS = EventParticipant("delegation", "d-doan-lao", "LA")
HOME_DELEGATION = EventParticipant("delegation", "d-doan-cong-tac", "VN")

RECEPTION = EventMention(
    "m1",
    "article-1",
    "reception",
    date(2023, 4, 24),
    province_id="can-tho",
    province_is_stated=True,
    participants=(KNAPPER,),
    reported_on=date(2023, 4, 24),
    document_url="https://a/1",
)


def report(mention_id: str, article_id: str, **changes) -> EventMention:
    """Another report of RECEPTION, with what differs."""
    return replace(
        RECEPTION,
        mention_id=mention_id,
        article_id=article_id,
        document_url=f"https://b/{mention_id}",
        **changes,
    )


def facts(*mentions: EventMention) -> dict[str, str]:
    return {row.mention_id: row.event_id for row in merge_event_mentions(mentions)}


def test_two_sites_reporting_one_reception_are_one_fact_keyed_by_the_first_report() -> None:
    later = report("m2", "article-2", reported_on=date(2023, 4, 25))
    assert facts(later, RECEPTION) == {"m1": "m1", "m2": "m1"}


def test_two_events_of_one_article_are_never_merged() -> None:
    assert not same_event(RECEPTION, report("m2", "article-1"))
    assert facts(RECEPTION, report("m2", "article-1")) == {"m1": "m1", "m2": "m2"}


@pytest.mark.parametrize(
    ("changes", "merged"),
    [
        pytest.param({"event_type": "visit"}, False, id="another-type"),
        pytest.param({"event_type": "other"}, True, id="a-report-naming-no-specific-kind"),
        pytest.param({"first_day": date(2023, 4, 25)}, False, id="next-day-as-written"),
        pytest.param(
            {"first_day": date(2023, 4, 25), "dated_by_publication": True}, True, id="next-day-by-publication"
        ),
        pytest.param(
            {"first_day": date(2023, 4, 26), "dated_by_publication": True},
            False,
            id="two-days-by-publication",
        ),
        pytest.param(
            {"first_day": date(2023, 4, 23), "last_day": date(2023, 4, 25)},
            True,
            id="inside-a-multi-day-event",
        ),
        pytest.param({"first_day": date(2024, 4, 24)}, False, id="another-year"),
        pytest.param({"province_id": "ha-noi"}, False, id="another-place-same-people"),
        pytest.param(
            {"province_id": "ha-noi", "province_is_stated": False}, True, id="another-province-only-guessed"
        ),
        pytest.param(
            {"province_id": "ha-noi", "province_is_stated": False, "participants": ()},
            False,
            id="a-guessed-province-and-no-one-in-common",
        ),
        pytest.param({"province_is_stated": False, "participants": ()}, True, id="the-same-province-guessed"),
        pytest.param({"participants": ()}, True, id="same-place-no-one-named"),
        pytest.param({"province_id": None}, True, id="no-place-same-ambassador"),
        pytest.param({"province_id": None, "participants": (GIANG,)}, False, id="no-place-no-one-in-common"),
    ],
)
def test_the_rules_of_one_event(changes: dict, merged: bool) -> None:
    other = report("m2", "article-2", **changes)
    assert same_event(RECEPTION, other) is merged
    assert same_event(other, RECEPTION) is merged  # the rules are symmetric


def test_a_delegation_in_common_is_one_of_the_same_foreign_country_in_any_words() -> None:
    visit = replace(RECEPTION, event_type="visit", province_id=None, participants=(LAO_DELEGATION,))
    assert same_event(
        visit,
        report(
            "m2",
            "article-2",
            event_type="visit",
            province_id=None,
            participants=(LAO_DELEGATION_OTHER_WORDS,),
        ),
    )
    home = replace(visit, participants=(HOME_DELEGATION,))
    other_home = report(
        "m2",
        "article-2",
        event_type="visit",
        province_id=None,
        participants=(replace(HOME_DELEGATION, participant_id="d-other"),),
    )
    assert not same_event(home, other_home)  # two Vietnamese delegations are not one by country


def test_a_mention_joins_a_fact_only_when_it_agrees_with_every_report_in_it() -> None:
    # m2 agrees with m1 (same place) and m3 with m2 (a day counted from publication), but m3 is two
    # days after m1 as written: m3 starts its own fact instead of chaining the three.
    second = report(
        "m2",
        "article-2",
        first_day=date(2023, 4, 24),
        dated_by_publication=True,
        reported_on=date(2023, 4, 25),
    )
    third = report("m3", "article-3", first_day=date(2023, 4, 25), reported_on=date(2023, 4, 26))
    assert facts(RECEPTION, second, third) == {"m1": "m1", "m2": "m1", "m3": "m3"}


def test_the_facts_do_not_depend_on_the_order_rows_arrive_in() -> None:
    mentions = [
        RECEPTION,
        report("m2", "article-2", reported_on=date(2023, 4, 25)),
        report("m3", "article-3", event_type="ceremony"),
        report("m4", "article-4", event_type="ceremony", reported_on=date(2023, 4, 26)),
    ]
    expected = {"m1": "m1", "m2": "m1", "m3": "m3", "m4": "m3"}
    assert facts(*mentions) == expected
    assert facts(*reversed(mentions)) == expected


def test_a_generic_report_joins_one_specific_kind_only() -> None:
    generic = report("m2", "article-2", event_type="other", reported_on=date(2023, 4, 25))
    visit = report("m3", "article-3", event_type="visit", reported_on=date(2023, 4, 26))
    # m2 may be the reception m1; m3, a visit, agrees with m2 but not with m1, so it is another event
    assert facts(RECEPTION, generic, visit) == {"m1": "m1", "m2": "m1", "m3": "m3"}


def _merged_by_comparing_every_fact(mentions: list[EventMention]) -> list[MergedMention]:
    """The module's rule with no shortcut: each mention compared with every fact made so far (the
    reference for merge_event_mentions' index of facts by day)."""
    ordered = sorted(
        mentions, key=lambda m: (m.reported_on is None, m.reported_on or date.min, m.document_url, m.ordinal)
    )
    facts: list[list[EventMention]] = []
    merged = []
    for mention in ordered:
        fact = next((f for f in facts if all(same_event(mention, other) for other in f)), None)
        if fact is None:
            fact = []
            facts.append(fact)
        fact.append(mention)
        merged.append(MergedMention(mention.mention_id, fact[0].mention_id))
    return merged


def test_facts_are_compared_only_on_their_days_and_the_merging_is_the_same() -> None:
    randomly = random.Random(13)
    mentions = []
    for number in range(400):
        first_day = date(2023, 1, 1) + timedelta(randomly.randrange(120))
        mentions.append(
            report(
                f"m{number:03}",
                f"article-{number // 2}",
                event_type=randomly.choice(["reception", "visit", "other"]),
                first_day=first_day,
                last_day=first_day + timedelta(randomly.choice([0, 0, 3])),
                dated_by_publication=randomly.random() < 0.3,
                province_id=randomly.choice(["can-tho", "soc-trang", None]),
                province_is_stated=randomly.random() < 0.5,
                participants=tuple(randomly.sample([KNAPPER, GIANG, LAO_DELEGATION], randomly.randrange(3))),
                reported_on=first_day + timedelta(randomly.randrange(3)),
            )
        )
    assert merge_event_mentions(mentions) == _merged_by_comparing_every_fact(mentions)
