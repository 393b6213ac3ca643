#include "services/imports/ImportOptions.h"

#include <QJsonArray>

QString ImportOptions::duplicatesKey(Duplicates mode)
{
    switch (mode) {
    case Duplicates::Update:
        return QStringLiteral("update");
    case Duplicates::Create:
        return QStringLiteral("create");
    case Duplicates::Skip:
        break;
    }
    return QStringLiteral("skip");
}

bool ImportOptions::duplicatesFromKey(const QString& key, Duplicates* mode)
{
    const QString normalized = key.trimmed().toLower();
    if (normalized == QLatin1String("skip"))
        *mode = Duplicates::Skip;
    else if (normalized == QLatin1String("update"))
        *mode = Duplicates::Update;
    else if (normalized == QLatin1String("create"))
        *mode = Duplicates::Create;
    else
        return false;
    return true;
}

QJsonObject ImportOptions::toJson() const
{
    return { { QStringLiteral("duplicates"), duplicatesKey(duplicates) }, { QStringLiteral("region"), region },
        { QStringLiteral("default_tags"), QJsonArray::fromStringList(defaultTags) },
        { QStringLiteral("default_stage"), defaultStage }, { QStringLiteral("default_owner"), defaultOwner },
        { QStringLiteral("preset"), presetName } };
}
