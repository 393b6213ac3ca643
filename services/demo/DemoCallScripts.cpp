#include "services/demo/DemoCallScripts.h"

#include "models/Ids.h"
#include "services/calling/CallLibraryRepository.h"
#include "services/calling/CallScriptRepository.h"

namespace {
struct SampleObjection
{
    const char* category;
    const char* objection;
    const char* response;
};

const SampleObjection kObjections[] = {
    { "price", "It's too expensive for us right now.",
        "That's fair — most of our clients felt the same at first. We can start with the booking page alone and "
        "spread the rest over three months, so it pays for itself before the next step. Would that help?" },
    { "timing", "Call me again next quarter.",
        "Happy to. So the timing works for you, what changes next quarter — budget, or a busy season ending? I can put "
        "a short call in the calendar for the first week now." },
    { "competition", "We already work with an agency.",
        "Great, then you know the value. We often do a second-opinion review for teams with an agency — if there's "
        "nothing to improve, you've lost fifteen minutes. Fair?" },
    { "authority", "I need to talk to my business partner first.",
        "Of course. Would it help if I sent a one-page summary you can forward, and we set up a short call with both "
        "of you?" },
    { "need", "We get enough customers already.",
        "Good to hear. Is every chair filled on weekdays too? Most practices we work with fill the quiet slots first, "
        "not the busy ones." },
};

CallScriptEntry script(const QString& name, const QString& industry, const QString& purpose, const QString& opening,
    const QStringList& points, qint64 minMajor, qint64 maxMajor, const QString& currency, const QString& closing,
    int usage)
{
    CallScriptEntry entry;
    CallScript& s = entry.script;
    s.id = Ids::newId();
    s.name = name;
    s.industry = industry;
    s.purpose = purpose;
    s.openingLine = opening;
    s.talkingPoints = points;
    s.rateMinMinor = minMajor * 100;
    s.rateMaxMinor = maxMajor * 100;
    s.currency = currency;
    s.closingStrategy = closing;
    s.voiceId = QStringLiteral("21m00Tcm4TlvDq8ikWAM"); // ElevenLabs' premade voice "Rachel"
    s.llmModel = QStringLiteral("gpt-4o-mini");
    s.temperature = 0.6;
    s.usageCount = usage;
    s.createdAt = s.updatedAt = QDateTime::currentDateTimeUtc().addDays(-usage * 2 - 3);
    return entry;
}
} // namespace

QString DemoCallScripts::insert(QSqlDatabase& db, const WorkspaceIdentity& identity)
{
    CallScriptRepository scripts(db);
    if (!scripts.list(identity.orgId, true).isEmpty())
        return {};
    CallLibraryRepository library(db);
    const QDateTime now = QDateTime::currentDateTimeUtc();

    Playbook discovery;
    discovery.id = Ids::newId();
    discovery.name = QStringLiteral("Discovery call");
    discovery.description = QStringLiteral("First real conversation with a lead who answered the outreach.");
    discovery.stageKey = QStringLiteral("contacted");
    discovery.recommendedActions = { QStringLiteral("Review the lead's website and Google reviews"),
        QStringLiteral("Check who decides: owner, partner or practice manager") };
    discovery.qualifyingQuestions = { QStringLiteral("How do new customers find you today?"),
        QStringLiteral("What happens when someone wants to book outside opening hours?"),
        QStringLiteral("When would you want a change to be live?") };
    discovery.openingTrack = QStringLiteral("Hi {first_name}, I noticed {company} has no online booking yet…");
    discovery.valuePropositionTrack = QStringLiteral("We help local practices fill quiet slots with online booking.");
    discovery.closeTrack = QStringLiteral("Would Tuesday or Thursday work for a 15-minute call?");
    discovery.createdAt = discovery.updatedAt = now;
    if (!library.insertPlaybook(discovery, identity.orgId))
        return library.lastError();

    QStringList objectionIds;
    for (const SampleObjection& sample : kObjections) {
        Objection objection;
        objection.id = Ids::newId();
        objection.category = QString::fromUtf8(sample.category);
        objection.objection = QString::fromUtf8(sample.objection);
        objection.response = QString::fromUtf8(sample.response);
        objection.tags = { objection.category };
        objection.playbookIds = { discovery.id };
        objection.createdAt = objection.updatedAt = now;
        if (!library.insertObjection(objection, identity.orgId))
            return library.lastError();
        objectionIds.append(objection.id);
    }

    QList<CallScriptEntry> samples;
    samples.append(script(QStringLiteral("Online booking — dental practices"), QStringLiteral("Dental"),
        QStringLiteral("Book a 15-minute discovery call about online booking and reviews."),
        QStringLiteral("Hi {{first_name}}, this is Ava from Northwind Studio. I was looking at {{company}}'s website "
                       "and had a quick idea about online bookings — do you have a minute?"),
        { QStringLiteral("Patients book at night: 4 in 10 requests come outside opening hours"),
            QStringLiteral("A booking button on Google Maps fills quiet weekday slots"),
            QStringLiteral("Review requests after each visit lift the rating within weeks") },
        2500, 6000, QStringLiteral("USD"),
        QStringLiteral("Offer two concrete times for a 15-minute call with the owner and confirm by email."), 14));
    samples.last().script.objectionHandlers = { { QStringLiteral("Is this a sales call?"),
        QStringLiteral("It is — a short one. I'll tell you what we saw on your site, and you decide if it's worth "
                       "fifteen more minutes.") } };
    samples.last().libraryObjectionIds = { objectionIds.at(0), objectionIds.at(1), objectionIds.at(4) };
    samples.append(script(QStringLiteral("Local SEO check-in — restaurants"), QStringLiteral("Restaurants"),
        QStringLiteral("Offer a free local search check and book a review of the results."),
        QStringLiteral("Hello {{first_name}}, it's Ava from Northwind Studio. When I searched for restaurants near "
                       "{{city}}, {{company}} didn't show up on the map — can I tell you why in thirty seconds?"),
        { QStringLiteral("Map results bring most walk-in guests"), QStringLiteral("Menus as text, not PDF"),
            QStringLiteral("Fresh photos and replies to reviews") },
        800, 2400, QStringLiteral("EUR"),
        QStringLiteral("Send the free report today and book a call for the day after to walk through it."), 6));
    samples.last().libraryObjectionIds = { objectionIds.at(2), objectionIds.at(1) };
    samples.append(script(QStringLiteral("Proposal follow-up"), QString(),
        QStringLiteral("Answer open questions on a sent proposal and agree on the next step."),
        QStringLiteral("Hi {{first_name}}, Ava from Northwind Studio here — I'm calling about the proposal we sent "
                       "last week. Did you have a chance to look at it?"),
        { QStringLiteral("Summarise the proposal in two sentences"),
            QStringLiteral("Ask which part raised questions"), QStringLiteral("Offer the phased option") },
        0, 0, QStringLiteral("USD"), QStringLiteral("Ask for a yes on phase one or a date for the decision."), 3));
    samples.last().script.temperature = 0.4;
    samples.last().libraryObjectionIds = { objectionIds.at(0), objectionIds.at(3) };

    for (const CallScriptEntry& entry : std::as_const(samples)) {
        if (!scripts.insert(entry, identity.orgId)
            || !scripts.setLinkedObjections(entry.script.id, identity.orgId, entry.libraryObjectionIds, now))
            return scripts.lastError();
    }
    return {};
}
