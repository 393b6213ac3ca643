#pragma once

#include "models/Lead.h"
#include "models/Proposal.h"

#include <QDate>
#include <QJsonObject>
#include <QStringList>

#include <optional>

// Turns the model's validated JSON (see ProposalDraftPrompt::jsonSchema) into an unsaved draft proposal for the lead:
// prices from major to minor units, quantities to thousandths, tax to basis points, section bodies to escaped HTML.
// Anything the schema cannot express (a blank item, a price that does not fit) is a problem, not silently fixed.
class ProposalDraftConverter
{
public:
    ProposalDraftConverter(Lead lead, QDate today);

    // The draft (no id yet: saving creates it), or nothing when problems() says why not.
    std::optional<Proposal> convert(const QJsonObject& json);
    const QStringList& problems() const { return m_problems; }

private:
    QList<ProposalSection> sections(const QJsonArray& array);
    QList<PricingLine> lines(const QJsonArray& array);
    bool scaled(const QJsonValue& value, double factor, qint64 minimum, qint64 maximum, qint64* out) const;

    Lead m_lead;
    QDate m_today;
    QStringList m_problems;
};
