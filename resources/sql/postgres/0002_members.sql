-- Business Hub server schema 2: members are managed by org owners and admins (Settings -> Workspace -> Members)
-- through SECURITY DEFINER functions that run as the owner role: they create the person's login role, users row
-- and membership, change roles and deactivate members. Nobody needs a superuser password for that; each function
-- checks the caller's own membership first.
--
-- Passwords: p_password may be a plain password or, better, a SCRAM-SHA-256 verifier computed by the client
-- ("SCRAM-SHA-256$4096:<salt>$<StoredKey>:<ServerKey>"), so the password itself never reaches the server or its
-- logs.
SET LOCAL ROLE :"owner_role";

-- Raises insufficient_privilege unless the caller is an active owner or admin of the org; returns their role.
CREATE FUNCTION hub_private.require_admin(p_org_id text) RETURNS text
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog AS $$
DECLARE
    v_role text := hub_private.caller_role(p_org_id);
BEGIN
    IF v_role IS NULL OR v_role NOT IN ('owner', 'admin') THEN
        RAISE EXCEPTION 'Only owners and admins of the organisation may manage its members'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN v_role;
END
$$;

CREATE FUNCTION hub_private.check_team(p_org_id text, p_role text, p_team_id text) RETURNS void
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog AS $$
BEGIN
    IF p_role NOT IN ('owner', 'admin', 'manager', 'employee') THEN
        RAISE EXCEPTION 'Unknown role "%": use owner, admin, manager or employee', p_role
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF p_role = 'manager' AND p_team_id IS NULL THEN
        RAISE EXCEPTION 'A manager needs a team' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF p_team_id IS NOT NULL AND NOT EXISTS (
            SELECT 1 FROM hub.teams t WHERE t.id = p_team_id AND t.org_id = p_org_id AND NOT t.deleted) THEN
        RAISE EXCEPTION 'The organisation has no team %', p_team_id USING ERRCODE = 'invalid_parameter_value';
    END IF;
END
$$;

-- Creates the person's login role and users row when they are new to this database (a person already in another
-- org keeps their login and password), then their membership of the org. Returns the login role name.
CREATE FUNCTION hub_private.enrol(p_org_id text, p_email text, p_name text, p_role text, p_password text,
    p_team_id text) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
DECLARE
    v_email text := lower(btrim(coalesce(p_email, '')));
    v_login text;
    v_user_id text;
BEGIN
    IF v_email !~ '^[^@[:space:]]+@[^@[:space:]]+$' THEN
        RAISE EXCEPTION 'Not an e-mail address: "%"', p_email USING ERRCODE = 'invalid_parameter_value';
    END IF;
    PERFORM hub_private.check_team(p_org_id, p_role, p_team_id);
    v_login := (SELECT s.value FROM hub_private.server_info s WHERE s.key = 'login_prefix') || v_email;
    IF octet_length(v_login) > 63 THEN
        RAISE EXCEPTION 'The login name "%" is longer than PostgreSQL allows (63 bytes)', v_login
            USING ERRCODE = 'invalid_parameter_value';
    END IF;

    SELECT u.id INTO v_user_id FROM hub.users u WHERE u.login_role = v_login;
    IF v_user_id IS NULL THEN
        IF EXISTS (SELECT 1 FROM pg_catalog.pg_roles r WHERE r.rolname = v_login) THEN
            RAISE EXCEPTION 'The server already has a database role named "%" that is not a Business Hub member',
                v_login USING ERRCODE = 'duplicate_object';
        END IF;
        IF coalesce(p_password, '') = '' THEN
            RAISE EXCEPTION 'A new member needs a password' USING ERRCODE = 'invalid_parameter_value';
        END IF;
        EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L IN ROLE %I', v_login, p_password,
            (SELECT s.value FROM hub_private.server_info s WHERE s.key = 'member_role'));
        v_user_id := hub_private.new_id();
        INSERT INTO hub.users (id, org_id, name, email, login_role)
        VALUES (v_user_id, p_org_id, coalesce(nullif(btrim(p_name), ''), split_part(v_email, '@', 1)), v_email,
            v_login);
    END IF;

    IF EXISTS (SELECT 1 FROM hub.memberships m WHERE m.org_id = p_org_id AND m.user_id = v_user_id) THEN
        RAISE EXCEPTION '% is already a member of this organisation', v_email USING ERRCODE = 'unique_violation';
    END IF;
    INSERT INTO hub.memberships (id, org_id, user_id, role, team_id, active)
    VALUES (hub_private.new_id(), p_org_id, v_user_id, p_role, p_team_id, true);
    RETURN v_login;
END
$$;

