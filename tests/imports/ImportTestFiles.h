#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>

// Writes test input files byte for byte.
inline QString writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(bytes);
    return path;
}
