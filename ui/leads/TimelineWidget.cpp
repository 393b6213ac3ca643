#include "ui/leads/TimelineWidget.h"

#include "models/RelativeTime.h"
#include "services/leads/TimelineStore.h"
#include "ui/leads/LeadCommands.h"

#include <QAction>
#include <QInputDialog>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QUndoStack>
#include <QVBoxLayout>

TimelineWidget::TimelineWidget(TimelineStore* store, QUndoStack* undoStack, QWidget* parent)
    : QWidget(parent)
    , m_store(store)
    , m_undoStack(undoStack)
    , m_list(new QListWidget(this))
    , m_note(new QPlainTextEdit(this))
    , m_add(new QPushButton(tr("Add note"), this))
{
    m_list->setObjectName(QStringLiteral("Timeline"));
    m_list->setWordWrap(true);
    m_list->setSpacing(4);
    m_list->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_note->setObjectName(QStringLiteral("noteEdit"));
    m_note->setPlaceholderText(tr("Write a note… (Ctrl+Enter to add)"));
    m_note->setMaximumHeight(80);
    m_note->setTabChangesFocus(true);
    m_add->setObjectName(QStringLiteral("addNoteButton"));
    m_add->setProperty("primary", true);

    auto* edit = new QAction(tr("Edit note…"), m_list);
    auto* remove = new QAction(tr("Delete note"), m_list);
    remove->setShortcut(QKeySequence::Delete);
    remove->setShortcutContext(Qt::WidgetShortcut);
    m_list->addAction(edit);
    m_list->addAction(remove);
    connect(edit, &QAction::triggered, this, &TimelineWidget::editSelected);
    connect(remove, &QAction::triggered, this, &TimelineWidget::deleteSelected);
    connect(m_list, &QListWidget::itemActivated, this, &TimelineWidget::editSelected);
    connect(m_add, &QPushButton::clicked, this, &TimelineWidget::addNote);
    auto* submit = new QAction(m_note);
    submit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    submit->setShortcutContext(Qt::WidgetShortcut);
    m_note->addAction(submit);
    connect(submit, &QAction::triggered, this, &TimelineWidget::addNote);
    connect(m_store, &TimelineStore::timelineChanged, this, [this](const QString& leadId) {
        if (leadId.isEmpty() || leadId == m_leadId)
            reload();
    });

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 8, 0, 0);
    layout->addWidget(m_note);
    layout->addWidget(m_add, 0, Qt::AlignRight);
    layout->addWidget(m_list, 1);
}

void TimelineWidget::setStages(const PipelineStages& stages)
{
    m_stageNames.clear();
    for (const PipelineStage& stage : stages)
        m_stageNames.insert(stage.key, stage.name);
}

void TimelineWidget::setLead(const QString& leadId)
{
    m_leadId = leadId;
    m_note->clear();
    reload();
}

void TimelineWidget::reload()
{
    if (m_leadId.isEmpty()) {
        show({});
        return;
    }
    const QString leadId = m_leadId;
    m_store->load(leadId, this, [this, leadId](const QList<Activity>& activities) {
        if (leadId == m_leadId)
            show(activities);
    });
}

QString TimelineWidget::describe(const Activity& activity) const
{
    switch (activity.kind) {
    case Activity::Kind::StatusChange: {
        const QString from = activity.meta.value(QStringLiteral("from")).toString();
        const QString to = activity.meta.value(QStringLiteral("to")).toString();
        return tr("Stage changed from %1 to %2").arg(m_stageNames.value(from, from), m_stageNames.value(to, to));
    }
    case Activity::Kind::Created:
        return tr("Lead created");
    case Activity::Kind::Call:
        return tr("Call: %1").arg(activity.body);
    case Activity::Kind::Email:
        return tr("Email: %1").arg(activity.body);
    case Activity::Kind::Sms:
        return tr("SMS: %1").arg(activity.body);
    case Activity::Kind::Meeting:
        return tr("Meeting: %1").arg(activity.body);
    case Activity::Kind::Import:
        return tr("Imported: %1").arg(activity.body);
    case Activity::Kind::AiAction:
        return tr("AI: %1").arg(activity.body);
    case Activity::Kind::Merge:
        return activity.body.isEmpty() ? tr("Merged duplicates into this lead") : activity.body;
    case Activity::Kind::Proposal:
        return activity.body;
    case Activity::Kind::Note:
        break;
    }
    return activity.body;
}

void TimelineWidget::show(const QList<Activity>& activities)
{
    m_activities = activities;
    m_list->clear();
    if (activities.isEmpty() && !m_leadId.isEmpty()) {
        auto* empty = new QListWidgetItem(tr("Nothing here yet. Add a note above to start the history."), m_list);
        empty->setFlags(Qt::NoItemFlags);
        return;
    }
    for (const Activity& activity : activities) {
        const QString when = QLocale().toString(activity.createdAt.toLocalTime(), QLocale::ShortFormat);
        auto* item = new QListWidgetItem(describe(activity).left(2000) + QStringLiteral("\n")
                + RelativeTime::since(activity.createdAt) + QStringLiteral(" · ") + when,
            m_list);
        item->setData(Qt::UserRole, activity.id);
        item->setToolTip(activity.isEditable() ? tr("Double-click to edit, Del to delete") : QString());
    }
}

void TimelineWidget::addNote()
{
    const QString body = m_note->toPlainText().trimmed();
    if (body.isEmpty() || m_leadId.isEmpty())
        return;
    m_add->setEnabled(false);
    m_store->addNote(m_leadId, body, this, [this](bool ok, const QString&) {
        m_add->setEnabled(true);
        if (ok)
            m_note->clear();
    });
}

void TimelineWidget::editSelected()
{
    const int row = m_list->currentRow();
    if (row < 0 || row >= m_activities.size() || !m_activities.at(row).isEditable())
        return;
    const Activity activity = m_activities.at(row);
    bool ok = false;
    const QString body = QInputDialog::getMultiLineText(this, tr("Edit note"), tr("Note"), activity.body, &ok);
    if (ok && !body.trimmed().isEmpty() && body != activity.body)
        m_undoStack->push(new EditNoteCommand(m_store, activity.id, activity.body, body.trimmed()));
}

void TimelineWidget::deleteSelected()
{
    const int row = m_list->currentRow();
    if (row < 0 || row >= m_activities.size() || !m_activities.at(row).isEditable())
        return;
    m_undoStack->push(new DeleteNoteCommand(m_store, m_activities.at(row).id));
}
