#include "ui/brain/BrainLeadTableModel.h"

#include "models/Money.h"

#include <QLocale>

BrainLeadTableModel::BrainLeadTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

void BrainLeadTableModel::setRows(const QList<BrainLeadRow>& rows)
{
    bool sameLeads = rows.size() == m_rows.size();
    for (qsizetype i = 0; sameLeads && i < rows.size(); ++i)
        sameLeads = rows.at(i).leadId == m_rows.at(i).leadId;
    if (!sameLeads) {
        beginResetModel();
        m_rows = rows;
        endResetModel();
        return;
    }
    m_rows = rows;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

QString BrainLeadTableModel::leadIdAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).leadId : QString();
}

int BrainLeadTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int BrainLeadTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString BrainLeadTableModel::intentLabel(const QString& key)
{
    if (key == QLatin1String("low"))
        return tr("Low");
    if (key == QLatin1String("medium"))
        return tr("Medium");
    if (key == QLatin1String("high"))
        return tr("High");
    if (key == QLatin1String("critical"))
        return tr("Critical");
    return key;
}

QString BrainLeadTableModel::daysLabel(const BrainLeadRow& row)
{
    if (!row.lastTouchAt.isValid())
        return tr("—");
    if (row.daysSinceContact == 0)
        return tr("today");
    return tr("%n day(s)", nullptr, row.daysSinceContact);
}

QVariant BrainLeadTableModel::display(const BrainLeadRow& row, int column) const
{
    switch (column) {
    case Lead:
        return row.label();
    case Heat:
        return row.dealHeat >= 0 ? QVariant(row.dealHeat) : QVariant(tr("—"));
    case Intent:
        return intentLabel(row.buyingIntent);
    case NextAction:
        return row.nextBestAction;
    case Value:
        return row.valueMinor() >= 0 ? Money::format(row.valueMinor(), row.currency) : tr("—");
    case LastContact:
        return daysLabel(row);
    case Stage:
        return row.stageName;
    default:
        return {};
    }
}

QVariant BrainLeadTableModel::toolTip(const BrainLeadRow& row, int column) const
{
    switch (column) {
    case Lead:
        return row.summary.isEmpty() ? tr("Open %1").arg(row.label()) : row.summary;
    case Value:
        if (row.estimate.matched())
            return tr("From your price list: %1 (keywords: %2)")
                .arg(row.estimate.matchedServices.join(QStringLiteral(", ")),
                    row.estimate.matchedKeywords.join(QStringLiteral(", ")));
        if (row.storedValueMinor >= 0)
            return tr("Estimated at the last analysis");
        return tr("None of your services is mentioned in this lead's notes, timeline or calls.");
    case LastContact:
        if (row.lastContactedAt.isValid())
            return tr("Last contacted %1")
                .arg(QLocale().toString(row.lastContactedAt.toLocalTime(), QLocale::ShortFormat));
        if (row.lastTouchAt.isValid())
            return tr("Never contacted; last changed %1")
                .arg(QLocale().toString(row.lastTouchAt.toLocalTime(), QLocale::ShortFormat));
        return {};
    case NextAction:
        return row.nextBestAction;
    default:
        return {};
    }
}

QVariant BrainLeadTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size() || index.column() >= ColumnCount)
        return {};
    const BrainLeadRow& row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(row, index.column());
    case Qt::ToolTipRole:
        return toolTip(row, index.column());
    case IdRole:
        return row.leadId;
    case HeatRole:
        return row.dealHeat;
    case RawValueRole:
        switch (index.column()) {
        case Lead:
            return row.label().toLower();
        case Heat:
            return row.dealHeat;
        case Intent: {
            static const QStringList order { QString(), QStringLiteral("low"), QStringLiteral("medium"),
                QStringLiteral("high"), QStringLiteral("critical") };
            return static_cast<int>(order.indexOf(row.buyingIntent));
        }
        case NextAction:
            return row.nextBestAction.toLower();
        case Value:
            return row.valueMinor();
        case LastContact:
            return row.lastTouchAt.isValid() ? row.daysSinceContact : -1;
        case Stage:
            return row.stageName.toLower();
        default:
            return {};
        }
    case Qt::TextAlignmentRole:
        if (index.column() == Value || index.column() == LastContact)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
}

QVariant BrainLeadTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Lead:
        return tr("Lead");
    case Heat:
        return tr("Deal heat");
    case Intent:
        return tr("Intent");
    case NextAction:
        return tr("Next best action");
    case Value:
        return tr("Est. value");
    case LastContact:
        return tr("No contact for");
    case Stage:
        return tr("Stage");
    default:
        return {};
    }
}

Qt::ItemFlags BrainLeadTableModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}
