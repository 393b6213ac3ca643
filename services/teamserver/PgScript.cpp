#include "services/teamserver/PgScript.h"

#include <QCoreApplication>

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("PgScript", text);
}

bool isIdentifierStart(QChar c)
{
    return c.isLetter() || c == QLatin1Char('_');
}

bool isIdentifierChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_');
}

// The tag of a dollar quote starting at `at` ("$$" or "$body$"), or a null string when `at` starts none ($1 is
// a parameter, x$y part of an identifier).
QString dollarTag(const QString& text, qsizetype at)
{
    if (at > 0 && isIdentifierChar(text.at(at - 1)))
        return {};
    qsizetype end = at + 1;
    if (end < text.size() && !isIdentifierStart(text.at(end)) && text.at(end) != QLatin1Char('$'))
        return {};
    while (end < text.size() && isIdentifierChar(text.at(end)))
        ++end;
    if (end >= text.size() || text.at(end) != QLatin1Char('$'))
        return {};
    return text.mid(at, end - at + 1);
}

bool onlyCommentsAndSpace(const QString& statement)
{
    qsizetype i = 0;
    const qsizetype n = statement.size();
    while (i < n) {
        if (statement.at(i).isSpace()) {
            ++i;
        } else if (statement.mid(i, 2) == QLatin1String("--")) {
            while (i < n && statement.at(i) != QLatin1Char('\n'))
                ++i;
        } else if (statement.mid(i, 2) == QLatin1String("/*")) {
            const qsizetype end = statement.indexOf(QLatin1String("*/"), i + 2);
            i = end < 0 ? n : end + 2;
        } else {
            return false;
        }
    }
    return true;
}
} // namespace

QString PgScript::quoteIdentifier(const QString& name)
{
    QString escaped = name;
    escaped.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

QString PgScript::quoteLiteral(const QString& value)
{
    // standard_conforming_strings is on (the default since PostgreSQL 9.1): only quotes need doubling.
    QString escaped = value;
    escaped.replace(QLatin1Char('\''), QStringLiteral("''"));
    return QLatin1Char('\'') + escaped + QLatin1Char('\'');
}

bool PgScript::split(const QString& script, const Variables& variables, QStringList* statements, QString* error)
{
    statements->clear();
    QString current;
    const qsizetype n = script.size();
    qsizetype i = 0;
    auto finish = [&] {
        if (!onlyCommentsAndSpace(current))
            statements->append(current.trimmed());
        current.clear();
    };
    while (i < n) {
        const QChar c = script.at(i);
        const QChar next = i + 1 < n ? script.at(i + 1) : QChar();
        if (c == QLatin1Char(';')) {
            finish();
            ++i;
        } else if (c == QLatin1Char('-') && next == QLatin1Char('-')) {
            const qsizetype end = script.indexOf(QLatin1Char('\n'), i);
            const qsizetype stop = end < 0 ? n : end;
            current += script.mid(i, stop - i);
            i = stop;
        } else if (c == QLatin1Char('/') && next == QLatin1Char('*')) {
            // Block comments nest in PostgreSQL.
            int depth = 0;
            qsizetype j = i;
            do {
                if (script.mid(j, 2) == QLatin1String("/*")) {
                    ++depth;
                    j += 2;
                } else if (script.mid(j, 2) == QLatin1String("*/")) {
                    --depth;
                    j += 2;
                } else {
                    ++j;
                }
            } while (depth > 0 && j < n);
            if (depth > 0) {
                *error = tr("A /* comment */ is not closed.");
                return false;
            }
            current += script.mid(i, j - i);
            i = j;
        } else if (c == QLatin1Char('\'') || c == QLatin1Char('"')) {
            // E'…' strings take backslash escapes; '' and "" are escaped quotes in both.
            const bool backslashes = c == QLatin1Char('\'') && i > 0
                && (script.at(i - 1) == QLatin1Char('E') || script.at(i - 1) == QLatin1Char('e'))
                && (i < 2 || !isIdentifierChar(script.at(i - 2)));
            qsizetype j = i + 1;
            bool closed = false;
            while (j < n) {
                if (backslashes && script.at(j) == QLatin1Char('\\')) {
                    j += 2;
                } else if (script.at(j) == c) {
                    if (j + 1 < n && script.at(j + 1) == c) {
                        j += 2;
                    } else {
                        ++j;
                        closed = true;
                        break;
                    }
                } else {
                    ++j;
                }
            }
            if (!closed) {
                *error = c == QLatin1Char('\'') ? tr("A quoted string is not closed.")
                                                : tr("A quoted identifier is not closed.");
                return false;
            }
            current += script.mid(i, j - i);
            i = j;
        } else if (c == QLatin1Char('$') && !dollarTag(script, i).isEmpty()) {
            const QString tag = dollarTag(script, i);
            const qsizetype end = script.indexOf(tag, i + tag.size());
            if (end < 0) {
                *error = tr("The dollar-quoted body %1 is not closed.").arg(tag);
                return false;
            }
            current += script.mid(i, end + tag.size() - i);
            i = end + tag.size();
        } else if (c == QLatin1Char(':') && (next == QLatin1Char('\'') || next == QLatin1Char('"'))
            && (i == 0 || script.at(i - 1) != QLatin1Char(':'))) {
            const qsizetype end = script.indexOf(next, i + 2);
            if (end < 0) {
                *error = tr("A :%1variable%1 reference is not closed.").arg(next);
                return false;
            }
            const QString name = script.mid(i + 2, end - i - 2);
            if (!variables.contains(name)) {
                *error = tr("The script uses the variable \"%1\", which was not given.").arg(name);
                return false;
            }
            const QString value = variables.value(name);
            current += next == QLatin1Char('"') ? quoteIdentifier(value) : quoteLiteral(value);
            i = end + 1;
        } else {
            current += c;
            ++i;
        }
    }
    finish();
    return true;
}
