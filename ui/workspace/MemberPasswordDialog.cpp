#include "ui/workspace/MemberPasswordDialog.h"

#include "ui/workspace/FieldErrorLabels.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace {
constexpr int kMinLength = 8;
}

MemberPasswordDialog::MemberPasswordDialog(const QString& memberName, QWidget* parent)
    : QDialog(parent)
    , m_errors(new FieldErrorLabels(this))
    , m_password(new QLineEdit(this))
    , m_repeat(new QLineEdit(this))
{
    setObjectName(QStringLiteral("MemberPasswordDialog"));
    setWindowTitle(tr("Reset password of %1").arg(memberName));
    m_password->setObjectName(QStringLiteral("newPasswordEdit"));
    m_password->setEchoMode(QLineEdit::Password);
    m_repeat->setObjectName(QStringLiteral("repeatPasswordEdit"));
    m_repeat->setEchoMode(QLineEdit::Password);
    auto* hint = new QLabel(tr("Tell %1 the new password in person or by phone; their open sessions keep working "
                               "until they sign in again.")
                                .arg(memberName),
        this);
    hint->setWordWrap(true);
    hint->setObjectName(QStringLiteral("EmptyStateText"));
    auto* form = new QFormLayout;
    m_errors->addRow(form, tr("&New password"), QStringLiteral("password"), m_password);
    m_errors->addRow(form, tr("&Repeat"), QStringLiteral("repeat"), m_repeat);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &MemberPasswordDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &MemberPasswordDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(hint);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

QString MemberPasswordDialog::password() const
{
    return m_password->text();
}

void MemberPasswordDialog::accept()
{
    FieldErrors errors;
    if (m_password->text().size() < kMinLength)
        errors.append(
            { QStringLiteral("password"), tr("The password needs at least %n characters.", nullptr, kMinLength) });
    else if (m_password->text() != m_repeat->text())
        errors.append({ QStringLiteral("repeat"), tr("The two passwords differ.") });
    m_errors->show(errors);
    if (errors.isEmpty())
        QDialog::accept();
}
