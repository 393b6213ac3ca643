#include "ui/calling/ObjectionHandlersEditor.h"

#include "ui/calling/LibraryObjectionPicker.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

ObjectionHandlersEditor::ObjectionHandlersEditor(QWidget* parent)
    : QWidget(parent)
    , m_table(new QTableWidget(0, 2, this))
    , m_linkedList(new QListWidget(this))
{
    setObjectName(QStringLiteral("objectionHandlersEditor"));
    m_table->setObjectName(QStringLiteral("ownHandlersTable"));
    m_table->setHorizontalHeaderLabels({ tr("When the lead says…"), tr("…the agent answers") });
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(true);
    m_table->setMinimumHeight(110);
    m_table->setMaximumHeight(170);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    connect(m_table, &QTableWidget::itemChanged, this, &ObjectionHandlersEditor::changed);

    auto* add = new QPushButton(QIcon(QStringLiteral(":/icons/plus.svg")), tr("Add handler"), this);
    add->setObjectName(QStringLiteral("addHandlerButton"));
    auto* remove = new QPushButton(tr("Remove"), this);
    remove->setObjectName(QStringLiteral("removeHandlerButton"));
    connect(add, &QPushButton::clicked, this, [this] { addHandler(); });
    connect(remove, &QPushButton::clicked, this, &ObjectionHandlersEditor::removeCurrentHandler);
    auto* ownButtons = new QHBoxLayout;
    ownButtons->addWidget(add);
    ownButtons->addWidget(remove);
    ownButtons->addStretch();

    auto* linkedTitle = new QLabel(tr("From the objection library"), this);
    linkedTitle->setObjectName(QStringLiteral("EmptyStateText"));
    m_linkedList->setObjectName(QStringLiteral("linkedObjectionsList"));
    m_linkedList->setMaximumHeight(110);
    m_linkedList->setWordWrap(true);
    auto* pick = new QPushButton(tr("Add from library…"), this);
    pick->setObjectName(QStringLiteral("pickFromLibraryButton"));
    pick->setToolTip(tr("Link answers from the shared objection library: editing them there updates every script."));
    auto* unlink = new QPushButton(tr("Unlink"), this);
    unlink->setObjectName(QStringLiteral("unlinkObjectionButton"));
    auto* library = new QPushButton(tr("Edit library…"), this);
    library->setObjectName(QStringLiteral("editLibraryButton"));
    connect(pick, &QPushButton::clicked, this, &ObjectionHandlersEditor::pickFromLibrary);
    connect(unlink, &QPushButton::clicked, this, &ObjectionHandlersEditor::unlinkCurrent);
    connect(library, &QPushButton::clicked, this, &ObjectionHandlersEditor::editLibraryRequested);
    auto* linkedButtons = new QHBoxLayout;
    linkedButtons->addWidget(pick);
    linkedButtons->addWidget(unlink);
    linkedButtons->addStretch();
    linkedButtons->addWidget(library);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_table);
    layout->addLayout(ownButtons);
    layout->addSpacing(6);
    layout->addWidget(linkedTitle);
    layout->addWidget(m_linkedList);
    layout->addLayout(linkedButtons);
}

QList<ObjectionHandler> ObjectionHandlersEditor::handlers() const
{
    QList<ObjectionHandler> handlers;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QTableWidgetItem* objection = m_table->item(row, 0);
        const QTableWidgetItem* response = m_table->item(row, 1);
        handlers.append({ objection ? objection->text() : QString(), response ? response->text() : QString() });
    }
    return handlers;
}

void ObjectionHandlersEditor::setHandlers(const QList<ObjectionHandler>& handlers)
{
    const QSignalBlocker blocker(m_table);
    m_table->setRowCount(0);
    for (const ObjectionHandler& handler : handlers) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        m_table->setItem(row, 0, new QTableWidgetItem(handler.objection));
        m_table->setItem(row, 1, new QTableWidgetItem(handler.response));
    }
}

void ObjectionHandlersEditor::addHandler(const QString& objection, const QString& response)
{
    const int row = m_table->rowCount();
    {
        const QSignalBlocker blocker(m_table);
        m_table->insertRow(row);
        m_table->setItem(row, 0, new QTableWidgetItem(objection));
        m_table->setItem(row, 1, new QTableWidgetItem(response));
    }
    m_table->setCurrentCell(row, 0);
    if (objection.isEmpty() && m_table->isVisible())
        m_table->editItem(m_table->item(row, 0));
    emit changed();
}

void ObjectionHandlersEditor::removeCurrentHandler()
{
    const int row = m_table->currentRow();
    if (row < 0)
        return;
    m_table->removeRow(row);
    emit changed();
}

void ObjectionHandlersEditor::setLinkedIds(const QStringList& ids)
{
    m_linked = ids;
    showLinked();
}

void ObjectionHandlersEditor::setLibrary(const QList<Objection>& library)
{
    m_library = library;
    showLinked();
}

void ObjectionHandlersEditor::showLinked()
{
    m_linkedList->clear();
    for (const QString& id : std::as_const(m_linked)) {
        auto found = std::find_if(m_library.cbegin(), m_library.cend(), [&id](const Objection& o) { return o.id == id; });
        auto* item = new QListWidgetItem(m_linkedList);
        item->setData(Qt::UserRole, id);
        if (found == m_library.cend()) {
            item->setText(tr("(an objection no longer in the library)"));
        } else {
            item->setText(found->category.isEmpty() ? found->objection
                                                    : QStringLiteral("%1 · %2").arg(found->category, found->objection));
            item->setToolTip(found->response);
        }
    }
    if (m_linked.isEmpty()) {
        auto* hint = new QListWidgetItem(tr("None yet — “Add from library…” links shared answers."), m_linkedList);
        hint->setFlags(Qt::NoItemFlags);
    }
}

void ObjectionHandlersEditor::pickFromLibrary()
{
    QList<Objection> available;
    for (const Objection& objection : std::as_const(m_library)) {
        if (!m_linked.contains(objection.id))
            available.append(objection);
    }
    LibraryObjectionPicker picker(available, this);
    if (picker.exec() == QDialog::Accepted)
        link(picker.chosenIds());
}

void ObjectionHandlersEditor::link(const QStringList& ids)
{
    bool added = false;
    for (const QString& id : ids) {
        if (!m_linked.contains(id)) {
            m_linked.append(id);
            added = true;
        }
    }
    if (!added)
        return;
    showLinked();
    emit changed();
}

void ObjectionHandlersEditor::unlinkCurrent()
{
    const QListWidgetItem* item = m_linkedList->currentItem();
    if (!item || item->data(Qt::UserRole).toString().isEmpty())
        return;
    m_linked.removeAll(item->data(Qt::UserRole).toString());
    showLinked();
    emit changed();
}
