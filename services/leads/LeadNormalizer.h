#pragma once

#include "models/FieldError.h"
#include "services/phone/PhoneNormalizer.h"

struct Lead;

// Cleans a lead the way it will be stored (trimmed text, lower-case email, normalised website, E.164 phone) and
// reports every field that is still wrong.
class LeadNormalizer
{
public:
    explicit LeadNormalizer(PhoneNormalizer phone);
    FieldErrors normalize(Lead& lead) const;

private:
    PhoneNormalizer m_phone;
};
