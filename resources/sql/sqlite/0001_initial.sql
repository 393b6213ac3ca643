-- Business Hub local schema, version 1.
-- Synced tables carry id, org_id, created_at, updated_at, rev, deleted (DESIGN.md section 3).

CREATE TABLE organizations (
    id          TEXT PRIMARY KEY,
    org_id      TEXT NOT NULL,
    name        TEXT NOT NULL,
    currency    TEXT NOT NULL DEFAULT 'EUR',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    rev         INTEGER NOT NULL DEFAULT 0,
    deleted     INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE users (
    id          TEXT PRIMARY KEY,
    org_id      TEXT NOT NULL REFERENCES organizations(id),
    name        TEXT NOT NULL,
    email       TEXT,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    rev         INTEGER NOT NULL DEFAULT 0,
    deleted     INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE pipeline_stages (
    id          TEXT PRIMARY KEY,
    org_id      TEXT NOT NULL REFERENCES organizations(id),
    key         TEXT NOT NULL,
    name        TEXT NOT NULL,
    position    INTEGER NOT NULL,
    color       TEXT NOT NULL,
    is_closed   INTEGER NOT NULL DEFAULT 0,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    rev         INTEGER NOT NULL DEFAULT 0,
    deleted     INTEGER NOT NULL DEFAULT 0,
    UNIQUE (org_id, key)
);

CREATE TABLE leads (
    id                  TEXT PRIMARY KEY,
    org_id              TEXT NOT NULL REFERENCES organizations(id),
    owner_id            TEXT REFERENCES users(id),
    name                TEXT NOT NULL,
    company             TEXT NOT NULL DEFAULT '',
    contact_person      TEXT NOT NULL DEFAULT '',
    title               TEXT NOT NULL DEFAULT '',
    email               TEXT NOT NULL DEFAULT '',
    phone               TEXT NOT NULL DEFAULT '',
    phone_raw           TEXT NOT NULL DEFAULT '',
    website             TEXT NOT NULL DEFAULT '',
    website_issues      TEXT NOT NULL DEFAULT '',
    location            TEXT NOT NULL DEFAULT '',
    status              TEXT NOT NULL DEFAULT 'new',
    source              TEXT NOT NULL DEFAULT '',
    industry            TEXT NOT NULL DEFAULT '',
    tags                TEXT NOT NULL DEFAULT '',
    notes               TEXT NOT NULL DEFAULT '',
    value_minor         INTEGER NOT NULL DEFAULT 0,
    currency            TEXT NOT NULL DEFAULT 'EUR',
    do_not_call         INTEGER NOT NULL DEFAULT 0,
    email_opt_out       INTEGER NOT NULL DEFAULT 0,
    sms_opt_out         INTEGER NOT NULL DEFAULT 0,
    lawful_basis        TEXT NOT NULL DEFAULT '',
    marketing_consent   INTEGER NOT NULL DEFAULT 0,
    consent_at          TEXT,
    ai_profile          TEXT,
    field_sources       TEXT NOT NULL DEFAULT '{}',
    last_contacted_at   TEXT,
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    rev                 INTEGER NOT NULL DEFAULT 0,
    deleted             INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX leads_status_updated ON leads (deleted, status, updated_at DESC);
CREATE INDEX leads_updated ON leads (deleted, updated_at DESC);
CREATE INDEX leads_source ON leads (source);
CREATE INDEX leads_industry ON leads (industry);

-- External-content FTS5 index over the lead's text fields, kept current by triggers.
CREATE VIRTUAL TABLE leads_fts USING fts5 (
    name, company, contact_person, email, phone, notes, tags,
    content = 'leads', content_rowid = 'rowid',
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
);

CREATE TRIGGER leads_fts_insert AFTER INSERT ON leads BEGIN
    INSERT INTO leads_fts (rowid, name, company, contact_person, email, phone, notes, tags)
    VALUES (new.rowid, new.name, new.company, new.contact_person, new.email, new.phone, new.notes, new.tags);
END;

CREATE TRIGGER leads_fts_delete AFTER DELETE ON leads BEGIN
    INSERT INTO leads_fts (leads_fts, rowid, name, company, contact_person, email, phone, notes, tags)
    VALUES ('delete', old.rowid, old.name, old.company, old.contact_person, old.email, old.phone, old.notes, old.tags);
END;

CREATE TRIGGER leads_fts_update AFTER UPDATE OF name, company, contact_person, email, phone, notes, tags ON leads BEGIN
    INSERT INTO leads_fts (leads_fts, rowid, name, company, contact_person, email, phone, notes, tags)
    VALUES ('delete', old.rowid, old.name, old.company, old.contact_person, old.email, old.phone, old.notes, old.tags);
    INSERT INTO leads_fts (rowid, name, company, contact_person, email, phone, notes, tags)
    VALUES (new.rowid, new.name, new.company, new.contact_person, new.email, new.phone, new.notes, new.tags);
END;

CREATE TABLE activities (
    id          TEXT PRIMARY KEY,
    org_id      TEXT NOT NULL REFERENCES organizations(id),
    lead_id     TEXT NOT NULL REFERENCES leads(id),
    kind        TEXT NOT NULL,
    body        TEXT NOT NULL DEFAULT '',
    meta        TEXT NOT NULL DEFAULT '{}',
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    rev         INTEGER NOT NULL DEFAULT 0,
    deleted     INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX activities_lead ON activities (lead_id, created_at DESC);

CREATE TABLE notifications (
    id          TEXT PRIMARY KEY,
    org_id      TEXT NOT NULL REFERENCES organizations(id),
    title       TEXT NOT NULL,
    body        TEXT NOT NULL DEFAULT '',
    lead_id     TEXT,
    read        INTEGER NOT NULL DEFAULT 0,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    rev         INTEGER NOT NULL DEFAULT 0,
    deleted     INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX notifications_unread ON notifications (read, created_at DESC);

-- Local-only: identifies this file as a Business Hub workspace.
CREATE TABLE workspace_info (
    key     TEXT PRIMARY KEY,
    value   TEXT NOT NULL
);
