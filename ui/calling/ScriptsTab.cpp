#include "ui/calling/ScriptsTab.h"

#include "services/audio/QtAudioPlayback.h"
#include "services/calling/CallingConfiguration.h"
#include "services/workspace/WorkspaceSession.h"
#include "ui/calling/CallScriptListModel.h"
#include "ui/calling/DeleteCallScriptCommand.h"
#include "ui/calling/ObjectionLibraryDialog.h"
#include "ui/calling/ScriptEditor.h"
#include "ui/calling/VoicePreview.h"
#include "ui/common/MessageBoxes.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QUndoStack>
#include <QVBoxLayout>

ScriptsTab::ScriptsTab(WorkspaceSession* session, QUndoStack* undoStack, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_store(session->callScripts())
    , m_calling(session->calling())
    , m_undoStack(undoStack)
    , m_preview(nullptr)
    , m_defaultPlayback(new QtAudioPlayback(this))
    , m_model(new CallScriptListModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_search(new QLineEdit(this))
    , m_table(new QTableView(this))
    , m_delete(new QPushButton(QIcon(QStringLiteral(":/icons/trash.svg")), tr("Delete"), this))
    , m_stack(new QStackedWidget(this))
{
    setObjectName(QStringLiteral("scriptsTab"));
    m_preview = new VoicePreview(m_calling->speech(), m_defaultPlayback, this);
    m_editor = new ScriptEditor(m_preview, this);

    auto* create = new QPushButton(QIcon(QStringLiteral(":/icons/plus.svg")), tr("New script"), this);
    create->setObjectName(QStringLiteral("newScriptButton"));
    create->setProperty("primary", true);
    create->setToolTip(tr("Write a new call script (Ctrl+N)"));
    connect(create, &QPushButton::clicked, this, &ScriptsTab::newScript);
    m_delete->setObjectName(QStringLiteral("deleteScriptButton"));
    m_delete->setToolTip(tr("Delete the selected script (Delete); Ctrl+Z brings it back"));
    connect(m_delete, &QPushButton::clicked, this, &ScriptsTab::deleteSelected);
    auto* library = new QPushButton(tr("Objection library…"), this);
    library->setObjectName(QStringLiteral("objectionLibraryButton"));
    library->setToolTip(tr("Answers to common objections and playbooks, shared by every script"));
    connect(library, &QPushButton::clicked, this, &ScriptsTab::openLibrary);

    m_search->setObjectName(QStringLiteral("scriptSearch"));
    m_search->setPlaceholderText(tr("Search scripts…"));
    m_search->setClearButtonEnabled(true);
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(CallScriptListModel::SortRole);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    connect(m_search, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);

    m_table->setObjectName(QStringLiteral("scriptTable"));
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(CallScriptListModel::Name, Qt::AscendingOrder);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(34);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->setSectionResizeMode(CallScriptListModel::Name, QHeaderView::Stretch);
    m_table->setColumnWidth(CallScriptListModel::Industry, 110);
    m_table->setColumnWidth(CallScriptListModel::Purpose, 150);
    m_table->setColumnWidth(CallScriptListModel::Uses, 56);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &ScriptsTab::onCurrentChanged);
    auto* deleteAction = new QAction(m_table);
    deleteAction->setShortcut(QKeySequence::Delete);
    deleteAction->setShortcutContext(Qt::WidgetShortcut);
    connect(deleteAction, &QAction::triggered, this, &ScriptsTab::deleteSelected);
    m_table->addAction(deleteAction);
    auto* newAction = new QAction(this);
    newAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    newAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(newAction, &QAction::triggered, this, &ScriptsTab::newScript);
    addAction(newAction);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(create);
    buttons->addWidget(m_delete);
    buttons->addStretch();
    buttons->addWidget(library);
    auto* left = new QWidget(this);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 8, 0);
    leftLayout->addLayout(buttons);
    leftLayout->addWidget(m_search);
    leftLayout->addWidget(m_table, 1);

    auto* scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("scriptEditorScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(m_editor);
    m_stack->addWidget(scroll);
    m_stack->addWidget(buildEmptyState());

    auto* splitter = new QSplitter(this);
    splitter->setObjectName(QStringLiteral("scriptsSplitter"));
    splitter->addWidget(left);
    splitter->addWidget(m_stack);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({ 420, 680 });
    splitter->setChildrenCollapsible(false);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 8, 0, 0);
    layout->addWidget(splitter);

    connect(m_editor, &ScriptEditor::saveRequested, this, &ScriptsTab::save);
    connect(m_editor, &ScriptEditor::editLibraryRequested, this, &ScriptsTab::openLibrary);
    connect(m_store, &CallScriptStore::scriptsChanged, this, &ScriptsTab::reload);
    connect(m_store, &CallScriptStore::libraryChanged, this, &ScriptsTab::reload);
    connect(m_store, &CallScriptStore::writeFailed, this,
        [this](const QString& error) { emit statusMessage(tr("Script change not saved: %1").arg(error)); });
    connect(m_calling, &CallingConfiguration::changed, this, &ScriptsTab::reloadVoices);
    refreshState();
}

