#include "services/events/EventBus.h"
#include "services/events/HubEvent.h"

#include <QSignalSpy>
#include <QTest>

#include <memory>

namespace {
HubEvent makeEvent(HubEvent::Type type, const QString& leadId)
{
    HubEvent e;
    e.type = type;
    e.leadId = leadId;
    return e;
}
} // namespace

class tst_EventBus : public QObject
{
    Q_OBJECT

private slots:
    void names_data()
    {
        QTest::addColumn<int>("type");
        QTest::addColumn<QString>("name");
        QTest::newRow("created") << int(HubEvent::Type::LeadCreated) << QStringLiteral("lead.created");
        QTest::newRow("updated") << int(HubEvent::Type::LeadUpdated) << QStringLiteral("lead.updated");
        QTest::newRow("deleted") << int(HubEvent::Type::LeadDeleted) << QStringLiteral("lead.deleted");
        QTest::newRow("restored") << int(HubEvent::Type::LeadRestored) << QStringLiteral("lead.restored");
        QTest::newRow("status") << int(HubEvent::Type::LeadStatusChanged) << QStringLiteral("lead.status_changed");
        QTest::newRow("activity") << int(HubEvent::Type::ActivityAdded) << QStringLiteral("activity.added");
        QTest::newRow("call completed") << int(HubEvent::Type::CallCompleted) << QStringLiteral("call.completed");
        QTest::newRow("call failed") << int(HubEvent::Type::CallFailed) << QStringLiteral("call.failed");
    }

    void names()
    {
        QFETCH(int, type);
        QFETCH(QString, name);
        QCOMPARE(makeEvent(static_cast<HubEvent::Type>(type), {}).name(), name);
    }

    void statusChangedFactory()
    {
        const HubEvent e = HubEvent::statusChanged(QStringLiteral("L1"), QStringLiteral("new"), QStringLiteral("won"));
        QCOMPARE(e.type, HubEvent::Type::LeadStatusChanged);
        QCOMPARE(e.leadId, QStringLiteral("L1"));
        QCOMPARE(e.payload.value(QStringLiteral("from")).toString(), QStringLiteral("new"));
        QCOMPARE(e.payload.value(QStringLiteral("to")).toString(), QStringLiteral("won"));
        QVERIFY(qAbs(e.at.msecsTo(QDateTime::currentDateTimeUtc())) < 5000);
        QCOMPARE(e.at.timeSpec(), Qt::UTC);
    }

    void publishReachesEveryone()
    {
        EventBus bus;
        QSignalSpy spy(&bus, &EventBus::published);
        bus.publish(HubEvent::statusChanged(QStringLiteral("L1"), QStringLiteral("new"), QStringLiteral("won")));
        QCOMPARE(spy.size(), 1); // synchronous
        const HubEvent received = spy.first().at(0).value<HubEvent>();
        QCOMPARE(received.name(), QStringLiteral("lead.status_changed"));
        QCOMPARE(received.payload.value(QStringLiteral("to")).toString(), QStringLiteral("won"));
    }

    void subscribeFiltersByType()
    {
        EventBus bus;
        QObject context;
        QStringList created;
        QStringList statusChanges;
        bus.subscribe(HubEvent::Type::LeadCreated, &context, [&](const HubEvent& e) { created.append(e.leadId); });
        bus.subscribe(HubEvent::Type::LeadStatusChanged, &context,
            [&](const HubEvent& e) { statusChanges.append(e.payload.value(QStringLiteral("to")).toString()); });

        bus.publish(makeEvent(HubEvent::Type::LeadCreated, QStringLiteral("A")));
        bus.publish(makeEvent(HubEvent::Type::LeadUpdated, QStringLiteral("A")));
        bus.publish(HubEvent::statusChanged(QStringLiteral("A"), QStringLiteral("new"), QStringLiteral("won")));
        bus.publish(makeEvent(HubEvent::Type::LeadDeleted, QStringLiteral("A")));
        bus.publish(makeEvent(HubEvent::Type::LeadCreated, QStringLiteral("B")));

        QCOMPARE(created, (QStringList { QStringLiteral("A"), QStringLiteral("B") }));
        QCOMPARE(statusChanges, QStringList { QStringLiteral("won") });
    }

    void contextDestructionDisconnects()
    {
        EventBus bus;
        int calls = 0;
        auto context = std::make_unique<QObject>();
        const QMetaObject::Connection connection
            = bus.subscribe(HubEvent::Type::LeadCreated, context.get(), [&](const HubEvent&) { ++calls; });
        QVERIFY(connection);
        bus.publish(makeEvent(HubEvent::Type::LeadCreated, QStringLiteral("A")));
        QCOMPARE(calls, 1);

        context.reset();
        bus.publish(makeEvent(HubEvent::Type::LeadCreated, QStringLiteral("B")));
        QCOMPARE(calls, 1);
    }

    void explicitDisconnect()
    {
        EventBus bus;
        QObject context;
        int calls = 0;
        const QMetaObject::Connection connection
            = bus.subscribe(HubEvent::Type::LeadUpdated, &context, [&](const HubEvent&) { ++calls; });
        bus.publish(makeEvent(HubEvent::Type::LeadUpdated, QStringLiteral("A")));
        QVERIFY(QObject::disconnect(connection));
        bus.publish(makeEvent(HubEvent::Type::LeadUpdated, QStringLiteral("A")));
        QCOMPARE(calls, 1);
    }

    // A handler may subscribe more handlers or destroy its own context while an event is delivered.
    void reentrancy()
    {
        EventBus bus;
        auto context = std::make_unique<QObject>();
        QObject other;
        int outer = 0;
        int inner = 0;
        bus.subscribe(HubEvent::Type::LeadCreated, context.get(), [&](const HubEvent&) {
            ++outer;
            bus.subscribe(HubEvent::Type::LeadUpdated, &other, [&](const HubEvent&) { ++inner; });
            context.reset();
        });
        bus.publish(makeEvent(HubEvent::Type::LeadCreated, QStringLiteral("A")));
        bus.publish(makeEvent(HubEvent::Type::LeadCreated, QStringLiteral("B")));
        bus.publish(makeEvent(HubEvent::Type::LeadUpdated, QStringLiteral("B")));
        QCOMPARE(outer, 1);
        QCOMPARE(inner, 1);
    }
};

QTEST_GUILESS_MAIN(tst_EventBus)
#include "tst_eventbus.moc"
