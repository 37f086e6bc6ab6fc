-- Aid amounts: donations, grants, sponsorship and fund-raising results, with the original
-- amount and currency, their value in VND and USD at the year's average rate (seed
-- exchange_rates; the nearest year when the year is outside it), and the donor, recipient and
-- purpose where the text names them. Dated by the article that reports them.
with amounts as (
    select * from {{ ref('int_amounts__current') }} where amount_kind = 'aid'
),

rates as (
    select * from {{ ref('exchange_rates') }}
),

rate_years as (
    select min(rate_year) as first_year, max(rate_year) as last_year from rates
),

organizations as (
    select name_as_written, organization_id, country_code from {{ ref('int_organizations__resolved') }}
),

named_countries as (
    select amounts.record_id, countries.country_code
    from amounts
    inner join {{ ref('countries') }} as countries
        on countries.country_code <> 'VN'
        and regexp_matches(amounts.donor_text, '(^|[^[:alnum:]])' || countries.name_vi || '($|[^[:alnum:]])')
    qualify row_number() over (partition by amounts.record_id order by length(countries.name_vi) desc) = 1
)

select
    {{ generate_surrogate_key(['amounts.document_id', 'amounts.record_ordinal', 'amounts.amount_value',
        'amounts.currency_code']) }} as aid_id,
    amounts.document_id as article_id,
    amounts.site_id,
    amounts.reference_date as aid_date,
    amounts.amount_value,
    amounts.amount_value_max,
    amounts.currency_code,
    amounts.qualifier,
    amounts.amount_text,
    amounts.amount_value * rate.vnd_per_unit as amount_vnd,
    amounts.amount_value * rate.usd_per_unit as amount_usd,
    rate.rate_year as exchange_rate_year,
    amounts.donor_text,
    donor.organization_id as donor_organization_id,
    coalesce(named_countries.country_code, donor.country_code) as donor_country_code,
    amounts.recipient_text,
    recipient.organization_id as recipient_organization_id,
    amounts.purpose_text,
    amounts.evidence_sentence,
    amounts.evidence_start,
    amounts.evidence_end,
    amounts.record_id
from amounts
cross join rate_years
left join rates as rate
    on rate.currency = amounts.currency_code
    and rate.rate_year = least(greatest(year(coalesce(amounts.reference_date, current_date)), rate_years.first_year),
        rate_years.last_year)
left join organizations as donor on donor.name_as_written = amounts.donor_text
left join organizations as recipient on recipient.name_as_written = amounts.recipient_text
left join named_countries on named_countries.record_id = amounts.record_id
