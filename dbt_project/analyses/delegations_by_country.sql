-- Which delegations came from which countries: visits, receptions and exchanges with a foreign
-- country among their participants, by country and year, with where they went.
select
    countries.name_vi as country,
    countries.name_en as country_en,
    year(events.event_date) as year,
    count(distinct events.event_id) as activities,
    string_agg(distinct events.event_type, ', ') as kinds,
    string_agg(distinct coalesce(locations.location_name, '?'), ', ') as provinces,
    min(events.event_date) as first_on,
    max(events.event_date) as last_on
from {{ ref('fct_event') }} as events
inner join {{ ref('fct_event_participant') }} as participants
    on participants.event_id = events.event_id and participants.participant_kind = 'country'
inner join {{ ref('dim_country') }} as countries on countries.country_code = participants.participant_id
left join {{ ref('dim_location') }} as locations on locations.location_id = events.location_id
where events.event_type in ('visit', 'reception', 'exchange', 'ceremony', 'conference', 'seminar')
  and not countries.is_vietnam
group by all
order by activities desc, country, year
