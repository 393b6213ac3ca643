#include "ui/leads/LeadDialog.h"

#include "ui/leads/LeadForm.h"

#include <QDialogButtonBox>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

LeadDialog::LeadDialog(const PipelineStages& stages, const Lead& initial, QWidget* parent)
    : QDialog(parent)
    , m_form(new LeadForm(this))
{
    setObjectName(QStringLiteral("LeadDialog"));
    setWindowTitle(tr("New lead"));
    m_form->setStages(stages);
    m_form->setLead(initial);

    auto* scroll = new QScrollArea(this);
    scroll->setWidget(m_form);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Save)->setObjectName(QStringLiteral("saveButton"));
    buttons->button(QDialogButtonBox::Save)->setText(tr("Create lead"));
    connect(buttons, &QDialogButtonBox::accepted, this, &LeadDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &LeadDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(scroll, 1);
    layout->addWidget(buttons);
    resize(560, 680);
    m_form->nameEdit()->setFocus();
}

void LeadDialog::accept()
{
    if (m_form->collect(&m_lead))
        QDialog::accept();
}
