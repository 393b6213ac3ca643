#include "services/sync/SyncWorker.h"

#include "models/Ids.h"
#include "services/storage/DatabaseExecutor.h"
#include "services/sync/OutOfViewChangeCheck.h"
#include "services/sync/RejectedChangeStore.h"
#include "services/sync/ReplicaBulkLoader.h"
#include "services/sync/ReplicaStore.h"
#include "services/sync/SearchIndexSideBuild.h"
#include "services/sync/ServerViewCheck.h"
#include "services/sync/SyncErrorClassifier.h"
#include "services/sync/SyncedTable.h"
#include "services/sync/TableSnapshotReader.h"
#include "services/teamserver/PgConnection.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSemaphore>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>

#include <memory>
#include <optional>
#include <utility>

namespace {
const QString kChannel = QStringLiteral("hub_changes");
constexpr int kOutboxBatch = 200;

QVariant nullOf(QMetaType::Type type)
{
    return QVariant(QMetaType(type));
}

QString errorText(const QSqlError& error)
{
    const QString database = error.databaseText().trimmed();
    return database.isEmpty() ? error.text().trimmed() : database;
}
} // namespace

SyncWorker::SyncWorker(DatabaseExecutor* executor, const SyncOptions& options)
    : m_executor(executor)
    , m_options(options)
    , m_debounce(new QTimer(this))
    , m_reconnect(new QTimer(this))
    , m_heartbeat(new QTimer(this))
{
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(m_options.notifyDebounceMs);
    connect(m_debounce, &QTimer::timeout, this, &SyncWorker::runCycle);
    m_reconnect->setSingleShot(true);
    connect(m_reconnect, &QTimer::timeout, this, &SyncWorker::connectNow);
    m_heartbeat->setInterval(m_options.heartbeatMs);
    connect(m_heartbeat, &QTimer::timeout, this, &SyncWorker::heartbeat);
    m_backoffMs = m_options.initialBackoffMs;
}

SyncWorker::~SyncWorker() = default;

void SyncWorker::start(const PgConnInfo& info)
{
    m_info = info;
    m_running = true;
    m_backoffMs = m_options.initialBackoffMs;
    connectNow();
}

void SyncWorker::stop()
{
    m_running = false;
    m_debounce->stop();
    m_reconnect->stop();
    m_heartbeat->stop();
    m_pg.reset();
    setState(Sync::State::Offline);
}

void SyncWorker::requestSync()
{
    if (m_pg && !m_debounce->isActive())
        m_debounce->start();
}

void SyncWorker::setState(Sync::State state)
{
    if (state == m_state)
        return;
    m_state = state;
    emit stateChanged(state);
}

void SyncWorker::fail(Sync::ErrorKind kind, const QString& message, bool retry)
{
    m_pg.reset();
    m_heartbeat->stop();
    setState(Sync::State::Offline);
    emit errorOccurred(kind, message);
    if (retry)
        scheduleReconnect();
}

void SyncWorker::scheduleReconnect()
{
    if (!m_running || m_reconnect->isActive())
        return;
    m_reconnect->start(m_backoffMs);
    emit reconnectScheduled(m_backoffMs);
    m_backoffMs = qMin(m_backoffMs * 2, m_options.maxBackoffMs);
}

void SyncWorker::connectionLost(const QString& message)
{
    const auto classified = SyncErrorClassifier::queryFailure(QString(), message);
    fail(classified.kind, classified.message, true);
}

