-- Team mode: the Deal Desk, lead intelligence, the calling library and calls travel with the leads (DESIGN.md
-- section 4). Proposals, analyses and calls follow the lead they belong to on the server; call scripts, playbooks,
-- objections and their links are the org's shared material. The outbox triggers follow 0010's leads triggers: the
-- changed fields only, with the server rev the row had; writes of the sync engine itself (sync_control.applying = 1)
-- are not local changes. Nothing secret is in these tables (a live call's monitor URLs are never stored, 0013).

-- One analysis per lead: when the server's analysis of a lead arrives while the replica holds another one (two
-- desktops analysed the lead apart), the server's wins and the local one, with its unpushed changes, goes.
CREATE TRIGGER lead_intelligence_server_wins BEFORE INSERT ON lead_intelligence
WHEN (SELECT applying = 1 FROM sync_control WHERE id = 1)
BEGIN
    DELETE FROM sync_outbox WHERE table_name = 'lead_intelligence'
        AND row_id IN (SELECT id FROM lead_intelligence WHERE lead_id = NEW.lead_id AND id <> NEW.id);
    DELETE FROM lead_intelligence WHERE lead_id = NEW.lead_id AND id <> NEW.id;
END;

-- Per table: the insert, delete and update triggers, then the rows a replica already held (written before this
-- migration, never pushed) queued as new rows, in the order the server needs them (a script before its links).
CREATE TRIGGER proposals_outbox_insert AFTER INSERT ON proposals
WHEN (SELECT replicating = 1 AND applying = 0 FROM sync_control WHERE id = 1)
BEGIN
    INSERT INTO sync_outbox (mutation_id, table_name, row_id, op, fields, base_rev)
    VALUES (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))), 'proposals', NEW.id, 'upsert', json_object(
            'lead_id', NEW.lead_id,
            'title', NEW.title,
            'status', NEW.status,
            'currency', NEW.currency,
            'valid_until', NEW.valid_until,
            'sent_at', NEW.sent_at,
            'accepted_at', NEW.accepted_at,
            'rejected_at', NEW.rejected_at,
            'rejection_reason', NEW.rejection_reason,
            'sections', NEW.sections,
            'lines', NEW.lines,
            'created_at', NEW.created_at,
            'updated_at', NEW.updated_at,
            'deleted', NEW.deleted), NULL);
END;

CREATE TRIGGER proposals_outbox_delete AFTER UPDATE ON proposals
WHEN (SELECT replicating = 1 AND applying = 0 FROM sync_control WHERE id = 1) AND NEW.deleted = 1 AND OLD.deleted = 0
BEGIN
    INSERT INTO sync_outbox (mutation_id, table_name, row_id, op, fields, base_rev)
    VALUES (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))), 'proposals', NEW.id, 'delete', '{}', OLD.rev);
END;

CREATE TRIGGER proposals_outbox_update AFTER UPDATE ON proposals
WHEN (SELECT replicating = 1 AND applying = 0 FROM sync_control WHERE id = 1) AND NOT (NEW.deleted = 1 AND OLD.deleted = 0)
    AND (NEW.lead_id IS NOT OLD.lead_id OR NEW.title IS NOT OLD.title OR NEW.status IS NOT OLD.status OR NEW.currency IS NOT OLD.currency OR NEW.valid_until IS NOT OLD.valid_until OR NEW.sent_at IS NOT OLD.sent_at OR NEW.accepted_at IS NOT OLD.accepted_at OR NEW.rejected_at IS NOT OLD.rejected_at OR NEW.rejection_reason IS NOT OLD.rejection_reason OR NEW.sections IS NOT OLD.sections OR NEW.lines IS NOT OLD.lines OR NEW.created_at IS NOT OLD.created_at OR NEW.deleted IS NOT OLD.deleted)
