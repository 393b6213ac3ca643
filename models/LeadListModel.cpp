#include "models/LeadListModel.h"

#include "models/Money.h"
#include "models/RelativeTime.h"

#include <QLocale>
#include <QMimeData>
#include <QTimer>

LeadListModel::LeadListModel(LeadListSource* source, QObject* parent)
    : QAbstractTableModel(parent)
    , m_source(source)
{
    connect(source, &LeadListSource::leadsUpserted, this, &LeadListModel::onUpserted);
    connect(source, &LeadListSource::leadsRemoved, this, &LeadListModel::onRemoved);
    connect(source, &LeadListSource::leadsReset, this, &LeadListModel::reload);
}

void LeadListModel::setFilter(const LeadFilter& filter)
{
    if (filter == m_filter && m_generation > 0)
        return;
    m_filter = filter;
    reload();
}

void LeadListModel::reload()
{
    ++m_generation;
    beginResetModel();
    m_rows.clear();
    m_ids.clear();
    m_total = 0;
    m_offset = 0;
    endResetModel();
    setFetching(false);
    requestPage(0);
}

int LeadListModel::rowOf(const QString& id) const
{
    if (!m_ids.contains(id))
        return -1;
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).id == id)
            return row;
    }
    return -1;
}

int LeadListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int LeadListModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LeadListModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Lead& lead = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayValue(lead, index.column());
    case Qt::ToolTipRole:
        return index.column() == Tags ? QVariant(lead.tagsText()) : QVariant();
    case Qt::TextAlignmentRole:
        return index.column() == Value || index.column() == Heat ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case IdRole:
        return lead.id;
    case RawValueRole:
        return rawValue(lead, index.column());
    case LeadRole:
        return QVariant::fromValue(lead);
    default:
        return {};
    }
}

QVariant LeadListModel::displayValue(const Lead& lead, int column) const
{
    switch (column) {
    case Name:
        return lead.name;
    case Company:
        return lead.company;
    case Status:
        return m_stageNames.value(lead.status, lead.status);
    case Value:
        return lead.valueMinor ? Money::format(lead.valueMinor, lead.currency) : QString();
    case Heat:
        return lead.dealHeat >= 0 ? QString::number(lead.dealHeat) : QString();
    case Tags:
        return lead.tagsText();
    case Source:
        return lead.source;
    case Industry:
        return lead.industry;
    case Email:
        return lead.email;
    case Phone:
        return lead.phone.isEmpty() ? lead.phoneRaw : lead.phone;
    case LastContacted:
        return RelativeTime::since(lead.lastContactedAt);
    case Updated:
        return QLocale().toString(lead.updatedAt.toLocalTime(), QLocale::ShortFormat);
    default:
        return {};
    }
}

QVariant LeadListModel::rawValue(const Lead& lead, int column) const
{
    switch (column) {
    case Value:
        return lead.valueMinor;
    case Heat:
        return lead.dealHeat;
    case LastContacted:
        return lead.lastContactedAt.isValid() ? lead.lastContactedAt.toMSecsSinceEpoch() : qint64(0);
    case Updated:
        return lead.updatedAt.toMSecsSinceEpoch();
    case Status:
        return lead.status;
    default:
        return displayValue(lead, column);
    }
}

QVariant LeadListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Name");
    case Company:
        return tr("Company");
    case Status:
        return tr("Stage");
    case Value:
        return tr("Value");
    case Heat:
        return tr("Heat");
    case Tags:
        return tr("Tags");
    case Source:
        return tr("Source");
    case Industry:
        return tr("Industry");
    case Email:
        return tr("Email");
    case Phone:
        return tr("Phone");
    case LastContacted:
        return tr("Last contact");
    case Updated:
        return tr("Updated");
    default:
        return {};
    }
}

Qt::ItemFlags LeadListModel::flags(const QModelIndex& index) const
{
    Qt::ItemFlags result = QAbstractTableModel::flags(index);
    if (index.isValid())
        result |= Qt::ItemIsDragEnabled;
    else if (!m_filter.status.isEmpty())
        result |= Qt::ItemIsDropEnabled;
    return result;
}

bool LeadListModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && !m_fetching && m_rows.size() < m_total;
}

void LeadListModel::fetchMore(const QModelIndex& parent)
{
    if (canFetchMore(parent))
        requestPage(m_offset);
}

void LeadListModel::sort(int column, Qt::SortOrder order)
{
    LeadFilter next = m_filter;
    switch (column) {
    case Name:
        next.sortKey = LeadFilter::SortKey::Name;
        break;
    case Company:
        next.sortKey = LeadFilter::SortKey::Company;
        break;
    case Status:
        next.sortKey = LeadFilter::SortKey::Status;
        break;
    case Value:
        next.sortKey = LeadFilter::SortKey::Value;
        break;
    case Heat:
        next.sortKey = LeadFilter::SortKey::Heat;
        break;
    case LastContacted:
        next.sortKey = LeadFilter::SortKey::LastContacted;
        break;
    default:
        next.sortKey = LeadFilter::SortKey::Updated;
        break;
    }
    next.descending = order == Qt::DescendingOrder;
    if (m_generation == 0) {
        m_filter = next; // views sort on attach; load only once a filter is set
        return;
    }
    setFilter(next);
}

