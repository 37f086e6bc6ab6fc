-- The configured portals, refreshed from scrapers/sites/*.toml at every crawl.
CREATE TABLE raw.sites (
    site            VARCHAR PRIMARY KEY,
    name            VARCHAR NOT NULL,
    base_url        VARCHAR NOT NULL,
    allowed_domains VARCHAR[] NOT NULL,
    listings        VARCHAR[] NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL
);
COMMENT ON TABLE raw.sites IS 'The portals the crawler is configured for (one TOML file each).';
