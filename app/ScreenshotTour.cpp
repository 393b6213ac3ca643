#include "app/ScreenshotTour.h"

#include "models/LeadListModel.h"
#include "ui/calling/CallingView.h"
#include "ui/common/RegionComboBox.h"
#include "ui/leads/LeadTableView.h"
#include "ui/leads/LeadsView.h"
#include "ui/shell/MainWindow.h"
#include "ui/shell/PreferencesDialog.h"
#include "ui/workspace/ServerConnectionDialog.h"
#include "ui/workspace/WorkspaceSettingsPage.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QListWidget>
#include <QWizard>
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
                showImport();
            });
        });
    });
}

// The other modules of the sidebar, in order: Deal Desk, Neural Brain, then Calling (its Scripts tab).
void ScreenshotTour::showModules()
{
    auto* modules = m_window->findChild<QListWidget*>(QStringLiteral("moduleList"));
    if (!modules || modules->count() < 3) {
        QCoreApplication::quit();
        return;
    }
    modules->setCurrentRow(1);
    QTimer::singleShot(900, this, [this, modules] {
        capture(QStringLiteral("dealdesk.png"));
        modules->setCurrentRow(2);
        QTimer::singleShot(900, this, [this] {
            capture(QStringLiteral("brain.png"));
            showCalling();
        });
    });
}

// The Calling module on its Scripts tab, then the settings.
void ScreenshotTour::showCalling()
{
    CallingView* calling = m_window->callingView();
    if (!calling) {
        showWorkspaceSettings();
        return;
    }
    m_window->showModule(calling);
    QTimer::singleShot(900, this, [this] {
        capture(QStringLiteral("calling-scripts.png"));
        showWorkspaceSettings();
    });
}

// Settings → Workspace, then Connect to server… filled in as a user would.
void ScreenshotTour::showWorkspaceSettings()
{
    PreferencesDialog* settings = m_window->openSettings(PreferencesDialog::workspacePage());
    settings->resize(720, 640);
    QTimer::singleShot(600, this, [this, settings] {
        capture(QStringLiteral("settings-workspace.png"), settings);
        WorkspaceSettingsPage* page = settings->workspaceSettings();
        if (!page) {
            QCoreApplication::quit();
            return;
        }
        page->connectToServer();
        auto* dialog = settings->findChild<ServerConnectionDialog*>();
        if (!dialog) {
            QCoreApplication::quit();
            return;
        }
        const auto type = [dialog](const char* name, const QString& text) {
            if (auto* edit = dialog->findChild<QLineEdit*>(QLatin1String(name)))
                edit->setText(text);
        };
        type("serverNameEdit", QStringLiteral("Acme Agency"));
        type("serverHostEdit", QStringLiteral("db.acme-agency.example"));
        type("serverDatabaseEdit", QStringLiteral("businesshub"));
        type("serverUserEdit", QStringLiteral("anna@acme-agency.example"));
        type("serverPasswordEdit", QStringLiteral("correct horse battery"));
        QTimer::singleShot(500, this, [this, settings, dialog] {
            capture(QStringLiteral("connect-server.png"), dialog);
            dialog->reject();
            settings->reject();
            showCallingSettings();
        });
    });
}

// Settings → Calling as a new user sees it: no keys yet, each field saying what it is for.
void ScreenshotTour::showCallingSettings()
{
    PreferencesDialog* settings = m_window->openSettings(PreferencesDialog::callingPage());
    settings->resize(760, 900);
    QTimer::singleShot(600, this, [this, settings] {
        capture(QStringLiteral("settings-calling.png"), settings);
        settings->reject();
        QCoreApplication::quit();
    });
}

void ScreenshotTour::capture(const QString& name, QWidget* widget)
{
    const QString path = QDir(m_directory).filePath(name);
    if (!(widget ? widget : m_window)->grab().save(path))
        std::fprintf(stderr, "could not write %s\n", qPrintable(path));
}

void ScreenshotTour::showImport()
{
    // A small export from "another CRM": German headers, semicolons, messy values, one duplicate, one bad row.
    const QString csv = QDir(m_directory).filePath(QStringLiteral("sample-import.csv"));
    QFile file(csv);
    if (file.open(QIODevice::WriteOnly)) {
        file.write("Vorname;Nachname;E-Mail;Telefon;Firma;Webseite;Status;Umsatz;Notizen\r\n"
                   " Lena ; Fischer ;LENA@FISCHER-BAU.DE;030 1234567;Fischer Bau GmbH;fischer-bau.de;Qualified;12.500,00;Met at trade fair\r\n"
                   "Jonas;Weber;jonas@weber-druck.de;+49 89 1234567;Weber Druck;weber-druck.de;new;4.000;\r\n"
                   "Lena;Fischer;lena@fischer-bau.de;;Fischer Bau GmbH;;;;duplicate row\r\n"
                   ";;;;;;;;\r\n"
                   "Mia;Schulz;mia.schulz@example;12;Schulz Yoga;;Contacted;abc;\r\n");
        file.close();
    }
    m_window->leadsView()->importLeads(csv);
    QTimer::singleShot(600, this, [this] {
        auto* wizard = m_window->findChild<QWizard*>();
        if (!wizard) {
            QCoreApplication::quit();
            return;
        }
        wizard->next();
        QTimer::singleShot(500, this, [this, wizard] {
            // The sample file is German: its local phone numbers are read as German ones.
            if (auto* region = wizard->findChild<RegionComboBox*>(QStringLiteral("importRegion")))
                region->setRegion(QStringLiteral("DE"));
            capture(QStringLiteral("import-mapping.png"), wizard);
            wizard->next();
            QTimer::singleShot(1500, this, [this, wizard] {
                capture(QStringLiteral("import-result.png"), wizard);
                QFile::remove(QDir(m_directory).filePath(QStringLiteral("sample-import.csv")));
                wizard->reject();
                showModules();
            });
        });
    });
}
