#pragma once

#include "services/providers/SpeechTypes.h"

#include <QObject>

#include <functional>

// Text to speech (DESIGN.md section 6). Every call answers exactly once through its callback, on the thread that owns
// the adapter, and only while the context object lives; destroying the context aborts the call silently.
class SpeechSynthesis : public QObject
{
    Q_OBJECT

public:
    using RequestId = quint64;
    using Done = std::function<void(const SpeechResult&)>;

    using QObject::QObject;

    virtual RequestId synthesize(const QString& text, const QString& voiceId, QObject* context, Done done) = 0;
    virtual RequestId listVoices(QObject* context, Done done) = 0;
    // Answers the call with Cancelled (if its context still lives); unknown ids are ignored.
    virtual void cancel(RequestId id) = 0;
};
