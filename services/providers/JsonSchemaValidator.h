#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>

// Checks a JSON value against the subset of JSON Schema our AI prompts use: type (one or a list), required,
// properties, additionalProperties (false or a schema), items, enum, const, minimum/maximum,
// minItems/maxItems, minLength/maxLength. Errors name the path, e.g. "$.pain_points[2]: expected string, got number".
class JsonSchemaValidator
{
public:
    explicit JsonSchemaValidator(QJsonObject schema);

    // All violations, empty when the value conforms.
    QStringList validate(const QJsonValue& value) const;

    // Parses text (tolerating a Markdown code fence around it) as a JSON object and validates it; fills object
    // only when there are no errors. Malformed or truncated JSON is reported as an error at "$".
    QStringList validateText(const QString& text, QJsonObject& object) const;

    static QString typeName(const QJsonValue& value);

private:
    void check(const QJsonValue& value, const QJsonObject& schema, const QString& path, QStringList& errors) const;
    static bool matchesType(const QJsonValue& value, const QString& type);
    static QString childPath(const QString& path, const QString& key);

    QJsonObject m_schema;
};
