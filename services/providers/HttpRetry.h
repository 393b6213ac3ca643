#pragma once

#include <QString>
#include <QStringList>

class QNetworkReply;
class QObject;

// What the HTTP providers (LLM, telephony, speech) share about retrying and about the secrets in their messages.
namespace HttpRetry {

// How long the reply asks to wait before trying again (Retry-After-Ms, or Retry-After in seconds or as an HTTP
// date), at most capMs; -1 when it does not say.
int askedWaitMs(const QNetworkReply* reply, int capMs);
// From baseMs, doubling with each retry up to 8 s, plus up to a quarter of jitter; at most capMs.
int exponentialWaitMs(int baseMs, int retries, int capMs);
// What the reply asks for, else the exponential wait; at most capMs.
int waitMs(const QNetworkReply* reply, int baseMs, int retries, int capMs);

// text with every secret of 4 or more characters replaced by "***".
QString scrubbed(QString text, const QStringList& secrets);

// Stops receiver listening to a reply that is no longer wanted, aborts it and deletes it later (null: nothing).
void abandon(QNetworkReply* reply, QObject* receiver);

} // namespace HttpRetry
