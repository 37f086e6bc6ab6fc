-- The raw landing zone: every request, every distinct content version, every parse.
-- Nothing here is ever deleted; a vanished page is marked with removed_at.
CREATE SCHEMA IF NOT EXISTS raw;

CREATE TABLE raw.crawl_runs (
    run_id      VARCHAR PRIMARY KEY,
    started_at  TIMESTAMPTZ NOT NULL,
    finished_at TIMESTAMPTZ,
    mode        VARCHAR NOT NULL,      -- incremental | full
    portal      VARCHAR,               -- the address that stood in for the live portals, if any
    sites       VARCHAR[] NOT NULL,
    status      VARCHAR NOT NULL       -- running | succeeded | failed
);

CREATE TABLE raw.fetches (
    run_id       VARCHAR NOT NULL,
    url          VARCHAR NOT NULL,
    final_url    VARCHAR,
    site         VARCHAR NOT NULL,
    kind         VARCHAR NOT NULL,     -- robots | sitemap | listing | article | attachment
    status       INTEGER,              -- NULL when no response came
    bytes        BIGINT NOT NULL,
    elapsed_ms   DOUBLE,
    not_modified BOOLEAN NOT NULL,
    error        VARCHAR,
    fetched_at   TIMESTAMPTZ NOT NULL
);

CREATE TABLE raw.pages (
    url           VARCHAR NOT NULL,
    site          VARCHAR NOT NULL,
    kind          VARCHAR NOT NULL,
    content_hash  VARCHAR NOT NULL,    -- sha256 of body
    body          BLOB NOT NULL,
    content_type  VARCHAR,
    headers       JSON,
    etag          VARCHAR,
    last_modified VARCHAR,
    referrer      VARCHAR,             -- the page that linked to this one
    first_seen_at TIMESTAMPTZ NOT NULL,
    last_seen_at  TIMESTAMPTZ NOT NULL,
    removed_at    TIMESTAMPTZ,         -- set when the URL answered 404/410; cleared if it returns
    PRIMARY KEY (url, content_hash)
);

CREATE TABLE raw.documents (
    url             VARCHAR NOT NULL,
    site            VARCHAR NOT NULL,
    kind            VARCHAR NOT NULL,  -- article | pdf
    content_hash    VARCHAR NOT NULL,  -- the raw.pages version it was parsed from
    parser          VARCHAR NOT NULL,  -- site:<id> | generic | pdf
    parser_version  VARCHAR NOT NULL,
    title           VARCHAR,
    published_at    TIMESTAMPTZ,
    author          VARCHAR,
    lead            VARCHAR,
    body_text       VARCHAR NOT NULL,
    attachment_urls VARCHAR[] NOT NULL,
    parent_url      VARCHAR,           -- for attachments: the article linking them
    parsed_at       TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (url, content_hash, parser_version)
);

CREATE TABLE raw.parse_failures (
    url            VARCHAR NOT NULL,
    content_hash   VARCHAR NOT NULL,
    parser_version VARCHAR NOT NULL,
    error          VARCHAR NOT NULL,
    failed_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (url, content_hash, parser_version)
);

COMMENT ON TABLE raw.fetches IS 'Every HTTP request the crawler made, with its outcome.';
COMMENT ON TABLE raw.pages IS 'One row per distinct content version of a URL; never deleted.';
COMMENT ON TABLE raw.documents IS 'One row per parsed version of an article or attachment.';
COMMENT ON TABLE raw.parse_failures IS 'Page versions the parser could not read; retried on the next run.';
