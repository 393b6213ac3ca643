#pragma once

#include <QDialog>

class FieldErrorLabels;
class QLineEdit;

// Members → Reset password…: a new password typed twice. The panel sends only its SCRAM verifier to the server.
class MemberPasswordDialog : public QDialog
{
    Q_OBJECT

public:
    MemberPasswordDialog(const QString& memberName, QWidget* parent = nullptr);

    QString password() const;
    void accept() override;

private:
    FieldErrorLabels* m_errors;
    QLineEdit* m_password;
    QLineEdit* m_repeat;
};
