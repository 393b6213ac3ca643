#include "services/providers/SseParser.h"

QList<QByteArray> SseParser::feed(const QByteArray& bytes)
{
    m_buffer.append(bytes);
    QList<QByteArray> events;
    qsizetype start = 0;
    for (qsizetype newline = m_buffer.indexOf('\n'); newline >= 0; newline = m_buffer.indexOf('\n', start)) {
        takeLine(m_buffer.sliced(start, newline - start), events);
        start = newline + 1;
    }
    m_buffer.remove(0, start);
    return events;
}

QList<QByteArray> SseParser::finish()
{
    QList<QByteArray> events;
    if (!m_buffer.isEmpty())
        takeLine(std::exchange(m_buffer, {}), events);
    takeLine({}, events);
    return events;
}

void SseParser::reset()
{
    m_buffer.clear();
    m_data.clear();
    m_hasData = false;
}

void SseParser::takeLine(QByteArray line, QList<QByteArray>& events)
{
    if (line.endsWith('\r'))
        line.chop(1);
    if (line.isEmpty()) {
        if (m_hasData)
            events.append(std::exchange(m_data, {}));
        m_hasData = false;
        return;
    }
    if (!line.startsWith("data:"))
        return;
    QByteArray value = line.mid(5);
    if (value.startsWith(' '))
        value.remove(0, 1);
    if (m_hasData)
        m_data.append('\n');
    m_data.append(value);
    m_hasData = true;
}
