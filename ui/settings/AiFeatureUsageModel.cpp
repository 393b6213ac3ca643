#include "ui/settings/AiFeatureUsageModel.h"

#include <QLocale>

AiFeatureUsageModel::AiFeatureUsageModel(MoneyFormatter formatMoney, QObject* parent)
    : QAbstractTableModel(parent)
    , m_formatMoney(std::move(formatMoney))
{
}

void AiFeatureUsageModel::setRows(const QList<AiFeatureUsage>& rows)
{
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

QString AiFeatureUsageModel::featureLabel(const QString& feature)
{
    QString label = feature.trimmed();
    label.replace(QLatin1Char('_'), QLatin1Char(' '));
    label.replace(QLatin1Char('-'), QLatin1Char(' '));
    if (label.isEmpty())
        return tr("Other");
    label[0] = label[0].toUpper();
    return label;
}

int AiFeatureUsageModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AiFeatureUsageModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AiFeatureUsageModel::rawValue(const AiFeatureUsage& row, int column) const
{
    switch (column) {
    case Feature:
        return row.feature;
    case Calls:
        return row.calls;
    case Tokens:
        return row.inputTokens + row.outputTokens;
    case Cost:
        return row.costMicros;
    default:
        return {};
    }
}

QVariant AiFeatureUsageModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AiFeatureUsage& row = m_rows.at(index.row());
    const QLocale locale;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Feature:
            return featureLabel(row.feature);
        case Calls:
            return locale.toString(row.calls);
        case Tokens:
            return locale.toString(row.inputTokens + row.outputTokens);
        case Cost:
            return m_formatMoney ? m_formatMoney(row.costMicros) : QString::number(row.costMicros);
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == Tokens)
            return tr("%1 tokens sent, %2 tokens received")
                .arg(locale.toString(row.inputTokens), locale.toString(row.outputTokens));
        if (index.column() == Feature)
            return row.feature;
        return {};
    case Qt::TextAlignmentRole:
        return index.column() == Feature ? int(Qt::AlignLeft | Qt::AlignVCenter)
                                         : int(Qt::AlignRight | Qt::AlignVCenter);
    case RawValueRole:
        return rawValue(row, index.column());
    default:
        return {};
    }
}

QVariant AiFeatureUsageModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Feature:
        return tr("Feature");
    case Calls:
        return tr("Calls");
    case Tokens:
        return tr("Tokens");
    case Cost:
        //: Estimated money spent on AI calls
        return tr("Cost");
    default:
        return {};
    }
}
