#pragma once

#include <QJsonObject>
#include <QStringList>

// How an import treats what it reads, beyond the column mapping.
struct ImportOptions
{
    enum class Duplicates { Skip, Update, Create };

    Duplicates duplicates = Duplicates::Skip;
    QString region = QStringLiteral("US"); // for phone numbers without a country code
    QStringList defaultTags;
    QString defaultStage; // stage key for rows without a (known) stage; empty: the first stage
    QString defaultOwner;
    QString defaultSource; // for rows without a source
    QString presetName;

    static QString duplicatesKey(Duplicates mode);
    static bool duplicatesFromKey(const QString& key, Duplicates* mode);
    QJsonObject toJson() const;
};
