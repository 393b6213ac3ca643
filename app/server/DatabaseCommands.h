#pragma once

#include <QCommandLineOption>

class QCommandLineParser;

// The database administration commands of businesshub-server:
//   --init-db <conninfo> --owner-email <e-mail> --owner-password-file <file|-> [--owner-name <name>]
//             [--org-name <name>] [--currency <ISO 4217>] [--login-prefix <prefix>]
//   --migrate <conninfo>
// <conninfo> is a libpq connection string of a superuser ("host=… port=… dbname=… user=postgres sslmode=…" or a
// postgresql:// URI); its password may also come from PGPASSWORD or ~/.pgpass.
class DatabaseCommands
{
public:
    // Adds the options to the parser.
    explicit DatabaseCommands(QCommandLineParser* parser);

    // True when the command line asks for one of these commands.
    bool requested() const;
    // Runs it; the process exit code (0 done, 1 refused or failed, 2 bad arguments).
    int run() const;

private:
    int initDb() const;
    int migrate() const;

    QCommandLineParser* m_parser;
    QCommandLineOption m_initDb;
    QCommandLineOption m_migrate;
    QCommandLineOption m_ownerEmail;
    QCommandLineOption m_ownerPasswordFile;
    QCommandLineOption m_ownerName;
    QCommandLineOption m_orgName;
    QCommandLineOption m_currency;
    QCommandLineOption m_loginPrefix;
};
