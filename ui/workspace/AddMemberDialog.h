#pragma once

#include "services/workspace/TeamMemberDirectory.h"

#include <QDialog>

class FieldErrorLabels;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

// Members → Add member…: name, e-mail (which is also the login), role, team and an initial password. The member is
// added on the server from here (only the password's SCRAM verifier is sent); a refusal is shown in the dialog,
// which stays open so nothing typed is lost.
class AddMemberDialog : public QDialog
{
    Q_OBJECT

public:
    AddMemberDialog(TeamMemberDirectory* directory, const QList<TeamInfo>& teams, QWidget* parent = nullptr);

    NewTeamMember typedMember() const;
    void accept() override;
    const TeamMembersResult& result() const { return m_result; }

signals:
    void added(const TeamMembersResult& result);
    void failed(const QString& message);

private:
    void updateTeamChoice();

    TeamMemberDirectory* m_directory;
    FieldErrorLabels* m_errors;
    QLineEdit* m_name;
    QLineEdit* m_email;
    QComboBox* m_role;
    QComboBox* m_team;
    QLineEdit* m_password;
    QLabel* m_serverError;
    QPushButton* m_add = nullptr;
    bool m_busy = false;
    TeamMembersResult m_result;
};
