#include "app/ScreenshotTour.h"

#include "models/LeadListModel.h"
#include "ui/leads/LeadTableView.h"
#include "ui/leads/LeadsView.h"
#include "ui/shell/MainWindow.h"

#include <QCoreApplication>
#include <QDir>
#include <QPixmap>
#include <QTimer>

#include <cstdio>

ScreenshotTour::ScreenshotTour(MainWindow* window, QString directory, QObject* parent)
    : QObject(parent)
    , m_window(window)
    , m_directory(std::move(directory))
{
}

void ScreenshotTour::start()
{
    QDir().mkpath(m_directory);
    m_window->leadsView()->setMode(LeadsView::Mode::Kanban);
    QTimer::singleShot(600, this, [this] {
        capture(QStringLiteral("kanban.png"));
        LeadsView* leads = m_window->leadsView();
        leads->setMode(LeadsView::Mode::Table);
        QTimer::singleShot(500, this, [this, leads] {
            LeadListModel* model = leads->table()->leadModel();
            if (model->rowCount() > 0) {
                leads->table()->selectRow(0);
                leads->openLead(model->leadAt(0).id);
            }
            QTimer::singleShot(700, this, [this] {
                capture(QStringLiteral("table.png"));
                QCoreApplication::quit();
            });
        });
    });
}

void ScreenshotTour::capture(const QString& name)
{
    const QString path = QDir(m_directory).filePath(name);
    if (!m_window->grab().save(path))
        std::fprintf(stderr, "could not write %s\n", qPrintable(path));
}
