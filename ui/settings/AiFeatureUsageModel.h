#pragma once

#include "services/providers/AiUsageLedger.h"

#include <QAbstractTableModel>

#include <functional>

// This month's AI usage per feature (Settings → AI): one row per feature with calls, tokens and estimated cost.
class AiFeatureUsageModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Feature, Calls, Tokens, Cost, ColumnCount };
    enum Role { RawValueRole = Qt::UserRole + 1 };

    using MoneyFormatter = std::function<QString(qint64 micros)>;

    explicit AiFeatureUsageModel(MoneyFormatter formatMoney, QObject* parent = nullptr);

    void setRows(const QList<AiFeatureUsage>& rows);
    const QList<AiFeatureUsage>& rows() const { return m_rows; }
    // "lead_summary" → "Lead summary".
    static QString featureLabel(const QString& feature);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVariant rawValue(const AiFeatureUsage& row, int column) const;

    MoneyFormatter m_formatMoney;
    QList<AiFeatureUsage> m_rows;
};
