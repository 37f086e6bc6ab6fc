-- The 63 province-level units as articles name them, each with the unit it belongs to after the
-- 2025 mergers (34 units since 1 July 2025), so an article about Sóc Trăng in 2023 can be read as
-- Sóc Trăng then and Cần Thơ now.
select
    md5(province_name) as location_id,
    province_name as location_name,
    unit_kind,
    region,
    province_after_2025,
    md5(province_after_2025) as location_id_after_2025,
    province_name = province_after_2025 as exists_after_2025,
    province_name <> province_after_2025 as merged_in_2025
from {{ ref('provinces') }}
