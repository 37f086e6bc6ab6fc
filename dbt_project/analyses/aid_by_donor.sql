-- Who gave how much aid to whom, and when: one row per donation (however many articles report it),
-- with its donor, recipient and purpose, in VND and USD, newest first. `counted` says whether the row
-- belongs in a sum: a cumulative total (từ năm 2015 đến nay, tổng cộng) and a part of a donation
-- already listed (trong đó ...) are shown but not counted: sum million_vnd over the counted rows.
with donations as (
    select
        aid.first_reported_on,
        coalesce(donor.organization_name, aid.donor_name, '(not named)') as donor,
        aid.donor_country_code as donor_country,
        coalesce(recipient.organization_name, aid.recipient_name) as recipient,
        aid.amount_text,
        aid.amount_vnd,
        aid.amount_usd,
        aid.counts_in_totals as counted,
        aid.mention_count as reports,
        aid.site_count as sites,
        aid.purpose_text as purpose
    from {{ ref('fct_aid') }} as aid
    left join {{ ref('dim_organization') }} as donor on donor.organization_id = aid.donor_organization_id
    left join {{ ref('dim_organization') }} as recipient on recipient.organization_id = aid.recipient_organization_id
)

select
    first_reported_on,
    donor,
    donor_country,
    recipient,
    amount_text,
    round(amount_vnd / 1e6, 1) as million_vnd,
    round(amount_usd) as usd,
    counted,
    reports,
    sites,
    purpose
from donations
order by first_reported_on desc, amount_vnd desc
