-- Which directives drive the work and who cites them: each directive with its issuer and date,
-- how many articles cite it, on which portals, and which documents implement it.
with implementers as (
    select relation.target_directive_id as directive_id,
           string_agg(distinct source.directive_label, ', ') as implemented_by
    from {{ ref('fct_directive_relation') }} as relation
    inner join {{ ref('dim_directive') }} as source on source.directive_id = relation.source_directive_id
    group by 1
),

citing_sites as (
    select mention.directive_id, string_agg(distinct mention.site_id, ', ') as cited_on
    from {{ ref('fct_directive_mention') }} as mention
    group by 1
)

select
    directives.directive_label,
    directives.issuer,
    directives.issued_on,
    directives.article_count as citing_articles,
    citing_sites.cited_on,
    implementers.implemented_by,
    directives.first_mentioned_on,
    directives.last_mentioned_on
from {{ ref('dim_directive') }} as directives
left join citing_sites using (directive_id)
left join implementers using (directive_id)
order by directives.article_count desc, directives.directive_label
