-- Business Hub server schema 1: who is who, and the change machinery every synced table shares.
--
-- Applied after setup/prepare_database.sql, in one transaction, with the psql variables owner_role, member_role
-- and login_prefix (see installer/server/README.md). Every object is created by, and owned by, the NOLOGIN owner
-- role; people log in with their own roles, which are members of member_role and never own a table.
--
-- Synced tables (DESIGN.md sections 3 and 4) carry id, org_id, created_at, updated_at and rev (the global change
-- number, stamped by a trigger; clients never choose it), deleted (a tombstone: DELETE is turned into
-- "deleted = true"), change_xid (the writing transaction, for pulls that lose nothing to out-of-order commits) and
-- field_revs (column -> rev of its last change, for the field-level merge of pushed mutations).
SET LOCAL ROLE :"owner_role";

CREATE TABLE hub_private.server_info (
    key     text PRIMARY KEY,
    value   text NOT NULL
);

INSERT INTO hub_private.server_info (key, value) VALUES
    ('owner_role', :'owner_role'),
    ('member_role', :'member_role'),
    ('login_prefix', :'login_prefix');

CREATE TABLE hub.schema_migrations (
    version     integer PRIMARY KEY,
    name        text NOT NULL,
    applied_at  timestamptz NOT NULL DEFAULT now()
);

-- The global change sequence behind every rev.
CREATE SEQUENCE hub_private.change_seq AS bigint;

-- Tables the push and pull functions accept.
CREATE TABLE hub_private.synced_tables (
    table_name  text PRIMARY KEY,
    updatable   boolean NOT NULL
);

-- A time-ordered UUID (version 7) as text, like the desktop's Ids::newId().
CREATE FUNCTION hub_private.new_id() RETURNS text
LANGUAGE sql VOLATILE SET search_path = pg_catalog AS $$
    SELECT encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid())
        PLACING substring(int8send((extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3) FROM 1 FOR 6),
        52, 1), 53, 1), 'hex')::uuid::text
$$;

-- ---------------------------------------------------------------------------------------------------------------
-- Identities and tenancy
-- ---------------------------------------------------------------------------------------------------------------

CREATE TABLE hub.organizations (
    id          text PRIMARY KEY,
    org_id      text NOT NULL CHECK (org_id = id),
    name        text NOT NULL,
    currency    text NOT NULL DEFAULT 'EUR',
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    rev         bigint NOT NULL DEFAULT 0,
    deleted     boolean NOT NULL DEFAULT false,
    change_xid  xid8 NOT NULL,
    field_revs  jsonb NOT NULL DEFAULT '{}'
);

-- One row per person; login_role is the PostgreSQL role they log in with (login_prefix || lower(e-mail)).
CREATE TABLE hub.users (
    id          text PRIMARY KEY,
    org_id      text NOT NULL REFERENCES hub.organizations (id),
    name        text NOT NULL,
    email       text,
    login_role  text UNIQUE,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    rev         bigint NOT NULL DEFAULT 0,
    deleted     boolean NOT NULL DEFAULT false,
    change_xid  xid8 NOT NULL,
    field_revs  jsonb NOT NULL DEFAULT '{}'
);

CREATE TABLE hub.teams (
    id          text PRIMARY KEY,
    org_id      text NOT NULL REFERENCES hub.organizations (id),
    name        text NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    rev         bigint NOT NULL DEFAULT 0,
    deleted     boolean NOT NULL DEFAULT false,
    change_xid  xid8 NOT NULL,
    field_revs  jsonb NOT NULL DEFAULT '{}',
    UNIQUE (id, org_id)
);

-- Role per org (seed 002 section 3.2): owner and admin see and change everything in the org and manage members;
-- a manager sees and edits the records of their team; an employee their own and assigned records.
CREATE TABLE hub.memberships (
    id          text PRIMARY KEY,
    org_id      text NOT NULL REFERENCES hub.organizations (id),
    user_id     text NOT NULL REFERENCES hub.users (id),
    role        text NOT NULL CHECK (role IN ('owner', 'admin', 'manager', 'employee')),
    team_id     text,
    active      boolean NOT NULL DEFAULT true,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    rev         bigint NOT NULL DEFAULT 0,
    deleted     boolean NOT NULL DEFAULT false,
    change_xid  xid8 NOT NULL,
    field_revs  jsonb NOT NULL DEFAULT '{}',
    UNIQUE (org_id, user_id),
    FOREIGN KEY (team_id, org_id) REFERENCES hub.teams (id, org_id)
);

