-- Organisations named in a document version, as written.
select
    {{ extracted_record_columns() }},
    name as organization_name,
    acronym,
    country as country_code
from {{ source('extracted', 'organizations') }}
