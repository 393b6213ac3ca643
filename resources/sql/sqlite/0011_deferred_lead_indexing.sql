-- Bulk inserts (an import batch, a first sync) index their rows once per batch instead of once per row.
--
-- While deferring = 1 the insert triggers of the search index and of lead_figures stand aside; the writer then
-- indexes the rows it inserted with one INSERT … SELECT each and sets deferring back to 0 before it commits. The
-- flag only ever changes inside the writer's transaction, so no other connection sees it set and a crash rolls it
-- back together with the rows.
CREATE TABLE lead_index_control (
    id        INTEGER PRIMARY KEY CHECK (id = 1),
    deferring INTEGER NOT NULL DEFAULT 0
);
INSERT INTO lead_index_control (id, deferring) VALUES (1, 0);

DROP TRIGGER leads_fts_insert;
CREATE TRIGGER leads_fts_insert AFTER INSERT ON leads
WHEN (SELECT deferring FROM lead_index_control WHERE id = 1) = 0
BEGIN
    INSERT INTO leads_fts (rowid, name, company, contact_person, email, phone, notes, tags)
    VALUES (new.rowid, new.name, new.company, new.contact_person, new.email, new.phone, new.notes, new.tags);
END;

DROP TRIGGER lead_figures_insert;
CREATE TRIGGER lead_figures_insert AFTER INSERT ON leads
WHEN (SELECT deferring FROM lead_index_control WHERE id = 1) = 0
BEGIN
    INSERT INTO lead_figures (lead_rowid, deleted, status, currency, value_minor)
    VALUES (new.rowid, new.deleted, new.status, new.currency, new.value_minor);
END;
