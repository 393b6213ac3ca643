-- AI calling (issue #6): calls, autonomous agent runs and their queues (DESIGN.md section 3: synced tables).
-- A call's live monitor URLs (listen/control) are bearer secrets and are never stored.

CREATE TABLE calls (
    id                  TEXT PRIMARY KEY,
    org_id              TEXT NOT NULL REFERENCES organizations(id),
    lead_id             TEXT NOT NULL REFERENCES leads(id),
    agent_run_id        TEXT,
    script_id           TEXT,
    provider            TEXT NOT NULL CHECK (provider IN ('vapi', 'twilio')),
    provider_call_id    TEXT,
    status              TEXT NOT NULL DEFAULT 'queued'
                            CHECK (status IN ('queued', 'ringing', 'in-progress', 'completed', 'failed')),
    outcome             TEXT NOT NULL DEFAULT ''
                            CHECK (outcome IN ('', 'booked', 'follow-up', 'not-interested', 'no-answer')),
    sentiment           TEXT NOT NULL DEFAULT '',
    duration_s          INTEGER NOT NULL DEFAULT 0,
    summary             TEXT NOT NULL DEFAULT '',
    transcript          TEXT NOT NULL DEFAULT '',
    recording_url       TEXT NOT NULL DEFAULT '',
    cost                REAL NOT NULL DEFAULT 0,
    ended_reason        TEXT NOT NULL DEFAULT '',
    error_reason        TEXT NOT NULL DEFAULT '',
    notes               TEXT NOT NULL DEFAULT '',
    started_at          TEXT,
    ended_at            TEXT,
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    rev                 INTEGER NOT NULL DEFAULT 0,
    deleted             INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX calls_lead ON calls (lead_id, created_at DESC);
CREATE INDEX calls_created ON calls (deleted, created_at DESC);
CREATE INDEX calls_status ON calls (status) WHERE status IN ('queued', 'ringing', 'in-progress');
CREATE INDEX calls_agent ON calls (agent_run_id) WHERE agent_run_id IS NOT NULL;
CREATE INDEX calls_provider_call ON calls (provider, provider_call_id);

CREATE TABLE agent_runs (
    id              TEXT PRIMARY KEY,
    org_id          TEXT NOT NULL REFERENCES organizations(id),
    name            TEXT NOT NULL,
    script_id       TEXT,
    script_json     TEXT NOT NULL DEFAULT '{}', -- the script as it was when the agent was made
    provider        TEXT NOT NULL DEFAULT 'vapi' CHECK (provider IN ('vapi', 'twilio')),
    status          TEXT NOT NULL DEFAULT 'idle'
                        CHECK (status IN ('idle', 'running', 'paused', 'completed', 'failed')),
    delay_ms        INTEGER NOT NULL DEFAULT 5000 CHECK (delay_ms >= 0),
    max_retries     INTEGER NOT NULL DEFAULT 1 CHECK (max_retries >= 0),
    started_at      TEXT,
    completed_at    TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    rev             INTEGER NOT NULL DEFAULT 0,
    deleted         INTEGER NOT NULL DEFAULT 0
);

-- One row per lead of an agent. state: pending (not called yet), retry (waiting for next_attempt_at), calling (a
-- call is live: call_id), done (answered; outcome), no-answer (out of retries), failed, skipped (checks refused).
CREATE TABLE agent_queue (
    id              TEXT PRIMARY KEY,
    org_id          TEXT NOT NULL REFERENCES organizations(id),
    agent_run_id    TEXT NOT NULL REFERENCES agent_runs(id),
    lead_id         TEXT NOT NULL REFERENCES leads(id),
    position        INTEGER NOT NULL,
    state           TEXT NOT NULL DEFAULT 'pending'
                        CHECK (state IN ('pending', 'retry', 'calling', 'done', 'no-answer', 'failed', 'skipped')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    call_id         TEXT,
    outcome         TEXT NOT NULL DEFAULT '',
    next_attempt_at TEXT,
    reason          TEXT NOT NULL DEFAULT '',
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    rev             INTEGER NOT NULL DEFAULT 0,
    deleted         INTEGER NOT NULL DEFAULT 0,
    UNIQUE (agent_run_id, lead_id)
);

CREATE INDEX agent_queue_run ON agent_queue (agent_run_id, state, position);

-- The error log of an agent (skipped leads, failed calls): local-only history, not synced.
CREATE TABLE agent_run_log (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    agent_run_id    TEXT NOT NULL REFERENCES agent_runs(id),
    lead_id         TEXT,
    message         TEXT NOT NULL,
    created_at      TEXT NOT NULL
);

CREATE INDEX agent_run_log_run ON agent_run_log (agent_run_id, id);
