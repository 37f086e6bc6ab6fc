-- Who gave how much aid to whom, and when: every aid amount with its donor, recipient and
-- purpose, in VND and USD, newest first.
select
    aid.aid_date,
    coalesce(donor.organization_name, aid.donor_text, '(not named)') as donor,
    aid.donor_country_code as donor_country,
    coalesce(recipient.organization_name, aid.recipient_text) as recipient,
    aid.amount_text,
    round(aid.amount_vnd / 1e6, 1) as million_vnd,
    round(aid.amount_usd) as usd,
    aid.purpose_text as purpose,
    articles.title as reported_in
from {{ ref('fct_aid') }} as aid
inner join {{ ref('dim_article') }} as articles using (article_id)
left join {{ ref('dim_organization') }} as donor on donor.organization_id = aid.donor_organization_id
left join {{ ref('dim_organization') }} as recipient on recipient.organization_id = aid.recipient_organization_id
order by aid.aid_date desc, aid.amount_vnd desc
