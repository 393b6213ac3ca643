#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QStringList>

// The lead field a CSV column feeds.
enum class LeadField {
    Ignore,
    FirstName,
    LastName,
    FullName,
    Company,
    Title,
    Email,
    Phone,
    Website,
    Status,
    Source,
    Industry,
    Tags,
    Notes,
    Location,
    Value,
    Currency,
};

// Which column feeds which field, by column position; stored and exchanged keyed by header name.
class ImportMapping
{
    Q_DECLARE_TR_FUNCTIONS(ImportMapping)

public:
    QList<LeadField> columns;

    static QList<LeadField> allFields();
    static QString key(LeadField field); // "first_name", … as used by --map and presets
    static LeadField fromKey(const QString& key, bool* ok = nullptr);
    static QString displayName(LeadField field);

    bool has(LeadField field) const { return columns.contains(field); }
    // At least one of email, phone or a name must be mapped for rows to be identifiable.
    QString validationError() const;

    QJsonObject toJson(const QStringList& header) const;
    static ImportMapping fromJson(const QJsonObject& json, const QStringList& header);
    // "Header=field,Other=field" as given on the command line; unknown headers or fields set *error.
    static ImportMapping fromSpec(const QString& spec, const QStringList& header, QString* error);
};
