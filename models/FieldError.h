#pragma once

#include <QList>
#include <QString>

// A validation message tied to the field it is about, so forms can show it inline.
struct FieldError
{
    QString field;
    QString message;
};

using FieldErrors = QList<FieldError>;

inline QString errorFor(const FieldErrors& errors, const QString& field)
{
    for (const FieldError& error : errors) {
        if (error.field == field)
            return error.message;
    }
    return {};
}
