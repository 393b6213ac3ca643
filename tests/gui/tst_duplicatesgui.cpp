// Leads → Find duplicates on a real workspace: the scan finds planted duplicates, a merge folds them, undo restores.
#include "GuiFixture.h"

#include "models/Ids.h"
#include "services/storage/LeadRepository.h"
#include "ui/hygiene/DuplicatesDialog.h"
#include "ui/hygiene/MergeDialog.h"

#include <QTableWidget>
#include <QUndoStack>

class TestDuplicatesGui : public QObject
{
    Q_OBJECT

private slots:
    void findMergeAndUndo();
    void mergeDialogChoices();

private:
    static Lead lead(const QString& name, const QString& company, const QString& email, const WorkspaceIdentity& who);
};

Lead TestDuplicatesGui::lead(const QString& name, const QString& company, const QString& email,
    const WorkspaceIdentity& who)
{
    Lead lead;
    lead.id = Ids::newId();
    lead.orgId = who.orgId;
    lead.name = name;
    lead.company = company;
    lead.email = email;
    lead.createdAt = lead.updatedAt = QDateTime::currentDateTimeUtc();
    return lead;
}

void TestDuplicatesGui::findMergeAndUndo()
{
    GuiFixture fixture;
    QVERIFY(fixture.open(20));
    const WorkspaceIdentity who = fixture.session->identity();
    const Lead first = lead(QStringLiteral("Ada Lovelace"), QStringLiteral("Engines"), QStringLiteral("ada@engines.io"), who);
    Lead second = lead(QStringLiteral("A. Lovelace"), QStringLiteral("Engines Ltd"), QStringLiteral("ada@engines.io"), who);
    second.tags = { QStringLiteral("vip") };
    fixture.session->executor()->runBlocking([&](QSqlDatabase& db) {
        LeadRepository leads(db);
        QVERIFY(leads.insert(first));
        QVERIFY(leads.insert(second));
    });
    fixture.window->leadsView()->findDuplicates();
    DuplicatesDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = fixture.window->findChild<DuplicatesDialog*>()) != nullptr);
    int row = -1;
    QTRY_VERIFY_WITH_TIMEOUT([&] {
        for (int i = 0; i < dialog->candidates().size(); ++i) {
            if (dialog->candidates().at(i).leadIds.contains(first.id) && dialog->candidates().at(i).rule == QLatin1String("email"))
                row = i;
        }
        return row >= 0;
    }(), 20000);
    QVERIFY(dialog->candidates().at(row).reason.contains(QStringLiteral("ada@engines.io")));
    dialog->reviewRow(row, true);
    QTRY_COMPARE(fixture.scalar(QStringLiteral("SELECT count(*) FROM leads WHERE deleted = 0 AND email = 'ada@engines.io'")).toInt(), 1);
    QCOMPARE(fixture.scalar(QStringLiteral("SELECT tags FROM leads WHERE deleted = 0 AND email = 'ada@engines.io'")).toString(),
        QStringLiteral("vip"));
    QCOMPARE(fixture.scalar(QStringLiteral("SELECT count(*) FROM merge_log")).toInt(), 1);

    fixture.window->undoStack()->undo();
    QTRY_COMPARE(fixture.scalar(QStringLiteral("SELECT count(*) FROM leads WHERE deleted = 0 AND email = 'ada@engines.io'")).toInt(), 2);
    fixture.window->undoStack()->redo();
    QTRY_COMPARE(fixture.scalar(QStringLiteral("SELECT count(*) FROM leads WHERE deleted = 0 AND email = 'ada@engines.io'")).toInt(), 1);
}

void TestDuplicatesGui::mergeDialogChoices()
{
    WorkspaceIdentity who;
    const Lead older = lead(QStringLiteral("Ada"), QStringLiteral(""), QStringLiteral("ada@x.io"), who);
    const Lead newer = lead(QStringLiteral("Ada Lovelace"), QStringLiteral("Engines"), QStringLiteral("ada@x.io"), who);
    MergeDialog dialog({ older, newer }, QStringLiteral("Same email"));
    MergeRequest request = dialog.request();
    QCOMPARE(request.masterId, older.id);
    QCOMPARE(request.duplicateIds, QStringList { newer.id });
    QVERIFY(request.fieldChoices.isEmpty()); // defaults are the merge's own rules
    dialog.choose(QStringLiteral("name"), 1);
    dialog.setMaster(1);
    request = dialog.request();
    QCOMPARE(request.masterId, newer.id);
    QCOMPARE(request.fieldChoices.value(QStringLiteral("name")), newer.id);
    QCOMPARE(dialog.masterName(), newer.name);
}

QTEST_MAIN(TestDuplicatesGui)
#include "tst_duplicatesgui.moc"
