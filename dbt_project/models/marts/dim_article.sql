-- The latest version of every crawled article, removed ones included (flagged).
with latest_pages as (
    select page_url, content_hash, first_seen_at, last_seen_at, removed_at, is_removed
    from {{ ref('stg_raw__pages') }}
    where page_kind = 'article' and is_latest_version
),

documents as (
    select * from {{ ref('stg_raw__documents') }} where document_kind = 'article'
),

attachments as (
    select parent_url, count(*) as attachment_count, string_agg(body_text, '\n\n') as attachment_text
    from {{ ref('stg_raw__documents') }}
    where document_kind = 'pdf'
    group by parent_url
),

versions as (
    select document_url, count(*) as version_count from documents group by document_url
)

select
    md5(documents.document_url) as article_id,
    documents.document_url as article_url,
    documents.site_id,
    documents.title,
    documents.published_at,
    documents.published_on,
    documents.author,
    documents.lead,
    documents.body_text,
    len(string_split(regexp_replace(trim(documents.body_text), '\s+', ' ', 'g'), ' ')) as word_count,
    len(documents.attachment_urls) > 0 as has_attachment,
    coalesce(attachments.attachment_count, 0) as attachment_count,
    attachments.attachment_text,
    documents.parser,
    versions.version_count,
    latest_pages.first_seen_at,
    latest_pages.last_seen_at,
    latest_pages.removed_at,
    latest_pages.is_removed,
    documents.content_hash
from latest_pages
inner join documents
    on documents.document_url = latest_pages.page_url and documents.content_hash = latest_pages.content_hash
left join attachments on attachments.parent_url = documents.document_url
left join versions on versions.document_url = documents.document_url
