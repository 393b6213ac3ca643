#include <QWidget> // ok: ui/ may use widgets
void bad()
{
    query.exec(QStringLiteral("SELECT * FROM leads")); // VIOLATION 6
    run("DELETE FROM leads WHERE id = ?"); auto x = a[0]; // VIOLATION 7
    auto* manager = new QNetworkAccessManager(this); // VIOLATION 8
    label->setText(tr("Update available")); // ok: not SQL
    label->setText(tr("Select a lead")); // ok: not SQL
    int updateCount = 0; // ok
}
