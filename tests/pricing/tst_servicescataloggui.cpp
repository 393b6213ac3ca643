// Services & prices through its real widgets, offscreen: no silent seeding, example services on request, adding with
// validation messages, inline edits, delete and undo, duplicate-name warnings and the "Test text" box.
#include "tests/gui/GuiFixture.h"

#include "models/pricing/ServiceCatalogModel.h"
#include "tests/support/WaitFor.h"
#include "ui/pricing/ServiceAddForm.h"
#include "ui/pricing/ServiceTextTester.h"
#include "ui/pricing/ServicesCatalogDialog.h"

#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableView>
#include <QUndoStack>

class tst_ServicesCatalogGui : public QObject
{
    Q_OBJECT

private:
    GuiFixture fixture;
    ServicesCatalogDialog* dialog = nullptr;

    int stored(const QString& where = QStringLiteral("deleted = 0"))
    {
        return fixture.scalar(QStringLiteral("SELECT count(*) FROM services_catalog WHERE ") + where).toInt();
    }

    template <typename T> T* child(const QString& name)
    {
        T* widget = dialog->findChild<T*>(name);
        if (!widget)
            QTest::qFail(qPrintable(QStringLiteral("no widget ") + name), __FILE__, __LINE__);
        return widget;
    }

    void fillAndAdd(const QString& name, const QString& price, const QString& keywords)
    {
        child<QLineEdit>(QStringLiteral("serviceNameEdit"))->setText(name);
        child<QLineEdit>(QStringLiteral("servicePriceEdit"))->setText(price);
        child<QLineEdit>(QStringLiteral("serviceKeywordsEdit"))->setText(keywords);
        QTest::mouseClick(child<QPushButton>(QStringLiteral("addServiceButton")), Qt::LeftButton);
    }

    QModelIndex viewIndex(const QString& name, int column)
    {
        QAbstractItemModel* model = dialog->table()->model();
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->index(row, ServiceCatalogModel::Name).data().toString() == name)
                return model->index(row, column);
        }
        return {};
    }

    // Opens the cell's editor, types, and commits with Enter, as a user would.
    void editCell(const QModelIndex& index, const QString& text)
    {
        QTableView* table = dialog->table();
        table->setCurrentIndex(index);
        table->edit(index);
        QLineEdit* editor = nullptr;
        // Editors of earlier edits may still wait for deletion (hidden): take the open one.
        QVERIFY(HubTest::waitUntil([&] {
            editor = nullptr;
            for (QLineEdit* candidate : table->viewport()->findChildren<QLineEdit*>()) {
                if (candidate->isVisible())
                    editor = candidate;
            }
            return editor != nullptr;
        }));
        editor->selectAll();
        QTest::keyClicks(editor, text);
        QTest::keyClick(editor, Qt::Key_Return);
        // The delegate commits and closes the editor on the next turn of the event loop.
        QPointer<QLineEdit> open(editor);
        QVERIFY(HubTest::waitUntil([&] { return !open || !open->isVisible(); }));
    }

