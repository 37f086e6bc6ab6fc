-- Every HTTP request, renamed and typed.
select
    run_id as crawl_run_id,
    url as request_url,
    final_url,
    site as site_id,
    kind as request_kind,
    status as http_status,
    bytes as body_bytes,
    elapsed_ms,
    not_modified,
    error,
    error is not null as is_failed,
    fetched_at
from {{ source('raw', 'fetches') }}
