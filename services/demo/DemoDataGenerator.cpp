#include "services/demo/DemoDataGenerator.h"

#include "services/demo/DemoCallScripts.h"

#include "models/Activity.h"
#include "models/Ids.h"
#include "models/Lead.h"
#include "models/Proposal.h"
#include "services/dealdesk/ProposalRepository.h"
#include "services/storage/ActivityRepository.h"
#include "services/storage/LeadRepository.h"

#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>

namespace {
// clang-format off
const char* const kFirstNames[] = { "Emma", "Liam", "Olivia", "Noah", "Ava", "Lucas", "Mia", "Elias", "Sofia", "Leon",
    "Hannah", "Mateo", "Chloe", "Jonas", "Amelia", "Finn", "Isabella", "Oskar", "Nora", "Hugo", "Grace", "Theo",
    "Lena", "Samuel", "Clara", "Aarav", "Yuki", "Fatima", "Diego", "Priya", "Kwame", "Ingrid", "Marco", "Zoe" };
const char* const kLastNames[] = { "Fischer", "Martin", "Nguyen", "Schmidt", "Rossi", "Johnson", "Novak", "Silva",
    "Dubois", "Kowalski", "Andersson", "Garcia", "Meyer", "Brown", "Costa", "Jansen", "Walsh", "Okafor", "Tanaka",
    "Patel", "Weber", "Moreau", "Larsen", "Romano", "Hughes", "Becker", "Ortiz", "Khan", "Lindqvist", "Murphy" };
const char* const kCompanyHeads[] = { "Northwind", "Bluepeak", "Cedar", "Brightline", "Harbor", "Lumen", "Oakridge",
    "Silverleaf", "Redwood", "Summit", "Ironclad", "Maple", "Crescent", "Pioneer", "Atlas", "Willow", "Beacon",
    "Riverstone", "Nimbus", "Copperfield", "Evergreen", "Falcon", "Granite", "Horizon" };
const char* const kCompanyTails[] = { "Dental", "Bakery", "Studio", "Logistics", "Fitness", "Legal", "Realty",
    "Coffee Co.", "Architects", "Clinic", "Motors", "Consulting", "Events", "Roofing", "Florists", "Analytics",
    "Hotel", "Print Shop", "Veterinary", "Yoga" };
const char* const kIndustries[] = { "Healthcare", "Hospitality", "Retail", "Professional services", "Real estate",
    "Construction", "Fitness", "Automotive", "Food & beverage", "Education" };
const char* const kSources[] = { "Referral", "Website", "LinkedIn", "Cold outreach", "Event", "Google Maps", "Partner" };
const char* const kTags[] = { "hot", "follow-up", "website-redesign", "seo", "budget-approved", "decision-maker",
    "warm", "needs-demo", "local", "enterprise" };
const char* const kCities[] = { "Berlin", "London", "Lisbon", "Austin", "Toronto", "Amsterdam", "Dublin", "Madrid",
    "Stockholm", "Milan" };
const char* const kIssues[] = { "Slow mobile site", "No online booking", "Outdated design", "Missing SSL",
    "Poor local SEO", "" };
const char* const kNotes[] = {
    "Met at the chamber of commerce breakfast; interested in a new booking flow.",
    "Asked for a quote before the end of the quarter.",
    "Owner handles marketing herself and is short on time.",
    "Current agency contract ends in March.",
    "Wants to compare two options side by side.",
    "Prefers email over phone calls.",
    "Budget depends on the spring campaign results.",
    "" };
const char* const kActivityNotes[] = {
    "Intro call went well. Sending case studies.",
    "Left a voicemail, will try again Thursday.",
    "Sent proposal draft v1 for review.",
    "They liked the portfolio; asked about timelines.",
    "Follow-up email sent with pricing.",
    "Demo booked for next week." };
const char* const kStages[] = { "new", "new", "new", "contacted", "contacted", "qualified", "qualified", "proposal",
    "won", "lost" };
// clang-format on

// A proposal as a small agency would send it, so the Deal Desk of a sample workspace has something to show.
Proposal demoProposal(const Lead& lead, QRandomGenerator& random, const QDateTime& now)
{
    Proposal proposal;
    proposal.id = Ids::newId();
    proposal.orgId = lead.orgId;
    proposal.leadId = lead.id;
    proposal.title = QStringLiteral("Website relaunch for %1").arg(lead.company);
    proposal.currency = lead.currency;
    proposal.sections = {
        { QStringLiteral("Where you are"),
            QStringLiteral("<p>Your current site is slow on phones and hard to update. Enquiries arrive by phone only.</p>") },
        { QStringLiteral("What we will do"),
            QStringLiteral("<ul><li>A new responsive site with a booking form</li><li>Copy and photos for six pages</li>"
                           "<li>Local search set-up and three months of care</li></ul>") },
        { QStringLiteral("Timeline"), QStringLiteral("<p>Four weeks from the kick-off call to launch.</p>") },
    };
    const qint64 design = static_cast<qint64>(random.bounded(20, 60)) * 10000;
    proposal.lines = {
        { QStringLiteral("Design and build"), 1000, design, 2000 },
        { QStringLiteral("Copywriting (per page)"), 6000, 25000, 2000 },
        { QStringLiteral("Care plan (per month)"), 3000, 9000, 2000 },
    };
    proposal.createdAt = lead.updatedAt;
    proposal.updatedAt = lead.updatedAt;
    proposal.validUntil = now.date().addDays(static_cast<qint64>(random.bounded(10, 40)));
    if (lead.status == QLatin1String("won")) {
        proposal.status = Proposal::Status::Accepted;
        proposal.sentAt = lead.updatedAt;
        proposal.acceptedAt = lead.updatedAt.addDays(3);
    } else if (random.bounded(2) == 0) {
        proposal.status = Proposal::Status::Sent;
        proposal.sentAt = lead.updatedAt;
    }
    return proposal;
}

// A large batch touches index pages all over their trees; with a bigger page cache for the length of the
// transaction they are written once at commit instead of spilling to the WAL and being read back. The connection's
// own cache size comes back afterwards.
class BatchCache
{
public:
    BatchCache(QSqlDatabase& db, int leads)
        : m_db(db)
    {
        if (leads < 5000)
            return;
        QSqlQuery query(m_db);
        if (query.exec(QStringLiteral("PRAGMA cache_size")) && query.next())
            m_restore = query.value(0).toString();
        query.exec(QStringLiteral("PRAGMA cache_size = -131072"));
    }
    ~BatchCache()
    {
        if (!m_restore.isEmpty())
            QSqlQuery(m_db).exec(QStringLiteral("PRAGMA cache_size = ") + m_restore);
    }

private:
    QSqlDatabase& m_db;
    QString m_restore;
};

template <typename T, size_t N>
QString pick(QRandomGenerator& random, T (&items)[N])
{
    return QString::fromUtf8(items[random.bounded(static_cast<quint32>(N))]);
}
} // namespace

