-- One row per report of a donation in one article: each aid amount that is a donation or a part of
-- a total, and each per-unit value whose total the text does not name (its donation is then worth the
-- unit value times the count when the text gives one, else an unknown amount). A conversion and the
-- unit value of a named total are no reports of their own: they are carried on their donation's row
-- (conversion_text, amount_vnd_stated, unit_value, unit_count). Donor and recipient are resolved to
-- organisations; VND is the text's own conversion when it states one, else the year's average rate
-- (seed exchange_rates, the nearest year outside it), as is USD. int_aid__facts groups these rows.
{{ config(materialized='table') }}  -- read by several models and tests: computed once

with amounts as (
    select * from {{ ref('int_amounts__current') }} where amount_kind = 'aid'
),

conversions as (
    select document_id, converts_ordinal as record_ordinal, amount_text as conversion_text
    from amounts
    where amount_role = 'conversion'
    qualify row_number() over (partition by document_id, converts_ordinal order by record_ordinal) = 1
),

reports as (
    select
        *,
        -- a per-unit value standing for its donation: worth the units counted, when counted
        case when amount_role = 'unit' then unit_count else 1 end as units
    from amounts
    where amount_role in ('donation', 'part') or (amount_role = 'unit' and unit_of_ordinal is null)
),

rates as (
    select * from {{ ref('exchange_rates') }}
),

rate_years as (
    select min(rate_year) as first_year, max(rate_year) as last_year from rates
),

organizations as (
    select name_as_written, organization_id, organization_name, country_code
    from {{ ref('int_organizations__resolved') }}
),

-- the country a donor names ("Đại sứ quán Nhật Bản"): the longest foreign country name among its words
-- (capitalised as the gazetteer writes it), found by an equi-join on words (macro word_tokens)
donor_texts as (
    select record_id as text_key, {{ word_tokens('donor_text', lowercase=false) }} as tokens
    from reports
    where donor_text is not null
),

country_names as (
    select name_vi as name_key, {{ word_tokens('name_vi', lowercase=false) }} as name_tokens, name_tokens[1] as name_first_token
    from {{ ref('countries') }}
    where country_code <> 'VN'
),

named_countries as (
    select found.text_key as record_id, countries.country_code
    from ({{ names_found_in('donor_texts', 'country_names') }}) as found
    inner join {{ ref('countries') }} as countries on countries.name_vi = found.name_key
    qualify row_number() over (
        partition by found.text_key order by length(countries.name_vi) desc, countries.name_vi
    ) = 1
)

select
    reports.record_id,
    reports.document_id as article_id,
    reports.site_id,
    reports.reference_date as reported_on,
    reports.record_ordinal,
    reports.amount_role,
    reports.amount_text,
    conversions.conversion_text,
    reports.amount_value * reports.units as amount_value,
    reports.amount_value_max * reports.units as amount_value_max,
    reports.currency_code,
    reports.qualifier,
    case when reports.amount_role = 'unit' then reports.amount_value else reports.unit_value end as unit_value,
    reports.unit_count,
    reports.amount_vnd_stated * reports.units as amount_vnd_stated,
    case
        when reports.currency_code = 'VND' then reports.amount_value * reports.units
        when reports.amount_vnd_stated is not null then reports.amount_vnd_stated * reports.units
        else reports.amount_value * reports.units * rate.vnd_per_unit
    end as amount_vnd,
    reports.currency_code <> 'VND' and reports.amount_vnd_stated is not null as amount_vnd_is_stated,
    reports.amount_value * reports.units * rate.usd_per_unit as amount_usd,
    rate.rate_year as exchange_rate_year,
    reports.is_cumulative,
    totals.record_id as part_of_record_id,
    reports.donor_text,
    donor.organization_id as donor_organization_id,
    coalesce(donor.organization_name, reports.donor_text) as donor_name,
    coalesce(named_countries.country_code, donor.country_code) as donor_country_code,
    reports.recipient_text,
    recipient.organization_id as recipient_organization_id,
    coalesce(recipient.organization_name, reports.recipient_text) as recipient_name,
    reports.purpose_text,
    reports.evidence_sentence,
    reports.evidence_start,
    reports.evidence_end
from reports
cross join rate_years
left join rates as rate
    on rate.currency = reports.currency_code
    and rate.rate_year = least(greatest(year(coalesce(reports.reference_date, current_date)), rate_years.first_year),
        rate_years.last_year)
left join conversions
    on conversions.document_id = reports.document_id and conversions.record_ordinal = reports.record_ordinal
left join amounts as totals
    on totals.document_id = reports.document_id and totals.record_ordinal = reports.part_of_ordinal
left join organizations as donor on donor.name_as_written = reports.donor_text
left join organizations as recipient on recipient.name_as_written = reports.recipient_text
left join named_countries on named_countries.record_id = reports.record_id
