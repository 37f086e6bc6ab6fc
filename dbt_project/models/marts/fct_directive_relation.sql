-- The citation graph: document A implements document B ("triển khai thực hiện", "cụ thể hóa"),
-- one row per article stating it. Both ends resolve through that article's own mentions, so a
-- letter's "Chỉ thị số 12" is the 12-CT/TW it cites in full elsewhere.
with relations as (
    select * from {{ ref('int_directive_relations__current') }}
),

mentions as (
    select directives.document_id, directives.directive_type, directives.directive_number, resolved.directive_id
    from {{ ref('int_directives__current') }} as directives
    inner join {{ ref('int_directives__resolved') }} as resolved using (record_id)
    qualify row_number() over (
        partition by directives.document_id, directives.directive_type, directives.directive_number
        order by resolved.directive_code is null, directives.record_ordinal
    ) = 1
)

select
    {{ generate_surrogate_key(['relations.document_id', 'sources.directive_id', 'targets.directive_id',
        'relations.relation_type']) }} as directive_relation_id,
    sources.directive_id as source_directive_id,
    targets.directive_id as target_directive_id,
    relations.relation_type,
    relations.relation_cue,
    relations.document_id as article_id,
    relations.reference_date as stated_on,
    relations.evidence_sentence,
    relations.evidence_start,
    relations.evidence_end,
    relations.record_id
from relations
inner join mentions as sources
    on sources.document_id = relations.document_id
    and sources.directive_type = relations.source_type
    and sources.directive_number = relations.source_number
inner join mentions as targets
    on targets.document_id = relations.document_id
    and targets.directive_type = relations.target_type
    and targets.directive_number = relations.target_number
qualify row_number() over (partition by directive_relation_id order by relations.record_ordinal) = 1
