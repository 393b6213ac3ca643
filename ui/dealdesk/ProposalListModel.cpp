#include "ui/dealdesk/ProposalListModel.h"

#include "models/Money.h"
#include "models/RelativeTime.h"
#include "ui/common/Theme.h"

#include <QHash>
#include <QLocale>
#include <QSet>

#include <limits>

ProposalListModel::ProposalListModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

void ProposalListModel::setProposals(const QList<ProposalSummary>& proposals)
{
    QHash<QString, qsizetype> incoming;
    for (qsizetype i = 0; i < proposals.size(); ++i)
        incoming.insert(proposals.at(i).id, i);

    for (int row = static_cast<int>(m_rows.size()) - 1; row >= 0; --row) {
        if (incoming.contains(m_rows.at(row).id))
            continue;
        beginRemoveRows({}, row, row);
        m_rows.removeAt(row);
        endRemoveRows();
    }
    QSet<QString> present;
    for (int row = 0; row < m_rows.size(); ++row) {
        const ProposalSummary& fresh = proposals.at(incoming.value(m_rows.at(row).id));
        present.insert(fresh.id);
        if (m_rows.at(row) == fresh)
            continue;
        m_rows[row] = fresh;
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
    QList<ProposalSummary> added;
    for (const ProposalSummary& summary : proposals) {
        if (!present.contains(summary.id))
            added.append(summary);
    }
    if (added.isEmpty())
        return;
    const int first = static_cast<int>(m_rows.size());
    beginInsertRows({}, first, first + static_cast<int>(added.size()) - 1);
    m_rows.append(added);
    endInsertRows();
}

int ProposalListModel::rowOf(const QString& id) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id == id)
            return row;
    }
    return -1;
}

int ProposalListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ProposalListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool ProposalListModel::isExpired(const ProposalSummary& summary, const QDate& today)
{
    const bool open = summary.status == Proposal::Status::Draft || summary.status == Proposal::Status::Sent;
    return open && summary.validUntil.isValid() && summary.validUntil < today;
}

QString ProposalListModel::leadText(const ProposalSummary& summary)
{
    if (summary.leadCompany.isEmpty() || summary.leadCompany == summary.leadName)
        return summary.leadName;
    return tr("%1 · %2").arg(summary.leadName, summary.leadCompany);
}

QVariant ProposalListModel::displayValue(const ProposalSummary& summary, int column) const
{
    switch (column) {
    case Title:
        return summary.title;
    case Lead:
        return leadText(summary);
    case Status:
        return Proposal::statusLabel(summary.status);
    case Total:
        return summary.totalOverflow ? tr("Too large") : Money::format(summary.totalMinor, summary.currency, true);
    case Currency:
        return summary.currency;
    case ValidUntil:
        if (!summary.validUntil.isValid())
            return tr("No expiry");
        return isExpired(summary) ? tr("Expired %1").arg(QLocale().toString(summary.validUntil, QLocale::ShortFormat))
                                  : QLocale().toString(summary.validUntil, QLocale::ShortFormat);
    case Updated:
        return RelativeTime::since(summary.updatedAt);
    default:
        return {};
    }
}

QVariant ProposalListModel::rawValue(const ProposalSummary& summary, int column) const
{
    switch (column) {
    case Title:
        return summary.title.toLower();
    case Lead:
        return leadText(summary).toLower();
    case Status:
        return static_cast<int>(summary.status);
    case Total:
        return summary.totalMinor;
    case Currency:
        return summary.currency;
    case ValidUntil:
        // No expiry sorts after every date.
        return summary.validUntil.isValid() ? summary.validUntil.toJulianDay() : std::numeric_limits<qint64>::max();
    case Updated:
        return summary.updatedAt.toMSecsSinceEpoch();
    default:
        return {};
    }
}

QVariant ProposalListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ProposalSummary& summary = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayValue(summary, index.column());
    case Qt::ToolTipRole:
        if (index.column() == Lead)
            return tr("Double-click to open the lead");
        if (index.column() == ValidUntil && isExpired(summary))
            return tr("This proposal has expired; move the valid-until date before sending it.");
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == Total)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ForegroundRole:
        if (index.column() == ValidUntil && isExpired(summary))
            return Theme::instance()->color(QStringLiteral("danger"));
        return {};
    case IdRole:
        return summary.id;
    case RawValueRole:
        return rawValue(summary, index.column());
    case LeadIdRole:
        return summary.leadId;
    case StatusRole:
        return Proposal::statusKey(summary.status);
    default:
        return {};
    }
}

QVariant ProposalListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Title:
        return tr("Title");
    case Lead:
        return tr("Lead");
    case Status:
        return tr("Status");
    case Total:
        return tr("Total");
    case Currency:
        return tr("Currency");
    case ValidUntil:
        return tr("Valid until");
    case Updated:
        return tr("Updated");
    default:
        return {};
    }
}
