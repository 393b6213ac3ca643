// The workspace registry against the real keychain (run through tests/secrets/with_keychain.sh): server workspaces
// round-trip through QSettings with only their non-secret fields, the password through the keychain, and the
// password appears neither in the QSettings file nor in the replica's SQLite file.
#include "services/secrets/SecretStore.h"
#include "services/sync/SyncEngine.h"
#include "services/workspace/WorkspaceRegistry.h"
#include "services/workspace/WorkspaceSession.h"
#include "tests/secrets/SecretScan.h"
#include "tests/support/WaitFor.h"

#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

class TestWorkspaceRegistry : public QObject
{
    Q_OBJECT

private:
    WorkspaceEntry serverEntry(const QString& name) const
    {
        WorkspaceEntry entry;
        entry.kind = WorkspaceEntry::Kind::Server;
        entry.name = name;
        entry.host = QStringLiteral("127.0.0.1");
        entry.port = 1; // nothing listens there: the session stays offline
        entry.database = QStringLiteral("agency");
        entry.user = QStringLiteral("anna@acme.test");
        entry.sslMode = QStringLiteral("prefer");
        return entry;
    }

    WorkspaceSaveOutcome add(
        WorkspaceRegistry& registry, const WorkspaceEntry& entry, const QString& password, bool sessionOnly = false)
    {
        return HubTest::waitForCallback<WorkspaceSaveOutcome>(
            [&](QObject* context, std::function<void(const WorkspaceSaveOutcome&)> done) {
                registry.addServer(entry, password, sessionOnly, context, std::move(done));
            },
            QStringLiteral("addServer"))
            .value_or(WorkspaceSaveOutcome {});
    }

    SecretResult readPassword(WorkspaceRegistry& registry, const QString& id)
    {
        return HubTest::waitForCallback<SecretResult>(
            [&](QObject* context, SecretStore::Done done) { registry.readPassword(id, context, std::move(done)); },
            QStringLiteral("readPassword"))
            .value_or(SecretResult {});
    }