BEGIN
    INSERT INTO sync_outbox (mutation_id, table_name, row_id, op, fields, base_rev)
    VALUES (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))), 'proposals', NEW.id, 'upsert', json_remove(json_set('{}',
            CASE WHEN NEW.lead_id IS NOT OLD.lead_id THEN '$.lead_id' ELSE '$.__same' END, NEW.lead_id,
            CASE WHEN NEW.title IS NOT OLD.title THEN '$.title' ELSE '$.__same' END, NEW.title,
            CASE WHEN NEW.status IS NOT OLD.status THEN '$.status' ELSE '$.__same' END, NEW.status,
            CASE WHEN NEW.currency IS NOT OLD.currency THEN '$.currency' ELSE '$.__same' END, NEW.currency,
            CASE WHEN NEW.valid_until IS NOT OLD.valid_until THEN '$.valid_until' ELSE '$.__same' END, NEW.valid_until,
            CASE WHEN NEW.sent_at IS NOT OLD.sent_at THEN '$.sent_at' ELSE '$.__same' END, NEW.sent_at,
            CASE WHEN NEW.accepted_at IS NOT OLD.accepted_at THEN '$.accepted_at' ELSE '$.__same' END, NEW.accepted_at,
            CASE WHEN NEW.rejected_at IS NOT OLD.rejected_at THEN '$.rejected_at' ELSE '$.__same' END, NEW.rejected_at,
            CASE WHEN NEW.rejection_reason IS NOT OLD.rejection_reason THEN '$.rejection_reason' ELSE '$.__same' END, NEW.rejection_reason,
            CASE WHEN NEW.sections IS NOT OLD.sections THEN '$.sections' ELSE '$.__same' END, NEW.sections,
            CASE WHEN NEW.lines IS NOT OLD.lines THEN '$.lines' ELSE '$.__same' END, NEW.lines,
            CASE WHEN NEW.created_at IS NOT OLD.created_at THEN '$.created_at' ELSE '$.__same' END, NEW.created_at,
            CASE WHEN NEW.updated_at IS NOT OLD.updated_at THEN '$.updated_at' ELSE '$.__same' END, NEW.updated_at,
            CASE WHEN NEW.deleted IS NOT OLD.deleted THEN '$.deleted' ELSE '$.__same' END, NEW.deleted), '$.__same'),
        min(OLD.rev, NEW.rev));
    UPDATE proposals SET rev = OLD.rev WHERE id = NEW.id AND NEW.rev < OLD.rev;
END;

INSERT INTO sync_outbox (mutation_id, table_name, row_id, op, fields, base_rev)
SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))), 'proposals', t.id, 'upsert', json_object(
            'lead_id', t.lead_id,
            'title', t.title,
            'status', t.status,
            'currency', t.currency,
            'valid_until', t.valid_until,
            'sent_at', t.sent_at,
            'accepted_at', t.accepted_at,
            'rejected_at', t.rejected_at,
            'rejection_reason', t.rejection_reason,
            'sections', t.sections,
            'lines', t.lines,
            'created_at', t.created_at,
            'updated_at', t.updated_at,
            'deleted', t.deleted), NULL
FROM proposals t WHERE t.rev = 0 AND (SELECT replicating FROM sync_control WHERE id = 1) = 1;

CREATE TRIGGER lead_intelligence_outbox_insert AFTER INSERT ON lead_intelligence
WHEN (SELECT replicating = 1 AND applying = 0 FROM sync_control WHERE id = 1)
BEGIN
    INSERT INTO sync_outbox (mutation_id, table_name, row_id, op, fields, base_rev)
    VALUES (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))), 'lead_intelligence', NEW.id, 'upsert', json_object(
            'lead_id', NEW.lead_id,
            'deal_heat', NEW.deal_heat,
            'buying_intent', NEW.buying_intent,
            'budget', NEW.budget,
            'timeline', NEW.timeline,
            'decision_maker', NEW.decision_maker,
            'pain_points', NEW.pain_points,
            'key_insights', NEW.key_insights,
            'risks', NEW.risks,
            'next_best_action', NEW.next_best_action,
            'summary', NEW.summary,
            'fields_used', NEW.fields_used,
            'estimated_value_minor', NEW.estimated_value_minor,
            'model', NEW.model,
            'prompt_version', NEW.prompt_version,
            'analyzed_at', NEW.analyzed_at,
            'created_at', NEW.created_at,
            'updated_at', NEW.updated_at,
            'deleted', NEW.deleted), NULL);
END;

CREATE TRIGGER lead_intelligence_outbox_delete AFTER UPDATE ON lead_intelligence
WHEN (SELECT replicating = 1 AND applying = 0 FROM sync_control WHERE id = 1) AND NEW.deleted = 1 AND OLD.deleted = 0
BEGIN
    INSERT INTO sync_outbox (mutation_id, table_name, row_id, op, fields, base_rev)
    VALUES (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))), 'lead_intelligence', NEW.id, 'delete', '{}', OLD.rev);
END;

CREATE TRIGGER lead_intelligence_outbox_update AFTER UPDATE ON lead_intelligence
WHEN (SELECT replicating = 1 AND applying = 0 FROM sync_control WHERE id = 1) AND NOT (NEW.deleted = 1 AND OLD.deleted = 0)
    AND (NEW.lead_id IS NOT OLD.lead_id OR NEW.deal_heat IS NOT OLD.deal_heat OR NEW.buying_intent IS NOT OLD.buying_intent OR NEW.budget IS NOT OLD.budget OR NEW.timeline IS NOT OLD.timeline OR NEW.decision_maker IS NOT OLD.decision_maker OR NEW.pain_points IS NOT OLD.pain_points OR NEW.key_insights IS NOT OLD.key_insights OR NEW.risks IS NOT OLD.risks OR NEW.next_best_action IS NOT OLD.next_best_action OR NEW.summary IS NOT OLD.summary OR NEW.fields_used IS NOT OLD.fields_used OR NEW.estimated_value_minor IS NOT OLD.estimated_value_minor OR NEW.model IS NOT OLD.model OR NEW.prompt_version IS NOT OLD.prompt_version OR NEW.analyzed_at IS NOT OLD.analyzed_at OR NEW.created_at IS NOT OLD.created_at OR NEW.deleted IS NOT OLD.deleted)
