#include "ui/pricing/ServiceCatalogDelegate.h"

#include "models/pricing/ServiceCatalogModel.h"

#include <QLineEdit>

QWidget* ServiceCatalogDelegate::createEditor(
    QWidget* parent, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    auto* editor = new QLineEdit(parent);
    switch (index.column()) {
    case ServiceCatalogModel::Name:
        editor->setObjectName(QStringLiteral("serviceNameCellEditor"));
        editor->setMaxLength(200);
        editor->setPlaceholderText(tr("Service name"));
        return editor;
    case ServiceCatalogModel::Price:
        editor->setObjectName(QStringLiteral("servicePriceCellEditor"));
        editor->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        editor->setPlaceholderText(tr("0.00"));
        return editor;
    case ServiceCatalogModel::Keywords:
        editor->setObjectName(QStringLiteral("serviceKeywordsCellEditor"));
        editor->setPlaceholderText(tr("website, landing page, redesign"));
        return editor;
    default:
        delete editor;
        return QStyledItemDelegate::createEditor(parent, option, index);
    }
}

void ServiceCatalogDelegate::setEditorData(QWidget* editor, const QModelIndex& index) const
{
    if (auto* line = qobject_cast<QLineEdit*>(editor)) {
        line->setText(index.data(Qt::EditRole).toString());
        line->selectAll();
        return;
    }
    QStyledItemDelegate::setEditorData(editor, index);
}

void ServiceCatalogDelegate::setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const
{
    if (auto* line = qobject_cast<QLineEdit*>(editor)) {
        // A refused value leaves the cell as it was; the model says why (validationFailed).
        model->setData(index, line->text(), Qt::EditRole);
        return;
    }
    QStyledItemDelegate::setModelData(editor, model, index);
}
