// Creating and editing leads through the real dialog and detail panel, with validation shown inline.
#include "GuiFixture.h"

#include "services/settings/AppSettings.h"
#include "ui/leads/LeadDetailPanel.h"
#include "ui/leads/LeadDialog.h"
#include "ui/leads/LeadForm.h"
#include "ui/common/RegionComboBox.h"
#include "ui/shell/PreferencesDialog.h"

#include <QComboBox>

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTimer>
#include <QUndoStack>

#include <functional>

class TestLeadFormGui : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void createLeadThroughDialog();
    void dialogRejectsInvalidInput();
    void detailPanelShowsErrorsInlineAndKeepsData();
    void hostileTextRoundTrips();
    void defaultRegionPreferenceAppliesToPhones();

private:
    // Runs inside the modal dialog's event loop once it is shown.
    static void whenDialogOpens(std::function<void(LeadDialog*)> action);
    static void type(QWidget* root, const QString& objectName, const QString& text);
};

void TestLeadFormGui::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    AppSettings::setDefaultRegion(QStringLiteral("GB"));
}

void TestLeadFormGui::whenDialogOpens(std::function<void(LeadDialog*)> action)
{
    auto* timer = new QTimer;
    timer->setInterval(20);
    QObject::connect(timer, &QTimer::timeout, [timer, action] {
        if (auto* dialog = qobject_cast<LeadDialog*>(QApplication::activeModalWidget())) {
            timer->stop();
            timer->deleteLater();
            action(dialog);
        }
    });
    timer->start();
}

void TestLeadFormGui::type(QWidget* root, const QString& objectName, const QString& text)
{
    auto* edit = root->findChild<QLineEdit*>(objectName);
    QVERIFY2(edit, qPrintable(objectName));
    edit->clear();
    QTest::keyClicks(edit, text);
}

void TestLeadFormGui::createLeadThroughDialog()
{
    GuiFixture fixture;
    QVERIFY(fixture.open(0));
    bool filled = false;
    whenDialogOpens([&](LeadDialog* dialog) {
        type(dialog, QStringLiteral("field_name"), QStringLiteral("Ada Lovelace"));
        type(dialog, QStringLiteral("field_company"), QStringLiteral("Analytical Engines Ltd"));
        type(dialog, QStringLiteral("field_email"), QStringLiteral("  Ada@Engines.CO.UK "));
        type(dialog, QStringLiteral("field_phone"), QStringLiteral("020 7946 0958"));
        type(dialog, QStringLiteral("field_website"), QStringLiteral("engines.co.uk"));
        type(dialog, QStringLiteral("field_tags"), QStringLiteral("hot, math,  hot"));
        type(dialog, QStringLiteral("field_value"), QStringLiteral("12,500.50"));
        filled = true;
        QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("saveButton")), Qt::LeftButton);
    });
    // The N key on the Leads view opens the dialog.
    fixture.window->leadsView()->setFocus();
    QTest::keyClick(fixture.window->leadsView(), Qt::Key_N);
    QVERIFY(filled);
    QTRY_COMPARE(fixture.scalar(QStringLiteral("SELECT count(*) FROM leads")).toInt(), 1);
    QCOMPARE(fixture.scalar(QStringLiteral("SELECT phone FROM leads")).toString(), QStringLiteral("+442079460958"));
    QCOMPARE(fixture.scalar(QStringLiteral("SELECT email FROM leads")).toString(), QStringLiteral("ada@engines.co.uk"));
    QCOMPARE(fixture.scalar(QStringLiteral("SELECT website FROM leads")).toString(),
        QStringLiteral("https://engines.co.uk"));
    QCOMPARE(fixture.scalar(QStringLiteral("SELECT tags FROM leads")).toString(), QStringLiteral("hot,math"));
    QCOMPARE(fixture.scalar(QStringLiteral("SELECT value_minor FROM leads")).toLongLong(), 1250050);
    QCOMPARE(fixture.scalar(QStringLiteral("SELECT count(*) FROM activities WHERE kind = 'created'")).toInt(), 1);
    // The new lead opens in the detail panel, and undo removes it again.
    QTRY_VERIFY(fixture.window->leadsView()->detailPanel()->isVisible());
    fixture.window->undoStack()->undo();
    QTRY_COMPARE(fixture.scalar(QStringLiteral("SELECT count(*) FROM leads WHERE deleted = 0")).toInt(), 0);
}

void TestLeadFormGui::dialogRejectsInvalidInput()
{
    GuiFixture fixture;
    QVERIFY(fixture.open(0));
    QStringList errorsSeen;
    bool stayedOpen = false;
    whenDialogOpens([&](LeadDialog* dialog) {
        type(dialog, QStringLiteral("field_name"), QStringLiteral("Bad Input Co"));
        type(dialog, QStringLiteral("field_email"), QStringLiteral("bad@@example"));
        type(dialog, QStringLiteral("field_phone"), QStringLiteral("12"));
        type(dialog, QStringLiteral("field_website"), QStringLiteral("javascript:alert(1)"));
        auto* save = dialog->findChild<QPushButton*>(QStringLiteral("saveButton"));
        QTest::mouseClick(save, Qt::LeftButton);
        stayedOpen = dialog->isVisible();
        for (QLabel* label : dialog->findChildren<QLabel*>(QStringLiteral("FieldError"))) {
            if (!label->isHidden())
                errorsSeen.append(label->text());
        }
        dialog->reject();
    });
    fixture.window->leadsView()->newLead();
    QVERIFY(stayedOpen);
    QCOMPARE(errorsSeen.size(), 3);
    QVERIFY(errorsSeen.join(QLatin1Char('\n')).contains(QStringLiteral("email")));
    QCOMPARE(fixture.scalar(QStringLiteral("SELECT count(*) FROM leads")).toInt(), 0);
}

