-- Who holds which post, and since when: every person's positions with the organisation, first
-- and last seen, and in how many articles.
select
    people.person_name,
    roles.position,
    organizations.organization_name as organization,
    roles.first_seen_on as since,
    roles.last_seen_on,
    roles.article_count
from {{ ref('fct_person_role') }} as roles
inner join {{ ref('dim_person') }} as people using (person_id)
left join {{ ref('dim_organization') }} as organizations using (organization_id)
order by roles.article_count desc, people.person_name, roles.first_seen_on
