#include "ui/leads/LeadForm.h"

#include "models/Money.h"
#include "services/leads/LeadNormalizer.h"
#include "services/settings/AppSettings.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QStyle>

LeadForm::LeadForm(QWidget* parent)
    : QWidget(parent)
{
    auto* layout = new QFormLayout(this);
    layout->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    layout->setLabelAlignment(Qt::AlignRight | Qt::AlignVCenter);
    layout->setVerticalSpacing(4);

    m_name = addLine(layout, QStringLiteral("name"), tr("&Name"), tr("Person or company"));
    m_company = addLine(layout, QStringLiteral("company"), tr("&Company"));
    m_contact = addLine(layout, QStringLiteral("contact_person"), tr("Con&tact"));
    m_title = addLine(layout, QStringLiteral("title"), tr("&Job title"));
    m_email = addLine(layout, QStringLiteral("email"), tr("&Email"), tr("name@example.com"));
    m_phone = addLine(layout, QStringLiteral("phone"), tr("&Phone"),
        tr("+44 20 7946 0958 or a local number (%1)").arg(AppSettings::defaultRegion()));
    m_website = addLine(layout, QStringLiteral("website"), tr("&Website"), tr("example.com"));
    m_location = addLine(layout, QStringLiteral("location"), tr("&Location"));

    m_stage = new QComboBox(this);
    m_stage->setObjectName(QStringLiteral("field_status"));
    layout->addRow(tr("&Stage"), m_stage);
    m_source = addLine(layout, QStringLiteral("source"), tr("&Source"), tr("Referral, Website, …"));
    m_industry = addLine(layout, QStringLiteral("industry"), tr("&Industry"));
    m_tags = addLine(layout, QStringLiteral("tags"), tr("T&ags"), tr("Comma-separated, e.g. hot, follow-up"));

    m_value = new QLineEdit(this);
    m_value->setObjectName(QStringLiteral("field_value"));
    m_value->setPlaceholderText(tr("0"));
    m_currency = new QComboBox(this);
    m_currency->setObjectName(QStringLiteral("field_currency"));
    m_currency->setEditable(true);
    m_currency->addItems({ QStringLiteral("EUR"), QStringLiteral("USD"), QStringLiteral("GBP"),
        QStringLiteral("CHF"), QStringLiteral("CAD"), QStringLiteral("AUD") });
    auto* valueRow = new QHBoxLayout;
    valueRow->addWidget(m_value, 1);
    valueRow->addWidget(m_currency);
    auto* valueLabel = new QLabel(tr("&Deal value"), this);
    valueLabel->setBuddy(m_value);
    layout->addRow(valueLabel, valueRow);
    m_editors.insert(QStringLiteral("value"), m_value);
    addErrorLabel(layout, QStringLiteral("value"), m_value);
    addErrorLabel(layout, QStringLiteral("currency"), m_currency);

    m_notes = new QPlainTextEdit(this);
    m_notes->setObjectName(QStringLiteral("field_notes"));
    m_notes->setTabChangesFocus(true);
    m_notes->setMinimumHeight(80);
    layout->addRow(tr("N&otes"), m_notes);
    m_editors.insert(QStringLiteral("notes"), m_notes);
    addErrorLabel(layout, QStringLiteral("notes"), m_notes);

    m_doNotCall = new QCheckBox(tr("Do not call"), this);
    m_emailOptOut = new QCheckBox(tr("Opted out of email"), this);
    m_smsOptOut = new QCheckBox(tr("Opted out of SMS"), this);
    auto* consent = new QVBoxLayout;
    for (QCheckBox* box : { m_doNotCall, m_emailOptOut, m_smsOptOut }) {
        consent->addWidget(box);
        connect(box, &QCheckBox::toggled, this, [this] { setDirty(true); });
    }
    layout->addRow(tr("Consent"), consent);

    connect(m_stage, &QComboBox::activated, this, [this] { setDirty(true); });
    connect(m_currency, &QComboBox::currentTextChanged, this, [this] { setDirty(true); });
    connect(m_value, &QLineEdit::textEdited, this, [this] { setDirty(true); });
    connect(m_notes, &QPlainTextEdit::textChanged, this, [this] {
        if (m_notes->hasFocus())
            setDirty(true);
    });
}

QLineEdit* LeadForm::addLine(QFormLayout* layout, const QString& field, const QString& label, const QString& placeholder)
{
    auto* edit = new QLineEdit(this);
    edit->setObjectName(QStringLiteral("field_") + field);
    edit->setPlaceholderText(placeholder);
    edit->setMaxLength(field == QLatin1String("tags") ? 2000 : 500);
    layout->addRow(label, edit);
    m_editors.insert(field, edit);
    addErrorLabel(layout, field, edit);
    connect(edit, &QLineEdit::textEdited, this, [this] { setDirty(true); });
    return edit;
}

