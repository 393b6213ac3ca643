#pragma once

#include "services/dealdesk/DealPipeline.h"

#include <QAbstractTableModel>

// The Deal Desk's proposals, one row each. Reloads update rows in place (dataChanged, insert, remove), never by a
// reset, so selection and scroll position survive. Sorting and filtering belong to ProposalFilterProxy.
class ProposalListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Title, Lead, Status, Total, Currency, ValidUntil, Updated, ColumnCount };
    enum Role { IdRole = Qt::UserRole + 1, RawValueRole, LeadIdRole, StatusRole };

    explicit ProposalListModel(QObject* parent = nullptr);

    void setProposals(const QList<ProposalSummary>& proposals);
    const ProposalSummary& summaryAt(int row) const { return m_rows.at(row); }
    int rowOf(const QString& id) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // A proposal past its valid-until date that the client could still act on (draft or sent).
    static bool isExpired(const ProposalSummary& summary, const QDate& today = QDate::currentDate());
    static QString leadText(const ProposalSummary& summary);

private:
    QVariant displayValue(const ProposalSummary& summary, int column) const;
    QVariant rawValue(const ProposalSummary& summary, int column) const;

    QList<ProposalSummary> m_rows;
};
