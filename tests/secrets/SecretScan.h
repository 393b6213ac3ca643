#pragma once

#include <QByteArray>
#include <QDirIterator>
#include <QFile>
#include <QStringList>

namespace HubTest {

// The spellings of a secret worth looking for in files and logs: as typed, and base64 (how a careless encoder
// would hide it).
inline QList<QByteArray> secretSpellings(const QString& secret)
{
    const QByteArray utf8 = secret.toUtf8();
    return { utf8, utf8.toBase64() };
}

inline bool containsSecret(const QByteArray& haystack, const QString& secret)
{
    for (const QByteArray& spelling : secretSpellings(secret)) {
        if (haystack.contains(spelling))
            return true;
    }
    return false;
}

// Every file under dir (recursively, hidden ones included) whose bytes contain the secret.
inline QStringList filesContainingSecret(const QString& dir, const QString& secret)
{
    QStringList hits;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (file.open(QIODevice::ReadOnly) && containsSecret(file.readAll(), secret))
            hits.append(file.fileName());
    }
    return hits;
}

inline QByteArray readFile(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace HubTest
