#include "ui/sync/SyncStatusIndicator.h"

#include "services/sync/SyncEngine.h"
#include "ui/sync/SyncErrorTitle.h"

#include <QAction>
#include <QDateTime>
#include <QHBoxLayout>
#include <QLocale>
#include <QMenu>
#include <QTimer>
#include <QToolButton>

SyncStatusIndicator::SyncStatusIndicator(QWidget* parent)
    : QWidget(parent)
    , m_button(new QToolButton(this))
    , m_conflicts(new QToolButton(this))
    , m_menu(new QMenu(this))
    , m_countdown(new QTimer(this))
{
    setObjectName(QStringLiteral("syncStatusIndicator"));
    m_button->setObjectName(QStringLiteral("syncStatusButton"));
    m_button->setAutoRaise(true);
    m_button->setPopupMode(QToolButton::InstantPopup);
    m_button->setMenu(m_menu);
    m_button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_conflicts->setObjectName(QStringLiteral("syncConflictsBadge"));
    m_conflicts->setAutoRaise(true);
    m_conflicts->hide();
    connect(m_conflicts, &QToolButton::clicked, this, &SyncStatusIndicator::conflictsRequested);

    QAction* syncNow = m_menu->addAction(tr("Sync &now"), this, &SyncStatusIndicator::syncNow);
    syncNow->setObjectName(QStringLiteral("syncNowAction"));
    QAction* conflicts = m_menu->addAction(tr("Show &conflicts…"), this, &SyncStatusIndicator::conflictsRequested);
    conflicts->setObjectName(QStringLiteral("showConflictsAction"));

    m_countdown->setInterval(1000);
    connect(m_countdown, &QTimer::timeout, this, &SyncStatusIndicator::refresh);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_conflicts);
    layout->addWidget(m_button);
    refresh();
}

void SyncStatusIndicator::setEngine(SyncEngine* engine)
{
    if (m_engine)
        disconnect(m_engine, nullptr, this, nullptr);
    m_engine = engine;
    m_lastError.clear();
    if (engine) {
        connect(engine, &SyncEngine::stateChanged, this, [this](Sync::State state) {
            if (state == Sync::State::Online)
                m_lastError.clear();
            refresh();
        });
        connect(engine, &SyncEngine::lastSyncAtChanged, this, &SyncStatusIndicator::refresh);
        connect(engine, &SyncEngine::pendingCountChanged, this, &SyncStatusIndicator::refresh);
        connect(engine, &SyncEngine::conflictsChanged, this, &SyncStatusIndicator::refresh);
        connect(engine, &SyncEngine::rejectedChangesChanged, this, &SyncStatusIndicator::refresh);
        connect(engine, &SyncEngine::reconnectScheduled, this, &SyncStatusIndicator::refresh);
        connect(engine, &SyncEngine::error, this, [this](Sync::ErrorKind kind, const QString& message) {
            m_lastErrorKind = kind;
            m_lastError = message;
            refresh();
        });
    }
    refresh();
}

void SyncStatusIndicator::syncNow()
{
    if (m_engine)
        m_engine->syncNow();
}

QString SyncStatusIndicator::text() const
{
    return m_button->text();
}

QString SyncStatusIndicator::toolTipText() const
{
    return m_button->toolTip();
}

void SyncStatusIndicator::refresh()
{
    if (!m_engine) {
        m_countdown->stop();
        m_button->setText(tr("Local workspace"));
        m_button->setToolTip(tr("Everything is stored on this computer. Connect to a team server in Settings → "
                                "Workspace to share leads with your agency."));
        m_button->setEnabled(false);
        m_conflicts->hide();
        return;
    }
    m_button->setEnabled(true);
    QStringList parts;
    const QDateTime next = m_engine->nextAttemptAt();
    switch (m_engine->state()) {
    case Sync::State::Online:
        parts.append(tr("● Online"));
        break;
    case Sync::State::Syncing:
        parts.append(tr("⟳ Syncing…"));
        break;
    case Sync::State::Connecting:
        parts.append(tr("⟳ Connecting…"));
        break;
    case Sync::State::Offline:
        if (next.isValid()) {
            const qint64 seconds = qMax<qint64>(0, (QDateTime::currentDateTimeUtc().msecsTo(next) + 999) / 1000);
            parts.append(tr("○ Offline (reconnecting in %1 s)").arg(seconds));
        } else {
            parts.append(tr("○ Offline"));
        }
        break;
    }
    if (m_engine->state() == Sync::State::Offline && next.isValid())
        m_countdown->start();
    else
        m_countdown->stop();

    const QDateTime last = m_engine->lastSyncAt();
    if (last.isValid())
        parts.append(tr("Last sync %1").arg(QLocale().toString(last.toLocalTime().time(), QLocale::ShortFormat)));
    const int pending = m_engine->pendingCount();
    if (pending > 0)
        parts.append(tr("%n pending change(s)", nullptr, pending));
    m_button->setText(parts.join(QStringLiteral(" · ")));

    QString tip = tr("Team server sync. Click to sync now.");
    if (last.isValid())
        tip += QLatin1Char('\n')
            + tr("Last complete sync: %1").arg(QLocale().toString(last.toLocalTime(), QLocale::LongFormat));
    if (!m_lastError.isEmpty())
        tip += QLatin1Char('\n') + tr("Last error — %1: %2").arg(SyncErrorTitle::of(m_lastErrorKind), m_lastError);
    m_button->setToolTip(tip);

    const int conflicts = int(m_engine->conflicts().size());
    const int rejected = int(m_engine->rejectedChanges().size());
    m_conflicts->setVisible(conflicts > 0 || rejected > 0);
    QStringList badge;
    QStringList badgeTip;
    if (conflicts > 0) {
        badge.append(tr("⚠ %n conflict(s)", nullptr, conflicts));
        badgeTip.append(tr("You and the server changed the same fields. Click to decide which values to keep."));
    }
    if (rejected > 0) {
        badge.append(tr("⚠ %n change(s) not applied", nullptr, rejected));
        badgeTip.append(tr("Some of your changes were not applied because their lead was reassigned to someone "
                           "else. Click to read them."));
    }
    m_conflicts->setText(badge.join(QStringLiteral(" · ")));
    m_conflicts->setToolTip(badgeTip.join(QLatin1Char('\n')));
}
