-- Business Hub server schema 4: proposals, lead intelligence, the services price list and the AI usage ledger
-- with its budgets; the same logical schema as the desktop's resources/sql/sqlite 0006-0008.
SET LOCAL ROLE :"owner_role";

-- Every AI call that reached a provider; month-to-date spend is a sum over these (costs in millionths).
CREATE TABLE hub.ai_usage (
    id              text PRIMARY KEY,
    org_id          text NOT NULL REFERENCES hub.organizations (id),
    user_id         text,
    feature         text NOT NULL,
    model           text NOT NULL DEFAULT '',
    prompt_version  text NOT NULL DEFAULT '',
    input_tokens    bigint NOT NULL DEFAULT 0,
    output_tokens   bigint NOT NULL DEFAULT 0,
    cost_micros     bigint NOT NULL DEFAULT 0,
    lead_id         text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    rev             bigint NOT NULL DEFAULT 0,
    deleted         boolean NOT NULL DEFAULT false,
    change_xid      xid8 NOT NULL,
    field_revs      jsonb NOT NULL DEFAULT '{}'
);

CREATE INDEX ai_usage_org_created ON hub.ai_usage (org_id, created_at);
CREATE INDEX ai_usage_user_created ON hub.ai_usage (org_id, user_id, created_at);

-- One row per org (user_id NULL: the org-wide limit) and per user with a personal limit.
CREATE TABLE hub.ai_budgets (
    id                  text PRIMARY KEY,
    org_id              text NOT NULL REFERENCES hub.organizations (id),
    user_id             text,
    month_limit_micros  bigint NOT NULL,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    rev                 bigint NOT NULL DEFAULT 0,
    deleted             boolean NOT NULL DEFAULT false,
    change_xid          xid8 NOT NULL,
    field_revs          jsonb NOT NULL DEFAULT '{}'
);

CREATE UNIQUE INDEX ai_budgets_scope ON hub.ai_budgets (org_id, coalesce(user_id, '')) WHERE NOT deleted;

CREATE TABLE hub.proposals (
    id                  text PRIMARY KEY,
    org_id              text NOT NULL REFERENCES hub.organizations (id),
    lead_id             text NOT NULL REFERENCES hub.leads (id),
    title               text NOT NULL,
    status              text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'sent', 'accepted', 'rejected')),
    currency            text NOT NULL DEFAULT 'EUR',
    valid_until         date,
    sent_at             timestamptz,
    accepted_at         timestamptz,
    rejected_at         timestamptz,
    rejection_reason    text NOT NULL DEFAULT '',
    sections            jsonb NOT NULL DEFAULT '[]',
    lines               jsonb NOT NULL DEFAULT '[]',
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    rev                 bigint NOT NULL DEFAULT 0,
    deleted             boolean NOT NULL DEFAULT false,
    change_xid          xid8 NOT NULL,
    field_revs          jsonb NOT NULL DEFAULT '{}'
);

CREATE INDEX proposals_lead ON hub.proposals (lead_id);

-- The latest analysis of a lead; list fields are JSON arrays of strings.
CREATE TABLE hub.lead_intelligence (
    id                      text PRIMARY KEY,
    org_id                  text NOT NULL REFERENCES hub.organizations (id),
    lead_id                 text NOT NULL UNIQUE REFERENCES hub.leads (id),
    deal_heat               smallint CHECK (deal_heat IS NULL OR deal_heat BETWEEN 0 AND 100),
    buying_intent           text NOT NULL DEFAULT ''
                                CHECK (buying_intent IN ('', 'low', 'medium', 'high', 'critical')),
    budget                  text NOT NULL DEFAULT '',
    timeline                text NOT NULL DEFAULT '',
    decision_maker          text NOT NULL DEFAULT '',
    pain_points             jsonb NOT NULL DEFAULT '[]',
    key_insights            jsonb NOT NULL DEFAULT '[]',
    risks                   jsonb NOT NULL DEFAULT '[]',
    next_best_action        text NOT NULL DEFAULT '',
    summary                 text NOT NULL DEFAULT '',
    fields_used             jsonb NOT NULL DEFAULT '[]',
    estimated_value_minor   bigint,
    model                   text NOT NULL DEFAULT '',
    prompt_version          text NOT NULL DEFAULT '',
    analyzed_at             timestamptz NOT NULL,
    created_at              timestamptz NOT NULL DEFAULT now(),
    updated_at              timestamptz NOT NULL DEFAULT now(),
    rev                     bigint NOT NULL DEFAULT 0,
    deleted                 boolean NOT NULL DEFAULT false,
    change_xid              xid8 NOT NULL,
    field_revs              jsonb NOT NULL DEFAULT '{}'
);

