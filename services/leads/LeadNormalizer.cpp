#include "services/leads/LeadNormalizer.h"

#include "models/Lead.h"
#include "models/LeadValidator.h"

LeadNormalizer::LeadNormalizer(PhoneNormalizer phone)
    : m_phone(std::move(phone))
{
}

FieldErrors LeadNormalizer::normalize(Lead& lead) const
{
    for (QString* text : { &lead.name, &lead.company, &lead.contactPerson, &lead.title, &lead.source, &lead.industry,
             &lead.location, &lead.website, &lead.phoneRaw }) {
        *text = text->trimmed();
    }
    lead.email = lead.email.trimmed().toLower();

    FieldErrors errors = LeadValidator::validate(lead);
    if (!lead.website.isEmpty()) {
        const QString website = LeadValidator::normalizeWebsite(lead.website);
        if (!website.isEmpty())
            lead.website = website;
    }
    lead.phone.clear();
    if (!lead.phoneRaw.isEmpty()) {
        const PhoneNormalizer::Result phone = m_phone.normalize(lead.phoneRaw);
        if (phone.ok())
            lead.phone = phone.e164;
        else
            errors.append({ QStringLiteral("phone"), phone.error });
    }
    return errors;
}
