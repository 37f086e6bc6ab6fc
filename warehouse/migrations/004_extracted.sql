-- What the extractor read from each document version: one table per record kind.
-- A document version is (document_url, content_hash, parser_version) of raw.documents; it is
-- extracted once per extractor_version, so raising the version re-extracts everything and a
-- new page version is extracted on the next run. Offsets point into the normalised body text
-- (extraction.text.normalize) and every row carries the sentence it was read from.
CREATE SCHEMA IF NOT EXISTS extracted;

CREATE TABLE extracted.documents (
    document_url      VARCHAR NOT NULL,
    content_hash      VARCHAR NOT NULL,
    parser_version    VARCHAR NOT NULL,
    extractor_version VARCHAR NOT NULL,
    site              VARCHAR NOT NULL,
    published_on      DATE,               -- the date relative day names were read against
    text_chars        INTEGER NOT NULL,   -- length of the normalised text the offsets refer to
    status            VARCHAR NOT NULL,   -- ok | failed
    error             VARCHAR,            -- why extraction failed; retried on the next run
    directives        INTEGER NOT NULL,   -- records found, per kind
    directive_relations INTEGER NOT NULL,
    people            INTEGER NOT NULL,
    organizations     INTEGER NOT NULL,
    amounts           INTEGER NOT NULL,
    events            INTEGER NOT NULL,
    countries         INTEGER NOT NULL,
    batch_id          VARCHAR NOT NULL,
    extracted_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (document_url, content_hash, parser_version, extractor_version)
);

CREATE TABLE extracted.batches (
    batch_id          VARCHAR PRIMARY KEY,
    extractor_version VARCHAR NOT NULL,
    started_at        TIMESTAMPTZ NOT NULL,
    finished_at       TIMESTAMPTZ NOT NULL,
    documents         INTEGER NOT NULL,   -- document versions extracted in this batch
    failed            INTEGER NOT NULL,
    records           INTEGER NOT NULL    -- records of every kind
);

-- The columns every record table shares come first: the document version, the record's
-- position in the document, and its evidence.
CREATE TABLE extracted.directives (
    document_url VARCHAR NOT NULL, content_hash VARCHAR NOT NULL, parser_version VARCHAR NOT NULL,
    extractor_version VARCHAR NOT NULL, ordinal INTEGER NOT NULL,
    evidence_sentence VARCHAR NOT NULL, span_start INTEGER NOT NULL, span_end INTEGER NOT NULL,
    sentence_start INTEGER NOT NULL, sentence_end INTEGER NOT NULL,
    type         VARCHAR NOT NULL,
    number       VARCHAR NOT NULL,
    code         VARCHAR,
    issued_on    DATE,
    issuer       VARCHAR,
    title        VARCHAR,
    mentions     INTEGER NOT NULL,
    PRIMARY KEY (document_url, content_hash, parser_version, extractor_version, ordinal)
);

CREATE TABLE extracted.directive_relations (
    document_url VARCHAR NOT NULL, content_hash VARCHAR NOT NULL, parser_version VARCHAR NOT NULL,
    extractor_version VARCHAR NOT NULL, ordinal INTEGER NOT NULL,
    evidence_sentence VARCHAR NOT NULL, span_start INTEGER NOT NULL, span_end INTEGER NOT NULL,
    sentence_start INTEGER NOT NULL, sentence_end INTEGER NOT NULL,
    source_type   VARCHAR NOT NULL,
    source_number VARCHAR NOT NULL,
    target_type   VARCHAR NOT NULL,
    target_number VARCHAR NOT NULL,
    relation      VARCHAR NOT NULL,
    cue           VARCHAR NOT NULL,
    PRIMARY KEY (document_url, content_hash, parser_version, extractor_version, ordinal)
);

CREATE TABLE extracted.people (
    document_url VARCHAR NOT NULL, content_hash VARCHAR NOT NULL, parser_version VARCHAR NOT NULL,
    extractor_version VARCHAR NOT NULL, ordinal INTEGER NOT NULL,
    evidence_sentence VARCHAR NOT NULL, span_start INTEGER NOT NULL, span_end INTEGER NOT NULL,
    sentence_start INTEGER NOT NULL, sentence_end INTEGER NOT NULL,
    name      VARCHAR NOT NULL,
    honorific VARCHAR,
    country   VARCHAR,
    roles     STRUCT(title VARCHAR, position VARCHAR, organization VARCHAR)[] NOT NULL,
    mentions  INTEGER NOT NULL,
    PRIMARY KEY (document_url, content_hash, parser_version, extractor_version, ordinal)
);

