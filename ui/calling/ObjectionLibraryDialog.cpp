#include "ui/calling/ObjectionLibraryDialog.h"

#include "ui/calling/DeleteLibraryEntryCommand.h"
#include "ui/calling/PlaybookEditor.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QUndoStack>
#include <QVBoxLayout>

ObjectionLibraryDialog::ObjectionLibraryDialog(
    CallScriptStore* store, QUndoStack* undoStack, const CallScriptLibrary& library, QWidget* parent)
    : QDialog(parent)
    , m_store(store)
    , m_undoStack(undoStack)
{
    setObjectName(QStringLiteral("objectionLibraryDialog"));
    setWindowTitle(tr("Objection library and playbooks"));
    auto* tabs = new QTabWidget(this);
    tabs->setObjectName(QStringLiteral("libraryTabs"));
    tabs->addTab(buildObjectionsPage(), tr("Objections"));
    m_playbooks = new PlaybookEditor(store, undoStack, this);
    tabs->addTab(m_playbooks, tr("Playbooks"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(tabs, 1);
    layout->addWidget(buttons);
    connect(store, &CallScriptStore::libraryChanged, this, &ObjectionLibraryDialog::reload);
    showLibrary(library);
    resize(860, 560);
}

QWidget* ObjectionLibraryDialog::buildObjectionsPage()
{
    auto* page = new QWidget(this);
    m_search = new QLineEdit(page);
    m_search->setObjectName(QStringLiteral("librarySearch"));
    m_search->setPlaceholderText(tr("Search objections…"));
    m_search->setClearButtonEnabled(true);
    m_list = new QListWidget(page);
    m_list->setObjectName(QStringLiteral("libraryObjectionList"));
    m_list->setWordWrap(true);
    auto* add = new QPushButton(QIcon(QStringLiteral(":/icons/plus.svg")), tr("New objection"), page);
    add->setObjectName(QStringLiteral("newObjectionButton"));
    connect(add, &QPushButton::clicked, this, &ObjectionLibraryDialog::newObjection);
    auto* left = new QWidget(page);
    auto* leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(add, 0, Qt::AlignLeft);
    leftLayout->addWidget(m_search);
    leftLayout->addWidget(m_list, 1);

    m_objection = new QLineEdit(page);
    m_objection->setObjectName(QStringLiteral("libraryObjectionEdit"));
    m_objection->setPlaceholderText(tr("What the lead says, e.g. “It's too expensive”"));
    m_response = new QPlainTextEdit(page);
    m_response->setObjectName(QStringLiteral("libraryResponseEdit"));
    m_response->setPlaceholderText(tr("How the agent answers"));
    m_response->setTabChangesFocus(true);
    m_category = new QComboBox(page);
    m_category->setObjectName(QStringLiteral("libraryCategoryCombo"));
    m_category->setEditable(true);
    m_tags = new QLineEdit(page);
    m_tags->setObjectName(QStringLiteral("libraryTagsEdit"));
    m_tags->setPlaceholderText(tr("Comma-separated, e.g. budget, small business"));
    m_usage = new QLabel(page);
    m_usage->setObjectName(QStringLiteral("EmptyStateText"));
    m_error = new QLabel(page);
    m_error->setObjectName(QStringLiteral("libraryError"));
    m_error->setProperty("fieldError", true);
    m_error->setWordWrap(true);
    m_error->hide();
    auto* save = new QPushButton(tr("&Save objection"), page);
    save->setObjectName(QStringLiteral("saveObjectionButton"));
    save->setProperty("primary", true);
    connect(save, &QPushButton::clicked, this, &ObjectionLibraryDialog::saveObjection);
    m_delete = new QPushButton(QIcon(QStringLiteral(":/icons/trash.svg")), tr("Delete"), page);
    m_delete->setObjectName(QStringLiteral("deleteObjectionButton"));
    connect(m_delete, &QPushButton::clicked, this, &ObjectionLibraryDialog::deleteObjection);
    m_undo = new QPushButton(tr("Undo"), page);
    m_undo->setObjectName(QStringLiteral("libraryUndoButton"));
    m_undo->setEnabled(m_undoStack->canUndo());
    connect(m_undo, &QPushButton::clicked, m_undoStack, &QUndoStack::undo);
    connect(m_undoStack, &QUndoStack::canUndoChanged, m_undo, &QPushButton::setEnabled);
    auto* actions = new QHBoxLayout;
    actions->addWidget(m_delete);
    actions->addWidget(m_undo);
    actions->addStretch();
    actions->addWidget(save);
    auto* right = new QWidget(page);
    auto* form = new QFormLayout(right);
    form->addRow(tr("&Objection"), m_objection);
    form->addRow(tr("&Answer"), m_response);
    form->addRow(tr("&Category"), m_category);
    form->addRow(tr("&Tags"), m_tags);
    form->addRow(QString(), m_usage);
    form->addRow(QString(), m_error);
    form->addRow(actions);

    auto* splitter = new QSplitter(page);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setSizes({ 320, 520 });
    auto* layout = new QVBoxLayout(page);
    layout->addWidget(splitter);

    connect(m_list, &QListWidget::currentItemChanged, this, [this](QListWidgetItem* item) {
        if (item)
            showObjection(item->data(Qt::UserRole).toString());
    });
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString& text) {
        for (int i = 0; i < m_list->count(); ++i)
            m_list->item(i)->setHidden(!m_list->item(i)->data(Qt::UserRole + 1).toString().contains(text.trimmed(),
                Qt::CaseInsensitive));
    });
    return page;
}

