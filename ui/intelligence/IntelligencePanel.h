#pragma once

#include "models/intelligence/LeadIntelligence.h"

#include <QWidget>

#include <optional>

class AiProfileView;
class DealHeatGauge;
class IntelligenceStore;
class QFrame;
class QLabel;
class QPushButton;
class QTimer;
class WorkspaceSession;

// The lead panel's Intelligence tab: the latest analysis (deal heat, intent, budget, timeline, decision maker, pain
// points, insights, risks, next best action, summary, when and with which model, which fields it read) with an
// "Analyse" button, and the lead's AI profile below. Without an AI endpoint it says what to configure and offers
// Settings → AI through openAiSettingsRequested().
class IntelligencePanel : public QWidget
{
    Q_OBJECT

public:
    explicit IntelligencePanel(WorkspaceSession* session, QWidget* parent = nullptr);

    // Shows this lead (empty: none).
    void setLead(const QString& leadId);
    QString leadId() const { return m_leadId; }
    void analyse();

    const std::optional<LeadIntelligence>& intelligence() const { return m_intelligence; }
    DealHeatGauge* gauge() const { return m_gauge; }
    AiProfileView* profileView() const { return m_profile; }

signals:
    void openAiSettingsRequested();

protected:
    void showEvent(QShowEvent* event) override;

private:
    void reload();
    void showIntelligence(const std::optional<LeadIntelligence>& intelligence);
    void refreshAiNotice();
    void refreshBusy();
    void refreshAnalysedText();
    void showError(const QString& message);

    IntelligenceStore* m_store;
    QString m_leadId;
    std::optional<LeadIntelligence> m_intelligence;
    QFrame* m_notice;
    QLabel* m_noticeText;
    QPushButton* m_openSettings;
    DealHeatGauge* m_gauge;
    QLabel* m_intent;
    QLabel* m_analysedAt;
    QPushButton* m_analyse;
    QLabel* m_busy;
    QLabel* m_error;
    QLabel* m_empty;
    QWidget* m_details;
    QLabel* m_budget;
    QLabel* m_timeline;
    QLabel* m_decisionMaker;
    QLabel* m_painPoints;
    QLabel* m_insights;
    QLabel* m_risks;
    QLabel* m_nextAction;
    QLabel* m_summary;
    QLabel* m_fieldsUsed;
    AiProfileView* m_profile;
    QTimer* m_clock;
};
