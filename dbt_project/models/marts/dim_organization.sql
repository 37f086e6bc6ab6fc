-- One row per organisation, aliases and abbreviations resolved (int_organizations__resolved).
with resolved as (
    select * from {{ ref('int_organizations__resolved') }}
),

locations as (
    select distinct province_name, location_id from {{ ref('int_locations__lookup') }}
),

aliases as (
    select organization_id, list(distinct name_as_written order by name_as_written) as names_as_written
    from resolved
    group by organization_id
)

select distinct on (resolved.organization_id)
    resolved.organization_id,
    resolved.organization_name,
    resolved.acronym,
    resolved.organization_kind,
    resolved.country_code,
    locations.location_id,
    resolved.province_name,
    aliases.names_as_written
from resolved
inner join aliases using (organization_id)
left join locations using (province_name)
order by resolved.organization_id
