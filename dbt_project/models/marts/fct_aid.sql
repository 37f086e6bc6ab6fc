-- One row per real-world donation, however many articles report it (int_aid__facts groups the
-- reports; fct_aid_mention lists them). The amount is that of its most precise report, in its own
-- currency, in VND (the text's stated conversion when one report gives it, else the year's rate) and
-- in USD; donor and recipient are the first named by its reports. Analysts add up the rows with
-- counts_in_totals: a cumulative total, or a part of a donation already counted, is not added again.
with mentions as (
    select
        mentions.*,
        facts.aid_id,
        facts.is_primary_mention,
        facts.part_of_aid_id,
        row_number() over (
            partition by facts.aid_id order by mentions.reported_on, mentions.article_id, mentions.evidence_start
        ) as report_rank
    from {{ ref('int_aid__mentions') }} as mentions
    inner join {{ ref('int_aid__facts') }} as facts using (record_id)
),

donations as (
    select
        aid_id,
        min(reported_on) as first_reported_on,
        max(reported_on) as last_reported_on,
        count(*) as mention_count,
        count(distinct article_id) as article_count,
        count(distinct site_id) as site_count,
        bool_or(is_cumulative) as is_cumulative,
        any_value(part_of_aid_id) as part_of_aid_id,
        arg_min(article_id, report_rank) as first_article_id,
        arg_min(amount_vnd, report_rank) filter (where amount_vnd_is_stated) as stated_vnd,
        arg_min(unit_value, report_rank) filter (where unit_value is not null) as unit_value,
        arg_min(unit_count, report_rank) filter (where unit_count is not null) as unit_count,
        arg_min(donor_name, report_rank) filter (where donor_name is not null) as donor_name,
        arg_min(donor_organization_id, report_rank) filter (where donor_organization_id is not null)
            as donor_organization_id,
        arg_min(donor_country_code, report_rank) filter (where donor_country_code is not null)
            as donor_country_code,
        arg_min(recipient_name, report_rank) filter (where recipient_name is not null) as recipient_name,
        arg_min(recipient_organization_id, report_rank) filter (where recipient_organization_id is not null)
            as recipient_organization_id,
        arg_min(purpose_text, report_rank) filter (where purpose_text is not null) as purpose_text
    from mentions
    group by aid_id
),

primary_mentions as (
    select * from mentions where is_primary_mention
)

select
    donations.aid_id,
    donations.first_reported_on,
    donations.last_reported_on,
    donations.mention_count,
    donations.article_count,
    donations.site_count,
    primary_mentions.amount_value,
    primary_mentions.amount_value_max,
    primary_mentions.currency_code,
    primary_mentions.qualifier,
    primary_mentions.amount_text,
    case
        when primary_mentions.currency_code = 'VND' or primary_mentions.amount_vnd_is_stated
            then primary_mentions.amount_vnd
        else coalesce(donations.stated_vnd, primary_mentions.amount_vnd)
    end as amount_vnd,
    primary_mentions.currency_code <> 'VND'
        and (primary_mentions.amount_vnd_is_stated or donations.stated_vnd is not null) as amount_vnd_is_stated,
    primary_mentions.amount_usd,
    primary_mentions.exchange_rate_year,
    donations.unit_value,
    donations.unit_count,
    donations.is_cumulative,
    donations.part_of_aid_id,
    not donations.is_cumulative and donations.part_of_aid_id is null as counts_in_totals,
    donations.donor_name,
    donations.donor_organization_id,
    donations.donor_country_code,
    donations.recipient_name,
    donations.recipient_organization_id,
    donations.purpose_text,
    donations.first_article_id
from donations
inner join primary_mentions using (aid_id)
