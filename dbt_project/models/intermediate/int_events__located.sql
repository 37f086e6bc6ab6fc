-- Each article's report of an event (a mention) with its key and the province its location names (the
-- longest place name found in it, then in the evidence sentence), kept as written in the article and
-- mapped to its post-2025 province. event_mention_id is made here only; int_events__facts joins the
-- mentions of one real-world event under an event_id.
with events as (
    select * from {{ ref('int_events__current') }}
),

matches as (
    select
        events.record_id,
        lookup.location_id,
        lookup.location_id_after_2025,
        contains(lower(coalesce(events.location_text, '')), lookup.place_key) as is_stated,
        row_number() over (
            partition by events.record_id
            order by
                contains(lower(coalesce(events.location_text, '')), lookup.place_key) desc,
                length(lookup.place_key) desc
        ) as preference
    from events
    inner join {{ ref('int_locations__lookup') }} as lookup
        on regexp_matches(
            lower(coalesce(events.location_text, '') || ' ' || events.evidence_sentence),
            '(^|[^[:alnum:]])' || lookup.place_key || '($|[^[:alnum:]])'
        )
)

select
    {{ generate_surrogate_key(['events.document_id', 'events.event_date', 'events.event_type', 'events.event_title']) }}
        as event_mention_id,
    events.*,
    matches.location_id,
    matches.location_id_after_2025,
    coalesce(matches.is_stated, false) as location_is_stated
from events
left join matches on matches.record_id = events.record_id and matches.preference = 1
