#include "ui/brain/BrainLeadTableModel.h"
#include "ui/brain/BrainSuggestionModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

namespace {
BrainLeadRow row(const QString& id, const QString& name, int heat, qint64 stored = -1)
{
    BrainLeadRow r;
    r.leadId = id;
    r.name = name;
    r.company = name + QStringLiteral(" Ltd");
    r.dealHeat = heat;
    r.buyingIntent = QStringLiteral("high");
    r.nextBestAction = QStringLiteral("Call");
    r.currency = QStringLiteral("EUR");
    r.storedValueMinor = stored;
    r.lastTouchAt = QDateTime(QDate(2025, 6, 1), QTime(9, 0), Qt::UTC);
    r.daysSinceContact = 14;
    r.stageName = QStringLiteral("Qualified");
    return r;
}
} // namespace

class tst_BrainModels : public QObject
{
    Q_OBJECT

private slots:
    void leadTable()
    {
        BrainLeadTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRows({ row(QStringLiteral("1"), QStringLiteral("Ann"), 90, 150000),
            row(QStringLiteral("2"), QStringLiteral("Ben"), -1) });
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), int(BrainLeadTableModel::ColumnCount));
        QCOMPARE(model.index(0, BrainLeadTableModel::Lead).data().toString(), QStringLiteral("Ann (Ann Ltd)"));
        QCOMPARE(model.index(0, BrainLeadTableModel::Heat).data(BrainLeadTableModel::HeatRole).toInt(), 90);
        QCOMPARE(model.index(1, BrainLeadTableModel::Heat).data(BrainLeadTableModel::HeatRole).toInt(), -1);
        QCOMPARE(model.index(0, BrainLeadTableModel::Intent).data().toString(), QStringLiteral("High"));
        QCOMPARE(model.index(0, BrainLeadTableModel::Intent).data(BrainLeadTableModel::RawValueRole).toInt(), 3);
        QVERIFY(model.index(0, BrainLeadTableModel::Value).data().toString().contains(QStringLiteral("1,500")));
        QCOMPARE(
            model.index(0, BrainLeadTableModel::Value).data(BrainLeadTableModel::RawValueRole).toLongLong(), 150000);
        QCOMPARE(model.index(1, BrainLeadTableModel::Value).data().toString(), QStringLiteral("—"));
        QCOMPARE(model.index(0, BrainLeadTableModel::LastContact).data().toString(), QStringLiteral("14 day(s)"));
        QCOMPARE(model.index(1, 0).data(BrainLeadTableModel::IdRole).toString(), QStringLiteral("2"));
        QCOMPARE(model.leadIdAt(1), QStringLiteral("2"));
        QCOMPARE(model.leadIdAt(7), QString());
        QVERIFY(!(model.flags(model.index(0, 0)) & Qt::ItemIsEditable));

        // Same leads, new values: no reset.
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setRows({ row(QStringLiteral("1"), QStringLiteral("Ann"), 95),
            row(QStringLiteral("2"), QStringLiteral("Ben"), 10) });
        QCOMPARE(reset.count(), 0);
        QCOMPARE(changed.count(), 1);
        model.setRows({ row(QStringLiteral("3"), QStringLiteral("Cy"), 50) });
        QCOMPARE(reset.count(), 1);
        model.setRows({});
        QCOMPARE(model.rowCount(), 0);
    }

    void suggestionTree()
    {
        BrainSuggestionModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        BrainSuggestion call { BrainSuggestion::Kind::CallHotLeads, QStringLiteral("Call them"),
            { row(QStringLiteral("1"), QStringLiteral("Ann"), 90),
                row(QStringLiteral("2"), QStringLiteral("Ben"), 80) } };
        BrainSuggestion price { BrainSuggestion::Kind::PriceServices, QStringLiteral("Add prices"), {} };
        model.setSuggestions({ call, price });

        QCOMPARE(model.rowCount(), 2);
        const QModelIndex first = model.index(0, 0);
        QVERIFY(model.isSuggestion(first));
        QCOMPARE(first.data().toString(), QStringLiteral("Call them"));
        QCOMPARE(model.rowCount(first), 2);
        QCOMPARE(first.data(BrainSuggestionModel::LeadIdsRole).toStringList(),
            (QStringList { QStringLiteral("1"), QStringLiteral("2") }));
        const QModelIndex child = model.index(1, 0, first);
        QVERIFY(!model.isSuggestion(child));
        QCOMPARE(child.parent(), first);
        QCOMPARE(child.data(BrainSuggestionModel::IdRole).toString(), QStringLiteral("2"));
        QVERIFY(child.data().toString().startsWith(QStringLiteral("Ben (Ben Ltd) · heat 80")));
        QCOMPARE(model.rowCount(child), 0);
        const QModelIndex second = model.index(1, 0);
        QCOMPARE(model.rowCount(second), 0);
        QCOMPARE(second.data(BrainSuggestionModel::KindRole).toInt(), int(BrainSuggestion::Kind::PriceServices));
        QVERIFY(!model.index(5, 0).isValid());
        QVERIFY(!model.index(0, 1).isValid());
        QVERIFY(!model.index(2, 0, first).isValid());
        model.setSuggestions({});
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_MAIN(tst_BrainModels)
#include "tst_brainmodels.moc"
