-- One row per dated activity an article reports (visits, conferences, receptions, ceremonies...),
-- with the province its location names, then and after the 2025 mergers. The same meeting
-- reported by two articles is two rows (each with its own evidence).
select
    events.event_id,
    events.document_id as article_id,
    events.site_id,
    events.event_type,
    events.event_date,
    events.event_title,
    events.location_text,
    events.location_id,
    events.location_id_after_2025,
    len(events.participant_names) as participant_name_count,
    events.reference_date as reported_on,
    events.evidence_sentence,
    events.evidence_start,
    events.evidence_end,
    events.record_id
from {{ ref('int_events__located') }} as events
qualify row_number() over (partition by events.event_id order by events.record_ordinal) = 1
