-- Duplicate merges (DESIGN.md section 3: merge log). Each row holds what "Undo merge" needs: the master's full row
-- as it was, the tombstoned duplicates, the user's field choices and the rows moved from each duplicate.

CREATE TABLE merge_log (
    id              TEXT PRIMARY KEY,
    org_id          TEXT NOT NULL REFERENCES organizations(id),
    master_id       TEXT NOT NULL REFERENCES leads(id),
    merged_ids      TEXT NOT NULL DEFAULT '[]', -- JSON array of the duplicates' ids
    field_choices   TEXT NOT NULL DEFAULT '{}', -- JSON: column -> id of the lead whose value won
    before          TEXT NOT NULL DEFAULT '{}', -- JSON: the master's full row before the merge
    moved           TEXT NOT NULL DEFAULT '{}', -- JSON: table -> { id of the duplicate -> [row ids] }
    activity_id     TEXT, -- the "merged" entry on the master's timeline
    merged_by       TEXT,
    undone_at       TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    rev             INTEGER NOT NULL DEFAULT 0,
    deleted         INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX merge_log_master ON merge_log (master_id, created_at DESC);
CREATE INDEX merge_log_created ON merge_log (created_at DESC);

-- A merge moves a duplicate's rows by lead_id; activities already have an index that starts with it.
CREATE INDEX notifications_lead ON notifications (lead_id) WHERE lead_id IS NOT NULL;
