-- "A implements B" statements, with both ends as (type, number) within the same document version.
select
    {{ extracted_record_columns() }},
    source_type,
    source_number,
    target_type,
    target_number,
    relation as relation_type,
    cue as relation_cue
from {{ source('extracted', 'directive_relations') }}
