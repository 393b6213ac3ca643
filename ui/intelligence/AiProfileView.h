#pragma once

#include "models/intelligence/AiProfile.h"

#include <QWidget>

#include <optional>

class IntelligenceStore;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QVBoxLayout;

// The AI profile part of the Intelligence tab: one-liner, likely role, decision power, pain points, offer angles,
// personalisation hooks, objections with responses, next best action, message drafts (each with Copy) and the
// confidence, with a "Generate profile" button.
class AiProfileView : public QWidget
{
    Q_OBJECT

public:
    explicit AiProfileView(IntelligenceStore* store, QWidget* parent = nullptr);

    void setLead(const QString& leadId);
    void generate();
    const std::optional<StoredAiProfile>& profile() const { return m_profile; }

private:
    struct Draft {
        QPlainTextEdit* text = nullptr;
        QPushButton* copy = nullptr;
    };

    void reload();
    void showProfile(const std::optional<StoredAiProfile>& stored);
    void refreshBusy();
    Draft addDraft(const QString& title, const QString& name, QWidget* parent, QVBoxLayout* layout);
    void copyDraft(const Draft& draft);

    IntelligenceStore* m_store;
    QString m_leadId;
    std::optional<StoredAiProfile> m_profile;
    QPushButton* m_generate;
    QLabel* m_busy;
    QLabel* m_error;
    QLabel* m_empty;
    QWidget* m_content;
    QLabel* m_oneLiner;
    QLabel* m_role;
    QLabel* m_decisionPower;
    QProgressBar* m_confidence;
    QLabel* m_painPoints;
    QLabel* m_angles;
    QLabel* m_hooks;
    QLabel* m_objections;
    QLabel* m_nextAction;
    QLabel* m_sources;
    QLabel* m_generatedAt;
    Draft m_coldEmail;
    Draft m_followUp;
    Draft m_linkedin;
};
