#pragma once

#include <QEventLoop>
#include <QObject>
#include <QString>
#include <QTest>
#include <QTimer>

#include <functional>
#include <optional>

namespace HubTest {

// Upper bound for any single asynchronous answer in tests; a healthy run needs a few milliseconds.
constexpr int kAsyncTimeoutMs = 10'000;

// Starts an asynchronous call that answers through a callback and spins a local event loop until it has answered.
// `start` receives a context object (pass it as the call's context) and the callback to hand to the call. The context
// dies when this returns, so an answer arriving after a timeout is dropped instead of touching a dead stack frame.
// On timeout the current test is marked failed with `what` in the message and std::nullopt is returned.
template <typename T>
std::optional<T> waitForCallback(const std::function<void(QObject* context, std::function<void(const T&)> done)>& start,
    const QString& what, int timeoutMs = kAsyncTimeoutMs)
{
    std::optional<T> result;
    QEventLoop loop;
    QObject context;
    start(&context, [&result, &loop](const T& value) {
        result = value;
        loop.quit();
    });
    if (!result) {
        QTimer timer;
        timer.setSingleShot(true);
        QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
        timer.start(timeoutMs);
        loop.exec();
    }
    if (!result) {
        const QString message = QStringLiteral("%1 did not answer within %2 ms").arg(what).arg(timeoutMs);
        QTest::qFail(qPrintable(message), __FILE__, __LINE__);
    }
    return result;
}

// Spins the event loop until predicate() holds; false (without failing the test) when timeoutMs passed first.
inline bool waitUntil(const std::function<bool()>& predicate, int timeoutMs = kAsyncTimeoutMs)
{
    return QTest::qWaitFor(predicate, timeoutMs);
}

} // namespace HubTest
