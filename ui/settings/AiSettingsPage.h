#pragma once

#include "services/providers/AiOptions.h"

#include <QPointer>
#include <QWidget>

#include <functional>

class AiConfiguration;
class AiUsagePanel;
class QCheckBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class WorkspaceSession;
struct AiSaveOutcome;
struct LlmResult;

// Settings → AI: where the LLM is (base URL, model, API key, timeout), a connection test, monthly budgets and this
// month's usage. The API key is only ever written from here: the page never reads a stored key back.
class AiSettingsPage : public QWidget
{
    Q_OBJECT

public:
    explicit AiSettingsPage(WorkspaceSession* session, QWidget* parent = nullptr);

    // Whether anything differs from what is saved.
    bool isDirty() const;
    // Validates and saves; done(true) once everything is stored, done(false) with the problem shown on the page.
    void save(std::function<void(bool)> done);
    void testConnection();
    void removeKey();
    // The options as typed; budgetError is set when a budget is not an amount.
    AiOptions typedOptions(FieldErrors* errors = nullptr) const;
    AiUsagePanel* usagePanel() const { return m_usage; }

signals:
    void testFinished(bool ok);
    void saved(bool ok);

private:
    QWidget* buildConnectionBox();
    QWidget* buildBudgetBox();
    void loadFields();
    void showKeyState();
    void showErrors(const FieldErrors& errors);
    void showTestResult(const LlmResult& result, const QString& model);
    void setTesting(bool testing);
    void onSaved(const AiSaveOutcome& outcome, const std::function<void(bool)>& done);
    static QString budgetText(const std::optional<qint64>& micros);

    AiConfiguration* m_configuration;
    QLineEdit* m_baseUrl = nullptr;
    QLineEdit* m_model = nullptr;
    QLineEdit* m_apiKey = nullptr;
    QLabel* m_keyStatus = nullptr;
    QPushButton* m_removeKey = nullptr;
    QCheckBox* m_sessionOnly = nullptr;
    QSpinBox* m_timeout = nullptr;
    QPushButton* m_test = nullptr;
    QProgressBar* m_testProgress = nullptr;
    QLabel* m_testResult = nullptr;
    QLineEdit* m_orgBudget = nullptr;
    QLineEdit* m_myBudget = nullptr;
    QLabel* m_errors = nullptr;
    AiUsagePanel* m_usage = nullptr;
    QPointer<QObject> m_testContext; // alive while a connection test runs; deleting it cancels the test
    bool m_edited = false;
};
