-- Business Hub server schema 8: the desktops now sync proposals, lead intelligence, call scripts, playbooks,
-- objections and calls too (their tables, triggers and row-level security are 0004, 0006 and 0007; the desktop's
-- outbox is resources/sql/sqlite 0015), and a timeline entry knows who wrote it, so that an employee may delete
-- their own notes on the leads they see (seed 002 section 3.2), not other people's.
SET LOCAL ROLE :"owner_role";

ALTER TABLE hub.activities ADD COLUMN created_by text REFERENCES hub.users (id);

-- BEFORE INSERT OR UPDATE on activities: an entry is written in the writer's name (left empty, the server fills it
-- in) and keeps its author. Deleting or restoring one is for owners and admins, and for the author of a note.
CREATE FUNCTION hub_private.guard_activity() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog AS $$
DECLARE
    v_caller text := hub_private.caller_user_id();
    v_admin boolean := hub_private.caller_may_delete(NEW.org_id);
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF NEW.created_by IS NULL THEN
            NEW.created_by := v_caller;
        ELSIF NEW.created_by IS DISTINCT FROM v_caller AND NOT v_admin THEN
            RAISE EXCEPTION 'A timeline entry is written in your own name' USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF NEW.deleted AND NOT v_admin THEN
            RAISE EXCEPTION 'Only owners and admins may delete activities rows' USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN NEW;
    END IF;
    IF NEW.created_by IS DISTINCT FROM OLD.created_by AND NOT v_admin THEN
        RAISE EXCEPTION 'The author of a timeline entry never changes' USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF NEW.deleted IS DISTINCT FROM OLD.deleted AND NOT v_admin
            AND NOT (OLD.kind = 'note' AND OLD.created_by IS NOT NULL AND OLD.created_by = v_caller) THEN
        RAISE EXCEPTION 'Only owners, admins and the author of a note may delete or restore it'
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END
$$;
REVOKE ALL ON FUNCTION hub_private.guard_activity() FROM PUBLIC;

-- The delete rule of activities moves from stamp_change ('admin_delete') to the guard; named to fire before it.
DROP TRIGGER stamp_change ON hub.activities;
CREATE TRIGGER stamp_change BEFORE INSERT OR UPDATE ON hub.activities
    FOR EACH ROW EXECUTE FUNCTION hub_private.stamp_change('member_delete');
CREATE TRIGGER activities_guard BEFORE INSERT OR UPDATE ON hub.activities
    FOR EACH ROW EXECUTE FUNCTION hub_private.guard_activity();

INSERT INTO hub.schema_migrations (version, name) VALUES (8, 'sync_deals_calls_scripts');
