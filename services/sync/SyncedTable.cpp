#include "services/sync/SyncedTable.h"

#include "models/Ids.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace {

QDateTime parseServerTime(const QString& text)
{
    QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (time.isValid())
        return time;
    // PostgreSQL writes microseconds; Qt reads at most milliseconds.
    static const QRegularExpression fraction(QStringLiteral("(\\.\\d{3})\\d+"));
    QString trimmed = text;
    trimmed.replace(fraction, QStringLiteral("\\1"));
    return QDateTime::fromString(trimmed, Qt::ISODateWithMs);
}

// Column names as one space-separated list.
QStringList names(const char* list)
{
    return QString::fromLatin1(list).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

QSet<QString> nameSet(const char* list)
{
    const QStringList all = names(list);
    return QSet<QString>(all.begin(), all.end());
}
} // namespace

const SyncedTable& SyncedTable::leads()
{
    static const SyncedTable table = [] {
        SyncedTable t;
        t.m_name = QStringLiteral("leads");
        t.m_columns = QStringList { QStringLiteral("id"), QStringLiteral("org_id"), QStringLiteral("owner_id"),
            QStringLiteral("assigned_to"), QStringLiteral("name"), QStringLiteral("company"),
            QStringLiteral("contact_person"), QStringLiteral("title"), QStringLiteral("email"), QStringLiteral("phone"),
            QStringLiteral("phone_raw"), QStringLiteral("website"), QStringLiteral("website_issues"),
            QStringLiteral("location"), QStringLiteral("status"), QStringLiteral("source"), QStringLiteral("industry"),
            QStringLiteral("tags"), QStringLiteral("notes"), QStringLiteral("value_minor"), QStringLiteral("currency"),
            QStringLiteral("do_not_call"), QStringLiteral("email_opt_out"), QStringLiteral("sms_opt_out"),
            QStringLiteral("lawful_basis"), QStringLiteral("marketing_consent"), QStringLiteral("consent_at"),
            QStringLiteral("ai_profile"), QStringLiteral("ai_profile_at"), QStringLiteral("ai_profile_model"),
            QStringLiteral("deal_heat"), QStringLiteral("field_sources"), QStringLiteral("last_contacted_at"),
            QStringLiteral("import_job_id"), QStringLiteral("created_at"), QStringLiteral("updated_at"),
            QStringLiteral("deleted"), QStringLiteral("rev") };
        t.m_userColumns = QStringList { QStringLiteral("owner_id") };
        t.m_jsonColumns = { QStringLiteral("ai_profile"), QStringLiteral("field_sources") };
        t.m_boolColumns = { QStringLiteral("do_not_call"), QStringLiteral("email_opt_out"),
            QStringLiteral("sms_opt_out"), QStringLiteral("marketing_consent"), QStringLiteral("deleted") };
        t.m_timeColumns = { QStringLiteral("consent_at"), QStringLiteral("ai_profile_at"),
            QStringLiteral("last_contacted_at"), QStringLiteral("created_at"), QStringLiteral("updated_at") };
        // 0017 (search index, list figures and totals) and 0010 (outbox).
        t.m_bulkTriggers = { QStringLiteral("lead_derived_insert"), QStringLiteral("leads_outbox_insert") };
        t.m_searchIndex = QStringLiteral("leads_fts");
        t.m_bulkRebuild = {
            QStringLiteral("INSERT OR REPLACE INTO lead_figures (lead_rowid, deleted, status, currency, value_minor) "
                           "SELECT rowid, deleted, status, currency, value_minor FROM leads"),
            QStringLiteral("DELETE FROM lead_totals"),
            QStringLiteral("INSERT INTO lead_totals (status, currency, leads, value_minor) "
                           "SELECT status, currency, count(*), sum(value_minor) FROM leads WHERE deleted = 0 "
                           "GROUP BY status, currency")
        };
        return t;
    }();
    return table;
}

const SyncedTable& SyncedTable::activities()
{
    static const SyncedTable table = [] {
        SyncedTable t;
        t.m_name = QStringLiteral("activities");
        t.m_columns = QStringList { QStringLiteral("id"), QStringLiteral("org_id"), QStringLiteral("lead_id"),
            QStringLiteral("kind"), QStringLiteral("body"), QStringLiteral("meta"), QStringLiteral("created_by"),
            QStringLiteral("created_at"), QStringLiteral("updated_at"), QStringLiteral("deleted"),
            QStringLiteral("rev") };
        t.m_parentColumn = QStringLiteral("lead_id");
        t.m_jsonColumns = { QStringLiteral("meta") };
        t.m_boolColumns = { QStringLiteral("deleted") };
        t.m_timeColumns = { QStringLiteral("created_at"), QStringLiteral("updated_at") };
        t.m_bulkTriggers = { QStringLiteral("activities_outbox_insert") };
        return t;
    }();
    return table;
}

