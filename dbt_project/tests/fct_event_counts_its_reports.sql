-- A real-world event is reported at most once per article, and its counts and report dates are
-- those of its rows in fct_event_mention: one fact, every report linked.
with reports as (
    select
        event_id,
        count(*) as mention_count,
        count(distinct article_id) as article_count,
        count(distinct site_id) as site_count,
        min(reported_on) as first_reported_on,
        max(reported_on) as last_reported_on
    from {{ ref('fct_event_mention') }}
    group by event_id
)

select events.event_id, events.mention_count, reports.mention_count as reports_found
from {{ ref('fct_event') }} as events
left join reports using (event_id)
where reports.event_id is null
   or reports.article_count <> reports.mention_count
   or events.mention_count <> reports.mention_count
   or events.site_count <> reports.site_count
   or events.first_reported_on is distinct from reports.first_reported_on
   or events.last_reported_on is distinct from reports.last_reported_on
   or events.site_count > events.mention_count