CREATE INDEX memberships_user ON hub.memberships (user_id);
CREATE INDEX memberships_team ON hub.memberships (org_id, team_id) WHERE team_id IS NOT NULL;

-- ---------------------------------------------------------------------------------------------------------------
-- Who is calling. Row-level security asks these; they read memberships as the owner role (SECURITY DEFINER), so
-- the policies on memberships can use them without recursing into themselves. The caller is the login role of
-- the session (or the role set with SET ROLE), which SECURITY DEFINER does not change.
-- ---------------------------------------------------------------------------------------------------------------

CREATE FUNCTION hub_private.caller_login() RETURNS text
LANGUAGE sql STABLE SET search_path = pg_catalog AS $$
    SELECT CASE WHEN current_setting('role') = 'none' THEN session_user::text ELSE current_setting('role') END
$$;

CREATE FUNCTION hub_private.caller_user_id() RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog AS $$
    SELECT u.id FROM hub.users u WHERE u.login_role = hub_private.caller_login() AND NOT u.deleted
$$;

-- Orgs where the caller has an active membership.
CREATE FUNCTION hub_private.caller_org_ids() RETURNS SETOF text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog AS $$
    SELECT m.org_id FROM hub.memberships m
    WHERE m.user_id = hub_private.caller_user_id() AND m.active AND NOT m.deleted
$$;

-- Orgs where the caller is an active owner or admin.
CREATE FUNCTION hub_private.caller_admin_org_ids() RETURNS SETOF text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog AS $$
    SELECT m.org_id FROM hub.memberships m
    WHERE m.user_id = hub_private.caller_user_id() AND m.active AND NOT m.deleted AND m.role IN ('owner', 'admin')
$$;

