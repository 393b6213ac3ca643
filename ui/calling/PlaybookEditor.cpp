#include "ui/calling/PlaybookEditor.h"

#include "services/calling/CallScriptStore.h"
#include "ui/calling/DeleteLibraryEntryCommand.h"
#include "ui/calling/StringListEditor.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QUndoStack>
#include <QVBoxLayout>

namespace {
QPlainTextEdit* track(QWidget* parent, const QString& name, const QString& placeholder)
{
    auto* edit = new QPlainTextEdit(parent);
    edit->setObjectName(name);
    edit->setPlaceholderText(placeholder);
    edit->setTabChangesFocus(true);
    edit->setFixedHeight(edit->fontMetrics().lineSpacing() * 2 + 16);
    return edit;
}
} // namespace

PlaybookEditor::PlaybookEditor(CallScriptStore* store, QUndoStack* undoStack, QWidget* parent)
    : QWidget(parent)
    , m_store(store)
    , m_undoStack(undoStack)
    , m_list(new QListWidget(this))
    , m_name(new QLineEdit(this))
    , m_description(track(this, QStringLiteral("playbookDescriptionEdit"), tr("When to use this playbook")))
    , m_stage(new QLineEdit(this))
    , m_actions(new StringListEditor(QStringLiteral("playbookActions"), tr("Add action"), tr("New action"), this))
    , m_questions(new StringListEditor(QStringLiteral("playbookQuestions"), tr("Add question"), tr("New question"), this))
    , m_opening(track(this, QStringLiteral("playbookOpeningEdit"), tr("Hi {first_name}, I noticed…")))
    , m_value(track(this, QStringLiteral("playbookValueEdit"), tr("We help {industry} businesses…")))
    , m_close(track(this, QStringLiteral("playbookCloseEdit"), tr("Would Tuesday or Thursday work for a call?")))
    , m_error(new QLabel(this))
    , m_delete(new QPushButton(QIcon(QStringLiteral(":/icons/trash.svg")), tr("Delete"), this))
{
    setObjectName(QStringLiteral("playbookEditor"));
    m_list->setObjectName(QStringLiteral("playbookList"));
    m_name->setObjectName(QStringLiteral("playbookNameEdit"));
    m_stage->setObjectName(QStringLiteral("playbookStageEdit"));
    m_stage->setPlaceholderText(tr("Pipeline stage, e.g. contacted (empty: any stage)"));
    m_error->setObjectName(QStringLiteral("playbookError"));
    m_error->setProperty("fieldError", true);
    m_error->setWordWrap(true);
    m_error->hide();
    auto* add = new QPushButton(QIcon(QStringLiteral(":/icons/plus.svg")), tr("New playbook"), this);
    add->setObjectName(QStringLiteral("newPlaybookButton"));
    auto* save = new QPushButton(tr("Save playbook"), this);
    save->setObjectName(QStringLiteral("savePlaybookButton"));
    save->setProperty("primary", true);
    m_delete->setObjectName(QStringLiteral("deletePlaybookButton"));
    connect(add, &QPushButton::clicked, this, &PlaybookEditor::newPlaybook);
    connect(save, &QPushButton::clicked, this, &PlaybookEditor::savePlaybook);
    connect(m_delete, &QPushButton::clicked, this, &PlaybookEditor::deletePlaybook);
    connect(m_list, &QListWidget::currentItemChanged, this, [this](QListWidgetItem* item) {
        if (item)
            showPlaybook(item->data(Qt::UserRole).toString());
    });

    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(add, 0, Qt::AlignLeft);
    leftLayout->addWidget(m_list, 1);
    auto* form = new QWidget(this);
    auto* formLayout = new QFormLayout(form);
    formLayout->addRow(tr("&Name"), m_name);
    formLayout->addRow(tr("Description"), m_description);
    formLayout->addRow(tr("Stage"), m_stage);
    formLayout->addRow(tr("Recommended actions"), m_actions);
    formLayout->addRow(tr("Qualifying questions"), m_questions);
    formLayout->addRow(tr("Opening"), m_opening);
    formLayout->addRow(tr("Value proposition"), m_value);
    formLayout->addRow(tr("Close"), m_close);
    formLayout->addRow(QString(), m_error);
    auto* actions = new QHBoxLayout;
    actions->addWidget(m_delete);
    actions->addStretch();
    actions->addWidget(save);
    formLayout->addRow(actions);
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(form);
    auto* splitter = new QSplitter(this);
    splitter->addWidget(left);
    splitter->addWidget(scroll);
    splitter->setSizes({ 260, 580 });
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(splitter);
    newPlaybook();
}

void PlaybookEditor::setLibrary(const QList<Playbook>& playbooks)
{
    m_playbooks = playbooks;
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    for (const Playbook& playbook : playbooks) {
        auto* item = new QListWidgetItem(playbook.stageKey.isEmpty()
                ? playbook.name
                : QStringLiteral("%1 · %2").arg(playbook.stageKey, playbook.name),
            m_list);
        item->setData(Qt::UserRole, playbook.id);
        item->setToolTip(playbook.description);
        if (playbook.id == m_currentId)
            m_list->setCurrentItem(item);
    }
}

void PlaybookEditor::showPlaybook(const QString& id)
{
    for (const Playbook& p : std::as_const(m_playbooks)) {
        if (p.id != id)
            continue;
        m_currentId = id;
        m_name->setText(p.name);
        m_description->setPlainText(p.description);
        m_stage->setText(p.stageKey);
        m_actions->setValues(p.recommendedActions);
        m_questions->setValues(p.qualifyingQuestions);
        m_opening->setPlainText(p.openingTrack);
        m_value->setPlainText(p.valuePropositionTrack);
        m_close->setPlainText(p.closeTrack);
        m_delete->setEnabled(true);
        m_error->hide();
        return;
    }
}

void PlaybookEditor::newPlaybook()
{
    m_currentId.clear();
    m_list->clearSelection();
    for (QLineEdit* edit : { m_name, m_stage })
        edit->clear();
    for (QPlainTextEdit* edit : { m_description, m_opening, m_value, m_close })
        edit->clear();
    m_actions->setValues({});
    m_questions->setValues({});
    m_delete->setEnabled(false);
    m_error->hide();
}

void PlaybookEditor::savePlaybook()
{
    Playbook p;
    p.id = m_currentId;
    p.name = m_name->text();
    p.description = m_description->toPlainText();
    p.stageKey = m_stage->text().trimmed();
    p.recommendedActions = m_actions->values();
    p.qualifyingQuestions = m_questions->values();
    p.openingTrack = m_opening->toPlainText().trimmed();
    p.valuePropositionTrack = m_value->toPlainText().trimmed();
    p.closeTrack = m_close->toPlainText().trimmed();
    m_store->savePlaybook(p, this, [this](const CallScriptWriteOutcome& outcome) {
        m_error->setText(outcome.error);
        m_error->setVisible(!outcome.ok);
        if (outcome.ok)
            m_currentId = outcome.id;
    });
}

void PlaybookEditor::deletePlaybook()
{
    if (m_currentId.isEmpty())
        return;
    m_undoStack->push(new DeleteLibraryEntryCommand(
        m_store, DeleteLibraryEntryCommand::Kind::Playbook, m_currentId, m_name->text()));
    newPlaybook();
}