BEGIN
    INSERT INTO sync_outbox (mutation_id, table_name, row_id, op, fields, base_rev)
    VALUES (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))), 'lead_intelligence', NEW.id, 'upsert', json_remove(json_set('{}',
            CASE WHEN NEW.lead_id IS NOT OLD.lead_id THEN '$.lead_id' ELSE '$.__same' END, NEW.lead_id,
            CASE WHEN NEW.deal_heat IS NOT OLD.deal_heat THEN '$.deal_heat' ELSE '$.__same' END, NEW.deal_heat,
            CASE WHEN NEW.buying_intent IS NOT OLD.buying_intent THEN '$.buying_intent' ELSE '$.__same' END, NEW.buying_intent,
            CASE WHEN NEW.budget IS NOT OLD.budget THEN '$.budget' ELSE '$.__same' END, NEW.budget,
            CASE WHEN NEW.timeline IS NOT OLD.timeline THEN '$.timeline' ELSE '$.__same' END, NEW.timeline,
            CASE WHEN NEW.decision_maker IS NOT OLD.decision_maker THEN '$.decision_maker' ELSE '$.__same' END, NEW.decision_maker,
            CASE WHEN NEW.pain_points IS NOT OLD.pain_points THEN '$.pain_points' ELSE '$.__same' END, NEW.pain_points,
            CASE WHEN NEW.key_insights IS NOT OLD.key_insights THEN '$.key_insights' ELSE '$.__same' END, NEW.key_insights,
            CASE WHEN NEW.risks IS NOT OLD.risks THEN '$.risks' ELSE '$.__same' END, NEW.risks,
            CASE WHEN NEW.next_best_action IS NOT OLD.next_best_action THEN '$.next_best_action' ELSE '$.__same' END, NEW.next_best_action,
            CASE WHEN NEW.summary IS NOT OLD.summary THEN '$.summary' ELSE '$.__same' END, NEW.summary,
            CASE WHEN NEW.fields_used IS NOT OLD.fields_used THEN '$.fields_used' ELSE '$.__same' END, NEW.fields_used,
            CASE WHEN NEW.estimated_value_minor IS NOT OLD.estimated_value_minor THEN '$.estimated_value_minor' ELSE '$.__same' END, NEW.estimated_value_minor,
            CASE WHEN NEW.model IS NOT OLD.model THEN '$.model' ELSE '$.__same' END, NEW.model,
            CASE WHEN NEW.prompt_version IS NOT OLD.prompt_version THEN '$.prompt_version' ELSE '$.__same' END, NEW.prompt_version,
            CASE WHEN NEW.analyzed_at IS NOT OLD.analyzed_at THEN '$.analyzed_at' ELSE '$.__same' END, NEW.analyzed_at,
            CASE WHEN NEW.created_at IS NOT OLD.created_at THEN '$.created_at' ELSE '$.__same' END, NEW.created_at,
            CASE WHEN NEW.updated_at IS NOT OLD.updated_at THEN '$.updated_at' ELSE '$.__same' END, NEW.updated_at,
            CASE WHEN NEW.deleted IS NOT OLD.deleted THEN '$.deleted' ELSE '$.__same' END, NEW.deleted), '$.__same'),
        min(OLD.rev, NEW.rev));
    UPDATE lead_intelligence SET rev = OLD.rev WHERE id = NEW.id AND NEW.rev < OLD.rev;
END;

INSERT INTO sync_outbox (mutation_id, table_name, row_id, op, fields, base_rev)
SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))), 'lead_intelligence', t.id, 'upsert', json_object(
            'lead_id', t.lead_id,
            'deal_heat', t.deal_heat,
            'buying_intent', t.buying_intent,
            'budget', t.budget,
            'timeline', t.timeline,
            'decision_maker', t.decision_maker,
            'pain_points', t.pain_points,
            'key_insights', t.key_insights,
            'risks', t.risks,
            'next_best_action', t.next_best_action,
            'summary', t.summary,
            'fields_used', t.fields_used,
            'estimated_value_minor', t.estimated_value_minor,
            'model', t.model,
            'prompt_version', t.prompt_version,
            'analyzed_at', t.analyzed_at,
            'created_at', t.created_at,
            'updated_at', t.updated_at,
            'deleted', t.deleted), NULL
FROM lead_intelligence t WHERE t.rev = 0 AND (SELECT replicating FROM sync_control WHERE id = 1) = 1;

