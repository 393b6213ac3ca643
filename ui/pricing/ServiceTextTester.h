#pragma once

#include "models/pricing/ServiceOffering.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QTimer;

// "Test text": paste a transcript or note and see which services it matches and what the deal would be worth with
// the current price list.
class ServiceTextTester : public QWidget
{
    Q_OBJECT

public:
    explicit ServiceTextTester(QWidget* parent = nullptr);

    void setServices(const QList<ServiceOffering>& services, const QString& currency);
    QString resultText() const;
    // Recomputes now instead of after the typing pause (tests, and the price list changing).
    void evaluate();

private:
    QPlainTextEdit* m_text;
    QLabel* m_result;
    QTimer* m_pause;
    QList<ServiceOffering> m_services;
    QString m_currency;
};
