-- Lead Intelligence, AI profiles and the services price list (issue 5). Synced tables follow DESIGN.md section 3:
-- id, org_id, created_at, updated_at, rev, deleted.

-- One analysis per lead (the latest); list fields are JSON arrays of strings.
CREATE TABLE lead_intelligence (
    id                  TEXT PRIMARY KEY,
    org_id              TEXT NOT NULL REFERENCES organizations(id),
    lead_id             TEXT NOT NULL UNIQUE REFERENCES leads(id),
    deal_heat           INTEGER CHECK (deal_heat IS NULL OR deal_heat BETWEEN 0 AND 100),
    buying_intent       TEXT NOT NULL DEFAULT ''
                            CHECK (buying_intent IN ('', 'low', 'medium', 'high', 'critical')),
    budget              TEXT NOT NULL DEFAULT '',
    timeline            TEXT NOT NULL DEFAULT '',
    decision_maker      TEXT NOT NULL DEFAULT '',
    pain_points         TEXT NOT NULL DEFAULT '[]',
    key_insights        TEXT NOT NULL DEFAULT '[]',
    risks               TEXT NOT NULL DEFAULT '[]',
    next_best_action    TEXT NOT NULL DEFAULT '',
    summary             TEXT NOT NULL DEFAULT '',
    fields_used         TEXT NOT NULL DEFAULT '[]', -- which of the lead's fields/history the prompt carried
    estimated_value_minor INTEGER,                  -- from the services price list, NULL when nothing matched
    model               TEXT NOT NULL DEFAULT '',
    prompt_version      TEXT NOT NULL DEFAULT '',
    analyzed_at         TEXT NOT NULL,
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    rev                 INTEGER NOT NULL DEFAULT 0,
    deleted             INTEGER NOT NULL DEFAULT 0
);

-- The Neural Brain leaderboard and the intent grouping of the Deal Desk read by heat.
CREATE INDEX lead_intelligence_heat ON lead_intelligence (deleted, deal_heat DESC);

-- The Kanban card's badge is read with the lead row, so the latest heat is copied onto the lead.
ALTER TABLE leads ADD COLUMN deal_heat INTEGER;

-- The AI profile (seed 001 section 4) is the JSON in leads.ai_profile; these say when and with what it was made.
ALTER TABLE leads ADD COLUMN ai_profile_at TEXT;
ALTER TABLE leads ADD COLUMN ai_profile_model TEXT NOT NULL DEFAULT '';

-- Services the org sells, with the keywords that suggest a lead wants them (seed 003, section 16 phase 3).
CREATE TABLE services_catalog (
    id                  TEXT PRIMARY KEY,
    org_id              TEXT NOT NULL REFERENCES organizations(id),
    name                TEXT NOT NULL,
    price_minor         INTEGER NOT NULL DEFAULT 0 CHECK (price_minor >= 0),
    currency            TEXT NOT NULL DEFAULT 'EUR',
    keywords            TEXT NOT NULL DEFAULT '[]', -- JSON array of lower-case keywords / phrases
    active              INTEGER NOT NULL DEFAULT 1,
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    rev                 INTEGER NOT NULL DEFAULT 0,
    deleted             INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX services_catalog_org ON services_catalog (org_id, deleted, name);
