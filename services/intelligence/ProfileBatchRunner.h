#pragma once

#include <QHash>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QStringList>

class IntelligenceStore;
struct ProfileOutcome;

struct ProfileBatchFailure {
    QString leadId;
    QString leadName;
    QString message; // translated
};

// What a batch did. A batch that stopped early (cancelled, budget used up, AI not configured) leaves the rest
// untouched: total - done - failures are the leads it did not get to.
struct ProfileBatchSummary {
    int total = 0;
    int done = 0;
    QList<ProfileBatchFailure> failures;
    bool cancelled = false;
    bool stoppedByBudget = false;
    QString stopMessage; // translated reason the batch stopped early (budget, not configured); empty otherwise

    int completed() const { return done + int(failures.size()); }
    int notStarted() const { return total - completed(); }
};

// Generates AI profiles for a selection of leads in the background, a few at a time (2 by default). Cancel stops
// starting new ones; the calls in flight finish and count. A BudgetExceeded (or NotConfigured) answer stops the
// batch the same way, with that message; any other failure is collected per lead and the batch goes on.
class ProfileBatchRunner : public QObject
{
    Q_OBJECT

public:
    explicit ProfileBatchRunner(IntelligenceStore* store, QObject* parent = nullptr);

    void setConcurrency(int calls);
    int concurrency() const { return m_concurrency; }

    // false when a batch is already running or there is nothing to do.
    bool start(const QStringList& leadIds);
    void cancel();
    bool isRunning() const { return m_running; }
    const ProfileBatchSummary& summary() const { return m_summary; }

signals:
    // completed = done + failed so far; never goes down.
    void progress(int completed, int total);
    // A lead's profile is being written (name may be empty for a lead that no longer exists).
    void leadStarted(const QString& leadId, const QString& leadName);
    void finished(const ProfileBatchSummary& summary);

private:
    void startMore();
    void onFinished(const ProfileOutcome& outcome);

    IntelligenceStore* m_store;
    int m_concurrency = 2;
    bool m_running = false;
    bool m_stopping = false;
    QStringList m_queue;
    QHash<QString, QString> m_names;
    int m_inFlight = 0;
    ProfileBatchSummary m_summary;
};

Q_DECLARE_METATYPE(ProfileBatchSummary)
