#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QMetaType>
#include <QString>

// One entry on a lead's timeline.
struct Activity
{
    enum class Kind { Note, Call, Email, Sms, Meeting, StatusChange, Import, AiAction, Created, Merge, Proposal };

    QString id;
    QString leadId;
    Kind kind = Kind::Note;
    QString body;
    QJsonObject meta;
    QDateTime createdAt;
    QDateTime updatedAt;

    static QString kindToString(Kind kind);
    static Kind kindFromString(const QString& text);
    bool isEditable() const { return kind == Kind::Note; }
};

Q_DECLARE_METATYPE(Activity)
