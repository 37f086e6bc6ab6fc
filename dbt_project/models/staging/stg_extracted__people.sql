-- People named in a document version; roles stay a list of (title, position, organization).
select
    {{ extracted_record_columns() }},
    name as person_name,
    honorific,
    country as country_code,
    roles,
    mentions as mention_count
from {{ source('extracted', 'people') }}
