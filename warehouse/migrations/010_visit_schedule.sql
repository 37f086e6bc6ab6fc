-- The revisit schedule (issue 13): when to fetch each known page again, so that a night asks only for
-- the pages that are due instead of the whole archive. scrapers/revisit.py says how the next visit is
-- set; warehouse/revisits.py writes it as each site's crawl lands, and reads what is due.
CREATE TABLE raw.visit_schedule (
    url             VARCHAR PRIMARY KEY,
    site            VARCHAR NOT NULL,
    kind            VARCHAR NOT NULL,      -- article | attachment | sitemap (a child sitemap: its lastmod only)
    published_at    TIMESTAMPTZ,           -- the date its article shows, as the crawl read it
    first_seen_at   TIMESTAMPTZ NOT NULL,
    changed_at      TIMESTAMPTZ,           -- the last visit that found it changed, gone or back
    fingerprint     VARCHAR,               -- what a change is judged on: parsed text hash, body hash, or status
    last_visit_at   TIMESTAMPTZ,           -- NULL: found but not fetched yet
    next_visit_at   TIMESTAMPTZ NOT NULL,
    sitemap_lastmod TIMESTAMPTZ,           -- the lastmod a sitemap gave it when it was last fetched
    last_reason     VARCHAR NOT NULL       -- why it was last asked for, or 'left' (wanted, not asked)
);
-- What a night reads: a site's due pages, the most overdue first. No page body is touched.
CREATE INDEX visit_schedule_due ON raw.visit_schedule (site, next_visit_at);

-- Why a site's crawl did not ask for everything it wanted: its time budget was spent, or its revisit
-- budget reached. One row per site and crawl that left something for the next night.
CREATE TABLE raw.crawl_notes (
    run_id   VARCHAR NOT NULL,     -- the crawl (raw.crawl_runs.run_id)
    site     VARCHAR NOT NULL,
    reason   VARCHAR NOT NULL,     -- time_budget | revisit_budget
    pages_left INTEGER NOT NULL,   -- pages wanted tonight and left for a later night
    detail   VARCHAR NOT NULL,     -- one line for a person
    noted_at TIMESTAMPTZ NOT NULL
);

COMMENT ON TABLE raw.visit_schedule IS 'When to fetch each known page again (the revisit policy, scrapers/revisit.py): one row per URL.';
COMMENT ON COLUMN raw.visit_schedule.url IS 'Canonical URL.';
COMMENT ON COLUMN raw.visit_schedule.site IS 'Portal id.';
COMMENT ON COLUMN raw.visit_schedule.kind IS 'article, attachment, or sitemap (a child sitemap, kept for its lastmod; never due).';
COMMENT ON COLUMN raw.visit_schedule.published_at IS 'The date its article shows (an attachment: its article''s), as the crawl read it.';
COMMENT ON COLUMN raw.visit_schedule.first_seen_at IS 'When the crawl first found it.';
COMMENT ON COLUMN raw.visit_schedule.changed_at IS 'The last visit that found it changed, gone or back; NULL: no change seen.';
COMMENT ON COLUMN raw.visit_schedule.fingerprint IS 'What a change is judged on: the hash of its parsed title and body (articles), of its body (attachments), or the status it answered.';
COMMENT ON COLUMN raw.visit_schedule.last_visit_at IS 'The crawl (its clock) that last asked for it; NULL when found but not fetched yet.';
COMMENT ON COLUMN raw.visit_schedule.next_visit_at IS 'When it is due again: half its quiet time later, in doubling steps, within DOINGOAI_REVISIT_MIN_DAYS and _MAX_DAYS.';
COMMENT ON COLUMN raw.visit_schedule.sitemap_lastmod IS 'The lastmod a sitemap gave it when it was last fetched; a newer one brings its visit forward.';
COMMENT ON COLUMN raw.visit_schedule.last_reason IS 'Why it was last asked for: new, sitemap, listing, retry, due, full, linked; left: wanted but not asked (a budget ran out).';
COMMENT ON TABLE raw.crawl_notes IS 'Why a site''s crawl left pages for the next night: its time budget (DOINGOAI_CRAWL_TIME_BUDGET) spent, or its revisit budget (DOINGOAI_REVISIT_BUDGET) reached.';
