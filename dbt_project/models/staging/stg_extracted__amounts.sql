-- Money amounts in a document version.
select
    {{ extracted_record_columns() }},
    value as amount_value,
    value_max as amount_value_max,
    currency as currency_code,
    kind as amount_kind,
    qualifier,
    amount_text,
    donor as donor_text,
    recipient as recipient_text,
    purpose as purpose_text,
    role as amount_role,
    converts_ordinal,
    amount_vnd_stated,
    is_per_unit,
    unit_of_ordinal,
    unit_value,
    unit_count,
    part_of_ordinal,
    is_cumulative
from {{ source('extracted', 'amounts') }}
