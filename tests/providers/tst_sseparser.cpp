#include "services/providers/SseParser.h"

#include <QTest>

class TestSseParser : public QObject
{
    Q_OBJECT

private slots:
    void parse_data()
    {
        QTest::addColumn<QByteArrayList>("pieces");
        QTest::addColumn<QByteArrayList>("events");
        QTest::newRow("one event") << QByteArrayList { "data: {\"a\":1}\n\n" } << QByteArrayList { "{\"a\":1}" };
        QTest::newRow("split anywhere") << QByteArrayList { "da", "ta: x", "\n", "\ndata:y\n", "\n" }
                                        << QByteArrayList { "x", "y" };
        QTest::newRow("crlf") << QByteArrayList { "data: x\r\n\r\ndata: [DONE]\r\n\r\n" }
                              << QByteArrayList { "x", "[DONE]" };
        QTest::newRow("multi-line data") << QByteArrayList { "data: a\ndata: b\n\n" } << QByteArrayList { "a\nb" };
        QTest::newRow("comments and fields")
            << QByteArrayList { ": ping\n\nevent: message\nid: 3\ndata:  two\n\n" } << QByteArrayList { " two" };
        QTest::newRow("unterminated last event")
            << QByteArrayList { "data: a\n\ndata: b" } << QByteArrayList { "a", "b" };
    }

    void parse()
    {
        QFETCH(QByteArrayList, pieces);
        QFETCH(QByteArrayList, events);
        SseParser parser;
        QByteArrayList got;
        for (const QByteArray& piece : pieces)
            got += parser.feed(piece);
        got += parser.finish();
        QCOMPARE(got, events);
    }
};

QTEST_GUILESS_MAIN(TestSseParser)
#include "tst_sseparser.moc"
