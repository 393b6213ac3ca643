-- Team mode, desktop side (DESIGN.md section 4): the bookkeeping of the local replica.
--
-- Every local write to leads lands in sync_outbox through the triggers below (the changed fields only, with the
-- server rev the row had), and the sync engine pushes the entries in order with their mutation ids. When the engine
-- itself writes pulled rows or push results it sets sync_control.applying = 1 first, so its writes never come
-- back as local changes.

-- Columns the server has and the replica lacked.
ALTER TABLE leads ADD COLUMN assigned_to TEXT;

-- One row. replicating: 1 once the workspace is the replica of a server workspace (a sync engine was attached);
-- a Local workspace stays 0 and queues nothing. applying: 1 while the sync engine applies server changes.
CREATE TABLE sync_control (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    replicating INTEGER NOT NULL DEFAULT 0,
    applying    INTEGER NOT NULL DEFAULT 0
);
INSERT INTO sync_control (id, replicating, applying) VALUES (1, 0, 0);

-- Per synced table: the server snapshot the last complete pull ended at (hub.sync_snapshot()).
CREATE TABLE sync_state (
    table_name      TEXT PRIMARY KEY,
    cursor          TEXT,
    last_sync_at    TEXT
);

-- What the server connection is (org and user on the server), so pushes name the right org and owner.
CREATE TABLE sync_server (
    id              INTEGER PRIMARY KEY CHECK (id = 1),
    server_org_id   TEXT NOT NULL,
    server_user_id  TEXT NOT NULL,
    connected_at    TEXT NOT NULL
);

CREATE TABLE sync_outbox (
    seq             INTEGER PRIMARY KEY AUTOINCREMENT,
    mutation_id     TEXT NOT NULL UNIQUE,
    table_name      TEXT NOT NULL,
    row_id          TEXT NOT NULL,
    op              TEXT NOT NULL CHECK (op IN ('upsert', 'delete')),
    fields          TEXT NOT NULL DEFAULT '{}',
    base_rev        INTEGER,
    created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    last_error      TEXT
);
CREATE INDEX sync_outbox_row ON sync_outbox (table_name, row_id);

-- A field both sides changed: the server kept its value; the local one waits here until the user picks.
CREATE TABLE sync_conflicts (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    table_name      TEXT NOT NULL,
    row_id          TEXT NOT NULL,
    column_name     TEXT NOT NULL,
    local_value     TEXT,
    server_value    TEXT,
    server_rev      INTEGER,
    created_at      TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    resolved        INTEGER NOT NULL DEFAULT 0,
    resolution      TEXT
);
CREATE INDEX sync_conflicts_open ON sync_conflicts (resolved, table_name, row_id);

CREATE TRIGGER leads_outbox_insert AFTER INSERT ON leads
WHEN (SELECT replicating = 1 AND applying = 0 FROM sync_control WHERE id = 1)
BEGIN
    INSERT INTO sync_outbox (mutation_id, table_name, row_id, op, fields, base_rev)
    VALUES (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))), 'leads', NEW.id, 'upsert', json_object(
            'owner_id', NEW.owner_id,
            'assigned_to', NEW.assigned_to,
            'name', NEW.name,
            'company', NEW.company,
            'contact_person', NEW.contact_person,
            'title', NEW.title,
            'email', NEW.email,
            'phone', NEW.phone,
            'phone_raw', NEW.phone_raw,
            'website', NEW.website,
            'website_issues', NEW.website_issues,
            'location', NEW.location,
            'status', NEW.status,
            'source', NEW.source,
            'industry', NEW.industry,
            'tags', NEW.tags,
            'notes', NEW.notes,
            'value_minor', NEW.value_minor,
            'currency', NEW.currency,
            'do_not_call', NEW.do_not_call,
            'email_opt_out', NEW.email_opt_out,
            'sms_opt_out', NEW.sms_opt_out,
            'lawful_basis', NEW.lawful_basis,
            'marketing_consent', NEW.marketing_consent,
            'consent_at', NEW.consent_at,
            'ai_profile', NEW.ai_profile,
            'ai_profile_at', NEW.ai_profile_at,
            'ai_profile_model', NEW.ai_profile_model,
            'deal_heat', NEW.deal_heat,
            'field_sources', NEW.field_sources,
            'last_contacted_at', NEW.last_contacted_at,
            'import_job_id', NEW.import_job_id,
            'created_at', NEW.created_at,
            'updated_at', NEW.updated_at,
            'deleted', NEW.deleted), NULL);
