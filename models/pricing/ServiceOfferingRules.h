#pragma once

#include "models/FieldError.h"
#include "models/pricing/ServiceOffering.h"

// What makes a price-list entry valid, shared by the store (which refuses invalid rows) and the dialog (which
// shows the messages next to the cell). Field names: "name", "price", "currency", "keywords".
namespace ServiceOfferingRules {
FieldErrors validate(const ServiceOffering& service);
// "SEO, Search ranking,  ,seo" → ["seo", "search ranking"]: trimmed, lower case, inner spaces collapsed,
// empty and repeated entries dropped, order kept.
QStringList normalizedKeywords(const QStringList& keywords);
QStringList parseKeywords(const QString& commaSeparated);
QString joinKeywords(const QStringList& keywords);
// True when another (not deleted) service in the list has the same name, ignoring case and outer spaces.
bool hasDuplicateName(const QList<ServiceOffering>& services, const ServiceOffering& service);
} // namespace ServiceOfferingRules