CREATE TRIGGER call_scripts_outbox_insert AFTER INSERT ON call_scripts
WHEN (SELECT replicating = 1 AND applying = 0 FROM sync_control WHERE id = 1)
BEGIN
    INSERT INTO sync_outbox (mutation_id, table_name, row_id, op, fields, base_rev)
    VALUES (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))), 'call_scripts', NEW.id, 'upsert', json_object(
            'name', NEW.name,
            'purpose', NEW.purpose,
            'industry', NEW.industry,
            'opening_line', NEW.opening_line,
            'talking_points', NEW.talking_points,
            'objection_handlers', NEW.objection_handlers,
            'rate_min_minor', NEW.rate_min_minor,
            'rate_max_minor', NEW.rate_max_minor,
            'currency', NEW.currency,
            'closing_strategy', NEW.closing_strategy,
            'voice_id', NEW.voice_id,
            'llm_model', NEW.llm_model,
            'language', NEW.language,
            'temperature', NEW.temperature,
            'usage_count', NEW.usage_count,
            'created_at', NEW.created_at,
            'updated_at', NEW.updated_at,
            'deleted', NEW.deleted), NULL);
END;

CREATE TRIGGER call_scripts_outbox_delete AFTER UPDATE ON call_scripts
WHEN (SELECT replicating = 1 AND applying = 0 FROM sync_control WHERE id = 1) AND NEW.deleted = 1 AND OLD.deleted = 0
BEGIN
    INSERT INTO sync_outbox (mutation_id, table_name, row_id, op, fields, base_rev)
    VALUES (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))), 'call_scripts', NEW.id, 'delete', '{}', OLD.rev);
END;

CREATE TRIGGER call_scripts_outbox_update AFTER UPDATE ON call_scripts
WHEN (SELECT replicating = 1 AND applying = 0 FROM sync_control WHERE id = 1) AND NOT (NEW.deleted = 1 AND OLD.deleted = 0)
    AND (NEW.name IS NOT OLD.name OR NEW.purpose IS NOT OLD.purpose OR NEW.industry IS NOT OLD.industry OR NEW.opening_line IS NOT OLD.opening_line OR NEW.talking_points IS NOT OLD.talking_points OR NEW.objection_handlers IS NOT OLD.objection_handlers OR NEW.rate_min_minor IS NOT OLD.rate_min_minor OR NEW.rate_max_minor IS NOT OLD.rate_max_minor OR NEW.currency IS NOT OLD.currency OR NEW.closing_strategy IS NOT OLD.closing_strategy OR NEW.voice_id IS NOT OLD.voice_id OR NEW.llm_model IS NOT OLD.llm_model OR NEW.language IS NOT OLD.language OR NEW.temperature IS NOT OLD.temperature OR NEW.usage_count IS NOT OLD.usage_count OR NEW.created_at IS NOT OLD.created_at OR NEW.deleted IS NOT OLD.deleted)
BEGIN
    INSERT INTO sync_outbox (mutation_id, table_name, row_id, op, fields, base_rev)
    VALUES (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))), 'call_scripts', NEW.id, 'upsert', json_remove(json_set('{}',
            CASE WHEN NEW.name IS NOT OLD.name THEN '$.name' ELSE '$.__same' END, NEW.name,
            CASE WHEN NEW.purpose IS NOT OLD.purpose THEN '$.purpose' ELSE '$.__same' END, NEW.purpose,
            CASE WHEN NEW.industry IS NOT OLD.industry THEN '$.industry' ELSE '$.__same' END, NEW.industry,
            CASE WHEN NEW.opening_line IS NOT OLD.opening_line THEN '$.opening_line' ELSE '$.__same' END, NEW.opening_line,
            CASE WHEN NEW.talking_points IS NOT OLD.talking_points THEN '$.talking_points' ELSE '$.__same' END, NEW.talking_points,
            CASE WHEN NEW.objection_handlers IS NOT OLD.objection_handlers THEN '$.objection_handlers' ELSE '$.__same' END, NEW.objection_handlers,
            CASE WHEN NEW.rate_min_minor IS NOT OLD.rate_min_minor THEN '$.rate_min_minor' ELSE '$.__same' END, NEW.rate_min_minor,
            CASE WHEN NEW.rate_max_minor IS NOT OLD.rate_max_minor THEN '$.rate_max_minor' ELSE '$.__same' END, NEW.rate_max_minor,
            CASE WHEN NEW.currency IS NOT OLD.currency THEN '$.currency' ELSE '$.__same' END, NEW.currency,
            CASE WHEN NEW.closing_strategy IS NOT OLD.closing_strategy THEN '$.closing_strategy' ELSE '$.__same' END, NEW.closing_strategy,
            CASE WHEN NEW.voice_id IS NOT OLD.voice_id THEN '$.voice_id' ELSE '$.__same' END, NEW.voice_id,
            CASE WHEN NEW.llm_model IS NOT OLD.llm_model THEN '$.llm_model' ELSE '$.__same' END, NEW.llm_model,
            CASE WHEN NEW.language IS NOT OLD.language THEN '$.language' ELSE '$.__same' END, NEW.language,
            CASE WHEN NEW.temperature IS NOT OLD.temperature THEN '$.temperature' ELSE '$.__same' END, NEW.temperature,
            CASE WHEN NEW.usage_count IS NOT OLD.usage_count THEN '$.usage_count' ELSE '$.__same' END, NEW.usage_count,
            CASE WHEN NEW.created_at IS NOT OLD.created_at THEN '$.created_at' ELSE '$.__same' END, NEW.created_at,
            CASE WHEN NEW.updated_at IS NOT OLD.updated_at THEN '$.updated_at' ELSE '$.__same' END, NEW.updated_at,
            CASE WHEN NEW.deleted IS NOT OLD.deleted THEN '$.deleted' ELSE '$.__same' END, NEW.deleted), '$.__same'),
        min(OLD.rev, NEW.rev));
    UPDATE call_scripts SET rev = OLD.rev WHERE id = NEW.id AND NEW.rev < OLD.rev;
