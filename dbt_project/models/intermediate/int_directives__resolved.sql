-- Every directive mention mapped to one directive. A coded mention ("Chỉ thị số 12-CT/TW") is
-- keyed by type, number and code. A code-less mention ("Chỉ thị số 12") joins the coded directive
-- of the same type and number when their issuers agree (one names the other, or one is unnamed)
-- and exactly one coded directive qualifies; otherwise it stays a directive of its own.
{{ config(materialized='table') }}  -- read by several models and tests: computed once

with mentions as (
    select
        record_id,
        document_id,
        directive_type,
        directive_number,
        directive_code,
        issuer,
        lower(issuer) as issuer_key
    from {{ ref('int_directives__current') }}
),

coded as (
    select
        directive_type,
        directive_number,
        directive_code,
        list(distinct issuer_key) filter (where issuer_key is not null) as issuer_keys
    from mentions
    where directive_code is not null
    group by all
),

candidates as (
    select
        mentions.record_id,
        coded.directive_code,
        count(*) over (partition by mentions.record_id) as candidate_count
    from mentions
    inner join coded
        on coded.directive_type = mentions.directive_type
        and coded.directive_number = mentions.directive_number
    where mentions.directive_code is null
        and (
            mentions.issuer_key is null
            or len(coded.issuer_keys) = 0
            or list_bool_or(list_transform(
                coded.issuer_keys,
                lambda k: starts_with(k, mentions.issuer_key) or starts_with(mentions.issuer_key, k)
            ))
        )
)

select
    mentions.record_id,
    mentions.document_id,
    mentions.directive_type,
    mentions.directive_number,
    coalesce(mentions.directive_code, candidates.directive_code) as directive_code,
    mentions.directive_code is null and candidates.directive_code is not null as code_inferred,
    {{ generate_surrogate_key([
        'mentions.directive_type',
        'mentions.directive_number',
        'coalesce(mentions.directive_code, candidates.directive_code)',
    ]) }} as directive_id
from mentions
left join candidates
    on candidates.record_id = mentions.record_id and candidates.candidate_count = 1
