#include "services/dealdesk/ProposalDraftConverter.h"

#include "models/ProposalRules.h"
#include "services/dealdesk/ProposalHtml.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>

#include <cmath>

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("ProposalDraftConverter", text);
}

bool isCurrencyCode(const QString& code)
{
    static const QRegularExpression iso(QStringLiteral("^[A-Z]{3}$"));
    return iso.match(code).hasMatch();
}
} // namespace

ProposalDraftConverter::ProposalDraftConverter(Lead lead, QDate today)
    : m_lead(std::move(lead))
    , m_today(today)
{ }

bool ProposalDraftConverter::scaled(
    const QJsonValue& value, double factor, qint64 minimum, qint64 maximum, qint64* out) const
{
    if (!value.isDouble())
        return false;
    const double number = value.toDouble() * factor;
    if (!std::isfinite(number))
        return false;
    const double rounded = std::round(number);
    if (rounded < static_cast<double>(minimum) || rounded > static_cast<double>(maximum))
        return false;
    *out = static_cast<qint64>(rounded);
    return true;
}

QList<ProposalSection> ProposalDraftConverter::sections(const QJsonArray& array)
{
    QList<ProposalSection> result;
    for (const QJsonValue& value : array) {
        const QJsonObject object = value.toObject();
        const QString html = ProposalHtml::fromMarkdown(object.value(QLatin1String("body")).toString());
        const QString title = object.value(QLatin1String("title")).toString().simplified();
        // A section with nothing to read is left out rather than shown empty.
        if (ProposalHtml::toPlainText(html).trimmed().isEmpty())
            continue;
        result.append({ title, html });
    }
    return result;
}

QList<PricingLine> ProposalDraftConverter::lines(const QJsonArray& array)
{
    QList<PricingLine> result;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QJsonObject object = array.at(i).toObject();
        const int number = static_cast<int>(i + 1);
        PricingLine line;
        line.item = object.value(QLatin1String("item")).toString().simplified();
        if (line.item.isEmpty())
            m_problems.append(tr("Line %1 has no description.").arg(number));
        if (!scaled(object.value(QLatin1String("quantity")), 1000, 1, 1'000'000'000, &line.quantityMilli))
            m_problems.append(tr("Line %1 has an unusable quantity.").arg(number));
        if (!scaled(object.value(QLatin1String("unit_price")), 100, 0, 100'000'000'000, &line.unitPriceMinor))
            m_problems.append(tr("Line %1 has an unusable unit price.").arg(number));
        qint64 tax = 0;
        if (!scaled(object.value(QLatin1String("tax_rate_percent")), 100, 0, 10000, &tax))
            m_problems.append(tr("Line %1 has a tax rate outside 0–100 %.").arg(number));
        line.taxRateBasisPoints = static_cast<int>(tax);
        result.append(line);
    }
    return result;
}

std::optional<Proposal> ProposalDraftConverter::convert(const QJsonObject& json)
{
    m_problems.clear();
    Proposal proposal;
    proposal.leadId = m_lead.id;
    proposal.orgId = m_lead.orgId;
    proposal.currency = isCurrencyCode(m_lead.currency) ? m_lead.currency : QStringLiteral("EUR");
    proposal.title = json.value(QLatin1String("title")).toString().simplified();
    if (proposal.title.isEmpty())
        proposal.title = tr("Proposal for %1").arg(m_lead.company.isEmpty() ? m_lead.name : m_lead.company);
    proposal.sections = sections(json.value(QLatin1String("sections")).toArray());
    proposal.lines = lines(json.value(QLatin1String("lines")).toArray());
    const QJsonValue days = json.value(QLatin1String("valid_days"));
    const int validDays = days.isDouble() ? days.toInt(-1) : -1;
    if (validDays < 1 || validDays > 365)
        m_problems.append(tr("The validity period is not between 1 and 365 days."));
    else
        proposal.validUntil = m_today.addDays(validDays);
    if (m_problems.isEmpty()) {
        for (const FieldError& error : ProposalRules::validate(proposal, m_today))
            m_problems.append(error.message);
    }
    if (!m_problems.isEmpty())
        return std::nullopt;
    return proposal;
}
