-- Every way a province-level place is written (its name and the seed's aliases), with the
-- province it names and the province it belongs to since the 2025 mergers; its words are what
-- int_events__located joins on.
with names as (
    select province_name as place_name, province_name from {{ ref('provinces') }}
    union all
    select alias, province_name from {{ ref('location_aliases') }}
)

select
    names.place_name,
    lower(names.place_name) as place_key,
    {{ word_tokens('names.place_name') }} as place_tokens,
    names.province_name,
    {{ generate_surrogate_key(['names.province_name']) }} as location_id,
    provinces.province_after_2025,
    {{ generate_surrogate_key(['provinces.province_after_2025']) }} as location_id_after_2025
from names
inner join {{ ref('provinces') }} as provinces using (province_name)