void SyncWorker::connectNow()
{
    if (!m_running)
        return;
    setState(Sync::State::Connecting);
    m_pg = std::make_unique<PgConnection>(QStringLiteral("sync"));
    if (!m_pg->open(m_info)) {
        const auto classified = SyncErrorClassifier::connectFailure(m_pg->errorText());
        fail(classified.kind, classified.message, classified.retry);
        return;
    }
    QSqlQuery query(m_pg->db());
    if (!query.exec(QStringLiteral("SELECT max(version) FROM hub.schema_migrations")) || !query.next()) {
        const auto classified = SyncErrorClassifier::queryFailure(query.lastError().nativeErrorCode(),
            errorText(query.lastError()));
        fail(classified.kind, classified.message, classified.retry);
        return;
    }
    const int version = query.value(0).toInt();
    if (version != Sync::knownServerSchemaVersion) {
        const auto classified = SyncErrorClassifier::schemaMismatch(version);
        fail(classified.kind, classified.message, false);
        return;
    }
    if (!query.exec(QStringLiteral("SELECT org_id, user_id, org_name FROM hub.my_memberships()"))) {
        const auto classified = SyncErrorClassifier::queryFailure(query.lastError().nativeErrorCode(),
            errorText(query.lastError()));
        fail(classified.kind, classified.message, classified.retry);
        return;
    }
    QString orgName;
    m_serverOrgId.clear();
    while (query.next()) {
        if (m_options.orgId.isEmpty() || query.value(0).toString() == m_options.orgId) {
            m_serverOrgId = query.value(0).toString();
            m_serverUserId = query.value(1).toString();
            orgName = query.value(2).toString();
            break;
        }
    }
    query.finish();
    if (m_serverOrgId.isEmpty()) {
        fail(Sync::ErrorKind::NotAMember,
            QCoreApplication::translate("SyncEngine",
                "You are not an active member of this organisation on the team server. Ask an owner or admin to add "
                "you."),
            false);
        return;
    }
    bool recorded = false;
    QString localError;
    m_executor->runBlocking([&](QSqlDatabase& db) {
        ReplicaStore replica(db);
        recorded = replica.recordServer(m_serverOrgId, m_serverUserId, orgName);
        localError = replica.lastError();
        m_localUsers = replica.localOnlyUserIds(m_serverOrgId);
    });
    if (!recorded) {
        fail(Sync::ErrorKind::LocalDatabase,
            QCoreApplication::translate("SyncEngine", "The workspace file could not be prepared for sync: %1")
                .arg(localError),
            false);
        return;
    }
    QSqlDriver* driver = m_pg->db().driver();
    connect(driver, &QSqlDriver::notification, this,
        [this](const QString& name, QSqlDriver::NotificationSource, const QVariant& payload) {
            onNotification(name, payload);
        });
    if (!driver->subscribeToNotification(kChannel)) {
        fail(Sync::ErrorKind::Other,
            QCoreApplication::translate("SyncEngine", "Live updates from the team server could not be started: %1")
                .arg(errorText(driver->lastError())),
            true);
        return;
    }
    m_backoffMs = m_options.initialBackoffMs;
    m_reconcilePending = true;
    emit connected(m_serverOrgId, m_serverUserId);
    m_heartbeat->start();
    runCycle();
}

void SyncWorker::onNotification(const QString& name, const QVariant& payload)
{
    if (name != kChannel)
        return;
    // {"table": …, "id": …} (hub_private.notify_change). A change of memberships, teams or users can hide many rows.
    const QJsonObject change = QJsonDocument::fromJson(payload.toString().toUtf8()).object();
    const QString table = change.value(QStringLiteral("table")).toString();
    if (SyncedTable::byName(table))
        m_notified[table].insert(change.value(QStringLiteral("id")).toString());
    else
        m_reconcilePending = true;
    requestSync();
}

void SyncWorker::heartbeat()
{
    if (!m_pg)
        return;
    QSqlQuery query(m_pg->db());
    if (!query.exec(QStringLiteral("SELECT 1")))
        connectionLost(errorText(query.lastError()));
}

