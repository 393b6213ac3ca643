#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>
#include <QStringList>

// One person or company in the pipeline. Money is integer minor units plus an ISO 4217 code.
struct Lead
{
    QString id;
    QString orgId;
    QString ownerId;
    QString name;
    QString company;
    QString contactPerson;
    QString title;
    QString email;
    QString phone; // E.164 when it could be parsed, otherwise empty
    QString phoneRaw; // what the user or a file gave us, kept when it could not be parsed
    QString website;
    QString websiteIssues;
    QString location;
    QString status = QStringLiteral("new");
    QString source;
    QString industry;
    QStringList tags;
    QString notes;
    qint64 valueMinor = 0;
    QString currency = QStringLiteral("EUR");
    bool doNotCall = false;
    bool emailOptOut = false;
    bool smsOptOut = false;
    QString lawfulBasis;
    bool marketingConsent = false;
    QDateTime consentAt;
    QString fieldSources = QStringLiteral("{}");
    QDateTime lastContactedAt;
    QDateTime createdAt;
    QDateTime updatedAt;
    qint64 rev = 0;
    bool deleted = false;
    QString importJobId; // the import that created this lead, if any
    int dealHeat = -1; // 0-100 from the latest AI analysis, -1 when never analysed (read-only here)

    bool isValid() const { return !id.isEmpty(); }
    QString tagsText() const;
    static QStringList parseTags(const QString& text);
};

Q_DECLARE_METATYPE(Lead)
