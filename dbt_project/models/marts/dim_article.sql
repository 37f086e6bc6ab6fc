-- Every document the portals publish: articles and the attachments they link (a party letter
-- published as a PDF is a document in its own right). The current version of each, removed ones
-- kept and flagged.
with documents as (
    select * from {{ ref('int_documents__current') }}
),

attachments as (
    select
        parent_url,
        count(*) as attachment_count,
        string_agg(body_text, '\n\n' order by document_url) as attachment_text
    from documents
    where document_kind = 'attachment'
    group by parent_url
)

select
    documents.document_id as article_id,
    documents.document_url as article_url,
    documents.document_kind as article_kind,
    documents.parent_document_id as parent_article_id,
    documents.site_id,
    documents.title,
    documents.published_at,
    documents.published_on,
    documents.reference_date,
    documents.author,
    documents.lead,
    documents.body_text,
    word_counts.word_count,
    len(documents.attachment_urls) > 0 as has_attachment,
    coalesce(attachments.attachment_count, 0) as attachment_count,
    attachments.attachment_text,
    documents.parser,
    documents.extractor_version,
    documents.version_count,
    documents.first_seen_at,
    documents.last_seen_at,
    documents.removed_at,
    documents.is_removed,
    documents.content_hash
from documents
left join attachments on attachments.parent_url = documents.document_url
left join {{ ref('int_documents__word_counts') }} as word_counts  -- a version without its count fails word_count's not_null test
    on word_counts.document_url = documents.document_url
    and word_counts.content_hash = documents.content_hash
    and word_counts.parser_version is not distinct from documents.parser_version