void SyncWorker::runCycle()
{
    if (!m_pg)
        return;
    setState(Sync::State::Syncing);
    QList<SyncConflict> added;
    if (!pushOutbox(&added))
        return;
    if (!pullAll())
        return;
    QList<SyncConflict> open;
    QList<SyncRejectedChange> rejected;
    int pending = 0;
    QString lastSync;
    m_executor->runBlocking([&](QSqlDatabase& db) {
        ReplicaStore replica(db);
        open = replica.openConflicts();
        pending = replica.pendingCount();
        lastSync = replica.lastSyncAt();
        rejected = RejectedChangeStore(db).open();
    });
    emit rejectedChanged(rejected);
    emit conflictsChanged(open, added);
    emit pendingCountChanged(pending);
    emit lastSyncAtChanged(Ids::fromStorage(lastSync));
    setState(Sync::State::Online);
    emit cycleFinished();
}

bool SyncWorker::pushOutbox(QList<SyncConflict>* added)
{
    qint64 afterSeq = 0;
    QSet<QString> blockedRows;
    for (;;) {
        QList<OutboxEntry> entries;
        m_executor->runBlocking(
            [&](QSqlDatabase& db) { entries = ReplicaStore(db).pendingOutbox(afterSeq, kOutboxBatch); });
        if (entries.isEmpty())
            return true;
        for (const OutboxEntry& entry : std::as_const(entries)) {
            afterSeq = entry.seq;
            const QString rowKey = entry.table + QLatin1Char('/') + entry.rowId;
            // A refused change holds back the later changes of the same row (they build on it).
            if (blockedRows.contains(rowKey))
                continue;
            bool blocked = false;
            if (!pushOne(entry, added, &blocked))
                return false;
            if (blocked)
                blockedRows.insert(rowKey);
        }
    }
}

bool SyncWorker::pushOne(const OutboxEntry& entry, QList<SyncConflict>* added, bool* blocked)
{
    const SyncedTable* table = SyncedTable::byName(entry.table);
    QJsonObject fields;
    for (auto it = entry.fields.begin(); it != entry.fields.end(); ++it) {
        QJsonValue value = it.value();
        // The workspace's own user is this member on the server.
        if (it.key() == QLatin1String("owner_id") && m_localUsers.contains(value.toString()))
            value = m_serverUserId;
        else if (it.key() == QLatin1String("assigned_to") && m_localUsers.contains(value.toString()))
            value = QJsonValue::Null;
        fields.insert(it.key(), table ? table->toServer(it.key(), value) : value);
    }
    QSqlQuery query(m_pg->db());
    query.prepare(QStringLiteral("SELECT outcome, row_rev, conflicts::text FROM hub.push_mutation("
                                 "?::uuid, ?, ?, ?, ?, ?::jsonb, ?::bigint)"));
    query.addBindValue(entry.mutationId);
    query.addBindValue(m_serverOrgId);
    query.addBindValue(entry.table);
    query.addBindValue(entry.rowId);
    query.addBindValue(entry.op);
    query.addBindValue(QString::fromUtf8(QJsonDocument(fields).toJson(QJsonDocument::Compact)));
    query.addBindValue(entry.baseRev.isNull() ? nullOf(QMetaType::LongLong) : QVariant(entry.baseRev.toLongLong()));
    if (!query.exec() || !query.next()) {
        const QSqlError error = query.lastError();
        const QString text = errorText(error);
        m_executor->runBlocking([&](QSqlDatabase& db) { ReplicaStore(db).markPushFailed(entry.seq, text); });
        if (SyncErrorClassifier::connectionLost(error.nativeErrorCode(), text)) {
            connectionLost(text);
            return false;
        }
        *blocked = true;
        // The server refuses an edit of a lead it no longer shows the member in its own words (no rights, or a
        // missing column of what it took for a new row): say what happened instead, and set the change aside.
        OutOfViewChangeCheck check(*m_pg, m_executor);
        if (check.leadLeftView(entry))
            return rejectOutOfView(entry, check.leadId());
        if (check.failed() && SyncErrorClassifier::connectionLost(check.sqlState(), check.errorText())) {
            connectionLost(check.errorText());
            return false;
        }
        const auto classified = SyncErrorClassifier::queryFailure(error.nativeErrorCode(), text);
        emit errorOccurred(classified.kind, classified.message);
        return true;
    }
    const QVariant rowRev = query.value(1);
    const QJsonObject conflicts = QJsonDocument::fromJson(query.value(2).toString().toUtf8()).object();
    query.finish();
    bool applied = false;
    QString localError;
    m_executor->runBlocking([&](QSqlDatabase& db) {
        ReplicaStore replica(db);
        applied = replica.applyPushResult(entry, rowRev, conflicts, added);
        localError = replica.lastError();
    });
    if (!applied) {
        emit errorOccurred(Sync::ErrorKind::LocalDatabase,
            QCoreApplication::translate("SyncEngine", "A change the server took could not be recorded locally: %1")
                .arg(localError));
        *blocked = true;
        return true;
    }
    emit rowsPushed(entry.table, { entry.rowId });
    return true;
}

