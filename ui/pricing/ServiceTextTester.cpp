#include "ui/pricing/ServiceTextTester.h"

#include "models/Money.h"
#include "services/pricing/DealValueEstimator.h"

#include <QLabel>
#include <QPlainTextEdit>
#include <QTimer>
#include <QVBoxLayout>

ServiceTextTester::ServiceTextTester(QWidget* parent)
    : QWidget(parent)
    , m_text(new QPlainTextEdit(this))
    , m_result(new QLabel(this))
    , m_pause(new QTimer(this))
{
    m_text->setObjectName(QStringLiteral("servicesTestText"));
    m_text->setPlaceholderText(
        tr("Paste a call transcript or a note here to see which services it mentions and what it would be worth."));
    m_text->setTabChangesFocus(true);
    m_text->setMaximumHeight(110);
    m_result->setObjectName(QStringLiteral("servicesTestResult"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_pause->setSingleShot(true);
    m_pause->setInterval(250);
    connect(m_pause, &QTimer::timeout, this, &ServiceTextTester::evaluate);
    connect(m_text, &QPlainTextEdit::textChanged, m_pause, qOverload<>(&QTimer::start));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_text);
    layout->addWidget(m_result);
    evaluate();
}

void ServiceTextTester::setServices(const QList<ServiceOffering>& services, const QString& currency)
{
    m_services = services;
    m_currency = currency;
    evaluate();
}

QString ServiceTextTester::resultText() const
{
    return m_result->text();
}

void ServiceTextTester::evaluate()
{
    m_pause->stop();
    const QString text = m_text->toPlainText();
    if (text.trimmed().isEmpty()) {
        m_result->setText(tr("Nothing to test yet."));
        return;
    }
    const DealValueEstimate estimate = DealValueEstimator::estimate(text, m_services, m_currency);
    QStringList lines;
    if (estimate.matched()) {
        lines.append(tr("Matches: %1 (keywords: %2).")
                         .arg(estimate.matchedServices.join(QStringLiteral(", ")),
                             estimate.matchedKeywords.join(QStringLiteral(", "))));
        lines.append(tr("Estimated value: %1").arg(Money::format(estimate.valueMinor, estimate.currency, true)));
    } else {
        lines.append(tr("No service matches this text. Add the words clients use as keywords of a service."));
    }
    if (!estimate.otherCurrencyServices.isEmpty()) {
        lines.append(tr("Also mentioned but priced in another currency, so not counted: %1.")
                         .arg(estimate.otherCurrencyServices.join(QStringLiteral(", "))));
    }
    m_result->setText(lines.join(QLatin1Char('\n')));
}
