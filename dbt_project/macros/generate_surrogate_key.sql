{#-
  The one way every key in the warehouse is made: the md5 of its parts, each cast to text, a NULL
  part written as a sentinel (so NULLs are neither skipped nor equal to ''), joined by '-'. The
  recipe of dbt_utils.generate_surrogate_key, written here because dbt_utils cannot be installed
  offline. warehouse/resolution.py's surrogate_key makes the ids of the Python models the same way.
-#}
{% macro generate_surrogate_key(field_list) -%}
    md5(
        {%- for field in field_list %}
        coalesce(cast({{ field }} as varchar), '_dbt_utils_surrogate_key_null_')
        {%- if not loop.last %} || '-' || {% endif -%}
        {%- endfor %}
    )
{%- endmacro %}
