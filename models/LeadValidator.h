#pragma once

#include "models/FieldError.h"

#include <QCoreApplication>

struct Lead;

// Field rules that need no outside library. Phone numbers are checked by services (libphonenumber).
class LeadValidator
{
    Q_DECLARE_TR_FUNCTIONS(LeadValidator)

public:
    static constexpr int kMaxShortText = 500;
    static constexpr int kMaxNotes = 2 * 1024 * 1024;

    // What the caller has already checked with isValidEmail() and normalizeWebsite(), so it is not done twice.
    enum class Checked { Nothing, EmailAndWebsite };

    static FieldErrors validate(const Lead& lead, Checked checked = Checked::Nothing);
    static bool isValidEmail(const QString& email);
    // Accepts "example.com" or a full http(s) URL; returns the normalised URL or an empty string.
    static QString normalizeWebsite(const QString& website);
};
