-- The quality gate between a new page version and the current one (issue 14, items 5 and 7), and
-- parser health persisted as documents are parsed (issue 13, item 3). Nothing is rewritten: rows
-- parsed before this migration keep NULL in the new columns, and the parser reads their text hash
-- from their title and body when it needs it.
ALTER TABLE raw.documents ADD COLUMN text_hash VARCHAR;
ALTER TABLE raw.documents ADD COLUMN legacy_encoding VARCHAR;
ALTER TABLE raw.documents ADD COLUMN unmatched_selectors VARCHAR[];
COMMENT ON COLUMN raw.documents.text_hash IS 'sha256 of the parsed title and body (title, a newline, body_text): what makes a new version, whatever the ads and counters around it do. NULL on rows parsed before migration 009.';
COMMENT ON COLUMN raw.documents.legacy_encoding IS 'vni or tcvn3 when the page was written in that legacy Vietnamese encoding and converted to Unicode (scrapers/legacy_encodings.py); NULL for Unicode pages.';
COMMENT ON COLUMN raw.documents.unmatched_selectors IS 'The fields (title, body, date) the site''s own selectors found nothing for on the page: parser health reads them instead of the page. NULL on rows parsed before migration 009.';

-- Page versions the parser read but did not make documents: they stay stored in raw.pages, the
-- URL's previous version stays current, and the extraction never sees them. Judged again when the
-- parser version changes.
CREATE TABLE raw.held_versions (
    url                 VARCHAR NOT NULL,
    site                VARCHAR NOT NULL,
    kind                VARCHAR NOT NULL,  -- article | pdf
    content_hash        VARCHAR NOT NULL,  -- the raw.pages version held back
    parser_version      VARCHAR NOT NULL,
    reason              VARCHAR NOT NULL,  -- no_title | no_body | shrunk | same_text | legacy_encoding_unsure
    detail              VARCHAR NOT NULL,
    parser              VARCHAR NOT NULL,
    title               VARCHAR,
    body_chars          INTEGER NOT NULL,
    published_at        TIMESTAMPTZ,
    unmatched_selectors VARCHAR[] NOT NULL,
    text_hash           VARCHAR NOT NULL,
    current_hash        VARCHAR,           -- the version that stays current, if the URL has one
    held_at             TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (url, content_hash, parser_version)
);
COMMENT ON TABLE raw.held_versions IS 'Page versions parsed but not made current: garbage, a maintenance page, a text cut to a fraction of the previous one, an unsure legacy encoding, or the same text as the current version (ads and counters changed only).';
COMMENT ON COLUMN raw.held_versions.url IS 'URL of the page.';
COMMENT ON COLUMN raw.held_versions.site IS 'Portal id.';
COMMENT ON COLUMN raw.held_versions.kind IS 'article or pdf, as the parser read it.';
COMMENT ON COLUMN raw.held_versions.content_hash IS 'The raw.pages version held back.';
COMMENT ON COLUMN raw.held_versions.parser_version IS 'The parser version that judged it; a new one judges again.';
COMMENT ON COLUMN raw.held_versions.reason IS 'no_title, no_body, shrunk (under DOINGOAI_GATE_MIN_SHARE of the current text), same_text (not a new version) or legacy_encoding_unsure.';
COMMENT ON COLUMN raw.held_versions.detail IS 'The reason in words, with the figures.';
COMMENT ON COLUMN raw.held_versions.parser IS 'site:<id>, generic or pdf.';
COMMENT ON COLUMN raw.held_versions.title IS 'The title the parser found, if any.';
COMMENT ON COLUMN raw.held_versions.body_chars IS 'Length of the body text the parser found.';
COMMENT ON COLUMN raw.held_versions.published_at IS 'The date the parser found, if any.';
COMMENT ON COLUMN raw.held_versions.unmatched_selectors IS 'The fields the site''s selectors found nothing for.';
COMMENT ON COLUMN raw.held_versions.text_hash IS 'sha256 of the parsed title and body, as raw.documents.text_hash.';
COMMENT ON COLUMN raw.held_versions.current_hash IS 'The content_hash of the version that stays current, if the URL has one.';
COMMENT ON COLUMN raw.held_versions.held_at IS 'When it was judged.';

-- Extraction's limits (issue 14, item 9): two more outcomes in extracted.documents.status.
COMMENT ON COLUMN extracted.documents.status IS 'ok, failed (retried on the next run), too_large or too_slow (past DOINGOAI_EXTRACT_MAX_CHARS or DOINGOAI_EXTRACT_TIMEOUT: skipped).';
COMMENT ON COLUMN extracted.documents.error IS 'Why extraction failed or was skipped.';