bool SyncWorker::rejectOutOfView(const OutboxEntry& entry, const QString& leadId)
{
    bool rejected = false;
    QString localError;
    m_executor->runBlocking([&](QSqlDatabase& db) {
        RejectedChangeStore store(db);
        rejected = store.reject(entry.table, entry.rowId, QStringLiteral("lead_left_view"),
            OutOfViewChangeCheck::message(), nullptr);
        localError = store.lastError();
    });
    if (!rejected) {
        emit errorOccurred(Sync::ErrorKind::LocalDatabase,
            QCoreApplication::translate("SyncEngine", "A change the server refused could not be set aside: %1")
                .arg(localError));
        return true;
    }
    // The pull of this cycle asks the server about the lead and drops it from the replica (nothing holds it now).
    m_notified[SyncedTable::leads().name()].insert(leadId);
    emit errorOccurred(Sync::ErrorKind::PermissionDenied, OutOfViewChangeCheck::message());
    return true;
}

void SyncWorker::queryFailed(const QString& sqlState, const QString& text)
{
    if (SyncErrorClassifier::connectionLost(sqlState, text)) {
        connectionLost(text);
        return;
    }
    const auto classified = SyncErrorClassifier::queryFailure(sqlState, text);
    fail(classified.kind, classified.message, false);
}

// One snapshot for every table of the cycle, so a row and the row it belongs to (an activity and its lead) arrive
// together. Tables never synced come by COPY in one transaction whose snapshot is that cycle's cursor.
bool SyncWorker::pullAll()
{
    QList<const SyncedTable*> fresh;
    m_executor->runBlocking([&](QSqlDatabase& db) {
        ReplicaStore replica(db);
        for (const SyncedTable* table : SyncedTable::all())
            if (replica.cursor(table->name()).isEmpty())
                fresh.append(table);
    });
    QString until;
    if (!fresh.isEmpty()) {
        if (!copyTables(fresh, &until))
            return false;
    } else {
        QSqlQuery query(m_pg->db());
        if (!query.exec(QStringLiteral("SELECT hub.sync_snapshot()")) || !query.next()) {
            queryFailed(query.lastError().nativeErrorCode(), errorText(query.lastError()));
            return false;
        }
        until = query.value(0).toString();
    }
    for (const SyncedTable* table : SyncedTable::all())
        if (!fresh.contains(table) && !pull(*table, until))
            return false;
    const QHash<QString, QSet<QString>> notified = std::exchange(m_notified, {});
    const QHash<QString, QSet<QString>> pulled = std::exchange(m_pulled, {});
    for (const SyncedTable* table : SyncedTable::all()) {
        if (m_reconcilePending) {
            if (!checkView(*table, nullptr))
                return false;
        } else if (notified.contains(table->name())) {
            const QSet<QString> notPulled = notified.value(table->name()) - pulled.value(table->name());
            if (!checkView(*table, &notPulled))
                return false;
        }
    }
    m_reconcilePending = false;
    return true;
}

