#include "services/teamserver/PgConnInfo.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QStringList>
#include <QUrl>
#include <QUrlQuery>

#include <algorithm>

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("PgConnInfo", text);
}

// A value as libpq reads it: quoted when empty or when it holds spaces, quotes or backslashes.
QString quoted(const QString& value)
{
    const bool plain = !value.isEmpty() && std::none_of(value.cbegin(), value.cend(), [](QChar c) {
        return c.isSpace() || c == QLatin1Char('\'') || c == QLatin1Char('\\') || c == QLatin1Char(';');
    });
    if (plain)
        return value;
    QString escaped = value;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('\''), QStringLiteral("\\'"));
    return QLatin1Char('\'') + escaped + QLatin1Char('\'');
}
} // namespace

bool PgConnInfo::parse(const QString& text, PgConnInfo* result, QString* error)
{
    *result = PgConnInfo();
    const QString trimmed = text.trimmed();
    if (trimmed.startsWith(QLatin1String("postgresql://")) || trimmed.startsWith(QLatin1String("postgres://")))
        return parseUri(trimmed, result, error);
    return parseKeywords(trimmed, result, error);
}

bool PgConnInfo::parseUri(const QString& text, PgConnInfo* result, QString* error)
{
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid()) {
        *error = tr("\"%1\" is not a valid postgresql:// address (%2).").arg(text, url.errorString());
        return false;
    }
    result->m_host = url.host();
    result->m_port = url.port(-1);
    result->m_user = url.userName(QUrl::FullyDecoded);
    result->m_password = url.password(QUrl::FullyDecoded);
    result->m_dbname = url.path(QUrl::FullyDecoded).mid(1);
    const auto items = QUrlQuery(url).queryItems(QUrl::FullyDecoded);
    for (const auto& item : items) {
        if (!result->set(item.first, item.second, error))
            return false;
    }
    return true;
}

bool PgConnInfo::parseKeywords(const QString& text, PgConnInfo* result, QString* error)
{
    int i = 0;
    const int n = int(text.size());
    auto skipSpace = [&] {
        while (i < n && text.at(i).isSpace())
            ++i;
    };
    while (true) {
        skipSpace();
        if (i >= n)
            return true;
        const int keyStart = i;
        while (i < n && text.at(i) != QLatin1Char('=') && !text.at(i).isSpace())
            ++i;
        const QString key = text.mid(keyStart, i - keyStart);
        skipSpace();
        if (i >= n || text.at(i) != QLatin1Char('=')) {
            *error = tr("\"%1\" in the connection string has no value (write key=value).").arg(key);
            return false;
        }
        ++i;
        skipSpace();
        QString value;
        if (i < n && text.at(i) == QLatin1Char('\'')) {
            ++i;
            bool closed = false;
            while (i < n) {
                const QChar c = text.at(i++);
                if (c == QLatin1Char('\\') && i < n) {
                    value += text.at(i++);
                } else if (c == QLatin1Char('\'')) {
                    closed = true;
                    break;
                } else {
                    value += c;
                }
            }
            if (!closed) {
                *error = tr("The value of \"%1\" in the connection string has no closing quote.").arg(key);
                return false;
            }
        } else {
            while (i < n && !text.at(i).isSpace()) {
                const QChar c = text.at(i++);
                if (c == QLatin1Char('\\') && i < n)
                    value += text.at(i++);
                else
                    value += c;
            }
        }
        if (!result->set(key, value, error))
            return false;
    }
}

bool PgConnInfo::set(const QString& key, const QString& value, QString* error)
{
    if (key.isEmpty()) {
        *error = tr("The connection string has a value without a name.");
        return false;
    }
    if (key == QLatin1String("host")) {
        m_host = value;
    } else if (key == QLatin1String("port")) {
        bool ok = false;
        const int port = value.toInt(&ok);
        if (!ok || port <= 0 || port > 65535) {
            *error = tr("\"%1\" is not a port number.").arg(value);
            return false;
        }
        m_port = port;
    } else if (key == QLatin1String("dbname")) {
        m_dbname = value;
    } else if (key == QLatin1String("user")) {
        m_user = value;
    } else if (key == QLatin1String("password")) {
        m_password = value;
    } else {
        m_options.append({ key, value });
    }
    return true;
}

QString PgConnInfo::option(const QString& key) const
{
    for (const auto& option : m_options) {
        if (option.first == key)
            return option.second;
    }
    return {};
}

void PgConnInfo::applyTo(QSqlDatabase& db) const
{
    db.setHostName(m_host);
    db.setPort(m_port);
    db.setDatabaseName(m_dbname);
    db.setUserName(m_user);
    db.setPassword(m_password);
    QStringList options;
    for (const auto& option : m_options)
        options.append(option.first + QLatin1Char('=') + quoted(option.second));
    // QPSQL turns ';' into spaces and appends the result to the libpq connection string.
    db.setConnectOptions(options.join(QLatin1Char(';')));
}

QString PgConnInfo::describe() const
{
    QString text;
    if (!m_user.isEmpty())
        text += m_user + QLatin1Char('@');
    text += m_host.isEmpty() ? QStringLiteral("localhost") : m_host;
    if (m_port > 0)
        text += QLatin1Char(':') + QString::number(m_port);
    if (!m_dbname.isEmpty())
        text += QLatin1Char('/') + m_dbname;
    return text;
}

QString PgConnInfo::toString() const
{
    QStringList parts;
    if (!m_host.isEmpty())
        parts.append(QStringLiteral("host=") + quoted(m_host));
    if (m_port > 0)
        parts.append(QStringLiteral("port=") + QString::number(m_port));
    if (!m_dbname.isEmpty())
        parts.append(QStringLiteral("dbname=") + quoted(m_dbname));
    if (!m_user.isEmpty())
        parts.append(QStringLiteral("user=") + quoted(m_user));
    if (!m_password.isEmpty())
        parts.append(QStringLiteral("password=") + quoted(m_password));
    for (const auto& option : m_options)
        parts.append(option.first + QLatin1Char('=') + quoted(option.second));
    return parts.join(QLatin1Char(' '));
}
