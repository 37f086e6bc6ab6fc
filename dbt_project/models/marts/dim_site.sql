-- One row per configured portal, with what the warehouse holds of it.
with articles as (
    select
        site_id,
        count(*) filter (where article_kind = 'article') as article_count,
        count(*) filter (where article_kind = 'attachment') as attachment_count,
        max(published_at) as latest_published_at
    from {{ ref('dim_article') }}
    group by site_id
)

select
    sites.site_id,
    sites.site_name,
    sites.base_url,
    sites.allowed_domains,
    coalesce(articles.article_count, 0) as article_count,
    coalesce(articles.attachment_count, 0) as attachment_count,
    articles.latest_published_at
from {{ ref('stg_raw__sites') }} as sites
left join articles using (site_id)