private slots:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QVERIFY(fixture.open(0));
        auto* action = fixture.window->findChild<QAction*>(QStringLiteral("servicesCatalogAction"));
        QVERIFY(action);
        action->trigger();
        dialog = fixture.window->findChild<ServicesCatalogDialog*>();
        QVERIFY(dialog);
        QSignalSpy loaded(dialog, &ServicesCatalogDialog::loaded);
        QVERIFY(loaded.wait(10000) || !loaded.isEmpty());
        QVERIFY(dialog->isVisible());
    }

    void emptyListIsNotSeededSilently()
    {
        QCOMPARE(stored(QStringLiteral("1 = 1")), 0);
        auto* empty = child<QWidget>(QStringLiteral("servicesEmptyState"));
        QVERIFY(empty->isVisible());
        QVERIFY(!dialog->table()->isVisible());
        auto* examples = child<QPushButton>(QStringLiteral("addExampleServicesButton"));
        QVERIFY(examples->isVisible());
        QSignalSpy loaded(dialog, &ServicesCatalogDialog::loaded);
        QTest::mouseClick(examples, Qt::LeftButton);
        QVERIFY(HubTest::waitUntil([&] { return dialog->model()->rowCount() > 0; }));
        QCOMPARE(stored(), dialog->model()->rowCount());
        QVERIFY(dialog->table()->isVisible());
        QVERIFY(!empty->isVisible());
    }

    void addValidates_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("price");
        QTest::addColumn<QString>("keywords");
        QTest::addColumn<QString>("message");
        QTest::newRow("no name") << QString() << QStringLiteral("100") << QStringLiteral("x")
                                 << QStringLiteral("Give the service a name.");
        QTest::newRow("negative price") << QStringLiteral("Drone filming") << QStringLiteral("-3")
                                        << QStringLiteral("drone") << QStringLiteral("The price cannot be negative.");
        QTest::newRow("price text") << QStringLiteral("Drone filming") << QStringLiteral("a lot")
                                    << QStringLiteral("drone") << QStringLiteral("Enter the price");
        QTest::newRow("no keywords") << QStringLiteral("Drone filming") << QStringLiteral("1200")
                                     << QStringLiteral(" , ") << QStringLiteral("Add at least one keyword");
    }

    void addValidates()
    {
        QFETCH(QString, name);
        QFETCH(QString, price);
        QFETCH(QString, keywords);
        QFETCH(QString, message);
        const int before = stored();
        fillAndAdd(name, price, keywords);
        QVERIFY2(dialog->addForm()->message().startsWith(message), qPrintable(dialog->addForm()->message()));
        QCOMPARE(stored(), before);
    }

    void addEditDeleteWithUndo()
    {
        QUndoStack* undo = fixture.window->undoStack();
        const int before = stored();
        // Enter in the form adds, once (no dialog button takes the Enter as well).
        child<QLineEdit>(QStringLiteral("serviceNameEdit"))->setText(QStringLiteral("Drone filming"));
        child<QLineEdit>(QStringLiteral("servicePriceEdit"))->setText(QStringLiteral("1,200"));
        auto* keywords = child<QLineEdit>(QStringLiteral("serviceKeywordsEdit"));
        keywords->setText(QStringLiteral("Drone, aerial video"));
        QTest::keyClick(keywords, Qt::Key_Return);
        QVERIFY(dialog->isVisible());
        QVERIFY2(dialog->addForm()->message().isEmpty(), qPrintable(dialog->addForm()->message()));
        QVERIFY(HubTest::waitUntil([&] { return viewIndex(QStringLiteral("Drone filming"), 0).isValid(); }));
        QCOMPARE(stored(), before + 1);
        QCOMPARE(undo->undoText(), QStringLiteral("Add service “Drone filming”"));
        QCOMPARE(fixture.scalar(QStringLiteral("SELECT price_minor FROM services_catalog WHERE name = 'Drone filming'"))
                     .toLongLong(),
            120000);
        QCOMPARE(fixture.scalar(QStringLiteral("SELECT keywords FROM services_catalog WHERE name = 'Drone filming'"))
                     .toString(),
            QStringLiteral("[\"drone\",\"aerial video\"]"));

        // Inline edit of the price, then undo it.
        editCell(viewIndex(QStringLiteral("Drone filming"), ServiceCatalogModel::Price), QStringLiteral("1500.50"));
        const QString priceSql
            = QStringLiteral("SELECT price_minor FROM services_catalog WHERE name = 'Drone filming'");
        QVERIFY(HubTest::waitUntil([&] { return fixture.scalar(priceSql).toLongLong() == 150050; }));
        QVERIFY(viewIndex(QStringLiteral("Drone filming"), ServiceCatalogModel::Price)
                    .data()
                    .toString()
                    .contains(QStringLiteral("1,500.50")));
        QVERIFY(undo->canUndo());
        QTest::mouseClick(child<QPushButton>(QStringLiteral("servicesUndoButton")), Qt::LeftButton);
        QVERIFY(HubTest::waitUntil([&] { return fixture.scalar(priceSql).toLongLong() == 120000; }));
        QVERIFY(HubTest::waitUntil([&] {
            return viewIndex(QStringLiteral("Drone filming"), ServiceCatalogModel::Price)
                       .data(ServiceCatalogModel::RawValueRole)
                       .toLongLong()
                == 120000;
        }));

        // An invalid inline edit is refused with a message and changes nothing.
        QSignalSpy refused(dialog->model(), &ServiceCatalogModel::validationFailed);
        editCell(viewIndex(QStringLiteral("Drone filming"), ServiceCatalogModel::Keywords), QStringLiteral(" , "));
        QCOMPARE(refused.count(), 1);
        QVERIFY2(
            dialog->message().startsWith(QStringLiteral("Add at least one keyword")), qPrintable(dialog->message()));
        QCOMPARE(viewIndex(QStringLiteral("Drone filming"), ServiceCatalogModel::Keywords).data().toString(),
            QStringLiteral("drone, aerial video"));

        // Delete, then undo brings it back.
        dialog->table()->selectRow(viewIndex(QStringLiteral("Drone filming"), 0).row());
        QTest::mouseClick(child<QPushButton>(QStringLiteral("deleteServiceButton")), Qt::LeftButton);
        QVERIFY(dialog->message().contains(QStringLiteral("Undo")));
        QVERIFY(HubTest::waitUntil([&] { return !viewIndex(QStringLiteral("Drone filming"), 0).isValid(); }));
        QCOMPARE(stored(QStringLiteral("deleted = 1 AND name = 'Drone filming'")), 1);
        dialog->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(dialog));
        QTest::keyClick(dialog->table(), Qt::Key_Z, Qt::ControlModifier);
        QVERIFY(HubTest::waitUntil([&] { return viewIndex(QStringLiteral("Drone filming"), 0).isValid(); }));
        QCOMPARE(stored(QStringLiteral("deleted = 0 AND name = 'Drone filming'")), 1);
    }

    void duplicateNameIsConfirmed()
    {
        const int before = stored();
        fillAndAdd(QStringLiteral("drone FILMING"), QStringLiteral("10"), QStringLiteral("quadcopter"));
        QVERIFY(dialog->addForm()->message().contains(QStringLiteral("already called")));
        QCOMPARE(stored(), before);
        QTest::mouseClick(child<QPushButton>(QStringLiteral("addServiceButton")), Qt::LeftButton);
        QVERIFY(HubTest::waitUntil([&] { return stored() == before + 1; }));
        QVERIFY(HubTest::waitUntil([&] {
            return viewIndex(QStringLiteral("Drone filming"), 0).data(ServiceCatalogModel::DuplicateNameRole).toBool();
        }));
    }

    void testTextShowsMatchesAndValue()
    {
        auto* text = child<QPlainTextEdit>(QStringLiteral("servicesTestText"));
        text->setPlainText(QStringLiteral("Can you shoot AERIAL\n video of our hotel?"));
        dialog->tester()->evaluate();
        const QString result = dialog->tester()->resultText();
        QVERIFY2(result.contains(QStringLiteral("Drone filming")), qPrintable(result));
        QVERIFY2(result.contains(QStringLiteral("aerial video")), qPrintable(result));
        QVERIFY2(result.contains(QStringLiteral("€1,200.00")), qPrintable(result));
        QCOMPARE(child<QLabel>(QStringLiteral("servicesTestResult"))->text(), result);

        text->setPlainText(QStringLiteral("droned on about nothing"));
        dialog->tester()->evaluate();
        QVERIFY(dialog->tester()->resultText().startsWith(QStringLiteral("No service matches")));
    }
};

QTEST_MAIN(tst_ServicesCatalogGui)
#include "tst_servicescataloggui.moc"
