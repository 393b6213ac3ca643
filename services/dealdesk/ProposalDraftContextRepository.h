#pragma once

#include "services/dealdesk/ProposalDraftContext.h"

#include <QSqlDatabase>

// Reads the context of a proposal draft on the database thread. Only rows of the one lead are touched (and the
// organisation's price list).
class ProposalDraftContextRepository
{
public:
    explicit ProposalDraftContextRepository(QSqlDatabase db);

    ProposalDraftContext load(const QString& leadId);

private:
    std::optional<LeadIntelligenceFacts> intelligence(const QString& leadId);
    QJsonObject aiProfile(const QString& leadId);
    QList<PriceListEntry> priceList(const QString& orgId);

    QSqlDatabase m_db;
};
