#pragma once

#include "models/pricing/ServiceOffering.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

// The row above the price list for a new service: name, price, keywords and "Add". Says what is missing instead of
// adding an invalid service, and asks once more before adding a second service with the same name.
class ServiceAddForm : public QWidget
{
    Q_OBJECT

public:
    explicit ServiceAddForm(QWidget* parent = nullptr);

    // The currency new services get, and the services a new name is compared against.
    void setContext(const QString& currency, const QList<ServiceOffering>& existing);
    QString message() const;
    void focusName();

signals:
    // A valid service with a fresh id, ready to be saved.
    void addRequested(const ServiceOffering& service);

private:
    void submit();
    void showMessage(const QString& text);

    QLineEdit* m_name;
    QLineEdit* m_price;
    QLineEdit* m_keywords;
    QPushButton* m_add;
    QLabel* m_message;
    QString m_currency = QStringLiteral("EUR");
    QList<ServiceOffering> m_existing;
    QString m_confirmedDuplicate;
};
