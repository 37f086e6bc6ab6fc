"""Events across articles: each report of an event mapped to the one real-world event it reports.

A Python model because it clusters: two reports are one event when they agree on type, date, place
and participants (the written rules of warehouse/event_facts.py, unit-tested in
tests/test_event_facts.py). This model only loads the mentions and their resolved participants and
returns one row per mention: its event_mention_id and the event_id of its fact (the mention id of
the fact's first report).
"""

from collections import defaultdict

import pyarrow as pa

from warehouse.arrow_rows import rows_table
from warehouse.event_facts import EventMention, EventParticipant, merge_event_mentions


def model(dbt, session):  # dbt's signature; the refs are read through `dbt`
    dbt.config(materialized="table")
    participants = defaultdict(list)
    rows = (
        dbt.ref("int_event_participants__resolved")
        .query("t", "select event_mention_id, participant_kind, participant_id, country_code from t")
        .fetchall()
    )
    for mention_id, kind, participant_id, country in rows:
        participants[mention_id].append(EventParticipant(kind, participant_id, country))
    mentions = (
        dbt.ref("int_events__located")
        .query(
            "t",
            """select distinct on (event_mention_id)
                      event_mention_id, document_id, event_type, event_date, event_end_date,
                      dated_by_publication, location_id, location_is_stated, reference_date, document_url,
                      record_ordinal
               from t order by event_mention_id, record_ordinal""",
        )
        .fetchall()
    )
    merged = merge_event_mentions(
        EventMention(
            mention_id=mention_id,
            article_id=article_id,
            event_type=event_type,
            first_day=first_day,
            last_day=last_day,
            dated_by_publication=dated_by_publication,
            province_id=province_id,
            province_is_stated=province_is_stated,
            participants=tuple(participants[mention_id]),
            reported_on=reported_on,
            document_url=document_url,
            ordinal=ordinal,
        )
        for (mention_id, article_id, event_type, first_day, last_day, dated_by_publication, province_id,
             province_is_stated, reported_on, document_url, ordinal) in mentions
    )  # fmt: skip
    schema = pa.schema([("mention_id", pa.string()), ("event_id", pa.string())])
    table = rows_table(merged, schema)
    return table.rename_columns(["event_mention_id", "event_id"])
