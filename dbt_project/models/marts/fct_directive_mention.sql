-- Article x directive: which documents each article cites, with the evidence of the most
-- informative mention.
select
    {{ generate_surrogate_key(['directives.document_id', 'resolved.directive_id']) }} as directive_mention_id,
    directives.document_id as article_id,
    resolved.directive_id,
    directives.reference_date as mentioned_on,
    directives.site_id,
    directives.directive_code as code_as_written,
    resolved.code_inferred,
    directives.issued_on as issued_on_as_written,
    directives.issuer as issuer_as_written,
    directives.mention_count,
    directives.evidence_sentence,
    directives.evidence_start,
    directives.evidence_end,
    directives.record_id
from {{ ref('int_directives__current') }} as directives
inner join {{ ref('int_directives__resolved') }} as resolved using (record_id)
qualify row_number() over (
    partition by directives.document_id, resolved.directive_id order by directives.record_ordinal
) = 1
