-- AI usage ledger and monthly budgets (DESIGN.md section 6): every call that reached the provider is one row, so
-- month-to-date spend is a sum over this table. Costs are estimates in millionths of the currency unit.

CREATE TABLE ai_usage (
    id              TEXT PRIMARY KEY,
    org_id          TEXT NOT NULL REFERENCES organizations(id),
    user_id         TEXT,
    feature         TEXT NOT NULL,
    model           TEXT NOT NULL DEFAULT '',
    prompt_version  TEXT NOT NULL DEFAULT '',
    input_tokens    INTEGER NOT NULL DEFAULT 0,
    output_tokens   INTEGER NOT NULL DEFAULT 0,
    cost_micros     INTEGER NOT NULL DEFAULT 0,
    lead_id         TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    rev             INTEGER NOT NULL DEFAULT 0,
    deleted         INTEGER NOT NULL DEFAULT 0
);

-- Budget checks sum one org's (or one user's) rows of the current month before every AI call.
CREATE INDEX ai_usage_org_created ON ai_usage (org_id, created_at);
CREATE INDEX ai_usage_user_created ON ai_usage (org_id, user_id, created_at);

-- One row per org (user_id NULL: the org-wide limit) and per user with a personal limit.
CREATE TABLE ai_budgets (
    id                  TEXT PRIMARY KEY,
    org_id              TEXT NOT NULL REFERENCES organizations(id),
    user_id             TEXT,
    month_limit_micros  INTEGER NOT NULL,
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    rev                 INTEGER NOT NULL DEFAULT 0,
    deleted             INTEGER NOT NULL DEFAULT 0
);

CREATE UNIQUE INDEX ai_budgets_scope ON ai_budgets (org_id, COALESCE(user_id, ''));
