// The import wizard end to end on a real workspace: drop a file, check the suggested mapping, import, undo.
#include "GuiFixture.h"

#include "services/imports/ImportService.h"
#include "ui/common/MessageBoxes.h"
#include "ui/imports/ImportMappingPage.h"
#include "ui/imports/ImportResultPage.h"
#include "ui/imports/ImportWizard.h"
#include "ui/leads/KanbanColumn.h"
#include "ui/leads/LeadKanbanView.h"
#include "models/LeadListModel.h"

#include <QComboBox>
#include <QDropEvent>
#include <QLabel>
#include <QMimeData>
#include <QPushButton>
#include <QTableWidget>
#include <QUrl>

class TestImportWizardGui : public QObject
{
    Q_OBJECT

private slots:
    void dropImportAndUndo();
    void refusesFilesItCannotImport();
};

void TestImportWizardGui::dropImportAndUndo()
{
    GuiFixture fixture;
    QVERIFY(fixture.open(0));
    const QString csv = fixture.dir.filePath(QStringLiteral("crm-export.csv"));
    QFile file(csv);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("First Name;Last Name;E-Mail;Phone;Company;Lead Status\r\n"
               "Ada;Lovelace;ADA@example.com;+44 20 7946 0958;Engines;Qualified\r\n"
               "Grace;Hopper;grace@example.com;;Navy;won\r\n"
               ";;;;;\r\n");
    file.close();

    // Dropping the file on the window opens the wizard with it.
    QMimeData mime;
    mime.setUrls({ QUrl::fromLocalFile(csv) });
    const QPoint center = fixture.window->rect().center();
    QDragEnterEvent enter(center, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(fixture.window.get(), &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(center, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(fixture.window.get(), &drop);
    ImportWizard* wizard = nullptr;
    QTRY_VERIFY((wizard = fixture.window->findChild<ImportWizard*>()) != nullptr);
    QTRY_VERIFY(wizard->button(QWizard::NextButton)->isEnabled());
    QCOMPARE(wizard->header.size(), 6);
    QCOMPARE(wizard->format.delimiter, QLatin1Char(';'));

    wizard->next();
    auto* mapping = qobject_cast<ImportMappingPage*>(wizard->currentPage());
    QVERIFY(mapping);
    QCOMPARE(mapping->fieldCombo(2)->currentText(), ImportMapping::displayName(LeadField::Email));
    QCOMPARE(mapping->fieldCombo(5)->currentText(), ImportMapping::displayName(LeadField::Status));
    // Ignoring every identifying column blocks the import with a message.
    for (int column : { 0, 1, 2, 3, 4 })
        mapping->fieldCombo(column)->setCurrentIndex(0), emit mapping->fieldCombo(column)->activated(0);
    QVERIFY(!wizard->button(QWizard::NextButton)->isEnabled());
    auto* message = mapping->findChild<QLabel*>(QStringLiteral("FieldError"));
    QVERIFY(message && !message->text().isEmpty());
    for (int column : { 0, 1, 2, 3, 4 }) {
        QComboBox* combo = mapping->fieldCombo(column);
        const LeadField field = QList<LeadField> { LeadField::FirstName, LeadField::LastName, LeadField::Email,
            LeadField::Phone, LeadField::Company }
                                    .at(column);
        combo->setCurrentIndex(combo->findData(static_cast<int>(field)));
        emit combo->activated(combo->currentIndex());
    }
    QVERIFY(wizard->button(QWizard::NextButton)->isEnabled());

    QSignalSpy finished(fixture.session->imports(), &ImportService::finished);
    wizard->next();
    QVERIFY(finished.wait(20000));
    QTRY_COMPARE(wizard->currentId(), int(ImportWizard::ResultPage));
    QCOMPARE(wizard->job.imported, 2);
    QCOMPARE(wizard->job.failed, 1);
    auto* result = qobject_cast<ImportResultPage*>(wizard->currentPage());
    QVERIFY(result->errorTable()->rowCount() >= 1);
    QCOMPARE(fixture.scalar(QStringLiteral("SELECT count(*) FROM leads")).toInt(), 2);
    // The board follows: Ada is in Qualified.
    KanbanColumn* qualified = fixture.window->leadsView()->kanban()->column(QStringLiteral("qualified"));
    QTRY_COMPARE(qualified->model()->total(), 1);

    MessageBoxes::setNextAnswer(QMessageBox::Yes);
    QTest::mouseClick(result->undoButton(), Qt::LeftButton);
    QTRY_COMPARE(fixture.scalar(QStringLiteral("SELECT count(*) FROM leads WHERE deleted = 0")).toInt(), 0);
    QTRY_COMPARE(qualified->model()->total(), 0);
    wizard->accept();
}

void TestImportWizardGui::refusesFilesItCannotImport()
{
    QMimeData image;
    image.setUrls({ QUrl::fromLocalFile(QStringLiteral("/tmp/photo.png")) });
    QVERIFY(MainWindow::importablePath(&image).isEmpty());
    QMimeData two;
    two.setUrls({ QUrl::fromLocalFile(QStringLiteral("/tmp/a.csv")), QUrl::fromLocalFile(QStringLiteral("/tmp/b.csv")) });
    QVERIFY(MainWindow::importablePath(&two).isEmpty());
    QMimeData tsv;
    tsv.setUrls({ QUrl::fromLocalFile(QStringLiteral("/tmp/list.TSV")) });
    QCOMPARE(MainWindow::importablePath(&tsv), QStringLiteral("/tmp/list.TSV"));
}

QTEST_MAIN(TestImportWizardGui)
#include "tst_importwizardgui.moc"
