#include "ui/calling/CallsTab.h"

#include "services/calling/CallService.h"
#include "ui/calling/CallListModel.h"
#include "ui/calling/RecordingPlayer.h"
#include "ui/common/FileDialogs.h"

#include <QComboBox>
#include <QDateEdit>
#include <QFile>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace {
void addOutcomes(QComboBox* box, const QString& noneText)
{
    box->addItem(noneText, -1);
    for (CallRecord::Outcome outcome : { CallRecord::Outcome::Booked, CallRecord::Outcome::FollowUp,
             CallRecord::Outcome::NotInterested, CallRecord::Outcome::NoAnswer })
        box->addItem(CallRecord::outcomeLabel(outcome), int(outcome));
}
} // namespace

CallsTab::CallsTab(CallService* calls, CallRecordingLoader* recordings, QWidget* parent)
    : QWidget(parent)
    , m_calls(calls)
    , m_model(new CallListModel(this))
    , m_leadFilter(new QLineEdit(this))
    , m_statusFilter(new QComboBox(this))
    , m_outcomeFilter(new QComboBox(this))
    , m_from(new QDateEdit(this))
    , m_to(new QDateEdit(this))
    , m_table(new QTableView(this))
    , m_empty(new QLabel(this))
    , m_heading(new QLabel(this))
    , m_transcript(new QPlainTextEdit(this))
    , m_outcome(new QComboBox(this))
    , m_notes(new QPlainTextEdit(this))
    , m_save(new QPushButton(tr("Save outcome and notes"), this))
    , m_export(new QPushButton(tr("Export transcript…"), this))
    , m_recording(new RecordingPlayer(recordings, this))
    , m_status(new QLabel(this))
    , m_reloadSoon(new QTimer(this))
{
    m_leadFilter->setObjectName(QStringLiteral("callsLeadFilter"));
    m_leadFilter->setPlaceholderText(tr("Lead name"));
    m_leadFilter->setClearButtonEnabled(true);
    m_statusFilter->setObjectName(QStringLiteral("callsStatusFilter"));
    m_statusFilter->addItem(tr("Any status"), -1);
    for (CallRecord::Status status : { CallRecord::Status::Queued, CallRecord::Status::Ringing,
             CallRecord::Status::InProgress, CallRecord::Status::Completed, CallRecord::Status::Failed })
        m_statusFilter->addItem(CallRecord::statusLabel(status), int(status));
    m_outcomeFilter->setObjectName(QStringLiteral("callsOutcomeFilter"));
    addOutcomes(m_outcomeFilter, tr("Any outcome"));
    for (QDateEdit* edit : { m_from, m_to }) {
        edit->setCalendarPopup(true);
        edit->setSpecialValueText(tr("Any day"));
        edit->setMinimumDate(QDate(2000, 1, 1));
        edit->setDate(edit->minimumDate());
    }
    m_from->setObjectName(QStringLiteral("callsFrom"));
    m_to->setObjectName(QStringLiteral("callsTo"));

    auto* filters = new QHBoxLayout;
    filters->addWidget(m_leadFilter, 2);
    filters->addWidget(m_statusFilter, 1);
    filters->addWidget(m_outcomeFilter, 1);
    filters->addWidget(new QLabel(tr("From"), this));
    filters->addWidget(m_from);
    filters->addWidget(new QLabel(tr("to"), this));
    filters->addWidget(m_to);

    m_table->setObjectName(QStringLiteral("callsTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_empty->setObjectName(QStringLiteral("callsEmpty"));
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);

    m_heading->setObjectName(QStringLiteral("callHeading"));
    m_heading->setWordWrap(true);
    m_transcript->setObjectName(QStringLiteral("callTranscript"));
    m_transcript->setReadOnly(true);
    m_transcript->setPlaceholderText(tr("Select a call to read its summary and transcript."));
    m_outcome->setObjectName(QStringLiteral("callOutcome"));
    addOutcomes(m_outcome, tr("No outcome yet"));
    m_notes->setObjectName(QStringLiteral("callNotes"));
    m_notes->setPlaceholderText(tr("Your notes on this call"));
    m_notes->setMaximumHeight(90);
    m_save->setObjectName(QStringLiteral("callSave"));
    m_export->setObjectName(QStringLiteral("callExport"));
    m_status->setObjectName(QStringLiteral("callStatusLine"));

    auto* detail = new QWidget(this);
    auto* detailLayout = new QVBoxLayout(detail);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    detailLayout->addWidget(m_heading);
    detailLayout->addWidget(m_transcript, 1);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_recording);
    buttons->addWidget(m_export);
    buttons->addStretch();
    detailLayout->addLayout(buttons);
    auto* form = new QFormLayout;
    form->addRow(tr("Outcome"), m_outcome);
    form->addRow(tr("Notes"), m_notes);
    detailLayout->addLayout(form);
    detailLayout->addWidget(m_save, 0, Qt::AlignRight);
    detailLayout->addWidget(m_status);

    auto* list = new QWidget(this);
    auto* listLayout = new QVBoxLayout(list);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addWidget(m_table, 1);
    listLayout->addWidget(m_empty);
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(list);
    splitter->addWidget(detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(splitter, 1);

    m_reloadSoon->setSingleShot(true);
    m_reloadSoon->setInterval(250);
    connect(m_reloadSoon, &QTimer::timeout, this, &CallsTab::reload);
    connect(m_leadFilter, &QLineEdit::textChanged, m_reloadSoon, qOverload<>(&QTimer::start));
    for (QComboBox* box : { m_statusFilter, m_outcomeFilter })
        connect(box, &QComboBox::currentIndexChanged, this, &CallsTab::reload);
    for (QDateEdit* edit : { m_from, m_to })
        connect(edit, &QDateEdit::dateChanged, this, &CallsTab::reload);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this](const QModelIndex& current) { showCall(m_model->callAt(current.row())); });
    connect(m_save, &QPushButton::clicked, this, &CallsTab::saveAnnotation);
    connect(m_export, &QPushButton::clicked, this, &CallsTab::exportTranscript);
    connect(m_recording, &RecordingPlayer::message, m_status, &QLabel::setText);
    connect(m_calls, &CallService::callChanged, this, [this](const CallRecord& call) {
        if (m_model->rowOf(call.id) >= 0)
            m_model->updateCall(call);
        else
            m_reloadSoon->start();
        if (call.id == m_currentId)
            showCall(m_model->callAt(m_model->rowOf(call.id)));
    });
    auto* exportShortcut = new QShortcut(QKeySequence(QStringLiteral("Ctrl+E")), this);
    connect(exportShortcut, &QShortcut::activated, this, &CallsTab::exportTranscript);
    showCall(nullptr);
    reload();
}

