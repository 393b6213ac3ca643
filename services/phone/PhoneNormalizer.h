#pragma once

#include <QCoreApplication>
#include <QString>

#include <string>

// Turns what people type into E.164 with Google's libphonenumber. Thread-safe.
class PhoneNormalizer
{
    Q_DECLARE_TR_FUNCTIONS(PhoneNormalizer)

public:
    struct Result
    {
        QString e164; // empty when the number is invalid
        QString error;
        bool ok() const { return !e164.isEmpty(); }
    };

    explicit PhoneNormalizer(QString defaultRegion = QStringLiteral("US"));

    Result normalize(const QString& raw) const;
    QString defaultRegion() const { return m_region; }
    static bool isKnownRegion(const QString& region);
    static QStringList supportedRegions();

private:
    QString m_region;
    std::string m_regionCode; // m_region as libphonenumber takes it
    int m_countryCode = 0; // of m_region; 0 when libphonenumber does not know the region
};
