#pragma once

#include "models/FieldError.h"
#include "models/Proposal.h"

#include <QAbstractTableModel>
#include <QHash>

// The pricing lines of the proposal being edited. Prices are typed and shown in major units ("1,250.00") but held
// in minor units; quantities and tax rates are held as the integers Proposal uses. Input that does not parse is
// refused with a message instead of being stored as 0.
class PricingLinesModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Item, Quantity, UnitPrice, TaxRate, LineTotal, ColumnCount };
    enum Role { RawValueRole = Qt::UserRole + 1, ErrorRole };

    explicit PricingLinesModel(QObject* parent = nullptr);

    void setLines(const QList<PricingLine>& lines);
    const QList<PricingLine>& lines() const { return m_lines; }
    void setCurrency(const QString& currency);
    void setReadOnly(bool readOnly);
    // Messages for "lines.<row>.<field>" errors, shown on their cells.
    void setErrors(const FieldErrors& errors);

    int addLine(const PricingLine& line = {});
    void removeLine(int row);
    void moveLine(int from, int to);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Parsers for what people type; false when the text is not a number in range.
    static bool parseQuantity(const QString& text, qint64* quantityMilli);
    static bool parseTaxRate(const QString& text, int* basisPoints);
    static bool parsePrice(const QString& text, qint64* minor);
    // 125050 → "1,250.50" in the current locale, exact for every amount.
    static QString majorText(qint64 minor);

signals:
    // Any line or amount changed (edit, add, remove, move).
    void linesChanged();
    void inputRejected(const QString& message);

private:
    static QString fieldName(int column);
    QVariant displayValue(int row, int column) const;

    QList<PricingLine> m_lines;
    ProposalTotals m_totals;
    QString m_currency = QStringLiteral("EUR");
    QHash<QString, QString> m_errors;
    bool m_readOnly = false;
};
