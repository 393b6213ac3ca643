#pragma once

#include <QMessageBox>

// Every question the UI asks goes through here so GUI tests can answer in advance.
class MessageBoxes
{
public:
    static QMessageBox::StandardButton question(QWidget* parent, const QString& title, const QString& text,
        QMessageBox::StandardButtons buttons = QMessageBox::Yes | QMessageBox::No,
        QMessageBox::StandardButton defaultButton = QMessageBox::No);
    static void critical(QWidget* parent, const QString& title, const QString& text);
    static void setNextAnswer(QMessageBox::StandardButton answer);

private:
    static QMessageBox::StandardButton s_nextAnswer;
};
