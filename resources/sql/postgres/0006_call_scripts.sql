-- Business Hub server schema 6: call scripts, the objection library and playbooks (issue #6); the same logical
-- schema as the desktop's resources/sql/sqlite 0014. Lists inside a script are jsonb, money bigint minor units.
--
-- Scripts, objections and playbooks are the org's shared sales material: every member reads and uses them and may
-- write them (a caller refines the script they call with); tombstoning is for owners and admins. Links follow their
-- script.
SET LOCAL ROLE :"owner_role";

CREATE TABLE hub.call_scripts (
    id                  text PRIMARY KEY,
    org_id              text NOT NULL REFERENCES hub.organizations (id),
    name                text NOT NULL,
    purpose             text NOT NULL DEFAULT '',
    industry            text NOT NULL DEFAULT '',
    opening_line        text NOT NULL DEFAULT '',
    talking_points      jsonb NOT NULL DEFAULT '[]',
    objection_handlers  jsonb NOT NULL DEFAULT '[]',
    rate_min_minor      bigint NOT NULL DEFAULT 0 CHECK (rate_min_minor >= 0),
    rate_max_minor      bigint NOT NULL DEFAULT 0,
    currency            text NOT NULL DEFAULT 'USD',
    closing_strategy    text NOT NULL DEFAULT '',
    voice_id            text NOT NULL DEFAULT '',
    llm_model           text NOT NULL DEFAULT '',
    language            text NOT NULL DEFAULT 'en',
    temperature         double precision NOT NULL DEFAULT 0.7 CHECK (temperature BETWEEN 0 AND 2),
    usage_count         integer NOT NULL DEFAULT 0 CHECK (usage_count >= 0),
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    rev                 bigint NOT NULL DEFAULT 0,
    deleted             boolean NOT NULL DEFAULT false,
    change_xid          xid8 NOT NULL,
    field_revs          jsonb NOT NULL DEFAULT '{}',
    CHECK (rate_max_minor >= rate_min_minor)
);

CREATE INDEX call_scripts_org ON hub.call_scripts (org_id, name);

CREATE TABLE hub.playbooks (
    id          text PRIMARY KEY,
    org_id      text NOT NULL REFERENCES hub.organizations (id),
    name        text NOT NULL,
    description text NOT NULL DEFAULT '',
    stage_key   text NOT NULL DEFAULT '',
    content     jsonb NOT NULL DEFAULT '{}',
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    rev         bigint NOT NULL DEFAULT 0,
    deleted     boolean NOT NULL DEFAULT false,
    change_xid  xid8 NOT NULL,
    field_revs  jsonb NOT NULL DEFAULT '{}'
);

CREATE INDEX playbooks_org ON hub.playbooks (org_id, name);

CREATE TABLE hub.objections (
    id              text PRIMARY KEY,
    org_id          text NOT NULL REFERENCES hub.organizations (id),
    objection       text NOT NULL,
    response        text NOT NULL,
    category        text NOT NULL DEFAULT '',
    tags            jsonb NOT NULL DEFAULT '[]',
    playbook_ids    jsonb NOT NULL DEFAULT '[]',
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    rev             bigint NOT NULL DEFAULT 0,
    deleted         boolean NOT NULL DEFAULT false,
    change_xid      xid8 NOT NULL,
    field_revs      jsonb NOT NULL DEFAULT '{}'
);

CREATE INDEX objections_org ON hub.objections (org_id, category);

CREATE TABLE hub.call_script_objections (
    id              text PRIMARY KEY,
    org_id          text NOT NULL REFERENCES hub.organizations (id),
    script_id       text NOT NULL REFERENCES hub.call_scripts (id),
    objection_id    text NOT NULL REFERENCES hub.objections (id),
    position        integer NOT NULL DEFAULT 0,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    rev             bigint NOT NULL DEFAULT 0,
    deleted         boolean NOT NULL DEFAULT false,
    change_xid      xid8 NOT NULL,
    field_revs      jsonb NOT NULL DEFAULT '{}'
);

CREATE INDEX call_script_objections_script ON hub.call_script_objections (script_id, position);
CREATE INDEX call_script_objections_objection ON hub.call_script_objections (objection_id);

SELECT hub_private.make_synced('call_scripts', 'admin_delete', true);
SELECT hub_private.make_synced('playbooks', 'admin_delete', true);
SELECT hub_private.make_synced('objections', 'admin_delete', true);
SELECT hub_private.make_synced('call_script_objections', 'member_delete', true);

CREATE POLICY call_scripts_member ON hub.call_scripts TO :"member_role"
    USING (org_id IN (SELECT hub_private.caller_org_ids()))
    WITH CHECK (org_id IN (SELECT hub_private.caller_org_ids()));
CREATE POLICY playbooks_member ON hub.playbooks TO :"member_role"
    USING (org_id IN (SELECT hub_private.caller_org_ids()))
    WITH CHECK (org_id IN (SELECT hub_private.caller_org_ids()));
CREATE POLICY objections_member ON hub.objections TO :"member_role"
    USING (org_id IN (SELECT hub_private.caller_org_ids()))
    WITH CHECK (org_id IN (SELECT hub_private.caller_org_ids()));
-- A link lives in its script's org and points at that org's objection.
CREATE POLICY call_script_objections_member ON hub.call_script_objections TO :"member_role"
    USING (org_id IN (SELECT hub_private.caller_org_ids()))
    WITH CHECK (org_id IN (SELECT hub_private.caller_org_ids())
        AND EXISTS (SELECT 1 FROM hub.call_scripts s WHERE s.id = call_script_objections.script_id
                    AND s.org_id = call_script_objections.org_id)
        AND EXISTS (SELECT 1 FROM hub.objections o WHERE o.id = call_script_objections.objection_id
                    AND o.org_id = call_script_objections.org_id));

GRANT SELECT, INSERT, UPDATE, DELETE ON hub.call_scripts, hub.playbooks, hub.objections, hub.call_script_objections
    TO :"member_role";

INSERT INTO hub.schema_migrations (version, name) VALUES (6, 'call_scripts');
