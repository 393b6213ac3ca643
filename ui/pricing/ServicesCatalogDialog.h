#pragma once

#include "models/FieldError.h"
#include "models/pricing/ServiceOffering.h"

#include <QDialog>

class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QStackedWidget;
class QTableView;
class QUndoStack;
class ServiceAddForm;
class ServiceCatalogModel;
class ServiceCatalogStore;
class ServiceTextTester;

// "Services & prices": the org's price list, edited in place, with a box to test which services a text matches.
// Every change is saved at once and undoable (the window's undo stack, also from the dialog's Undo button / Ctrl+Z).
class ServicesCatalogDialog : public QDialog
{
    Q_OBJECT

public:
    ServicesCatalogDialog(ServiceCatalogStore* store, QUndoStack* undoStack, QWidget* parent = nullptr);

    // Shows the dialog without blocking; an open one for the same store is raised instead of opening a second.
    static ServicesCatalogDialog* showFor(ServiceCatalogStore* store, QUndoStack* undoStack, QWidget* parent);

    void reload();
    void deleteSelected();

    ServiceCatalogModel* model() const { return m_model; }
    QTableView* table() const { return m_table; }
    ServiceAddForm* addForm() const { return m_addForm; }
    ServiceTextTester* tester() const { return m_tester; }
    QString message() const;

signals:
    // After every read of the price list reached the table (tests wait on it).
    void loaded();

private:
    QWidget* buildEmptyState();
    void add(const ServiceOffering& service);
    void showMessage(const QString& text);
    void showValidation(const FieldError& error);
    void updateActions();

    ServiceCatalogStore* m_store;
    QUndoStack* m_undoStack;
    ServiceCatalogModel* m_model;
    QSortFilterProxyModel* m_proxy;
    ServiceAddForm* m_addForm;
    QStackedWidget* m_pages;
    QTableView* m_table;
    QPushButton* m_delete;
    QPushButton* m_undo;
    QPushButton* m_examples;
    QLabel* m_message;
    ServiceTextTester* m_tester;
    QString m_currency;
    bool m_firstLoad = true;
};