END;

CREATE TRIGGER leads_outbox_delete AFTER UPDATE ON leads
WHEN (SELECT replicating = 1 AND applying = 0 FROM sync_control WHERE id = 1) AND NEW.deleted = 1 AND OLD.deleted = 0
BEGIN
    INSERT INTO sync_outbox (mutation_id, table_name, row_id, op, fields, base_rev)
    VALUES (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))), 'leads', NEW.id, 'delete', '{}', OLD.rev);
END;

-- Changed fields only ('$.__same' collects the unchanged ones and is removed again). The engine's own writes
-- (rev after a push) run with applying = 1.
CREATE TRIGGER leads_outbox_update AFTER UPDATE ON leads
WHEN (SELECT replicating = 1 AND applying = 0 FROM sync_control WHERE id = 1) AND NOT (NEW.deleted = 1 AND OLD.deleted = 0)
    AND (NEW.owner_id IS NOT OLD.owner_id OR NEW.assigned_to IS NOT OLD.assigned_to OR NEW.name IS NOT OLD.name OR NEW.company IS NOT OLD.company OR NEW.contact_person IS NOT OLD.contact_person OR NEW.title IS NOT OLD.title OR NEW.email IS NOT OLD.email OR NEW.phone IS NOT OLD.phone OR NEW.phone_raw IS NOT OLD.phone_raw OR NEW.website IS NOT OLD.website OR NEW.website_issues IS NOT OLD.website_issues OR NEW.location IS NOT OLD.location OR NEW.status IS NOT OLD.status OR NEW.source IS NOT OLD.source OR NEW.industry IS NOT OLD.industry OR NEW.tags IS NOT OLD.tags OR NEW.notes IS NOT OLD.notes OR NEW.value_minor IS NOT OLD.value_minor OR NEW.currency IS NOT OLD.currency OR NEW.do_not_call IS NOT OLD.do_not_call OR NEW.email_opt_out IS NOT OLD.email_opt_out OR NEW.sms_opt_out IS NOT OLD.sms_opt_out OR NEW.lawful_basis IS NOT OLD.lawful_basis OR NEW.marketing_consent IS NOT OLD.marketing_consent OR NEW.consent_at IS NOT OLD.consent_at OR NEW.ai_profile IS NOT OLD.ai_profile OR NEW.ai_profile_at IS NOT OLD.ai_profile_at OR NEW.ai_profile_model IS NOT OLD.ai_profile_model OR NEW.deal_heat IS NOT OLD.deal_heat OR NEW.field_sources IS NOT OLD.field_sources OR NEW.last_contacted_at IS NOT OLD.last_contacted_at OR NEW.import_job_id IS NOT OLD.import_job_id OR NEW.created_at IS NOT OLD.created_at OR NEW.deleted IS NOT OLD.deleted)
