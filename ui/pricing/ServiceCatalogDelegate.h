#pragma once

#include <QStyledItemDelegate>

// Editors of the price list's cells: a name field, a price field in major units (validated by the model, which
// explains a refused value) and a keywords field with an example as placeholder.
class ServiceCatalogDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    void setEditorData(QWidget* editor, const QModelIndex& index) const override;
    void setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const override;
};
