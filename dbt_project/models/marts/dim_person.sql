-- One row per person across articles (int_people__resolved): the name as most often written,
-- honorific, country, latest known title, and when the articles name them.
with mentions as (
    select
        resolved.person_id,
        people.person_name,
        people.honorific,
        people.country_code,
        people.roles,
        people.document_id,
        people.reference_date,
        resolved.namesakes
    from {{ ref('int_people__current') }} as people
    inner join {{ ref('int_people__resolved') }} as resolved using (record_id)
)

select
    person_id,
    mode(person_name) as person_name,
    mode(honorific) as honorific,
    mode(country_code) as country_code,
    arg_max(roles[1].title, coalesce(reference_date, date '1900-01-01')) filter (where len(roles) > 0) as latest_title,
    count(distinct document_id) as article_count,
    min(reference_date) as first_seen_on,
    max(reference_date) as last_seen_on,
    max(namesakes) > 1 as has_namesakes
from mentions
group by person_id
