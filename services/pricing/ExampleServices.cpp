#include "services/pricing/ExampleServices.h"

#include "models/pricing/ServiceOfferingRules.h"

#include <QCoreApplication>

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("ExampleServices", text);
}

ServiceOffering make(const QString& name, qint64 priceMinor, const QString& currency, const QString& keywords)
{
    ServiceOffering service;
    service.name = name;
    service.priceMinor = priceMinor;
    service.currency = currency;
    service.keywords = ServiceOfferingRules::parseKeywords(keywords);
    return service;
}
} // namespace

namespace ExampleServices {

QList<ServiceOffering> list(const QString& currency)
{
    //: Keywords are comma-separated words a client would say; translate them into words clients use.
    return {
        make(tr("Website redesign"), 450000, currency, tr("website, redesign, landing page, web design")),
        make(tr("SEO audit"), 90000, currency, tr("seo, search ranking, google ranking, organic traffic")),
        make(tr("Ads management (monthly)"), 120000, currency, tr("google ads, ppc, ad campaign, facebook ads")),
        make(tr("Logo and brand identity"), 250000, currency, tr("logo, branding, brand identity, corporate design")),
        make(tr("Social media management (monthly)"), 80000, currency,
            tr("social media, instagram, linkedin posts, content plan")),
        make(tr("Consultation"), 15000, currency, tr("consultation, strategy call, workshop")),
    };
}

} // namespace ExampleServices
