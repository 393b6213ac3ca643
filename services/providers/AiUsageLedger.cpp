#include "services/providers/AiUsageLedger.h"

#include "models/Ids.h"

#include <QCoreApplication>
#include <QLocale>
#include <QSqlError>
#include <QSqlQuery>

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("AiUsageLedger", text);
}

// [start, end) of the UTC calendar month containing now, as storage strings (they sort chronologically).
std::pair<QString, QString> monthRange(const QDateTime& now)
{
    const QDate today = now.toUTC().date();
    const QDate first(today.year(), today.month(), 1);
    return { Ids::toStorage(QDateTime(first, QTime(0, 0), Qt::UTC)),
        Ids::toStorage(QDateTime(first.addMonths(1), QTime(0, 0), Qt::UTC)) };
}

QVariant nullable(const QString& text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}
} // namespace

AiUsageLedger::AiUsageLedger(QSqlDatabase db, QString currencySymbol)
    : m_db(std::move(db))
    , m_currencySymbol(std::move(currencySymbol))
{
}

bool AiUsageLedger::record(const AiUsageEntry& entry)
{
    const QString now = Ids::toStorage(entry.createdAt.isValid() ? entry.createdAt : QDateTime::currentDateTimeUtc());
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral(
        "INSERT INTO ai_usage (id, org_id, user_id, feature, model, prompt_version, input_tokens, output_tokens, "
        "cost_micros, lead_id, created_at, updated_at) "
        "VALUES (?, ?, ?, COALESCE(?, ''), COALESCE(?, ''), COALESCE(?, ''), ?, ?, ?, ?, ?, ?)"));
    for (const QVariant& value : { QVariant(Ids::newId()), QVariant(entry.orgId), nullable(entry.userId),
             QVariant(entry.feature), QVariant(entry.model), QVariant(entry.promptVersion),
             QVariant(entry.inputTokens), QVariant(entry.outputTokens), QVariant(entry.costMicros),
             nullable(entry.leadId), QVariant(now), QVariant(now) })
        query.addBindValue(value);
    if (!query.exec()) {
        m_lastError = query.lastError().text();
        return false;
    }
    return true;
}

AiMonthTotals AiUsageLedger::monthToDate(const QString& orgId, const QString& userId, const QDateTime& now)
{
    const auto [start, end] = monthRange(now);
    AiMonthTotals totals;
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral(
        "SELECT COALESCE(SUM(cost_micros), 0), COALESCE(SUM(input_tokens), 0), COALESCE(SUM(output_tokens), 0), "
        "count(*), COALESCE(SUM(CASE WHEN user_id = :user THEN cost_micros END), 0), "
        "COUNT(CASE WHEN user_id = :user THEN 1 END) "
        "FROM ai_usage WHERE org_id = :org AND deleted = 0 AND created_at >= :start AND created_at < :end"));
    query.bindValue(QStringLiteral(":user"), userId);
    query.bindValue(QStringLiteral(":org"), orgId);
    query.bindValue(QStringLiteral(":start"), start);
    query.bindValue(QStringLiteral(":end"), end);
    if (!query.exec() || !query.next()) {
        m_lastError = query.lastError().text();
        return totals;
    }
    totals.orgMicros = query.value(0).toLongLong();
    totals.orgInputTokens = query.value(1).toLongLong();
    totals.orgOutputTokens = query.value(2).toLongLong();
    totals.orgCalls = query.value(3).toInt();
    totals.userMicros = query.value(4).toLongLong();
    totals.userCalls = query.value(5).toInt();
    return totals;
}

QList<AiFeatureUsage> AiUsageLedger::monthByFeature(const QString& orgId, const QDateTime& now)
{
    const auto [start, end] = monthRange(now);
    QList<AiFeatureUsage> rows;
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral(
        "SELECT feature, count(*), COALESCE(SUM(input_tokens), 0), COALESCE(SUM(output_tokens), 0), "
        "COALESCE(SUM(cost_micros), 0) AS cost "
        "FROM ai_usage WHERE org_id = ? AND deleted = 0 AND created_at >= ? AND created_at < ? "
        "GROUP BY feature ORDER BY cost DESC, feature"));
    query.addBindValue(orgId);
    query.addBindValue(start);
    query.addBindValue(end);
    if (!query.exec()) {
        m_lastError = query.lastError().text();
        return rows;
    }
    while (query.next()) {
        AiFeatureUsage row;
        row.feature = query.value(0).toString();
        row.calls = query.value(1).toInt();
        row.inputTokens = query.value(2).toLongLong();
        row.outputTokens = query.value(3).toLongLong();
        row.costMicros = query.value(4).toLongLong();
        rows.append(row);
    }
    return rows;
}

