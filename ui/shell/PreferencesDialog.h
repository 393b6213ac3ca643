#pragma once

#include <QDialog>

class AiSettingsPage;
class CallingSettingsPage;
class QTabWidget;
class RegionComboBox;
class WorkspaceRegistry;
class WorkspaceSession;
class WorkspaceSettingsPage;

// Edit → Preferences: the Settings dialog. "General" holds settings that are not secrets (QSettings); "AI" (with a
// workspace) configures the language model, its key and budgets; "Calling" the voice and telephony providers;
// "Workspace" (with a registry) the workspaces and a team server's members. Pages are named so other modules can open
// one.
class PreferencesDialog : public QDialog
{
    Q_OBJECT

public:
    explicit PreferencesDialog(
        QWidget* parent = nullptr, WorkspaceSession* session = nullptr, WorkspaceRegistry* registry = nullptr);

    static QString generalPage() { return QStringLiteral("general"); }
    static QString aiPage() { return QStringLiteral("ai"); }
    static QString workspacePage() { return QStringLiteral("workspace"); }
    static QString callingPage() { return QStringLiteral("calling"); }

    // Switches to the page of that name; unknown names leave the current page.
    void showPage(const QString& page);
    QString currentPage() const;
    // Saves every page; the dialog closes once all of them are stored and stays open on the page that failed.
    void accept() override;

    RegionComboBox* regionCombo() const { return m_region; }
    AiSettingsPage* aiSettings() const { return m_ai; }
    WorkspaceSettingsPage* workspaceSettings() const { return m_workspace; }
    CallingSettingsPage* callingSettings() const { return m_calling; }
    QTabWidget* tabs() const { return m_tabs; }

signals:
    // Settings → Workspace → Switch to: the window should reopen on that workspace.
    void workspaceSwitchRequested(const QString& workspaceId);

private:
    QWidget* buildGeneralPage();
    void addScrolledPage(QWidget* page, const QString& name, const QString& title);
    void saveCalling();

    QTabWidget* m_tabs;
    RegionComboBox* m_region = nullptr;
    AiSettingsPage* m_ai = nullptr;
    WorkspaceSettingsPage* m_workspace = nullptr;
    CallingSettingsPage* m_calling = nullptr;
    bool m_saving = false;
};
