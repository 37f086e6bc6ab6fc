-- An attachment stored in two versions (a corrected PDF) is still one attachment: dim_article
-- must not count it, or concatenate its text, twice.
{{ config(severity='warn', meta={'dagster': {'ref': {'name': 'dim_article'}}}) }}

select dim_article.article_url, dim_article.attachment_count, len(documents.attachment_urls) as linked
from {{ ref('dim_article') }} as dim_article
inner join {{ ref('stg_raw__documents') }} as documents
    on documents.document_url = dim_article.article_url and documents.content_hash = dim_article.content_hash
where dim_article.attachment_count > len(documents.attachment_urls)
