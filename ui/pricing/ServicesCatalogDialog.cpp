#include "ui/pricing/ServicesCatalogDialog.h"

#include "models/pricing/ServiceCatalogModel.h"
#include "models/pricing/ServiceOfferingRules.h"
#include "services/pricing/ServiceCatalogStore.h"
#include "ui/pricing/ServiceAddForm.h"
#include "ui/pricing/ServiceCatalogDelegate.h"
#include "ui/pricing/ServiceChangeCommand.h"
#include "ui/pricing/ServiceTextTester.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QTableView>
#include <QUndoStack>
#include <QVBoxLayout>

ServicesCatalogDialog::ServicesCatalogDialog(ServiceCatalogStore* store, QUndoStack* undoStack, QWidget* parent)
    : QDialog(parent)
    , m_store(store)
    , m_undoStack(undoStack)
    , m_model(new ServiceCatalogModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_addForm(new ServiceAddForm(this))
    , m_pages(new QStackedWidget(this))
    , m_table(new QTableView(this))
    , m_delete(new QPushButton(QIcon(QStringLiteral(":/icons/trash.svg")), tr("Delete"), this))
    , m_undo(new QPushButton(tr("Undo"), this))
    , m_examples(new QPushButton(tr("Add example services"), this))
    , m_message(new QLabel(this))
    , m_tester(new ServiceTextTester(this))
{
    setObjectName(QStringLiteral("ServicesCatalogDialog"));
    setWindowTitle(tr("Services & prices"));
    resize(820, 640);

    auto* intro = new QLabel(tr("The services you sell, with the words clients use when they want them. Deal values "
                                "are estimated by finding these keywords in a lead's notes, timeline and calls."),
        this);
    intro->setWordWrap(true);

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(ServiceCatalogModel::RawValueRole);
    m_table->setObjectName(QStringLiteral("servicesTable"));
    m_table->setModel(m_proxy);
    m_table->setItemDelegate(new ServiceCatalogDelegate(m_table));
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(ServiceCatalogModel::Name, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(
        QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed | QAbstractItemView::AnyKeyPressed);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(ServiceCatalogModel::Name, QHeaderView::Interactive);
    m_table->horizontalHeader()->setSectionResizeMode(ServiceCatalogModel::Keywords, QHeaderView::Stretch);
    m_table->setColumnWidth(ServiceCatalogModel::Name, 220);
    m_table->setColumnWidth(ServiceCatalogModel::Price, 120);

    m_pages->addWidget(buildEmptyState());
    m_pages->addWidget(m_table);

    m_delete->setObjectName(QStringLiteral("deleteServiceButton"));
    m_delete->setToolTip(tr("Delete the selected services (Del); Undo brings them back"));
    m_undo->setObjectName(QStringLiteral("servicesUndoButton"));
    m_message->setObjectName(QStringLiteral("FieldError")); // styled by the theme
    m_message->setWordWrap(true);
    m_message->hide();

    auto* deleteAction = new QAction(tr("Delete service"), this);
    deleteAction->setShortcut(QKeySequence::Delete);
    deleteAction->setShortcutContext(Qt::WidgetShortcut);
    m_table->addAction(deleteAction);
    connect(deleteAction, &QAction::triggered, this, &ServicesCatalogDialog::deleteSelected);
    connect(m_delete, &QPushButton::clicked, this, &ServicesCatalogDialog::deleteSelected);

    // The window's Ctrl+Z does not reach a separate dialog window, so the dialog has its own.
    auto* undoAction = new QAction(tr("Undo"), this);
    undoAction->setShortcut(QKeySequence::Undo);
    addAction(undoAction);
    auto* redoAction = new QAction(tr("Redo"), this);
    redoAction->setShortcuts({ QKeySequence::Redo, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z) });
    addAction(redoAction);
    connect(undoAction, &QAction::triggered, m_undoStack, &QUndoStack::undo);
    connect(redoAction, &QAction::triggered, m_undoStack, &QUndoStack::redo);
    connect(m_undo, &QPushButton::clicked, m_undoStack, &QUndoStack::undo);
    connect(m_undoStack, &QUndoStack::canUndoChanged, this, &ServicesCatalogDialog::updateActions);
    connect(m_undoStack, &QUndoStack::undoTextChanged, this, &ServicesCatalogDialog::updateActions);
    connect(
        m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &ServicesCatalogDialog::updateActions);

    connect(m_addForm, &ServiceAddForm::addRequested, this, &ServicesCatalogDialog::add);
    connect(m_model, &ServiceCatalogModel::validationFailed, this, &ServicesCatalogDialog::showValidation);
    connect(m_model, &ServiceCatalogModel::editRequested, this,
        [this](const ServiceOffering& before, const ServiceOffering& after) {
            m_message->hide();
            if (ServiceOfferingRules::hasDuplicateName(m_model->services(), after)
                && before.name.compare(after.name, Qt::CaseInsensitive) != 0) {
                showMessage(tr("Another service is also called “%1”; both are counted when their keywords match.")
                                .arg(after.name));
            }
            m_undoStack->push(new ServiceChangeCommand(m_store, before, after));
        });
    connect(m_examples, &QPushButton::clicked, this, [this] {
        m_examples->setEnabled(false);
        m_store->addExamples(this, [this](const ServiceCatalogWriteOutcome& outcome) {
            m_examples->setEnabled(true);
            if (outcome.ok)
                showMessage(tr("Added %n example service(s). Change their prices to yours.", nullptr,
                    static_cast<int>(outcome.changed.size())));
        });
    });
    connect(m_store, &ServiceCatalogStore::servicesChanged, this, &ServicesCatalogDialog::reload);
    connect(m_store, &ServiceCatalogStore::writeFailed, this, [this](const QString& error) {
        showMessage(tr("Could not save the price list: %1").arg(error));
        reload(); // show what is stored
    });

    auto* testBox = new QGroupBox(tr("Test text"), this);
    auto* testLayout = new QVBoxLayout(testBox);
    testLayout->addWidget(m_tester);

    auto* actions = new QHBoxLayout;
    actions->addWidget(m_delete);
    actions->addWidget(m_undo);
    actions->addStretch();
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setObjectName(QStringLiteral("servicesCloseButton"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_addForm);
    layout->addWidget(m_pages, 1);
    layout->addLayout(actions);
    layout->addWidget(m_message);
    layout->addWidget(testBox);
    layout->addWidget(buttons);

    // Enter in the add form adds (returnPressed), and in a cell commits it: no button may take Enter as well.
    for (QPushButton* button : findChildren<QPushButton*>()) {
        button->setAutoDefault(false);
        button->setDefault(false);
    }

    updateActions();
    reload();
}

ServicesCatalogDialog* ServicesCatalogDialog::showFor(
    ServiceCatalogStore* store, QUndoStack* undoStack, QWidget* parent)
{
    static QPointer<ServicesCatalogDialog> open;
    if (!open || open->m_store != store) {
        open = new ServicesCatalogDialog(store, undoStack, parent ? parent->window() : nullptr);
        open->setAttribute(Qt::WA_DeleteOnClose);
    }
    open->show();
    open->raise();
    open->activateWindow();
    return open;
}

QWidget* ServicesCatalogDialog::buildEmptyState()
{
    auto* page = new QWidget(this);
    page->setObjectName(QStringLiteral("servicesEmptyState"));
    auto* title = new QLabel(tr("No services yet"), page);
    title->setObjectName(QStringLiteral("EmptyStateTitle"));
    title->setAlignment(Qt::AlignCenter);
    auto* text = new QLabel(tr("Add the services you sell above, with their price and the words clients use when "
                               "they want them. Or start from a few example services and change them to yours."),
        page);
    text->setObjectName(QStringLiteral("EmptyStateText"));
    text->setAlignment(Qt::AlignCenter);
    text->setWordWrap(true);
    m_examples->setObjectName(QStringLiteral("addExampleServicesButton"));
    m_examples->setParent(page);

    auto* layout = new QVBoxLayout(page);
    layout->addStretch();
    layout->addWidget(title);
    layout->addWidget(text);
    layout->addWidget(m_examples, 0, Qt::AlignHCenter);
    layout->addStretch();
    return page;
}

void ServicesCatalogDialog::reload()
{
    m_store->list(this, [this](const ServiceCatalogListing& listing) {
        m_currency = listing.orgCurrency;
        m_model->setServices(listing.services);
        m_addForm->setContext(listing.orgCurrency, listing.services);
        m_tester->setServices(listing.services, listing.orgCurrency);
        m_pages->setCurrentIndex(listing.services.isEmpty() ? 0 : 1);
        if (m_firstLoad) {
            m_firstLoad = false;
            m_addForm->focusName();
        }
        updateActions();
        emit loaded();
    });
}

void ServicesCatalogDialog::add(const ServiceOffering& service)
{
    m_message->hide();
    m_undoStack->push(new ServiceChangeCommand(m_store, std::nullopt, service));
}

void ServicesCatalogDialog::deleteSelected()
{
    QList<ServiceOffering> selected;
    for (const QModelIndex& index : m_table->selectionModel()->selectedRows())
        selected.append(m_model->service(m_proxy->mapToSource(index).row()));
    if (selected.isEmpty()) {
        showMessage(tr("Select the services to delete first."));
        return;
    }
    if (selected.size() > 1)
        m_undoStack->beginMacro(tr("Delete %n service(s)", nullptr, static_cast<int>(selected.size())));
    for (const ServiceOffering& service : std::as_const(selected))
        m_undoStack->push(new ServiceChangeCommand(m_store, service, std::nullopt));
    if (selected.size() > 1)
        m_undoStack->endMacro();
    showMessage(selected.size() == 1
            ? tr("Deleted “%1”. Undo (Ctrl+Z) brings it back.").arg(selected.first().name)
            : tr("Deleted %n services. Undo (Ctrl+Z) brings them back.", nullptr, static_cast<int>(selected.size())));
}

QString ServicesCatalogDialog::message() const
{
    return m_message->isVisible() ? m_message->text() : QString();
}

void ServicesCatalogDialog::showMessage(const QString& text)
{
    m_message->setText(text);
    m_message->show();
}

void ServicesCatalogDialog::showValidation(const FieldError& error)
{
    showMessage(error.message);
}

void ServicesCatalogDialog::updateActions()
{
    m_delete->setEnabled(m_table->selectionModel()->hasSelection());
    m_undo->setEnabled(m_undoStack->canUndo());
    m_undo->setToolTip(m_undoStack->canUndo() ? m_undoStack->undoText() : QString());
}