CREATE TABLE hub.services_catalog (
    id          text PRIMARY KEY,
    org_id      text NOT NULL REFERENCES hub.organizations (id),
    name        text NOT NULL,
    price_minor bigint NOT NULL DEFAULT 0 CHECK (price_minor >= 0),
    currency    text NOT NULL DEFAULT 'EUR',
    keywords    jsonb NOT NULL DEFAULT '[]',
    active      boolean NOT NULL DEFAULT true,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    rev         bigint NOT NULL DEFAULT 0,
    deleted     boolean NOT NULL DEFAULT false,
    change_xid  xid8 NOT NULL,
    field_revs  jsonb NOT NULL DEFAULT '{}'
);

CREATE INDEX services_catalog_org ON hub.services_catalog (org_id, name);

SELECT hub_private.make_synced('ai_usage', 'admin_delete', false);
SELECT hub_private.make_synced('ai_budgets', 'admin_delete', true);
SELECT hub_private.make_synced('proposals', 'admin_delete', true);
SELECT hub_private.make_synced('lead_intelligence', 'admin_delete', true);
SELECT hub_private.make_synced('services_catalog', 'admin_delete', true);

-- The ledger is read by the whole org (budget checks sum the org's month); each member records their own calls.
CREATE POLICY ai_usage_read ON hub.ai_usage FOR SELECT TO :"member_role"
    USING (org_id IN (SELECT hub_private.caller_org_ids()));
CREATE POLICY ai_usage_record ON hub.ai_usage FOR INSERT TO :"member_role"
    WITH CHECK (org_id IN (SELECT hub_private.caller_org_ids())
        AND (user_id IS NULL OR user_id = (SELECT hub_private.caller_user_id())));

CREATE POLICY ai_budgets_read ON hub.ai_budgets FOR SELECT TO :"member_role"
    USING (org_id IN (SELECT hub_private.caller_org_ids()));
CREATE POLICY ai_budgets_admin ON hub.ai_budgets TO :"member_role"
    USING (org_id IN (SELECT hub_private.caller_admin_org_ids()))
    WITH CHECK (org_id IN (SELECT hub_private.caller_admin_org_ids()));

CREATE POLICY services_catalog_read ON hub.services_catalog FOR SELECT TO :"member_role"
    USING (org_id IN (SELECT hub_private.caller_org_ids()));
CREATE POLICY services_catalog_admin ON hub.services_catalog TO :"member_role"
    USING (org_id IN (SELECT hub_private.caller_admin_org_ids()))
    WITH CHECK (org_id IN (SELECT hub_private.caller_admin_org_ids()));

CREATE POLICY proposals_member ON hub.proposals TO :"member_role"
    USING (org_id IN (SELECT hub_private.caller_admin_org_ids())
        OR (org_id IN (SELECT hub_private.caller_org_ids())
            AND EXISTS (SELECT 1 FROM hub.leads l WHERE l.id = proposals.lead_id)))
    WITH CHECK (org_id IN (SELECT hub_private.caller_admin_org_ids())
        OR (org_id IN (SELECT hub_private.caller_org_ids())
            AND EXISTS (SELECT 1 FROM hub.leads l WHERE l.id = proposals.lead_id)));

CREATE POLICY lead_intelligence_member ON hub.lead_intelligence TO :"member_role"
    USING (org_id IN (SELECT hub_private.caller_admin_org_ids())
        OR (org_id IN (SELECT hub_private.caller_org_ids())
            AND EXISTS (SELECT 1 FROM hub.leads l WHERE l.id = lead_intelligence.lead_id)))
    WITH CHECK (org_id IN (SELECT hub_private.caller_admin_org_ids())
        OR (org_id IN (SELECT hub_private.caller_org_ids())
            AND EXISTS (SELECT 1 FROM hub.leads l WHERE l.id = lead_intelligence.lead_id)));

GRANT SELECT, INSERT ON hub.ai_usage TO :"member_role";
GRANT SELECT, INSERT, UPDATE, DELETE ON hub.ai_budgets, hub.proposals, hub.lead_intelligence, hub.services_catalog
    TO :"member_role";

INSERT INTO hub.schema_migrations (version, name) VALUES (4, 'deals_and_ai');
