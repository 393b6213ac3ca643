-- Call scripts, the objection library and playbooks (issue #6; seed 000 section 5.4, seed 001 section 19). Synced
-- tables (DESIGN.md section 3). Lists inside a script (talking points, its own objection handlers) are JSON arrays
-- the app reads as a whole; library objections are rows of their own, linked to scripts by call_script_objections.
-- Money is integer minor units.

CREATE TABLE call_scripts (
    id                  TEXT PRIMARY KEY,
    org_id              TEXT NOT NULL REFERENCES organizations(id),
    name                TEXT NOT NULL,
    purpose             TEXT NOT NULL DEFAULT '',
    industry            TEXT NOT NULL DEFAULT '',
    opening_line        TEXT NOT NULL DEFAULT '',
    talking_points      TEXT NOT NULL DEFAULT '[]', -- JSON: ["…"]
    objection_handlers  TEXT NOT NULL DEFAULT '[]', -- JSON: [{objection, response}]
    rate_min_minor      INTEGER NOT NULL DEFAULT 0 CHECK (rate_min_minor >= 0),
    rate_max_minor      INTEGER NOT NULL DEFAULT 0 CHECK (rate_max_minor >= rate_min_minor),
    currency            TEXT NOT NULL DEFAULT 'USD',
    closing_strategy    TEXT NOT NULL DEFAULT '',
    voice_id            TEXT NOT NULL DEFAULT '',
    llm_model           TEXT NOT NULL DEFAULT '',
    language            TEXT NOT NULL DEFAULT 'en',
    temperature         REAL NOT NULL DEFAULT 0.7 CHECK (temperature >= 0 AND temperature <= 2),
    usage_count         INTEGER NOT NULL DEFAULT 0 CHECK (usage_count >= 0),
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    rev                 INTEGER NOT NULL DEFAULT 0,
    deleted             INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX call_scripts_org ON call_scripts (org_id, deleted, name);

CREATE TABLE playbooks (
    id                  TEXT PRIMARY KEY,
    org_id              TEXT NOT NULL REFERENCES organizations(id),
    name                TEXT NOT NULL,
    description         TEXT NOT NULL DEFAULT '',
    stage_key           TEXT NOT NULL DEFAULT '',
    content             TEXT NOT NULL DEFAULT '{}', -- JSON: {recommendedActions, qualifyingQuestions, talkTracks}
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    rev                 INTEGER NOT NULL DEFAULT 0,
    deleted             INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX playbooks_org ON playbooks (org_id, deleted, name);

CREATE TABLE objections (
    id                  TEXT PRIMARY KEY,
    org_id              TEXT NOT NULL REFERENCES organizations(id),
    objection           TEXT NOT NULL,
    response            TEXT NOT NULL,
    category            TEXT NOT NULL DEFAULT '',
    tags                TEXT NOT NULL DEFAULT '[]', -- JSON: ["…"]
    playbook_ids        TEXT NOT NULL DEFAULT '[]', -- JSON: ids of playbooks
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    rev                 INTEGER NOT NULL DEFAULT 0,
    deleted             INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX objections_org ON objections (org_id, deleted, category);

-- Which library objections a script offers, in order. A link is tombstoned, not deleted, so that it syncs.
CREATE TABLE call_script_objections (
    id                  TEXT PRIMARY KEY,
    org_id              TEXT NOT NULL REFERENCES organizations(id),
    script_id           TEXT NOT NULL REFERENCES call_scripts(id),
    objection_id        TEXT NOT NULL REFERENCES objections(id),
    position            INTEGER NOT NULL DEFAULT 0,
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    rev                 INTEGER NOT NULL DEFAULT 0,
    deleted             INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX call_script_objections_script ON call_script_objections (script_id, deleted, position);
CREATE INDEX call_script_objections_objection ON call_script_objections (objection_id, deleted);
