#pragma once

#include "services/workspace/WorkspaceEntry.h"

#include <QDialog>
#include <QPointer>

class FieldErrorLabels;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class WorkspaceRegistry;
struct ServerCheckResult;

// Settings → Workspace → Connect to server…: the server's address, the user's login and password and the TLS mode,
// with inline validation and a connection test that runs off the UI thread. "Connect" stores the workspace in the
// registry (password in the keychain, or for this session only when no keychain is reachable).
class ServerConnectionDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ServerConnectionDialog(WorkspaceRegistry* registry, QWidget* parent = nullptr);

    // The fields as typed (no id or replica path yet).
    WorkspaceEntry typedEntry() const;
    FieldErrors validate() const;
    void testConnection();
    // Validates and stores; the dialog closes once the workspace is saved.
    void accept() override;
    const WorkspaceEntry& saved() const { return m_saved; }

signals:
    void testFinished(bool ok);
    void saveFailed(const QString& message);

private:
    void buildForm();
    void showTestResult(const ServerCheckResult& result);
    void setTesting(bool testing);
    void updateTlsHint();

    WorkspaceRegistry* m_registry;
    FieldErrorLabels* m_errors;
    QLineEdit* m_name = nullptr;
    QLineEdit* m_host = nullptr;
    QSpinBox* m_port = nullptr;
    QLineEdit* m_database = nullptr;
    QLineEdit* m_user = nullptr;
    QLineEdit* m_password = nullptr;
    QComboBox* m_sslMode = nullptr;
    QLabel* m_tlsHint = nullptr;
    QCheckBox* m_sessionOnly = nullptr;
    QPushButton* m_test = nullptr;
    QProgressBar* m_testProgress = nullptr;
    QLabel* m_testResult = nullptr;
    QLabel* m_saveError = nullptr;
    QPushButton* m_connect = nullptr;
    QPointer<QObject> m_testContext; // alive while a test runs; deleting it drops the answer
    bool m_validated = false; // after the first attempt, fields are checked as they are typed
    bool m_saving = false;
    WorkspaceEntry m_saved;
};
