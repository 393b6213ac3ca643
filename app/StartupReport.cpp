#include "app/StartupReport.h"

#include <QCoreApplication>
#include <QEvent>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>
#include <QWidget>

#include <cstdio>

StartupReport::StartupReport(const QElapsedTimer& sinceStart, QWidget* window, QObject* parent)
    : QObject(parent)
    , m_sinceStart(sinceStart)
{
    window->installEventFilter(this);
    // Never hang a benchmark: report whatever was measured after 30 s.
    QTimer::singleShot(30000, this, [this] {
        if (m_firstPaintMs < 0)
            m_firstPaintMs = 0;
        if (m_leadsReadyMs < 0)
            m_leadsReadyMs = 0;
        finishIfReady();
    });
}

bool StartupReport::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::Paint && m_firstPaintMs < 0) {
        m_firstPaintMs = static_cast<double>(m_sinceStart.nsecsElapsed()) / 1e6;
        QTimer::singleShot(0, this, &StartupReport::finishIfReady);
    }
    return QObject::eventFilter(watched, event);
}

void StartupReport::leadsReady()
{
    if (m_leadsReadyMs < 0)
        m_leadsReadyMs = static_cast<double>(m_sinceStart.nsecsElapsed()) / 1e6;
    // Let the loaded cards paint before memory is read.
    QTimer::singleShot(50, this, &StartupReport::finishIfReady);
}

void StartupReport::finishIfReady()
{
    if (m_done || m_firstPaintMs < 0 || m_leadsReadyMs < 0)
        return;
    m_done = true;
    const QJsonObject report { { QStringLiteral("first_paint_ms"), qRound(m_firstPaintMs * 10) / 10.0 },
        { QStringLiteral("leads_ready_ms"), qRound(m_leadsReadyMs * 10) / 10.0 },
        { QStringLiteral("rss_mb"), qRound(residentMegabytes() * 10) / 10.0 } };
    std::fputs(QJsonDocument(report).toJson(QJsonDocument::Compact).constData(), stdout);
    std::fputs("\n", stdout);
    std::fflush(stdout);
    QCoreApplication::quit();
}

double StartupReport::residentMegabytes()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly | QIODevice::Text))
        return 0;
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray& line : lines) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return 0;
}
