-- Business Hub server schema 5: what the desktop sync engine calls (DESIGN.md section 4).
--
-- Push: hub.push_mutation applies one outbox entry with the caller's rights (row-level security decides) and
-- records its mutation id in the same transaction, so a mutation sent twice (the answer was lost, the server died
-- mid-push) is applied once. Field-level merge: a pushed field wins unless the server changed that field after
-- the client's base rev; then the server value stays and the field is returned as a conflict.
--
-- Pull: a rev taken from a sequence can commit after a higher one a client has already pulled. So pulls are
-- bounded by snapshots, not by rev: hub.sync_snapshot() names the committed state, hub.pull_changes returns the
-- rows changed after one snapshot and visible in the next, whatever order their transactions committed in.
SET LOCAL ROLE :"owner_role";

CREATE TABLE hub.applied_mutations (
    mutation_id uuid PRIMARY KEY,
    org_id      text NOT NULL REFERENCES hub.organizations (id),
    table_name  text NOT NULL,
    row_id      text NOT NULL,
    op          text NOT NULL CHECK (op IN ('upsert', 'delete')),
    applied_by  text NOT NULL DEFAULT hub_private.caller_login(),
    applied_at  timestamptz NOT NULL DEFAULT now(),
    row_rev     bigint,
    conflicts   jsonb NOT NULL DEFAULT '{}'
);

-- For pruning old ids (a client retries a mutation within days, not months).
CREATE INDEX applied_mutations_applied_at ON hub.applied_mutations (applied_at);

ALTER TABLE hub.applied_mutations ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
CREATE POLICY applied_mutations_own ON hub.applied_mutations TO :"member_role"
    USING (org_id IN (SELECT hub_private.caller_org_ids()) AND applied_by = (SELECT hub_private.caller_login()))
    WITH CHECK (org_id IN (SELECT hub_private.caller_org_ids()) AND applied_by = (SELECT hub_private.caller_login()));

