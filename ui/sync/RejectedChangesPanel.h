#pragma once

#include <QPointer>
#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;
class SyncEngine;

// Sync → Conflicts, below the conflicts: changes the server will never take because their lead was reassigned to
// someone else while they waited to be sent. Each says so and what it was; the user dismisses it once read. Hidden
// while there are none.
class RejectedChangesPanel : public QWidget
{
    Q_OBJECT

public:
    explicit RejectedChangesPanel(SyncEngine* engine, QWidget* parent = nullptr);

    QListWidget* list() const { return m_list; }
    // Dismisses the selected changes.
    void dismissSelected();

private:
    void reload();

    QPointer<SyncEngine> m_engine;
    QLabel* m_title;
    QListWidget* m_list;
    QPushButton* m_dismiss;
};
