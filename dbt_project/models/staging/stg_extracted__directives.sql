-- Directive mentions, one row per distinct document a document version names.
select
    {{ extracted_record_columns() }},
    type as directive_type,
    number as directive_number,
    upper(replace(code, ' ', '')) as directive_code,
    issued_on,
    issuer,
    title as directive_title,
    mentions as mention_count
from {{ source('extracted', 'directives') }}
