-- One row per real-world event (a visit, a conference, a reception, a ceremony...), however many
-- articles report it: int_events__facts joins the reports by the written rules of
-- warehouse/event_facts.py. Its date, title and place are those of its first report that writes
-- them (a date counted from the publication date gives way to a written one); the reports
-- themselves are in fct_event_mention, who took part in fct_event_participant.
with mentions as (
    select * from {{ ref('fct_event_mention') }}
),

first_reported as (
    select event_id, article_id as first_article_id
    from mentions
    qualify row_number() over (partition by event_id order by reported_on nulls last, article_id, evidence_start) = 1
),

typed as (
    -- a report naming no specific kind (other) takes the kind of the others
    select event_id, event_type
    from mentions
    where event_type <> 'other'
    qualify row_number() over (partition by event_id order by reported_on nulls last, article_id, evidence_start) = 1
),

first_dated as (
    select event_id, event_date, event_title
    from mentions
    qualify row_number() over (
        partition by event_id order by dated_by_publication, reported_on nulls last, article_id, evidence_start
    ) = 1
),

located as (
    select event_id, location_text, location_id, location_id_after_2025
    from mentions
    where location_id is not null or location_text is not null
    qualify row_number() over (
        partition by event_id order by location_id is null, reported_on nulls last, article_id, evidence_start
    ) = 1
),

participants as (
    select event_id, count(*) as participant_count
    from {{ ref('fct_event_participant') }}
    group by event_id
),

reports as (
    select
        event_id,
        max(event_end_date) as event_end_date,
        min(reported_on) as first_reported_on,
        max(reported_on) as last_reported_on,
        count(*) as mention_count,
        count(distinct site_id) as site_count
    from mentions
    group by event_id
)

select
    reports.event_id,
    coalesce(typed.event_type, 'other') as event_type,
    first_dated.event_date,
    case when reports.event_end_date > first_dated.event_date then reports.event_end_date end as event_end_date,
    first_dated.event_title,
    located.location_text,
    located.location_id,
    located.location_id_after_2025,
    coalesce(participants.participant_count, 0) as participant_count,
    first_reported.first_article_id,
    reports.first_reported_on,
    reports.last_reported_on,
    reports.mention_count,
    reports.site_count
from reports
inner join first_dated using (event_id)
inner join first_reported using (event_id)
left join typed using (event_id)
left join located using (event_id)
left join participants using (event_id)
