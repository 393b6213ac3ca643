-- Count and value of the live leads per stage and currency, kept up to date by triggers: the list's and each Kanban
-- column's totals, the currencies in use and the Deal Desk's open pipeline read a handful of rows here.
--
-- It replaces the two covering indexes of 0002 (leads_stage_totals, leads_totals). Their keys end in value_minor, so
-- every new lead went into the middle of both B-trees: a sixth of an import's database work. A stage keeps its row
-- when its last lead leaves (leads = 0); readers skip such rows.
CREATE TABLE lead_totals (
    status      TEXT NOT NULL,
    currency    TEXT NOT NULL,
    leads       INTEGER NOT NULL,
    value_minor INTEGER NOT NULL,
    PRIMARY KEY (status, currency)
) WITHOUT ROWID;

INSERT INTO lead_totals (status, currency, leads, value_minor)
SELECT status, currency, count(*), sum(value_minor) FROM leads WHERE deleted = 0 GROUP BY status, currency;

-- One insert trigger now writes all three things derived from a new lead: its search index entry (0009), its
-- lead_figures row (0002) and its totals. Each trigger a row fires costs a sub-program call and its WHEN query,
-- whether it then does anything or not: bulk inserts (0011) defer the work and add their batch with one statement
-- each, and three such triggers cost them a tenth of their time doing nothing.
DROP TRIGGER leads_fts_insert;
DROP TRIGGER lead_figures_insert;
CREATE TRIGGER lead_derived_insert AFTER INSERT ON leads
WHEN (SELECT deferring FROM lead_index_control WHERE id = 1) = 0
BEGIN
    INSERT INTO leads_fts (rowid, name, company, contact_person, email, phone, notes, tags)
    VALUES (new.rowid, new.name, new.company, new.contact_person, new.email, new.phone, new.notes, new.tags);
    INSERT INTO lead_figures (lead_rowid, deleted, status, currency, value_minor)
    VALUES (new.rowid, new.deleted, new.status, new.currency, new.value_minor);
    INSERT INTO lead_totals (status, currency, leads, value_minor)
    SELECT new.status, new.currency, 1, new.value_minor WHERE new.deleted = 0
    ON CONFLICT (status, currency) DO UPDATE SET leads = leads + 1, value_minor = value_minor + excluded.value_minor;
END;

CREATE TRIGGER lead_totals_update AFTER UPDATE OF deleted, status, currency, value_minor ON leads
BEGIN
    UPDATE lead_totals SET leads = leads - 1, value_minor = value_minor - old.value_minor
    WHERE old.deleted = 0 AND status = old.status AND currency = old.currency;
    INSERT INTO lead_totals (status, currency, leads, value_minor)
    SELECT new.status, new.currency, 1, new.value_minor WHERE new.deleted = 0
    ON CONFLICT (status, currency) DO UPDATE SET leads = leads + 1, value_minor = value_minor + excluded.value_minor;
END;

CREATE TRIGGER lead_totals_delete AFTER DELETE ON leads WHEN old.deleted = 0
BEGIN
    UPDATE lead_totals SET leads = leads - 1, value_minor = value_minor - old.value_minor
    WHERE status = old.status AND currency = old.currency;
END;

DROP INDEX leads_stage_totals;
DROP INDEX leads_totals;
