-- An aid amount is money given: its value, and its VND and USD values, are above zero, and a
-- range ends above where it starts.
select aid_id, amount_value, amount_value_max, amount_vnd, amount_usd
from {{ ref('fct_aid') }}
where amount_value <= 0
   or amount_vnd <= 0
   or amount_usd <= 0
   or (amount_value_max is not null and amount_value_max < amount_value)
