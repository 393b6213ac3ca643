#include "services/dealdesk/ProposalHtml.h"

#include <QTest>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextList>

class tst_ProposalHtml : public QObject
{
    Q_OBJECT

private slots:
    void fromMarkdown_data()
    {
        QTest::addColumn<QString>("markdown");
        QTest::addColumn<QString>("html");
        QTest::newRow("empty") << QString() << QString();
        QTest::newRow("paragraphs") << QStringLiteral("One\ntwo\n\nThree")
                                    << QStringLiteral("<p>One<br/>two</p><p>Three</p>");
        QTest::newRow("windows line ends") << QStringLiteral("A\r\n\r\nB") << QStringLiteral("<p>A</p><p>B</p>");
        QTest::newRow("bullets") << QStringLiteral("Intro\n- a\n* b\n• c")
                                 << QStringLiteral("<p>Intro</p><ul><li>a</li><li>b</li><li>c</li></ul>");
        QTest::newRow("numbered") << QStringLiteral("1. a\n2) b") << QStringLiteral("<ol><li>a</li><li>b</li></ol>");
        QTest::newRow("list kinds switch")
            << QStringLiteral("- a\n1. b") << QStringLiteral("<ul><li>a</li></ul><ol><li>b</li></ol>");
        QTest::newRow("heading") << QStringLiteral("## Scope ##\nText")
                                 << QStringLiteral("<p><b>Scope</b></p><p>Text</p>");
        QTest::newRow("bold and italic") << QStringLiteral("**big** and *small* and __b__ _i_")
                                         << QStringLiteral("<p><b>big</b> and <i>small</i> and <b>b</b> <i>i</i></p>");
        QTest::newRow("snake_case stays")
            << QStringLiteral("a snake_case_name and 2*3*4") << QStringLiteral("<p>a snake_case_name and 2*3*4</p>");
        QTest::newRow("html is escaped")
            << QStringLiteral("<b onclick=\"x\">hi</b> & <script>")
            << QStringLiteral("<p>&lt;b onclick=&quot;x&quot;&gt;hi&lt;/b&gt; &amp; &lt;script&gt;</p>");
        QTest::newRow("escaped inside markup")
            << QStringLiteral("**<i>**") << QStringLiteral("<p><b>&lt;i&gt;</b></p>");
        QTest::newRow("unclosed markers")
            << QStringLiteral("**open and *half") << QStringLiteral("<p>**open and *half</p>");
    }

    void fromMarkdown()
    {
        QFETCH(QString, markdown);
        QFETCH(QString, html);
        QCOMPARE(ProposalHtml::fromMarkdown(markdown), html);
    }

    void fromDocumentKeepsOnlyTheSubset()
    {
        QTextDocument document;
        document.setHtml(QStringLiteral(
            "<p style=\"font-family:Comic Sans MS; font-size:30pt; color:red\">Hello <b>bold</b> <i>it</i> "
            "<u>under</u> &lt;tag&gt;</p><p></p><ul><li>one</li><li>two</li></ul><ol><li>first</li></ol>"
            "<p>after</p>"));
        const QString html = ProposalHtml::fromDocument(document);
        QCOMPARE(html,
            QStringLiteral(
                "<p>Hello <b>bold</b> <i>it</i> <u>under</u> &lt;tag&gt;</p><ul><li>one</li><li>two</li></ul>"
                "<ol><li>first</li></ol><p>after</p>"));
    }

    void documentRoundTripIsStable()
    {
        const QString stored = QStringLiteral("<p>A <b>b</b></p><ul><li>x</li></ul><p>c<br/>d</p>");
        QTextDocument document;
        document.setHtml(stored);
        const QString once = ProposalHtml::fromDocument(document);
        QTextDocument again;
        again.setHtml(once);
        QCOMPARE(ProposalHtml::fromDocument(again), once);
        QVERIFY2(once.contains(QStringLiteral("c<br/>d")), qPrintable(once));
        QCOMPARE(ProposalHtml::toPlainText(once).trimmed().split(QLatin1Char('\n')).first(), QStringLiteral("A b"));
    }

    void listsMadeInTheEditorAreKept()
    {
        QTextDocument document;
        QTextCursor cursor(&document);
        cursor.insertText(QStringLiteral("Plan"));
        cursor.insertBlock();
        cursor.createList(QTextListFormat::ListDecimal);
        cursor.insertText(QStringLiteral("Audit"));
        cursor.insertBlock();
        cursor.insertText(QStringLiteral("Build"));
        QCOMPARE(
            ProposalHtml::fromDocument(document), QStringLiteral("<p>Plan</p><ol><li>Audit</li><li>Build</li></ol>"));
    }
};

QTEST_MAIN(tst_ProposalHtml)
#include "tst_proposalhtml.moc"