-- The membership row of a member, locked; raises when the user is not a member of the org.
CREATE FUNCTION hub_private.lock_membership(p_org_id text, p_user_id text) RETURNS hub.memberships
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
DECLARE
    v_membership hub.memberships;
BEGIN
    SELECT * INTO v_membership FROM hub.memberships m
    WHERE m.org_id = p_org_id AND m.user_id = p_user_id AND NOT m.deleted
    FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'That person is not a member of this organisation' USING ERRCODE = 'no_data_found';
    END IF;
    RETURN v_membership;
END
$$;

CREATE FUNCTION hub_private.active_owner_count(p_org_id text) RETURNS bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog AS $$
    SELECT count(*) FROM hub.memberships m
    WHERE m.org_id = p_org_id AND m.role = 'owner' AND m.active AND NOT m.deleted
$$;

-- Owners and admins add a person to their org; only an owner may add another owner. Returns the login role name
-- the person connects with (login_prefix || lower(e-mail)).
CREATE FUNCTION hub.add_member(p_org_id text, p_email text, p_name text, p_role text, p_password text,
    p_team_id text DEFAULT NULL) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
BEGIN
    IF hub_private.require_admin(p_org_id) <> 'owner' AND p_role = 'owner' THEN
        RAISE EXCEPTION 'Only an owner may add another owner' USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN hub_private.enrol(p_org_id, p_email, p_name, p_role, p_password, p_team_id);
END
$$;

-- Changes a member's role and team. Owners are changed, and made, by owners only; the last owner stays one.
CREATE FUNCTION hub.change_member_role(p_org_id text, p_user_id text, p_role text, p_team_id text DEFAULT NULL)
RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
DECLARE
    v_caller_role text := hub_private.require_admin(p_org_id);
    v_membership hub.memberships := hub_private.lock_membership(p_org_id, p_user_id);
BEGIN
    IF (v_membership.role = 'owner' OR p_role = 'owner') AND v_caller_role <> 'owner' THEN
        RAISE EXCEPTION 'Only an owner may change an owner or make someone an owner'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    PERFORM hub_private.check_team(p_org_id, p_role, p_team_id);
    IF v_membership.role = 'owner' AND p_role <> 'owner' AND v_membership.active
            AND hub_private.active_owner_count(p_org_id) <= 1 THEN
        RAISE EXCEPTION 'An organisation keeps at least one owner: make someone else an owner first'
            USING ERRCODE = 'check_violation';
    END IF;
    UPDATE hub.memberships SET role = p_role, team_id = p_team_id, updated_at = now() WHERE id = v_membership.id;
END
$$;

