-- One row per official document (directive, resolution, plan, letter...), resolved across
-- articles: issue date, issuer and subject from whichever mentions give them (the most frequent).
with mentions as (
    select
        resolved.directive_id,
        resolved.directive_code,
        directives.directive_type,
        directives.directive_number,
        directives.issued_on,
        directives.issuer,
        directives.directive_title,
        directives.mention_count,
        directives.document_id,
        directives.reference_date
    from {{ ref('int_directives__current') }} as directives
    inner join {{ ref('int_directives__resolved') }} as resolved using (record_id)
),

directives as (
    select
        directive_id,
        any_value(directive_type) as directive_type,
        any_value(directive_number) as directive_number,
        any_value(directive_code) as directive_code,
        mode(issued_on) as issued_on,
        mode(issuer) as issuer,
        mode(directive_title) as directive_title,
        count(distinct document_id) as article_count,
        sum(mention_count) as mention_count,
        min(reference_date) as first_mentioned_on,
        max(reference_date) as last_mentioned_on
    from mentions
    group by directive_id
)

select
    directive_id,
    directive_type,
    {{ directive_type_vi('directive_type') }} as directive_type_vi,
    directive_number,
    directive_code,
    {{ directive_type_vi('directive_type') }} || ' ' || directive_number
        || coalesce(case when regexp_matches(directive_code, '^\d{4}/') then '/' else '-' end || directive_code, '')
        as directive_label,
    issued_on,
    issuer,
    directive_title,
    article_count,
    mention_count,
    first_mentioned_on,
    last_mentioned_on
from directives
