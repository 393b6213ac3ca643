#pragma once

#include <QStyledItemDelegate>

// Paints deal heat (HeatRole, 0-100; -1 = not analysed) as a bar with the number, coloured like the Kanban badge:
// cool below 40, warm from 40, hot from 70.
class HeatBarDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    HeatBarDelegate(int heatRole, QObject* parent = nullptr);

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

private:
    int m_heatRole;
};