QWidget* ScriptsTab::buildEmptyState()
{
    auto* page = new QWidget(this);
    page->setObjectName(QStringLiteral("scriptsEmpty"));
    auto* icon = new QLabel(page);
    icon->setPixmap(QIcon(QStringLiteral(":/icons/calling.svg")).pixmap(56, 56));
    icon->setAlignment(Qt::AlignCenter);
    auto* title = new QLabel(tr("No call scripts yet"), page);
    title->setObjectName(QStringLiteral("EmptyStateTitle"));
    title->setAlignment(Qt::AlignCenter);
    auto* text = new QLabel(tr("A script tells the AI voice agent how to open the call, what to talk about, how to "
                               "answer objections and how to close. Start with New script; answers you reuse go "
                               "into the objection library."),
        page);
    text->setObjectName(QStringLiteral("EmptyStateText"));
    text->setAlignment(Qt::AlignCenter);
    text->setWordWrap(true);
    text->setMaximumWidth(440);
    auto* create = new QPushButton(QIcon(QStringLiteral(":/icons/plus.svg")), tr("New script"), page);
    create->setObjectName(QStringLiteral("emptyNewScript"));
    create->setProperty("primary", true);
    connect(create, &QPushButton::clicked, this, &ScriptsTab::newScript);
    auto* layout = new QVBoxLayout(page);
    layout->addStretch(2);
    layout->addWidget(icon);
    layout->addWidget(title);
    layout->addWidget(text, 0, Qt::AlignHCenter);
    layout->addSpacing(12);
    layout->addWidget(create, 0, Qt::AlignHCenter);
    layout->addStretch(3);
    return page;
}

void ScriptsTab::start()
{
    m_started = true;
    reload();
    reloadVoices();
}

void ScriptsTab::reload()
{
    if (!m_started)
        return;
    m_store->load(this, [this](const CallScriptLibrary& library) { applyLibrary(library); });
}

void ScriptsTab::applyLibrary(const CallScriptLibrary& library)
{
    const QString current = m_selectAfterLoad.isEmpty() ? m_editor->scriptId() : m_selectAfterLoad;
    m_selectAfterLoad.clear();
    m_library = library;
    m_loadedOnce = true;
    m_editor->setLibrary(library.objections);
    m_reverting = true;
    m_model->setScripts(library.scripts);
    m_reverting = false;
    const int row = m_model->rowOf(current);
    if (row >= 0) {
        selectRow(current);
        if (!m_editor->isDirty())
            m_editor->load(m_model->entryAt(row));
    } else if (!(m_composing && m_editor->isNew())) {
        // The script in the editor is gone (deleted here or elsewhere): show the first one, or the empty state.
        if (m_proxy->rowCount() > 0) {
            const QString first = m_proxy->index(0, 0).data(CallScriptListModel::IdRole).toString();
            selectRow(first);
            m_editor->load(m_model->entryAt(m_model->rowOf(first)));
        } else {
            m_composing = false;
            m_editor->startNew(m_calling->settings().defaultVoiceId);
        }
    }
    refreshState();
    emit loaded();
}

