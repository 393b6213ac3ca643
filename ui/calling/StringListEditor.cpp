#include "ui/calling/StringListEditor.h"

#include <QAction>
#include <QHBoxLayout>
#include <QListWidget>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

StringListEditor::StringListEditor(
    const QString& objectName, const QString& addLabel, const QString& placeholder, QWidget* parent)
    : QWidget(parent)
    , m_list(new QListWidget(this))
    , m_remove(new QToolButton(this))
    , m_up(new QToolButton(this))
    , m_down(new QToolButton(this))
    , m_placeholder(placeholder)
{
    setObjectName(objectName);
    m_list->setObjectName(objectName + QStringLiteral("List"));
    m_list->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
        | QAbstractItemView::SelectedClicked);
    m_list->setDragDropMode(QAbstractItemView::InternalMove);
    m_list->setMaximumHeight(150);
    m_list->setToolTip(tr("Double-click or press F2 to edit; drag to reorder."));
    auto* add = new QPushButton(QIcon(QStringLiteral(":/icons/plus.svg")), addLabel, this);
    add->setObjectName(objectName + QStringLiteral("Add"));
    m_remove->setObjectName(objectName + QStringLiteral("Remove"));
    m_remove->setIcon(QIcon(QStringLiteral(":/icons/trash.svg")));
    m_remove->setToolTip(tr("Remove (Delete)"));
    m_up->setObjectName(objectName + QStringLiteral("Up"));
    m_up->setArrowType(Qt::UpArrow);
    m_up->setToolTip(tr("Move up (Alt+Up)"));
    m_down->setObjectName(objectName + QStringLiteral("Down"));
    m_down->setArrowType(Qt::DownArrow);
    m_down->setToolTip(tr("Move down (Alt+Down)"));

    connect(add, &QPushButton::clicked, this, [this] { addEntry(); });
    connect(m_remove, &QToolButton::clicked, this, &StringListEditor::removeCurrent);
    connect(m_up, &QToolButton::clicked, this, [this] { moveCurrent(-1); });
    connect(m_down, &QToolButton::clicked, this, [this] { moveCurrent(1); });
    connect(m_list, &QListWidget::itemChanged, this, &StringListEditor::changed);
    connect(m_list->model(), &QAbstractItemModel::rowsMoved, this, &StringListEditor::changed);
    connect(m_list, &QListWidget::currentRowChanged, this, &StringListEditor::updateButtons);
    const auto shortcut = [this](const QKeySequence& key, auto slot) {
        auto* action = new QAction(m_list);
        action->setShortcut(key);
        action->setShortcutContext(Qt::WidgetShortcut);
        connect(action, &QAction::triggered, this, slot);
        m_list->addAction(action);
    };
    shortcut(QKeySequence::Delete, [this] { removeCurrent(); });
    shortcut(QKeySequence(Qt::ALT | Qt::Key_Up), [this] { moveCurrent(-1); });
    shortcut(QKeySequence(Qt::ALT | Qt::Key_Down), [this] { moveCurrent(1); });

    auto* buttons = new QHBoxLayout;
    buttons->setContentsMargins(0, 0, 0, 0);
    buttons->addWidget(add);
    buttons->addStretch();
    buttons->addWidget(m_up);
    buttons->addWidget(m_down);
    buttons->addWidget(m_remove);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_list);
    layout->addLayout(buttons);
    updateButtons();
}

QStringList StringListEditor::values() const
{
    QStringList values;
    for (int i = 0; i < m_list->count(); ++i)
        values.append(m_list->item(i)->text());
    return values;
}

void StringListEditor::setValues(const QStringList& values)
{
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    for (const QString& value : values) {
        auto* item = new QListWidgetItem(value, m_list);
        item->setFlags(item->flags() | Qt::ItemIsEditable);
    }
    updateButtons();
}

void StringListEditor::addEntry(const QString& text)
{
    auto* item = new QListWidgetItem(text.isEmpty() ? m_placeholder : text);
    item->setFlags(item->flags() | Qt::ItemIsEditable);
    {
        const QSignalBlocker blocker(m_list);
        m_list->addItem(item);
    }
    m_list->setCurrentItem(item);
    if (text.isEmpty() && m_list->isVisible())
        m_list->editItem(item);
    updateButtons();
    emit changed();
}

void StringListEditor::removeCurrent()
{
    const int row = m_list->currentRow();
    if (row < 0)
        return;
    delete m_list->takeItem(row);
    updateButtons();
    emit changed();
}

void StringListEditor::moveCurrent(int delta)
{
    const int row = m_list->currentRow();
    const int target = row + delta;
    if (row < 0 || target < 0 || target >= m_list->count())
        return;
    {
        const QSignalBlocker blocker(m_list);
        QListWidgetItem* item = m_list->takeItem(row);
        m_list->insertItem(target, item);
        m_list->setCurrentRow(target);
    }
    updateButtons();
    emit changed();
}

void StringListEditor::updateButtons()
{
    const int row = m_list->currentRow();
    m_remove->setEnabled(row >= 0);
    m_up->setEnabled(row > 0);
    m_down->setEnabled(row >= 0 && row < m_list->count() - 1);
}