-- Deactivates a membership. A person with no active membership left can no longer log in (NOLOGIN); their rows
-- stay, and row-level security hides the org's data from any session they still have open.
CREATE FUNCTION hub.deactivate_member(p_org_id text, p_user_id text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
DECLARE
    v_caller_role text := hub_private.require_admin(p_org_id);
    v_membership hub.memberships := hub_private.lock_membership(p_org_id, p_user_id);
    v_login text;
BEGIN
    IF v_membership.role = 'owner' AND v_caller_role <> 'owner' THEN
        RAISE EXCEPTION 'Only an owner may deactivate an owner' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF v_membership.role = 'owner' AND v_membership.active AND hub_private.active_owner_count(p_org_id) <= 1 THEN
        RAISE EXCEPTION 'An organisation keeps at least one owner: make someone else an owner first'
            USING ERRCODE = 'check_violation';
    END IF;
    UPDATE hub.memberships SET active = false, updated_at = now() WHERE id = v_membership.id AND active;
    IF NOT EXISTS (SELECT 1 FROM hub.memberships m WHERE m.user_id = p_user_id AND m.active AND NOT m.deleted) THEN
        SELECT u.login_role INTO v_login FROM hub.users u WHERE u.id = p_user_id;
        IF v_login IS NOT NULL THEN
            EXECUTE format('ALTER ROLE %I NOLOGIN', v_login);
        END IF;
    END IF;
END
$$;

CREATE FUNCTION hub.reactivate_member(p_org_id text, p_user_id text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
DECLARE
    v_caller_role text := hub_private.require_admin(p_org_id);
    v_membership hub.memberships := hub_private.lock_membership(p_org_id, p_user_id);
    v_login text;
BEGIN
    IF v_membership.role = 'owner' AND v_caller_role <> 'owner' THEN
        RAISE EXCEPTION 'Only an owner may reactivate an owner' USING ERRCODE = 'insufficient_privilege';
    END IF;
    UPDATE hub.memberships SET active = true, updated_at = now() WHERE id = v_membership.id AND NOT active;
    SELECT u.login_role INTO v_login FROM hub.users u WHERE u.id = p_user_id;
    IF v_login IS NOT NULL THEN
        EXECUTE format('ALTER ROLE %I LOGIN', v_login);
    END IF;
END
$$;

-- An admin sets a new password for a member (members change their own with ALTER ROLE ... PASSWORD). Refused when
-- the person is also an active member of an org the caller does not administer: an admin of one org must not be
-- able to take over someone's access to another.
CREATE FUNCTION hub.set_member_password(p_org_id text, p_user_id text, p_password text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
DECLARE
    v_caller_role text := hub_private.require_admin(p_org_id);
    v_membership hub.memberships := hub_private.lock_membership(p_org_id, p_user_id);
    v_login text;
BEGIN
    IF v_membership.role = 'owner' AND v_caller_role <> 'owner' THEN
        RAISE EXCEPTION 'Only an owner may set an owner''s password' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF EXISTS (SELECT 1 FROM hub.memberships m
               WHERE m.user_id = p_user_id AND m.active AND NOT m.deleted
                 AND m.org_id NOT IN (SELECT hub_private.caller_admin_org_ids())) THEN
        RAISE EXCEPTION 'That person also belongs to another organisation; only they can change their password'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF coalesce(p_password, '') = '' THEN
        RAISE EXCEPTION 'The password must not be empty' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    SELECT u.login_role INTO v_login FROM hub.users u WHERE u.id = p_user_id;
    EXECUTE format('ALTER ROLE %I PASSWORD %L', v_login, p_password);
END
$$;

-- Who the caller is: one row per organisation they are an active member of.
CREATE FUNCTION hub.my_memberships() RETURNS TABLE (user_id text, login_role text, org_id text, org_name text,
    role text, team_id text)
LANGUAGE sql STABLE SET search_path = pg_catalog AS $$
    SELECT u.id, u.login_role, o.id, o.name, m.role, m.team_id
    FROM hub.users u
    JOIN hub.memberships m ON m.user_id = u.id AND m.active AND NOT m.deleted
    JOIN hub.organizations o ON o.id = m.org_id
    WHERE u.id = hub_private.caller_user_id()
    ORDER BY o.name
$$;

-- Tenant management is for the server's administrator (seed 002: superadmin), not for org admins: a new org with
-- its default pipeline and its first owner. Executable only by superusers (and whoever they grant it to).
CREATE FUNCTION hub_private.create_organization(p_name text, p_currency text, p_owner_email text,
    p_owner_name text, p_owner_password text) RETURNS TABLE (org_id text, user_id text, login_role text)
LANGUAGE plpgsql SET search_path = pg_catalog AS $$
DECLARE
    v_org_id text := hub_private.new_id();
    v_login text;
BEGIN
    IF coalesce(btrim(p_name), '') = '' THEN
        RAISE EXCEPTION 'The organisation needs a name' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    INSERT INTO hub.organizations (id, org_id, name, currency)
    VALUES (v_org_id, v_org_id, btrim(p_name), coalesce(nullif(p_currency, ''), 'EUR'));
    INSERT INTO hub.pipeline_stages (id, org_id, key, name, position, color, is_closed)
    SELECT hub_private.new_id(), v_org_id, s.key, s.name, s.position, s.color, s.is_closed
    FROM (VALUES ('new', 'New', 0, '#6366f1', false), ('contacted', 'Contacted', 1, '#0ea5e9', false),
                 ('qualified', 'Qualified', 2, '#14b8a6', false), ('proposal', 'Proposal', 3, '#f59e0b', false),
                 ('won', 'Won', 4, '#22c55e', true), ('lost', 'Lost', 5, '#ef4444', true))
         AS s (key, name, position, color, is_closed);
    v_login := hub_private.enrol(v_org_id, p_owner_email, p_owner_name, 'owner', p_owner_password, NULL);
    RETURN QUERY SELECT v_org_id, u.id, u.login_role FROM hub.users u WHERE u.login_role = v_login;
END
$$;

REVOKE ALL ON ALL FUNCTIONS IN SCHEMA hub_private FROM PUBLIC;
REVOKE ALL ON FUNCTION hub.add_member(text, text, text, text, text, text),
    hub.change_member_role(text, text, text, text), hub.deactivate_member(text, text),
    hub.reactivate_member(text, text), hub.set_member_password(text, text, text), hub.my_memberships()
FROM PUBLIC;
GRANT EXECUTE ON FUNCTION hub.add_member(text, text, text, text, text, text),
    hub.change_member_role(text, text, text, text), hub.deactivate_member(text, text),
    hub.reactivate_member(text, text), hub.set_member_password(text, text, text), hub.my_memberships()
TO :"member_role";

INSERT INTO hub.schema_migrations (version, name) VALUES (2, 'members');
