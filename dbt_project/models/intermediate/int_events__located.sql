-- Each article's report of an event (a mention) with its key and the province its location names (the
-- longest place name found in it, then in the evidence sentence), kept as written in the article and
-- mapped to its post-2025 province. event_mention_id is made here only; int_events__facts joins the
-- mentions of one real-world event under an event_id. Places are found by their words (macro
-- word_tokens), an equi-join; a table, so the models and tests reading it never match them again.
{{ config(materialized='table') }}

with events as (
    select * from {{ ref('int_events__current') }}
),

-- the words of each event's location, then of its location and sentence together (as one text: the
-- location's words come first, so a place found within them is stated)
event_texts as (
    select
        record_id as text_key,
        {{ word_tokens('location_text') }} as location_tokens,
        {{ word_tokens("coalesce(location_text, '') || ' ' || evidence_sentence") }} as tokens
    from events
),

place_names as (
    select distinct place_key as name_key, place_tokens as name_tokens, place_tokens[1] as name_first_token
    from {{ ref('int_locations__lookup') }}
),

found as (
    {{ names_found_in('event_texts', 'place_names') }}
),

matches as (
    select
        found.text_key as record_id,
        lookup.location_id,
        lookup.location_id_after_2025,
        found.position + found.token_count - 1 <= len(event_texts.location_tokens) as is_stated,
        row_number() over (
            partition by found.text_key
            order by found.position + found.token_count - 1 <= len(event_texts.location_tokens) desc, length(lookup.place_key) desc, lookup.place_key, found.position
        ) as preference
    from found
    inner join event_texts using (text_key)
    inner join {{ ref('int_locations__lookup') }} as lookup on lookup.place_key = found.name_key
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