void LeadListModel::requestPage(int offset)
{
    if (!m_source)
        return;
    setFetching(true);
    const quint64 generation = m_generation;
    m_source->fetchPage(m_filter, offset, m_pageSize, this,
        [this, generation, offset](const LeadPage& page) { applyPage(generation, offset, page); });
}

void LeadListModel::applyPage(quint64 generation, int offset, const LeadPage& page)
{
    if (generation != m_generation)
        return; // an answer for a filter that is no longer shown
    // Rows up to offset + size are loaded now, unless a loaded row changed meanwhile (see onLoadedRowChanged): then
    // the page may have skipped a row, and the next one starts from the lowered m_offset (duplicates are dropped).
    if (m_offset == offset)
        m_offset = offset + static_cast<int>(page.leads.size());
    QList<Lead> fresh;
    fresh.reserve(page.leads.size());
    for (const Lead& lead : page.leads) {
        if (!m_ids.contains(lead.id))
            fresh.append(lead);
    }
    if (!fresh.isEmpty()) {
        const int first = static_cast<int>(m_rows.size());
        beginInsertRows({}, first, first + static_cast<int>(fresh.size()) - 1);
        for (const Lead& lead : std::as_const(fresh)) {
            m_ids.insert(lead.id);
            m_rows.append(lead);
        }
        endInsertRows();
    }
    m_total = std::max(page.total, static_cast<int>(m_rows.size()));
    m_valueTotals = page.valueTotals;
    setFetching(false);
    emit totalsChanged();
}

void LeadListModel::onUpserted(const QList<Lead>& leads)
{
    for (const Lead& lead : leads) {
        const int row = rowOf(lead.id);
        const bool belongs = m_filter.matches(lead);
        if (row >= 0)
            onLoadedRowChanged();
        if (row >= 0 && belongs) {
            m_rows[row] = lead;
            emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
        } else if (row >= 0) {
            beginRemoveRows({}, row, row);
            m_rows.removeAt(row);
            m_ids.remove(lead.id);
            endRemoveRows();
        } else if (belongs) {
            // New or newly matching rows appear on top, where the user expects the thing they just did.
            beginInsertRows({}, 0, 0);
            m_rows.prepend(lead);
            m_ids.insert(lead.id);
            endInsertRows();
        }
    }
    refreshTotals();
}

void LeadListModel::onRemoved(const QStringList& ids)
{
    for (const QString& id : ids) {
        const int row = rowOf(id);
        if (row < 0)
            continue;
        onLoadedRowChanged();
        beginRemoveRows({}, row, row);
        m_rows.removeAt(row);
        m_ids.remove(id);
        endRemoveRows();
    }
    refreshTotals();
}

void LeadListModel::onLoadedRowChanged()
{
    // A loaded lead that changes or goes may have been inside the loaded part of the source's order; the next page
    // starts one earlier so that nothing is skipped. Done before the row signals, which may already fetch more.
    m_offset = std::max(0, m_offset - 1);
}

void LeadListModel::refreshTotals()
{
    if (m_totalsQueued || !m_source)
        return;
    m_totalsQueued = true;
    // Coalesce a burst of changes into one count query.
    QTimer::singleShot(0, this, [this] {
        m_totalsQueued = false;
        const quint64 generation = m_generation;
        m_source->fetchPage(m_filter, 0, 0, this, [this, generation](const LeadPage& page) {
            if (generation != m_generation)
                return;
            m_total = std::max(page.total, static_cast<int>(m_rows.size()));
            m_valueTotals = page.valueTotals;
            emit totalsChanged();
        });
    });
}

void LeadListModel::setFetching(bool fetching)
{
    if (m_fetching == fetching)
        return;
    m_fetching = fetching;
    emit loadingChanged(fetching);
}

QStringList LeadListModel::mimeTypes() const
{
    return { QString::fromLatin1(kMimeType) };
}

QMimeData* LeadListModel::mimeData(const QModelIndexList& indexes) const
{
    QStringList ids;
    for (const QModelIndex& index : indexes) {
        const QString id = index.data(IdRole).toString();
        if (!id.isEmpty() && !ids.contains(id))
            ids.append(id);
    }
    auto* mime = new QMimeData;
    mime->setData(QString::fromLatin1(kMimeType), ids.join(QLatin1Char('\n')).toUtf8());
    return mime;
}

QStringList LeadListModel::idsFromMime(const QMimeData* data)
{
    if (!data || !data->hasFormat(QString::fromLatin1(kMimeType)))
        return {};
    return QString::fromUtf8(data->data(QString::fromLatin1(kMimeType))).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

Qt::DropActions LeadListModel::supportedDropActions() const
{
    return Qt::MoveAction;
}

bool LeadListModel::canDropMimeData(const QMimeData* data, Qt::DropAction, int, int, const QModelIndex&) const
{
    return !m_filter.status.isEmpty() && !idsFromMime(data).isEmpty();
}

bool LeadListModel::dropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
    const QModelIndex& parent)
{
    if (!canDropMimeData(data, action, row, column, parent))
        return false;
    QStringList moving;
    for (const QString& id : idsFromMime(data)) {
        const int existing = rowOf(id);
        if (existing < 0 || m_rows.at(existing).status != m_filter.status)
            moving.append(id);
    }
    if (!moving.isEmpty())
        emit statusDropRequested(moving, m_filter.status);
    return true;
}
