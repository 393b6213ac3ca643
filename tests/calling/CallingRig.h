#pragma once

#include "services/calling/AgentRunStore.h"
#include "services/calling/CallService.h"
#include "services/events/EventBus.h"
#include "services/providers/VapiTelephony.h"
#include "tests/calling/CallingTestData.h"
#include "tests/support/FakeVapiServer.h"
#include "tests/support/TempWorkspace.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>

#include <memory>

// A real workspace file with the calling services wired like the app does, against FakeVapiServer, with a fixed
// clock inside calling hours and fast polling.
struct CallingRig
{
    HubTest::TempWorkspace ws;
    HubTest::FakeVapiServer vapi;
    QNetworkAccessManager network;
    std::unique_ptr<VapiTelephony> telephony;
    std::unique_ptr<CallService> calls;
    std::unique_ptr<AgentRunStore> agents;
    QList<HubEvent> events;
    QElapsedTimer clock;

    bool start()
    {
        if (!ws.ok() || !vapi.listen())
            return false;
        clock.start();
        QObject::connect(&ws.bus(), &EventBus::published, &ws.bus(), [this](const HubEvent& event) {
            events.append(event);
        });
        rebuild();
        return true;
    }

    // New services on the same workspace, as after an app restart (the old ones are destroyed first).
    void rebuild()
    {
        agents.reset();
        calls.reset();
        telephony.reset();
        VapiSettings settings;
        settings.baseUrl = vapi.baseUrl();
        settings.apiKey = QString::fromLatin1(HubTest::FakeVapiServer::kApiKey);
        settings.phoneNumberId = QString::fromLatin1(HubTest::FakeVapiServer::kPhoneNumberId);
        settings.policy.retryBaseDelayMs = 10;
        settings.policy.timeoutMs = 3000;
        telephony = std::make_unique<VapiTelephony>(&network, settings);
        calls = std::make_unique<CallService>(&ws.executor(), &ws.bus());
        calls->setIdentity(ws.identity());
        calls->setTelephony(telephony.get());
        // A Monday afternoon in London that moves on with real time (retries wait for their time to come).
        calls->setClock([this] { return CallingTestData::londonAfternoon().addMSecs(clock.elapsed()); });
        CallingSettings calling;
        calling.pollIntervalMs = 10;
        calling.analysisGraceMs = 2000;
        calling.callsPerSecond = 100;
        calls->setSettings(calling);
        agents = std::make_unique<AgentRunStore>(calls.get(), &ws.executor());
        agents->setIdentity(ws.identity());
    }

    Lead addLead(const QString& name, const QString& phone, bool doNotCall = false)
    {
        Lead lead = ws.makeLead(name);
        lead.phone = phone;
        lead.phoneRaw = phone;
        lead.contactPerson = name + QStringLiteral(" Person");
        lead.doNotCall = doNotCall;
        return ws.saveBlocking(lead);
    }

    int eventsOf(HubEvent::Type type) const
    {
        int count = 0;
        for (const HubEvent& event : events)
            count += event.type == type ? 1 : 0;
        return count;
    }
};
