-- Bridge from real-world events (fct_event) to who took part: people, organisations and delegations,
-- each with its country, wherever any report of the event names them (its sentence, the rest of the
-- article, captions). One row per event and participant, however many reports name them.
with named as (
    select
        merged.event_id,
        participants.*,
        mentions.document_id as article_id,
        mentions.reference_date
    from {{ ref('int_event_participants__resolved') }} as participants
    inner join {{ ref('int_events__facts') }} as merged using (event_mention_id)
    inner join (
        select distinct on (event_mention_id) event_mention_id, document_id, reference_date
        from {{ ref('int_events__located') }}
        order by event_mention_id, record_ordinal
    ) as mentions using (event_mention_id)
),

first_named as (
    select *
    from named
    qualify row_number() over (
        partition by event_id, participant_kind, participant_id
        order by reference_date nulls last, article_id, span_start
    ) = 1
),

counted as (
    select event_id, participant_kind, participant_id, count(distinct event_mention_id) as mention_count
    from named
    group by all
)

select
    {{ generate_surrogate_key(['first_named.event_id', 'first_named.participant_kind', 'first_named.participant_id']) }}
        as event_participant_id,
    first_named.event_id,
    first_named.participant_kind,
    first_named.participant_id,
    first_named.participant_name,
    first_named.country_code,
    coalesce(first_named.country_code <> 'VN', false) as is_foreign,
    counted.mention_count,
    first_named.article_id,
    first_named.span_start as name_start,
    first_named.span_end as name_end
from first_named
inner join counted using (event_id, participant_kind, participant_id)
