-- What the README tells analysts to add up (amount_vnd over the rows where counts_in_totals) is the
-- sum over donations that are neither cumulative totals nor parts of another donation, and a part is
-- never worth more than the donation it is a part of (within the slack of qualified amounts).
with totals as (
    select
        sum(amount_vnd) filter (where counts_in_totals) as readme_sum,
        sum(amount_vnd) filter (where not is_cumulative and part_of_aid_id is null) as donations_sum
    from {{ ref('fct_aid') }}
)

select 'sums differ: ' || readme_sum || ' <> ' || donations_sum as problem
from totals
where readme_sum is distinct from donations_sum
union all
select 'part ' || part.aid_id || ' worth more than its donation ' || whole.aid_id
from {{ ref('fct_aid') }} as part
inner join {{ ref('fct_aid') }} as whole on whole.aid_id = part.part_of_aid_id
where part.amount_vnd > whole.amount_vnd * 1.25 or whole.is_cumulative
