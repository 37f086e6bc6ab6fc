-- Every country in the gazetteer (ISO 3166-1), with its Vietnamese and English names and how
-- often the articles name it.
with mentions as (
    select country_code, count(*) as mention_count, count(distinct document_id) as article_count
    from {{ ref('int_countries__current') }}
    group by country_code
)

select
    countries.country_code,
    countries.iso3_code,
    countries.name_vi,
    countries.name_en,
    countries.aliases_vi,
    countries.country_code = 'VN' as is_vietnam,
    coalesce(mentions.mention_count, 0) as mention_count,
    coalesce(mentions.article_count, 0) as article_count
from {{ ref('countries') }} as countries
left join mentions using (country_code)
