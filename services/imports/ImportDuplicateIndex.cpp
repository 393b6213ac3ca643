#include "services/imports/ImportDuplicateIndex.h"

#include <QSqlError>
#include <QSqlQuery>

QString ImportDuplicateIndex::nameKey(const Lead& lead)
{
    if (lead.name.isEmpty())
        return {};
    return lead.name.toCaseFolded().simplified() + QLatin1Char('\x1f') + lead.company.toCaseFolded().simplified();
}

bool ImportDuplicateIndex::load(QSqlDatabase& db, QString* error)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (!query.exec(QStringLiteral("SELECT id, email, phone, name, company FROM leads WHERE deleted = 0"))) {
        *error = query.lastError().text();
        return false;
    }
    while (query.next()) {
        Lead lead;
        lead.id = query.value(0).toString();
        lead.email = query.value(1).toString();
        lead.phone = query.value(2).toString();
        lead.name = query.value(3).toString();
        lead.company = query.value(4).toString();
        add(lead);
    }
    return true;
}

QString ImportDuplicateIndex::find(const Lead& lead, const QString& nameKey) const
{
    if (!lead.email.isEmpty()) {
        const auto it = m_byEmail.constFind(lead.email);
        if (it != m_byEmail.cend())
            return it.value();
    }
    if (!lead.phone.isEmpty()) {
        const auto it = m_byPhone.constFind(lead.phone);
        if (it != m_byPhone.cend())
            return it.value();
    }
    // Name + company only identifies a lead when there is nothing better to go by.
    if (lead.email.isEmpty() && lead.phone.isEmpty()) {
        const auto it = m_byName.constFind(nameKey);
        if (it != m_byName.cend())
            return it.value();
    }
    return {};
}

void ImportDuplicateIndex::add(const Lead& lead, const QString& nameKey)
{
    if (!lead.email.isEmpty())
        m_byEmail.insert(lead.email, lead.id);
    if (!lead.phone.isEmpty())
        m_byPhone.insert(lead.phone, lead.id);
    if (!nameKey.isEmpty())
        m_byName.insert(nameKey, lead.id);
}

QString ImportDuplicateIndex::findOrAdd(const Lead& lead, const QString& nameKey)
{
    // operator[] inserts an empty id when the key is new: that slot then takes this lead's id, or is taken back if a
    // later key finds a duplicate, so that the index ends as find() + add() would leave it.
    QString* emailSlot = nullptr;
    if (!lead.email.isEmpty()) {
        emailSlot = &m_byEmail[lead.email];
        if (!emailSlot->isEmpty())
            return *emailSlot;
    }
    QString* phoneSlot = nullptr;
    if (!lead.phone.isEmpty()) {
        phoneSlot = &m_byPhone[lead.phone];
        if (!phoneSlot->isEmpty()) {
            const QString found = *phoneSlot;
            if (emailSlot)
                m_byEmail.remove(lead.email);
            return found;
        }
    }
    if (!emailSlot && !phoneSlot) {
        if (nameKey.isEmpty())
            return {};
        QString& nameSlot = m_byName[nameKey];
        if (nameSlot.isEmpty())
            nameSlot = lead.id;
        else
            return nameSlot;
        return {};
    }
    if (emailSlot)
        *emailSlot = lead.id;
    if (phoneSlot)
        *phoneSlot = lead.id;
    if (!nameKey.isEmpty())
        m_byName.insert(nameKey, lead.id);
    return {};
}
