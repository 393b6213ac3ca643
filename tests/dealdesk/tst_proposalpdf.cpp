#include "models/Money.h"
#include "services/dealdesk/ProposalPdfExporter.h"

#include <QDir>
#include <QFile>
#include <QLocale>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {
Proposal longProposal()
{
    Proposal p;
    p.id = QStringLiteral("0193a1f2-7c3e-7a11-9b2d-4c5e6f708192");
    p.title = QStringLiteral("Website redesign");
    p.currency = QStringLiteral("EUR");
    p.validUntil = QDate(2031, 6, 30);
    const QString paragraph = QStringLiteral("<p>We rebuild the site on a modern stack, migrate every page and keep "
                                             "search rankings intact. Each step is reviewed with your team.</p>");
    for (int i = 1; i <= 8; ++i) {
        QString body;
        for (int j = 0; j < 6; ++j)
            body += paragraph;
        p.sections.append({ QStringLiteral("Phase %1 deliverables").arg(i), body });
    }
    p.lines = { { QStringLiteral("Design"), 1500, 99999, 1900 }, { QStringLiteral("Development"), 40000, 9500, 1900 },
        { QStringLiteral("Hosting (year)"), 1000, 12000, 0 } };
    return p;
}

Lead client()
{
    Lead lead;
    lead.name = QStringLiteral("Jane Cooper");
    lead.company = QStringLiteral("Acme Widgets Ltd");
    lead.email = QStringLiteral("jane@acme.example");
    return lead;
}

QString tool(const QString& name)
{
    return QStandardPaths::findExecutable(name);
}

QString run(const QString& program, const QStringList& args)
{
    QProcess process;
    process.start(program, args);
    if (!process.waitForFinished(30000) || process.exitCode() != 0)
        return {};
    return QString::fromUtf8(process.readAllStandardOutput());
}
} // namespace

