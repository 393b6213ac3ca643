#pragma once

#include "services/sync/SyncTypes.h"

#include <QPointer>
#include <QWidget>

class QMenu;
class QTimer;
class QToolButton;
class SyncEngine;

// The status bar's team-mode indicator: Online / Syncing / Offline (reconnecting in N s), the last sync time, the
// pending changes, the last error (tooltip) and a badge with the open conflicts. Click for "Sync now". For the Local
// workspace it just says so.
class SyncStatusIndicator : public QWidget
{
    Q_OBJECT

public:
    explicit SyncStatusIndicator(QWidget* parent = nullptr);

    // nullptr: the Local workspace.
    void setEngine(SyncEngine* engine);

    QString text() const;
    QString toolTipText() const;
    QToolButton* button() const { return m_button; }
    QToolButton* conflictsButton() const { return m_conflicts; }
    QMenu* menu() const { return m_menu; }
    void syncNow();

signals:
    void conflictsRequested();

private:
    void refresh();

    QPointer<SyncEngine> m_engine;
    QToolButton* m_button;
    QToolButton* m_conflicts;
    QMenu* m_menu;
    QTimer* m_countdown;
    QString m_lastError;
    Sync::ErrorKind m_lastErrorKind = Sync::ErrorKind::Other;
};