void CallsTab::reload()
{
    CallQuery query;
    query.leadName = m_leadFilter->text();
    if (const int status = m_statusFilter->currentData().toInt(); status >= 0)
        query.status = CallRecord::Status(status);
    if (const int outcome = m_outcomeFilter->currentData().toInt(); outcome >= 0)
        query.outcome = CallRecord::Outcome(outcome);
    if (m_from->date() != m_from->minimumDate())
        query.from = m_from->date();
    if (m_to->date() != m_to->minimumDate())
        query.to = m_to->date();
    const bool filtered = !query.leadName.isEmpty() || query.status || query.outcome || query.from.isValid()
        || query.to.isValid();
    m_calls->list(query, this, [this, filtered](const QList<CallRecord>& calls) {
        const QString keep = m_currentId;
        m_model->setCalls(calls);
        m_empty->setVisible(calls.isEmpty());
        m_empty->setText(filtered ? tr("No call matches these filters.")
                                  : tr("No calls yet. Start an agent in the Agents tab, or call a lead from its "
                                       "detail panel."));
        const int row = m_model->rowOf(keep);
        if (row >= 0)
            m_table->selectRow(row);
        else
            showCall(nullptr);
        emit loaded(int(calls.size()));
    });
}

void CallsTab::showCall(const CallRecord* call)
{
    m_currentId = call ? call->id : QString();
    for (QWidget* widget : std::initializer_list<QWidget*> { m_outcome, m_notes, m_save, m_export })
        widget->setEnabled(call != nullptr);
    m_recording->setRecording(m_currentId, call ? QUrl(call->recordingUrl) : QUrl());
    m_status->clear();
    if (!call) {
        m_heading->setText(tr("No call selected"));
        m_transcript->clear();
        m_notes->clear();
        m_outcome->setCurrentIndex(0);
        return;
    }
    m_heading->setText(tr("<b>%1</b> — %2, %3").arg(call->leadName.toHtmlEscaped(),
        CallRecord::statusLabel(call->status), QLocale().toString(call->createdAt.toLocalTime(), QLocale::ShortFormat)));
    QString text;
    if (!call->summary.isEmpty())
        text += tr("Summary: %1").arg(call->summary) + QStringLiteral("\n\n");
    if (!call->errorReason.isEmpty())
        text += tr("Error: %1").arg(call->errorReason) + QStringLiteral("\n\n");
    text += call->transcript.isEmpty() ? tr("(no transcript)") : call->transcript;
    m_transcript->setPlainText(text);
    m_outcome->setCurrentIndex(std::max(0, m_outcome->findData(call->outcome == CallRecord::Outcome::None ? -1 : int(call->outcome))));
    m_notes->setPlainText(call->notes);
}

void CallsTab::exportTranscript()
{
    const CallRecord* call = m_model->callAt(m_model->rowOf(m_currentId));
    if (!call)
        return;
    const QString suggested = tr("Call with %1 %2.txt")
                                  .arg(call->leadName, call->createdAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HHmm")));
    const QString path = FileDialogs::saveFileName(this, tr("Export transcript"), suggested, tr("Text files (*.txt)"));
    if (path.isEmpty())
        return;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text)) {
        m_status->setText(tr("Could not write %1: %2").arg(path, file.errorString()));
        return;
    }
    QString text = tr("Call with %1").arg(call->leadName) + u'\n'
        + QLocale().toString(call->createdAt.toLocalTime(), QLocale::LongFormat) + u'\n'
        + tr("Outcome: %1").arg(CallRecord::outcomeLabel(call->outcome)) + QStringLiteral("\n\n");
    if (!call->summary.isEmpty())
        text += tr("Summary: %1").arg(call->summary) + QStringLiteral("\n\n");
    text += call->transcript + u'\n';
    file.write(text.toUtf8());
    m_status->setText(file.error() == QFile::NoError ? tr("Transcript saved to %1.").arg(path)
                                                     : tr("Could not write %1: %2").arg(path, file.errorString()));
}

void CallsTab::saveAnnotation()
{
    if (m_currentId.isEmpty())
        return;
    const int value = m_outcome->currentData().toInt();
    const CallRecord::Outcome outcome = value < 0 ? CallRecord::Outcome::None : CallRecord::Outcome(value);
    m_save->setEnabled(false);
    m_calls->annotate(m_currentId, outcome, m_notes->toPlainText(), this, [this](bool ok, const QString& error) {
        m_save->setEnabled(true);
        m_status->setText(ok ? tr("Saved.") : tr("Could not save: %1").arg(error));
    });
}

void CallsTab::setAudioPlayback(AudioPlayback* playback)
{
    m_recording->setAudioPlayback(playback);
}
