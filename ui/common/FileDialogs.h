#pragma once

#include <QString>

class QWidget;

// Every file chooser the UI opens goes through here so GUI tests can answer in advance.
class FileDialogs
{
public:
    // A path to save to, or an empty string when the user cancelled.
    static QString saveFileName(
        QWidget* parent, const QString& caption, const QString& suggestedPath, const QString& filter);
    static QString openFileName(
        QWidget* parent, const QString& caption, const QString& directory, const QString& filter);
    // The next call answers with this path (empty: as if cancelled) without showing a dialog.
    static void setNextFileName(const QString& path);

private:
    static bool takeNextAnswer(QString* path);
};