END;

INSERT INTO sync_outbox (mutation_id, table_name, row_id, op, fields, base_rev)
SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))), 'call_scripts', t.id, 'upsert', json_object(
            'name', t.name,
            'purpose', t.purpose,
            'industry', t.industry,
            'opening_line', t.opening_line,
            'talking_points', t.talking_points,
            'objection_handlers', t.objection_handlers,
            'rate_min_minor', t.rate_min_minor,
            'rate_max_minor', t.rate_max_minor,
            'currency', t.currency,
            'closing_strategy', t.closing_strategy,
            'voice_id', t.voice_id,
            'llm_model', t.llm_model,
            'language', t.language,
            'temperature', t.temperature,
            'usage_count', t.usage_count,
            'created_at', t.created_at,
            'updated_at', t.updated_at,
            'deleted', t.deleted), NULL
FROM call_scripts t WHERE t.rev = 0 AND (SELECT replicating FROM sync_control WHERE id = 1) = 1;

CREATE TRIGGER playbooks_outbox_insert AFTER INSERT ON playbooks
WHEN (SELECT replicating = 1 AND applying = 0 FROM sync_control WHERE id = 1)
BEGIN
    INSERT INTO sync_outbox (mutation_id, table_name, row_id, op, fields, base_rev)
    VALUES (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))), 'playbooks', NEW.id, 'upsert', json_object(
            'name', NEW.name,
            'description', NEW.description,
            'stage_key', NEW.stage_key,
            'content', NEW.content,
            'created_at', NEW.created_at,
            'updated_at', NEW.updated_at,
            'deleted', NEW.deleted), NULL);
END;

CREATE TRIGGER playbooks_outbox_delete AFTER UPDATE ON playbooks
WHEN (SELECT replicating = 1 AND applying = 0 FROM sync_control WHERE id = 1) AND NEW.deleted = 1 AND OLD.deleted = 0
BEGIN
    INSERT INTO sync_outbox (mutation_id, table_name, row_id, op, fields, base_rev)
    VALUES (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))), 'playbooks', NEW.id, 'delete', '{}', OLD.rev);
END;

CREATE TRIGGER playbooks_outbox_update AFTER UPDATE ON playbooks
WHEN (SELECT replicating = 1 AND applying = 0 FROM sync_control WHERE id = 1) AND NOT (NEW.deleted = 1 AND OLD.deleted = 0)
    AND (NEW.name IS NOT OLD.name OR NEW.description IS NOT OLD.description OR NEW.stage_key IS NOT OLD.stage_key OR NEW.content IS NOT OLD.content OR NEW.created_at IS NOT OLD.created_at OR NEW.deleted IS NOT OLD.deleted)
BEGIN
    INSERT INTO sync_outbox (mutation_id, table_name, row_id, op, fields, base_rev)
    VALUES (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))), 'playbooks', NEW.id, 'upsert', json_remove(json_set('{}',
            CASE WHEN NEW.name IS NOT OLD.name THEN '$.name' ELSE '$.__same' END, NEW.name,
            CASE WHEN NEW.description IS NOT OLD.description THEN '$.description' ELSE '$.__same' END, NEW.description,
            CASE WHEN NEW.stage_key IS NOT OLD.stage_key THEN '$.stage_key' ELSE '$.__same' END, NEW.stage_key,
            CASE WHEN NEW.content IS NOT OLD.content THEN '$.content' ELSE '$.__same' END, NEW.content,
            CASE WHEN NEW.created_at IS NOT OLD.created_at THEN '$.created_at' ELSE '$.__same' END, NEW.created_at,
            CASE WHEN NEW.updated_at IS NOT OLD.updated_at THEN '$.updated_at' ELSE '$.__same' END, NEW.updated_at,
            CASE WHEN NEW.deleted IS NOT OLD.deleted THEN '$.deleted' ELSE '$.__same' END, NEW.deleted), '$.__same'),
        min(OLD.rev, NEW.rev));
    UPDATE playbooks SET rev = OLD.rev WHERE id = NEW.id AND NEW.rev < OLD.rev;
END;

INSERT INTO sync_outbox (mutation_id, table_name, row_id, op, fields, base_rev)
SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))), 'playbooks', t.id, 'upsert', json_object(
            'name', t.name,
            'description', t.description,
            'stage_key', t.stage_key,
            'content', t.content,
            'created_at', t.created_at,
            'updated_at', t.updated_at,
            'deleted', t.deleted), NULL
FROM playbooks t WHERE t.rev = 0 AND (SELECT replicating FROM sync_control WHERE id = 1) = 1;

