-- The configured portals.
select
    site as site_id,
    name as site_name,
    base_url,
    allowed_domains,
    listings,
    updated_at
from {{ source('raw', 'sites') }}
