-- Extraction outcomes per document version and extractor version.
select
    document_url,
    content_hash,
    parser_version,
    extractor_version,
    site as site_id,
    published_on,
    text_chars,
    status as extraction_status,
    error as extraction_error,
    directives as directive_count,
    directive_relations as directive_relation_count,
    people as person_count,
    organizations as organization_count,
    amounts as amount_count,
    events as event_count,
    countries as country_count,
    batch_id,
    extracted_at
from {{ source('extracted', 'documents') }}
