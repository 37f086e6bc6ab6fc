{#-
    The columns of a model that must always be filled, checked in one scan: one row per column that holds
    nulls, with how many. One test per model instead of one per column: each dbt test costs a query and
    about 25 ms of dbt's own work a night, and the nightly build ran about 200 of these.
-#}
{% test not_null_columns(model, columns) %}
with null_rows as (
    select
        {%- for column in columns %}
        count(*) filter (where {{ adapter.quote(column) }} is null) as {{ adapter.quote(column) }}
        {%- if not loop.last %},{% endif %}
        {%- endfor %}
    from {{ model }}
)

select null_column, null_count
from null_rows
unpivot (null_count for null_column in (
    {%- for column in columns %}{{ adapter.quote(column) }}{% if not loop.last %}, {% endif %}{% endfor -%}
))
where null_count > 0
{% endtest %}
