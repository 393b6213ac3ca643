#pragma once

#include "services/workspace/TeamMemberDirectory.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QTableView;
class TeamMemberListModel;

// Settings → Workspace → Members: who belongs to the open server workspace's organisation, and — for owners and
// admins — adding people, changing roles, deactivating and reactivating, resetting passwords. Every change goes
// through the server's member functions; what the server refuses (an employee trying, the last owner, …) is shown
// as the server explains it.
class TeamMembersPanel : public QWidget
{
    Q_OBJECT

public:
    explicit TeamMembersPanel(TeamMemberDirectory* directory, QWidget* parent = nullptr);

    void reload();
    // Opens Add member… (window-modal, not blocking).
    void addMember();
    void changeRoleOfSelected();
    void toggleActiveOfSelected();
    void resetPasswordOfSelected();
    void select(const QString& userId);

    TeamMemberListModel* model() const { return m_model; }
    QTableView* table() const { return m_table; }
    QString statusText() const;

signals:
    // A call to the server finished; message is what the panel shows.
    void finished(bool ok, const QString& message);

private:
    void run(const QString& doneText, std::function<void(TeamMemberDirectory::Done)> call);
    void apply(const TeamMembersResult& result, const QString& doneText);
    void setBusy(bool busy);
    void updateActions();
    void showStatus(bool ok, const QString& text);
    TeamMember selected() const;

    TeamMemberDirectory* m_directory;
    TeamMemberListModel* m_model;
    QLabel* m_summary;
    QTableView* m_table;
    QPushButton* m_add;
    QComboBox* m_role;
    QComboBox* m_team;
    QPushButton* m_changeRole;
    QPushButton* m_toggleActive;
    QPushButton* m_resetPassword;
    QLabel* m_status;
    bool m_busy = false;
};
