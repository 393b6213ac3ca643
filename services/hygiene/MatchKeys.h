#pragma once

#include <QString>
#include <QStringList>

// The text transformations duplicate detection compares leads by (see DuplicateFinder::normalizedName and
// DuplicateFinder::domainOf).
namespace MatchKeys {
// Lower-case words with diacritics folded; apostrophes and dots join ("O'Brien", "L.L.C."), other punctuation
// separates; legal forms, "the"/"and" and honorifics dropped unless nothing else is left.
QStringList foldedWords(const QString& text);
// The host of a website address, lower-case, without "www.", port or trailing dot; empty when it is not a host name.
QString websiteHost(const QString& website);
// gmail.com, gmx.de, yahoo.co.uk, …: anyone can have an address there.
bool isFreeMailDomain(const QString& domain);
// facebook.com, linktr.ee, …: many unrelated businesses have a "website" there.
bool isSharedHost(const QString& host);
} // namespace MatchKeys
