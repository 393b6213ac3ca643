#include "models/ProposalRules.h"

#include <QTest>

namespace {
const QDate kToday(2026, 3, 10);

Proposal validProposal()
{
    Proposal proposal;
    proposal.leadId = QStringLiteral("lead-1");
    proposal.title = QStringLiteral("Website redesign");
    proposal.currency = QStringLiteral("EUR");
    proposal.sections = { { QStringLiteral("Scope"), QStringLiteral("<p>New site</p>") } };
    proposal.lines = { { QStringLiteral("Design"), 1000, 150000, 1900 } };
    proposal.validUntil = kToday.addDays(30);
    return proposal;
}

QStringList fieldsOf(const FieldErrors& errors)
{
    QStringList fields;
    for (const FieldError& error : errors) {
        fields.append(error.field);
        if (error.message.isEmpty())
            fields.append(QStringLiteral("<no message>"));
    }
    return fields;
}
} // namespace

class tst_ProposalRules : public QObject
{
    Q_OBJECT

private slots:
    void validate_data()
    {
        QTest::addColumn<QString>("change");
        QTest::addColumn<QStringList>("fields");

        QTest::newRow("valid") << QStringLiteral("none") << QStringList();
        QTest::newRow("sections only") << QStringLiteral("no lines") << QStringList();
        QTest::newRow("lines only") << QStringLiteral("no sections") << QStringList();
        QTest::newRow("no valid-until") << QStringLiteral("no valid until") << QStringList();
        QTest::newRow("valid until today") << QStringLiteral("valid until today") << QStringList();
        QTest::newRow("zero tax, zero price, zero quantity") << QStringLiteral("zeros") << QStringList();
        QTest::newRow("100 % tax") << QStringLiteral("tax 100") << QStringList();
        QTest::newRow("title missing") << QStringLiteral("no title") << QStringList { QStringLiteral("title") };
        QTest::newRow("title blank") << QStringLiteral("blank title") << QStringList { QStringLiteral("title") };
        QTest::newRow("no content") << QStringLiteral("no content") << QStringList { QStringLiteral("content") };
        QTest::newRow("negative price") << QStringLiteral("negative price")
                                        << QStringList { QStringLiteral("lines.0.unitPrice") };
        QTest::newRow("negative quantity") << QStringLiteral("negative quantity")
                                           << QStringList { QStringLiteral("lines.0.quantity") };
        QTest::newRow("tax above 100 %") << QStringLiteral("tax 100.01")
                                         << QStringList { QStringLiteral("lines.0.taxRate") };
        QTest::newRow("negative tax") << QStringLiteral("tax -1") << QStringList { QStringLiteral("lines.0.taxRate") };
        QTest::newRow("line without item") << QStringLiteral("no item") << QStringList { QStringLiteral("lines.0.item") };
        QTest::newRow("currency lower case") << QStringLiteral("currency eur")
                                             << QStringList { QStringLiteral("currency") };
        QTest::newRow("currency empty") << QStringLiteral("currency empty") << QStringList { QStringLiteral("currency") };
        QTest::newRow("currency symbol") << QStringLiteral("currency symbol")
                                         << QStringList { QStringLiteral("currency") };
        QTest::newRow("expires before today (new)") << QStringLiteral("valid until yesterday")
                                                    << QStringList { QStringLiteral("validUntil") };
        QTest::newRow("expires before creation") << QStringLiteral("created later")
                                                 << QStringList { QStringLiteral("validUntil") };
        QTest::newRow("after creation though today is later") << QStringLiteral("created earlier") << QStringList();
        QTest::newRow("overflowing amounts") << QStringLiteral("overflow") << QStringList { QStringLiteral("lines") };
        QTest::newRow("several problems") << QStringLiteral("several")
                                          << QStringList { QStringLiteral("title"), QStringLiteral("currency"),
                                                 QStringLiteral("lines.1.unitPrice") };
    }

