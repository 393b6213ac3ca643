#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>

// One service the org sells (a row of services_catalog). Prices are integer minor units in `currency`;
// keywords are words or phrases that suggest a lead wants the service.
struct ServiceOffering {
    QString id;
    QString name;
    qint64 priceMinor = 0;
    QString currency;
    QStringList keywords;
    bool active = true;

    // Bookkeeping columns; not needed by the estimator.
    QString orgId;
    QDateTime createdAt;
    QDateTime updatedAt;
    qint64 rev = 0;
    bool deleted = false;

    friend bool operator==(const ServiceOffering&, const ServiceOffering&) = default;
};