void TestLeadFormGui::detailPanelShowsErrorsInlineAndKeepsData()
{
    GuiFixture fixture;
    QVERIFY(fixture.open(3));
    const QString leadId = fixture.scalar(QStringLiteral("SELECT id FROM leads LIMIT 1")).toString();
    const QString phoneBefore = fixture.scalar(QStringLiteral("SELECT phone FROM leads WHERE id = ?"), { leadId }).toString();
    LeadDetailPanel* panel = fixture.window->leadsView()->detailPanel();
    fixture.window->leadsView()->openLead(leadId);
    QTRY_COMPARE(panel->leadId(), leadId);

    type(panel, QStringLiteral("field_phone"), QStringLiteral("not a phone"));
    QTest::mouseClick(panel->findChild<QPushButton*>(QStringLiteral("detailSaveButton")), Qt::LeftButton);
    QLabel* visibleError = nullptr;
    for (QLabel* label : panel->findChildren<QLabel*>(QStringLiteral("FieldError"))) {
        if (!label->isHidden())
            visibleError = label;
    }
    QVERIFY(visibleError);
    QVERIFY(visibleError->text().contains(QStringLiteral("not a phone")));
    QVERIFY(panel->form()->isDirty());
    QCOMPARE(fixture.scalar(QStringLiteral("SELECT phone FROM leads WHERE id = ?"), { leadId }).toString(), phoneBefore);

    type(panel, QStringLiteral("field_phone"), QStringLiteral("+1 415 555 2671"));
    QTest::keyClick(panel->findChild<QLineEdit*>(QStringLiteral("field_phone")), Qt::Key_S, Qt::ControlModifier);
    QTRY_COMPARE(fixture.scalar(QStringLiteral("SELECT phone FROM leads WHERE id = ?"), { leadId }).toString(),
        QStringLiteral("+14155552671"));
    QTRY_VERIFY(!panel->form()->isDirty());
    fixture.window->undoStack()->undo();
    QTRY_COMPARE(fixture.scalar(QStringLiteral("SELECT phone FROM leads WHERE id = ?"), { leadId }).toString(), phoneBefore);
}

void TestLeadFormGui::hostileTextRoundTrips()
{
    GuiFixture fixture;
    QVERIFY(fixture.open(1));
    const QString leadId = fixture.scalar(QStringLiteral("SELECT id FROM leads LIMIT 1")).toString();
    LeadDetailPanel* panel = fixture.window->leadsView()->detailPanel();
    fixture.window->leadsView()->openLead(leadId);
    QTRY_COMPARE(panel->leadId(), leadId);
    const QString hostile = QStringLiteral("Robert'); DROP TABLE leads;-- 👩‍💻 Zoë \"%_\\");
    for (const QString& field : { QStringLiteral("field_name"), QStringLiteral("field_company"),
             QStringLiteral("field_contact_person"), QStringLiteral("field_source"), QStringLiteral("field_industry"),
             QStringLiteral("field_location") }) {
        auto* edit = panel->findChild<QLineEdit*>(field);
        QVERIFY2(edit, qPrintable(field));
        edit->setText(hostile);
    }
    // 1 MB of notes as people write them: many lines (the storage tests also cover one 1 MB line).
    QString bigNotes;
    while (bigNotes.size() < 1024 * 1024)
        bigNotes += QStringLiteral("Follow-up notes line with details about budget, timeline and needs. %1\n")
                        .arg(bigNotes.size());
    panel->findChild<QPlainTextEdit*>(QStringLiteral("field_notes"))->setPlainText(bigNotes);
    panel->form()->setDirty(true);
    panel->save();
    QTRY_COMPARE(fixture.scalar(QStringLiteral("SELECT name FROM leads WHERE id = ?"), { leadId }).toString(), hostile);
    QCOMPARE(fixture.scalar(QStringLiteral("SELECT location FROM leads WHERE id = ?"), { leadId }).toString(), hostile);
    QCOMPARE(fixture.scalar(QStringLiteral("SELECT length(notes) FROM leads WHERE id = ?"), { leadId }).toInt(),
        bigNotes.size());
    QCOMPARE(fixture.scalar(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'leads'")).toInt(), 1);
}

void TestLeadFormGui::defaultRegionPreferenceAppliesToPhones()
{
    GuiFixture fixture;
    QVERIFY(fixture.open(1));
    PreferencesDialog preferences(fixture.window.get());
    QComboBox* region = preferences.regionCombo();
    QCOMPARE(region->currentData().toString(), QStringLiteral("GB"));
    region->setCurrentIndex(region->findData(QStringLiteral("DE")));
    preferences.accept();
    QCOMPARE(AppSettings::defaultRegion(), QStringLiteral("DE"));

    const QString leadId = fixture.scalar(QStringLiteral("SELECT id FROM leads LIMIT 1")).toString();
    LeadDetailPanel* panel = fixture.window->leadsView()->detailPanel();
    fixture.window->leadsView()->openLead(leadId);
    QTRY_COMPARE(panel->leadId(), leadId);
    type(panel, QStringLiteral("field_phone"), QStringLiteral("030 1234567"));
    panel->save();
    QTRY_COMPARE(fixture.scalar(QStringLiteral("SELECT phone FROM leads WHERE id = ?"), { leadId }).toString(),
        QStringLiteral("+49301234567"));
    AppSettings::setDefaultRegion(QStringLiteral("GB"));
}

QTEST_MAIN(TestLeadFormGui)
#include "tst_leadformgui.moc"
