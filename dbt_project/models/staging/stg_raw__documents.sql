-- Parsed document versions, typed and renamed; one row per (url, content version) for the
-- newest parser version that read it.
with source as (
    select * from {{ source('raw', 'documents') }}
),

latest_parser as (
    select *
    from source
    qualify row_number() over (partition by url, content_hash order by parsed_at desc, parser_version desc) = 1
)

select
    url as document_url,
    site as site_id,
    kind as document_kind,
    content_hash,
    parser,
    parser_version,
    title,
    published_at,
    cast(timezone('Asia/Ho_Chi_Minh', published_at) as date) as published_on,
    author,
    lead,
    body_text,
    attachment_urls,
    parent_url,
    parsed_at
from latest_parser
