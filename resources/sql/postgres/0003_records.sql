-- Business Hub server schema 3: the pipeline, leads and what hangs off them; the same logical schema as the
-- desktop's resources/sql/sqlite 0001-0004 and 0008 (local-only tables such as FTS indexes, lead_figures,
-- import_errors and import_updates stay on the desktop). JSON columns are jsonb, times timestamptz, money bigint
-- minor units, flags boolean.
--
-- Who sees a lead (seed 002 section 3.2): owners and admins every lead of the org; a manager the leads owned by or
-- assigned to the people of their team; an employee the leads they own or are assigned to. What one may see one
-- may edit; deleting (tombstoning) is for owners and admins. Rows that hang off a lead follow the lead.
SET LOCAL ROLE :"owner_role";

CREATE TABLE hub.pipeline_stages (
    id          text PRIMARY KEY,
    org_id      text NOT NULL REFERENCES hub.organizations (id),
    key         text NOT NULL,
    name        text NOT NULL,
    position    integer NOT NULL,
    color       text NOT NULL,
    is_closed   boolean NOT NULL DEFAULT false,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    rev         bigint NOT NULL DEFAULT 0,
    deleted     boolean NOT NULL DEFAULT false,
    change_xid  xid8 NOT NULL,
    field_revs  jsonb NOT NULL DEFAULT '{}',
    UNIQUE (org_id, key)
);

CREATE TABLE hub.import_jobs (
    id              text PRIMARY KEY,
    org_id          text NOT NULL REFERENCES hub.organizations (id),
    file_name       text NOT NULL,
    file_size       bigint NOT NULL DEFAULT 0,
    encoding        text NOT NULL DEFAULT '',
    delimiter       text NOT NULL DEFAULT ',',
    mapping         jsonb NOT NULL DEFAULT '{}',
    options         jsonb NOT NULL DEFAULT '{}',
    status          text NOT NULL,
    processed_rows  integer NOT NULL DEFAULT 0,
    imported        integer NOT NULL DEFAULT 0,
    updated         integer NOT NULL DEFAULT 0,
    skipped         integer NOT NULL DEFAULT 0,
    failed          integer NOT NULL DEFAULT 0,
    error           text NOT NULL DEFAULT '',
    started_at      timestamptz NOT NULL,
    finished_at     timestamptz,
    undone_at       timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    rev             bigint NOT NULL DEFAULT 0,
    deleted         boolean NOT NULL DEFAULT false,
    change_xid      xid8 NOT NULL,
    field_revs      jsonb NOT NULL DEFAULT '{}'
);

CREATE TABLE hub.leads (
    id                  text PRIMARY KEY,
    org_id              text NOT NULL REFERENCES hub.organizations (id),
    owner_id            text REFERENCES hub.users (id),
    assigned_to         text REFERENCES hub.users (id),
    name                text NOT NULL,
    company             text NOT NULL DEFAULT '',
    contact_person      text NOT NULL DEFAULT '',
    title               text NOT NULL DEFAULT '',
    email               text NOT NULL DEFAULT '',
    phone               text NOT NULL DEFAULT '',
    phone_raw           text NOT NULL DEFAULT '',
    website             text NOT NULL DEFAULT '',
    website_issues      text NOT NULL DEFAULT '',
    location            text NOT NULL DEFAULT '',
    status              text NOT NULL DEFAULT 'new',
    source              text NOT NULL DEFAULT '',
    industry            text NOT NULL DEFAULT '',
    tags                text NOT NULL DEFAULT '',
    notes               text NOT NULL DEFAULT '',
    value_minor         bigint NOT NULL DEFAULT 0,
    currency            text NOT NULL DEFAULT 'EUR',
    do_not_call         boolean NOT NULL DEFAULT false,
    email_opt_out       boolean NOT NULL DEFAULT false,
    sms_opt_out         boolean NOT NULL DEFAULT false,
    lawful_basis        text NOT NULL DEFAULT '',
    marketing_consent   boolean NOT NULL DEFAULT false,
    consent_at          timestamptz,
    ai_profile          jsonb,
    ai_profile_at       timestamptz,
    ai_profile_model    text NOT NULL DEFAULT '',
    deal_heat           smallint CHECK (deal_heat IS NULL OR deal_heat BETWEEN 0 AND 100),
    field_sources       jsonb NOT NULL DEFAULT '{}',
    last_contacted_at   timestamptz,
    import_job_id       text,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    rev                 bigint NOT NULL DEFAULT 0,
    deleted             boolean NOT NULL DEFAULT false,
    change_xid          xid8 NOT NULL,
    field_revs          jsonb NOT NULL DEFAULT '{}'
);

