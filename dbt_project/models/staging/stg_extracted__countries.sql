-- Foreign-country mentions in a document version.
select
    {{ extracted_record_columns() }},
    code as country_code,
    name as country_name_as_written
from {{ source('extracted', 'countries') }}
