#pragma once

#include <QObject>
#include <QThread>

class TcpRelayWorker;

// A loopback TCP relay in front of the test PostgreSQL server, on a thread of its own: stop() makes the server
// unreachable for everything connected through it (listening stops, open connections drop) without touching the
// cluster other tests share; start() lets connections through again on the same port.
class TcpRelay
{
public:
    explicit TcpRelay(quint16 targetPort);
    ~TcpRelay();
    TcpRelay(const TcpRelay&) = delete;
    TcpRelay& operator=(const TcpRelay&) = delete;

    bool start();
    void stop();
    quint16 port() const { return m_port; }

private:
    QThread m_thread;
    TcpRelayWorker* m_worker;
    quint16 m_port = 0;
};
