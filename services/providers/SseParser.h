#pragma once

#include <QByteArray>
#include <QList>

// Server-sent events as OpenAI-compatible servers send them: feed bytes as they arrive (chunk boundaries need not
// match event boundaries) and get the data payload of every completed event. "data:" lines of one event are joined
// with '\n', one space after the colon is dropped, ':' comments and other fields are ignored, "\r\n" is tolerated.
class SseParser
{
public:
    QList<QByteArray> feed(const QByteArray& bytes);
    // The stream ended: whatever event was still open counts as complete.
    QList<QByteArray> finish();
    void reset();

private:
    void takeLine(QByteArray line, QList<QByteArray>& events);

    QByteArray m_buffer;
    QByteArray m_data;
    bool m_hasData = false;
};
