#pragma once

#include "models/Proposal.h"

#include <QStyledItemDelegate>

// Paints a proposal's status as a coloured pill ("chip"); the same colours are used by the editor's status label.
class StatusChipDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    struct Colors {
        QColor text;
        QColor background;
    };
    static Colors colors(Proposal::Status status);
    // A style sheet for a QLabel showing the status as a chip.
    static QString labelStyleSheet(Proposal::Status status);

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
};