CREATE TRIGGER objections_outbox_insert AFTER INSERT ON objections
WHEN (SELECT replicating = 1 AND applying = 0 FROM sync_control WHERE id = 1)
BEGIN
    INSERT INTO sync_outbox (mutation_id, table_name, row_id, op, fields, base_rev)
    VALUES (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))), 'objections', NEW.id, 'upsert', json_object(
            'objection', NEW.objection,
            'response', NEW.response,
            'category', NEW.category,
            'tags', NEW.tags,
            'playbook_ids', NEW.playbook_ids,
            'created_at', NEW.created_at,
            'updated_at', NEW.updated_at,
            'deleted', NEW.deleted), NULL);
END;

CREATE TRIGGER objections_outbox_delete AFTER UPDATE ON objections
WHEN (SELECT replicating = 1 AND applying = 0 FROM sync_control WHERE id = 1) AND NEW.deleted = 1 AND OLD.deleted = 0
BEGIN
    INSERT INTO sync_outbox (mutation_id, table_name, row_id, op, fields, base_rev)
    VALUES (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))), 'objections', NEW.id, 'delete', '{}', OLD.rev);
END;

CREATE TRIGGER objections_outbox_update AFTER UPDATE ON objections
WHEN (SELECT replicating = 1 AND applying = 0 FROM sync_control WHERE id = 1) AND NOT (NEW.deleted = 1 AND OLD.deleted = 0)
    AND (NEW.objection IS NOT OLD.objection OR NEW.response IS NOT OLD.response OR NEW.category IS NOT OLD.category OR NEW.tags IS NOT OLD.tags OR NEW.playbook_ids IS NOT OLD.playbook_ids OR NEW.created_at IS NOT OLD.created_at OR NEW.deleted IS NOT OLD.deleted)
BEGIN
    INSERT INTO sync_outbox (mutation_id, table_name, row_id, op, fields, base_rev)
    VALUES (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))), 'objections', NEW.id, 'upsert', json_remove(json_set('{}',
            CASE WHEN NEW.objection IS NOT OLD.objection THEN '$.objection' ELSE '$.__same' END, NEW.objection,
            CASE WHEN NEW.response IS NOT OLD.response THEN '$.response' ELSE '$.__same' END, NEW.response,
            CASE WHEN NEW.category IS NOT OLD.category THEN '$.category' ELSE '$.__same' END, NEW.category,
            CASE WHEN NEW.tags IS NOT OLD.tags THEN '$.tags' ELSE '$.__same' END, NEW.tags,
            CASE WHEN NEW.playbook_ids IS NOT OLD.playbook_ids THEN '$.playbook_ids' ELSE '$.__same' END, NEW.playbook_ids,
            CASE WHEN NEW.created_at IS NOT OLD.created_at THEN '$.created_at' ELSE '$.__same' END, NEW.created_at,
            CASE WHEN NEW.updated_at IS NOT OLD.updated_at THEN '$.updated_at' ELSE '$.__same' END, NEW.updated_at,
            CASE WHEN NEW.deleted IS NOT OLD.deleted THEN '$.deleted' ELSE '$.__same' END, NEW.deleted), '$.__same'),
        min(OLD.rev, NEW.rev));
    UPDATE objections SET rev = OLD.rev WHERE id = NEW.id AND NEW.rev < OLD.rev;
END;

INSERT INTO sync_outbox (mutation_id, table_name, row_id, op, fields, base_rev)
SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))), 'objections', t.id, 'upsert', json_object(
            'objection', t.objection,
            'response', t.response,
            'category', t.category,
            'tags', t.tags,
            'playbook_ids', t.playbook_ids,
            'created_at', t.created_at,
            'updated_at', t.updated_at,
            'deleted', t.deleted), NULL
FROM objections t WHERE t.rev = 0 AND (SELECT replicating FROM sync_control WHERE id = 1) = 1;

CREATE TRIGGER call_script_objections_outbox_insert AFTER INSERT ON call_script_objections
WHEN (SELECT replicating = 1 AND applying = 0 FROM sync_control WHERE id = 1)
BEGIN
    INSERT INTO sync_outbox (mutation_id, table_name, row_id, op, fields, base_rev)
    VALUES (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))), 'call_script_objections', NEW.id, 'upsert', json_object(
            'script_id', NEW.script_id,
            'objection_id', NEW.objection_id,
            'position', NEW.position,
            'created_at', NEW.created_at,
            'updated_at', NEW.updated_at,
            'deleted', NEW.deleted), NULL);
END;

CREATE TRIGGER call_script_objections_outbox_delete AFTER UPDATE ON call_script_objections
WHEN (SELECT replicating = 1 AND applying = 0 FROM sync_control WHERE id = 1) AND NEW.deleted = 1 AND OLD.deleted = 0
BEGIN
    INSERT INTO sync_outbox (mutation_id, table_name, row_id, op, fields, base_rev)
    VALUES (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))), 'call_script_objections', NEW.id, 'delete', '{}', OLD.rev);
