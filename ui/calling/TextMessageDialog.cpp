#include "ui/calling/TextMessageDialog.h"

#include "services/calling/TextMessageService.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace {
// GSM-7 texts take 160 characters per message (153 once split), anything else (emoji, most accents) 70 (67).
int segments(const QString& text)
{
    static const QString gsm = QStringLiteral("@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡"
                                              "ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà");
    bool plain = true;
    for (const QChar c : text)
        plain = plain && gsm.contains(c);
    const int single = plain ? 160 : 70;
    const int part = plain ? 153 : 67;
    if (text.size() <= single)
        return text.isEmpty() ? 0 : 1;
    return int((text.size() + part - 1) / part);
}
} // namespace

TextMessageDialog::TextMessageDialog(TextMessageService* texts, const QString& leadId, const QString& leadName,
    QWidget* parent)
    : QDialog(parent)
    , m_texts(texts)
    , m_leadId(leadId)
    , m_text(new QPlainTextEdit(this))
    , m_count(new QLabel(this))
    , m_error(new QLabel(this))
    , m_send(new QPushButton(tr("Send"), this))
{
    setObjectName(QStringLiteral("textMessageDialog"));
    setWindowTitle(tr("Text %1").arg(leadName));
    m_text->setObjectName(QStringLiteral("textMessageEdit"));
    m_text->setPlaceholderText(tr("Hi! Following up on our call…"));
    m_count->setObjectName(QStringLiteral("textMessageCount"));
    m_count->setProperty("muted", true);
    m_error->setObjectName(QStringLiteral("textMessageError"));
    m_error->setWordWrap(true);
    m_error->hide();
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    buttons->addButton(m_send, QDialogButtonBox::AcceptRole);
    m_send->setObjectName(QStringLiteral("textMessageSend"));
    m_send->setDefault(true);
    m_send->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return));
    m_send->setToolTip(tr("Send (Ctrl+Enter)"));

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Sent from your Twilio number. Standard message rates apply for the lead."), this));
    layout->addWidget(m_text, 1);
    layout->addWidget(m_count);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    resize(440, 260);

    connect(m_text, &QPlainTextEdit::textChanged, this, &TextMessageDialog::updateCount);
    connect(buttons, &QDialogButtonBox::accepted, this, &TextMessageDialog::send);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateCount();
}

void TextMessageDialog::updateCount()
{
    const QString text = m_text->toPlainText().trimmed();
    const bool tooLong = text.size() > TextMessageService::kMaxLength;
    m_count->setText(tooLong ? tr("%1 / %2 characters — too long to send").arg(text.size()).arg(TextMessageService::kMaxLength)
                             : tr("%1 / %2 characters · %n message(s)", nullptr, segments(text))
                                   .arg(text.size())
                                   .arg(TextMessageService::kMaxLength));
    m_send->setEnabled(!text.isEmpty() && !tooLong && !m_text->isReadOnly());
}

void TextMessageDialog::send()
{
    m_error->hide();
    m_text->setReadOnly(true);
    m_send->setEnabled(false);
    m_send->setText(tr("Sending…"));
    m_texts->send(m_leadId, m_text->toPlainText(), this, [this](const TextMessageService::Outcome& outcome) {
        m_text->setReadOnly(false);
        m_send->setText(tr("Send"));
        updateCount();
        if (outcome.ok) {
            emit sent(outcome.messageSid);
            accept();
            return;
        }
        m_error->setText(outcome.message);
        m_error->show();
    });
}
