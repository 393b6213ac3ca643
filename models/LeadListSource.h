#pragma once

#include "models/Lead.h"
#include "models/LeadFilter.h"

#include <QList>
#include <QMap>
#include <QObject>

#include <functional>

// One page of a filtered lead list plus the figures of the whole filtered set.
struct LeadPage
{
    QList<Lead> leads;
    int total = 0;
    QMap<QString, qint64> valueTotals; // currency → sum of value_minor
};

// How item models read leads without knowing about storage: implemented in services/, answered asynchronously
// so the UI thread never waits on disk. Change signals let open lists update precisely.
class LeadListSource : public QObject
{
    Q_OBJECT

public:
    using PageCallback = std::function<void(const LeadPage&)>;
    using QObject::QObject;

    // limit 0 asks only for the totals.
    virtual void fetchPage(const LeadFilter& filter, int offset, int limit, QObject* context, PageCallback done) = 0;

signals:
    void leadsUpserted(const QList<Lead>& leads);
    void leadsRemoved(const QStringList& ids);
    void leadsReset();
};
