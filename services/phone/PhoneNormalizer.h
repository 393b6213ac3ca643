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
    // The number without the separators libphonenumber ignores (space, tab, ( ) - . /), keeping a leading '+';
    // empty when it has anything else (letters, an extension, non-ASCII digits, a later '+').
    static QString plainDigits(const QString& raw);

private:
    // A plainly written number of the North American plan (the default region's country code is 1), checked without
    // libphonenumber's parser, which costs most of the time. Empty when not plain or not valid: then parse.
    QString nanpFastPath(const QString& trimmed) const;

    QString m_region;
    std::string m_regionCode; // m_region as libphonenumber takes it
    int m_countryCode = 0; // of m_region; 0 when libphonenumber does not know the region
};
