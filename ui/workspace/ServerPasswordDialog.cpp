#include "ui/workspace/ServerPasswordDialog.h"

#include "services/secrets/SecretStore.h"
#include "services/workspace/WorkspaceEntry.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

ServerPasswordDialog::ServerPasswordDialog(
    const WorkspaceEntry& workspace, const QString& reason, bool keychainAvailable, QWidget* parent)
    : QDialog(parent)
    , m_password(new QLineEdit(this))
    , m_remember(new QCheckBox(this))
    , m_error(new QLabel(this))
{
    setObjectName(QStringLiteral("ServerPasswordDialog"));
    setWindowTitle(tr("Password for %1").arg(workspace.name));
    auto* message = new QLabel(reason, this);
    message->setWordWrap(true);
    m_password->setObjectName(QStringLiteral("serverPasswordPromptEdit"));
    m_password->setEchoMode(QLineEdit::Password);
    m_remember->setObjectName(QStringLiteral("rememberPasswordCheck"));
    if (keychainAvailable) {
        m_remember->setText(tr("Remember in %1").arg(SecretStore::keychainName()));
        m_remember->setChecked(true);
    } else {
        m_remember->setText(tr("The keychain is not available: the password is kept for this session only"));
        m_remember->setChecked(false);
        m_remember->setEnabled(false);
    }
    m_error->setObjectName(QStringLiteral("FieldError"));
    m_error->hide();
    auto* form = new QFormLayout;
    form->addRow(tr("Login"), new QLabel(workspace.describe(), this));
    form->addRow(tr("&Password"), m_password);
    form->addRow(QString(), m_error);
    form->addRow(QString(), m_remember);
    auto* buttons = new QDialogButtonBox(this);
    buttons->addButton(tr("&Connect"), QDialogButtonBox::AcceptRole)->setDefault(true);
    buttons->addButton(tr("Work &offline"), QDialogButtonBox::RejectRole);
    connect(buttons, &QDialogButtonBox::accepted, this, &ServerPasswordDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ServerPasswordDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(message);
    layout->addLayout(form);
    layout->addWidget(buttons);
    resize(440, sizeHint().height());
}

QString ServerPasswordDialog::password() const
{
    return m_password->text();
}

bool ServerPasswordDialog::remember() const
{
    return m_remember->isEnabled() && m_remember->isChecked();
}

void ServerPasswordDialog::accept()
{
    if (m_password->text().isEmpty()) {
        m_error->setText(tr("Enter your password, or choose Work offline."));
        m_error->show();
        m_password->setFocus();
        return;
    }
    QDialog::accept();
}