CREATE INDEX leads_org ON hub.leads (org_id);
CREATE INDEX leads_owner ON hub.leads (owner_id);
CREATE INDEX leads_assigned ON hub.leads (assigned_to) WHERE assigned_to IS NOT NULL;
CREATE INDEX leads_import_job ON hub.leads (import_job_id) WHERE import_job_id IS NOT NULL;

-- A lead written without an owner belongs to whoever wrote it (so an employee's new lead stays visible to them).
CREATE FUNCTION hub_private.default_lead_owner() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog AS $$
BEGIN
    IF NEW.owner_id IS NULL THEN
        NEW.owner_id := hub_private.caller_user_id();
    END IF;
    RETURN NEW;
END
$$;

-- Named to fire before stamp_change (triggers fire in name order).
CREATE TRIGGER leads_default_owner BEFORE INSERT ON hub.leads
    FOR EACH ROW EXECUTE FUNCTION hub_private.default_lead_owner();

CREATE TABLE hub.activities (
    id          text PRIMARY KEY,
    org_id      text NOT NULL REFERENCES hub.organizations (id),
    lead_id     text NOT NULL REFERENCES hub.leads (id),
    kind        text NOT NULL,
    body        text NOT NULL DEFAULT '',
    meta        jsonb NOT NULL DEFAULT '{}',
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    rev         bigint NOT NULL DEFAULT 0,
    deleted     boolean NOT NULL DEFAULT false,
    change_xid  xid8 NOT NULL,
    field_revs  jsonb NOT NULL DEFAULT '{}'
);

CREATE INDEX activities_lead ON hub.activities (lead_id, created_at DESC);

CREATE TABLE hub.notifications (
    id          text PRIMARY KEY,
    org_id      text NOT NULL REFERENCES hub.organizations (id),
    title       text NOT NULL,
    body        text NOT NULL DEFAULT '',
    lead_id     text,
    read        boolean NOT NULL DEFAULT false,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    rev         bigint NOT NULL DEFAULT 0,
    deleted     boolean NOT NULL DEFAULT false,
    change_xid  xid8 NOT NULL,
    field_revs  jsonb NOT NULL DEFAULT '{}'
);

CREATE INDEX notifications_lead ON hub.notifications (lead_id) WHERE lead_id IS NOT NULL;

-- Names are not unique across clients: two offline desktops may save the same preset name (DESIGN.md section 4).
CREATE TABLE hub.import_presets (
    id              text PRIMARY KEY,
    org_id          text NOT NULL REFERENCES hub.organizations (id),
    name            text NOT NULL,
    mapping         jsonb NOT NULL DEFAULT '{}',
    default_tags    text NOT NULL DEFAULT '',
    default_owner   text NOT NULL DEFAULT '',
    default_stage   text NOT NULL DEFAULT '',
    duplicates      text NOT NULL DEFAULT 'skip',
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    rev             bigint NOT NULL DEFAULT 0,
    deleted         boolean NOT NULL DEFAULT false,
    change_xid      xid8 NOT NULL,
    field_revs      jsonb NOT NULL DEFAULT '{}'
);

CREATE TABLE hub.merge_log (
    id              text PRIMARY KEY,
    org_id          text NOT NULL REFERENCES hub.organizations (id),
    master_id       text NOT NULL REFERENCES hub.leads (id),
    merged_ids      jsonb NOT NULL DEFAULT '[]',
    field_choices   jsonb NOT NULL DEFAULT '{}',
    before          jsonb NOT NULL DEFAULT '{}',
    moved           jsonb NOT NULL DEFAULT '{}',
    activity_id     text,
    merged_by       text,
    undone_at       timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    rev             bigint NOT NULL DEFAULT 0,
    deleted         boolean NOT NULL DEFAULT false,
    change_xid      xid8 NOT NULL,
    field_revs      jsonb NOT NULL DEFAULT '{}'
);

CREATE INDEX merge_log_master ON hub.merge_log (master_id, created_at DESC);

SELECT hub_private.make_synced('pipeline_stages', 'admin_delete', true);
SELECT hub_private.make_synced('import_jobs', 'admin_delete', true);
SELECT hub_private.make_synced('leads', 'admin_delete', true);
SELECT hub_private.make_synced('activities', 'admin_delete', true);
SELECT hub_private.make_synced('notifications', 'member_delete', true);
SELECT hub_private.make_synced('import_presets', 'member_delete', true);
SELECT hub_private.make_synced('merge_log', 'admin_delete', true);

-- Org settings: every member reads them, owners and admins change them.
CREATE POLICY pipeline_stages_read ON hub.pipeline_stages FOR SELECT TO :"member_role"
    USING (org_id IN (SELECT hub_private.caller_org_ids()));
CREATE POLICY pipeline_stages_admin ON hub.pipeline_stages TO :"member_role"
    USING (org_id IN (SELECT hub_private.caller_admin_org_ids()))
    WITH CHECK (org_id IN (SELECT hub_private.caller_admin_org_ids()));

-- Imports and their presets belong to the org; any member may run one.
CREATE POLICY import_jobs_member ON hub.import_jobs TO :"member_role"
    USING (org_id IN (SELECT hub_private.caller_org_ids()))
    WITH CHECK (org_id IN (SELECT hub_private.caller_org_ids()));
CREATE POLICY import_presets_member ON hub.import_presets TO :"member_role"
    USING (org_id IN (SELECT hub_private.caller_org_ids()))
    WITH CHECK (org_id IN (SELECT hub_private.caller_org_ids()));

-- The same rule for reading, writing and (subject to the delete rule) tombstoning. The scalar sub-selects run
-- once per statement, not once per row.
CREATE POLICY leads_member ON hub.leads TO :"member_role"
    USING (
        org_id IN (SELECT hub_private.caller_admin_org_ids())
        OR (org_id IN (SELECT hub_private.caller_org_ids()) AND (
               owner_id = (SELECT hub_private.caller_user_id())
            OR assigned_to = (SELECT hub_private.caller_user_id())
            OR (org_id, owner_id) IN (SELECT t.org_id, t.user_id FROM hub_private.caller_team_members() t)
            OR (org_id, assigned_to) IN (SELECT t.org_id, t.user_id FROM hub_private.caller_team_members() t))))
    WITH CHECK (
        org_id IN (SELECT hub_private.caller_admin_org_ids())
        OR (org_id IN (SELECT hub_private.caller_org_ids()) AND (
               owner_id = (SELECT hub_private.caller_user_id())
            OR assigned_to = (SELECT hub_private.caller_user_id())
            OR (org_id, owner_id) IN (SELECT t.org_id, t.user_id FROM hub_private.caller_team_members() t)
            OR (org_id, assigned_to) IN (SELECT t.org_id, t.user_id FROM hub_private.caller_team_members() t))));

-- Rows of a lead are visible and writable exactly when the lead is (its own policy decides, for the caller).
CREATE POLICY activities_member ON hub.activities TO :"member_role"
    USING (org_id IN (SELECT hub_private.caller_admin_org_ids())
        OR (org_id IN (SELECT hub_private.caller_org_ids())
            AND EXISTS (SELECT 1 FROM hub.leads l WHERE l.id = activities.lead_id)))
    WITH CHECK (org_id IN (SELECT hub_private.caller_admin_org_ids())
        OR (org_id IN (SELECT hub_private.caller_org_ids())
            AND EXISTS (SELECT 1 FROM hub.leads l WHERE l.id = activities.lead_id)));

CREATE POLICY merge_log_member ON hub.merge_log TO :"member_role"
    USING (org_id IN (SELECT hub_private.caller_admin_org_ids())
        OR (org_id IN (SELECT hub_private.caller_org_ids())
            AND EXISTS (SELECT 1 FROM hub.leads l WHERE l.id = merge_log.master_id)))
    WITH CHECK (org_id IN (SELECT hub_private.caller_admin_org_ids())
        OR (org_id IN (SELECT hub_private.caller_org_ids())
            AND EXISTS (SELECT 1 FROM hub.leads l WHERE l.id = merge_log.master_id)));

-- Notifications about a lead follow the lead; the others are for the whole org. Anyone may dismiss (delete) one.
CREATE POLICY notifications_member ON hub.notifications TO :"member_role"
    USING (org_id IN (SELECT hub_private.caller_admin_org_ids())
        OR (org_id IN (SELECT hub_private.caller_org_ids())
            AND (lead_id IS NULL OR EXISTS (SELECT 1 FROM hub.leads l WHERE l.id = notifications.lead_id))))
    WITH CHECK (org_id IN (SELECT hub_private.caller_admin_org_ids())
        OR (org_id IN (SELECT hub_private.caller_org_ids())
            AND (lead_id IS NULL OR EXISTS (SELECT 1 FROM hub.leads l WHERE l.id = notifications.lead_id))));

GRANT SELECT, INSERT, UPDATE, DELETE ON hub.pipeline_stages, hub.import_jobs, hub.leads, hub.activities,
    hub.notifications, hub.import_presets, hub.merge_log TO :"member_role";
REVOKE ALL ON FUNCTION hub_private.default_lead_owner() FROM PUBLIC;

INSERT INTO hub.schema_migrations (version, name) VALUES (3, 'records');