void ScriptsTab::refreshState()
{
    m_stack->setCurrentIndex(m_model->rowCount() == 0 && !m_composing ? 1 : 0);
    m_delete->setEnabled(m_table->currentIndex().isValid());
}

void ScriptsTab::selectRow(const QString& id)
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    m_reverting = true;
    m_table->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_reverting = false;
}

bool ScriptsTab::confirmLeave()
{
    if (!m_editor->isDirty())
        return true;
    const auto answer = MessageBoxes::question(this, tr("Unsaved changes"),
        tr("The script has changes that are not saved. Save them first?"),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Cancel)
        return false;
    if (answer == QMessageBox::Save) {
        if (!m_editor->validate())
            return false;
        save(m_editor->entry());
    }
    return true;
}

void ScriptsTab::onCurrentChanged(const QModelIndex& current, const QModelIndex& previous)
{
    if (m_reverting)
        return;
    const QString id = current.data(CallScriptListModel::IdRole).toString();
    if (id.isEmpty() || id == m_editor->scriptId()) {
        refreshState();
        return;
    }
    if (!confirmLeave()) {
        m_reverting = true;
        m_table->selectionModel()->setCurrentIndex(
            previous, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        m_reverting = false;
        return;
    }
    m_composing = false;
    m_editor->load(m_model->entryAt(m_model->rowOf(id)));
    refreshState();
}

void ScriptsTab::openScript(const QString& id)
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    m_table->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

void ScriptsTab::newScript()
{
    if (!confirmLeave())
        return;
    m_reverting = true;
    m_table->clearSelection();
    m_table->selectionModel()->setCurrentIndex({}, QItemSelectionModel::Clear);
    m_reverting = false;
    m_composing = true;
    m_editor->startNew(m_calling->settings().defaultVoiceId);
    refreshState();
}

void ScriptsTab::save(const CallScriptEntry& entry)
{
    const QString name = entry.script.name.trimmed();
    m_store->save(entry, this, [this, name](const CallScriptWriteOutcome& outcome) {
        if (!outcome.ok) {
            if (!outcome.fieldErrors.isEmpty())
                m_editor->showErrors(outcome.fieldErrors);
            return; // writeFailed reports it in the status bar
        }
        m_editor->markSaved(outcome.id);
        m_composing = false;
        m_selectAfterLoad = outcome.id;
        emit statusMessage(tr("Script “%1” saved.").arg(name));
        emit saved(outcome.id);
    });
}

void ScriptsTab::deleteSelected()
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid())
        return;
    const CallScriptEntry& entry = m_model->entryAt(m_proxy->mapToSource(current).row());
    m_undoStack->push(new DeleteCallScriptCommand(m_store, entry.script.id, entry.script.name));
    emit statusMessage(tr("Deleted script “%1” — Ctrl+Z to undo").arg(entry.script.name));
}

void ScriptsTab::openLibrary()
{
    ObjectionLibraryDialog dialog(m_store, m_undoStack, m_library, this);
    dialog.exec();
}

void ScriptsTab::reloadVoices()
{
    delete m_voiceContext;
    m_voiceContext = nullptr;
    const QString defaultVoice = m_calling->settings().defaultVoiceId;
    if (!m_calling->hasKey(CallingConfiguration::elevenLabsProvider())) {
        m_editor->setVoices({}, tr("Add an ElevenLabs key in Settings → Calling to pick voices and hear previews."),
            defaultVoice);
        return;
    }
    m_voiceContext = new QObject(this);
    QObject* context = m_voiceContext;
    m_calling->speech()->listVoices(context, [this, context, defaultVoice](const SpeechResult& result) {
        if (m_voiceContext == context) {
            m_voiceContext = nullptr;
            context->deleteLater();
        }
        m_editor->setVoices(result.voices,
            result.ok ? QString() : tr("Your voices could not be loaded: %1").arg(result.error.message), defaultVoice);
    });
}

void ScriptsTab::setAudioPlayback(AudioPlayback* playback)
{
    m_preview->setPlayback(playback ? playback : m_defaultPlayback);
}
