-- Who took part in each report of an event, resolved: a person to dim_person (through the person
-- record of the same article and name), an organisation to dim_organization (with its resolved
-- country when the extractor gave none), a delegation keyed by its country and words. One row per
-- mention and participant.
{{ config(materialized='table') }}  -- read by several models and tests: computed once

with mentions as (
    select distinct on (event_mention_id) event_mention_id, record_id, document_id, participants
    from {{ ref('int_events__located') }}
    order by event_mention_id, record_ordinal
),

named as (
    select
        mentions.event_mention_id,
        mentions.document_id,
        participant.name as participant_name,
        participant.kind as participant_kind,
        participant.country as country_code,
        participant.span_start,
        participant.span_end
    from mentions
    cross join unnest(mentions.participants) as unnested(participant)
),

people as (
    select distinct on (people.document_id, people.person_name)
        people.document_id,
        people.person_name,
        resolved.person_id
    from {{ ref('int_people__current') }} as people
    inner join {{ ref('int_people__resolved') }} as resolved on resolved.record_id = people.record_id
    order by people.document_id, people.person_name, people.record_ordinal
),

organizations as (
    select distinct on (name_as_written) name_as_written, organization_id, organization_name, country_code
    from {{ ref('int_organizations__resolved') }}
    order by name_as_written, organization_id
),

resolved as (
    select
        named.event_mention_id,
        named.participant_kind,
        case named.participant_kind
            when 'person' then people.person_id
            when 'organization' then organizations.organization_id
            else {{ generate_surrogate_key(["'delegation'", 'named.country_code', 'lower(named.participant_name)']) }}
        end as participant_id,
        coalesce(organizations.organization_name, named.participant_name) as participant_name,
        case
            when named.participant_kind = 'organization' then coalesce(organizations.country_code, named.country_code)
            else named.country_code
        end as country_code,
        named.span_start,
        named.span_end
    from named
    left join people
        on named.participant_kind = 'person'
        and people.document_id = named.document_id
        and people.person_name = named.participant_name
    left join organizations
        on named.participant_kind = 'organization' and organizations.name_as_written = named.participant_name
)

select *
from resolved
where participant_id is not null
qualify row_number() over (
    partition by event_mention_id, participant_kind, participant_id order by span_start
) = 1
