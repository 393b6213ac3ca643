#pragma once

#include "services/providers/TelephonyTypes.h"

#include <QPointer>
#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class VapiTelephony;

// Settings → Calling: the Vapi phone number outbound AI calls go out from, chosen from the numbers imported into
// the Vapi account (GET /phone-number with the stored key). A saved id that the account no longer lists stays
// selectable, marked as such, so opening the page never changes the setting.
class VapiNumberPicker : public QWidget
{
    Q_OBJECT

public:
    explicit VapiNumberPicker(VapiTelephony* vapi, QWidget* parent = nullptr);

    QString currentId() const;
    void setCurrentId(const QString& id);
    // Lists the account's numbers when a Vapi key is stored; says what to do otherwise.
    void reload();
    bool loaded() const { return m_loaded; }

signals:
    void edited();
    void numbersLoaded(int count); // -1: the list could not be loaded

private:
    void showNumbers(const QList<ProviderPhoneNumber>& numbers);
    void keepCurrent(const QString& id);

    VapiTelephony* m_vapi;
    QComboBox* m_numbers;
    QPushButton* m_refresh;
    QLabel* m_status;
    QPointer<QObject> m_request;
    bool m_loaded = false;
};
