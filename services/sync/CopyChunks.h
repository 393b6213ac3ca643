#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>

// A COPY stream as it arrives from the server, in chunks of about a megabyte, readable by several threads while it is
// still being written: the first sync's search index (SearchIndexSideBuild) is built from the rows that arrived
// while the rest are still on their way. Readers share the chunks (QByteArray's implicit sharing), so the stream is
// held once however many read it.
class CopyChunks
{
public:
    // chunkSize: bytes gathered before readers see them (in whole appends, which may make a chunk a little larger).
    explicit CopyChunks(qsizetype chunkSize = 1 << 20);
    // A finished stream of one chunk (tests, and streams read as a whole).
    static std::shared_ptr<CopyChunks> whole(const QByteArray& data);

    // Writer side: bytes in stream order, then finish() once (ok false: the stream broke, readers fail).
    void append(const char* data, int size);
    void finish(bool ok, const QString& error = QString());

    // Reader side: chunk index, waiting until it arrived. False when the stream ended (or failed) before it, when
    // *cancelled became true while waiting, or (*stalled set) when nothing arrived for patience.
    bool chunk(int index, QByteArray* out, const std::atomic<bool>* cancelled = nullptr,
        std::chrono::milliseconds patience = std::chrono::milliseconds::max(), bool* stalled = nullptr) const;
    bool failed() const;
    QString error() const;
    qint64 bytes() const; // of the chunks readers can see: all of them once finished

private:
    void publishPending(); // with m_mutex held

    const qsizetype m_chunkSize;
    mutable std::mutex m_mutex;
    mutable std::condition_variable m_arrived;
    QList<QByteArray> m_chunks;
    QByteArray m_pending; // the writer's chunk in progress
    qint64 m_bytes = 0;
    bool m_finished = false;
    bool m_failed = false;
    QString m_error;
};
