#pragma once

#include "services/audio/AudioPlayback.h"

#include <QObject>
#include <QPointer>

class SpeechSynthesis;

// "Preview voice": has the text spoken by the TTS provider and plays the audio. One preview at a time; starting a
// new one or calling stop() cancels the request or the playback in progress.
class VoicePreview : public QObject
{
    Q_OBJECT

public:
    enum class State { Idle, Synthesizing, Playing };

    VoicePreview(SpeechSynthesis* speech, AudioPlayback* playback, QObject* parent = nullptr);

    void setPlayback(AudioPlayback* playback);
    AudioPlayback* playback() const { return m_playback; }
    State state() const { return m_state; }

    void preview(const QString& text, const QString& voiceId);
    void stop();

    // The opening line as the lead would hear it: {{variables}} filled with sample values.
    static QString sampleText(const QString& openingLine);

signals:
    void stateChanged(VoicePreview::State state);
    // Translated: what went wrong and what to do.
    void failed(const QString& message);

private:
    void setState(State state);

    SpeechSynthesis* m_speech;
    QPointer<AudioPlayback> m_playback;
    QPointer<QObject> m_request; // alive while the speech request runs; deleting it drops the answer
    quint64 m_requestId = 0;
    State m_state = State::Idle;
};
