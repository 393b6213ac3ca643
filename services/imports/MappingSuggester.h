#pragma once

#include "models/ImportMapping.h"

// Guesses the lead field of each column from its header, in the spellings CRMs, spreadsheets and people use in
// English, German, French, Spanish, Italian, Dutch and Portuguese.
class MappingSuggester
{
public:
    static ImportMapping suggest(const QStringList& header);
    static LeadField suggestOne(const QString& headerName);
};