void ObjectionLibraryDialog::reload()
{
    m_store->load(this, [this](const CallScriptLibrary& library) { showLibrary(library); });
}

void ObjectionLibraryDialog::showLibrary(const CallScriptLibrary& library)
{
    m_library = library;
    m_playbooks->setLibrary(library.playbooks);
    const QString keep = m_currentId;
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    QStringList categories;
    for (const Objection& objection : library.objections) {
        auto* item = new QListWidgetItem(m_list);
        item->setText(objection.category.isEmpty()
                ? objection.objection
                : QStringLiteral("%1 · %2").arg(objection.category, objection.objection));
        item->setToolTip(objection.response);
        item->setData(Qt::UserRole, objection.id);
        item->setData(Qt::UserRole + 1,
            QStringList { objection.objection, objection.response, objection.category, objection.tags.join(QLatin1Char(' ')) }
                .join(QLatin1Char(' ')));
        if (!objection.category.isEmpty() && !categories.contains(objection.category))
            categories.append(objection.category);
        if (objection.id == keep)
            m_list->setCurrentItem(item);
    }
    for (const QString& standard : { QStringLiteral("price"), QStringLiteral("timing"), QStringLiteral("competition"),
             QStringLiteral("authority"), QStringLiteral("need") }) {
        if (!categories.contains(standard))
            categories.append(standard);
    }
    const QString typed = m_category->currentText();
    m_category->clear();
    m_category->addItems(categories);
    m_category->setCurrentText(typed);
    if (m_library.objections.isEmpty())
        newObjection();
    else if (!m_list->currentItem() && keep.isEmpty()) {
        m_list->setCurrentRow(0);
        showObjection(m_list->currentItem()->data(Qt::UserRole).toString());
    }
}

void ObjectionLibraryDialog::showObjection(const QString& id)
{
    for (const Objection& objection : std::as_const(m_library.objections)) {
        if (objection.id != id)
            continue;
        m_currentId = id;
        m_objection->setText(objection.objection);
        m_response->setPlainText(objection.response);
        m_category->setCurrentText(objection.category);
        m_tags->setText(objection.tags.join(QStringLiteral(", ")));
        m_usage->setText(tr("Used by %n script(s).", nullptr, objection.scriptCount));
        m_delete->setEnabled(true);
        showError({});
        return;
    }
}

void ObjectionLibraryDialog::newObjection()
{
    m_currentId.clear();
    m_list->clearSelection();
    m_objection->clear();
    m_response->clear();
    m_category->setCurrentText(QString());
    m_tags->clear();
    m_usage->setText(m_library.objections.isEmpty()
            ? tr("The library is empty. Add the objections your leads raise most, with the answer that works; every "
                 "script can then link them.")
            : QString());
    m_delete->setEnabled(false);
    showError({});
    m_objection->setFocus();
}

void ObjectionLibraryDialog::saveObjection()
{
    Objection objection;
    objection.id = m_currentId;
    objection.objection = m_objection->text();
    objection.response = m_response->toPlainText();
    objection.category = m_category->currentText();
    objection.tags = m_tags->text().split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const Objection& existing : std::as_const(m_library.objections)) {
        if (existing.id == m_currentId)
            objection.playbookIds = existing.playbookIds;
    }
    m_store->saveObjection(objection, this, [this](const CallScriptWriteOutcome& outcome) {
        if (!outcome.ok) {
            showError(outcome.error);
            return;
        }
        m_currentId = outcome.id;
        showError({});
        emit objectionSaved(outcome.id);
    });
}

void ObjectionLibraryDialog::deleteObjection()
{
    if (m_currentId.isEmpty())
        return;
    m_undoStack->push(new DeleteLibraryEntryCommand(
        m_store, DeleteLibraryEntryCommand::Kind::Objection, m_currentId, m_objection->text()));
    m_currentId.clear();
}

void ObjectionLibraryDialog::showError(const QString& message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}
