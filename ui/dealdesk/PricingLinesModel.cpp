#include "ui/dealdesk/PricingLinesModel.h"

#include "models/Money.h"
#include "ui/common/Theme.h"

#include <QLocale>

#include <cmath>

namespace {
QLocale displayLocale()
{
    // Same choice as Money::format: the C locale reads oddly to people.
    return QLocale().language() == QLocale::C ? QLocale(QLocale::English, QLocale::UnitedStates) : QLocale();
}

// "2.5" or "2,5" (whatever the locale writes) → value × 10^decimals, rounded half away from zero.
bool parseScaled(QString text, int decimals, double maximum, qint64* out)
{
    text = text.trimmed();
    text.remove(QLatin1Char('%'));
    text.remove(QChar::Nbsp);
    text.remove(QChar(0x202F));
    text = text.trimmed();
    if (text.isEmpty())
        return false;
    bool ok = false;
    double value = 0;
    // "2,5" is a decimal comma whatever the locale; "1,500" is left to the locale (grouping in English).
    const qsizetype comma = text.indexOf(QLatin1Char(','));
    if (comma >= 0 && text.count(QLatin1Char(',')) == 1 && !text.contains(QLatin1Char('.'))
        && text.size() - comma - 1 != 3) {
        value = QLocale::c().toDouble(QString(text).replace(QLatin1Char(','), QLatin1Char('.')), &ok);
    }
    if (!ok)
        value = displayLocale().toDouble(text, &ok);
    if (!ok)
        value = QLocale::c().toDouble(text, &ok);
    if (!ok || !std::isfinite(value) || value < 0 || value > maximum)
        return false;
    *out = static_cast<qint64>(std::llround(value * std::pow(10.0, decimals)));
    return true;
}
} // namespace

PricingLinesModel::PricingLinesModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

bool PricingLinesModel::parseQuantity(const QString& text, qint64* quantityMilli)
{
    return parseScaled(text, 3, 1e12, quantityMilli);
}

bool PricingLinesModel::parseTaxRate(const QString& text, int* basisPoints)
{
    qint64 value = 0;
    if (!parseScaled(text, 2, 100, &value))
        return false;
    *basisPoints = static_cast<int>(value);
    return true;
}

bool PricingLinesModel::parsePrice(const QString& text, qint64* minor)
{
    return !text.trimmed().isEmpty() && Money::parse(text, minor);
}

QString PricingLinesModel::majorText(qint64 minor)
{
    const QLocale locale = displayLocale();
    const qint64 magnitude = minor < 0 ? -minor : minor;
    const QString text = locale.toString(magnitude / 100) + locale.decimalPoint()
        + QStringLiteral("%1").arg(magnitude % 100, 2, 10, QLatin1Char('0'));
    return minor < 0 ? locale.negativeSign() + text : text;
}

void PricingLinesModel::setLines(const QList<PricingLine>& lines)
{
    beginResetModel();
    m_lines = lines;
    m_errors.clear();
    m_totals = Proposal::computeTotals(m_lines);
    endResetModel();
    emit linesChanged();
}

void PricingLinesModel::setCurrency(const QString& currency)
{
    if (currency == m_currency)
        return;
    m_currency = currency;
    if (!m_lines.isEmpty())
        emit dataChanged(index(0, UnitPrice), index(rowCount() - 1, LineTotal));
}

void PricingLinesModel::setReadOnly(bool readOnly)
{
    m_readOnly = readOnly;
}

QString PricingLinesModel::fieldName(int column)
{
    switch (column) {
    case Item:
        return QStringLiteral("item");
    case Quantity:
        return QStringLiteral("quantity");
    case UnitPrice:
        return QStringLiteral("unitPrice");
    case TaxRate:
        return QStringLiteral("taxRate");
    default:
        return {};
    }
}

void PricingLinesModel::setErrors(const FieldErrors& errors)
{
    m_errors.clear();
    for (const FieldError& error : errors) {
        if (error.field.startsWith(QLatin1String("lines.")))
            m_errors.insert(error.field, error.message);
    }
    if (!m_lines.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int PricingLinesModel::addLine(const PricingLine& line)
{
    const int row = rowCount();
    beginInsertRows({}, row, row);
    m_lines.append(line);
    m_totals = Proposal::computeTotals(m_lines);
    endInsertRows();
    emit linesChanged();
    return row;
}

void PricingLinesModel::removeLine(int row)
{
    if (row < 0 || row >= rowCount())
        return;
    beginRemoveRows({}, row, row);
    m_lines.removeAt(row);
    m_totals = Proposal::computeTotals(m_lines);
    endRemoveRows();
    // Error keys name rows by number, which have just shifted.
    m_errors.clear();
    emit linesChanged();
}

void PricingLinesModel::moveLine(int from, int to)
{
    if (from < 0 || from >= rowCount() || to < 0 || to >= rowCount() || from == to)
        return;
    // beginMoveRows wants the row the item lands before, in the old numbering.
    if (!beginMoveRows({}, from, from, {}, to > from ? to + 1 : to))
        return;
    m_lines.move(from, to);
    m_totals = Proposal::computeTotals(m_lines);
    endMoveRows();
    m_errors.clear();
    emit linesChanged();
}

int PricingLinesModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_lines.size());
}

int PricingLinesModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PricingLinesModel::displayValue(int row, int column) const
{
    const PricingLine& line = m_lines.at(row);
    switch (column) {
    case Item:
        return line.item;
    case Quantity:
        return PricingLine::formatQuantity(line.quantityMilli);
    case UnitPrice:
        return Money::format(line.unitPriceMinor, m_currency, true);
    case TaxRate:
        return PricingLine::formatTaxRate(line.taxRateBasisPoints);
    case LineTotal:
        if (m_totals.overflow)
            return tr("Too large");
        return Money::format(m_totals.lines.value(row).netMinor, m_currency, true);
    default:
        return {};
    }
}

QVariant PricingLinesModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const int column = index.column();
    const PricingLine& line = m_lines.at(row);
    const QString error = m_errors.value(QStringLiteral("lines.%1.%2").arg(row).arg(fieldName(column)));
    switch (role) {
    case Qt::DisplayRole:
        return displayValue(row, column);
    case Qt::EditRole:
        switch (column) {
        case Item:
            return line.item;
        case Quantity:
            return PricingLine::formatQuantity(line.quantityMilli);
        case UnitPrice:
            return majorText(line.unitPriceMinor);
        case TaxRate:
            return PricingLine::formatTaxRate(line.taxRateBasisPoints);
        default:
            return displayValue(row, column);
        }
    case RawValueRole:
        switch (column) {
        case Item:
            return line.item;
        case Quantity:
            return line.quantityMilli;
        case UnitPrice:
            return line.unitPriceMinor;
        case TaxRate:
            return line.taxRateBasisPoints;
        case LineTotal:
            return m_totals.lines.value(row).netMinor;
        default:
            return {};
        }
    case ErrorRole:
        return error;
    case Qt::ToolTipRole:
        if (!error.isEmpty())
            return error;
        if (column == UnitPrice)
            return tr("Price of one unit, before tax");
        if (column == LineTotal)
            return tr("Quantity × unit price, before tax");
        return {};
    case Qt::BackgroundRole:
        if (!error.isEmpty()) {
            QColor danger = Theme::instance()->color(QStringLiteral("danger"));
            if (!danger.isValid())
                danger = QColor(0xdc, 0x26, 0x26);
            danger.setAlpha(40);
            return danger;
        }
        return {};
    case Qt::TextAlignmentRole:
        if (column != Item)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
}

bool PricingLinesModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (role != Qt::EditRole || m_readOnly
        || !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return false;
    }
    PricingLine& line = m_lines[index.row()];
    const QString text = value.toString();
    PricingLine before = line;
    switch (index.column()) {
    case Item:
        line.item = text.simplified();
        break;
    case Quantity:
        if (!parseQuantity(text, &line.quantityMilli)) {
            emit inputRejected(tr("Type a quantity such as 1, 2.5 or 40."));
            return false;
        }
        break;
    case UnitPrice:
        if (!parsePrice(text, &line.unitPriceMinor)) {
            emit inputRejected(tr("Type a price such as 1,250.00 (no minus sign)."));
            return false;
        }
        break;
    case TaxRate:
        if (!parseTaxRate(text, &line.taxRateBasisPoints)) {
            emit inputRejected(tr("Type a tax rate between 0 and 100, such as 19 or 7.5."));
            return false;
        }
        break;
    default:
        return false;
    }
    if (line == before)
        return true;
    m_errors.remove(QStringLiteral("lines.%1.%2").arg(index.row()).arg(fieldName(index.column())));
    const bool overflowBefore = m_totals.overflow;
    m_totals = Proposal::computeTotals(m_lines);
    emit dataChanged(this->index(index.row(), 0), this->index(index.row(), ColumnCount - 1));
    // Other lines' totals only change when the sum starts or stops overflowing ("Too large").
    if (overflowBefore != m_totals.overflow)
        emit dataChanged(this->index(0, LineTotal), this->index(rowCount() - 1, LineTotal));
    emit linesChanged();
    return true;
}

Qt::ItemFlags PricingLinesModel::flags(const QModelIndex& index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() != LineTotal && !m_readOnly)
        flags |= Qt::ItemIsEditable;
    return flags;
}

QVariant PricingLinesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Item:
        return tr("Item");
    case Quantity:
        return tr("Quantity");
    case UnitPrice:
        return tr("Unit price");
    case TaxRate:
        return tr("Tax %");
    case LineTotal:
        return tr("Line total");
    default:
        return {};
    }
}
