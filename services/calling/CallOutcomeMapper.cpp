#include "services/calling/CallOutcomeMapper.h"

CallRecord::Status CallOutcomeMapper::statusOf(const ProviderCall& call)
{
    switch (call.phase) {
    case ProviderCall::Phase::Queued:
        return CallRecord::Status::Queued;
    case ProviderCall::Phase::Ringing:
        return CallRecord::Status::Ringing;
    case ProviderCall::Phase::InProgress:
        return CallRecord::Status::InProgress;
    case ProviderCall::Phase::Ended:
        return call.failed ? CallRecord::Status::Failed : CallRecord::Status::Completed;
    }
    return CallRecord::Status::Queued;
}

CallRecord::Outcome CallOutcomeMapper::outcomeOf(const ProviderCall& call)
{
    if (!call.ended() || call.failed)
        return CallRecord::Outcome::None;
    if (call.noAnswer)
        return CallRecord::Outcome::NoAnswer;
    const CallRecord::Outcome fromAnalysis
        = CallRecord::outcomeFromString(call.structuredData.value(QLatin1String("outcome")).toString().trimmed().toLower());
    if (fromAnalysis != CallRecord::Outcome::None)
        return fromAnalysis;
    const QString evaluation = call.successEvaluation.trimmed().toLower();
    if (evaluation == QLatin1String("true") || evaluation == QLatin1String("pass"))
        return CallRecord::Outcome::Booked;
    return CallRecord::Outcome::None;
}

QString CallOutcomeMapper::sentimentOf(const ProviderCall& call)
{
    const QString sentiment = call.sentiment.trimmed().toLower();
    if (sentiment == QLatin1String("positive") || sentiment == QLatin1String("neutral")
        || sentiment == QLatin1String("negative"))
        return sentiment;
    return {};
}

void CallOutcomeMapper::apply(const ProviderCall& call, CallRecord* record)
{
    record->status = statusOf(call);
    if (!call.providerCallId.isEmpty())
        record->providerCallId = call.providerCallId;
    if (call.startedAt.isValid())
        record->startedAt = call.startedAt;
    if (call.endedAt.isValid())
        record->endedAt = call.endedAt;
    if (call.durationSeconds > 0)
        record->durationSeconds = call.durationSeconds;
    if (!call.transcript.isEmpty())
        record->transcript = call.transcript;
    if (!call.summary.isEmpty())
        record->summary = call.summary;
    if (!call.recordingUrl.isEmpty())
        record->recordingUrl = call.recordingUrl;
    if (call.cost > 0)
        record->costUsd = call.cost;
    if (!call.endedReason.isEmpty())
        record->endedReason = call.endedReason;
    if (call.ended()) {
        // An outcome the user already set by hand is kept.
        const CallRecord::Outcome outcome = outcomeOf(call);
        if (record->outcome == CallRecord::Outcome::None)
            record->outcome = outcome;
        const QString sentiment = sentimentOf(call);
        if (!sentiment.isEmpty())
            record->sentiment = sentiment;
        if (call.failed && record->errorReason.isEmpty())
            record->errorReason = call.endedReason.isEmpty() ? call.rawStatus : call.endedReason;
    }
}
