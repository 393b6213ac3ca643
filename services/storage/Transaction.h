#pragma once

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>

#include <functional>

// Runs body in one transaction on db and commits only when its outcome says ok; otherwise nothing of it stays.
// Outcome has a bool `ok` and a static `failure(QString)`, like WriteOutcome.
template <typename Outcome>
Outcome inTransaction(QSqlDatabase& db, const std::function<Outcome()>& body)
{
    if (!db.isOpen())
        return Outcome::failure(QCoreApplication::translate("Transaction", "The workspace is not open."));
    if (!db.transaction())
        return Outcome::failure(db.lastError().text());
    Outcome outcome = body();
    if (!outcome.ok) {
        db.rollback();
        return outcome;
    }
    if (!db.commit()) {
        db.rollback();
        return Outcome::failure(db.lastError().text());
    }
    return outcome;
}
