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
    purpose as purpose_text
from {{ source('extracted', 'amounts') }}
