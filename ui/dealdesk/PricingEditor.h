#pragma once

#include "models/FieldError.h"
#include "models/Proposal.h"

#include <QWidget>

class PricingLinesModel;
class QLabel;
class QTableView;
class QToolButton;

// The pricing lines table with add / remove / reorder, an inline message for refused input and line errors, and
// live totals (subtotal, tax, total) computed by Proposal::computeTotals, the same arithmetic the PDF uses.
class PricingEditor : public QWidget
{
    Q_OBJECT

public:
    explicit PricingEditor(QWidget* parent = nullptr);

    void setLines(const QList<PricingLine>& lines);
    QList<PricingLine> lines() const;
    void setCurrency(const QString& currency);
    void setReadOnly(bool readOnly);
    void showErrors(const FieldErrors& errors);

    void addLine();
    void removeCurrent();
    void moveCurrent(int delta);

    PricingLinesModel* model() const { return m_model; }
    QTableView* table() const { return m_table; }
    QLabel* subtotalLabel() const { return m_subtotal; }
    QLabel* taxLabel() const { return m_tax; }
    QLabel* totalLabel() const { return m_total; }

signals:
    void changed();

private:
    void updateTotals();
    void updateButtons();

    PricingLinesModel* m_model;
    QTableView* m_table;
    QLabel* m_message;
    QLabel* m_subtotal;
    QLabel* m_tax;
    QLabel* m_total;
    QToolButton* m_add;
    QToolButton* m_remove;
    QToolButton* m_up;
    QToolButton* m_down;
    QString m_currency = QStringLiteral("EUR");
    bool m_readOnly = false;
};
