#pragma once

#include <QWidget>

#include <optional>

class AiConfiguration;
class AiFeatureUsageModel;
class AiGateway;
class QLabel;
class QProgressBar;
class QTableView;
struct AiMonthUsage;

// "This month's usage" in Settings → AI: spend against the org's and the user's monthly budget, and a table of
// calls, tokens and cost per feature. Reloads whenever the gateway records a call.
class AiUsagePanel : public QWidget
{
    Q_OBJECT

public:
    AiUsagePanel(AiConfiguration* configuration, AiGateway* gateway, QWidget* parent = nullptr);

    void reload();
    AiFeatureUsageModel* model() const { return m_model; }

signals:
    void reloaded();

private:
    void display(const AiMonthUsage& usage);
    void showSpend(QLabel* label, QProgressBar* bar, const QString& who, qint64 spent,
        const std::optional<qint64>& budget);

    AiConfiguration* m_configuration;
    AiFeatureUsageModel* m_model;
    QLabel* m_orgLabel;
    QProgressBar* m_orgBar;
    QLabel* m_myLabel;
    QProgressBar* m_myBar;
    QTableView* m_table;
    QLabel* m_emptyLabel;
};
