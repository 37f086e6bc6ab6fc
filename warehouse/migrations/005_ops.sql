-- Operating the pipeline: what went wrong and who was told. Kept beside the data it is about,
-- so `doingoai sql` over the warehouse can answer "what failed last night and why".
CREATE SCHEMA IF NOT EXISTS ops;

CREATE TABLE ops.alerts (
    alert_id       VARCHAR PRIMARY KEY,   -- <kind>:<run_id>: one alert per failed run, however often it is raised
    raised_at      TIMESTAMPTZ NOT NULL,
    kind           VARCHAR NOT NULL,      -- run_failure
    job_name       VARCHAR NOT NULL,
    run_id         VARCHAR NOT NULL,
    summary        VARCHAR NOT NULL,      -- one line for a person
    failed_steps   VARCHAR[] NOT NULL,
    failed_checks  VARCHAR[] NOT NULL,    -- "<asset>:<check>: <what it found>"
    details        JSON,                  -- everything else the run said about its failure
    webhook_url    VARCHAR,               -- where the alert was posted, if anywhere
    webhook_status INTEGER,               -- that endpoint's HTTP status; NULL when no answer came
    webhook_error  VARCHAR                -- why the post failed, when it did
);

COMMENT ON TABLE ops.alerts IS 'One row per failed run of the pipeline: what failed, and whether the webhook was told.';