std::optional<qint64> AiUsageLedger::budget(const QString& orgId, const QString& userId)
{
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("SELECT month_limit_micros FROM ai_budgets "
                                 "WHERE org_id = ? AND COALESCE(user_id, '') = COALESCE(?, '') AND deleted = 0"));
    query.addBindValue(orgId);
    query.addBindValue(userId);
    if (!query.exec()) {
        m_lastError = query.lastError().text();
        return std::nullopt;
    }
    if (!query.next())
        return std::nullopt;
    return query.value(0).toLongLong();
}

bool AiUsageLedger::setBudget(const QString& orgId, const QString& userId, qint64 monthLimitMicros)
{
    const QString now = Ids::toStorage(QDateTime::currentDateTimeUtc());
    QSqlQuery update(m_db);
    update.prepare(QStringLiteral("UPDATE ai_budgets SET month_limit_micros = ?, deleted = ?, updated_at = ? "
                                  "WHERE org_id = ? AND COALESCE(user_id, '') = COALESCE(?, '')"));
    for (const QVariant& value : { QVariant(std::max<qint64>(monthLimitMicros, 0)),
             QVariant(monthLimitMicros < 0 ? 1 : 0), QVariant(now), QVariant(orgId), QVariant(userId) })
        update.addBindValue(value);
    if (!update.exec()) {
        m_lastError = update.lastError().text();
        return false;
    }
    if (update.numRowsAffected() > 0 || monthLimitMicros < 0)
        return true;
    QSqlQuery insert(m_db);
    insert.prepare(QStringLiteral("INSERT INTO ai_budgets (id, org_id, user_id, month_limit_micros, created_at, "
                                  "updated_at) VALUES (?, ?, ?, ?, ?, ?)"));
    for (const QVariant& value : { QVariant(Ids::newId()), QVariant(orgId), nullable(userId),
             QVariant(monthLimitMicros), QVariant(now), QVariant(now) })
        insert.addBindValue(value);
    if (!insert.exec()) {
        m_lastError = insert.lastError().text();
        return false;
    }
    return true;
}

AiBudgetCheck AiUsageLedger::checkBudget(const QString& orgId, const QString& userId, const QDateTime& now)
{
    AiBudgetCheck check;
    const std::optional<qint64> orgLimit = budget(orgId, QString());
    // -1: no personal budget (a plain value, because GCC 12 misreads an optional's state through this function).
    const qint64 userLimit = userId.isEmpty() ? -1 : budget(orgId, userId).value_or(-1);
    if (!orgLimit && userLimit < 0)
        return check;
    const AiMonthTotals totals = monthToDate(orgId, userId, now);
    if (orgLimit && totals.orgMicros >= *orgLimit) {
        check.ok = false;
        check.limitMicros = *orgLimit;
        check.spentMicros = totals.orgMicros;
        check.message = tr("This month’s AI budget of %1 is used up (%2). Raise it in Settings → AI; everything else "
                           "keeps working.")
                            .arg(formatMoney(*orgLimit), formatMoney(totals.orgMicros));
    } else if (userLimit >= 0 && totals.userMicros >= userLimit) {
        check.ok = false;
        check.limitMicros = userLimit;
        check.spentMicros = totals.userMicros;
        check.message = tr("Your personal AI budget of %1 for this month is used up (%2). It can be raised in "
                           "Settings → AI; everything else keeps working.")
                            .arg(formatMoney(userLimit), formatMoney(totals.userMicros));
    }
    return check;
}

QString AiUsageLedger::formatMoney(qint64 micros) const
{
    const qint64 cents = (micros + 5'000) / 10'000;
    return m_currencySymbol + QStringLiteral("%1.%2").arg(cents / 100).arg(cents % 100, 2, 10, QLatin1Char('0'));
}
