#pragma once

#include <QDialog>
#include <QStringList>

class IntelligenceStore;
class ProfileBatchRunner;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
struct ProfileBatchSummary;

// "Generate AI profiles…" for a selection of leads: a modal progress dialog with a bar, the count, the lead being
// worked on and Cancel; at the end a summary of what was done, what failed and why, or why it stopped (budget, AI
// not set up). Closing while it runs cancels first: the profiles in flight still finish and are kept.
class ProfileBatchDialog : public QDialog
{
    Q_OBJECT

public:
    ProfileBatchDialog(IntelligenceStore* store, const QStringList& leadIds, QWidget* parent = nullptr);

    // Starts the batch (once).
    void start();
    ProfileBatchRunner* runner() const { return m_runner; }

public slots:
    void reject() override;

private:
    void showSummary(const ProfileBatchSummary& summary);

    ProfileBatchRunner* m_runner;
    QStringList m_leadIds;
    bool m_started = false;
    QLabel* m_title;
    QProgressBar* m_progress;
    QLabel* m_count;
    QLabel* m_current;
    QPlainTextEdit* m_summary;
    QPushButton* m_cancel;
    QPushButton* m_close;
};
