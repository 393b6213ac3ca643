#include "ui/dealdesk/LeadPicker.h"

#include "models/LeadFilter.h"
#include "services/leads/LeadStore.h"
#include "ui/dealdesk/LeadChoiceModel.h"

#include <QAbstractItemView>
#include <QCompleter>
#include <QTimer>

namespace {
constexpr int kChoices = 12;
constexpr int kDebounceMs = 150;
} // namespace

LeadPicker::LeadPicker(LeadStore* store, QWidget* parent)
    : QLineEdit(parent)
    , m_store(store)
    , m_choices(new LeadChoiceModel(this))
    , m_completer(new QCompleter(m_choices, this))
    , m_debounce(new QTimer(this))
{
    setObjectName(QStringLiteral("leadPicker"));
    setPlaceholderText(tr("Type a name, company or email…"));
    setClearButtonEnabled(true);
    // The store has already filtered; the completer only shows and picks.
    m_completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    m_completer->setWidget(this);
    m_completer->setMaxVisibleItems(kChoices);
    m_completer->popup()->setObjectName(QStringLiteral("leadPickerPopup"));
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(kDebounceMs);
    connect(m_debounce, &QTimer::timeout, this, &LeadPicker::search);
    connect(this, &QLineEdit::textEdited, this, [this] {
        if (!m_leadId.isEmpty()) {
            m_leadId.clear();
            m_picked = Lead();
            emit leadChanged({});
        }
        m_debounce->start();
    });
    connect(m_completer, qOverload<const QModelIndex&>(&QCompleter::activated), this, &LeadPicker::choose);
}

void LeadPicker::setLead(const QString& id, const QString& label)
{
    m_leadId = id;
    m_picked = Lead();
    setText(label);
    setCursorPosition(0);
}

void LeadPicker::search()
{
    const QString text = this->text().trimmed();
    const quint64 generation = ++m_generation;
    if (text.isEmpty()) {
        m_choices->setLeads({});
        m_completer->popup()->hide();
        return;
    }
    LeadFilter filter;
    filter.search = text;
    m_store->fetchPage(filter, 0, kChoices, this, [this, generation](const LeadPage& page) {
        if (generation != m_generation)
            return; // an older answer; the user has typed on
        m_choices->setLeads(page.leads);
        if (page.leads.isEmpty()) {
            m_completer->popup()->hide();
        } else if (hasFocus()) {
            m_completer->complete();
            m_completer->popup()->setCurrentIndex(m_completer->completionModel()->index(0, 0));
        }
        emit choicesShown(static_cast<int>(page.leads.size()));
    });
}

void LeadPicker::choose(const QModelIndex& index)
{
    if (!index.isValid())
        return;
    m_leadId = index.data(LeadChoiceModel::IdRole).toString();
    for (int row = 0; row < m_choices->rowCount(); ++row) {
        if (m_choices->leadAt(row).id == m_leadId)
            m_picked = m_choices->leadAt(row);
    }
    setText(index.data(Qt::DisplayRole).toString());
    setCursorPosition(0);
    emit leadChanged(m_leadId);
}
