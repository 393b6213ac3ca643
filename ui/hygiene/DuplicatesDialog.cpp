#include "ui/hygiene/DuplicatesDialog.h"

#include "services/hygiene/HygieneStore.h"
#include "services/leads/LeadStore.h"
#include "ui/common/MessageBoxes.h"
#include "ui/hygiene/MergeCommand.h"
#include "ui/hygiene/MergeDialog.h"

#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QUndoStack>
#include <QVBoxLayout>

DuplicatesDialog::DuplicatesDialog(HygieneStore* hygiene, LeadStore* leads, QUndoStack* undoStack, QWidget* parent)
    : QDialog(parent)
    , m_hygiene(hygiene)
    , m_leads(leads)
    , m_undoStack(undoStack)
    , m_threshold(new QDoubleSpinBox(this))
    , m_scan(new QPushButton(tr("Scan again"), this))
    , m_progress(new QProgressBar(this))
    , m_status(new QLabel(this))
    , m_table(new QTableWidget(this))
    , m_merge(new QPushButton(tr("Review and merge…"), this))
{
    setObjectName(QStringLiteral("DuplicatesDialog"));
    setWindowTitle(tr("Duplicate leads"));
    m_threshold->setObjectName(QStringLiteral("fuzzyThreshold"));
    m_threshold->setRange(0.70, 1.00);
    m_threshold->setSingleStep(0.01);
    m_threshold->setDecimals(2);
    m_threshold->setValue(0.85);
    m_threshold->setToolTip(tr("How alike names and companies must be to count as possible duplicates"));
    m_scan->setObjectName(QStringLiteral("scanDuplicates"));
    m_progress->setObjectName(QStringLiteral("scanProgress"));
    m_progress->setRange(0, 100);
    m_status->setObjectName(QStringLiteral("duplicatesStatus"));
    m_table->setObjectName(QStringLiteral("duplicateGroups"));
    m_table->setColumnCount(4);
    m_table->setHorizontalHeaderLabels({ tr("Leads"), tr("Why"), tr("Match"), tr("Count") });
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_merge->setObjectName(QStringLiteral("reviewMerge"));
    m_merge->setProperty("primary", true);
    m_merge->setEnabled(false);

    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Similarity for names and companies:"), this));
    top->addWidget(m_threshold);
    top->addWidget(m_scan);
    top->addWidget(m_progress, 1);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_merge, QDialogButtonBox::ActionRole);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_status);
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);
    resize(960, 560);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_scan, &QPushButton::clicked, this, [this] {
        if (m_hygiene->isScanning())
            m_hygiene->cancelScan();
        else
            scan();
    });
    connect(m_table, &QTableWidget::itemSelectionChanged, this,
        [this] { m_merge->setEnabled(m_table->currentRow() >= 0 && !m_hygiene->isScanning()); });
    connect(m_table, &QTableWidget::cellDoubleClicked, this, [this](int row) { reviewRow(row); });
    connect(m_merge, &QPushButton::clicked, this, [this] { reviewRow(m_table->currentRow()); });
}

void DuplicatesDialog::setScanning(bool scanning)
{
    m_scan->setText(scanning ? tr("Cancel") : tr("Scan again"));
    m_progress->setVisible(scanning);
    m_threshold->setEnabled(!scanning);
    m_merge->setEnabled(!scanning && m_table->currentRow() >= 0);
}

void DuplicatesDialog::scan()
{
    DuplicateFinder::Options options;
    options.fuzzyThreshold = m_threshold->value();
    setScanning(true);
    m_progress->setValue(0);
    m_status->setText(tr("Looking for leads that are the same person or company…"));
    m_hygiene->scan(
        options, this, [this](int percent) { m_progress->setValue(percent); },
        [this](const QList<DuplicateCandidate>& candidates) {
            setScanning(false);
            showCandidates(candidates);
        });
}

void DuplicatesDialog::showCandidates(const QList<DuplicateCandidate>& candidates)
{
    m_candidates = candidates;
    m_table->setRowCount(static_cast<int>(candidates.size()));
    QStringList allIds;
    for (const DuplicateCandidate& candidate : candidates)
        allIds += candidate.leadIds;
    m_status->setText(candidates.isEmpty() ? tr("No duplicates found. Your leads are clean.")
                                           : tr("%n group(s) of possible duplicates.", nullptr,
                                                 static_cast<int>(candidates.size())));
    for (int row = 0; row < candidates.size(); ++row) {
        const DuplicateCandidate& candidate = candidates.at(row);
        m_table->setItem(row, 0, new QTableWidgetItem(tr("Loading…")));
        m_table->setItem(row, 1, new QTableWidgetItem(candidate.reason));
        m_table->setItem(row, 2, new QTableWidgetItem(QStringLiteral("%1%").arg(qRound(candidate.score * 100))));
        m_table->setItem(row, 3, new QTableWidgetItem(QString::number(candidate.leadIds.size())));
    }
    // Names for the visible groups, in one read.
    if (allIds.size() > 5000)
        allIds = allIds.mid(0, 5000);
    m_leads->fetchLeads(allIds, this, [this](const QList<Lead>& leads) {
        QHash<QString, QString> names;
        for (const Lead& lead : leads)
            names.insert(lead.id, lead.company.isEmpty() || lead.company == lead.name
                    ? lead.name
                    : QStringLiteral("%1 (%2)").arg(lead.name, lead.company));
        for (int row = 0; row < m_candidates.size() && row < m_table->rowCount(); ++row) {
            QStringList labels;
            for (const QString& id : m_candidates.at(row).leadIds)
                labels.append(names.value(id, tr("…")));
            m_table->item(row, 0)->setText(labels.join(QStringLiteral(" · ")));
        }
    });
}

void DuplicatesDialog::reviewRow(int row, bool mergeImmediately)
{
    if (row < 0 || row >= m_candidates.size())
        return;
    const DuplicateCandidate candidate = m_candidates.at(row);
    m_leads->fetchLeads(candidate.leadIds, this, [this, candidate, mergeImmediately](const QList<Lead>& found) {
        QList<Lead> leads;
        for (const Lead& lead : found) {
            if (!lead.deleted)
                leads.append(lead);
        }
        if (leads.size() < 2) {
            m_status->setText(tr("That group changed since the scan; scan again."));
            return;
        }
        MergeDialog dialog(leads, candidate.reason, this);
        if (!mergeImmediately && dialog.exec() != QDialog::Accepted)
            return;
        const MergeRequest request = dialog.request();
        m_undoStack->push(new MergeCommand(m_hygiene, request, dialog.masterName(), [this, request](const MergeResult& result) {
            if (!result.ok) {
                MessageBoxes::critical(this, tr("Not merged"), result.error);
                return;
            }
            for (int i = static_cast<int>(m_candidates.size()) - 1; i >= 0; --i) {
                const QStringList& ids = m_candidates.at(i).leadIds;
                if (ids.contains(request.masterId) || std::any_of(request.duplicateIds.cbegin(),
                        request.duplicateIds.cend(), [&ids](const QString& id) { return ids.contains(id); })) {
                    m_candidates.removeAt(i);
                    m_table->removeRow(i);
                }
            }
            m_status->setText(tr("Merged. Ctrl+Z in the main window undoes it."));
            emit leadRequested(request.masterId);
        }));
    });
}
