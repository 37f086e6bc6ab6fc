-- Person x position x organisation: who holds which post, first and last seen (by the dates of
-- the articles that give it), with the evidence of the first mention.
with roles as (
    select
        resolved.person_id,
        people.document_id,
        people.reference_date,
        people.record_ordinal,
        people.evidence_sentence,
        people.evidence_start,
        people.evidence_end,
        people.record_id,
        role.title,
        coalesce(role.position, role.title) as position,
        role.organization
    from {{ ref('int_people__current') }} as people
    cross join unnest(people.roles) as unnested(role)
    inner join {{ ref('int_people__resolved') }} as resolved using (record_id)
),

resolved_roles as (
    select
        roles.*,
        organizations.organization_id,
        {{ generate_surrogate_key(['roles.person_id', 'lower(roles.position)', 'organizations.organization_id']) }}
            as person_role_id
    from roles
    left join {{ ref('int_organizations__resolved') }} as organizations
        on organizations.name_as_written = roles.organization
)

select
    person_role_id,
    person_id,
    arg_min(position, coalesce(reference_date, date '2999-12-31')) as position,
    organization_id,
    mode(title) as title_as_written,
    min(reference_date) as first_seen_on,
    max(reference_date) as last_seen_on,
    count(distinct document_id) as article_count,
    arg_min(document_id, coalesce(reference_date, date '2999-12-31')) as first_article_id,
    arg_min(evidence_sentence, coalesce(reference_date, date '2999-12-31')) as evidence_sentence,
    arg_min(evidence_start, coalesce(reference_date, date '2999-12-31')) as evidence_start,
    arg_min(evidence_end, coalesce(reference_date, date '2999-12-31')) as evidence_end
from resolved_roles
group by person_role_id, person_id, organization_id
