#include "ui/pricing/ServiceAddForm.h"

#include "models/Ids.h"
#include "models/pricing/ServiceCatalogModel.h"
#include "models/pricing/ServiceOfferingRules.h"

#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

ServiceAddForm::ServiceAddForm(QWidget* parent)
    : QWidget(parent)
    , m_name(new QLineEdit(this))
    , m_price(new QLineEdit(this))
    , m_keywords(new QLineEdit(this))
    , m_add(new QPushButton(QIcon(QStringLiteral(":/icons/plus.svg")), tr("Add"), this))
    , m_message(new QLabel(this))
{
    m_name->setObjectName(QStringLiteral("serviceNameEdit"));
    m_name->setPlaceholderText(tr("Service, e.g. Website redesign"));
    m_name->setMaxLength(200);
    m_price->setObjectName(QStringLiteral("servicePriceEdit"));
    m_price->setPlaceholderText(tr("Price"));
    m_price->setToolTip(tr("The price in major units, such as 4500 or 4,500.50"));
    m_price->setMinimumWidth(110);
    m_price->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_keywords->setObjectName(QStringLiteral("serviceKeywordsEdit"));
    m_keywords->setPlaceholderText(tr("Keywords, e.g. website, landing page"));
    m_add->setObjectName(QStringLiteral("addServiceButton"));
    m_add->setToolTip(tr("Add the service to the price list (Enter)"));
    m_message->setObjectName(QStringLiteral("FieldError")); // styled by the theme
    m_message->setWordWrap(true);
    m_message->hide();

    for (QLineEdit* edit : { m_name, m_price, m_keywords }) {
        connect(edit, &QLineEdit::returnPressed, this, &ServiceAddForm::submit);
        connect(edit, &QLineEdit::textEdited, this, [this] { m_message->hide(); });
    }
    connect(m_add, &QPushButton::clicked, this, &ServiceAddForm::submit);

    auto* layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_name, 0, 0);
    layout->addWidget(m_price, 0, 1);
    layout->addWidget(m_keywords, 0, 2);
    layout->addWidget(m_add, 0, 3);
    layout->addWidget(m_message, 1, 0, 1, 4);
    layout->setColumnStretch(0, 3);
    layout->setColumnStretch(1, 1);
    layout->setColumnStretch(2, 4);
}

void ServiceAddForm::setContext(const QString& currency, const QList<ServiceOffering>& existing)
{
    if (!currency.isEmpty())
        m_currency = currency;
    m_existing = existing;
    m_price->setPlaceholderText(tr("Price (%1)").arg(m_currency));
}

QString ServiceAddForm::message() const
{
    return m_message->isVisible() ? m_message->text() : QString();
}

void ServiceAddForm::focusName()
{
    m_name->setFocus();
}

void ServiceAddForm::showMessage(const QString& text)
{
    m_message->setText(text);
    m_message->show();
}

void ServiceAddForm::submit()
{
    ServiceOffering service;
    service.id = Ids::newId();
    service.name = m_name->text().trimmed();
    service.currency = m_currency;
    service.keywords = ServiceOfferingRules::parseKeywords(m_keywords->text());
    QString priceError;
    if (!ServiceCatalogModel::parsePrice(m_price->text(), &service.priceMinor, &priceError)) {
        showMessage(priceError);
        m_price->setFocus();
        return;
    }
    const FieldErrors errors = ServiceOfferingRules::validate(service);
    if (!errors.isEmpty()) {
        showMessage(errors.first().message);
        const QString field = errors.first().field;
        (field == QLatin1String("keywords")       ? m_keywords
                : field == QLatin1String("price") ? m_price
                                                  : m_name)
            ->setFocus();
        return;
    }
    if (ServiceOfferingRules::hasDuplicateName(m_existing, service)
        && m_confirmedDuplicate.compare(service.name, Qt::CaseInsensitive) != 0) {
        m_confirmedDuplicate = service.name;
        showMessage(tr("Another service is already called “%1”. Click Add again to add it anyway.").arg(service.name));
        return;
    }
    m_confirmedDuplicate.clear();
    m_message->hide();
    m_name->clear();
    m_price->clear();
    m_keywords->clear();
    m_name->setFocus();
    emit addRequested(service);
}