class tst_ProposalPdf : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void exportsMultiPagePdf()
    {
        if (tool(QStringLiteral("pdfinfo")).isEmpty() || tool(QStringLiteral("pdftotext")).isEmpty())
            QFAIL("pdfinfo/pdftotext (poppler-utils) are missing: run scripts/bootstrap to install them.");
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("proposal.pdf"));
        const Proposal proposal = longProposal();
        const QString error
            = ProposalPdfExporter(QStringLiteral("Northwind Studio")).exportTo(proposal, client(), path);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(QFile::exists(path));

        const QString info = run(tool(QStringLiteral("pdfinfo")), { path });
        QVERIFY2(!info.isEmpty(), "pdfinfo did not accept the file");
        const QRegularExpressionMatch pages = QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)")).match(info);
        QVERIFY2(pages.hasMatch(), qPrintable(info));
        const int pageCount = pages.captured(1).toInt();
        QVERIFY2(pageCount >= 2, qPrintable(info));
        QVERIFY(info.contains(QStringLiteral("A4")));

        QString text = run(tool(QStringLiteral("pdftotext")), { QStringLiteral("-layout"), path, QStringLiteral("-") });
        QVERIFY(!text.isEmpty());
        text.replace(QChar(0x00A0), QLatin1Char(' '));
        QVERIFY(text.contains(QStringLiteral("Website redesign")));
        QVERIFY(text.contains(QStringLiteral("Jane Cooper")));
        QVERIFY(text.contains(QStringLiteral("Acme Widgets Ltd")));
        QVERIFY(text.contains(QStringLiteral("Northwind Studio")));
        QVERIFY(text.contains(QStringLiteral("Phase 3 deliverables")));
        // 1499.99 + 3800.00 + 120.00 = 5419.99 net; tax 285.00 + 722.00 = 1007.00; total 6426.99.
        const QString total = Money::format(642699, QStringLiteral("EUR"), true);
        QCOMPARE(total, QStringLiteral("€6,426.99"));
        QVERIFY2(text.contains(total), qPrintable(text.right(1500)));
        QVERIFY(text.contains(QStringLiteral("Page 1 of %1").arg(pageCount)));
        QVERIFY(text.contains(QStringLiteral("Page %1 of %1").arg(pageCount)));
        // A document a client can answer: its reference, validity and a place to sign.
        QVERIFY(text.contains(QStringLiteral("PROPOSAL")));
        QVERIFY(text.contains(QStringLiteral("P-6F708192"))); // the random tail of the id, not its time stamp
        QVERIFY(text.contains(QStringLiteral("30 June 2031")));
        QVERIFY(text.contains(QStringLiteral("Acceptance")));
        QVERIFY(text.contains(QStringLiteral("For Acme Widgets Ltd")));
        QVERIFY(text.contains(QStringLiteral("For Northwind Studio")));

        // The pricing table and its totals are never split over two pages.
        int pricingPage = 0;
        for (int page = 1; page <= pageCount && pricingPage == 0; ++page) {
            const QString pageText = run(tool(QStringLiteral("pdftotext")),
                { QStringLiteral("-f"), QString::number(page), QStringLiteral("-l"), QString::number(page), path,
                    QStringLiteral("-") });
            if (pageText.contains(QStringLiteral("Investment"))) {
                pricingPage = page;
                QVERIFY2(pageText.contains(QStringLiteral("Total (EUR)")), qPrintable(pageText.right(800)));
                QVERIFY(pageText.contains(QStringLiteral("Hosting (year)")));
            }
        }
        QVERIFY(pricingPage > 0);
    }

    void pricingMovesToTheNextPageRatherThanSplitting_data()
    {
        QTest::addColumn<int>("paragraphs");
        // Different body lengths put the pricing table at different heights of the last page, some of which would
        // cut it in two.
        for (int n = 10; n <= 22; n += 2)
            QTest::newRow(qPrintable(QStringLiteral("%1 paragraphs").arg(n))) << n;
    }

    void pricingMovesToTheNextPageRatherThanSplitting()
    {
        QFETCH(int, paragraphs);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("p.pdf"));
        Proposal proposal = longProposal();
        QString body;
        for (int i = 0; i < paragraphs; ++i)
            body += QStringLiteral("<p>Paragraph %1 of the scope, long enough to wrap onto a second line of the page "
                                   "so that the layout moves by more than a line each time.</p>")
                        .arg(i + 1);
        proposal.sections = { { QStringLiteral("Scope"), body } };
        for (int i = 0; i < 8; ++i)
            proposal.lines.append({ QStringLiteral("Extra item %1").arg(i + 1), 1000, 1000, 1900 });
        QVERIFY(ProposalPdfExporter(QStringLiteral("Northwind Studio")).exportTo(proposal, client(), path).isEmpty());
        const QString info = run(tool(QStringLiteral("pdfinfo")), { path });
        const int pageCount = QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)")).match(info).captured(1).toInt();
        QVERIFY(pageCount >= 1);
        for (int page = 1; page <= pageCount; ++page) {
            const QString pageText = run(tool(QStringLiteral("pdftotext")),
                { QStringLiteral("-f"), QString::number(page), QStringLiteral("-l"), QString::number(page), path,
                    QStringLiteral("-") });
            if (pageText.contains(QStringLiteral("Investment")))
                QVERIFY2(
                    pageText.contains(QStringLiteral("Total (EUR)")), qPrintable(QStringLiteral("page %1").arg(page)));
        }
    }

    void failedExportLeavesOldFile()
    {
        QTemporaryDir dir;
        const QString missing = dir.filePath(QStringLiteral("no/such/dir/proposal.pdf"));
        QVERIFY(
            !ProposalPdfExporter(QStringLiteral("Northwind")).exportTo(longProposal(), client(), missing).isEmpty());
        QVERIFY(!QFile::exists(missing));
    }
};

QTEST_MAIN(tst_ProposalPdf)
#include "tst_proposalpdf.moc"
