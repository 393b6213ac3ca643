#include "ui/common/FileDialogs.h"

#include <QFileDialog>

#include <optional>

namespace {
std::optional<QString>& nextAnswer()
{
    static std::optional<QString> answer;
    return answer;
}
} // namespace

bool FileDialogs::takeNextAnswer(QString* path)
{
    if (!nextAnswer())
        return false;
    *path = *nextAnswer();
    nextAnswer().reset();
    return true;
}

void FileDialogs::setNextFileName(const QString& path)
{
    nextAnswer() = path;
}

QString FileDialogs::saveFileName(
    QWidget* parent, const QString& caption, const QString& suggestedPath, const QString& filter)
{
    QString path;
    if (takeNextAnswer(&path))
        return path;
    return QFileDialog::getSaveFileName(parent, caption, suggestedPath, filter);
}

QString FileDialogs::openFileName(
    QWidget* parent, const QString& caption, const QString& directory, const QString& filter)
{
    QString path;
    if (takeNextAnswer(&path))
        return path;
    return QFileDialog::getOpenFileName(parent, caption, directory, filter);
}
