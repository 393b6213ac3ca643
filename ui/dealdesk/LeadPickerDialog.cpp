#include "ui/dealdesk/LeadPickerDialog.h"

#include "ui/dealdesk/LeadPicker.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

LeadPickerDialog::LeadPickerDialog(LeadStore* store, const QString& title, const QString& prompt, QWidget* parent)
    : QDialog(parent)
    , m_picker(new LeadPicker(store, this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("leadPickerDialog"));
    setWindowTitle(title);
    auto* label = new QLabel(prompt, this);
    label->setWordWrap(true);
    label->setBuddy(m_picker);
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("leadPickerOk"));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    connect(m_picker, &LeadPicker::leadChanged, this,
        [this](const QString& id) { m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!id.isEmpty()); });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(label);
    layout->addWidget(m_picker);
    layout->addStretch();
    layout->addWidget(m_buttons);
    setMinimumWidth(440);
    m_picker->setFocus();
}

void LeadPickerDialog::setLead(const QString& id, const QString& label)
{
    m_picker->setLead(id, label);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!id.isEmpty());
}

QString LeadPickerDialog::leadId() const
{
    return m_picker->leadId();
}

QString LeadPickerDialog::leadLabel() const
{
    return m_picker->text();
}