    QTemporaryDir m_dir;
    const QString m_password = QStringLiteral("pw-%1").arg(QUuid::createUuid().toString(QUuid::Id128));

private slots:
    void initTestCase()
    {
        QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
            "no session bus: run this test through tests/secrets/with_keychain.sh");
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("BusinessHubTests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_workspaceregistry"));
        QSettings().clear();
    }

    void localIsAlwaysThereAndActiveByDefault()
    {
        SecretStore secrets;
        WorkspaceRegistry registry(&secrets);
        registry.setLocalPath(m_dir.filePath(QStringLiteral("local.sqlite")));
        const QList<WorkspaceEntry> all = registry.workspaces();
        QVERIFY(!all.isEmpty());
        QCOMPARE(all.constFirst().id, WorkspaceEntry::localId());
        QVERIFY(!all.constFirst().isServer());
        QCOMPARE(registry.active().id, WorkspaceEntry::localId());
        QCOMPARE(registry.active().path, m_dir.filePath(QStringLiteral("local.sqlite")));
    }

    void invalidEntriesAreRefusedWithFieldMessages_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("expectedField");
        QTest::newRow("no name") << "name"
                                 << ""
                                 << "name";
        QTest::newRow("no host") << "host"
                                 << ""
                                 << "host";
        QTest::newRow("host with space") << "host"
                                         << "db example.com"
                                         << "host";
        QTest::newRow("no database") << "database"
                                     << " "
                                     << "database";
        QTest::newRow("no user") << "user"
                                 << ""
                                 << "user";
        QTest::newRow("remote without TLS") << "remote-disable"
                                            << ""
                                            << "sslMode";
        QTest::newRow("remote prefer") << "remote-prefer"
                                       << ""
                                       << "sslMode";
        QTest::newRow("unknown mode") << "sslMode"
                                      << "sometimes"
                                      << "sslMode";
        QTest::newRow("bad port") << "port"
                                  << "0"
                                  << "port";
        QTest::newRow("no password") << "password"
                                     << ""
                                     << "password";
    }

    void invalidEntriesAreRefusedWithFieldMessages()
    {
        QFETCH(QString, field);
        QFETCH(QString, value);
        QFETCH(QString, expectedField);
        SecretStore secrets;
        WorkspaceRegistry registry(&secrets);
        WorkspaceEntry entry = serverEntry(QStringLiteral("Acme"));
        QString password = m_password;
        if (field == QLatin1String("name"))
            entry.name = value;
        else if (field == QLatin1String("host"))
            entry.host = value;
        else if (field == QLatin1String("database"))
            entry.database = value;
        else if (field == QLatin1String("user"))
            entry.user = value;
        else if (field == QLatin1String("sslMode"))
            entry.sslMode = value;
        else if (field == QLatin1String("port"))
            entry.port = value.toInt();
        else if (field == QLatin1String("password"))
            password = value;
        else if (field == QLatin1String("remote-disable") || field == QLatin1String("remote-prefer")) {
            entry.host = QStringLiteral("db.example.com");
            entry.sslMode = field.mid(7);
        }
        const int before = int(registry.workspaces().size());
        const WorkspaceSaveOutcome outcome = add(registry, entry, password);
        QVERIFY(!outcome.ok);
        QVERIFY2(!errorFor(outcome.fieldErrors, expectedField).isEmpty(), qPrintable(outcome.message));
        QCOMPARE(int(registry.workspaces().size()), before);
    }

    void verifyFullOnRemoteAndDisableOnLoopbackAreFine()
    {
        WorkspaceEntry entry = serverEntry(QStringLiteral("Acme"));
        entry.host = QStringLiteral("db.example.com");
        entry.sslMode = QStringLiteral("verify-full");
        QVERIFY(entry.validate().isEmpty());
        entry.sslMode = QStringLiteral("require");
        QVERIFY(entry.validate().isEmpty());
        entry.host = QStringLiteral("localhost");
        entry.sslMode = QStringLiteral("disable");
        QVERIFY(entry.validate().isEmpty());
        entry.host = QStringLiteral("::1");
        QVERIFY(entry.validate().isEmpty());
    }

    void serverWorkspaceRoundTripsWithThePasswordInTheKeychainOnly()
    {
        QString id;
        {
            SecretStore secrets;
            WorkspaceRegistry registry(&secrets);
            QSignalSpy changed(&registry, &WorkspaceRegistry::changed);
            const WorkspaceSaveOutcome outcome = add(registry, serverEntry(QStringLiteral("Acme Agency")), m_password);
            QVERIFY2(outcome.ok, qPrintable(outcome.message));
            QVERIFY(!outcome.sessionOnly);
            QCOMPARE(changed.count(), 1);
            id = outcome.entry.id;
            QVERIFY(!id.isEmpty());
            QCOMPARE(outcome.entry.path, WorkspaceRegistry::replicaPathFor(id));
            QVERIFY(outcome.entry.path.startsWith(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)));
            registry.setActive(id);
        }
        // A new registry (the next start of the app) finds everything again.
        SecretStore secrets;
        WorkspaceRegistry registry(&secrets);
        const auto found = registry.find(id);
        QVERIFY(found);
        QCOMPARE(found->name, QStringLiteral("Acme Agency"));
        QCOMPARE(found->host, QStringLiteral("127.0.0.1"));
        QCOMPARE(found->port, 1);
        QCOMPARE(found->database, QStringLiteral("agency"));
        QCOMPARE(found->user, QStringLiteral("anna@acme.test"));
        QCOMPARE(found->sslMode, QStringLiteral("prefer"));
        QCOMPARE(registry.active().id, id);
        const SecretResult read = readPassword(registry, id);
        QVERIFY2(read.ok(), qPrintable(read.message));
        QCOMPARE(read.secret, m_password);
        QVERIFY(!read.sessionOnly);

        QSettings settings;
        settings.sync();
        const QByteArray file = HubTest::readFile(settings.fileName());
        QVERIFY2(file.contains("Acme Agency"), qPrintable(settings.fileName()));
        QVERIFY2(!HubTest::containsSecret(file, m_password), "the password is in the QSettings file");
    }

    void openingTheServerWorkspaceKeepsThePasswordOutOfTheReplica()
    {
        SecretStore secrets;
        WorkspaceRegistry registry(&secrets);
        const WorkspaceEntry entry = registry.active();
        QVERIFY(entry.isServer());
        {
            WorkspaceSession session;
            QVERIFY(session.openBlocking(entry, m_password).ok());
            QVERIFY(session.sync());
            QSignalSpy errors(session.sync(), &SyncEngine::error);
            QVERIFY(HubTest::waitUntil([&] { return !errors.isEmpty(); }));
            QCOMPARE(errors.constFirst().at(0).value<Sync::ErrorKind>(), Sync::ErrorKind::ServerUnreachable);
            QVERIFY2(!errors.constFirst().at(1).toString().contains(m_password), "the password is in a message");
            QCOMPARE(session.sync()->state(), Sync::State::Offline);
        }
        QVERIFY(QFile::exists(entry.path));
        const QStringList hits = HubTest::filesContainingSecret(
            QStandardPaths::writableLocation(QStandardPaths::AppDataLocation), m_password);
        QVERIFY2(hits.isEmpty(), qPrintable(hits.join(QStringLiteral(", "))));
        const QStringList configHits = HubTest::filesContainingSecret(
            QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation), m_password);
        QVERIFY2(configHits.isEmpty(), qPrintable(configHits.join(QStringLiteral(", "))));
    }

    void removeForgetsSettingsPasswordAndReplicaButNotLocal()
    {
        SecretStore secrets;
        WorkspaceRegistry registry(&secrets);
        const WorkspaceEntry entry = registry.active();
        QVERIFY(entry.isServer());
        const auto remove = [&](const QString& id, const QString& openId) {
            return HubTest::waitForCallback<QString>(
                [&](QObject* context, std::function<void(const QString&)> done) {
                    registry.remove(id, openId, context, std::move(done));
                },
                QStringLiteral("remove"))
                .value_or(QStringLiteral("timeout"));
        };
        QVERIFY(!remove(WorkspaceEntry::localId(), QString()).isEmpty());
        QVERIFY(!remove(entry.id, entry.id).isEmpty()); // the open one stays
        QVERIFY(registry.find(entry.id));
        QCOMPARE(remove(entry.id, WorkspaceEntry::localId()), QString());
        QVERIFY(!registry.find(entry.id));
        QCOMPARE(registry.active().id, WorkspaceEntry::localId());
        QVERIFY(!QFile::exists(entry.path));
        QVERIFY(readPassword(registry, entry.id).notSet());
        QSettings settings;
        settings.sync();
        QVERIFY(!HubTest::readFile(settings.fileName()).contains("Acme Agency"));
    }

    void sessionOnlyPasswordStaysInMemory()
    {
        SecretStore secrets;
        WorkspaceRegistry registry(&secrets);
        const QString sessionPassword = m_password + QStringLiteral("-session");
        const WorkspaceSaveOutcome outcome = add(registry, serverEntry(QStringLiteral("Beta")), sessionPassword, true);
        QVERIFY2(outcome.ok, qPrintable(outcome.message));
        QVERIFY(outcome.sessionOnly);
        const SecretResult read = readPassword(registry, outcome.entry.id);
        QVERIFY(read.ok());
        QVERIFY(read.sessionOnly);
        QCOMPARE(read.secret, sessionPassword);
        // A new run of the app (a fresh SecretStore) no longer has it, and the keychain never had it.
        SecretStore nextRun;
        WorkspaceRegistry again(&nextRun);
        QVERIFY(readPassword(again, outcome.entry.id).notSet());
        QSettings().sync();
        QVERIFY(!HubTest::containsSecret(HubTest::readFile(QSettings().fileName()), sessionPassword));
    }
};

QTEST_GUILESS_MAIN(TestWorkspaceRegistry)
#include "tst_workspaceregistry.moc"
