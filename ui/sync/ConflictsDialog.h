#pragma once

#include <QDialog>
#include <QPointer>

class ConflictListModel;
class LeadStore;
class QLabel;
class QPushButton;
class QStackedWidget;
class QTableView;
class RejectedChangesPanel;
class SyncEngine;

// Sync → Conflicts: fields that you and someone else changed while apart. The server's value is in the lead now;
// per row the user keeps theirs ("Keep mine", which is then sent to the server) or the server's. Below, the changes
// the server will never take (their lead was reassigned away), until dismissed.
class ConflictsDialog : public QDialog
{
    Q_OBJECT

public:
    ConflictsDialog(SyncEngine* engine, LeadStore* leads, QWidget* parent = nullptr);

    // Resolves the selected rows.
    void keepMine();
    void keepServer();

    ConflictListModel* model() const { return m_model; }
    QTableView* table() const { return m_table; }
    bool showsEmptyState() const;
    RejectedChangesPanel* rejectedChanges() const { return m_rejected; }

signals:
    void resolved(bool ok, const QString& message);

private:
    void reload();
    void resolveSelected(bool mine);
    void updateActions();

    QPointer<SyncEngine> m_engine;
    LeadStore* m_leads;
    ConflictListModel* m_model;
    QStackedWidget* m_stack;
    QTableView* m_table;
    QLabel* m_empty;
    QLabel* m_status;
    QPushButton* m_keepMine;
    QPushButton* m_keepServer;
    RejectedChangesPanel* m_rejected;
    int m_running = 0;
};
