#include "models/LeadJson.h"

#include "models/Ids.h"

namespace LeadJson {

QJsonObject toJson(const Lead& lead)
{
    return {
        { QStringLiteral("id"), lead.id },
        { QStringLiteral("org_id"), lead.orgId },
        { QStringLiteral("owner_id"), lead.ownerId },
        { QStringLiteral("name"), lead.name },
        { QStringLiteral("company"), lead.company },
        { QStringLiteral("contact_person"), lead.contactPerson },
        { QStringLiteral("title"), lead.title },
        { QStringLiteral("email"), lead.email },
        { QStringLiteral("phone"), lead.phone },
        { QStringLiteral("phone_raw"), lead.phoneRaw },
        { QStringLiteral("website"), lead.website },
        { QStringLiteral("website_issues"), lead.websiteIssues },
        { QStringLiteral("location"), lead.location },
        { QStringLiteral("status"), lead.status },
        { QStringLiteral("source"), lead.source },
        { QStringLiteral("industry"), lead.industry },
        { QStringLiteral("tags"), lead.tags.join(QLatin1Char(',')) },
        { QStringLiteral("notes"), lead.notes },
        { QStringLiteral("value_minor"), QString::number(lead.valueMinor) },
        { QStringLiteral("currency"), lead.currency },
        { QStringLiteral("do_not_call"), lead.doNotCall },
        { QStringLiteral("email_opt_out"), lead.emailOptOut },
        { QStringLiteral("sms_opt_out"), lead.smsOptOut },
        { QStringLiteral("lawful_basis"), lead.lawfulBasis },
        { QStringLiteral("marketing_consent"), lead.marketingConsent },
        { QStringLiteral("consent_at"), Ids::toStorage(lead.consentAt) },
        { QStringLiteral("field_sources"), lead.fieldSources },
        { QStringLiteral("last_contacted_at"), Ids::toStorage(lead.lastContactedAt) },
        { QStringLiteral("created_at"), Ids::toStorage(lead.createdAt) },
        { QStringLiteral("updated_at"), Ids::toStorage(lead.updatedAt) },
        { QStringLiteral("rev"), QString::number(lead.rev) },
        { QStringLiteral("deleted"), lead.deleted },
        { QStringLiteral("import_job_id"), lead.importJobId },
    };
}

Lead fromJson(const QJsonObject& json)
{
    const auto text = [&json](const char* key) { return json.value(QLatin1String(key)).toString(); };
    Lead lead;
    lead.id = text("id");
    lead.orgId = text("org_id");
    lead.ownerId = text("owner_id");
    lead.name = text("name");
    lead.company = text("company");
    lead.contactPerson = text("contact_person");
    lead.title = text("title");
    lead.email = text("email");
    lead.phone = text("phone");
    lead.phoneRaw = text("phone_raw");
    lead.website = text("website");
    lead.websiteIssues = text("website_issues");
    lead.location = text("location");
    lead.status = text("status");
    lead.source = text("source");
    lead.industry = text("industry");
    lead.tags = text("tags").split(QLatin1Char(','), Qt::SkipEmptyParts);
    lead.notes = text("notes");
    lead.valueMinor = text("value_minor").toLongLong();
    lead.currency = text("currency");
    lead.doNotCall = json.value(QStringLiteral("do_not_call")).toBool();
    lead.emailOptOut = json.value(QStringLiteral("email_opt_out")).toBool();
    lead.smsOptOut = json.value(QStringLiteral("sms_opt_out")).toBool();
    lead.lawfulBasis = text("lawful_basis");
    lead.marketingConsent = json.value(QStringLiteral("marketing_consent")).toBool();
    lead.consentAt = Ids::fromStorage(text("consent_at"));
    lead.fieldSources = text("field_sources");
    lead.lastContactedAt = Ids::fromStorage(text("last_contacted_at"));
    lead.createdAt = Ids::fromStorage(text("created_at"));
    lead.updatedAt = Ids::fromStorage(text("updated_at"));
    lead.rev = text("rev").toLongLong();
    lead.deleted = json.value(QStringLiteral("deleted")).toBool();
    lead.importJobId = text("import_job_id");
    return lead;
}

} // namespace LeadJson
