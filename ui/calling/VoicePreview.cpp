#include "ui/calling/VoicePreview.h"

#include "models/calling/CallScriptValidator.h"
#include "services/audio/AudioPlayback.h"
#include "services/providers/SpeechSynthesis.h"

#include <QRegularExpression>

namespace {
QString sampleValue(const QString& variable)
{
    const QString key = variable.toLower();
    if (key.contains(QLatin1String("first")))
        return VoicePreview::tr("Alex");
    if (key.contains(QLatin1String("last")))
        return VoicePreview::tr("Morgan");
    if (key.contains(QLatin1String("company")) || key.contains(QLatin1String("business")))
        return VoicePreview::tr("Bright Smile Dental");
    if (key.contains(QLatin1String("city")) || key.contains(QLatin1String("location")))
        return VoicePreview::tr("Springfield");
    if (key.contains(QLatin1String("agent")) || key.contains(QLatin1String("my_name")))
        return VoicePreview::tr("Ava");
    if (key.contains(QLatin1String("name")))
        return VoicePreview::tr("Alex Morgan");
    return QString(variable).replace(QLatin1Char('_'), QLatin1Char(' '));
}
} // namespace

VoicePreview::VoicePreview(SpeechSynthesis* speech, AudioPlayback* playback, QObject* parent)
    : QObject(parent)
    , m_speech(speech)
{
    setPlayback(playback);
}

void VoicePreview::setPlayback(AudioPlayback* playback)
{
    if (m_playback)
        QObject::disconnect(m_playback, nullptr, this, nullptr);
    m_playback = playback;
    if (!playback)
        return;
    connect(playback, &AudioPlayback::finished, this, [this] {
        if (m_state == State::Playing)
            setState(State::Idle);
    });
    connect(playback, &AudioPlayback::failed, this, [this](const QString& message) {
        setState(State::Idle);
        emit failed(message);
    });
}

QString VoicePreview::sampleText(const QString& openingLine)
{
    QString text = openingLine;
    for (const QString& variable : CallScriptValidator::templateVariables(openingLine)) {
        static const QString pattern = QStringLiteral("\\{\\{\\s*%1\\s*\\}\\}");
        text.replace(QRegularExpression(pattern.arg(QRegularExpression::escape(variable))), sampleValue(variable));
    }
    return text.simplified();
}

void VoicePreview::preview(const QString& text, const QString& voiceId)
{
    stop();
    delete m_request;
    m_request = new QObject(this);
    setState(State::Synthesizing);
    m_requestId = m_speech->synthesize(sampleText(text), voiceId, m_request, [this](const SpeechResult& result) {
        m_request->deleteLater();
        if (!result.ok) {
            setState(State::Idle);
            if (result.error.kind != SpeechError::Cancelled)
                emit failed(result.error.message);
            return;
        }
        if (!m_playback) {
            setState(State::Idle);
            emit failed(tr("There is no audio output to play the preview on."));
            return;
        }
        setState(State::Playing);
        m_playback->play(result.audio.pcm, result.audio.sampleRate, result.audio.channels);
    });
}

void VoicePreview::stop()
{
    if (m_state == State::Synthesizing && m_request) {
        delete m_request; // drops the answer and aborts the request
        m_speech->cancel(m_requestId);
    }
    if (m_state == State::Playing && m_playback)
        m_playback->stop();
    setState(State::Idle);
}

void VoicePreview::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}
