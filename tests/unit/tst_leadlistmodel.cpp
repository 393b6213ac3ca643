#include "models/LeadListModel.h"
#include "services/leads/LeadStore.h"
#include "tests/support/TempWorkspace.h"

#include <QAbstractItemModelTester>
#include <QMimeData>
#include <QSet>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

#include <memory>

using HubTest::TempWorkspace;

namespace {
constexpr int kLeads = 500;
constexpr int kPage = 200;
constexpr int kTimeout = 10'000;

struct TestedModel {
    std::unique_ptr<LeadListModel> model;
    std::unique_ptr<QAbstractItemModelTester> tester;
};

QSet<QString> idsIn(const LeadListModel& model)
{
    QSet<QString> ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids.insert(model.leadAt(row).id);
    return ids;
}
} // namespace

class tst_LeadListModel : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TempWorkspace> ws;
    std::vector<TestedModel> models;

    // A model over the workspace's LeadStore, checked by QAbstractItemModelTester for as long as it lives.
    LeadListModel* makeModel(const LeadFilter& filter = {})
    {
        TestedModel tested;
        tested.model = std::make_unique<LeadListModel>(&ws->store());
        tested.model->setPageSize(kPage);
        tested.tester = std::make_unique<QAbstractItemModelTester>(
            tested.model.get(), QAbstractItemModelTester::FailureReportingMode::Fatal);
        tested.model->setFilter(filter);
        models.push_back(std::move(tested));
        return models.back().model.get();
    }

    int countWhere(const QString& condition) const
    {
        return ws->countRows(QStringLiteral("SELECT count(*) FROM leads WHERE deleted = 0 AND ") + condition);
    }

    // Loads every page (fetchMore until the model has all rows).
    static bool loadAll(LeadListModel* model)
    {
        for (int guard = 0; guard < 100; ++guard) {
            if (!QTest::qWaitFor([model] { return !model->isLoading(); }, kTimeout))
                return false;
            if (!model->canFetchMore({})) {
                // The total is refreshed by its own query after changes; wait for it to settle.
                if (QTest::qWaitFor([model] { return model->rowCount() == model->total(); }, 500))
                    return true;
                if (!model->canFetchMore({}))
                    return false;
                continue;
            }
            const int before = model->rowCount();
            model->fetchMore({});
            if (!QTest::qWaitFor(
                    [model, before] { return model->rowCount() > before || !model->isLoading(); }, kTimeout))
                return false;
        }
        return false;
    }

    static bool waitLoaded(LeadListModel* model, int rows)
    {
        return QTest::qWaitFor([&] { return !model->isLoading() && model->rowCount() == rows; }, kTimeout);
    }

