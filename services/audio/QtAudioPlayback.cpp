#include "services/audio/QtAudioPlayback.h"

#include <QAudioDevice>
#include <QAudioFormat>
#include <QAudioSink>
#include <QMediaDevices>

QtAudioPlayback::QtAudioPlayback(QObject* parent)
    : AudioPlayback(parent)
{
}

QtAudioPlayback::~QtAudioPlayback()
{
    release();
}

void QtAudioPlayback::release()
{
    if (m_sink) {
        QObject::disconnect(m_sink, nullptr, this, nullptr);
        m_sink->stop();
        delete m_sink;
    }
    m_buffer.close();
}

void QtAudioPlayback::play(const QByteArray& pcm, int sampleRate, int channels)
{
    const bool wasPlaying = isPlaying();
    release();
    if (wasPlaying)
        emit finished();
    const QAudioDevice device = QMediaDevices::defaultAudioOutput();
    QAudioFormat format;
    format.setSampleRate(sampleRate);
    format.setChannelCount(channels);
    format.setSampleFormat(QAudioFormat::Int16);
    if (device.isNull()) {
        emit failed(tr("No audio output device was found. Connect speakers or headphones and try again."));
        return;
    }
    if (!device.isFormatSupported(format)) {
        emit failed(tr("The audio output “%1” cannot play %2 Hz audio.").arg(device.description()).arg(sampleRate));
        return;
    }
    m_sink = new QAudioSink(device, format, this);
    connect(m_sink, &QAudioSink::stateChanged, this, [this](QAudio::State state) {
        if (!m_sink)
            return;
        if (state == QAudio::IdleState) {
            // Everything was played.
            m_sink->stop();
            emit finished();
        } else if (state == QAudio::StoppedState && m_sink->error() != QAudio::NoError
            && m_sink->error() != QAudio::UnderrunError) {
            emit failed(tr("The audio output stopped with an error."));
        }
    });
    m_buffer.setData(pcm);
    m_buffer.open(QIODevice::ReadOnly);
    m_sink->start(&m_buffer);
    if (m_sink->error() != QAudio::NoError) {
        emit failed(tr("The audio output could not be opened."));
        release();
        return;
    }
    emit started();
}

void QtAudioPlayback::stop()
{
    const bool wasPlaying = isPlaying();
    release();
    if (wasPlaying)
        emit finished();
}

bool QtAudioPlayback::isPlaying() const
{
    return m_sink && m_sink->state() == QAudio::ActiveState;
}
