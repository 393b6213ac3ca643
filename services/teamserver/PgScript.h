#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

// A PostgreSQL script as psql runs it: split into statements at the semicolons that end one (not those inside
// quotes, dollar-quoted bodies or comments), with the psql variables :"name" (an identifier) and :'name' (a
// literal) replaced by their quoted values — the same files run with `psql -v name=value -f`.
class PgScript
{
public:
    using Variables = QHash<QString, QString>;

    // False with a message in *error for an unknown variable or an unterminated quote, body or comment.
    static bool split(const QString& script, const Variables& variables, QStringList* statements, QString* error);

    static QString quoteIdentifier(const QString& name);
    static QString quoteLiteral(const QString& value);
};
