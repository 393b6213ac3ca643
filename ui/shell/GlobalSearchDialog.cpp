#include "ui/shell/GlobalSearchDialog.h"

#include "models/LeadListModel.h"

#include <QKeyEvent>
#include <QLineEdit>
#include <QListView>
#include <QVBoxLayout>

GlobalSearchDialog::GlobalSearchDialog(LeadListSource* source, QWidget* parent)
    : QDialog(parent, Qt::Popup | Qt::FramelessWindowHint)
    , m_model(new LeadListModel(source, this))
    , m_input(new QLineEdit(this))
    , m_results(new QListView(this))
{
    setObjectName(QStringLiteral("GlobalSearchDialog"));
    m_input->setObjectName(QStringLiteral("globalSearchInput"));
    m_input->setPlaceholderText(tr("Search leads by name, company, email, phone, notes or tags…"));
    m_input->setClearButtonEnabled(true);
    m_results->setObjectName(QStringLiteral("globalSearchResults"));
    m_results->setModel(m_model);
    m_results->setModelColumn(LeadListModel::Name);
    m_results->setUniformItemSizes(true);
    m_model->setPageSize(30);
    m_input->installEventFilter(this);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 10, 10, 10);
    layout->addWidget(m_input);
    layout->addWidget(m_results);
    resize(560, 380);

    connect(m_input, &QLineEdit::textChanged, this, [this](const QString& text) {
        LeadFilter filter;
        filter.search = text;
        filter.sortKey = LeadFilter::SortKey::Updated;
        m_model->setFilter(filter);
    });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this] {
        if (!m_results->currentIndex().isValid())
            m_results->setCurrentIndex(m_model->index(0, LeadListModel::Name));
    });
    connect(m_results, &QListView::activated, this, &GlobalSearchDialog::choose);
    m_model->setFilter(LeadFilter {});
}

bool GlobalSearchDialog::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_input && event->type() == QEvent::KeyPress) {
        auto* key = static_cast<QKeyEvent*>(event);
        if (key->key() == Qt::Key_Down || key->key() == Qt::Key_Up) {
            const int row = m_results->currentIndex().row() + (key->key() == Qt::Key_Down ? 1 : -1);
            if (row >= 0 && row < m_model->rowCount())
                m_results->setCurrentIndex(m_model->index(row, LeadListModel::Name));
            return true;
        }
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            choose(m_results->currentIndex());
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

void GlobalSearchDialog::choose(const QModelIndex& index)
{
    if (!index.isValid())
        return;
    emit leadChosen(index.data(LeadListModel::IdRole).toString());
    accept();
}
