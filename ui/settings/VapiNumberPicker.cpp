#include "ui/settings/VapiNumberPicker.h"

#include "services/providers/VapiTelephony.h"

#include <QComboBox>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>

VapiNumberPicker::VapiNumberPicker(VapiTelephony* vapi, QWidget* parent)
    : QWidget(parent)
    , m_vapi(vapi)
    , m_numbers(new QComboBox(this))
    , m_refresh(new QPushButton(tr("Load numbers"), this))
    , m_status(new QLabel(this))
{
    m_numbers->setObjectName(QStringLiteral("vapiPhoneNumberCombo"));
    m_numbers->setMinimumContentsLength(28);
    m_numbers->setToolTip(tr("Outbound AI calls need a phone number imported into your Vapi account."));
    m_refresh->setObjectName(QStringLiteral("loadVapiNumbersButton"));
    m_status->setObjectName(QStringLiteral("vapiNumberStatusLabel"));
    m_status->setWordWrap(true);
    m_status->setProperty("muted", true);
    setFocusProxy(m_numbers);

    auto* layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_numbers, 0, 0);
    layout->addWidget(m_refresh, 0, 1);
    layout->addWidget(m_status, 1, 0, 1, 2);
    layout->setColumnStretch(0, 1);

    connect(m_numbers, &QComboBox::activated, this, &VapiNumberPicker::edited);
    connect(m_refresh, &QPushButton::clicked, this, &VapiNumberPicker::reload);
    keepCurrent(QString());
}

QString VapiNumberPicker::currentId() const
{
    return m_numbers->currentData().toString();
}

void VapiNumberPicker::setCurrentId(const QString& id)
{
    keepCurrent(id);
}

void VapiNumberPicker::keepCurrent(const QString& id)
{
    if (m_numbers->count() == 0)
        m_numbers->addItem(tr("No number chosen"), QString());
    int index = m_numbers->findData(id);
    if (index < 0) {
        m_numbers->addItem(m_loaded ? tr("%1 (not in your Vapi numbers)").arg(id) : id, id);
        index = m_numbers->count() - 1;
    }
    m_numbers->setCurrentIndex(index);
}

void VapiNumberPicker::reload()
{
    delete m_request;
    if (!m_vapi->hasKey()) {
        m_status->setText(tr("Save a Vapi key to choose the number AI calls go out from."));
        return;
    }
    m_request = new QObject(this);
    m_refresh->setEnabled(false);
    m_status->setText(tr("Loading your Vapi phone numbers…"));
    m_vapi->listPhoneNumbers(m_request, [this](const TelephonyResult<QList<ProviderPhoneNumber>>& result) {
        delete m_request;
        m_refresh->setEnabled(true);
        if (!result.ok()) {
            m_status->setText(tr("The numbers could not be loaded: %1").arg(result.error.message));
            emit numbersLoaded(-1);
            return;
        }
        showNumbers(result.value);
        emit numbersLoaded(int(result.value.size()));
    });
}

void VapiNumberPicker::showNumbers(const QList<ProviderPhoneNumber>& numbers)
{
    const QString current = currentId();
    m_loaded = true;
    m_numbers->clear();
    m_numbers->addItem(tr("No number chosen"), QString());
    for (const ProviderPhoneNumber& number : numbers) {
        const QString label = number.name.isEmpty() ? number.number : tr("%1 — %2").arg(number.number, number.name);
        m_numbers->addItem(label.isEmpty() ? number.id : label, number.id);
    }
    if (!current.isEmpty())
        keepCurrent(current);
    else if (numbers.size() == 1) {
        // The only number the account has is the one calls can use.
        m_numbers->setCurrentIndex(1);
        emit edited();
    }
    m_status->setText(numbers.isEmpty()
            ? tr("Your Vapi account has no phone numbers. Import one in the Vapi dashboard (Phone Numbers), then "
                 "load the numbers again.")
            : tr("%n number(s) in your Vapi account.", nullptr, int(numbers.size())));
}
