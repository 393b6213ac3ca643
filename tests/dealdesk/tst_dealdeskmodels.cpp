#include "models/Money.h"
#include "ui/dealdesk/LeadChoiceModel.h"
#include "ui/dealdesk/PipelineHeader.h"
#include "ui/dealdesk/PricingLinesModel.h"
#include "ui/dealdesk/ProposalFilterProxy.h"
#include "ui/dealdesk/ProposalListModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using S = Proposal::Status;

namespace {
ProposalSummary summary(const QString& id, const QString& title, S status, qint64 total, const QString& intent = {})
{
    ProposalSummary s;
    s.id = id;
    s.title = title;
    s.leadId = QStringLiteral("lead-") + id;
    s.leadName = QStringLiteral("Lead ") + id;
    s.leadCompany = QStringLiteral("Company ") + id;
    s.leadIntent = intent;
    s.status = status;
    s.currency = QStringLiteral("EUR");
    s.totalMinor = total;
    s.updatedAt = QDateTime(QDate(2025, 3, 1), QTime(12, 0), Qt::UTC);
    return s;
}

QStringList ids(const QAbstractItemModel& model)
{
    QStringList result;
    for (int row = 0; row < model.rowCount(); ++row)
        result.append(model.index(row, 0).data(ProposalListModel::IdRole).toString());
    return result;
}
} // namespace

