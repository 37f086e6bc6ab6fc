-- Bridge between events and who took part: the people the event names, and the organisations
-- and countries named in the same sentence.
with events as (
    select event_id, document_id, evidence_sentence_start, participant_names, evidence_sentence
    from {{ ref('int_events__located') }}
),

people as (
    select distinct
        events.event_id,
        'person' as participant_kind,
        resolved.person_id as participant_id,
        people.person_name as participant_name,
        events.evidence_sentence
    from events
    cross join unnest(events.participant_names) as participant(participant_name)
    inner join {{ ref('int_people__current') }} as people
        on people.document_id = events.document_id and people.person_name = participant.participant_name
    inner join {{ ref('int_people__resolved') }} as resolved on resolved.record_id = people.record_id
),

organizations as (
    select distinct
        events.event_id,
        'organization' as participant_kind,
        resolved.organization_id as participant_id,
        resolved.organization_name as participant_name,
        events.evidence_sentence
    from events
    inner join {{ ref('int_organizations__current') }} as organizations
        on organizations.document_id = events.document_id
        and organizations.evidence_sentence_start = events.evidence_sentence_start
    inner join {{ ref('int_organizations__resolved') }} as resolved
        on resolved.name_as_written = organizations.organization_name
),

countries as (
    select distinct
        events.event_id,
        'country' as participant_kind,
        countries.country_code as participant_id,
        seed.name_vi as participant_name,
        events.evidence_sentence
    from events
    inner join {{ ref('int_countries__current') }} as countries
        on countries.document_id = events.document_id
        and countries.evidence_sentence_start = events.evidence_sentence_start
    inner join {{ ref('countries') }} as seed on seed.country_code = countries.country_code
),

participants as (
    select * from people
    union all
    select * from organizations
    union all
    select * from countries
)

select
    {{ generate_surrogate_key(['event_id', 'participant_kind', 'participant_id']) }} as event_participant_id,
    event_id,
    participant_kind,
    participant_id,
    participant_name,
    evidence_sentence
from participants
qualify row_number() over (partition by event_participant_id order by participant_name) = 1
