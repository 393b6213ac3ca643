#pragma once

#include "models/Lead.h"
#include "models/LeadFilter.h"
#include "models/LeadListSource.h"

#include <QAbstractTableModel>
#include <QPointer>
#include <QSet>

// A lazily fetched, filtered list of leads: rows arrive page by page as the view scrolls, and changes from the
// source update the loaded rows in place (dataChanged / insert / remove), never by a reset.
class LeadListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Name, Company, Status, Value, Heat, Tags, Source, Industry, Email, Phone, LastContacted, Updated, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, RawValueRole, LeadRole };
    static constexpr const char* kMimeType = "application/x-businesshub-lead-ids";

    explicit LeadListModel(LeadListSource* source, QObject* parent = nullptr);

    void setFilter(const LeadFilter& filter);
    const LeadFilter& filter() const { return m_filter; }
    void setPageSize(int size) { m_pageSize = size; }
    void setStageNames(const QHash<QString, QString>& names) { m_stageNames = names; }
    void reload();

    int total() const { return m_total; }
    const QMap<QString, qint64>& valueTotals() const { return m_valueTotals; }
    bool isLoading() const { return m_fetching; }
    const Lead& leadAt(int row) const { return m_rows.at(row); }
    int rowOf(const QString& id) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;
    void sort(int column, Qt::SortOrder order) override;

    QStringList mimeTypes() const override;
    QMimeData* mimeData(const QModelIndexList& indexes) const override;
    Qt::DropActions supportedDropActions() const override;
    bool canDropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
        const QModelIndex& parent) const override;
    bool dropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
        const QModelIndex& parent) override;

    static QStringList idsFromMime(const QMimeData* data);

signals:
    void totalsChanged();
    void loadingChanged(bool loading);
    // A card was dropped on a list filtered to one stage: the owner decides how to apply it (undoable).
    void statusDropRequested(const QStringList& ids, const QString& status);

private:
    void requestPage(int offset);
    void applyPage(quint64 generation, int offset, const LeadPage& page);
    void onUpserted(const QList<Lead>& leads);
    void onRemoved(const QStringList& ids);
    void onLoadedRowChanged();
    void refreshTotals();
    void setFetching(bool fetching);
    QVariant displayValue(const Lead& lead, int column) const;
    QVariant rawValue(const Lead& lead, int column) const;

    QPointer<LeadListSource> m_source;
    LeadFilter m_filter;
    QList<Lead> m_rows;
    QSet<QString> m_ids;
    QHash<QString, QString> m_stageNames;
    QMap<QString, qint64> m_valueTotals;
    int m_total = 0;
    int m_pageSize = 200;
    // Where the next page starts in the source's order: a lower bound on the first row not loaded yet. It is not
    // m_rows.size(): rows inserted on top may sort anywhere, and a changed loaded row may have left the loaded range.
    int m_offset = 0;
    bool m_fetching = false;
    bool m_totalsQueued = false;
    quint64 m_generation = 0;
};
