#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPair>
#include <QTcpServer>
#include <QUrl>
#include <QUrlQuery>

#include <functional>

class QTcpSocket;

namespace HubTest {

// One request a LoopbackHttpServer received.
struct HttpRequestRecord
{
    QByteArray method;
    QByteArray path; // without the query
    QUrlQuery query;
    QHash<QByteArray, QByteArray> headers; // names in lower case
    QByteArray body;
    QJsonObject json; // body parsed as a JSON object, when it is one
    QUrlQuery form; // body parsed as application/x-www-form-urlencoded, when it is that
};

struct HttpReply
{
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    bool hang = false; // never answer (the client's timeout fires)
    bool drop = false; // close the connection without an answer

    static HttpReply json(int status, const QByteArray& body);
};

// A small HTTP/1.1 server on 127.0.0.1 for the fake provider servers: parses each request (Content-Length bodies),
// records it, and answers what the handler returns, one request per connection.
class LoopbackHttpServer : public QObject
{
    Q_OBJECT

public:
    using Handler = std::function<HttpReply(const HttpRequestRecord&)>;

    explicit LoopbackHttpServer(QObject* parent = nullptr);
    ~LoopbackHttpServer() override;

    bool listen();
    quint16 port() const { return m_server.serverPort(); }
    QUrl baseUrl() const;
    void setHandler(Handler handler) { m_handler = std::move(handler); }
    const QList<HttpRequestRecord>& requests() const { return m_requests; }

private:
    void onReadyRead(QTcpSocket* socket);

    QTcpServer m_server;
    Handler m_handler;
    QList<HttpRequestRecord> m_requests;
    QHash<QTcpSocket*, QByteArray> m_buffers;
    QList<QTcpSocket*> m_hanging;
};

} // namespace HubTest
