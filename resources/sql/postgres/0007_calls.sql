-- Business Hub server schema 7: AI calling (issue #6): calls, agent runs and their queues; the same logical schema
-- as the desktop's resources/sql/sqlite 0013. Monitor URLs of live calls are bearer secrets and are never stored.
SET LOCAL ROLE :"owner_role";

CREATE TABLE hub.calls (
    id                  text PRIMARY KEY,
    org_id              text NOT NULL REFERENCES hub.organizations (id),
    lead_id             text NOT NULL REFERENCES hub.leads (id),
    agent_run_id        text,
    script_id           text,
    provider            text NOT NULL CHECK (provider IN ('vapi', 'twilio')),
    provider_call_id    text,
    status              text NOT NULL DEFAULT 'queued'
                            CHECK (status IN ('queued', 'ringing', 'in-progress', 'completed', 'failed')),
    outcome             text NOT NULL DEFAULT ''
                            CHECK (outcome IN ('', 'booked', 'follow-up', 'not-interested', 'no-answer')),
    sentiment           text NOT NULL DEFAULT '',
    duration_s          integer NOT NULL DEFAULT 0,
    summary             text NOT NULL DEFAULT '',
    transcript          text NOT NULL DEFAULT '',
    recording_url       text NOT NULL DEFAULT '',
    cost                double precision NOT NULL DEFAULT 0,
    ended_reason        text NOT NULL DEFAULT '',
    error_reason        text NOT NULL DEFAULT '',
    notes               text NOT NULL DEFAULT '',
    started_at          timestamptz,
    ended_at            timestamptz,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    rev                 bigint NOT NULL DEFAULT 0,
    deleted             boolean NOT NULL DEFAULT false,
    change_xid          xid8 NOT NULL,
    field_revs          jsonb NOT NULL DEFAULT '{}'
);

CREATE INDEX calls_lead ON hub.calls (lead_id, created_at DESC);
CREATE INDEX calls_org_created ON hub.calls (org_id, created_at DESC);
CREATE INDEX calls_active ON hub.calls (status) WHERE status IN ('queued', 'ringing', 'in-progress');
CREATE INDEX calls_provider_call ON hub.calls (provider, provider_call_id);

CREATE TABLE hub.agent_runs (
    id              text PRIMARY KEY,
    org_id          text NOT NULL REFERENCES hub.organizations (id),
    name            text NOT NULL,
    script_id       text,
    script_json     jsonb NOT NULL DEFAULT '{}',
    provider        text NOT NULL DEFAULT 'vapi' CHECK (provider IN ('vapi', 'twilio')),
    status          text NOT NULL DEFAULT 'idle' CHECK (status IN ('idle', 'running', 'paused', 'completed', 'failed')),
    delay_ms        integer NOT NULL DEFAULT 5000 CHECK (delay_ms >= 0),
    max_retries     integer NOT NULL DEFAULT 1 CHECK (max_retries >= 0),
    started_at      timestamptz,
    completed_at    timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    rev             bigint NOT NULL DEFAULT 0,
    deleted         boolean NOT NULL DEFAULT false,
    change_xid      xid8 NOT NULL,
    field_revs      jsonb NOT NULL DEFAULT '{}'
);

-- Workers that run agents (businesshub-server) claim rows with SELECT … FOR UPDATE SKIP LOCKED (DESIGN.md §1).
CREATE TABLE hub.agent_queue (
    id              text PRIMARY KEY,
    org_id          text NOT NULL REFERENCES hub.organizations (id),
    agent_run_id    text NOT NULL REFERENCES hub.agent_runs (id),
    lead_id         text NOT NULL REFERENCES hub.leads (id),
    position        integer NOT NULL,
    state           text NOT NULL DEFAULT 'pending'
                        CHECK (state IN ('pending', 'retry', 'calling', 'done', 'no-answer', 'failed', 'skipped')),
    attempts        integer NOT NULL DEFAULT 0,
    call_id         text,
    outcome         text NOT NULL DEFAULT '',
    next_attempt_at timestamptz,
    reason          text NOT NULL DEFAULT '',
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    rev             bigint NOT NULL DEFAULT 0,
    deleted         boolean NOT NULL DEFAULT false,
    change_xid      xid8 NOT NULL,
    field_revs      jsonb NOT NULL DEFAULT '{}',
    UNIQUE (agent_run_id, lead_id)
);

CREATE INDEX agent_queue_run ON hub.agent_queue (agent_run_id, state, position);

SELECT hub_private.make_synced('calls', 'admin_delete', true);
SELECT hub_private.make_synced('agent_runs', 'admin_delete', true);
SELECT hub_private.make_synced('agent_queue', 'admin_delete', true);

-- A call follows its lead: visible and writable exactly when the lead is.
CREATE POLICY calls_member ON hub.calls TO :"member_role"
    USING (org_id IN (SELECT hub_private.caller_admin_org_ids())
        OR (org_id IN (SELECT hub_private.caller_org_ids())
            AND EXISTS (SELECT 1 FROM hub.leads l WHERE l.id = calls.lead_id)))
    WITH CHECK (org_id IN (SELECT hub_private.caller_admin_org_ids())
        OR (org_id IN (SELECT hub_private.caller_org_ids())
            AND EXISTS (SELECT 1 FROM hub.leads l WHERE l.id = calls.lead_id)));

-- Agents belong to the org; any member may run one. Queue rows follow their lead like calls.
CREATE POLICY agent_runs_member ON hub.agent_runs TO :"member_role"
    USING (org_id IN (SELECT hub_private.caller_org_ids()))
    WITH CHECK (org_id IN (SELECT hub_private.caller_org_ids()));
CREATE POLICY agent_queue_member ON hub.agent_queue TO :"member_role"
    USING (org_id IN (SELECT hub_private.caller_admin_org_ids())
        OR (org_id IN (SELECT hub_private.caller_org_ids())
            AND EXISTS (SELECT 1 FROM hub.leads l WHERE l.id = agent_queue.lead_id)))
    WITH CHECK (org_id IN (SELECT hub_private.caller_admin_org_ids())
        OR (org_id IN (SELECT hub_private.caller_org_ids())
            AND EXISTS (SELECT 1 FROM hub.leads l WHERE l.id = agent_queue.lead_id)));

GRANT SELECT, INSERT, UPDATE, DELETE ON hub.calls, hub.agent_runs, hub.agent_queue TO :"member_role";

INSERT INTO hub.schema_migrations (version, name) VALUES (7, 'calls');
