-- One row per article's report of an event (a mention): its evidence, the date, place and title as
-- this article gives them, and the real-world event it reports (fct_event, joined by
-- int_events__facts). Two sites reporting one reception are two rows here and one in fct_event.
with mentions as (
    select *
    from {{ ref('int_events__located') }}
    qualify row_number() over (partition by event_mention_id order by record_ordinal) = 1
),

participants as (
    select event_mention_id, count(*) as participant_count
    from {{ ref('int_event_participants__resolved') }}
    group by event_mention_id
)

select
    mentions.event_mention_id,
    merged.event_id,
    mentions.document_id as article_id,
    mentions.site_id,
    mentions.event_type,
    mentions.event_date,
    mentions.event_end_date,
    mentions.dated_by_publication,
    mentions.event_title,
    mentions.location_text,
    mentions.location_id,
    mentions.location_id_after_2025,
    coalesce(participants.participant_count, 0) as participant_count,
    mentions.reference_date as reported_on,
    mentions.evidence_sentence,
    mentions.evidence_start,
    mentions.evidence_end,
    mentions.record_id
from mentions
inner join {{ ref('int_events__facts') }} as merged on merged.event_mention_id = mentions.event_mention_id
left join participants on participants.event_mention_id = mentions.event_mention_id