bool SyncWorker::copyTables(const QList<const SyncedTable*>& tables, QString* until)
{
    struct SearchIndex {
        QString createSql;
        QStringList columns;
    };
    QList<bool> empty;
    QHash<const SyncedTable*, SearchIndex> searchIndexes; // of the empty tables that have one
    m_executor->runBlocking([&](QSqlDatabase& db) {
        ReplicaStore replica(db);
        for (const SyncedTable* table : tables) {
            empty.append(replica.isEmpty(table->name()));
            SearchIndex index;
            if (empty.constLast() && !table->searchIndex().isEmpty()
                && ReplicaBulkLoader::describeSearchIndex(db, table->searchIndex(), &index.createSql, &index.columns))
                searchIndexes.insert(table, index);
        }
    });
    // Each table is written into the replica (on the database thread) from its rows as they arrive, while the COPY
    // goes on; an empty table's search index is meanwhile built on a thread of its own from the same stream.
    struct TableLoad {
        bool posted = false;
        bool loaded = false;
        QString error;
        ReplicaBulkLoader::Result result;
        std::unique_ptr<SearchIndexSideBuild> sideBuild;
        QSemaphore done;
    };
    const QString stamp = Ids::toStorage(QDateTime::currentDateTimeUtc());
    QList<std::shared_ptr<TableLoad>> loads;
    QList<TableSnapshotReader::Request> requests;
    for (int i = 0; i < tables.size(); ++i) {
        const SyncedTable* table = tables.at(i);
        auto load = std::make_shared<TableLoad>();
        loads.append(load);
        const std::optional<SearchIndex> index
            = searchIndexes.contains(table) ? std::optional(searchIndexes.value(table)) : std::nullopt;
        TableSnapshotReader::Request request { table, !empty.at(i), {} };
        request.started = [this, table, load, index, until, stamp](
                              const QList<CopyColumn>& columns, const std::shared_ptr<const CopyChunks>& data) {
            if (index) {
                load->sideBuild = std::make_unique<SearchIndexSideBuild>(
                    table->searchIndex(), index->createSql, index->columns, columns, data);
                load->sideBuild->start();
            }
            load->posted = true;
            // The snapshot's cursor is known before its first COPY begins.
            m_executor->post([this, table, load, columns, data, cursor = *until, stamp](QSqlDatabase& db) {
                ReplicaBulkLoader loader(db);
                load->loaded = loader.load(*table, columns, data, cursor, stamp, m_options.resetThreshold,
                    &load->result, std::move(load->sideBuild));
                load->error = loader.lastError();
                load->done.release();
            });
        };
        requests.append(request);
    }
    TableSnapshotReader reader(*m_pg);
    QList<TableSnapshotReader::Snapshot> snapshots;
    const bool read = reader.read(requests, until, &snapshots);
    for (const auto& load : std::as_const(loads))
        if (load->posted)
            load->done.acquire();
    if (!read) {
        queryFailed(reader.sqlState(), reader.errorText());
        return false;
    }
    QString localError;
    for (int i = 0; i < tables.size(); ++i) {
        const SyncedTable& table = *tables.at(i);
        const TableSnapshotReader::Snapshot& snapshot = snapshots.at(i);
        const TableLoad& load = *loads.at(i);
        if (!load.loaded) {
            if (localError.isEmpty())
                localError = load.error;
            continue;
        }
        const ReplicaBulkLoader::Result& result = load.result;
        SyncCopyStats stats;
        stats.table = table.name();
        stats.rows = result.rows;
        stats.bytes = snapshot.bytes;
        stats.readMs = snapshot.readMs;
        stats.insertMs = result.insertMs;
        stats.indexMs = result.rebuildMs;
        stats.commitMs = result.commitMs;
        stats.readCpuMs = snapshot.readCpuMs;
        stats.insertCpuMs = result.insertCpuMs;
        stats.indexCpuMs = result.rebuildCpuMs;
        stats.commitCpuMs = result.commitCpuMs;
        stats.bulk = result.bulk;
        emit tableCopied(stats);
        if (result.rows > m_options.resetThreshold)
            emit tableReloaded(table.name());
        else if (result.rows > 0)
            emit rowsPulled(table.name(), result.upserted, result.removed, result.parents);
    }
    if (!localError.isEmpty()) {
        fail(Sync::ErrorKind::LocalDatabase,
            QCoreApplication::translate("SyncEngine", "Changes from the server could not be saved: %1").arg(localError),
            false);
        return false;
    }
    return true;
}

