-- Lead lists at 100,000 leads (DESIGN.md section 10: search p95 < 30 ms, Kanban column < 50 ms).

-- Search from the first keystroke: a one-character prefix ("c"*) is answered from its own prefix index instead
-- of merging the doclists of every term that starts with that letter.
DROP TABLE leads_fts;

CREATE VIRTUAL TABLE leads_fts USING fts5 (
    name, company, contact_person, email, phone, notes, tags,
    content = 'leads', content_rowid = 'rowid',
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '1 2 3'
);

INSERT INTO leads_fts (leads_fts) VALUES ('rebuild');

-- The figures a list adds up (count and value per currency), keyed by leads.rowid like leads_fts. A search
-- can match most leads; summing over these narrow rows is several times cheaper than visiting the wide lead rows.
CREATE TABLE lead_figures (
    lead_rowid  INTEGER PRIMARY KEY,
    deleted     INTEGER NOT NULL,
    status      TEXT NOT NULL,
    currency    TEXT NOT NULL,
    value_minor INTEGER NOT NULL
);

INSERT INTO lead_figures (lead_rowid, deleted, status, currency, value_minor)
SELECT rowid, deleted, status, currency, value_minor FROM leads;

CREATE TRIGGER lead_figures_insert AFTER INSERT ON leads BEGIN
    INSERT INTO lead_figures (lead_rowid, deleted, status, currency, value_minor)
    VALUES (new.rowid, new.deleted, new.status, new.currency, new.value_minor);
END;

CREATE TRIGGER lead_figures_update AFTER UPDATE OF deleted, status, currency, value_minor ON leads BEGIN
    UPDATE lead_figures SET deleted = new.deleted, status = new.status, currency = new.currency,
        value_minor = new.value_minor
    WHERE lead_rowid = new.rowid;
END;

CREATE TRIGGER lead_figures_delete AFTER DELETE ON leads BEGIN
    DELETE FROM lead_figures WHERE lead_rowid = old.rowid;
END;

-- Count and value totals straight from an index, already grouped by currency: of a Kanban column, and of the
-- whole list (which also lists the currencies in use with one index seek per currency).
CREATE INDEX leads_stage_totals ON leads (deleted, status, currency, value_minor);
CREATE INDEX leads_totals ON leads (deleted, currency, value_minor);
