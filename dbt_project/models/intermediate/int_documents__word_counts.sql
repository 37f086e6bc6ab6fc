-- Words in each document version's text, counted once per version (incremental): the count is a regular
-- expression over every text, most of dim_article's time when it was counted there each night. A
-- version's text never changes, so a counted version is never counted again: rows are only appended.
{{ config(materialized='incremental', incremental_strategy='append') }}

with versions as (
    select document_url, content_hash, parser_version, body_text
    from {{ ref('int_documents__current') }} as documents
    {% if is_incremental() %}
    where not exists (
        select 1 from {{ this }} as counted
        where counted.document_url = documents.document_url
            and counted.content_hash = documents.content_hash
            and counted.parser_version is not distinct from documents.parser_version
    )
    {% endif %}
)

select
    document_url,
    content_hash,
    parser_version,
    case
        when trim(body_text) = '' then 0
        else len(string_split(regexp_replace(trim(body_text), '\s+', ' ', 'g'), ' '))
    end as word_count
from versions