QString DemoDataGenerator::generate(QSqlDatabase& db, const WorkspaceIdentity& identity, const Options& options)
{
    QRandomGenerator random(options.seed);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const BatchCache cache(db, options.leads);
    LeadRepository leads(db);
    ActivityRepository activities(db);
    if (!db.transaction())
        return db.lastError().text();

    for (int i = 0; i < options.leads; ++i) {
        Lead lead;
        lead.id = Ids::newId();
        lead.orgId = identity.orgId;
        lead.ownerId = identity.userId;
        const QString first = pick(random, kFirstNames);
        const QString last = pick(random, kLastNames);
        lead.company = pick(random, kCompanyHeads) + QLatin1Char(' ') + pick(random, kCompanyTails);
        lead.contactPerson = first + QLatin1Char(' ') + last;
        lead.name = random.bounded(3) == 0 ? lead.company : lead.contactPerson;
        lead.title = random.bounded(2) ? QStringLiteral("Owner") : QStringLiteral("Marketing lead");
        QString domain = lead.company.toLower();
        domain.remove(QLatin1Char(' ')).remove(QLatin1Char('.')).remove(QLatin1Char('&'));
        lead.email = first.toLower() + QLatin1Char('.') + last.toLower() + QLatin1Char('@') + domain
            + QStringLiteral(".com");
        lead.website = QStringLiteral("https://") + domain + QStringLiteral(".com");
        // Fictional numbers that libphonenumber still accepts: Ofcom's London drama range 020 7946 0xxx and
        // North America's 555-01xx.
        lead.phoneRaw = random.bounded(2) == 0
            ? QStringLiteral("+44 20 7946 0%1").arg(random.bounded(1000), 3, 10, QLatin1Char('0'))
            : QStringLiteral("+1 415 555 01%1").arg(random.bounded(100), 2, 10, QLatin1Char('0'));
        lead.phone = QString(lead.phoneRaw).remove(QLatin1Char(' '));
        lead.location = pick(random, kCities);
        lead.industry = pick(random, kIndustries);
        lead.source = pick(random, kSources);
        lead.status = pick(random, kStages);
        lead.websiteIssues = pick(random, kIssues);
        lead.notes = pick(random, kNotes);
        const int tagCount = static_cast<int>(random.bounded(3));
        for (int t = 0; t < tagCount; ++t) {
            const QString tag = pick(random, kTags);
            if (!lead.tags.contains(tag))
                lead.tags.append(tag);
        }
        lead.valueMinor = static_cast<qint64>(random.bounded(1, 60)) * 50000;
        lead.currency = random.bounded(5) == 0 ? QStringLiteral("USD") : QStringLiteral("EUR");
        lead.createdAt = now.addSecs(-static_cast<qint64>(random.bounded(90 * 86400)));
        lead.updatedAt = lead.createdAt.addSecs(static_cast<qint64>(random.bounded(86400)));
        if (lead.status != QLatin1String("new"))
            lead.lastContactedAt = now.addSecs(-static_cast<qint64>(random.bounded(30 * 86400)));
        lead.fieldSources = QStringLiteral("{\"*\":\"demo\"}");
        if (!leads.insert(lead)) {
            db.rollback();
            return leads.lastError();
        }
        if (!options.activities)
            continue;
        if (lead.status == QLatin1String("proposal") || lead.status == QLatin1String("won")) {
            ProposalRepository proposals(db);
            if (!proposals.insert(demoProposal(lead, random, now))) {
                db.rollback();
                return proposals.lastError();
            }
        }
        const int activityCount = static_cast<int>(random.bounded(1, 5));
        for (int a = 0; a < activityCount; ++a) {
            Activity activity;
            activity.id = Ids::newId();
            activity.leadId = lead.id;
            const quint32 kind = random.bounded(3);
            activity.kind = kind == 0 ? Activity::Kind::Note : (kind == 1 ? Activity::Kind::Call : Activity::Kind::Email);
            activity.body = pick(random, kActivityNotes);
            activity.createdAt = lead.createdAt.addSecs(static_cast<qint64>(random.bounded(30 * 86400)));
            if (activity.createdAt > now)
                activity.createdAt = now;
            activity.updatedAt = activity.createdAt;
            if (!activities.insert(activity, identity.orgId)) {
                db.rollback();
                return activities.lastError();
            }
        }
    }
    if (options.activities) {
        const QString error = DemoCallScripts::insert(db, identity);
        if (!error.isEmpty()) {
            db.rollback();
            return error;
        }
    }
    return db.commit() ? QString() : db.lastError().text();
}
