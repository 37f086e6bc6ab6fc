-- Every report of a donation belongs to exactly one donation, and every donation shows exactly one
-- report's amount and counts its reports right: a report in two donations would be added up twice.
with mentions_in_two as (
    select record_id, 'in ' || count(distinct aid_id) || ' donations' as problem
    from {{ ref('fct_aid_mention') }}
    group by record_id
    having count(distinct aid_id) > 1
),

donations as (
    select aid.aid_id, aid.mention_count, count(mention.aid_id) as mentions,
           count(*) filter (where mention.is_primary_mention) as primary_mentions
    from {{ ref('fct_aid') }} as aid
    left join {{ ref('fct_aid_mention') }} as mention using (aid_id)
    group by all
)

select record_id as id, problem from mentions_in_two
union all
select aid_id, mentions || ' reports, ' || primary_mentions || ' primary, mention_count ' || mention_count
from donations
where mentions = 0 or primary_mentions <> 1 or mentions <> mention_count
