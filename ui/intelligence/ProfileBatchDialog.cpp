#include "ui/intelligence/ProfileBatchDialog.h"

#include "services/intelligence/ProfileBatchRunner.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

ProfileBatchDialog::ProfileBatchDialog(IntelligenceStore* store, const QStringList& leadIds, QWidget* parent)
    : QDialog(parent)
    , m_runner(new ProfileBatchRunner(store, this))
    , m_leadIds(leadIds)
    , m_title(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_count(new QLabel(this))
    , m_current(new QLabel(this))
    , m_summary(new QPlainTextEdit(this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_close(new QPushButton(tr("Close"), this))
{
    setObjectName(QStringLiteral("ProfileBatchDialog"));
    setWindowTitle(tr("Generate AI profiles"));
    setModal(true);
    setMinimumWidth(440);
    m_title->setObjectName(QStringLiteral("profileBatchTitle"));
    m_title->setWordWrap(true);
    m_title->setText(tr(
        "Writing AI profiles for %n lead(s), from each lead’s own fields and history.", nullptr, int(leadIds.size())));
    m_progress->setObjectName(QStringLiteral("profileBatchProgress"));
    m_progress->setRange(0, std::max(1, int(leadIds.size())));
    m_progress->setValue(0);
    m_count->setObjectName(QStringLiteral("profileBatchCount"));
    m_current->setObjectName(QStringLiteral("profileBatchCurrent"));
    m_current->setTextFormat(Qt::PlainText);
    m_current->setForegroundRole(QPalette::PlaceholderText);
    m_summary->setObjectName(QStringLiteral("profileBatchSummary"));
    m_summary->setReadOnly(true);
    m_summary->hide();
    m_cancel->setObjectName(QStringLiteral("profileBatchCancelButton"));
    m_cancel->setToolTip(tr("Stop after the profiles being written now (Esc)"));
    m_close->setObjectName(QStringLiteral("profileBatchCloseButton"));
    m_close->hide();

    auto* buttons = new QDialogButtonBox(this);
    buttons->addButton(m_cancel, QDialogButtonBox::RejectRole);
    buttons->addButton(m_close, QDialogButtonBox::AcceptRole);
    connect(m_cancel, &QPushButton::clicked, this, &ProfileBatchDialog::reject);
    connect(m_close, &QPushButton::clicked, this, &ProfileBatchDialog::accept);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_progress);
    layout->addWidget(m_count);
    layout->addWidget(m_current);
    layout->addWidget(m_summary, 1);
    layout->addWidget(buttons);

    connect(m_runner, &ProfileBatchRunner::progress, this, [this](int completed, int total) {
        m_progress->setMaximum(std::max(1, total));
        m_progress->setValue(completed);
        m_count->setText(tr("%1 of %2 done").arg(completed).arg(total));
    });
    connect(m_runner, &ProfileBatchRunner::leadStarted, this, [this](const QString&, const QString& name) {
        m_current->setText(name.isEmpty() ? tr("Working…") : tr("Working on: %1").arg(name));
    });
    connect(m_runner, &ProfileBatchRunner::finished, this, &ProfileBatchDialog::showSummary);
    m_count->setText(tr("%1 of %2 done").arg(0).arg(leadIds.size()));
}

void ProfileBatchDialog::start()
{
    if (m_started)
        return;
    m_started = true;
    if (!m_runner->start(m_leadIds)) {
        ProfileBatchSummary empty;
        showSummary(empty);
    }
}

void ProfileBatchDialog::reject()
{
    if (m_runner->isRunning()) {
        m_runner->cancel();
        m_cancel->setEnabled(false);
        m_cancel->setText(tr("Stopping…"));
        m_current->setText(tr("Stopping after the profiles being written now…"));
        return;
    }
    QDialog::reject();
}

void ProfileBatchDialog::showSummary(const ProfileBatchSummary& summary)
{
    m_cancel->hide();
    m_close->show();
    m_close->setDefault(true);
    m_close->setFocus();
    m_current->clear();
    QStringList lines;
    if (summary.total == 0)
        lines.append(tr("No leads were selected."));
    else
        lines.append(tr("Profiles written: %1 of %2.").arg(summary.done).arg(summary.total));
    if (!summary.stopMessage.isEmpty())
        lines.append(summary.stoppedByBudget ? tr("Stopped: %1").arg(summary.stopMessage)
                                             : tr("Stopped before the end: %1").arg(summary.stopMessage));
    else if (summary.cancelled)
        lines.append(tr("Cancelled; %n lead(s) were not started.", nullptr, summary.notStarted()));
    if (!summary.failures.isEmpty()) {
        lines.append(tr("Failed (%n):", nullptr, int(summary.failures.size())));
        for (const ProfileBatchFailure& failure : summary.failures)
            lines.append(QStringLiteral("• %1: %2")
                             .arg(failure.leadName.isEmpty() ? failure.leadId : failure.leadName, failure.message));
    }
    m_title->setText(
        summary.done == summary.total && summary.total > 0 ? tr("All profiles are written.") : tr("Finished."));
    m_summary->setPlainText(lines.join(QLatin1Char('\n')));
    m_summary->show();
}
