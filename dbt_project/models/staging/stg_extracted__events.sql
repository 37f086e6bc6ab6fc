-- Dated activities in a document version.
select
    {{ extracted_record_columns() }},
    type as event_type,
    event_date,
    title as event_title,
    location as location_text,
    participants as participant_names
from {{ source('extracted', 'events') }}
