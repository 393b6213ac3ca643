-- Team mode: the timeline and the pipeline travel with the leads (DESIGN.md section 4). A note written on one desktop
-- appears on the lead's timeline on the others; the org's pipeline stages come from the server. The outbox triggers
-- follow 0010's leads triggers: the changed fields only, with the server rev the row had; writes of the sync engine
-- itself (sync_control.applying = 1) are not local changes.

CREATE TRIGGER activities_outbox_insert AFTER INSERT ON activities
WHEN (SELECT replicating = 1 AND applying = 0 FROM sync_control WHERE id = 1)
BEGIN
    INSERT INTO sync_outbox (mutation_id, table_name, row_id, op, fields, base_rev)
    VALUES (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))), 'activities', NEW.id, 'upsert', json_object(
            'lead_id', NEW.lead_id,
            'kind', NEW.kind,
            'body', NEW.body,
            'meta', NEW.meta,
            'created_at', NEW.created_at,
            'updated_at', NEW.updated_at,
            'deleted', NEW.deleted), NULL);
END;

CREATE TRIGGER activities_outbox_delete AFTER UPDATE ON activities
WHEN (SELECT replicating = 1 AND applying = 0 FROM sync_control WHERE id = 1) AND NEW.deleted = 1 AND OLD.deleted = 0
BEGIN
    INSERT INTO sync_outbox (mutation_id, table_name, row_id, op, fields, base_rev)
    VALUES (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))), 'activities', NEW.id, 'delete', '{}', OLD.rev);
END;

CREATE TRIGGER activities_outbox_update AFTER UPDATE ON activities
WHEN (SELECT replicating = 1 AND applying = 0 FROM sync_control WHERE id = 1) AND NOT (NEW.deleted = 1 AND OLD.deleted = 0)
    AND (NEW.lead_id IS NOT OLD.lead_id OR NEW.kind IS NOT OLD.kind OR NEW.body IS NOT OLD.body OR NEW.meta IS NOT OLD.meta OR NEW.created_at IS NOT OLD.created_at OR NEW.deleted IS NOT OLD.deleted)
BEGIN
    INSERT INTO sync_outbox (mutation_id, table_name, row_id, op, fields, base_rev)
    VALUES (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))), 'activities', NEW.id, 'upsert', json_remove(json_set('{}',
            CASE WHEN NEW.lead_id IS NOT OLD.lead_id THEN '$.lead_id' ELSE '$.__same' END, NEW.lead_id,
            CASE WHEN NEW.kind IS NOT OLD.kind THEN '$.kind' ELSE '$.__same' END, NEW.kind,
            CASE WHEN NEW.body IS NOT OLD.body THEN '$.body' ELSE '$.__same' END, NEW.body,
            CASE WHEN NEW.meta IS NOT OLD.meta THEN '$.meta' ELSE '$.__same' END, NEW.meta,
            CASE WHEN NEW.created_at IS NOT OLD.created_at THEN '$.created_at' ELSE '$.__same' END, NEW.created_at,
            CASE WHEN NEW.updated_at IS NOT OLD.updated_at THEN '$.updated_at' ELSE '$.__same' END, NEW.updated_at,
            CASE WHEN NEW.deleted IS NOT OLD.deleted THEN '$.deleted' ELSE '$.__same' END, NEW.deleted), '$.__same'),
        min(OLD.rev, NEW.rev));
    UPDATE activities SET rev = OLD.rev WHERE id = NEW.id AND NEW.rev < OLD.rev;
END;

CREATE TRIGGER pipeline_stages_outbox_insert AFTER INSERT ON pipeline_stages
WHEN (SELECT replicating = 1 AND applying = 0 FROM sync_control WHERE id = 1)
BEGIN
    INSERT INTO sync_outbox (mutation_id, table_name, row_id, op, fields, base_rev)
    VALUES (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))), 'pipeline_stages', NEW.id, 'upsert', json_object(
            'key', NEW.key,
            'name', NEW.name,
            'position', NEW.position,
            'color', NEW.color,
            'is_closed', NEW.is_closed,
            'created_at', NEW.created_at,
            'updated_at', NEW.updated_at,
            'deleted', NEW.deleted), NULL);
END;

CREATE TRIGGER pipeline_stages_outbox_delete AFTER UPDATE ON pipeline_stages
WHEN (SELECT replicating = 1 AND applying = 0 FROM sync_control WHERE id = 1) AND NEW.deleted = 1 AND OLD.deleted = 0
BEGIN
    INSERT INTO sync_outbox (mutation_id, table_name, row_id, op, fields, base_rev)
    VALUES (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))), 'pipeline_stages', NEW.id, 'delete', '{}', OLD.rev);
END;

CREATE TRIGGER pipeline_stages_outbox_update AFTER UPDATE ON pipeline_stages
WHEN (SELECT replicating = 1 AND applying = 0 FROM sync_control WHERE id = 1) AND NOT (NEW.deleted = 1 AND OLD.deleted = 0)
    AND (NEW.key IS NOT OLD.key OR NEW.name IS NOT OLD.name OR NEW.position IS NOT OLD.position OR NEW.color IS NOT OLD.color OR NEW.is_closed IS NOT OLD.is_closed OR NEW.created_at IS NOT OLD.created_at OR NEW.deleted IS NOT OLD.deleted)
BEGIN
    INSERT INTO sync_outbox (mutation_id, table_name, row_id, op, fields, base_rev)
    VALUES (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))), 'pipeline_stages', NEW.id, 'upsert', json_remove(json_set('{}',
            CASE WHEN NEW.key IS NOT OLD.key THEN '$.key' ELSE '$.__same' END, NEW.key,
            CASE WHEN NEW.name IS NOT OLD.name THEN '$.name' ELSE '$.__same' END, NEW.name,
            CASE WHEN NEW.position IS NOT OLD.position THEN '$.position' ELSE '$.__same' END, NEW.position,
            CASE WHEN NEW.color IS NOT OLD.color THEN '$.color' ELSE '$.__same' END, NEW.color,
            CASE WHEN NEW.is_closed IS NOT OLD.is_closed THEN '$.is_closed' ELSE '$.__same' END, NEW.is_closed,
            CASE WHEN NEW.created_at IS NOT OLD.created_at THEN '$.created_at' ELSE '$.__same' END, NEW.created_at,
            CASE WHEN NEW.updated_at IS NOT OLD.updated_at THEN '$.updated_at' ELSE '$.__same' END, NEW.updated_at,
            CASE WHEN NEW.deleted IS NOT OLD.deleted THEN '$.deleted' ELSE '$.__same' END, NEW.deleted), '$.__same'),
        min(OLD.rev, NEW.rev));
    UPDATE pipeline_stages SET rev = OLD.rev WHERE id = NEW.id AND NEW.rev < OLD.rev;
END;
