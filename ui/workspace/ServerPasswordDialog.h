#pragma once

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
struct WorkspaceEntry;

// Asks for a server workspace's password when the keychain has none for it, cannot be reached, or the server refused
// the stored one. "Work offline" opens the local copy without connecting.
class ServerPasswordDialog : public QDialog
{
    Q_OBJECT

public:
    // reason: why the password is asked for (translated). keychainAvailable: offer to remember it there; otherwise
    // the password is kept for this session only and the dialog says so.
    ServerPasswordDialog(
        const WorkspaceEntry& workspace, const QString& reason, bool keychainAvailable, QWidget* parent = nullptr);

    QString password() const;
    bool remember() const;
    void accept() override;

private:
    QLineEdit* m_password;
    QCheckBox* m_remember;
    QLabel* m_error;
};
