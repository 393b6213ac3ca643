-- Deal Desk proposals (DESIGN.md section 3: synced tables). Money is integer minor units; sections and pricing
-- lines are JSON arrays the app reads as a whole, so they are not split into tables of their own.

CREATE TABLE proposals (
    id                  TEXT PRIMARY KEY,
    org_id              TEXT NOT NULL REFERENCES organizations(id),
    lead_id             TEXT NOT NULL REFERENCES leads(id),
    title               TEXT NOT NULL,
    status              TEXT NOT NULL DEFAULT 'draft'
                            CHECK (status IN ('draft', 'sent', 'accepted', 'rejected')),
    currency            TEXT NOT NULL DEFAULT 'EUR',
    valid_until         TEXT, -- ISO date (yyyy-MM-dd)
    sent_at             TEXT,
    accepted_at         TEXT,
    rejected_at         TEXT,
    rejection_reason    TEXT NOT NULL DEFAULT '',
    sections            TEXT NOT NULL DEFAULT '[]', -- JSON: [{title, html}]
    lines               TEXT NOT NULL DEFAULT '[]', -- JSON: [{item, quantity_milli, unit_price_minor, tax_rate_bp}]
    created_at          TEXT NOT NULL,
    updated_at          TEXT NOT NULL,
    rev                 INTEGER NOT NULL DEFAULT 0,
    deleted             INTEGER NOT NULL DEFAULT 0
);

CREATE INDEX proposals_lead ON proposals (lead_id);
CREATE INDEX proposals_status ON proposals (deleted, status);
