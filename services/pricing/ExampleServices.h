#pragma once

#include "models/pricing/ServiceOffering.h"

// A starter price list for an agency or freelancer, offered (never added silently) when the org has no services.
namespace ExampleServices {
// Names and keywords translated; prices in minor units of `currency`; ids, org and times are left for the store.
QList<ServiceOffering> list(const QString& currency);
} // namespace ExampleServices
