-- Prepares an empty PostgreSQL database for Business Hub, before the first migration. Run once, as a superuser,
-- connected to the new database, with the psql variables owner_role and member_role (businesshub-server --init-db
-- derives them from the database name: hub_<database>_owner and hub_<database>_member).
--
--   owner_role   NOLOGIN, CREATEROLE. Owns every table and function; the SECURITY DEFINER member functions run
--                as it, so org admins can add members without anyone handing out a superuser password.
--   member_role  NOLOGIN. Every person's login role is a member of it; it holds the table privileges and the
--                row-level security policies are written for it. Only its members may connect to the database.
SELECT set_config('hub.owner_role', :'owner_role', false), set_config('hub.member_role', :'member_role', false);

DO $prepare$
DECLARE
    v_owner text := current_setting('hub.owner_role');
    v_member text := current_setting('hub.member_role');
BEGIN
    IF EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = v_owner AND (rolcanlogin OR rolsuper)) THEN
        RAISE EXCEPTION 'The role % already exists and can log in; Business Hub needs it to be a NOLOGIN role', v_owner
            USING ERRCODE = 'duplicate_object';
    END IF;
    IF EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = v_member AND (rolcanlogin OR rolsuper)) THEN
        RAISE EXCEPTION 'The role % already exists and can log in; Business Hub needs it to be a NOLOGIN role', v_member
            USING ERRCODE = 'duplicate_object';
    END IF;
    -- Two databases whose names differ only in case or punctuation would share their roles.
    IF EXISTS (SELECT 1 FROM pg_catalog.pg_shdepend d JOIN pg_catalog.pg_database db ON db.oid = d.dbid
               WHERE d.refclassid = 'pg_catalog.pg_authid'::regclass AND db.datname <> current_database()
                 AND d.refobjid IN (SELECT oid FROM pg_catalog.pg_roles WHERE rolname IN (v_owner, v_member))) THEN
        RAISE EXCEPTION 'The roles % and % already serve another database; use a database name of its own',
            v_owner, v_member USING ERRCODE = 'duplicate_object';
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = v_owner) THEN
        EXECUTE format('CREATE ROLE %I NOLOGIN CREATEROLE', v_owner);
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = v_member) THEN
        -- Created by the owner role, so that from PostgreSQL 16 on it holds ADMIN on it (needed to add members)
        -- without inheriting the members' row-level security policies.
        EXECUTE format('SET LOCAL ROLE %I', v_owner);
        EXECUTE format('CREATE ROLE %I NOLOGIN', v_member);
        RESET ROLE;
    END IF;

    EXECUTE format('REVOKE ALL ON DATABASE %I FROM PUBLIC', current_database());
    EXECUTE format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO %I', current_database(), v_member);
    EXECUTE format('ALTER DATABASE %I SET search_path = hub, public', current_database());
    -- PostgreSQL 13 and 14 still let everyone create objects in public.
    REVOKE CREATE ON SCHEMA public FROM PUBLIC;

    EXECUTE format('CREATE SCHEMA hub AUTHORIZATION %I', v_owner);
    EXECUTE format('CREATE SCHEMA hub_private AUTHORIZATION %I', v_owner);
    REVOKE ALL ON SCHEMA hub, hub_private FROM PUBLIC;
END
$prepare$;
