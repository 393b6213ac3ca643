#pragma once

#include <QString>

// The columns of a lead row that LeadRepository reads and writes, in the order its statements bind them.
namespace LeadColumns {
inline const QString kList = QStringLiteral(
    "id, org_id, owner_id, name, company, contact_person, title, email, phone, phone_raw, website, website_issues, "
    "location, status, source, industry, tags, notes, value_minor, currency, do_not_call, email_opt_out, sms_opt_out, "
    "lawful_basis, marketing_consent, consent_at, field_sources, last_contacted_at, created_at, updated_at, rev, "
    "deleted, import_job_id");
constexpr int kCount = 33;
} // namespace LeadColumns
