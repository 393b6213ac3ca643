#include "ui/sync/ConflictsDialog.h"

#include "services/leads/LeadStore.h"
#include "services/sync/SyncEngine.h"
#include "ui/sync/ConflictListModel.h"
#include "ui/sync/RejectedChangesPanel.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

ConflictsDialog::ConflictsDialog(SyncEngine* engine, LeadStore* leads, QWidget* parent)
    : QDialog(parent)
    , m_engine(engine)
    , m_leads(leads)
    , m_model(new ConflictListModel(this))
    , m_stack(new QStackedWidget(this))
    , m_table(new QTableView(this))
    , m_empty(new QLabel(this))
    , m_status(new QLabel(this))
    , m_keepMine(new QPushButton(tr("Keep &mine"), this))
    , m_keepServer(new QPushButton(tr("Keep &server’s"), this))
    , m_rejected(new RejectedChangesPanel(engine, this))
{
    setObjectName(QStringLiteral("ConflictsDialog"));
    setWindowTitle(tr("Sync conflicts"));
    auto* intro = new QLabel(tr("You and someone else changed these fields while apart. The leads show the "
                                "server’s value now; keep yours to send it to everyone instead."),
        this);
    intro->setWordWrap(true);
    m_table->setObjectName(QStringLiteral("conflictsTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_empty->setObjectName(QStringLiteral("EmptyStateText"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setText(tr("No conflicts. When you and a colleague change the same field while one of you is offline, "
                        "it shows up here for you to decide."));
    m_stack->addWidget(m_table);
    m_stack->addWidget(m_empty);
    m_status->setObjectName(QStringLiteral("conflictsStatusLabel"));
    m_status->setWordWrap(true);
    m_keepMine->setObjectName(QStringLiteral("keepMineButton"));
    m_keepServer->setObjectName(QStringLiteral("keepServerButton"));
    connect(m_keepMine, &QPushButton::clicked, this, &ConflictsDialog::keepMine);
    connect(m_keepServer, &QPushButton::clicked, this, &ConflictsDialog::keepServer);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &ConflictsDialog::updateActions);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* actions = new QHBoxLayout;
    actions->addWidget(m_status, 1);
    actions->addWidget(m_keepServer);
    actions->addWidget(m_keepMine);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_stack, 1);
    layout->addLayout(actions);
    layout->addWidget(m_rejected);
    layout->addWidget(buttons);
    resize(760, 420);

    if (m_engine)
        connect(m_engine, &SyncEngine::conflictsChanged, this, &ConflictsDialog::reload);
    reload();
}

bool ConflictsDialog::showsEmptyState() const
{
    return m_stack->currentWidget() == m_empty;
}

void ConflictsDialog::reload()
{
    m_model->setConflicts(m_engine ? m_engine->conflicts() : QList<SyncConflict>());
    m_stack->setCurrentWidget(m_model->rowCount() > 0 ? static_cast<QWidget*>(m_table) : m_empty);
    if (m_model->rowCount() > 0 && !m_table->selectionModel()->hasSelection())
        m_table->selectRow(0);
    updateActions();
    const QStringList ids = m_model->rowIds();
    if (ids.isEmpty() || !m_leads)
        return;
    m_leads->fetchLeads(ids, this, [this](const QList<Lead>& leads) {
        QHash<QString, QString> names;
        for (const Lead& lead : leads)
            names.insert(lead.id, lead.name);
        m_model->setLeadNames(names);
    });
}

void ConflictsDialog::updateActions()
{
    const bool chosen = m_table->selectionModel()->hasSelection() && m_running == 0;
    m_keepMine->setEnabled(chosen);
    m_keepServer->setEnabled(chosen);
}

void ConflictsDialog::keepMine()
{
    resolveSelected(true);
}

void ConflictsDialog::keepServer()
{
    resolveSelected(false);
}

void ConflictsDialog::resolveSelected(bool mine)
{
    if (!m_engine)
        return;
    QList<qint64> ids;
    for (const QModelIndex& index : m_table->selectionModel()->selectedRows())
        ids.append(index.data(ConflictListModel::ConflictIdRole).toLongLong());
    if (ids.isEmpty())
        return;
    m_running += int(ids.size());
    updateActions();
    auto errors = std::make_shared<QStringList>();
    for (const qint64 id : std::as_const(ids)) {
        m_engine->resolve(id, mine ? Sync::Resolution::PickLocal : Sync::Resolution::PickServer, this,
            [this, errors, mine](const QString& error) {
                if (!error.isEmpty())
                    errors->append(error);
                if (--m_running > 0)
                    return;
                updateActions();
                const QString message = errors->isEmpty()
                    ? (mine ? tr("Your values are kept and sent to the server.") : tr("The server’s values are kept."))
                    : tr("Some conflicts could not be resolved: %1").arg(errors->join(QStringLiteral("; ")));
                m_status->setText(message);
                emit resolved(errors->isEmpty(), message);
            });
    }
}
