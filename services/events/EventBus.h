#pragma once

#include "services/events/HubEvent.h"

#include <QObject>

#include <functional>

// In-process publish/subscribe of typed workspace events. Lives on the UI thread.
class EventBus : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    void publish(const HubEvent& event);
    // Calls handler for every event of this type while context lives.
    QMetaObject::Connection subscribe(HubEvent::Type type, QObject* context,
        std::function<void(const HubEvent&)> handler);

signals:
    void published(const HubEvent& event);
};
