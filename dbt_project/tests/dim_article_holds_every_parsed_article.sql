-- Every article URL with at least one parsed version belongs in dim_article. An article whose
-- newest version failed to parse is still an article the warehouse holds (its earlier version
-- can be shown); warn with the URLs that are missing.
{{ config(severity='warn', meta={'dagster': {'ref': {'name': 'dim_article'}}}) }}

select distinct documents.document_url
from {{ ref('stg_raw__documents') }} as documents
where documents.document_kind = 'article'
  and documents.document_url not in (select article_url from {{ ref('dim_article') }})