void LeadForm::addErrorLabel(QFormLayout* layout, const QString& field, QWidget* editor)
{
    auto* error = new QLabel(this);
    error->setObjectName(QStringLiteral("FieldError"));
    error->setWordWrap(true);
    error->hide();
    error->setBuddy(editor);
    layout->addRow(QString(), error);
    m_errorLabels.insert(field, error);
}

void LeadForm::setStages(const PipelineStages& stages)
{
    const QString current = m_stage->currentData().toString();
    m_stage->clear();
    for (const PipelineStage& stage : stages)
        m_stage->addItem(stage.name, stage.key);
    const int index = m_stage->findData(current.isEmpty() ? m_lead.status : current);
    m_stage->setCurrentIndex(std::max(index, 0));
}

void LeadForm::setLead(const Lead& lead)
{
    m_lead = lead;
    m_name->setText(lead.name);
    m_company->setText(lead.company);
    m_contact->setText(lead.contactPerson);
    m_title->setText(lead.title);
    m_email->setText(lead.email);
    m_phone->setText(lead.phone.isEmpty() ? lead.phoneRaw : lead.phone);
    m_website->setText(lead.website);
    m_location->setText(lead.location);
    m_stage->setCurrentIndex(std::max(m_stage->findData(lead.status), 0));
    m_source->setText(lead.source);
    m_industry->setText(lead.industry);
    m_tags->setText(lead.tagsText());
    m_value->setText(lead.valueMinor ? QString::number(static_cast<double>(lead.valueMinor) / 100.0, 'f', 2) : QString());
    m_currency->setCurrentText(lead.currency);
    m_notes->setPlainText(lead.notes);
    for (QLineEdit* edit : findChildren<QLineEdit*>())
        edit->setCursorPosition(0);
    m_doNotCall->setChecked(lead.doNotCall);
    m_emailOptOut->setChecked(lead.emailOptOut);
    m_smsOptOut->setChecked(lead.smsOptOut);
    showErrors({});
    setDirty(false);
}

bool LeadForm::collect(Lead* out)
{
    Lead lead = m_lead;
    lead.name = m_name->text();
    lead.company = m_company->text();
    lead.contactPerson = m_contact->text();
    lead.title = m_title->text();
    lead.email = m_email->text();
    lead.phoneRaw = m_phone->text();
    lead.website = m_website->text();
    lead.location = m_location->text();
    if (m_stage->currentIndex() >= 0)
        lead.status = m_stage->currentData().toString();
    lead.source = m_source->text();
    lead.industry = m_industry->text();
    lead.tags = Lead::parseTags(m_tags->text());
    lead.currency = m_currency->currentText().trimmed().toUpper();
    lead.notes = m_notes->toPlainText();
    lead.doNotCall = m_doNotCall->isChecked();
    lead.emailOptOut = m_emailOptOut->isChecked();
    lead.smsOptOut = m_smsOptOut->isChecked();

    FieldErrors errors;
    qint64 minor = 0;
    if (!Money::parse(m_value->text(), &minor))
        errors.append({ QStringLiteral("value"), tr("Enter an amount such as 12500 or 12,500.50.") });
    lead.valueMinor = minor;
    errors += LeadNormalizer(PhoneNormalizer(AppSettings::defaultRegion())).normalize(lead);
    showErrors(errors);
    if (!errors.isEmpty())
        return false;
    *out = lead;
    return true;
}

void LeadForm::showErrors(const FieldErrors& errors)
{
    QWidget* firstInvalid = nullptr;
    for (auto it = m_errorLabels.cbegin(); it != m_errorLabels.cend(); ++it) {
        const QString message = errorFor(errors, it.key());
        it.value()->setText(message);
        it.value()->setVisible(!message.isEmpty());
        if (QWidget* editor = m_editors.value(it.key())) {
            editor->setProperty("invalid", !message.isEmpty());
            editor->style()->unpolish(editor);
            editor->style()->polish(editor);
            if (!message.isEmpty() && !firstInvalid)
                firstInvalid = editor;
        }
    }
    if (firstInvalid)
        firstInvalid->setFocus();
}

void LeadForm::setDirty(bool dirty)
{
    if (m_dirty == dirty)
        return;
    m_dirty = dirty;
    emit dirtyChanged(dirty);
}
