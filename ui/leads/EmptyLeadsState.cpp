#include "ui/leads/EmptyLeadsState.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

EmptyLeadsState::EmptyLeadsState(QWidget* parent)
    : QWidget(parent)
    , m_sample(new QPushButton(tr("Load sample data"), this))
{
    setObjectName(QStringLiteral("EmptyLeadsState"));
    auto* icon = new QLabel(this);
    icon->setPixmap(QIcon(QStringLiteral(":/icons/leads.svg")).pixmap(56, 56));
    icon->setAlignment(Qt::AlignCenter);
    auto* title = new QLabel(tr("No leads yet"), this);
    title->setObjectName(QStringLiteral("EmptyStateTitle"));
    title->setAlignment(Qt::AlignCenter);
    auto* text = new QLabel(tr("Add your first lead, or load a set of realistic sample leads to explore the board."),
        this);
    text->setObjectName(QStringLiteral("EmptyStateText"));
    text->setAlignment(Qt::AlignCenter);
    text->setWordWrap(true);

    auto* create = new QPushButton(QIcon(QStringLiteral(":/icons/plus.svg")), tr("New lead"), this);
    create->setObjectName(QStringLiteral("emptyNewLead"));
    create->setProperty("primary", true);
    m_sample->setObjectName(QStringLiteral("loadSampleData"));
    connect(create, &QPushButton::clicked, this, &EmptyLeadsState::newLeadRequested);
    connect(m_sample, &QPushButton::clicked, this, &EmptyLeadsState::sampleDataRequested);

    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(create);
    buttons->addWidget(m_sample);
    buttons->addStretch();

    auto* layout = new QVBoxLayout(this);
    layout->addStretch(2);
    layout->addWidget(icon);
    layout->addWidget(title);
    layout->addWidget(text);
    layout->addSpacing(12);
    layout->addLayout(buttons);
    layout->addStretch(3);
    text->setMaximumWidth(420);
    layout->setAlignment(text, Qt::AlignHCenter);
}
