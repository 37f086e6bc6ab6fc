-- Articles whose newest stored version (the landing's own rule: latest last_seen_at, then latest
-- first_seen_at; a page that went back to earlier content moves that old row's last_seen_at) has a
-- parsed document, yet dim_article shows another version. Warns rather than fails: the marts are
-- still usable, and the row names the URL to look at.
{{ config(severity='warn', meta={'dagster': {'ref': {'name': 'dim_article'}}}) }}

with newest as (
    select page_url, content_hash
    from {{ ref('stg_raw__pages') }}
    where page_kind = 'article'
    qualify row_number() over (partition by page_url order by last_seen_at desc, first_seen_at desc) = 1
)

select newest.page_url, newest.content_hash as newest_hash, dim_article.content_hash as shown_hash
from newest
inner join {{ ref('stg_raw__documents') }} as documents
    on documents.document_url = newest.page_url and documents.content_hash = newest.content_hash
inner join {{ ref('dim_article') }} as dim_article on dim_article.article_url = newest.page_url
where dim_article.content_hash <> newest.content_hash
