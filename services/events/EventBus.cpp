#include "services/events/EventBus.h"

void EventBus::publish(const HubEvent& event)
{
    emit published(event);
}

QMetaObject::Connection EventBus::subscribe(HubEvent::Type type, QObject* context,
    std::function<void(const HubEvent&)> handler)
{
    return connect(this, &EventBus::published, context, [type, handler = std::move(handler)](const HubEvent& event) {
        if (event.type == type)
            handler(event);
    });
}
