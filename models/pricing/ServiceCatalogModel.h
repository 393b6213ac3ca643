#pragma once

#include "models/FieldError.h"
#include "models/pricing/ServiceOffering.h"

#include <QAbstractTableModel>

// The price list as a table: name, price (major units with currency), keywords (comma list), active.
// Edits are validated here (ServiceOfferingRules); a valid edit shows at once and is announced with editRequested so
// the owner can save it as an undoable command. setServices() merges a fresh read by id with precise row signals.
class ServiceCatalogModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Name, Price, Keywords, Active, ColumnCount };
    enum Role {
        IdRole = Qt::UserRole + 1,
        RawValueRole, // sortable value: price in minor units, active as 0/1, text otherwise
        DuplicateNameRole, // true when another service has the same name
    };

    explicit ServiceCatalogModel(QObject* parent = nullptr);

    void setServices(const QList<ServiceOffering>& services);
    const QList<ServiceOffering>& services() const { return m_services; }
    ServiceOffering service(int row) const { return m_services.value(row); }
    int rowOf(const QString& id) const;

    // "1200.50": how a price is shown in its editor.
    static QString priceEditText(qint64 minor);
    // Parses a price typed by the user; on failure returns false and a message for the user.
    static bool parsePrice(const QString& text, qint64* minor, QString* error);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

signals:
    // A valid edit of one service (already shown); before/after are whole rows.
    void editRequested(const ServiceOffering& before, const ServiceOffering& after);
    // An edit that was refused, with the reason (shown next to the table).
    void validationFailed(const FieldError& error);

private:
    QList<ServiceOffering> m_services;
};