END;

CREATE TRIGGER call_script_objections_outbox_update AFTER UPDATE ON call_script_objections
WHEN (SELECT replicating = 1 AND applying = 0 FROM sync_control WHERE id = 1) AND NOT (NEW.deleted = 1 AND OLD.deleted = 0)
    AND (NEW.script_id IS NOT OLD.script_id OR NEW.objection_id IS NOT OLD.objection_id OR NEW.position IS NOT OLD.position OR NEW.created_at IS NOT OLD.created_at OR NEW.deleted IS NOT OLD.deleted)
BEGIN
    INSERT INTO sync_outbox (mutation_id, table_name, row_id, op, fields, base_rev)
    VALUES (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))), 'call_script_objections', NEW.id, 'upsert', json_remove(json_set('{}',
            CASE WHEN NEW.script_id IS NOT OLD.script_id THEN '$.script_id' ELSE '$.__same' END, NEW.script_id,
            CASE WHEN NEW.objection_id IS NOT OLD.objection_id THEN '$.objection_id' ELSE '$.__same' END, NEW.objection_id,
            CASE WHEN NEW.position IS NOT OLD.position THEN '$.position' ELSE '$.__same' END, NEW.position,
            CASE WHEN NEW.created_at IS NOT OLD.created_at THEN '$.created_at' ELSE '$.__same' END, NEW.created_at,
            CASE WHEN NEW.updated_at IS NOT OLD.updated_at THEN '$.updated_at' ELSE '$.__same' END, NEW.updated_at,
            CASE WHEN NEW.deleted IS NOT OLD.deleted THEN '$.deleted' ELSE '$.__same' END, NEW.deleted), '$.__same'),
        min(OLD.rev, NEW.rev));
    UPDATE call_script_objections SET rev = OLD.rev WHERE id = NEW.id AND NEW.rev < OLD.rev;
END;

INSERT INTO sync_outbox (mutation_id, table_name, row_id, op, fields, base_rev)
SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))), 'call_script_objections', t.id, 'upsert', json_object(
            'script_id', t.script_id,
            'objection_id', t.objection_id,
            'position', t.position,
            'created_at', t.created_at,
            'updated_at', t.updated_at,
            'deleted', t.deleted), NULL
FROM call_script_objections t WHERE t.rev = 0 AND (SELECT replicating FROM sync_control WHERE id = 1) = 1;

CREATE TRIGGER calls_outbox_insert AFTER INSERT ON calls
WHEN (SELECT replicating = 1 AND applying = 0 FROM sync_control WHERE id = 1)
BEGIN
    INSERT INTO sync_outbox (mutation_id, table_name, row_id, op, fields, base_rev)
    VALUES (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))), 'calls', NEW.id, 'upsert', json_object(
            'lead_id', NEW.lead_id,
            'agent_run_id', NEW.agent_run_id,
            'script_id', NEW.script_id,
            'provider', NEW.provider,
            'provider_call_id', NEW.provider_call_id,
            'status', NEW.status,
            'outcome', NEW.outcome,
            'sentiment', NEW.sentiment,
            'duration_s', NEW.duration_s,
            'summary', NEW.summary,
            'transcript', NEW.transcript,
            'recording_url', NEW.recording_url,
            'cost', NEW.cost,
            'ended_reason', NEW.ended_reason,
            'error_reason', NEW.error_reason,
            'notes', NEW.notes,
            'started_at', NEW.started_at,
            'ended_at', NEW.ended_at,
            'created_at', NEW.created_at,
            'updated_at', NEW.updated_at,
            'deleted', NEW.deleted), NULL);
END;

CREATE TRIGGER calls_outbox_delete AFTER UPDATE ON calls
WHEN (SELECT replicating = 1 AND applying = 0 FROM sync_control WHERE id = 1) AND NEW.deleted = 1 AND OLD.deleted = 0
BEGIN
    INSERT INTO sync_outbox (mutation_id, table_name, row_id, op, fields, base_rev)
    VALUES (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))), 'calls', NEW.id, 'delete', '{}', OLD.rev);
END;

CREATE TRIGGER calls_outbox_update AFTER UPDATE ON calls
WHEN (SELECT replicating = 1 AND applying = 0 FROM sync_control WHERE id = 1) AND NOT (NEW.deleted = 1 AND OLD.deleted = 0)
    AND (NEW.lead_id IS NOT OLD.lead_id OR NEW.agent_run_id IS NOT OLD.agent_run_id OR NEW.script_id IS NOT OLD.script_id OR NEW.provider IS NOT OLD.provider OR NEW.provider_call_id IS NOT OLD.provider_call_id OR NEW.status IS NOT OLD.status OR NEW.outcome IS NOT OLD.outcome OR NEW.sentiment IS NOT OLD.sentiment OR NEW.duration_s IS NOT OLD.duration_s OR NEW.summary IS NOT OLD.summary OR NEW.transcript IS NOT OLD.transcript OR NEW.recording_url IS NOT OLD.recording_url OR NEW.cost IS NOT OLD.cost OR NEW.ended_reason IS NOT OLD.ended_reason OR NEW.error_reason IS NOT OLD.error_reason OR NEW.notes IS NOT OLD.notes OR NEW.started_at IS NOT OLD.started_at OR NEW.ended_at IS NOT OLD.ended_at OR NEW.created_at IS NOT OLD.created_at OR NEW.deleted IS NOT OLD.deleted)
