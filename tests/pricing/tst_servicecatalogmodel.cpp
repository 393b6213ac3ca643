#include "models/pricing/ServiceCatalogModel.h"
#include "models/pricing/ServiceOfferingRules.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

namespace {
ServiceOffering service(const QString& id, const QString& name, qint64 price, const QStringList& keywords)
{
    ServiceOffering s;
    s.id = id;
    s.name = name;
    s.priceMinor = price;
    s.currency = QStringLiteral("EUR");
    s.keywords = keywords;
    return s;
}
} // namespace

Q_DECLARE_METATYPE(ServiceOffering)

class tst_ServiceCatalogModel : public QObject
{
    Q_OBJECT

private slots:
    void mergesByIdWithPreciseSignals()
    {
        ServiceCatalogModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setServices({ service(QStringLiteral("a"), QStringLiteral("Alpha"), 100, { QStringLiteral("a") }),
            service(QStringLiteral("b"), QStringLiteral("Beta"), 200, { QStringLiteral("b") }) });
        QCOMPARE(model.rowCount(), 2);

        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setServices({ service(QStringLiteral("b"), QStringLiteral("Beta"), 250, { QStringLiteral("b") }),
            service(QStringLiteral("c"), QStringLiteral("Gamma"), 300, { QStringLiteral("c") }) });
        QCOMPARE(reset.count(), 0);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(inserted.count(), 1);
        QVERIFY(changed.count() >= 1);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.rowOf(QStringLiteral("b")), 0);
        QCOMPARE(model.index(0, ServiceCatalogModel::Price).data(ServiceCatalogModel::RawValueRole).toLongLong(), 250);
        QCOMPARE(model.rowOf(QStringLiteral("c")), 1);
        QCOMPARE(model.rowOf(QStringLiteral("a")), -1);
        model.setServices({});
        QCOMPARE(model.rowCount(), 0);
    }

    void displaysAndEditsInMajorUnits()
    {
        ServiceCatalogModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setServices({ service(QStringLiteral("a"), QStringLiteral("Website"), 450050,
            { QStringLiteral("website"), QStringLiteral("landing page") }) });
        QCOMPARE(model.index(0, ServiceCatalogModel::Price).data(Qt::EditRole).toString(), QStringLiteral("4500.50"));
        QVERIFY(model.index(0, ServiceCatalogModel::Price).data().toString().contains(QStringLiteral("4,500.50")));
        QCOMPARE(
            model.index(0, ServiceCatalogModel::Keywords).data().toString(), QStringLiteral("website, landing page"));
        QCOMPARE(model.index(0, ServiceCatalogModel::Active).data(Qt::CheckStateRole).toInt(), int(Qt::Checked));
        QCOMPARE(model.index(0, 0).data(ServiceCatalogModel::IdRole).toString(), QStringLiteral("a"));
        QVERIFY(model.flags(model.index(0, ServiceCatalogModel::Active)) & Qt::ItemIsUserCheckable);
        QVERIFY(model.flags(model.index(0, ServiceCatalogModel::Name)) & Qt::ItemIsEditable);
    }

    void edits_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<QVariant>("value");
        QTest::addColumn<bool>("accepted");
        QTest::addColumn<QString>("errorField");
        QTest::addColumn<QString>("message");

        QTest::newRow("rename") << int(ServiceCatalogModel::Name) << QVariant(QStringLiteral(" Web ")) << true
                                << QString() << QString();
        QTest::newRow("empty name") << int(ServiceCatalogModel::Name) << QVariant(QStringLiteral("   ")) << false
                                    << QStringLiteral("name") << QStringLiteral("Give the service a name.");
        QTest::newRow("price with grouping")
            << int(ServiceCatalogModel::Price) << QVariant(QStringLiteral("1,200.5")) << true << QString() << QString();
        QTest::newRow("negative price") << int(ServiceCatalogModel::Price) << QVariant(QStringLiteral("-5")) << false
                                        << QStringLiteral("price") << QStringLiteral("The price cannot be negative.");
        QTest::newRow("price not a number") << int(ServiceCatalogModel::Price) << QVariant(QStringLiteral("cheap"))
                                            << false << QStringLiteral("price") << QString();
        QTest::newRow("keywords") << int(ServiceCatalogModel::Keywords)
                                  << QVariant(QStringLiteral("SEO, , Search  Ranking")) << true << QString()
                                  << QString();
        QTest::newRow("no keywords") << int(ServiceCatalogModel::Keywords) << QVariant(QStringLiteral(" , ,")) << false
                                     << QStringLiteral("keywords") << QString();
        QTest::newRow("sql text is just a name")
            << int(ServiceCatalogModel::Name) << QVariant(QStringLiteral("'); DROP TABLE services_catalog;--")) << true
            << QString() << QString();
    }

    void edits()
    {
        QFETCH(int, column);
        QFETCH(QVariant, value);
        QFETCH(bool, accepted);
        QFETCH(QString, errorField);
        QFETCH(QString, message);

        ServiceCatalogModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const ServiceOffering original
            = service(QStringLiteral("a"), QStringLiteral("Website"), 100, { QStringLiteral("website") });
        model.setServices({ original });
        QSignalSpy requested(&model, &ServiceCatalogModel::editRequested);
        QSignalSpy refused(&model, &ServiceCatalogModel::validationFailed);

        QCOMPARE(model.setData(model.index(0, column), value), accepted);
        QCOMPARE(requested.count(), accepted ? 1 : 0);
        QCOMPARE(refused.count(), accepted ? 0 : 1);
        if (!accepted) {
            const FieldError error = refused.first().first().value<FieldError>();
            QCOMPARE(error.field, errorField);
            QVERIFY(!error.message.isEmpty());
            if (!message.isEmpty())
                QCOMPARE(error.message, message);
            QCOMPARE(model.service(0), original); // unchanged
            return;
        }
        const ServiceOffering before = requested.first().at(0).value<ServiceOffering>();
        const ServiceOffering after = requested.first().at(1).value<ServiceOffering>();
        QCOMPARE(before, original);
        QCOMPARE(model.service(0), after);
        QVERIFY(ServiceOfferingRules::validate(after).isEmpty());
        if (column == ServiceCatalogModel::Price)
            QCOMPARE(after.priceMinor, 120050);
        if (column == ServiceCatalogModel::Keywords)
            QCOMPARE(after.keywords, (QStringList { QStringLiteral("seo"), QStringLiteral("search ranking") }));
        if (column == ServiceCatalogModel::Name && value.toString().trimmed() == QStringLiteral("Web"))
            QCOMPARE(after.name, QStringLiteral("Web"));
    }

    void unchangedEditIsNotAnEdit()
    {
        ServiceCatalogModel model;
        model.setServices(
            { service(QStringLiteral("a"), QStringLiteral("Website"), 100, { QStringLiteral("website") }) });
        QSignalSpy requested(&model, &ServiceCatalogModel::editRequested);
        QVERIFY(model.setData(model.index(0, ServiceCatalogModel::Name), QStringLiteral("Website")));
        QCOMPARE(requested.count(), 0);
    }

    void checkboxPausesService()
    {
        ServiceCatalogModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setServices(
            { service(QStringLiteral("a"), QStringLiteral("Website"), 100, { QStringLiteral("website") }) });
        QSignalSpy requested(&model, &ServiceCatalogModel::editRequested);
        QVERIFY(model.setData(model.index(0, ServiceCatalogModel::Active), int(Qt::Unchecked), Qt::CheckStateRole));
        QCOMPARE(requested.count(), 1);
        QVERIFY(!model.service(0).active);
        QCOMPARE(model.index(0, ServiceCatalogModel::Active).data(ServiceCatalogModel::RawValueRole).toInt(), 0);
    }

    void duplicateNamesAreFlagged()
    {
        ServiceCatalogModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setServices({ service(QStringLiteral("a"), QStringLiteral("Website"), 100, { QStringLiteral("x") }),
            service(QStringLiteral("b"), QStringLiteral("Logo"), 100, { QStringLiteral("y") }) });
        QVERIFY(!model.index(0, 0).data(ServiceCatalogModel::DuplicateNameRole).toBool());
        QVERIFY(model.setData(model.index(1, ServiceCatalogModel::Name), QStringLiteral(" website ")));
        QVERIFY(model.index(0, 0).data(ServiceCatalogModel::DuplicateNameRole).toBool());
        QVERIFY(model.index(1, 0).data(ServiceCatalogModel::DuplicateNameRole).toBool());
        QVERIFY(model.index(1, 0).data(Qt::ToolTipRole).toString().contains(QStringLiteral("website")));
    }
};

QTEST_GUILESS_MAIN(tst_ServiceCatalogModel)
#include "tst_servicecatalogmodel.moc"
