-- The 63 province-level units as articles name them, each with the unit it belongs to after the
-- 2025 mergers (34 units since 1 July 2025), so an article about Sóc Trăng in 2023 can be read as
-- Sóc Trăng then and Cần Thơ now. The keys are made once, in int_locations__lookup.
with locations as (
    select distinct province_name, location_id, location_id_after_2025
    from {{ ref('int_locations__lookup') }}
)

select
    locations.location_id,
    provinces.province_name as location_name,
    provinces.unit_kind,
    provinces.region,
    provinces.province_after_2025,
    locations.location_id_after_2025,
    provinces.province_name = provinces.province_after_2025 as exists_after_2025,
    provinces.province_name <> provinces.province_after_2025 as merged_in_2025
from {{ ref('provinces') }} as provinces
inner join locations using (province_name)
