#include "models/calling/CallScriptValidator.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <cmath>

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("CallScriptValidator", text);
}

// Control characters other than tab and line breaks have no business in spoken text and confuse providers.
bool hasControlCharacters(const QString& text)
{
    for (const QChar c : text) {
        if (c.category() == QChar::Other_Control && c != QLatin1Char('\n') && c != QLatin1Char('\t')
            && c != QLatin1Char('\r'))
            return true;
    }
    return false;
}

void checkText(FieldErrors& errors, const QString& field, const QString& label, const QString& text, int maxLength,
    bool required = false)
{
    if (required && text.trimmed().isEmpty()) {
        errors.append({ field, tr("%1 is required.").arg(label) });
        return;
    }
    if (text.size() > maxLength) {
        errors.append({ field, tr("%1 is too long: %2 characters, at most %3.").arg(label).arg(text.size()).arg(maxLength) });
        return;
    }
    if (hasControlCharacters(text))
        errors.append({ field, tr("%1 contains invisible control characters; retype it or paste it as plain text.").arg(label) });
}

void checkList(FieldErrors& errors, const QString& field, const QString& label, const QStringList& items, int maxLength)
{
    if (items.size() > CallScriptValidator::kMaxListItems) {
        errors.append({ field, tr("%1: at most %2 entries.").arg(label).arg(CallScriptValidator::kMaxListItems) });
        return;
    }
    for (int i = 0; i < items.size(); ++i) {
        const QString& item = items.at(i);
        if (item.trimmed().isEmpty()) {
            errors.append({ field, tr("%1: entry %2 is empty; fill it in or remove it.").arg(label).arg(i + 1) });
            return;
        }
        if (item.size() > maxLength || hasControlCharacters(item)) {
            errors.append({ field, tr("%1: entry %2 is longer than %3 characters or contains control characters.")
                                       .arg(label).arg(i + 1).arg(maxLength) });
            return;
        }
    }
}
} // namespace

QStringList CallScriptValidator::templateVariables(const QString& text, QString* error)
{
    static const QRegularExpression identifier(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]{0,63}$"));
    QStringList names;
    qsizetype pos = 0;
    while (pos < text.size()) {
        const qsizetype open = text.indexOf(QLatin1String("{{"), pos);
        const qsizetype strayClose = text.indexOf(QLatin1String("}}"), pos);
        if (strayClose >= 0 && (open < 0 || strayClose < open)) {
            if (error)
                *error = tr("“}}” without a matching “{{”. Variables look like {{first_name}}.");
            return {};
        }
        if (open < 0)
            break;
        const qsizetype close = text.indexOf(QLatin1String("}}"), open + 2);
        if (close < 0) {
            if (error)
                *error = tr("“{{” is never closed. Variables look like {{first_name}}.");
            return {};
        }
        const QString name = text.mid(open + 2, close - open - 2).trimmed();
        if (!identifier.match(name).hasMatch()) {
            if (error)
                *error = tr("“{{%1}}” is not a variable name: use letters, digits and underscores, such as "
                            "{{first_name}} or {{company}}.").arg(name.left(40));
            return {};
        }
        if (!names.contains(name))
            names.append(name);
        pos = close + 2;
    }
    if (error)
        error->clear();
    return names;
}

