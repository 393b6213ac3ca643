#include "services/storage/EncodedLeadRows.h"

#include "models/Ids.h"
#include "services/storage/LeadColumns.h"

#include <QStringEncoder>
#include <QStringList>

#include <sqlite3.h>

void EncodedLeadRows::reserve(qsizetype rows)
{
    m_values.reserve(rows * LeadColumns::kCount);
    m_text.reserve(rows * 512);
}

void EncodedLeadRows::add(const Lead& lead)
{
    QStringEncoder utf8(QStringEncoder::Utf8);
    text(utf8, lead.id);
    text(utf8, lead.orgId);
    nullableText(utf8, lead.ownerId);
    for (const QString* field :
        { &lead.name, &lead.company, &lead.contactPerson, &lead.title, &lead.email, &lead.phone, &lead.phoneRaw,
            &lead.website, &lead.websiteIssues, &lead.location, &lead.status, &lead.source, &lead.industry })
        text(utf8, *field);
    text(utf8, lead.tags.join(QLatin1Char(',')));
    text(utf8, lead.notes);
    integer(lead.valueMinor);
    text(utf8, lead.currency);
    integer(lead.doNotCall);
    integer(lead.emailOptOut);
    integer(lead.smsOptOut);
    text(utf8, lead.lawfulBasis);
    integer(lead.marketingConsent);
    time(utf8, lead.consentAt);
    text(utf8, lead.fieldSources);
    time(utf8, lead.lastContactedAt);
    time(utf8, lead.createdAt);
    time(utf8, lead.updatedAt);
    integer(lead.rev);
    integer(lead.deleted);
    nullableText(utf8, lead.importJobId);
    Q_ASSERT(m_values.size() % LeadColumns::kCount == 0);
}

qsizetype EncodedLeadRows::rowCount() const
{
    return m_values.size() / LeadColumns::kCount;
}

void EncodedLeadRows::bind(sqlite3_stmt* statement, qsizetype firstRow, int rows) const
{
    const qsizetype first = firstRow * LeadColumns::kCount;
    const qsizetype count = static_cast<qsizetype>(rows) * LeadColumns::kCount;
    Q_ASSERT(first + count <= m_values.size());
    for (qsizetype i = 0; i < count; ++i) {
        const Value& value = m_values.at(first + i);
        const int index = static_cast<int>(i) + 1;
        switch (value.kind) {
        case Value::Null:
            sqlite3_bind_null(statement, index);
            break;
        case Value::Integer:
            sqlite3_bind_int64(statement, index, value.number);
            break;
        case Value::Text:
            sqlite3_bind_text(statement, index, m_text.constData() + value.number, value.length, SQLITE_STATIC);
            break;
        }
    }
}

void EncodedLeadRows::text(QStringEncoder& encoder, QStringView value)
{
    const qsizetype offset = m_text.size();
    m_text.resize(offset + value.size() * 3);
    char* end = encoder.appendToBuffer(m_text.data() + offset, value);
    m_text.resize(end - m_text.constData());
    m_values.append({ Value::Text, offset, static_cast<int>(m_text.size() - offset) });
}

void EncodedLeadRows::nullableText(QStringEncoder& encoder, const QString& value)
{
    if (value.isEmpty())
        m_values.append({ Value::Null, 0, 0 });
    else
        text(encoder, value);
}

// Imports stamp every row with the same times: format each distinct one once.
void EncodedLeadRows::time(QStringEncoder& encoder, const QDateTime& value)
{
    if (!value.isValid()) {
        m_values.append({ Value::Null, 0, 0 });
        return;
    }
    if (value != m_lastTime || m_lastTimeText.isEmpty()) {
        m_lastTime = value;
        m_lastTimeText = Ids::toStorage(value);
    }
    text(encoder, m_lastTimeText);
}