CREATE TABLE extracted.organizations (
    document_url VARCHAR NOT NULL, content_hash VARCHAR NOT NULL, parser_version VARCHAR NOT NULL,
    extractor_version VARCHAR NOT NULL, ordinal INTEGER NOT NULL,
    evidence_sentence VARCHAR NOT NULL, span_start INTEGER NOT NULL, span_end INTEGER NOT NULL,
    sentence_start INTEGER NOT NULL, sentence_end INTEGER NOT NULL,
    name    VARCHAR NOT NULL,
    acronym VARCHAR,
    country VARCHAR,
    PRIMARY KEY (document_url, content_hash, parser_version, extractor_version, ordinal)
);

CREATE TABLE extracted.amounts (
    document_url VARCHAR NOT NULL, content_hash VARCHAR NOT NULL, parser_version VARCHAR NOT NULL,
    extractor_version VARCHAR NOT NULL, ordinal INTEGER NOT NULL,
    evidence_sentence VARCHAR NOT NULL, span_start INTEGER NOT NULL, span_end INTEGER NOT NULL,
    sentence_start INTEGER NOT NULL, sentence_end INTEGER NOT NULL,
    value     DOUBLE NOT NULL,
    value_max DOUBLE,
    currency  VARCHAR NOT NULL,
    kind      VARCHAR NOT NULL,
    qualifier VARCHAR NOT NULL,
    amount_text VARCHAR NOT NULL,
    donor     VARCHAR,
    recipient VARCHAR,
    purpose   VARCHAR,
    PRIMARY KEY (document_url, content_hash, parser_version, extractor_version, ordinal)
);

CREATE TABLE extracted.events (
    document_url VARCHAR NOT NULL, content_hash VARCHAR NOT NULL, parser_version VARCHAR NOT NULL,
    extractor_version VARCHAR NOT NULL, ordinal INTEGER NOT NULL,
    evidence_sentence VARCHAR NOT NULL, span_start INTEGER NOT NULL, span_end INTEGER NOT NULL,
    sentence_start INTEGER NOT NULL, sentence_end INTEGER NOT NULL,
    type         VARCHAR NOT NULL,
    event_date   DATE NOT NULL,
    title        VARCHAR NOT NULL,
    location     VARCHAR,
    participants VARCHAR[] NOT NULL,
    PRIMARY KEY (document_url, content_hash, parser_version, extractor_version, ordinal)
);

CREATE TABLE extracted.countries (
    document_url VARCHAR NOT NULL, content_hash VARCHAR NOT NULL, parser_version VARCHAR NOT NULL,
    extractor_version VARCHAR NOT NULL, ordinal INTEGER NOT NULL,
    evidence_sentence VARCHAR NOT NULL, span_start INTEGER NOT NULL, span_end INTEGER NOT NULL,
    sentence_start INTEGER NOT NULL, sentence_end INTEGER NOT NULL,
    code VARCHAR NOT NULL,
    name VARCHAR NOT NULL,
    PRIMARY KEY (document_url, content_hash, parser_version, extractor_version, ordinal)
);

COMMENT ON TABLE extracted.documents IS 'One row per document version and extractor version: outcome and record counts.';
COMMENT ON TABLE extracted.batches IS 'One row per extraction run: how many document versions and records.';
COMMENT ON TABLE extracted.directives IS 'Numbered official documents mentioned, merged within one document version.';
COMMENT ON TABLE extracted.directive_relations IS 'Document A implements document B, as one document version says it.';
COMMENT ON TABLE extracted.people IS 'People named, with their titles split into position and organisation.';
COMMENT ON TABLE extracted.organizations IS 'Organisations named, as written.';
COMMENT ON TABLE extracted.amounts IS 'Money amounts, aid or other, with donor, recipient and purpose when the text names them.';
COMMENT ON TABLE extracted.events IS 'Dated activities: visits, conferences, receptions, ceremonies...';
COMMENT ON TABLE extracted.countries IS 'Foreign countries named, one row per mention.';
