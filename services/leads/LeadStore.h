#pragma once

#include "models/LeadListSource.h"
#include "models/PipelineStage.h"
#include "services/leads/WriteOutcome.h"
#include "services/storage/WorkspaceInitializer.h"

#include <QSqlDatabase>

#include <functional>
#include <memory>
#include <optional>

class DatabaseExecutor;
class EventBus;

struct FilterChoices
{
    QStringList sources;
    QStringList industries;
    QStringList tags;
};

// The leads of the open workspace: asynchronous reads for views and committed, event-publishing writes.
class LeadStore : public LeadListSource
{
    Q_OBJECT

public:
    using Done = std::function<void(const WriteOutcome&)>;

    LeadStore(DatabaseExecutor* executor, EventBus* bus, QObject* parent = nullptr);

    void setIdentity(const WorkspaceIdentity& identity) { m_identity = identity; }
    const WorkspaceIdentity& identity() const { return m_identity; }

    void fetchPage(const LeadFilter& filter, int offset, int limit, QObject* context, PageCallback done) override;
    void loadStages(QObject* context, std::function<void(const PipelineStages&)> done);
    void loadFilterChoices(QObject* context, std::function<void(const FilterChoices&)> done);
    void fetchLead(const QString& id, QObject* context, std::function<void(const std::optional<Lead>&)> done);
    void fetchLeads(const QStringList& ids, QObject* context, std::function<void(const QList<Lead>&)> done);
    // Re-reads leads that another feature changed behind the store (e.g. the AI analysis' deal heat) and announces
    // them with leadsUpserted, so open boards, tables and panels update.
    void refreshLeads(const QStringList& ids);

    // Inserts a new lead or updates an existing one (status changes also land on the timeline).
    void saveLead(const Lead& lead, QObject* context, Done done = {});
    void changeStatus(const QStringList& ids, const QString& status, std::shared_ptr<LeadChangeRecord> record,
        QObject* context, Done done = {});
    void revertStatus(std::shared_ptr<LeadChangeRecord> record, QObject* context, Done done = {});
    void setDeleted(const QStringList& ids, bool deleted, QObject* context, Done done = {});
    void changeTag(const QStringList& ids, const QString& tag, bool add, std::shared_ptr<LeadChangeRecord> record,
        QObject* context, Done done = {});
    void revertTags(std::shared_ptr<LeadChangeRecord> record, QObject* context, Done done = {});

    DatabaseExecutor* executor() const { return m_executor; }

signals:
    void writeFailed(const QString& message);
    // The pipeline stages changed under the views (renamed, added or reordered on the team server): re-read them.
    void stagesChanged();

private:
    void write(QObject* context, std::function<WriteOutcome(QSqlDatabase&)> job, Done done);

    DatabaseExecutor* m_executor;
    EventBus* m_bus;
    WorkspaceIdentity m_identity;
};
