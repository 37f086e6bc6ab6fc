-- Discovery health (scrapers/discovery_health.py): what kept a crawl from finding a site's articles,
-- one row per problem and crawl, so the site's check, its alert and a later look (`doingoai sql --db
-- data/warehouse.duckdb`) all see the same thing. A crawl that found nothing wrong adds no row.
CREATE TABLE IF NOT EXISTS raw.discovery_problems (  -- IF NOT EXISTS: warehouses built while it was numbered 009 have it
    run_id   VARCHAR NOT NULL,       -- the crawl (raw.crawl_runs.run_id)
    site     VARCHAR NOT NULL,
    problem  VARCHAR NOT NULL,       -- listing_gone, listing_failed, listing_disallowed, listing_empty, sitemap_*, no_listing
    url      VARCHAR NOT NULL,       -- the listing page, the sitemap, or the site's base URL
    detail   VARCHAR NOT NULL,       -- one line for a person
    found_at TIMESTAMPTZ NOT NULL
);
COMMENT ON TABLE raw.discovery_problems IS 'Why a crawl could not discover a site''s articles: a listing or sitemap gone, failing, disallowed by robots.txt or empty; one row per problem and crawl.';