BEGIN
    INSERT INTO sync_outbox (mutation_id, table_name, row_id, op, fields, base_rev)
    VALUES (lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))), 'calls', NEW.id, 'upsert', json_remove(json_set('{}',
            CASE WHEN NEW.lead_id IS NOT OLD.lead_id THEN '$.lead_id' ELSE '$.__same' END, NEW.lead_id,
            CASE WHEN NEW.agent_run_id IS NOT OLD.agent_run_id THEN '$.agent_run_id' ELSE '$.__same' END, NEW.agent_run_id,
            CASE WHEN NEW.script_id IS NOT OLD.script_id THEN '$.script_id' ELSE '$.__same' END, NEW.script_id,
            CASE WHEN NEW.provider IS NOT OLD.provider THEN '$.provider' ELSE '$.__same' END, NEW.provider,
            CASE WHEN NEW.provider_call_id IS NOT OLD.provider_call_id THEN '$.provider_call_id' ELSE '$.__same' END, NEW.provider_call_id,
            CASE WHEN NEW.status IS NOT OLD.status THEN '$.status' ELSE '$.__same' END, NEW.status,
            CASE WHEN NEW.outcome IS NOT OLD.outcome THEN '$.outcome' ELSE '$.__same' END, NEW.outcome,
            CASE WHEN NEW.sentiment IS NOT OLD.sentiment THEN '$.sentiment' ELSE '$.__same' END, NEW.sentiment,
            CASE WHEN NEW.duration_s IS NOT OLD.duration_s THEN '$.duration_s' ELSE '$.__same' END, NEW.duration_s,
            CASE WHEN NEW.summary IS NOT OLD.summary THEN '$.summary' ELSE '$.__same' END, NEW.summary,
            CASE WHEN NEW.transcript IS NOT OLD.transcript THEN '$.transcript' ELSE '$.__same' END, NEW.transcript,
            CASE WHEN NEW.recording_url IS NOT OLD.recording_url THEN '$.recording_url' ELSE '$.__same' END, NEW.recording_url,
            CASE WHEN NEW.cost IS NOT OLD.cost THEN '$.cost' ELSE '$.__same' END, NEW.cost,
            CASE WHEN NEW.ended_reason IS NOT OLD.ended_reason THEN '$.ended_reason' ELSE '$.__same' END, NEW.ended_reason,
            CASE WHEN NEW.error_reason IS NOT OLD.error_reason THEN '$.error_reason' ELSE '$.__same' END, NEW.error_reason,
            CASE WHEN NEW.notes IS NOT OLD.notes THEN '$.notes' ELSE '$.__same' END, NEW.notes,
            CASE WHEN NEW.started_at IS NOT OLD.started_at THEN '$.started_at' ELSE '$.__same' END, NEW.started_at,
            CASE WHEN NEW.ended_at IS NOT OLD.ended_at THEN '$.ended_at' ELSE '$.__same' END, NEW.ended_at,
            CASE WHEN NEW.created_at IS NOT OLD.created_at THEN '$.created_at' ELSE '$.__same' END, NEW.created_at,
            CASE WHEN NEW.updated_at IS NOT OLD.updated_at THEN '$.updated_at' ELSE '$.__same' END, NEW.updated_at,
            CASE WHEN NEW.deleted IS NOT OLD.deleted THEN '$.deleted' ELSE '$.__same' END, NEW.deleted), '$.__same'),
        min(OLD.rev, NEW.rev));
    UPDATE calls SET rev = OLD.rev WHERE id = NEW.id AND NEW.rev < OLD.rev;
END;

INSERT INTO sync_outbox (mutation_id, table_name, row_id, op, fields, base_rev)
SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))), 'calls', t.id, 'upsert', json_object(
            'lead_id', t.lead_id,
            'agent_run_id', t.agent_run_id,
            'script_id', t.script_id,
            'provider', t.provider,
            'provider_call_id', t.provider_call_id,
            'status', t.status,
            'outcome', t.outcome,
            'sentiment', t.sentiment,
            'duration_s', t.duration_s,
            'summary', t.summary,
            'transcript', t.transcript,
            'recording_url', t.recording_url,
            'cost', t.cost,
            'ended_reason', t.ended_reason,
            'error_reason', t.error_reason,
            'notes', t.notes,
            'started_at', t.started_at,
            'ended_at', t.ended_at,
            'created_at', t.created_at,
            'updated_at', t.updated_at,
            'deleted', t.deleted), NULL
FROM calls t WHERE t.rev = 0 AND (SELECT replicating FROM sync_control WHERE id = 1) = 1;
