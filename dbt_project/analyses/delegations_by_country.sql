-- Which countries sent delegations, ambassadors and consuls, and where they went: real-world events
-- (fct_event: each counted once, however many articles report it) with a foreign participant, by
-- country and year. A foreign participant is a delegation of that country, a person of it (an
-- ambassador, a consul, a guest) or its embassy or consulate; an organisation holding an event is of
-- its own country ("Hội hữu nghị Việt Nam - Hàn Quốc" is Vietnamese), so its congress is no Korean
-- delegation.
with foreign_participants as (
    select distinct participants.event_id, participants.country_code, participants.participant_kind
    from {{ ref('fct_event_participant') }} as participants
    left join {{ ref('dim_organization') }} as organizations
        on participants.participant_kind = 'organization'
        and organizations.organization_id = participants.participant_id
    where participants.is_foreign
      and (
          participants.participant_kind in ('delegation', 'person')
          or organizations.organization_kind = 'diplomatic_mission'
      )
)

select
    countries.name_vi as country,
    countries.name_en as country_en,
    year(events.event_date) as year,
    count(distinct events.event_id) as events,
    string_agg(distinct foreign_participants.participant_kind, ', ') as came_as,
    string_agg(distinct events.event_type, ', ') as kinds,
    string_agg(distinct coalesce(locations.location_name, '?'), ', ') as provinces,
    min(events.event_date) as first_on,
    max(events.event_date) as last_on
from foreign_participants
inner join {{ ref('fct_event') }} as events on events.event_id = foreign_participants.event_id
inner join {{ ref('dim_country') }} as countries on countries.country_code = foreign_participants.country_code
left join {{ ref('dim_location') }} as locations on locations.location_id = events.location_id
group by all
order by events desc, country, year