bool SyncWorker::checkView(const SyncedTable& table, const QSet<QString>* notified)
{
    ServerViewCheck check(*m_pg, m_executor);
    QStringList dropped;
    if (!(notified ? check.dropHidden(table, *notified, &dropped) : check.reconcile(table, &dropped))) {
        queryFailed(check.sqlState(), check.errorText());
        return false;
    }
    if (!check.localError().isEmpty())
        emit errorOccurred(Sync::ErrorKind::LocalDatabase,
            QCoreApplication::translate("SyncEngine", "Records you may no longer see could not be removed: %1")
                .arg(check.localError()));
    else if (!dropped.isEmpty())
        emit rowsPulled(table.name(), {}, dropped, {});
    return true;
}

bool SyncWorker::pull(const SyncedTable& table, const QString& until)
{
    QString since;
    m_executor->runBlocking([&](QSqlDatabase& db) { since = ReplicaStore(db).cursor(table.name()); });
    qint64 afterRev = 0;
    for (;;) {
        QSqlQuery page(m_pg->db());
        page.setForwardOnly(true);
        page.prepare(QStringLiteral("SELECT c::text FROM hub.pull_changes(?, ?, ?, ?::bigint, ?::integer) c"));
        page.addBindValue(table.name());
        page.addBindValue(since.isEmpty() ? nullOf(QMetaType::QString) : QVariant(since));
        page.addBindValue(until);
        page.addBindValue(afterRev);
        page.addBindValue(m_options.pageSize);
        if (!page.exec()) {
            queryFailed(page.lastError().nativeErrorCode(), errorText(page.lastError()));
            return false;
        }
        QList<QJsonObject> rows;
        while (page.next())
            rows.append(QJsonDocument::fromJson(page.value(0).toString().toUtf8()).object());
        page.finish();
        if (!rows.isEmpty()) {
            afterRev = rows.constLast().value(QStringLiteral("rev")).toInteger();
            QStringList upserted;
            QStringList removed;
            bool applied = false;
            QString localError;
            m_executor->runBlocking([&](QSqlDatabase& db) {
                ReplicaStore replica(db);
                applied = replica.applyPulledRows(table, rows, &upserted, &removed);
                localError = replica.lastError();
            });
            if (!applied) {
                fail(Sync::ErrorKind::LocalDatabase,
                    QCoreApplication::translate("SyncEngine", "Changes from the server could not be saved: %1")
                        .arg(localError),
                    false);
                return false;
            }
            QSet<QString>& pulled = m_pulled[table.name()];
            for (const QString& id : std::as_const(upserted))
                pulled.insert(id);
            for (const QString& id : std::as_const(removed))
                pulled.insert(id);
            QSet<QString> parents;
            if (!table.parentColumn().isEmpty())
                for (const QJsonObject& row : std::as_const(rows))
                    parents.insert(row.value(table.parentColumn()).toString());
            emit rowsPulled(table.name(), upserted, removed, QStringList(parents.begin(), parents.end()));
        }
        if (rows.size() < m_options.pageSize)
            break;
    }
    const QString stamp = Ids::toStorage(QDateTime::currentDateTimeUtc());
    m_executor->runBlocking([&](QSqlDatabase& db) { ReplicaStore(db).finishPull(table.name(), until, stamp); });
    return true;
}