    void validate()
    {
        QFETCH(QString, change);
        QFETCH(QStringList, fields);
        Proposal p = validProposal();
        if (change == QLatin1String("no lines"))
            p.lines.clear();
        else if (change == QLatin1String("no sections"))
            p.sections.clear();
        else if (change == QLatin1String("no valid until"))
            p.validUntil = QDate();
        else if (change == QLatin1String("valid until today"))
            p.validUntil = kToday;
        else if (change == QLatin1String("zeros"))
            p.lines = { { QStringLiteral("Free"), 0, 0, 0 } };
        else if (change == QLatin1String("tax 100"))
            p.lines[0].taxRateBasisPoints = 10000;
        else if (change == QLatin1String("no title"))
            p.title.clear();
        else if (change == QLatin1String("blank title"))
            p.title = QStringLiteral("  \t ");
        else if (change == QLatin1String("no content"))
            p.lines.clear(), p.sections.clear();
        else if (change == QLatin1String("negative price"))
            p.lines[0].unitPriceMinor = -1;
        else if (change == QLatin1String("negative quantity"))
            p.lines[0].quantityMilli = -1;
        else if (change == QLatin1String("tax 100.01"))
            p.lines[0].taxRateBasisPoints = 10001;
        else if (change == QLatin1String("tax -1"))
            p.lines[0].taxRateBasisPoints = -1;
        else if (change == QLatin1String("no item"))
            p.lines[0].item = QStringLiteral(" ");
        else if (change == QLatin1String("currency eur"))
            p.currency = QStringLiteral("eur");
        else if (change == QLatin1String("currency empty"))
            p.currency.clear();
        else if (change == QLatin1String("currency symbol"))
            p.currency = QStringLiteral("€");
        else if (change == QLatin1String("valid until yesterday"))
            p.validUntil = kToday.addDays(-1);
        else if (change == QLatin1String("created later")) {
            p.createdAt = QDateTime(kToday.addDays(40), QTime(12, 0));
        } else if (change == QLatin1String("created earlier")) {
            p.createdAt = QDateTime(kToday.addDays(-60), QTime(12, 0));
            p.validUntil = kToday.addDays(-30);
        } else if (change == QLatin1String("overflow")) {
            p.lines = { { QStringLiteral("a"), 1000, std::numeric_limits<qint64>::max(), 0 },
                { QStringLiteral("b"), 1000, 1, 0 } };
        } else if (change == QLatin1String("several")) {
            p.title.clear();
            p.currency = QStringLiteral("EURO");
            p.lines.append({ QStringLiteral("Hosting"), 1000, -500, 0 });
        }
        QCOMPARE(fieldsOf(ProposalRules::validate(p, kToday)), fields);
    }

    void transitions_data()
    {
        using S = Proposal::Status;
        QTest::addColumn<int>("from");
        QTest::addColumn<int>("to");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<bool>("allowed");

        const auto row = [](S from, S to, const QString& reason, bool allowed) {
            const QString name = Proposal::statusKey(from) + QStringLiteral(" -> ") + Proposal::statusKey(to)
                + (reason.isEmpty() ? QString() : QStringLiteral(" (with reason)"));
            QTest::newRow(qPrintable(name)) << int(from) << int(to) << reason << allowed;
        };
        const QString why = QStringLiteral("Budget cut");
        // Every pair, once without and once with a reason.
        for (S from : Proposal::allStatuses()) {
            for (S to : Proposal::allStatuses()) {
                const bool open = from == S::Draft || from == S::Sent;
                const bool moves = (from == S::Draft && to == S::Sent)
                    || (from == S::Sent && (to == S::Draft || to == S::Accepted || to == S::Rejected));
                row(from, to, QString(), open && moves && to != S::Rejected);
                row(from, to, why, open && moves);
            }
        }
        row(S::Sent, S::Rejected, QStringLiteral("   "), false);
    }

    void transitions()
    {
        QFETCH(int, from);
        QFETCH(int, to);
        QFETCH(QString, reason);
        QFETCH(bool, allowed);
        const QString error
            = ProposalRules::transitionError(static_cast<Proposal::Status>(from), static_cast<Proposal::Status>(to), reason);
        QCOMPARE(error.isEmpty(), allowed);
    }

    void allowedTargets()
    {
        using S = Proposal::Status;
        QCOMPARE(ProposalRules::allowedTargets(S::Draft), QList<S> { S::Sent });
        QCOMPARE(ProposalRules::allowedTargets(S::Sent), (QList<S> { S::Draft, S::Accepted, S::Rejected }));
        QVERIFY(ProposalRules::allowedTargets(S::Accepted).isEmpty());
        QVERIFY(ProposalRules::allowedTargets(S::Rejected).isEmpty());
    }

    void statusKeys()
    {
        for (Proposal::Status status : Proposal::allStatuses()) {
            QCOMPARE(Proposal::statusFromKey(Proposal::statusKey(status)), std::optional<Proposal::Status>(status));
            QVERIFY(!Proposal::statusLabel(status).isEmpty());
        }
        QCOMPARE(Proposal::statusKey(Proposal::Status::Rejected), QStringLiteral("rejected"));
        QVERIFY(!Proposal::statusFromKey(QStringLiteral("won")).has_value());
    }
};

QTEST_GUILESS_MAIN(tst_ProposalRules)
#include "tst_proposalrules.moc"