-- The people (also former ones) of the teams the caller manages, with the org of each team.
CREATE FUNCTION hub_private.caller_team_members() RETURNS TABLE (org_id text, user_id text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog AS $$
    SELECT other.org_id, other.user_id
    FROM hub.memberships mine
    JOIN hub.memberships other ON other.org_id = mine.org_id AND other.team_id = mine.team_id AND NOT other.deleted
    WHERE mine.user_id = hub_private.caller_user_id() AND mine.role = 'manager' AND mine.active AND NOT mine.deleted
$$;

-- Everyone (also former members) of the orgs the caller is an active member of.
CREATE FUNCTION hub_private.caller_org_user_ids() RETURNS SETOF text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog AS $$
    SELECT other.user_id
    FROM hub.memberships mine
    JOIN hub.memberships other ON other.org_id = mine.org_id
    WHERE mine.user_id = hub_private.caller_user_id() AND mine.active AND NOT mine.deleted
$$;

-- The caller's active role in an org, NULL when they are not an active member.
CREATE FUNCTION hub_private.caller_role(p_org_id text) RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog AS $$
    SELECT m.role FROM hub.memberships m
    WHERE m.org_id = p_org_id AND m.user_id = hub_private.caller_user_id() AND m.active AND NOT m.deleted
$$;

-- Deleting (tombstoning) or restoring business records is for owners and admins (seed 002 section 3.2), and for
-- a superuser doing maintenance.
CREATE FUNCTION hub_private.caller_may_delete(p_org_id text) RETURNS boolean
LANGUAGE sql STABLE SET search_path = pg_catalog AS $$
    SELECT coalesce(hub_private.caller_role(p_org_id) IN ('owner', 'admin'), false)
        OR coalesce((SELECT r.rolsuper FROM pg_catalog.pg_roles r WHERE r.rolname = current_user), false)
$$;

-- ---------------------------------------------------------------------------------------------------------------
-- The change machinery
-- ---------------------------------------------------------------------------------------------------------------

-- BEFORE INSERT OR UPDATE: a new rev from the global sequence, the writing transaction, and per changed column the
-- rev of its change. id and org_id never change. With the argument 'admin_delete', only owners and admins may set
-- or clear the tombstone.
CREATE FUNCTION hub_private.stamp_change() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog AS $$
DECLARE
    v_rev bigint := nextval('hub_private.change_seq');
    v_changed jsonb;
    v_admin_delete boolean := TG_NARGS > 0 AND TG_ARGV[0] = 'admin_delete';
BEGIN
    IF TG_OP = 'UPDATE' THEN
        IF NEW.id IS DISTINCT FROM OLD.id OR NEW.org_id IS DISTINCT FROM OLD.org_id THEN
            RAISE EXCEPTION 'The id and org_id of a % row never change', TG_TABLE_NAME
                USING ERRCODE = 'check_violation';
        END IF;
        IF v_admin_delete AND NEW.deleted IS DISTINCT FROM OLD.deleted
                AND NOT hub_private.caller_may_delete(NEW.org_id) THEN
            RAISE EXCEPTION 'Only owners and admins may delete or restore % rows', TG_TABLE_NAME
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        SELECT coalesce(jsonb_object_agg(n.key, v_rev), '{}'::jsonb) INTO v_changed
        FROM jsonb_each(to_jsonb(NEW)) n
        JOIN jsonb_each(to_jsonb(OLD)) o ON o.key = n.key
        WHERE n.value IS DISTINCT FROM o.value
          AND n.key NOT IN ('rev', 'change_xid', 'field_revs', 'updated_at');
        NEW.field_revs := coalesce(OLD.field_revs, '{}'::jsonb) || v_changed;
    ELSE
        IF v_admin_delete AND NEW.deleted AND NOT hub_private.caller_may_delete(NEW.org_id) THEN
            RAISE EXCEPTION 'Only owners and admins may delete % rows', TG_TABLE_NAME
                USING ERRCODE = 'insufficient_privilege';
        END IF;
        NEW.field_revs := '{}'::jsonb;
    END IF;
    NEW.rev := v_rev;
    NEW.change_xid := pg_current_xact_id();
    RETURN NEW;
END
$$;

-- BEFORE DELETE: rows are never removed, they become tombstones (which the pull hands to every client). The
-- UPDATE runs with the caller's rights, so the update policies and the delete rule above apply. The DELETE itself
-- then reports 0 rows.
CREATE FUNCTION hub_private.tombstone_instead_of_delete() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog AS $$
BEGIN
    EXECUTE format('UPDATE %I.%I SET deleted = true, updated_at = now() WHERE id = $1 AND NOT deleted',
        TG_TABLE_SCHEMA, TG_TABLE_NAME) USING OLD.id;
    RETURN NULL;
END
$$;

-- AFTER INSERT OR UPDATE: clients LISTEN on hub_changes and pull at once. The payload names the row only; what a
-- client may read of it is still decided by row-level security when it pulls.
CREATE FUNCTION hub_private.notify_change() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog AS $$
BEGIN
    PERFORM pg_notify('hub_changes',
        json_build_object('table', TG_TABLE_NAME, 'id', NEW.id, 'rev', NEW.rev, 'org_id', NEW.org_id)::text);
    RETURN NULL;
END
$$;

-- Turns a table of schema hub into a synced table: triggers, pull indexes, forced row-level security, registry.
CREATE FUNCTION hub_private.make_synced(p_table text, p_delete_rule text, p_updatable boolean) RETURNS void
LANGUAGE plpgsql SET search_path = pg_catalog AS $$
BEGIN
    EXECUTE format('CREATE TRIGGER stamp_change BEFORE INSERT OR UPDATE ON hub.%I '
                   'FOR EACH ROW EXECUTE FUNCTION hub_private.stamp_change(%L)', p_table, p_delete_rule);
    EXECUTE format('CREATE TRIGGER tombstone_instead_of_delete BEFORE DELETE ON hub.%I '
                   'FOR EACH ROW EXECUTE FUNCTION hub_private.tombstone_instead_of_delete()', p_table);
    EXECUTE format('CREATE TRIGGER notify_change AFTER INSERT OR UPDATE ON hub.%I '
                   'FOR EACH ROW EXECUTE FUNCTION hub_private.notify_change()', p_table);
    EXECUTE format('CREATE INDEX %I ON hub.%I (change_xid)', p_table || '_change_xid', p_table);
    EXECUTE format('CREATE INDEX %I ON hub.%I (rev)', p_table || '_rev', p_table);
    EXECUTE format('ALTER TABLE hub.%I ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY', p_table);
    INSERT INTO hub_private.synced_tables (table_name, updatable) VALUES (p_table, p_updatable);
END
$$;

SELECT hub_private.make_synced('organizations', 'admin_delete', true);
SELECT hub_private.make_synced('users', 'admin_delete', false);
SELECT hub_private.make_synced('teams', 'admin_delete', true);
SELECT hub_private.make_synced('memberships', 'admin_delete', false);

ALTER TABLE hub_private.server_info ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE hub_private.synced_tables ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
ALTER TABLE hub.schema_migrations ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;

-- ---------------------------------------------------------------------------------------------------------------
-- Row-level security. Policies are written for member_role (every login role is in it); the owner role gets its
-- own, narrow ones for what its SECURITY DEFINER functions read and write.
-- ---------------------------------------------------------------------------------------------------------------

CREATE POLICY server_info_owner ON hub_private.server_info TO :"owner_role" USING (true) WITH CHECK (true);
CREATE POLICY synced_tables_read ON hub_private.synced_tables FOR SELECT TO :"member_role" USING (true);
CREATE POLICY synced_tables_owner ON hub_private.synced_tables TO :"owner_role" USING (true) WITH CHECK (true);
CREATE POLICY schema_migrations_read ON hub.schema_migrations FOR SELECT TO :"member_role" USING (true);
CREATE POLICY schema_migrations_owner ON hub.schema_migrations TO :"owner_role" USING (true) WITH CHECK (true);

CREATE POLICY organizations_read ON hub.organizations FOR SELECT TO :"member_role"
    USING (id IN (SELECT hub_private.caller_org_ids()));
CREATE POLICY organizations_admin ON hub.organizations FOR UPDATE TO :"member_role"
    USING (id IN (SELECT hub_private.caller_admin_org_ids()))
    WITH CHECK (id IN (SELECT hub_private.caller_admin_org_ids()));

-- People and memberships change only through the member functions of 0002 (they create login roles).
CREATE POLICY users_read ON hub.users FOR SELECT TO :"member_role"
    USING (id IN (SELECT hub_private.caller_org_user_ids()));
CREATE POLICY users_owner ON hub.users TO :"owner_role" USING (true) WITH CHECK (true);

CREATE POLICY memberships_read ON hub.memberships FOR SELECT TO :"member_role"
    USING (org_id IN (SELECT hub_private.caller_org_ids()));
CREATE POLICY memberships_owner ON hub.memberships TO :"owner_role" USING (true) WITH CHECK (true);

CREATE POLICY teams_read ON hub.teams FOR SELECT TO :"member_role"
    USING (org_id IN (SELECT hub_private.caller_org_ids()));
CREATE POLICY teams_admin ON hub.teams TO :"member_role"
    USING (org_id IN (SELECT hub_private.caller_admin_org_ids()))
    WITH CHECK (org_id IN (SELECT hub_private.caller_admin_org_ids()));
CREATE POLICY teams_owner ON hub.teams FOR SELECT TO :"owner_role" USING (true);

-- ---------------------------------------------------------------------------------------------------------------
-- Privileges
-- ---------------------------------------------------------------------------------------------------------------

REVOKE ALL ON ALL FUNCTIONS IN SCHEMA hub_private FROM PUBLIC;
GRANT USAGE ON SCHEMA hub, hub_private TO :"member_role";
-- The stamp trigger runs with the writer's rights.
GRANT USAGE ON SEQUENCE hub_private.change_seq TO :"member_role";
GRANT EXECUTE ON FUNCTION
    hub_private.caller_login(), hub_private.caller_user_id(), hub_private.caller_org_ids(),
    hub_private.caller_admin_org_ids(), hub_private.caller_team_members(), hub_private.caller_org_user_ids(),
    hub_private.caller_role(text), hub_private.caller_may_delete(text)
TO :"member_role";
GRANT SELECT ON hub_private.synced_tables TO :"member_role";
GRANT SELECT ON hub.schema_migrations, hub.organizations, hub.users, hub.memberships, hub.teams TO :"member_role";
GRANT UPDATE ON hub.organizations TO :"member_role";
GRANT INSERT, UPDATE, DELETE ON hub.teams TO :"member_role";

INSERT INTO hub.schema_migrations (version, name) VALUES (1, 'identity');
