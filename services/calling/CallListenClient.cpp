#include "services/calling/CallListenClient.h"

#include <QAudioDevice>
#include <QAudioSink>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMediaDevices>
#include <QNetworkRequest>
#include <QWebSocket>
#include <QtEndian>

#include <cmath>

CallListenClient::CallListenClient(QObject* parent)
    : QObject(parent)
    , m_socket(new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this))
{
    connect(m_socket, &QWebSocket::connected, this, [this] {
        m_open = true;
        emit connected();
    });
    connect(m_socket, &QWebSocket::binaryMessageReceived, this, &CallListenClient::onBinary);
    connect(m_socket, &QWebSocket::textMessageReceived, this, &CallListenClient::onText);
    // Qt 6.5 renamed QWebSocket::error to errorOccurred.
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    connect(m_socket, &QWebSocket::errorOccurred, this, [this] { m_socketError = m_socket->errorString(); });
#else
    connect(m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this,
        [this] { m_socketError = m_socket->errorString(); });
#endif
    connect(m_socket, &QWebSocket::disconnected, this, [this] {
        QString reason;
        if (!m_closing) {
            if (m_socket->closeCode() != QWebSocketProtocol::CloseCodeNormal)
                reason = m_socket->closeReason().isEmpty() ? m_socket->errorString() : m_socket->closeReason();
            else if (!m_socketError.isEmpty())
                reason = m_socketError; // dropped without a close frame
        }
        m_socketError.clear();
        m_open = false;
        m_closing = false;
        stopSink();
        stopRecording();
        emit closed(reason);
    });
}

CallListenClient::~CallListenClient()
{
    m_closing = true;
    disconnect(m_socket, nullptr, this, nullptr);
    m_socket->abort();
    stopSink();
    stopRecording();
}

void CallListenClient::open(const QUrl& listenUrl, const QByteArray& bearer)
{
    close();
    m_format = {};
    m_partial.clear();
    m_bytes = 0;
    m_audioSeen = false;
    m_socketError.clear();
    QNetworkRequest request(listenUrl);
    if (!bearer.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + bearer);
    m_socket->open(request);
}

void CallListenClient::close()
{
    if (m_socket->state() == QAbstractSocket::UnconnectedState)
        return;
    m_closing = true;
    m_socket->close();
}

void CallListenClient::setVolume(double volume)
{
    m_volume = std::clamp(volume, 0.0, 1.0);
}

bool CallListenClient::hasAudioOutput()
{
    return !QMediaDevices::defaultAudioOutput().isNull();
}

bool CallListenClient::setPlaybackEnabled(bool enabled)
{
    m_playbackWanted = enabled;
    if (!enabled) {
        stopSink();
        return true;
    }
    if (!hasAudioOutput())
        return false;
    startSink();
    return m_sink != nullptr;
}

void CallListenClient::startSink()
{
    stopSink();
    QAudioFormat format;
    format.setSampleRate(m_format.sampleRate);
    format.setChannelCount(1);
    format.setSampleFormat(QAudioFormat::Int16);
    const QAudioDevice device = QMediaDevices::defaultAudioOutput();
    if (device.isNull() || !device.isFormatSupported(format))
        return;
    m_sink = new QAudioSink(device, format, this);
    m_sinkDevice = m_sink->start();
}

void CallListenClient::stopSink()
{
    if (!m_sink)
        return;
    m_sink->stop();
    m_sink->deleteLater();
    m_sink = nullptr;
    m_sinkDevice = nullptr;
}

bool CallListenClient::startRecording(const QString& path, QString* error)
{
    auto recorder = std::make_unique<WavWriter>();
    if (!recorder->open(path, m_format.sampleRate, m_format.channels)) {
        if (error)
            *error = recorder->errorString();
        return false;
    }
    m_recorder = std::move(recorder);
    m_recordPath = path;
    return true;
}

bool CallListenClient::stopRecording()
{
    if (!m_recorder)
        return true;
    const bool ok = m_recorder->close();
    m_recorder.reset();
    return ok;
}

double CallListenClient::secondsReceived() const
{
    return double(m_bytes) / m_format.frameBytes() / m_format.sampleRate;
}

void CallListenClient::onText(const QString& text)
{
    const QJsonObject object = QJsonDocument::fromJson(text.toUtf8()).object();
    if (object.isEmpty())
        return;
    const int sampleRate = object.value(QLatin1String("sampleRate")).toInt();
    const int channels = object.value(QLatin1String("channels")).toInt();
    if (sampleRate > 0 || channels > 0) {
        // A format frame only counts before the first audio: the recording's header is already written after that.
        if (!m_audioSeen && sampleRate >= 8000 && sampleRate <= 48000 && channels >= 1 && channels <= 2) {
            m_format.sampleRate = sampleRate;
            m_format.channels = channels;
            if (m_recorder) // nothing written yet: the header is written again with the announced format
                m_recorder->open(m_recordPath, m_format.sampleRate, m_format.channels);
            if (m_sink)
                startSink();
            emit formatChanged(m_format);
        }
        return;
    }
    if (object.value(QLatin1String("type")).toString() == QLatin1String("transcript")) {
        const QString transcript = object.value(QLatin1String("transcript")).toString();
        if (!transcript.isEmpty())
            emit transcriptReceived(object.value(QLatin1String("role")).toString(), transcript,
                object.value(QLatin1String("transcriptType")).toString() != QLatin1String("partial"));
    }
}

void CallListenClient::onBinary(const QByteArray& data)
{
    m_audioSeen = true;
    QByteArray frames = m_partial + data;
    const int frameBytes = m_format.frameBytes();
    const qsizetype whole = frames.size() - frames.size() % frameBytes;
    m_partial = frames.mid(whole);
    frames.truncate(whole);
    m_bytes += data.size();
    if (m_recorder)
        m_recorder->write(data);
    if (frames.isEmpty()) {
        emit audioReceived(m_bytes);
        return;
    }
    int peaks[2] = { 0, 0 };
    const qsizetype count = frames.size() / 2;
    const char* raw = frames.constData();
    for (qsizetype i = 0; i < count; ++i) {
        const int sample = std::abs(int(qFromLittleEndian<qint16>(raw + i * 2)));
        const int channel = m_format.channels == 2 ? int(i % 2) : 0;
        peaks[channel] = std::max(peaks[channel], sample);
    }
    if (m_format.channels == 1)
        peaks[1] = 0;
    emit levelsChanged(peaks[0] / 32768.0, peaks[1] / 32768.0);
    if (m_sink && m_sinkDevice)
        play(frames);
    emit audioReceived(m_bytes);
}

void CallListenClient::play(const QByteArray& frames)
{
    const int channels = m_format.channels;
    const qsizetype count = frames.size() / m_format.frameBytes();
    QByteArray mono(count * 2, Qt::Uninitialized);
    const char* in = frames.constData();
    char* out = mono.data();
    for (qsizetype i = 0; i < count; ++i) {
        const int customer = qFromLittleEndian<qint16>(in + i * channels * 2);
        const int assistant = channels == 2 ? qFromLittleEndian<qint16>(in + i * channels * 2 + 2) : customer;
        int mixed = customer;
        if (m_channel == Channel::Assistant)
            mixed = assistant;
        else if (m_channel == Channel::Both)
            mixed = (customer + assistant) / 2;
        const int scaled = int(std::lround(mixed * m_volume));
        qToLittleEndian(qint16(std::clamp(scaled, -32768, 32767)), out + i * 2);
    }
    m_sinkDevice->write(mono);
}
