#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class TextMessageService;

// "Text…" on a lead: write a message, see its length in characters and SMS segments, send it through Twilio. A
// refused or failed send keeps the dialog open with the reason and the text as written.
class TextMessageDialog : public QDialog
{
    Q_OBJECT

public:
    TextMessageDialog(TextMessageService* texts, const QString& leadId, const QString& leadName, QWidget* parent = nullptr);

    QPlainTextEdit* editor() const { return m_text; }

signals:
    void sent(const QString& messageSid);

private:
    void updateCount();
    void send();

    TextMessageService* m_texts;
    QString m_leadId;
    QPlainTextEdit* m_text;
    QLabel* m_count;
    QLabel* m_error;
    QPushButton* m_send;
};