class tst_DealDeskModels : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void listUpdatesRowsInPlace()
    {
        ProposalListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);

        model.setProposals({ summary(QStringLiteral("a"), QStringLiteral("Alpha"), S::Draft, 100),
            summary(QStringLiteral("b"), QStringLiteral("Beta"), S::Sent, 200) });
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(inserted.size(), 1);

        ProposalSummary betaAccepted = summary(QStringLiteral("b"), QStringLiteral("Beta"), S::Accepted, 200);
        model.setProposals({ betaAccepted, summary(QStringLiteral("c"), QStringLiteral("Gamma"), S::Draft, 5) });
        QCOMPARE(removed.size(), 1); // a
        QCOMPARE(changed.size(), 1); // b
        QCOMPARE(inserted.size(), 2); // c
        QCOMPARE(resets.size(), 0);
        QCOMPARE(ids(model), (QStringList { QStringLiteral("b"), QStringLiteral("c") }));
        const QModelIndex status = model.index(0, ProposalListModel::Status);
        QCOMPARE(status.data().toString(), QStringLiteral("Accepted"));
        QCOMPARE(status.data(ProposalListModel::StatusRole).toString(), QStringLiteral("accepted"));

        // The same data again changes nothing.
        model.setProposals({ betaAccepted, summary(QStringLiteral("c"), QStringLiteral("Gamma"), S::Draft, 5) });
        QCOMPARE(changed.size(), 1);
        model.setProposals({});
        QCOMPARE(model.rowCount(), 0);
    }

    void displayAndRawValues()
    {
        ProposalListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        ProposalSummary expired = summary(QStringLiteral("x"), QStringLiteral("Old offer"), S::Sent, 123456);
        expired.validUntil = QDate::currentDate().addDays(-1);
        ProposalSummary open = summary(QStringLiteral("y"), QStringLiteral("Open offer"), S::Accepted, 50);
        open.leadCompany = open.leadName;
        model.setProposals({ expired, open });
        QCOMPARE(model.index(0, ProposalListModel::Total).data().toString(),
            Money::format(123456, QStringLiteral("EUR"), true));
        QCOMPARE(model.index(0, ProposalListModel::Total).data(ProposalListModel::RawValueRole).toLongLong(), 123456);
        QVERIFY(model.index(0, ProposalListModel::ValidUntil).data().toString().startsWith(QStringLiteral("Expired")));
        QVERIFY(model.index(0, ProposalListModel::ValidUntil).data(Qt::ForegroundRole).isValid());
        QCOMPARE(model.index(0, ProposalListModel::Lead).data().toString(), QStringLiteral("Lead x · Company x"));
        QCOMPARE(model.index(1, ProposalListModel::Lead).data().toString(), QStringLiteral("Lead y"));
        QCOMPARE(model.index(1, ProposalListModel::ValidUntil).data().toString(), QStringLiteral("No expiry"));
        // Accepted proposals do not expire in the list's eyes.
        open.validUntil = QDate::currentDate().addDays(-10);
        QVERIFY(!ProposalListModel::isExpired(open));
        QCOMPARE(model.index(0, 0).data(ProposalListModel::LeadIdRole).toString(), QStringLiteral("lead-x"));
    }

    void proxyFiltersAndSortsByRawValue()
    {
        ProposalListModel model;
        ProposalFilterProxy proxy(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setProposals(
            { summary(QStringLiteral("a"), QStringLiteral("Website"), S::Draft, 900, QStringLiteral("high")),
                summary(QStringLiteral("b"), QStringLiteral("Hosting"), S::Sent, 10000, QStringLiteral("low")),
                summary(QStringLiteral("c"), QStringLiteral("Website v2"), S::Sent, 50) });
        proxy.sort(ProposalListModel::Total, Qt::AscendingOrder);
        // As numbers: 50 < 900 < 10000 (as text "€10,000" would sort first).
        QCOMPARE(ids(proxy), (QStringList { QStringLiteral("c"), QStringLiteral("a"), QStringLiteral("b") }));

        QSignalSpy filterChanged(&proxy, &ProposalFilterProxy::filterChanged);
        ProposalFilter filter;
        filter.search = QStringLiteral("website");
        proxy.setFilter(filter);
        QCOMPARE(ids(proxy), (QStringList { QStringLiteral("c"), QStringLiteral("a") }));
        filter.status = S::Sent;
        proxy.setFilter(filter);
        QCOMPARE(ids(proxy), QStringList { QStringLiteral("c") });
        filter = {};
        filter.intent = QString();
        proxy.setFilter(filter);
        QCOMPARE(ids(proxy), QStringList { QStringLiteral("c") });
        filter.intent = QStringLiteral("low");
        proxy.setFilter(filter);
        QCOMPARE(ids(proxy), QStringList { QStringLiteral("b") });
        QCOMPARE(filterChanged.size(), 4);
        proxy.setFilter(filter); // unchanged: no signal
        QCOMPARE(filterChanged.size(), 4);

        // Rows arriving later are filtered too.
        model.setProposals({ summary(QStringLiteral("d"), QStringLiteral("New"), S::Draft, 1, QStringLiteral("low")) });
        QCOMPARE(ids(proxy), QStringList { QStringLiteral("d") });
    }

    void pricingLinesParseWhatPeopleType_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("input");
        QTest::addColumn<bool>("accepted");
        QTest::addColumn<qint64>("raw");
        QTest::newRow("quantity int") << int(PricingLinesModel::Quantity) << QStringLiteral("3") << true
                                      << qint64(3000);
        QTest::newRow("quantity decimal")
            << int(PricingLinesModel::Quantity) << QStringLiteral("1.5") << true << qint64(1500);
        QTest::newRow("quantity comma decimal")
            << int(PricingLinesModel::Quantity) << QStringLiteral("2,25") << true << qint64(2250);
        QTest::newRow("quantity words") << int(PricingLinesModel::Quantity) << QStringLiteral("two") << false
                                        << qint64(1000);
        QTest::newRow("quantity negative")
            << int(PricingLinesModel::Quantity) << QStringLiteral("-1") << false << qint64(1000);
        QTest::newRow("quantity empty") << int(PricingLinesModel::Quantity) << QString() << false << qint64(1000);
        QTest::newRow("price grouped") << int(PricingLinesModel::UnitPrice) << QStringLiteral("1,250.50") << true
                                       << qint64(125050);
        QTest::newRow("price german") << int(PricingLinesModel::UnitPrice) << QStringLiteral("1.250,50 €") << true
                                      << qint64(125050);
        QTest::newRow("price plain") << int(PricingLinesModel::UnitPrice) << QStringLiteral("99") << true
                                     << qint64(9900);
        QTest::newRow("price negative") << int(PricingLinesModel::UnitPrice) << QStringLiteral("-5") << false
                                        << qint64(0);
        QTest::newRow("price junk") << int(PricingLinesModel::UnitPrice) << QStringLiteral("12abc") << false
                                    << qint64(0);
        QTest::newRow("price empty") << int(PricingLinesModel::UnitPrice) << QStringLiteral("  ") << false << qint64(0);
        QTest::newRow("tax percent sign")
            << int(PricingLinesModel::TaxRate) << QStringLiteral("19 %") << true << qint64(1900);
        QTest::newRow("tax decimal") << int(PricingLinesModel::TaxRate) << QStringLiteral("7.5") << true << qint64(750);
        QTest::newRow("tax over 100") << int(PricingLinesModel::TaxRate) << QStringLiteral("101") << false << qint64(0);
        QTest::newRow("item trimmed") << int(PricingLinesModel::Item) << QStringLiteral("  Design  work ") << true
                                      << qint64(-1);
    }

    void pricingLinesParseWhatPeopleType()
    {
        QFETCH(int, column);
        QFETCH(QString, input);
        QFETCH(bool, accepted);
        QFETCH(qint64, raw);
        PricingLinesModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.addLine();
        QSignalSpy rejected(&model, &PricingLinesModel::inputRejected);
        QCOMPARE(model.setData(model.index(0, column), input), accepted);
        QCOMPARE(rejected.size(), accepted ? 0 : 1);
        if (column == PricingLinesModel::Item)
            QCOMPARE(model.lines().first().item, QStringLiteral("Design work"));
        else
            QCOMPARE(model.index(0, column).data(PricingLinesModel::RawValueRole).toLongLong(), raw);
    }

    void pricingLinesComputeLineTotalsAndMove()
    {
        PricingLinesModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy changed(&model, &PricingLinesModel::linesChanged);
        model.setCurrency(QStringLiteral("USD"));
        model.addLine({ QStringLiteral("Design"), 1500, 99999, 1900 });
        model.addLine({ QStringLiteral("Hosting"), 1000, 12000, 0 });
        QCOMPARE(
            model.index(0, PricingLinesModel::LineTotal).data(PricingLinesModel::RawValueRole).toLongLong(), 149999);
        QCOMPARE(model.index(0, PricingLinesModel::LineTotal).data().toString(), QStringLiteral("$1,499.99"));
        QCOMPARE(model.index(0, PricingLinesModel::UnitPrice).data(Qt::EditRole).toString(), QStringLiteral("999.99"));
        QVERIFY(!(model.flags(model.index(0, PricingLinesModel::LineTotal)) & Qt::ItemIsEditable));
        model.moveLine(1, 0);
        QCOMPARE(model.lines().first().item, QStringLiteral("Hosting"));
        QCOMPARE(
            model.index(1, PricingLinesModel::LineTotal).data(PricingLinesModel::RawValueRole).toLongLong(), 149999);
        model.moveLine(0, 1);
        QCOMPARE(model.lines().first().item, QStringLiteral("Design"));
        model.setErrors({ { QStringLiteral("lines.1.item"), QStringLiteral("Describe it") } });
        QCOMPARE(model.index(1, PricingLinesModel::Item).data(PricingLinesModel::ErrorRole).toString(),
            QStringLiteral("Describe it"));
        QVERIFY(model.index(1, PricingLinesModel::Item).data(Qt::BackgroundRole).isValid());
        model.removeLine(0);
        QCOMPARE(model.rowCount(), 1);
        QVERIFY(model.index(0, PricingLinesModel::Item).data(PricingLinesModel::ErrorRole).toString().isEmpty());
        model.setReadOnly(true);
        QVERIFY(!model.setData(model.index(0, PricingLinesModel::Quantity), QStringLiteral("5")));
        QVERIFY(!(model.flags(model.index(0, PricingLinesModel::Item)) & Qt::ItemIsEditable));
        QCOMPARE(changed.size(), 5); // two adds, two moves, one removal
    }

    void leadChoicesCarryIds()
    {
        LeadChoiceModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        Lead a;
        a.id = QStringLiteral("1");
        a.name = QStringLiteral("Jane");
        a.company = QStringLiteral("Acme");
        Lead b;
        b.id = QStringLiteral("2");
        b.name = QStringLiteral("Solo");
        b.company = QStringLiteral("Solo");
        model.setLeads({ a, b });
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0).data().toString(), QStringLiteral("Jane — Acme"));
        QCOMPARE(model.index(1).data().toString(), QStringLiteral("Solo"));
        QCOMPARE(model.index(1).data(LeadChoiceModel::IdRole).toString(), QStringLiteral("2"));
        model.setLeads({});
        QCOMPARE(model.rowCount(), 0);
    }

    void amountsAreNeverAddedAcrossCurrencies()
    {
        QMap<QString, qint64> totals;
        totals.insert(QStringLiteral("EUR"), 1250000);
        totals.insert(QStringLiteral("USD"), 80000);
        QCOMPARE(PipelineHeader::amountText(totals), QStringLiteral("€12,500 + $800"));
        QCOMPARE(PipelineHeader::amountText({}), QString());
        QCOMPARE(PipelineHeader::intentLabel(QString()), QStringLiteral("Not analysed"));
    }
};

QTEST_MAIN(tst_DealDeskModels)
#include "tst_dealdeskmodels.moc"
