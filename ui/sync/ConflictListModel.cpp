#include "ui/sync/ConflictListModel.h"

#include <QLocale>

ConflictListModel::ConflictListModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

void ConflictListModel::setConflicts(const QList<SyncConflict>& conflicts)
{
    beginResetModel();
    m_conflicts = conflicts;
    endResetModel();
}

void ConflictListModel::setLeadNames(const QHash<QString, QString>& names)
{
    m_leadNames = names;
    if (!m_conflicts.isEmpty())
        emit dataChanged(index(0, LeadName), index(int(m_conflicts.size()) - 1, LeadName));
}

QStringList ConflictListModel::rowIds() const
{
    QStringList ids;
    for (const SyncConflict& conflict : m_conflicts) {
        if (!ids.contains(conflict.rowId))
            ids.append(conflict.rowId);
    }
    return ids;
}

QString ConflictListModel::fieldName(const QString& column)
{
    static const QHash<QString, const char*> names {
        { QStringLiteral("name"), QT_TR_NOOP("Name") },
        { QStringLiteral("company"), QT_TR_NOOP("Company") },
        { QStringLiteral("contact_person"), QT_TR_NOOP("Contact person") },
        { QStringLiteral("title"), QT_TR_NOOP("Title") },
        { QStringLiteral("email"), QT_TR_NOOP("E-mail") },
        { QStringLiteral("phone"), QT_TR_NOOP("Phone") },
        { QStringLiteral("website"), QT_TR_NOOP("Website") },
        { QStringLiteral("location"), QT_TR_NOOP("Location") },
        { QStringLiteral("status"), QT_TR_NOOP("Stage") },
        { QStringLiteral("notes"), QT_TR_NOOP("Notes") },
        { QStringLiteral("tags"), QT_TR_NOOP("Tags") },
        { QStringLiteral("deal_value_minor"), QT_TR_NOOP("Deal value") },
        { QStringLiteral("owner_id"), QT_TR_NOOP("Owner") },
        { QStringLiteral("assigned_to"), QT_TR_NOOP("Assigned to") },
        { QStringLiteral("deleted"), QT_TR_NOOP("Deleted") },
    };
    const auto found = names.constFind(column);
    if (found != names.cend())
        return tr(*found);
    QString text = column;
    text.replace(QLatin1Char('_'), QLatin1Char(' '));
    if (!text.isEmpty())
        text[0] = text.at(0).toUpper();
    return text;
}

QString ConflictListModel::valueText(const QVariant& value)
{
    if (value.isNull() || !value.isValid())
        return tr("(empty)");
    const QString text = value.toString();
    return text.isEmpty() ? tr("(empty)") : text;
}

int ConflictListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_conflicts.size());
}

int ConflictListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ConflictListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const SyncConflict& conflict = m_conflicts.at(index.row());
    if (role == ConflictIdRole)
        return conflict.id;
    if (role == RowIdRole)
        return conflict.rowId;
    if (role == Qt::ToolTipRole && (index.column() == Yours || index.column() == Server))
        return valueText(index.column() == Yours ? conflict.localValue : conflict.serverValue);
    if (role != Qt::DisplayRole && role != RawRole)
        return {};
    switch (Column(index.column())) {
    case LeadName:
        return m_leadNames.value(conflict.rowId, role == RawRole ? conflict.rowId : tr("(loading…)"));
    case Field:
        return role == RawRole ? conflict.column : fieldName(conflict.column);
    case Yours:
        return role == RawRole ? conflict.localValue : QVariant(valueText(conflict.localValue));
    case Server:
        return role == RawRole ? conflict.serverValue : QVariant(valueText(conflict.serverValue));
    case When:
        if (role == RawRole)
            return conflict.createdAt.toMSecsSinceEpoch();
        return QLocale().toString(conflict.createdAt.toLocalTime(), QLocale::ShortFormat);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant ConflictListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case LeadName:
        return tr("Lead");
    case Field:
        return tr("Field");
    case Yours:
        return tr("Your value");
    case Server:
        return tr("Server value");
    case When:
        return tr("When");
    case ColumnCount:
        break;
    }
    return {};
}
