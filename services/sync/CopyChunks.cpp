#include "services/sync/CopyChunks.h"

#include <chrono>

CopyChunks::CopyChunks(qsizetype chunkSize)
    : m_chunkSize(chunkSize)
{ }

std::shared_ptr<CopyChunks> CopyChunks::whole(const QByteArray& data)
{
    auto chunks = std::make_shared<CopyChunks>();
    chunks->m_chunks.append(data);
    chunks->m_bytes = data.size();
    chunks->m_finished = true;
    return chunks;
}

void CopyChunks::append(const char* data, int size)
{
    // Bytes gather outside the lock; readers only ever see whole chunks.
    if (m_pending.isEmpty())
        m_pending.reserve(m_chunkSize + size);
    m_pending.append(data, size);
    if (m_pending.size() < m_chunkSize)
        return;
    const std::lock_guard lock(m_mutex);
    publishPending();
    m_arrived.notify_all();
}

void CopyChunks::publishPending()
{
    if (m_pending.isEmpty())
        return;
    m_bytes += m_pending.size();
    m_chunks.append(std::exchange(m_pending, QByteArray()));
}

void CopyChunks::finish(bool ok, const QString& error)
{
    const std::lock_guard lock(m_mutex);
    publishPending();
    m_finished = true;
    m_failed = !ok;
    m_error = error;
    m_arrived.notify_all();
}

bool CopyChunks::chunk(int index, QByteArray* out, const std::atomic<bool>* cancelled,
    std::chrono::milliseconds patience, bool* stalled) const
{
    const auto start = std::chrono::steady_clock::now();
    std::unique_lock lock(m_mutex);
    for (;;) {
        if (m_failed)
            return false;
        if (index < m_chunks.size()) {
            *out = m_chunks.at(index);
            return true;
        }
        if (m_finished || (cancelled && cancelled->load()))
            return false;
        const auto waited
            = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
        if (patience != std::chrono::milliseconds::max() && waited >= patience) {
            if (stalled)
                *stalled = true;
            return false;
        }
        // A cancelling reader is not notified; it looks again at least every 50 ms.
        m_arrived.wait_for(lock, std::chrono::milliseconds(50));
    }
}

bool CopyChunks::failed() const
{
    const std::lock_guard lock(m_mutex);
    return m_failed;
}

QString CopyChunks::error() const
{
    const std::lock_guard lock(m_mutex);
    return m_error;
}

qint64 CopyChunks::bytes() const
{
    const std::lock_guard lock(m_mutex);
    return m_bytes;
}
