#pragma once

#include <QObject>
#include <QString>

class MainWindow;
class QWidget;

// For scripts/screenshot: renders the Kanban and table views to PNG files, then quits.
class ScreenshotTour : public QObject
{
    Q_OBJECT

public:
    ScreenshotTour(MainWindow* window, QString directory, QObject* parent = nullptr);
    void start();

private:
    void capture(const QString& name, QWidget* widget = nullptr);
    void showImport();
    void showModules();
    void showCalling();
    void showWorkspaceSettings();
    void showCallingSettings();

    MainWindow* m_window;
    QString m_directory;
};
