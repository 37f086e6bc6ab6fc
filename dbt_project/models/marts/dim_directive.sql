-- One row per official document (directive, resolution, plan, letter...), resolved across
-- articles: issue date and issuer from whichever mentions give them (the most frequent); the title
-- (subject) by the rule in the `titles` CTEs below.
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
        count(distinct document_id) as article_count,
        sum(mention_count) as mention_count,
        min(reference_date) as first_mentioned_on,
        max(reference_date) as last_mentioned_on
    from mentions
    group by directive_id
),

-- Each article gives a directive at most one title: the subject written after that directive's own
-- number (the extractor never lets it run into another document's). Titles are compared
-- case- and space-insensitively; each is shown as most articles write it.
title_forms as (
    select
        directive_id,
        regexp_replace(trim(directive_title), '\s+', ' ', 'g') as written_title,
        lower(written_title) as title_key,
        count(distinct document_id) as form_article_count
    from mentions
    where directive_title is not null
    group by all
),

title_counts as (
    select
        directive_id,
        title_key,
        first(written_title order by form_article_count desc, written_title) as directive_title,
        sum(form_article_count) as title_article_count
    from title_forms
    group by all
),

-- A subject that articles give to several directives cannot be each one's own ("cụ thể hóa Chỉ thị
-- 38-CT/TW về <12-CT/TW's subject>"): it stays with the directive that the most articles give it to,
-- and with none of them on a tie.
own_titles as (
    select *
    from title_counts
    qualify title_article_count = max(title_article_count) over (partition by title_key)
        and count(*) over (partition by title_key, title_article_count) = 1
),

-- Of a directive's own titles: the one the most articles give, then the longest (the least cut off).
titles as (
    select
        directive_id,
        directive_title
    from own_titles
    qualify row_number() over (
        partition by directive_id
        order by title_article_count desc, length(directive_title) desc, directive_title
    ) = 1
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
    titles.directive_title,
    article_count,
    mention_count,
    first_mentioned_on,
    last_mentioned_on
from directives
left join titles using (directive_id)