BEGIN
    INSERT INTO sync_outbox (mutation_id, table_name, row_id, op, fields, base_rev)
    VALUES (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))), 'leads', NEW.id, 'upsert', json_remove(json_set('{}',
            CASE WHEN NEW.owner_id IS NOT OLD.owner_id THEN '$.owner_id' ELSE '$.__same' END, NEW.owner_id,
            CASE WHEN NEW.assigned_to IS NOT OLD.assigned_to THEN '$.assigned_to' ELSE '$.__same' END, NEW.assigned_to,
            CASE WHEN NEW.name IS NOT OLD.name THEN '$.name' ELSE '$.__same' END, NEW.name,
            CASE WHEN NEW.company IS NOT OLD.company THEN '$.company' ELSE '$.__same' END, NEW.company,
            CASE WHEN NEW.contact_person IS NOT OLD.contact_person THEN '$.contact_person' ELSE '$.__same' END, NEW.contact_person,
            CASE WHEN NEW.title IS NOT OLD.title THEN '$.title' ELSE '$.__same' END, NEW.title,
            CASE WHEN NEW.email IS NOT OLD.email THEN '$.email' ELSE '$.__same' END, NEW.email,
            CASE WHEN NEW.phone IS NOT OLD.phone THEN '$.phone' ELSE '$.__same' END, NEW.phone,
            CASE WHEN NEW.phone_raw IS NOT OLD.phone_raw THEN '$.phone_raw' ELSE '$.__same' END, NEW.phone_raw,
            CASE WHEN NEW.website IS NOT OLD.website THEN '$.website' ELSE '$.__same' END, NEW.website,
            CASE WHEN NEW.website_issues IS NOT OLD.website_issues THEN '$.website_issues' ELSE '$.__same' END, NEW.website_issues,
            CASE WHEN NEW.location IS NOT OLD.location THEN '$.location' ELSE '$.__same' END, NEW.location,
            CASE WHEN NEW.status IS NOT OLD.status THEN '$.status' ELSE '$.__same' END, NEW.status,
            CASE WHEN NEW.source IS NOT OLD.source THEN '$.source' ELSE '$.__same' END, NEW.source,
            CASE WHEN NEW.industry IS NOT OLD.industry THEN '$.industry' ELSE '$.__same' END, NEW.industry,
            CASE WHEN NEW.tags IS NOT OLD.tags THEN '$.tags' ELSE '$.__same' END, NEW.tags,
            CASE WHEN NEW.notes IS NOT OLD.notes THEN '$.notes' ELSE '$.__same' END, NEW.notes,
            CASE WHEN NEW.value_minor IS NOT OLD.value_minor THEN '$.value_minor' ELSE '$.__same' END, NEW.value_minor,
            CASE WHEN NEW.currency IS NOT OLD.currency THEN '$.currency' ELSE '$.__same' END, NEW.currency,
            CASE WHEN NEW.do_not_call IS NOT OLD.do_not_call THEN '$.do_not_call' ELSE '$.__same' END, NEW.do_not_call,
            CASE WHEN NEW.email_opt_out IS NOT OLD.email_opt_out THEN '$.email_opt_out' ELSE '$.__same' END, NEW.email_opt_out,
            CASE WHEN NEW.sms_opt_out IS NOT OLD.sms_opt_out THEN '$.sms_opt_out' ELSE '$.__same' END, NEW.sms_opt_out,
            CASE WHEN NEW.lawful_basis IS NOT OLD.lawful_basis THEN '$.lawful_basis' ELSE '$.__same' END, NEW.lawful_basis,
            CASE WHEN NEW.marketing_consent IS NOT OLD.marketing_consent THEN '$.marketing_consent' ELSE '$.__same' END, NEW.marketing_consent,
            CASE WHEN NEW.consent_at IS NOT OLD.consent_at THEN '$.consent_at' ELSE '$.__same' END, NEW.consent_at,
            CASE WHEN NEW.ai_profile IS NOT OLD.ai_profile THEN '$.ai_profile' ELSE '$.__same' END, NEW.ai_profile,
            CASE WHEN NEW.ai_profile_at IS NOT OLD.ai_profile_at THEN '$.ai_profile_at' ELSE '$.__same' END, NEW.ai_profile_at,
            CASE WHEN NEW.ai_profile_model IS NOT OLD.ai_profile_model THEN '$.ai_profile_model' ELSE '$.__same' END, NEW.ai_profile_model,
            CASE WHEN NEW.deal_heat IS NOT OLD.deal_heat THEN '$.deal_heat' ELSE '$.__same' END, NEW.deal_heat,
            CASE WHEN NEW.field_sources IS NOT OLD.field_sources THEN '$.field_sources' ELSE '$.__same' END, NEW.field_sources,
            CASE WHEN NEW.last_contacted_at IS NOT OLD.last_contacted_at THEN '$.last_contacted_at' ELSE '$.__same' END, NEW.last_contacted_at,
            CASE WHEN NEW.import_job_id IS NOT OLD.import_job_id THEN '$.import_job_id' ELSE '$.__same' END, NEW.import_job_id,
            CASE WHEN NEW.created_at IS NOT OLD.created_at THEN '$.created_at' ELSE '$.__same' END, NEW.created_at,
            CASE WHEN NEW.updated_at IS NOT OLD.updated_at THEN '$.updated_at' ELSE '$.__same' END, NEW.updated_at,
            CASE WHEN NEW.deleted IS NOT OLD.deleted THEN '$.deleted' ELSE '$.__same' END, NEW.deleted), '$.__same'),
        min(OLD.rev, NEW.rev));
    -- A write of a lead read before the last pull carries an older rev: it keeps the rev it based on (so the server
    -- reports the fields it changed since as conflicts instead of being overwritten), the row keeps the newer one.
    UPDATE leads SET rev = OLD.rev WHERE id = NEW.id AND NEW.rev < OLD.rev;
END;