FieldErrors CallScriptValidator::validate(const CallScript& script)
{
    FieldErrors errors;
    checkText(errors, QStringLiteral("name"), tr("The name"), script.name, kMaxName, true);
    checkText(errors, QStringLiteral("purpose"), tr("The purpose"), script.purpose, kMaxText);
    checkText(errors, QStringLiteral("industry"), tr("The industry"), script.industry, kMaxShortText);
    checkText(errors, QStringLiteral("openingLine"), tr("The opening line"), script.openingLine, kMaxOpeningLine, true);
    if (errorFor(errors, QStringLiteral("openingLine")).isEmpty()) {
        QString templateError;
        templateVariables(script.openingLine, &templateError);
        if (!templateError.isEmpty())
            errors.append({ QStringLiteral("openingLine"), templateError });
    }
    checkList(errors, QStringLiteral("talkingPoints"), tr("Talking points"), script.talkingPoints, kMaxText);

    if (script.objectionHandlers.size() > kMaxListItems) {
        errors.append({ QStringLiteral("objectionHandlers"), tr("At most %1 objection handlers.").arg(kMaxListItems) });
    } else {
        for (int i = 0; i < script.objectionHandlers.size(); ++i) {
            const ObjectionHandler& handler = script.objectionHandlers.at(i);
            if (handler.objection.trimmed().isEmpty() || handler.response.trimmed().isEmpty()) {
                errors.append({ QStringLiteral("objectionHandlers"),
                    tr("Objection handler %1 needs both the objection and the answer.").arg(i + 1) });
                break;
            }
            if (handler.objection.size() > kMaxText || handler.response.size() > kMaxText
                || hasControlCharacters(handler.objection) || hasControlCharacters(handler.response)) {
                errors.append({ QStringLiteral("objectionHandlers"),
                    tr("Objection handler %1 is longer than %2 characters or contains control characters.")
                        .arg(i + 1).arg(kMaxText) });
                break;
            }
        }
    }

    if (script.rateMinMinor < 0 || script.rateMaxMinor < 0)
        errors.append({ QStringLiteral("rate"), tr("Rates cannot be negative.") });
    else if (script.rateMinMinor > script.rateMaxMinor)
        errors.append({ QStringLiteral("rate"), tr("The lowest rate is above the highest; swap them or correct one.") });
    static const QRegularExpression currencyCode(QStringLiteral("^[A-Z]{3}$"));
    if (!currencyCode.match(script.currency).hasMatch())
        errors.append({ QStringLiteral("currency"), tr("The currency is a three-letter ISO code such as USD or EUR.") });

    checkText(errors, QStringLiteral("closingStrategy"), tr("The closing strategy"), script.closingStrategy, kMaxText);
    // The voice id becomes part of the provider's URL path: nothing but the characters voice ids are made of.
    static const QRegularExpression voiceId(QStringLiteral("^[A-Za-z0-9_-]{1,64}$"));
    if (!script.voiceId.isEmpty() && !voiceId.match(script.voiceId).hasMatch())
        errors.append({ QStringLiteral("voiceId"),
            tr("The voice id may only contain letters, digits, “-” and “_”; pick the voice from the list.") });
    checkText(errors, QStringLiteral("llmModel"), tr("The model"), script.llmModel, kMaxShortText);
    if (script.llmModel.contains(QLatin1Char(' ')))
        errors.append({ QStringLiteral("llmModel"), tr("A model name has no spaces, for example gpt-4o-mini.") });
    static const QRegularExpression language(QStringLiteral("^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$"));
    if (!language.match(script.language).hasMatch())
        errors.append({ QStringLiteral("language"), tr("The language is a code such as en, de or en-GB.") });
    if (!std::isfinite(script.temperature) || script.temperature < 0.0 || script.temperature > kMaxTemperature)
        errors.append({ QStringLiteral("temperature"),
            tr("The temperature is a number from 0 (predictable) to 2 (inventive); 0.7 suits most calls.") });
    return errors;
}

FieldErrors CallScriptValidator::validate(const Objection& objection)
{
    FieldErrors errors;
    checkText(errors, QStringLiteral("objection"), tr("The objection"), objection.objection, kMaxOpeningLine, true);
    checkText(errors, QStringLiteral("response"), tr("The answer"), objection.response, kMaxText, true);
    checkText(errors, QStringLiteral("category"), tr("The category"), objection.category, kMaxShortText);
    checkList(errors, QStringLiteral("tags"), tr("Tags"), objection.tags, kMaxShortText);
    return errors;
}

FieldErrors CallScriptValidator::validate(const Playbook& playbook)
{
    FieldErrors errors;
    checkText(errors, QStringLiteral("name"), tr("The name"), playbook.name, kMaxName, true);
    checkText(errors, QStringLiteral("description"), tr("The description"), playbook.description, kMaxText);
    checkText(errors, QStringLiteral("stageKey"), tr("The stage"), playbook.stageKey, kMaxShortText);
    checkList(errors, QStringLiteral("recommendedActions"), tr("Recommended actions"), playbook.recommendedActions,
        kMaxText);
    checkList(errors, QStringLiteral("qualifyingQuestions"), tr("Qualifying questions"), playbook.qualifyingQuestions,
        kMaxText);
    for (const QString& track : { playbook.openingTrack, playbook.valuePropositionTrack, playbook.closeTrack })
        checkText(errors, QStringLiteral("tracks"), tr("A talk track"), track, kMaxText);
    return errors;
}

CallScript CallScriptValidator::normalized(CallScript script)
{
    script.name = script.name.trimmed();
    script.purpose = script.purpose.trimmed();
    script.industry = script.industry.trimmed();
    script.openingLine = script.openingLine.trimmed();
    QStringList points;
    for (const QString& point : std::as_const(script.talkingPoints)) {
        if (!point.trimmed().isEmpty())
            points.append(point.trimmed());
    }
    script.talkingPoints = points;
    QList<ObjectionHandler> handlers;
    for (const ObjectionHandler& handler : std::as_const(script.objectionHandlers)) {
        if (!handler.objection.trimmed().isEmpty() || !handler.response.trimmed().isEmpty())
            handlers.append({ handler.objection.trimmed(), handler.response.trimmed() });
    }
    script.objectionHandlers = handlers;
    script.currency = script.currency.trimmed().toUpper();
    script.closingStrategy = script.closingStrategy.trimmed();
    script.voiceId = script.voiceId.trimmed();
    script.llmModel = script.llmModel.trimmed();
    script.language = script.language.trimmed();
    return script;
}
