-- Page versions without their bodies, with a flag for the newest version of each URL.
select
    url as page_url,
    site as site_id,
    kind as page_kind,
    content_hash,
    octet_length(body) as body_bytes,
    content_type,
    etag,
    last_modified,
    referrer as referrer_url,
    first_seen_at,
    last_seen_at,
    removed_at,
    removed_at is not null as is_removed,
    row_number() over (partition by url order by last_seen_at desc, first_seen_at desc) = 1 as is_latest_version
from {{ source('raw', 'pages') }}
