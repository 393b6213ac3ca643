#pragma once

#include <QStyledItemDelegate>

// Paints a Kanban card: name, company, value, tags and time since last contact. One delegate, no widget per card.
class LeadCardDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};
