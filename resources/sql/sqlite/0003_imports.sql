-- CSV import: jobs with their progress (committed with each batch, so a crash leaves an honest record), per-row
-- errors, the before-values of updated leads (for "Undo this import"), and mapping presets.

ALTER TABLE leads ADD COLUMN import_job_id TEXT;
CREATE INDEX leads_import_job ON leads (import_job_id) WHERE import_job_id IS NOT NULL;

CREATE TABLE import_jobs (
    id              TEXT PRIMARY KEY,
    org_id          TEXT NOT NULL REFERENCES organizations(id),
    file_name       TEXT NOT NULL,
    file_size       INTEGER NOT NULL DEFAULT 0,
    encoding        TEXT NOT NULL DEFAULT '',
    delimiter       TEXT NOT NULL DEFAULT ',',
    mapping         TEXT NOT NULL DEFAULT '{}',
    options         TEXT NOT NULL DEFAULT '{}',
    status          TEXT NOT NULL,
    processed_rows  INTEGER NOT NULL DEFAULT 0,
    imported        INTEGER NOT NULL DEFAULT 0,
    updated         INTEGER NOT NULL DEFAULT 0,
    skipped         INTEGER NOT NULL DEFAULT 0,
    failed          INTEGER NOT NULL DEFAULT 0,
    error           TEXT NOT NULL DEFAULT '',
    started_at      TEXT NOT NULL,
    finished_at     TEXT,
    undone_at       TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    rev             INTEGER NOT NULL DEFAULT 0,
    deleted         INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX import_jobs_started ON import_jobs (started_at DESC);

-- Local-only: what went wrong with which row (row numbers are 1-based data rows after the header).
CREATE TABLE import_errors (
    job_id      TEXT NOT NULL REFERENCES import_jobs(id),
    row_number  INTEGER NOT NULL,
    severity    TEXT NOT NULL, -- 'error' (row not imported) or 'warning' (imported, something kept raw)
    reason      TEXT NOT NULL,
    raw         TEXT NOT NULL DEFAULT ''
);

CREATE INDEX import_errors_job ON import_errors (job_id, row_number);

-- Local-only: full rows of leads an import updated, as they were before.
CREATE TABLE import_updates (
    job_id      TEXT NOT NULL REFERENCES import_jobs(id),
    lead_id     TEXT NOT NULL,
    before      TEXT NOT NULL
);

CREATE INDEX import_updates_job ON import_updates (job_id);

CREATE TABLE import_presets (
    id              TEXT PRIMARY KEY,
    org_id          TEXT NOT NULL REFERENCES organizations(id),
    name            TEXT NOT NULL,
    mapping         TEXT NOT NULL DEFAULT '{}',
    default_tags    TEXT NOT NULL DEFAULT '',
    default_owner   TEXT NOT NULL DEFAULT '',
    default_stage   TEXT NOT NULL DEFAULT '',
    duplicates      TEXT NOT NULL DEFAULT 'skip',
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    rev             INTEGER NOT NULL DEFAULT 0,
    deleted         INTEGER NOT NULL DEFAULT 0
);

CREATE UNIQUE INDEX import_presets_name ON import_presets (org_id, name) WHERE deleted = 0;
