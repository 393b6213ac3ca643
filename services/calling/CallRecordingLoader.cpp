#include "services/calling/CallRecordingLoader.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>

CallRecordingLoader::CallRecordingLoader(QNetworkAccessManager* network, QObject* parent)
    : QObject(parent)
    , m_network(network)
{
}

CallRecordingLoader::~CallRecordingLoader()
{
    cancel();
}

void CallRecordingLoader::load(const QUrl& url, std::function<void(const CallRecording&)> done)
{
    cancel();
    m_done = std::move(done);
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    request.setTransferTimeout(30000);
    QNetworkReply* reply = m_network->get(request);
    m_reply = reply;
    connect(reply, &QNetworkReply::downloadProgress, this, [this, reply](qint64 received, qint64 total) {
        if (received > kMaxBytes || total > kMaxBytes) {
            reply->setProperty("tooLarge", true);
            reply->abort();
            return;
        }
        emit progress(received, total);
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply] { finish(reply); });
}

bool CallRecordingLoader::isLoading() const
{
    return !m_reply.isNull();
}

void CallRecordingLoader::cancel()
{
    m_done = nullptr;
    if (QNetworkReply* reply = m_reply) {
        m_reply = nullptr;
        reply->abort();
        reply->deleteLater();
    }
}

void CallRecordingLoader::finish(QNetworkReply* reply)
{
    reply->deleteLater();
    if (reply != m_reply)
        return; // cancelled
    m_reply = nullptr;
    const auto done = std::exchange(m_done, nullptr);
    CallRecording recording;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->property("tooLarge").toBool()) {
        recording.error = tr("the recording is larger than %1 MB").arg(kMaxBytes / (1024 * 1024));
    } else if (reply->error() != QNetworkReply::NoError) {
        recording.error = status > 0 ? tr("the server answered HTTP %1 (%2)").arg(status).arg(reply->errorString())
                                     : reply->errorString();
    } else {
        const QByteArray body = reply->readAll();
        recording.audio = WavAudio::parse(body);
        if (recording.audio.ok())
            recording.kind = CallRecording::Kind::Pcm;
        else if (body.isEmpty())
            recording.error = tr("the recording is empty");
        else
            recording.kind = CallRecording::Kind::OtherFormat;
    }
    if (done)
        done(recording);
}
