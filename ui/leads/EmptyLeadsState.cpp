#include "ui/leads/EmptyLeadsState.h"

#include <QPushButton>

EmptyLeadsState::EmptyLeadsState(QWidget* parent)
    : EmptyStatePage(QStringLiteral(":/icons/leads.svg"), tr("No leads yet"),
        tr("Add your first lead, or load a set of realistic sample leads to explore the board."), parent)
{
    setObjectName(QStringLiteral("EmptyLeadsState"));
    QPushButton* create
        = addButton(tr("New lead"), QStringLiteral("emptyNewLead"), true, QIcon(QStringLiteral(":/icons/plus.svg")));
    m_sample = addButton(tr("Load sample data"), QStringLiteral("loadSampleData"));
    connect(create, &QPushButton::clicked, this, &EmptyLeadsState::newLeadRequested);
    connect(m_sample, &QPushButton::clicked, this, &EmptyLeadsState::sampleDataRequested);
}
