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
    case
        when trim(documents.body_text) = '' then 0
        else len(string_split(regexp_replace(trim(documents.body_text), '\s+', ' ', 'g'), ' '))
    end as word_count,
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
