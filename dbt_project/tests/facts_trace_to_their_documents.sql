-- Every fact row leads back to the words that support it: its record belongs to the current,
-- extracted version of an article in dim_article, and its evidence offsets fall inside that text.
with facts as (
    select 'fct_directive_mention' as fact, article_id, record_id, evidence_start, evidence_end
    from {{ ref('fct_directive_mention') }}
    union all
    select 'fct_directive_relation', article_id, record_id, evidence_start, evidence_end
    from {{ ref('fct_directive_relation') }}
    union all
    select 'fct_event_mention', article_id, record_id, evidence_start, evidence_end
    from {{ ref('fct_event_mention') }}
    union all
    select 'fct_aid_mention', article_id, record_id, evidence_start, evidence_end
    from {{ ref('fct_aid_mention') }}
),

extracted as (
    select documents.document_id, documents.content_hash, documents.parser_version, documents.extractor_version,
           outcomes.text_chars
    from {{ ref('int_documents__current') }} as documents
    inner join {{ ref('stg_extracted__documents') }} as outcomes using (document_url, content_hash, parser_version, extractor_version)
)

select facts.*
from facts
left join {{ ref('dim_article') }} as articles on articles.article_id = facts.article_id
left join extracted on extracted.document_id = facts.article_id
where articles.article_id is null
   or extracted.document_id is null
   or facts.evidence_start < 0
   or facts.evidence_end <= facts.evidence_start
   or facts.evidence_end > extracted.text_chars
