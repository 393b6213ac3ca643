#include "ui/common/MessageBoxes.h"

QMessageBox::StandardButton MessageBoxes::s_nextAnswer = QMessageBox::NoButton;

QMessageBox::StandardButton MessageBoxes::question(QWidget* parent, const QString& title, const QString& text,
    QMessageBox::StandardButtons buttons, QMessageBox::StandardButton defaultButton)
{
    if (s_nextAnswer != QMessageBox::NoButton) {
        const auto answer = s_nextAnswer;
        s_nextAnswer = QMessageBox::NoButton;
        return answer;
    }
    return QMessageBox::question(parent, title, text, buttons, defaultButton);
}

void MessageBoxes::critical(QWidget* parent, const QString& title, const QString& text)
{
    if (s_nextAnswer != QMessageBox::NoButton) {
        s_nextAnswer = QMessageBox::NoButton;
        return;
    }
    QMessageBox::critical(parent, title, text);
}

void MessageBoxes::setNextAnswer(QMessageBox::StandardButton answer)
{
    s_nextAnswer = answer;
}
