#include "services/providers/JsonSchemaValidator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <cmath>

namespace {
// Local models often wrap JSON in a Markdown fence even when asked not to.
QString stripFence(const QString& content)
{
    QString text = content.trimmed();
    if (!text.startsWith(QLatin1String("```")))
        return text;
    const qsizetype firstNewline = text.indexOf(QLatin1Char('\n'));
    if (firstNewline < 0)
        return text;
    text = text.mid(firstNewline + 1);
    if (text.endsWith(QLatin1String("```")))
        text.chop(3);
    return text.trimmed();
}

QString number(double value)
{
    return QString::number(value, 'g', 15);
}
} // namespace

JsonSchemaValidator::JsonSchemaValidator(QJsonObject schema)
    : m_schema(std::move(schema))
{
}

QStringList JsonSchemaValidator::validate(const QJsonValue& value) const
{
    QStringList errors;
    check(value, m_schema, QStringLiteral("$"), errors);
    return errors;
}

QStringList JsonSchemaValidator::validateText(const QString& text, QJsonObject& object) const
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(stripFence(text).toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return { QStringLiteral("$: the answer is not complete JSON (%1 at offset %2)")
                     .arg(parseError.errorString())
                     .arg(parseError.offset) };
    const QJsonValue value = document.isObject() ? QJsonValue(document.object()) : QJsonValue(document.array());
    QStringList errors = validate(value);
    if (errors.isEmpty() && !document.isObject())
        errors.append(QStringLiteral("$: expected object, got array"));
    if (errors.isEmpty())
        object = document.object();
    return errors;
}

QString JsonSchemaValidator::typeName(const QJsonValue& value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("boolean");
    case QJsonValue::Double: {
        const double number = value.toDouble();
        return std::floor(number) == number && std::isfinite(number) ? QStringLiteral("integer")
                                                                     : QStringLiteral("number");
    }
    case QJsonValue::String:
        return QStringLiteral("string");
    case QJsonValue::Array:
        return QStringLiteral("array");
    case QJsonValue::Object:
        return QStringLiteral("object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("nothing");
}

bool JsonSchemaValidator::matchesType(const QJsonValue& value, const QString& type)
{
    const QString actual = typeName(value);
    if (type == QLatin1String("number"))
        return actual == QLatin1String("number") || actual == QLatin1String("integer");
    return actual == type;
}

QString JsonSchemaValidator::childPath(const QString& path, const QString& key)
{
    static const QRegularExpression identifier(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    if (identifier.match(key).hasMatch())
        return path + QLatin1Char('.') + key;
    QString escaped = key;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('"'), QStringLiteral("\\\""));
    return path + QStringLiteral("[\"") + escaped + QStringLiteral("\"]");
}

void JsonSchemaValidator::check(
    const QJsonValue& value, const QJsonObject& schema, const QString& path, QStringList& errors) const
{
    const QJsonValue typeValue = schema.value(QLatin1String("type"));
    if (!typeValue.isUndefined()) {
        QStringList types;
        if (typeValue.isArray()) {
            for (const QJsonValue& type : typeValue.toArray())
                types.append(type.toString());
        } else {
            types.append(typeValue.toString());
        }
        const bool matches = std::any_of(
            types.cbegin(), types.cend(), [&value](const QString& type) { return matchesType(value, type); });
        if (!matches) {
            errors.append(QStringLiteral("%1: expected %2, got %3")
                              .arg(path, types.join(QStringLiteral(" or ")), typeName(value)));
            return; // the remaining keywords would only repeat the type mismatch
        }
    }

    if (schema.contains(QLatin1String("enum"))) {
        const QJsonArray allowed = schema.value(QLatin1String("enum")).toArray();
        if (!allowed.contains(value)) {
            QStringList shown;
            for (const QJsonValue& option : allowed)
                shown.append(option.isString() ? QLatin1Char('"') + option.toString() + QLatin1Char('"')
                                               : QJsonValue(option).toVariant().toString());
            errors.append(QStringLiteral("%1: must be one of %2").arg(path, shown.join(QStringLiteral(", "))));
        }
    }
    if (schema.contains(QLatin1String("const")) && schema.value(QLatin1String("const")) != value)
        errors.append(QStringLiteral("%1: must equal the fixed value").arg(path));

    // An absent bound reads as NaN, which no comparison below can violate.
    const auto bound = [&schema](const char* key) {
        const QJsonValue limit = schema.value(QLatin1String(key));
        return limit.isDouble() ? limit.toDouble() : std::nan("");
    };
    if (value.isDouble()) {
        const double number = value.toDouble();
        if (number < bound("minimum"))
            errors.append(QStringLiteral("%1: %2 is below the minimum %3")
                              .arg(path, ::number(number), ::number(bound("minimum"))));
        if (number > bound("maximum"))
            errors.append(QStringLiteral("%1: %2 is above the maximum %3")
                              .arg(path, ::number(number), ::number(bound("maximum"))));
    }

    if (value.isString()) {
        const double length = double(value.toString().size());
        if (length < bound("minLength"))
            errors.append(QStringLiteral("%1: shorter than %2 characters").arg(path, ::number(bound("minLength"))));
        if (length > bound("maxLength"))
            errors.append(QStringLiteral("%1: longer than %2 characters").arg(path, ::number(bound("maxLength"))));
    }

    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        const double size = double(array.size());
        if (size < bound("minItems"))
            errors.append(QStringLiteral("%1: expected at least %2 items, got %3")
                              .arg(path, ::number(bound("minItems")), ::number(size)));
        if (size > bound("maxItems"))
            errors.append(QStringLiteral("%1: expected at most %2 items, got %3")
                              .arg(path, ::number(bound("maxItems")), ::number(size)));
        if (schema.value(QLatin1String("items")).isObject()) {
            const QJsonObject itemSchema = schema.value(QLatin1String("items")).toObject();
            for (qsizetype i = 0; i < array.size(); ++i)
                check(array.at(i), itemSchema, path + QStringLiteral("[%1]").arg(i), errors);
        }
    }

    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        const QJsonObject properties = schema.value(QLatin1String("properties")).toObject();
        for (const QJsonValue& name : schema.value(QLatin1String("required")).toArray()) {
            if (!object.contains(name.toString()))
                errors.append(QStringLiteral("%1: missing required property").arg(childPath(path, name.toString())));
        }
        const QJsonValue additional = schema.value(QLatin1String("additionalProperties"));
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            const QString child = childPath(path, it.key());
            if (properties.contains(it.key()))
                check(it.value(), properties.value(it.key()).toObject(), child, errors);
            else if (additional.isBool() && !additional.toBool())
                errors.append(QStringLiteral("%1: property is not allowed").arg(child));
            else if (additional.isObject())
                check(it.value(), additional.toObject(), child, errors);
        }
    }
}
