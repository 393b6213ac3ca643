#include "ui/calling/LibraryObjectionPicker.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

LibraryObjectionPicker::LibraryObjectionPicker(const QList<Objection>& available, QWidget* parent)
    : QDialog(parent)
    , m_search(new QLineEdit(this))
    , m_list(new QListWidget(this))
{
    setObjectName(QStringLiteral("libraryObjectionPicker"));
    setWindowTitle(tr("Add objections from the library"));
    m_search->setObjectName(QStringLiteral("pickerSearch"));
    m_search->setPlaceholderText(tr("Search objections, answers and categories…"));
    m_search->setClearButtonEnabled(true);
    m_list->setObjectName(QStringLiteral("pickerList"));
    m_list->setWordWrap(true);
    for (const Objection& objection : available) {
        auto* item = new QListWidgetItem(
            objection.category.isEmpty() ? objection.objection
                                         : QStringLiteral("%1 · %2").arg(objection.category, objection.objection),
            m_list);
        item->setData(Qt::UserRole, objection.id);
        item->setData(Qt::UserRole + 1,
            QStringList { objection.objection, objection.response, objection.category, objection.tags.join(QLatin1Char(' ')) }
                .join(QLatin1Char(' ')));
        item->setToolTip(objection.response);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
    }
    auto* empty = new QLabel(available.isEmpty()
            ? tr("Every library objection is already linked, or the library is empty. Add entries with “Edit "
                 "library…”.")
            : tr("Tick the answers this script should offer."),
        this);
    empty->setObjectName(QStringLiteral("EmptyStateText"));
    empty->setWordWrap(true);
    connect(m_search, &QLineEdit::textChanged, this, &LibraryObjectionPicker::filter);
    connect(m_list, &QListWidget::itemActivated, this, [](QListWidgetItem* item) {
        item->setCheckState(item->checkState() == Qt::Checked ? Qt::Unchecked : Qt::Checked);
    });
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Link"));
    buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("pickerLinkButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(empty);
    layout->addWidget(m_search);
    layout->addWidget(m_list, 1);
    layout->addWidget(buttons);
    resize(520, 420);
}

QStringList LibraryObjectionPicker::chosenIds() const
{
    QStringList ids;
    for (int i = 0; i < m_list->count(); ++i) {
        if (m_list->item(i)->checkState() == Qt::Checked)
            ids.append(m_list->item(i)->data(Qt::UserRole).toString());
    }
    return ids;
}

void LibraryObjectionPicker::filter(const QString& text)
{
    for (int i = 0; i < m_list->count(); ++i) {
        QListWidgetItem* item = m_list->item(i);
        item->setHidden(!text.trimmed().isEmpty()
            && !item->data(Qt::UserRole + 1).toString().contains(text.trimmed(), Qt::CaseInsensitive));
    }
}