-- p_op 'upsert' inserts the row (p_fields holds its columns) or changes the pushed fields of an existing one;
-- 'delete' tombstones it. p_fields maps column names to JSON values (jsonb columns take JSON, not strings);
-- id, org_id, rev, change_xid and field_revs in it are ignored when they agree. p_base_rev is the row's rev the
-- client last saw (NULL for a row it created). Returns outcome 'applied' or 'duplicate' (applied before: the first
-- answer again), the row's rev after the change (NULL when there was nothing to delete) and the conflicts:
-- {column: {"server": kept value, "client": pushed value, "server_rev": rev of the server's change}}.
CREATE FUNCTION hub.push_mutation(p_mutation_id uuid, p_org_id text, p_table text, p_row_id text, p_op text,
    p_fields jsonb, p_base_rev bigint DEFAULT NULL) RETURNS TABLE (outcome text, row_rev bigint, conflicts jsonb)
LANGUAGE plpgsql SET search_path = pg_catalog AS $$
#variable_conflict use_column
DECLARE
    v_updatable boolean;
    v_table text := format('hub.%I', p_table);
    v_fields jsonb := coalesce(p_fields, '{}'::jsonb);
    v_bad text;
    v_current jsonb;
    v_typed jsonb;
    v_key text;
    v_apply jsonb := '{}'::jsonb;
    v_conflicts jsonb := '{}'::jsonb;
    v_rev bigint;
    v_columns text;
    v_constraint text;
BEGIN
    IF p_mutation_id IS NULL OR p_org_id IS NULL OR p_row_id IS NULL THEN
        RAISE EXCEPTION 'A mutation needs its id, org_id and row id' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF p_op IS NULL OR p_op NOT IN ('upsert', 'delete') THEN
        RAISE EXCEPTION 'Unknown mutation "%": use upsert or delete', p_op USING ERRCODE = 'invalid_parameter_value';
    END IF;
    SELECT s.updatable INTO v_updatable FROM hub_private.synced_tables s WHERE s.table_name = p_table;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'Cannot push to "%": not a synced table', p_table USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF jsonb_typeof(v_fields) <> 'object' THEN
        RAISE EXCEPTION 'The fields of a mutation are a JSON object' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF (v_fields ? 'id' AND v_fields ->> 'id' IS DISTINCT FROM p_row_id)
            OR (v_fields ? 'org_id' AND v_fields ->> 'org_id' IS DISTINCT FROM p_org_id) THEN
        RAISE EXCEPTION 'The fields name another row than the mutation' USING ERRCODE = 'invalid_parameter_value';
    END IF;
    v_fields := v_fields - ARRAY['id', 'org_id', 'rev', 'change_xid', 'field_revs'];
    SELECT string_agg(k, ', ') INTO v_bad FROM jsonb_object_keys(v_fields) k
    WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a
                      WHERE a.attrelid = v_table::regclass AND a.attname = k AND a.attnum > 0 AND NOT a.attisdropped);
    IF v_bad IS NOT NULL THEN
        RAISE EXCEPTION 'The server''s % table has no column %', p_table, v_bad USING ERRCODE = 'undefined_column';
    END IF;

    -- A mutation id seen before is not applied again.
    INSERT INTO hub.applied_mutations (mutation_id, org_id, table_name, row_id, op)
    VALUES (p_mutation_id, p_org_id, p_table, p_row_id, p_op)
    ON CONFLICT (mutation_id) DO NOTHING;
    IF NOT FOUND THEN
        RETURN QUERY SELECT 'duplicate'::text, a.row_rev, a.conflicts
                     FROM hub.applied_mutations a WHERE a.mutation_id = p_mutation_id;
        IF NOT FOUND THEN
            RETURN QUERY SELECT 'duplicate'::text, NULL::bigint, '{}'::jsonb;
        END IF;
        RETURN;
    END IF;

    EXECUTE format('SELECT to_jsonb(t) FROM %s t WHERE t.id = $1', v_table) INTO v_current USING p_row_id;
    IF v_current IS NOT NULL AND v_updatable THEN
        -- Lock it (and read its latest committed version) so no concurrent push slips between merge and write.
        EXECUTE format('SELECT to_jsonb(t) FROM %s t WHERE t.id = $1 FOR UPDATE', v_table) INTO v_current
            USING p_row_id;
        IF v_current IS NULL THEN
            RAISE EXCEPTION 'You may read this % row but not change it', p_table
                USING ERRCODE = 'insufficient_privilege';
        END IF;
    END IF;
    IF v_current IS NOT NULL AND v_current ->> 'org_id' <> p_org_id THEN
        RAISE EXCEPTION 'The % row % belongs to another organisation', p_table, p_row_id
            USING ERRCODE = 'insufficient_privilege';
    END IF;

    IF v_current IS NULL THEN
        IF p_op = 'upsert' THEN
            v_fields := v_fields || jsonb_build_object('id', p_row_id, 'org_id', p_org_id);
            SELECT string_agg(format('%I', k), ', ') INTO v_columns FROM jsonb_object_keys(v_fields) k;
            BEGIN
                EXECUTE format('INSERT INTO %1$s (%2$s) SELECT %2$s FROM jsonb_populate_record(NULL::%1$s, $1) '
                               'RETURNING rev', v_table, v_columns) INTO v_rev USING v_fields;
            EXCEPTION WHEN unique_violation THEN
                GET STACKED DIAGNOSTICS v_constraint = CONSTRAINT_NAME;
                IF v_constraint = p_table || '_pkey' THEN
                    RAISE EXCEPTION 'The % row % exists but is not visible to you', p_table, p_row_id
                        USING ERRCODE = 'insufficient_privilege';
                END IF;
                RAISE;
            END;
        END IF;
        -- Deleting a row the server never had (or the caller cannot see) leaves nothing to do.
    ELSE
        EXECUTE format('SELECT to_jsonb(jsonb_populate_record(NULL::%s, $1))', v_table) INTO v_typed USING v_fields;
        IF p_op = 'delete' THEN
            IF NOT (v_current ->> 'deleted')::boolean THEN
                v_apply := jsonb_build_object('deleted', true, 'updated_at', now());
            END IF;
        ELSE
            FOR v_key IN SELECT jsonb_object_keys(v_fields) LOOP
                CONTINUE WHEN (v_current -> v_key) IS NOT DISTINCT FROM (v_typed -> v_key);
                IF v_key <> 'updated_at'
                        AND coalesce((v_current -> 'field_revs' ->> v_key)::bigint, 0) > coalesce(p_base_rev, 0) THEN
                    v_conflicts := v_conflicts || jsonb_build_object(v_key, jsonb_build_object(
                        'server', v_current -> v_key, 'client', v_typed -> v_key,
                        'server_rev', (v_current -> 'field_revs' ->> v_key)::bigint));
                ELSE
                    v_apply := v_apply || jsonb_build_object(v_key, v_fields -> v_key);
                END IF;
            END LOOP;
            -- Edited on the client, deleted on the server meanwhile: the edit lands on the tombstone (nothing is
            -- lost) and the deletion is reported, so the user can restore the row.
            IF (v_current ->> 'deleted')::boolean AND NOT v_fields ? 'deleted'
                    AND coalesce((v_current -> 'field_revs' ->> 'deleted')::bigint, 0) > coalesce(p_base_rev, 0) THEN
                v_conflicts := v_conflicts || jsonb_build_object('deleted', jsonb_build_object(
                    'server', true, 'client', false,
                    'server_rev', (v_current -> 'field_revs' ->> 'deleted')::bigint));
            END IF;
        END IF;
        IF EXISTS (SELECT 1 FROM jsonb_object_keys(v_apply) k WHERE k <> 'updated_at') THEN
            SELECT string_agg(format('%I', k), ', ') INTO v_columns FROM jsonb_object_keys(v_apply) k;
            EXECUTE format('UPDATE %1$s t SET (%2$s) = (SELECT %2$s FROM jsonb_populate_record(NULL::%1$s, $1)) '
                           'WHERE t.id = $2 RETURNING t.rev', v_table, v_columns) INTO v_rev USING v_apply, p_row_id;
        ELSE
            v_rev := (v_current ->> 'rev')::bigint;
        END IF;
    END IF;

    UPDATE hub.applied_mutations SET row_rev = v_rev, conflicts = v_conflicts WHERE mutation_id = p_mutation_id;
    RETURN QUERY SELECT 'applied'::text, v_rev, v_conflicts;
END
$$;

-- The committed state as of now, as text: the cursor a client keeps between pulls.
CREATE FUNCTION hub.sync_snapshot() RETURNS text
LANGUAGE sql STABLE SET search_path = pg_catalog AS $$
    SELECT pg_current_snapshot()::text
$$;

-- One page of the rows of p_table the caller may see that changed after snapshot p_since (NULL: all rows) and are
-- visible in snapshot p_until, ordered by rev, after rev p_after_rev. A pull cycle: until := hub.sync_snapshot();
-- page through pull_changes(table, since, until, last rev of the previous page) until a page is short; then
-- since := until. Rows come as JSON objects of their columns (without change_xid and field_revs); tombstones
-- have "deleted": true.
CREATE FUNCTION hub.pull_changes(p_table text, p_since text, p_until text, p_after_rev bigint DEFAULT 0,
    p_limit integer DEFAULT 1000) RETURNS SETOF jsonb
LANGUAGE plpgsql STABLE SET search_path = pg_catalog AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM hub_private.synced_tables s WHERE s.table_name = p_table) THEN
        RAISE EXCEPTION 'Cannot pull "%": not a synced table', p_table USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF p_until IS NULL THEN
        RAISE EXCEPTION 'A pull needs the snapshot it ends at (hub.sync_snapshot())'
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF p_since IS NULL THEN
        RETURN QUERY EXECUTE format(
            'SELECT to_jsonb(t) - ''change_xid'' - ''field_revs'' FROM hub.%I t '
            'WHERE t.rev > $1 AND pg_visible_in_snapshot(t.change_xid, $2::pg_snapshot) ORDER BY t.rev LIMIT $3',
            p_table) USING coalesce(p_after_rev, 0), p_until, p_limit;
    ELSE
        RETURN QUERY EXECUTE format(
            'SELECT to_jsonb(t) - ''change_xid'' - ''field_revs'' FROM hub.%I t '
            'WHERE t.change_xid >= pg_snapshot_xmin($4::pg_snapshot) '
            'AND NOT pg_visible_in_snapshot(t.change_xid, $4::pg_snapshot) '
            'AND t.rev > $1 AND pg_visible_in_snapshot(t.change_xid, $2::pg_snapshot) ORDER BY t.rev LIMIT $3',
            p_table) USING coalesce(p_after_rev, 0), p_until, p_limit, p_since;
    END IF;
END
$$;

REVOKE ALL ON FUNCTION hub.push_mutation(uuid, text, text, text, text, jsonb, bigint), hub.sync_snapshot(),
    hub.pull_changes(text, text, text, bigint, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION hub.push_mutation(uuid, text, text, text, text, jsonb, bigint), hub.sync_snapshot(),
    hub.pull_changes(text, text, text, bigint, integer) TO :"member_role";
GRANT SELECT, INSERT, UPDATE ON hub.applied_mutations TO :"member_role";

INSERT INTO hub.schema_migrations (version, name) VALUES (5, 'sync');