const SyncedTable& SyncedTable::pipelineStages()
{
    static const SyncedTable table = [] {
        SyncedTable t;
        t.m_name = QStringLiteral("pipeline_stages");
        t.m_columns = QStringList { QStringLiteral("id"), QStringLiteral("org_id"), QStringLiteral("key"),
            QStringLiteral("name"), QStringLiteral("position"), QStringLiteral("color"), QStringLiteral("is_closed"),
            QStringLiteral("created_at"), QStringLiteral("updated_at"), QStringLiteral("deleted"),
            QStringLiteral("rev") };
        t.m_boolColumns = { QStringLiteral("is_closed"), QStringLiteral("deleted") };
        t.m_timeColumns = { QStringLiteral("created_at"), QStringLiteral("updated_at") };
        t.m_bulkTriggers = { QStringLiteral("pipeline_stages_outbox_insert") };
        return t;
    }();
    return table;
}

// A table of 0015_sync_deals_calls_scripts.sql: id and org_id first, rev last, a tombstone, the outbox insert
// trigger left out of a first sync into an empty table.
SyncedTable SyncedTable::make(
    const char* name, const char* columns, const char* parent, const char* json, const char* times)
{
    SyncedTable t;
    t.m_name = QString::fromLatin1(name);
    t.m_columns = names("id org_id") + names(columns) + names("created_at updated_at deleted rev");
    t.m_parentColumn = QString::fromLatin1(parent);
    t.m_jsonColumns = nameSet(json);
    t.m_boolColumns = { QStringLiteral("deleted") };
    t.m_timeColumns = nameSet(times) + nameSet("created_at updated_at");
    t.m_bulkTriggers = { t.m_name + QStringLiteral("_outbox_insert") };
    return t;
}

const SyncedTable& SyncedTable::proposals()
{
    static const SyncedTable table = make("proposals",
        "lead_id title status currency valid_until sent_at accepted_at rejected_at rejection_reason sections lines",
        "lead_id", "sections lines", "sent_at accepted_at rejected_at");
    return table;
}

const SyncedTable& SyncedTable::leadIntelligence()
{
    static const SyncedTable table = make("lead_intelligence",
        "lead_id deal_heat buying_intent budget timeline decision_maker pain_points key_insights risks "
        "next_best_action summary fields_used estimated_value_minor model prompt_version analyzed_at",
        "lead_id", "pain_points key_insights risks fields_used", "analyzed_at");
    return table;
}

const SyncedTable& SyncedTable::callScripts()
{
    static const SyncedTable table = make("call_scripts",
        "name purpose industry opening_line talking_points objection_handlers rate_min_minor rate_max_minor currency "
        "closing_strategy voice_id llm_model language temperature usage_count",
        "", "talking_points objection_handlers", "");
    return table;
}

const SyncedTable& SyncedTable::playbooks()
{
    static const SyncedTable table = make("playbooks", "name description stage_key content", "", "content", "");
    return table;
}

const SyncedTable& SyncedTable::objections()
{
    static const SyncedTable table
        = make("objections", "objection response category tags playbook_ids", "", "tags playbook_ids", "");
    return table;
}

const SyncedTable& SyncedTable::callScriptObjections()
{
    static const SyncedTable table
        = make("call_script_objections", "script_id objection_id position", "script_id", "", "");
    return table;
}

const SyncedTable& SyncedTable::calls()
{
    static const SyncedTable table = make("calls",
        "lead_id agent_run_id script_id provider provider_call_id status outcome sentiment duration_s summary "
        "transcript recording_url cost ended_reason error_reason notes started_at ended_at",
        "lead_id", "", "started_at ended_at");
    return table;
}

const QList<const SyncedTable*>& SyncedTable::all()
{
    static const QList<const SyncedTable*> tables { &pipelineStages(), &leads(), &activities(), &proposals(),
        &leadIntelligence(), &callScripts(), &playbooks(), &objections(), &callScriptObjections(), &calls() };
    return tables;
}

const SyncedTable* SyncedTable::byName(const QString& name)
{
    for (const SyncedTable* table : all())
        if (table->name() == name)
            return table;
    return nullptr;
}

QVariant SyncedTable::toLocal(const QString& column, const QJsonValue& value) const
{
    if (value.isNull() || value.isUndefined())
        return QVariant(QMetaType(QMetaType::QString));
    if (value.isBool())
        return value.toBool() ? 1 : 0;
    if (value.isDouble()) {
        const double number = value.toDouble();
        if (number == static_cast<double>(static_cast<qint64>(number)))
            return static_cast<qint64>(number);
        return number;
    }
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    const QString text = value.toString();
    if (m_timeColumns.contains(column)) {
        const QDateTime time = parseServerTime(text);
        if (time.isValid())
            return Ids::toStorage(time);
    }
    return text;
}

QJsonValue SyncedTable::toServer(const QString& column, const QJsonValue& value) const
{
    if (m_jsonColumns.contains(column) && value.isString()) {
        QJsonParseError error {};
        const QJsonDocument document = QJsonDocument::fromJson(value.toString().toUtf8(), &error);
        if (error.error == QJsonParseError::NoError) {
            if (document.isObject())
                return document.object();
            if (document.isArray())
                return document.array();
        }
    }
    if (m_boolColumns.contains(column) && value.isDouble())
        return value.toDouble() != 0;
    return value;
}