private slots:
    void init()
    {
        ws = std::make_unique<TempWorkspace>();
        QVERIFY2(ws->ok(), qPrintable(ws->errorString()));
        QVERIFY(ws->generateDemoLeads(kLeads));
        QCOMPARE(countWhere(QStringLiteral("1")), kLeads);
    }

    void cleanup()
    {
        models.clear(); // testers first go with their models
        ws.reset();
    }

    void pagesArriveOnDemand()
    {
        LeadListModel* model = makeModel();
        QSignalSpy loading(model, &LeadListModel::loadingChanged);
        QCOMPARE(model->columnCount(), int(LeadListModel::ColumnCount));
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), kPage, kTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(!model->isLoading(), kTimeout);
        QCOMPARE(model->total(), kLeads);
        QVERIFY(model->canFetchMore({}));
        QVERIFY(!loading.isEmpty());
        QCOMPARE(loading.last().at(0).toBool(), false);

        // Nothing more arrives on its own.
        QTest::qWait(50);
        QCOMPARE(model->rowCount(), kPage);

        model->fetchMore({});
        QVERIFY(model->isLoading());
        QVERIFY(!model->canFetchMore({})); // one request at a time
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 2 * kPage, kTimeout);
        model->fetchMore({});
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), kLeads, kTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(!model->isLoading(), kTimeout);
        QVERIFY(!model->canFetchMore({}));
        QCOMPARE(model->total(), kLeads);
        QCOMPARE(idsIn(*model).size(), kLeads);

        // Default order: most recently updated first.
        for (int row = 1; row < model->rowCount(); ++row) {
            QVERIFY(model->index(row - 1, LeadListModel::Updated).data(LeadListModel::RawValueRole).toLongLong()
                >= model->index(row, LeadListModel::Updated).data(LeadListModel::RawValueRole).toLongLong());
        }

        // Value totals per currency match the file.
        QMap<QString, qint64> expected;
        ws->runBlocking([&](QSqlDatabase& db) {
            QSqlQuery query(db);
            query.exec(QStringLiteral("SELECT currency, sum(value_minor) FROM leads WHERE deleted = 0 GROUP BY 1"));
            while (query.next())
                expected.insert(query.value(0).toString(), query.value(1).toLongLong());
        });
        QVERIFY(expected.contains(QStringLiteral("EUR")));
        QCOMPARE(model->valueTotals(), expected);

        // Roles.
        const QModelIndex first = model->index(0, LeadListModel::Name);
        const Lead lead = first.data(LeadListModel::LeadRole).value<Lead>();
        QCOMPARE(first.data(LeadListModel::IdRole).toString(), lead.id);
        QCOMPARE(first.data().toString(), lead.name);
        QCOMPARE(model->rowOf(lead.id), 0);
        QCOMPARE(model->rowOf(QStringLiteral("no-such-id")), -1);
        QCOMPARE(model->index(0, LeadListModel::Value).data(LeadListModel::RawValueRole).toLongLong(), lead.valueMinor);
        QCOMPARE(model->headerData(LeadListModel::Name, Qt::Horizontal).toString(), QStringLiteral("Name"));
    }

    void statusFilter()
    {
        const int proposals = countWhere(QStringLiteral("status = 'proposal'"));
        QVERIFY(proposals > 0 && proposals < kPage);
        LeadFilter filter;
        filter.status = QStringLiteral("proposal");
        LeadListModel* model = makeModel(filter);
        QVERIFY(waitLoaded(model, proposals));
        QCOMPARE(model->total(), proposals);
        QVERIFY(!model->canFetchMore({}));
        for (int row = 0; row < model->rowCount(); ++row)
            QCOMPARE(model->leadAt(row).status, QStringLiteral("proposal"));
        QVERIFY(model->flags({}).testFlag(Qt::ItemIsDropEnabled));

        // Switching the filter reloads with the other stage.
        const int won = countWhere(QStringLiteral("status = 'won'"));
        filter.status = QStringLiteral("won");
        QSignalSpy reset(model, &QAbstractItemModel::modelReset);
        model->setFilter(filter);
        QCOMPARE(reset.size(), 1);
        QVERIFY(waitLoaded(model, won));
        for (int row = 0; row < model->rowCount(); ++row)
            QCOMPARE(model->leadAt(row).status, QStringLiteral("won"));

        // Setting the same filter again does nothing.
        model->setFilter(filter);
        QCOMPARE(reset.size(), 1);

        // A search narrows further.
        filter = {};
        filter.search = QStringLiteral("dental");
        model->setFilter(filter);
        QTRY_VERIFY_WITH_TIMEOUT(!model->isLoading() && model->rowCount() > 0, kTimeout);
        QCOMPARE(model->total(), countWhere(QStringLiteral("company LIKE '% Dental'")));
        for (int row = 0; row < model->rowCount(); ++row)
            QVERIFY(model->leadAt(row).company.endsWith(QStringLiteral(" Dental")));
    }

    void statusChangeMovesRowBetweenFilteredModels()
    {
        LeadFilter proposalFilter;
        proposalFilter.status = QStringLiteral("proposal");
        LeadFilter wonFilter;
        wonFilter.status = QStringLiteral("won");
        const int proposals = countWhere(QStringLiteral("status = 'proposal'"));
        const int won = countWhere(QStringLiteral("status = 'won'"));
        QVERIFY(proposals > 6 && won > 0 && won < kPage);
        LeadListModel* proposal = makeModel(proposalFilter);
        LeadListModel* winners = makeModel(wonFilter);
        QVERIFY(waitLoaded(proposal, proposals));
        QVERIFY(waitLoaded(winners, won));

        const int row = 5;
        const Lead moving = proposal->leadAt(row);
        const Lead before = proposal->leadAt(row - 1);
        const Lead after = proposal->leadAt(row + 1);
        const qint64 wonValueBefore = winners->valueTotals().value(moving.currency);
        const qint64 proposalValueBefore = proposal->valueTotals().value(moving.currency);
        QVERIFY(moving.valueMinor > 0);
        QSignalSpy removed(proposal, &QAbstractItemModel::rowsRemoved);
        QSignalSpy insertedIntoProposal(proposal, &QAbstractItemModel::rowsInserted);
        QSignalSpy inserted(winners, &QAbstractItemModel::rowsInserted);
        QSignalSpy removedFromWinners(winners, &QAbstractItemModel::rowsRemoved);
        QSignalSpy resetWinners(winners, &QAbstractItemModel::modelReset);
        QSignalSpy resetProposal(proposal, &QAbstractItemModel::modelReset);

        QVERIFY(ws->changeStatusBlocking({ moving.id }, QStringLiteral("won")).ok);

        QTRY_COMPARE_WITH_TIMEOUT(removed.size(), 1, kTimeout);
        QCOMPARE(removed.first().at(0).value<QModelIndex>(), QModelIndex());
        QCOMPARE(removed.first().at(1).toInt(), row);
        QCOMPARE(removed.first().at(2).toInt(), row);
        QCOMPARE(proposal->rowCount(), proposals - 1);
        QCOMPARE(proposal->rowOf(moving.id), -1);
        QCOMPARE(proposal->leadAt(row - 1).id, before.id);
        QCOMPARE(proposal->leadAt(row).id, after.id);
        QVERIFY(insertedIntoProposal.isEmpty());

        // The other list shows it on top (new and newly matching rows are inserted at row 0).
        QTRY_COMPARE_WITH_TIMEOUT(inserted.size(), 1, kTimeout);
        QCOMPARE(inserted.first().at(1).toInt(), 0);
        QCOMPARE(inserted.first().at(2).toInt(), 0);
        QCOMPARE(winners->rowCount(), won + 1);
        QCOMPARE(winners->leadAt(0).id, moving.id);
        QCOMPARE(winners->leadAt(0).status, QStringLiteral("won"));
        QCOMPARE(winners->index(0, LeadListModel::Status).data(LeadListModel::RawValueRole).toString(),
            QStringLiteral("won"));
        QVERIFY(removedFromWinners.isEmpty());
        QVERIFY(resetWinners.isEmpty());
        QVERIFY(resetProposal.isEmpty());

        // Totals follow (a separate count query).
        QTRY_COMPARE_WITH_TIMEOUT(proposal->total(), proposals - 1, kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(winners->total(), won + 1, kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(
            winners->valueTotals().value(moving.currency), wonValueBefore + moving.valueMinor, kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(
            proposal->valueTotals().value(moving.currency), proposalValueBefore - moving.valueMinor, kTimeout);

        // Undo moves it back: removed from "won", inserted on top of "proposal".
        removed.clear();
        inserted.clear();
        auto record = std::make_shared<LeadChangeRecord>();
        record->previousStatus.insert(moving.id, QStringLiteral("proposal"));
        QVERIFY(ws->revertStatusBlocking(record).ok);
        QTRY_COMPARE_WITH_TIMEOUT(removedFromWinners.size(), 1, kTimeout);
        QCOMPARE(removedFromWinners.first().at(1).toInt(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(insertedIntoProposal.size(), 1, kTimeout);
        QCOMPARE(insertedIntoProposal.first().at(1).toInt(), 0);
        QCOMPARE(proposal->leadAt(0).id, moving.id);
        QCOMPARE(proposal->rowCount(), proposals);
        QCOMPARE(winners->rowCount(), won);
    }

    void inPlaceEditEmitsDataChanged()
    {
        LeadListModel* model = makeModel();
        QVERIFY(waitLoaded(model, kPage));
        const int row = 3;
        Lead lead = model->leadAt(row);
        QSignalSpy changed(model, &QAbstractItemModel::dataChanged);
        QSignalSpy removed(model, &QAbstractItemModel::rowsRemoved);

        lead.name = QStringLiteral("Renamed In Place");
        lead.valueMinor = 4242;
        QVERIFY(ws->saveBlocking(lead).isValid());

        QTRY_COMPARE_WITH_TIMEOUT(changed.size(), 1, kTimeout);
        const QModelIndex topLeft = changed.first().at(0).value<QModelIndex>();
        const QModelIndex bottomRight = changed.first().at(1).value<QModelIndex>();
        QCOMPARE(topLeft.row(), row);
        QCOMPARE(bottomRight.row(), row);
        QCOMPARE(topLeft.column(), 0);
        QCOMPARE(bottomRight.column(), LeadListModel::ColumnCount - 1);
        QCOMPARE(model->rowOf(lead.id), row); // stays where the user sees it
        QCOMPARE(model->index(row, LeadListModel::Name).data().toString(), QStringLiteral("Renamed In Place"));
        QCOMPARE(model->index(row, LeadListModel::Value).data(LeadListModel::RawValueRole).toLongLong(), qint64(4242));
        QVERIFY(removed.isEmpty());
        QCOMPARE(idsIn(*model).size(), model->rowCount());
    }

    void deleteAndRestore()
    {
        LeadListModel* model = makeModel();
        QVERIFY(waitLoaded(model, kPage));
        const Lead lead = model->leadAt(10);
        QSignalSpy removed(model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy inserted(model, &QAbstractItemModel::rowsInserted);

        QVERIFY(ws->setDeletedBlocking({ lead.id }, true).ok);
        QTRY_COMPARE_WITH_TIMEOUT(removed.size(), 1, kTimeout);
        QCOMPARE(removed.first().at(1).toInt(), 10);
        QCOMPARE(model->rowOf(lead.id), -1);
        QTRY_COMPARE_WITH_TIMEOUT(model->total(), kLeads - 1, kTimeout);

        QVERIFY(ws->setDeletedBlocking({ lead.id }, false).ok);
        QTRY_VERIFY_WITH_TIMEOUT(model->rowOf(lead.id) == 0, kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(model->total(), kLeads, kTimeout);
        QVERIFY(loadAll(model));
        QCOMPARE(model->rowCount(), kLeads);
        QCOMPARE(idsIn(*model).size(), kLeads);
    }

    void dragAndDropRequestsStatusChange()
    {
        LeadListModel* all = makeModel();
        LeadFilter wonFilter;
        wonFilter.status = QStringLiteral("won");
        LeadListModel* winners = makeModel(wonFilter);
        QVERIFY(waitLoaded(all, kPage));
        QVERIFY(waitLoaded(winners, countWhere(QStringLiteral("status = 'won'"))));

        QStringList moving;
        QString alreadyWon;
        for (int row = 0; row < all->rowCount(); ++row) {
            const Lead& lead = all->leadAt(row);
            if (lead.status != QLatin1String("won") && moving.size() < 2)
                moving.append(lead.id);
            else if (lead.status == QLatin1String("won") && alreadyWon.isEmpty())
                alreadyWon = lead.id;
        }
        QCOMPARE(moving.size(), 2);
        QVERIFY(!alreadyWon.isEmpty());
        QVERIFY(winners->rowOf(alreadyWon) >= 0);

        // Dragging whole rows (every column) of three leads out of the unfiltered list, one of them already won.
        QModelIndexList dragged;
        for (const QString& id : { moving.at(0), alreadyWon, moving.at(1) }) {
            for (int column = 0; column < LeadListModel::ColumnCount; ++column)
                dragged.append(all->index(all->rowOf(id), column));
        }
        QVERIFY(all->flags(dragged.first()).testFlag(Qt::ItemIsDragEnabled));
        QCOMPARE(all->mimeTypes(), QStringList { QString::fromLatin1(LeadListModel::kMimeType) });
        QCOMPARE(all->supportedDropActions(), Qt::MoveAction);
        std::unique_ptr<QMimeData> mime(all->mimeData(dragged));
        QVERIFY(mime);
        QCOMPARE(LeadListModel::idsFromMime(mime.get()), (QStringList { moving.at(0), alreadyWon, moving.at(1) }));

        // The unfiltered list is no drop target: it has no stage to move to.
        QSignalSpy allDrops(all, &LeadListModel::statusDropRequested);
        QVERIFY(!all->flags({}).testFlag(Qt::ItemIsDropEnabled));
        QVERIFY(!all->canDropMimeData(mime.get(), Qt::MoveAction, -1, -1, {}));
        QVERIFY(!all->dropMimeData(mime.get(), Qt::MoveAction, -1, -1, {}));
        QVERIFY(allDrops.isEmpty());

        // Foreign or empty payloads are refused.
        QMimeData text;
        text.setText(moving.at(0));
        QVERIFY(!winners->canDropMimeData(&text, Qt::MoveAction, -1, -1, {}));
        QVERIFY(!winners->dropMimeData(&text, Qt::MoveAction, -1, -1, {}));

        // Dropping on the "won" list asks for the move of the leads not already there, and changes nothing itself.
        QSignalSpy drops(winners, &LeadListModel::statusDropRequested);
        const int wonRows = winners->rowCount();
        QVERIFY(winners->canDropMimeData(mime.get(), Qt::MoveAction, 0, 0, {}));
        QVERIFY(winners->dropMimeData(mime.get(), Qt::MoveAction, 0, 0, {}));
        QCOMPARE(drops.size(), 1);
        QCOMPARE(drops.first().at(0).toStringList(), moving);
        QCOMPARE(drops.first().at(1).toString(), QStringLiteral("won"));
        QCOMPARE(winners->rowCount(), wonRows);

        // The owner applies it; both leads then appear on top of the "won" list.
        QVERIFY(ws->changeStatusBlocking(drops.first().at(0).toStringList(), drops.first().at(1).toString()).ok);
        QTRY_COMPARE_WITH_TIMEOUT(winners->rowCount(), wonRows + 2, kTimeout);
        QCOMPARE((QSet<QString> { winners->leadAt(0).id, winners->leadAt(1).id }),
            (QSet<QString> { moving.at(0), moving.at(1) }));
        // ... and stay in the unfiltered list, updated in place.
        QTRY_COMPARE_WITH_TIMEOUT(all->leadAt(all->rowOf(moving.at(0))).status, QStringLiteral("won"), kTimeout);
    }

    void sortByValue_data()
    {
        QTest::addColumn<int>("order");
        QTest::newRow("ascending") << int(Qt::AscendingOrder);
        QTest::newRow("descending") << int(Qt::DescendingOrder);
    }

    void sortByValue()
    {
        QFETCH(int, order);
        LeadListModel* model = makeModel();
        QVERIFY(waitLoaded(model, kPage));
        QSignalSpy reset(model, &QAbstractItemModel::modelReset);
        model->sort(LeadListModel::Value, static_cast<Qt::SortOrder>(order));
        QCOMPARE(reset.size(), 1);
        QCOMPARE(model->filter().sortKey, LeadFilter::SortKey::Value);
        QCOMPARE(model->filter().descending, order == Qt::DescendingOrder);
        QVERIFY(waitLoaded(model, kPage));
        QVERIFY(loadAll(model));
        QCOMPARE(model->rowCount(), kLeads);

        const auto value = [model](int row) {
            return model->index(row, LeadListModel::Value).data(LeadListModel::RawValueRole).toLongLong();
        };
        for (int row = 1; row < model->rowCount(); ++row) {
            if (order == Qt::AscendingOrder)
                QVERIFY2(value(row - 1) <= value(row), qPrintable(QString::number(row)));
            else
                QVERIFY2(value(row - 1) >= value(row), qPrintable(QString::number(row)));
        }
        QVERIFY(value(0) != value(kLeads - 1));
        QCOMPARE(idsIn(*model).size(), kLeads);
    }

    // A lead created while only the first page is loaded shows on top; scrolling on then brings every other lead
    // exactly once.
    void newLeadThenScrolling_data()
    {
        QTest::addColumn<int>("sortKey");
        QTest::addColumn<bool>("descending");
        QTest::newRow("updated desc (default)") << int(LeadFilter::SortKey::Updated) << true;
        QTest::newRow("name asc") << int(LeadFilter::SortKey::Name) << false;
    }

    void newLeadThenScrolling()
    {
        QFETCH(int, sortKey);
        QFETCH(bool, descending);
        LeadFilter filter;
        filter.sortKey = static_cast<LeadFilter::SortKey>(sortKey);
        filter.descending = descending;
        LeadListModel* model = makeModel(filter);
        QVERIFY(waitLoaded(model, kPage));

        Lead fresh = ws->makeLead(QStringLiteral("Zz Newest Lead"));
        fresh = ws->saveBlocking(fresh);
        QVERIFY(fresh.isValid());
        QTRY_COMPARE_WITH_TIMEOUT(model->rowOf(fresh.id), 0, kTimeout);
        QTRY_COMPARE_WITH_TIMEOUT(model->total(), kLeads + 1, kTimeout);

        QVERIFY(loadAll(model));
        QCOMPARE(idsIn(*model).size(), model->rowCount());
        QCOMPARE(model->rowCount(), kLeads + 1);
    }

    // A lead removed after a page was requested but before the answer: the page is read without it, so it starts
    // one row later in the new order than the request assumed. The next page must not skip that row.
    void removalWhileAPageIsInFlight()
    {
        LeadListModel* model = makeModel();
        QVERIFY(waitLoaded(model, kPage));
        const Lead gone = model->leadAt(10);
        ws->store().setDeleted({ gone.id }, true, model); // queued on the database thread before the page request
        model->fetchMore({});
        QVERIFY(model->isLoading());
        QTRY_COMPARE_WITH_TIMEOUT(model->rowOf(gone.id), -1, kTimeout);
        QVERIFY(loadAll(model));
        QCOMPARE(model->rowCount(), kLeads - 1);
        QCOMPARE(idsIn(*model).size(), kLeads - 1);
        QCOMPARE(ws->countRows(QStringLiteral("SELECT count(*) FROM leads WHERE deleted = 0")), kLeads - 1);
    }

    // Editing loaded rows so that they sort elsewhere (here: out of the loaded part) must not make scrolling skip
    // or repeat rows either.
    void editsThenScrolling()
    {
        LeadFilter byName;
        byName.sortKey = LeadFilter::SortKey::Name;
        byName.descending = false;
        LeadListModel* model = makeModel(byName);
        QVERIFY(waitLoaded(model, kPage));
        for (int row : { 0, 1, 2 }) {
            Lead lead = model->leadAt(row);
            lead.name = QStringLiteral("Zz Renamed %1").arg(row);
            QVERIFY(ws->saveBlocking(lead).isValid());
        }
        Lead fresh = ws->makeLead(QStringLiteral("Aa First Now"));
        QVERIFY(ws->saveBlocking(fresh).isValid());
        QVERIFY(loadAll(model));
        QCOMPARE(model->rowCount(), kLeads + 1);
        QCOMPARE(idsIn(*model).size(), kLeads + 1);
    }
};

QTEST_GUILESS_MAIN(tst_LeadListModel)
#include "tst_leadlistmodel.moc"
