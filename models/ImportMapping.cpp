#include "models/ImportMapping.h"

#include <array>
#include <utility>

namespace {
constexpr std::array<std::pair<LeadField, const char*>, 17> kKeys { {
    { LeadField::Ignore, "ignore" },
    { LeadField::FirstName, "first_name" },
    { LeadField::LastName, "last_name" },
    { LeadField::FullName, "full_name" },
    { LeadField::Company, "company" },
    { LeadField::Title, "title" },
    { LeadField::Email, "email" },
    { LeadField::Phone, "phone" },
    { LeadField::Website, "website" },
    { LeadField::Status, "status" },
    { LeadField::Source, "source" },
    { LeadField::Industry, "industry" },
    { LeadField::Tags, "tags" },
    { LeadField::Notes, "notes" },
    { LeadField::Location, "location" },
    { LeadField::Value, "value" },
    { LeadField::Currency, "currency" },
} };
} // namespace

QList<LeadField> ImportMapping::allFields()
{
    QList<LeadField> fields;
    for (const auto& [field, key] : kKeys)
        fields.append(field);
    return fields;
}

QString ImportMapping::key(LeadField field)
{
    for (const auto& [f, key] : kKeys) {
        if (f == field)
            return QString::fromLatin1(key);
    }
    return QStringLiteral("ignore");
}

LeadField ImportMapping::fromKey(const QString& key, bool* ok)
{
    const QString normalized = key.trimmed().toLower().replace(QLatin1Char(' '), QLatin1Char('_'));
    for (const auto& [field, k] : kKeys) {
        if (normalized == QLatin1String(k)) {
            if (ok)
                *ok = true;
            return field;
        }
    }
    if (ok)
        *ok = false;
    return LeadField::Ignore;
}

QString ImportMapping::displayName(LeadField field)
{
    switch (field) {
    case LeadField::Ignore:
        return tr("Ignore");
    case LeadField::FirstName:
        return tr("First name");
    case LeadField::LastName:
        return tr("Last name");
    case LeadField::FullName:
        return tr("Full name");
    case LeadField::Company:
        return tr("Company");
    case LeadField::Title:
        return tr("Job title");
    case LeadField::Email:
        return tr("Email");
    case LeadField::Phone:
        return tr("Phone");
    case LeadField::Website:
        return tr("Website");
    case LeadField::Status:
        return tr("Stage");
    case LeadField::Source:
        return tr("Source");
    case LeadField::Industry:
        return tr("Industry");
    case LeadField::Tags:
        return tr("Tags");
    case LeadField::Notes:
        return tr("Notes");
    case LeadField::Location:
        return tr("Location");
    case LeadField::Value:
        return tr("Deal value");
    case LeadField::Currency:
        return tr("Currency");
    }
    return {};
}

QString ImportMapping::validationError() const
{
    if (has(LeadField::Email) || has(LeadField::Phone) || has(LeadField::FullName) || has(LeadField::FirstName)
        || has(LeadField::LastName) || has(LeadField::Company))
        return {};
    return tr("Map at least one column to Email, Phone, a name or Company, so each row can become a lead.");
}

QJsonObject ImportMapping::toJson(const QStringList& header) const
{
    QJsonObject json;
    for (int i = 0; i < columns.size() && i < header.size(); ++i) {
        if (columns.at(i) != LeadField::Ignore)
            json.insert(header.at(i), key(columns.at(i)));
    }
    return json;
}

ImportMapping ImportMapping::fromJson(const QJsonObject& json, const QStringList& header)
{
    ImportMapping mapping;
    for (const QString& name : header)
        mapping.columns.append(fromKey(json.value(name).toString()));
    return mapping;
}

ImportMapping ImportMapping::fromSpec(const QString& spec, const QStringList& header, QString* error)
{
    ImportMapping mapping;
    mapping.columns = QList<LeadField>(header.size(), LeadField::Ignore);
    const QStringList pairs = spec.split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString& pair : pairs) {
        const qsizetype eq = pair.lastIndexOf(QLatin1Char('='));
        if (eq <= 0) {
            *error = tr("“%1” is not of the form Header=field.").arg(pair);
            return {};
        }
        const QString name = pair.left(eq).trimmed();
        bool ok = false;
        const LeadField field = fromKey(pair.mid(eq + 1), &ok);
        if (!ok) {
            *error = tr("“%1” is not a lead field. Use one of: %2.")
                         .arg(pair.mid(eq + 1).trimmed(), [] {
                             QStringList keys;
                             for (LeadField f : allFields())
                                 keys.append(key(f));
                             return keys.join(QStringLiteral(", "));
                         }());
            return {};
        }
        const qsizetype column = header.indexOf(name);
        if (column < 0) {
            *error = tr("The file has no column “%1”.").arg(name);
            return {};
        }
        mapping.columns[column] = field;
    }
    return mapping;
}
