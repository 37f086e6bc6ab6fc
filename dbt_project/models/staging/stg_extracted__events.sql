-- Dated activities in a document version, with who took part (a list of structs: name, kind,
-- country, span_start, span_end).
select
    {{ extracted_record_columns() }},
    type as event_type,
    event_date,
    end_date as event_end_date,
    dated_by_publication,
    title as event_title,
    location as location_text,
    participants
from {{ source('extracted', 'events') }}
