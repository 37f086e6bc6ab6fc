-- One row per document URL (article or attachment): its newest page version that has a parsed
-- document, and the newest successful extraction of that version. A page whose newest version
-- failed to parse keeps showing its previous version; a page that went back to earlier content
-- shows that content (pages are ordered by when they were last seen).
{{ config(materialized='table') }}

with parsed_versions as (
    select
        documents.*,
        pages.first_seen_at,
        pages.last_seen_at,
        pages.removed_at,
        pages.is_removed,
        row_number() over (
            partition by documents.document_url
            order by pages.last_seen_at desc, pages.first_seen_at desc
        ) as version_rank
    from {{ ref('stg_raw__documents') }} as documents
    inner join {{ ref('stg_raw__pages') }} as pages
        on pages.page_url = documents.document_url and pages.content_hash = documents.content_hash
),

version_counts as (
    select document_url, count(*) as version_count from parsed_versions group by document_url
),

newest_extraction as (
    select document_url, content_hash, parser_version, extractor_version, extracted_at
    from {{ ref('stg_extracted__documents') }}
    where extraction_status = 'ok'
    qualify row_number() over (
        partition by document_url, content_hash, parser_version order by extracted_at desc
    ) = 1
),

current_versions as (
    select * from parsed_versions where version_rank = 1
)

select
    {{ generate_surrogate_key(['current_versions.document_url']) }} as document_id,
    current_versions.document_url,
    case current_versions.document_kind when 'pdf' then 'attachment' else 'article' end as document_kind,
    current_versions.site_id,
    current_versions.content_hash,
    current_versions.parser,
    current_versions.parser_version,
    newest_extraction.extractor_version,
    newest_extraction.extracted_at,
    current_versions.title,
    current_versions.published_at,
    current_versions.published_on,
    coalesce(current_versions.published_on, parents.published_on) as reference_date,
    current_versions.author,
    current_versions.lead,
    current_versions.body_text,
    current_versions.attachment_urls,
    current_versions.parent_url,
    -- the parent's document_id, made from its URL as above (the parent need not be parsed yet)
    case
        when current_versions.parent_url is not null
            then {{ generate_surrogate_key(['current_versions.parent_url']) }}
    end as parent_document_id,
    version_counts.version_count,
    current_versions.first_seen_at,
    current_versions.last_seen_at,
    current_versions.removed_at,
    current_versions.is_removed
from current_versions
inner join version_counts using (document_url)
left join newest_extraction
    on newest_extraction.document_url = current_versions.document_url
    and newest_extraction.content_hash = current_versions.content_hash
    and newest_extraction.parser_version = current_versions.parser_version
left join parsed_versions as parents
    on parents.document_url = current_versions.parent_url and parents.version_rank = 1
