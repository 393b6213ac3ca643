#include "tests/workspace/TcpRelay.h"

#include <QHostAddress>
#include <QList>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>

class TcpRelayWorker : public QObject
{
public:
    explicit TcpRelayWorker(quint16 targetPort)
        : m_targetPort(targetPort)
    { }

    quint16 listen(quint16 port)
    {
        if (!m_server) {
            m_server = new QTcpServer(this);
            connect(m_server, &QTcpServer::newConnection, this, [this] { accept(); });
        }
        if (!m_server->isListening() && !m_server->listen(QHostAddress::LocalHost, port))
            return 0;
        return m_server->serverPort();
    }

    void close()
    {
        if (m_server)
            m_server->close();
        const auto sockets = m_sockets;
        m_sockets.clear();
        for (const QPointer<QTcpSocket>& socket : sockets) {
            if (socket) {
                socket->abort();
                socket->deleteLater();
            }
        }
    }

private:
    void accept()
    {
        while (QTcpSocket* client = m_server->nextPendingConnection()) {
            auto* upstream = new QTcpSocket(this);
            client->setParent(this);
            m_sockets << client << upstream;
            connect(
                client, &QTcpSocket::readyRead, upstream, [client, upstream] { upstream->write(client->readAll()); });
            connect(
                upstream, &QTcpSocket::readyRead, client, [client, upstream] { client->write(upstream->readAll()); });
            connect(upstream, &QTcpSocket::connected, client, [client, upstream] {
                if (client->bytesAvailable() > 0)
                    upstream->write(client->readAll());
            });
            connect(client, &QTcpSocket::disconnected, upstream, &QTcpSocket::disconnectFromHost);
            connect(upstream, &QTcpSocket::disconnected, client, &QTcpSocket::disconnectFromHost);
            upstream->connectToHost(QHostAddress::LocalHost, m_targetPort);
        }
    }

    quint16 m_targetPort;
    QTcpServer* m_server = nullptr;
    QList<QPointer<QTcpSocket>> m_sockets;
};

TcpRelay::TcpRelay(quint16 targetPort)
    : m_worker(new TcpRelayWorker(targetPort))
{
    m_worker->moveToThread(&m_thread);
    QObject::connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

TcpRelay::~TcpRelay()
{
    stop();
    m_thread.quit();
    m_thread.wait();
}

bool TcpRelay::start()
{
    quint16 port = 0;
    const quint16 wanted = m_port;
    QMetaObject::invokeMethod(
        m_worker, [this, wanted, &port] { port = m_worker->listen(wanted); }, Qt::BlockingQueuedConnection);
    if (port == 0)
        return false;
    m_port = port;
    return true;
}

void TcpRelay::stop()
{
    QMetaObject::invokeMethod(
        m_worker, [this] { m_worker->close(); }, Qt::BlockingQueuedConnection);
}
