#include "app/WorkspaceLauncher.h"

#include "services/sync/SyncEngine.h"
#include "services/workspace/WorkspaceRegistry.h"
#include "services/workspace/WorkspaceSession.h"
#include "ui/shell/MainWindow.h"
#include "ui/workspace/ServerPasswordDialog.h"

#include <QApplication>
#include <QPointer>
#include <QTimer>

WorkspaceLauncher::WorkspaceLauncher(WorkspaceRegistry* registry, Opened opened, QObject* parent)
    : QObject(parent)
    , m_registry(registry)
    , m_opened(std::move(opened))
{ }

WorkspaceLauncher::~WorkspaceLauncher()
{
    m_window.reset(); // the window holds pointers into the session
    m_session.reset();
}

void WorkspaceLauncher::openAtStart(const QString& localPath)
{
    if (!localPath.isEmpty()) {
        m_registry->setLocalPath(localPath);
        build(*m_registry->find(WorkspaceEntry::localId()), QString());
        return;
    }
    open(m_registry->active());
}

void WorkspaceLauncher::open(const WorkspaceEntry& entry)
{
    if (!entry.isServer()) {
        build(entry, QString());
        return;
    }
    m_registry->readPassword(entry.id, this, [this, entry](const SecretResult& result) {
        build(entry, result.ok() ? result.secret : QString());
        if (result.ok())
            return;
        const QString reason = result.notSet()
            ? tr("No password is saved for “%1” on this computer. Enter it to sync, or work offline on the copy "
                 "here.")
                  .arg(entry.name)
            : result.message;
        askPassword(reason, !result.unavailable());
    });
}

void WorkspaceLauncher::build(const WorkspaceEntry& entry, const QString& password)
{
    m_session = std::make_unique<WorkspaceSession>();
    m_window = std::make_unique<MainWindow>(m_session.get());
    m_window->setWorkspaceRegistry(m_registry);
    connect(m_window.get(), &MainWindow::workspaceSwitchRequested, this, [this](const QString& id) {
        // Not from inside the window's own signal: the window is replaced.
        QTimer::singleShot(0, this, [this, id] { switchTo(id); });
    });
    connect(m_session.get(), &WorkspaceSession::opened, m_window.get(), [this](const OpenResult& result) {
        if (SyncEngine* engine = m_session->sync()) {
            connect(engine, &SyncEngine::error, m_window.get(), [this](Sync::ErrorKind kind, const QString& message) {
                if (kind == Sync::ErrorKind::WrongPassword)
                    askPassword(message, true);
            });
        }
        m_opened(m_window.get(), result);
    });
    emit windowCreated(m_window.get());
    m_window->show();
    m_session->open(entry, password);
}

void WorkspaceLauncher::switchTo(const QString& workspaceId)
{
    const auto entry = m_registry->find(workspaceId);
    if (!entry)
        return;
    const bool quitOnClose = QApplication::quitOnLastWindowClosed();
    QApplication::setQuitOnLastWindowClosed(false);
    m_window->close(); // saves the window's geometry
    m_window.reset();
    m_session.reset();
    QApplication::setQuitOnLastWindowClosed(quitOnClose);
    open(*entry);
}

void WorkspaceLauncher::askPassword(const QString& reason, bool keychainAvailable)
{
    if (m_asking || !m_session || !m_session->workspace().isServer())
        return;
    m_asking = true;
    const WorkspaceEntry entry = m_session->workspace();
    auto* dialog = new ServerPasswordDialog(entry, reason, keychainAvailable, m_window.get());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QPointer<WorkspaceSession> session(m_session.get());
    connect(dialog, &QDialog::finished, this, [this, dialog, entry, session](int result) {
        m_asking = false;
        if (result != QDialog::Accepted || !session)
            return;
        const QString password = dialog->password();
        m_registry->setPassword(entry.id, password, !dialog->remember(), this,
            [this, entry, password, session](const WorkspaceSaveOutcome& outcome) {
                // The keychain refused: keep it for this session, as the user was told.
                if (!outcome.ok)
                    m_registry->secrets()->setSessionSecret(WorkspaceRegistry::passwordKey(entry.id), password);
                if (session)
                    session->setServerPassword(password);
            });
    });
    dialog->open();
}
