#include "models/pricing/ServiceCatalogModel.h"

#include "models/Money.h"
#include "models/pricing/ServiceOfferingRules.h"

#include <QHash>

ServiceCatalogModel::ServiceCatalogModel(QObject* parent)
    : QAbstractTableModel(parent)
{ }

int ServiceCatalogModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_services.size());
}

int ServiceCatalogModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

int ServiceCatalogModel::rowOf(const QString& id) const
{
    for (int row = 0; row < m_services.size(); ++row) {
        if (m_services.at(row).id == id)
            return row;
    }
    return -1;
}

void ServiceCatalogModel::setServices(const QList<ServiceOffering>& fresh)
{
    QHash<QString, ServiceOffering> byId;
    for (const ServiceOffering& service : fresh)
        byId.insert(service.id, service);

    // Rows that went away, from the bottom so that the row numbers above stay valid.
    for (int row = static_cast<int>(m_services.size()) - 1; row >= 0; --row) {
        if (!byId.contains(m_services.at(row).id)) {
            beginRemoveRows({}, row, row);
            m_services.removeAt(row);
            endRemoveRows();
        }
    }
    // Rows that changed stay where they are.
    for (int row = 0; row < m_services.size(); ++row) {
        const ServiceOffering& next = byId.value(m_services.at(row).id);
        if (!(next == m_services.at(row))) {
            m_services[row] = next;
            emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
        }
    }
    // New rows in the order of the fresh list, at the end (the table is sorted by a proxy).
    QList<ServiceOffering> added;
    for (const ServiceOffering& service : fresh) {
        if (rowOf(service.id) < 0)
            added.append(service);
    }
    if (!added.isEmpty()) {
        const int first = static_cast<int>(m_services.size());
        beginInsertRows({}, first, first + static_cast<int>(added.size()) - 1);
        m_services.append(added);
        endInsertRows();
    }
    // A name edit can make or clear a duplicate elsewhere.
    if (!m_services.isEmpty())
        emit dataChanged(index(0, Name), index(rowCount() - 1, Name), { Qt::ToolTipRole, DuplicateNameRole });
}

QString ServiceCatalogModel::priceEditText(qint64 minor)
{
    return QStringLiteral("%1.%2").arg(minor / 100).arg(minor % 100, 2, 10, QLatin1Char('0'));
}

bool ServiceCatalogModel::parsePrice(const QString& text, qint64* minor, QString* error)
{
    if (text.trimmed().startsWith(QLatin1Char('-'))) {
        *error = tr("The price cannot be negative.");
        return false;
    }
    if (!Money::parse(text, minor)) {
        *error = tr("Enter the price as a number, such as 1200 or 1,200.50.");
        return false;
    }
    return true;
}

QVariant ServiceCatalogModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_services.size())
        return {};
    const ServiceOffering& s = m_services.at(index.row());
    const int column = index.column();
    switch (role) {
    case IdRole:
        return s.id;
    case DuplicateNameRole:
        return ServiceOfferingRules::hasDuplicateName(m_services, s);
    case Qt::DisplayRole:
        switch (column) {
        case Name:
            return s.name;
        case Price:
            return Money::format(s.priceMinor, s.currency, true);
        case Keywords:
            return ServiceOfferingRules::joinKeywords(s.keywords);
        case Active:
            return s.active ? tr("Active") : tr("Paused");
        default:
            return {};
        }
    case Qt::EditRole:
        switch (column) {
        case Name:
            return s.name;
        case Price:
            return priceEditText(s.priceMinor);
        case Keywords:
            return ServiceOfferingRules::joinKeywords(s.keywords);
        case Active:
            return s.active;
        default:
            return {};
        }
    case RawValueRole:
        switch (column) {
        case Name:
            return s.name.toLower();
        case Price:
            return s.priceMinor;
        case Keywords:
            return ServiceOfferingRules::joinKeywords(s.keywords);
        case Active:
            return s.active ? 1 : 0;
        default:
            return {};
        }
    case Qt::CheckStateRole:
        return column == Active ? QVariant(s.active ? Qt::Checked : Qt::Unchecked) : QVariant();
    case Qt::TextAlignmentRole:
        return column == Price ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case Qt::ToolTipRole:
        if (column == Name && ServiceOfferingRules::hasDuplicateName(m_services, s))
            return tr("Another service is also called “%1”; both are counted when their keywords match.").arg(s.name);
        if (column == Keywords)
            return tr("Words or phrases a client says when they want this service, separated by commas.");
        if (column == Active)
            return tr("Paused services are kept but not used to estimate deal values.");
        return {};
    default:
        return {};
    }
}

bool ServiceCatalogModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (!index.isValid() || index.row() >= m_services.size())
        return false;
    const ServiceOffering before = m_services.at(index.row());
    ServiceOffering after = before;
    const int column = index.column();
    if (column == Active && role == Qt::CheckStateRole) {
        after.active = value.toInt() == Qt::Checked;
    } else if (role != Qt::EditRole) {
        return false;
    } else if (column == Name) {
        after.name = value.toString().trimmed();
    } else if (column == Price) {
        QString error;
        if (!parsePrice(value.toString(), &after.priceMinor, &error)) {
            emit validationFailed({ QStringLiteral("price"), error });
            return false;
        }
    } else if (column == Keywords) {
        after.keywords = ServiceOfferingRules::parseKeywords(value.toString());
    } else if (column == Active) {
        after.active = value.toBool();
    } else {
        return false;
    }
    const FieldErrors errors = ServiceOfferingRules::validate(after);
    if (!errors.isEmpty()) {
        emit validationFailed(errors.first());
        return false;
    }
    if (after == before)
        return true;
    m_services[index.row()] = after;
    emit dataChanged(this->index(index.row(), 0), this->index(index.row(), ColumnCount - 1));
    if (column == Name && !m_services.isEmpty())
        emit dataChanged(
            this->index(0, Name), this->index(rowCount() - 1, Name), { Qt::ToolTipRole, DuplicateNameRole });
    emit editRequested(before, after);
    return true;
}

QVariant ServiceCatalogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name:
        return tr("Service");
    case Price:
        return tr("Price");
    case Keywords:
        return tr("Keywords");
    case Active:
        return tr("Used");
    default:
        return {};
    }
}

Qt::ItemFlags ServiceCatalogModel::flags(const QModelIndex& index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
    if (index.column() == Active)
        flags |= Qt::ItemIsUserCheckable;
    else
        flags |= Qt::ItemIsEditable;
    return flags;
}
