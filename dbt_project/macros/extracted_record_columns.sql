{#- The columns every extracted record shares: its document version, position and evidence. -#}
{% macro extracted_record_columns() -%}
    {{ generate_surrogate_key(['document_url', 'content_hash', 'parser_version', 'extractor_version', 'ordinal']) }}
        as record_id,
    document_url,
    content_hash,
    parser_version,
    extractor_version,
    ordinal as record_ordinal,
    evidence_sentence,
    span_start as evidence_start,
    span_end as evidence_end,
    sentence_start as evidence_sentence_start,
    sentence_end as evidence_sentence_end
{%- endmacro %}
