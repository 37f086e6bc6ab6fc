-- Crawl runs, renamed.
select
    run_id as crawl_run_id,
    started_at,
    finished_at,
    mode as crawl_mode,
    portal,
    sites as site_ids,
    status as run_status
from {{ source('raw', 'crawl_runs') }}
