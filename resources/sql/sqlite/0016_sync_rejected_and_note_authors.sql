-- Team mode: changes the server will never take, and who wrote a timeline entry (DESIGN.md section 4).
--
-- A change to a lead the member may no longer see (reassigned to someone else while the change waited in the
-- outbox) is refused by the server every time it is pushed. The sync engine moves such entries here with the reason,
-- so they stop holding up the outbox and the user reads what was not applied (Sync → Conflicts) until dismissed.
CREATE TABLE sync_rejected (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    mutation_id     TEXT NOT NULL,
    table_name      TEXT NOT NULL,
    row_id          TEXT NOT NULL,
    op              TEXT NOT NULL,
    fields          TEXT NOT NULL DEFAULT '{}',
    base_rev        INTEGER,
    reason          TEXT NOT NULL,
    message         TEXT NOT NULL,
    rejected_at     TEXT NOT NULL,
    dismissed       INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX sync_rejected_open ON sync_rejected (dismissed, id);

-- The server fills in the author of a timeline entry (hub.activities.created_by, server schema 8); owners, admins
-- and the author of a note may delete it.
ALTER TABLE activities ADD COLUMN created_by TEXT;
-- A replica learns the authors of the entries it already holds with one more full copy of the timeline.
DELETE FROM sync_state WHERE table_name = 'activities';
