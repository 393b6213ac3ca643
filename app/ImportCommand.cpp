#include "app/ImportCommand.h"

#include "services/imports/CsvReader.h"
#include "services/imports/ImportJobRepository.h"
#include "services/imports/ImportRunner.h"
#include "services/phone/PhoneNormalizer.h"
#include "services/settings/AppSettings.h"
#include "services/storage/DatabaseExecutor.h"
#include "services/workspace/WorkspaceSession.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("ImportCommand", text);
}

int fail(const QString& message)
{
    std::fprintf(stderr, "businesshub import: %s\n", qPrintable(message));
    return 2;
}
} // namespace

int runImportCommand(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("BusinessHub"));
    QCoreApplication::setApplicationName(QStringLiteral("BusinessHub"));

    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Imports leads from a CSV file into a workspace."));
    parser.addHelpOption();
    parser.addPositionalArgument(QStringLiteral("import"), tr("The import command."));
    parser.addPositionalArgument(QStringLiteral("file"), tr("CSV, TSV or TXT file to import."));
    const QCommandLineOption db(QStringLiteral("db"), tr("Workspace database (default: the local workspace)."),
        tr("path"));
    const QCommandLineOption preset(QStringLiteral("preset"), tr("Use the saved mapping preset <name>."), tr("name"));
    const QCommandLineOption map(QStringLiteral("map"), tr("Column mapping, e.g. \"E-Mail=email,Firma=company\"."),
        tr("mapping"));
    const QCommandLineOption duplicates(QStringLiteral("duplicates"),
        tr("What to do with leads that already exist: skip (default), update or create."), tr("mode"),
        QStringLiteral("skip"));
    const QCommandLineOption region(QStringLiteral("region"), tr("Country for phone numbers without a country code."),
        tr("CC"));
    const QCommandLineOption json(QStringLiteral("json"), tr("Print the result as one JSON object."));
    parser.addOptions({ db, preset, map, duplicates, region, json });
    parser.process(app);

    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 2)
        return fail(tr("Give exactly one file: businesshub import FILE [options]"));
    ImportRequest request;
    request.path = QDir::current().absoluteFilePath(positional.at(1));
    if (!ImportOptions::duplicatesFromKey(parser.value(duplicates), &request.options.duplicates))
        return fail(tr("--duplicates must be skip, update or create."));
    request.options.region = parser.isSet(region) ? parser.value(region).toUpper() : AppSettings::defaultRegion();
    if (!PhoneNormalizer::isKnownRegion(request.options.region))
        return fail(tr("“%1” is not a known region code (use e.g. US, GB, DE).").arg(request.options.region));

    // The header decides how --map and presets apply.
    QFile file(request.path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(tr("Cannot read “%1”: %2").arg(request.path, file.errorString()));
    CsvReader reader(&file);
    const CsvFormat format = CsvReader::sniff(&file);
    reader.setFormat(format);
    QStringList header;
    if (!reader.readHeader(&header))
        return fail(reader.hasError() ? reader.errorString() : tr("The file is empty."));
    file.close();
    request.format = format;

    WorkspaceSession session;
    const QString path = parser.isSet(db) ? QDir::current().absoluteFilePath(parser.value(db))
                                          : AppSettings::defaultWorkspacePath();
    const OpenResult opened = session.openBlocking(path);
    if (!opened.ok())
        return fail(opened.message);

    if (parser.isSet(preset)) {
        std::optional<ImportJobRepository::Preset> found;
        session.executor()->runBlocking(
            [&](QSqlDatabase& database) { found = ImportJobRepository(database).preset(parser.value(preset)); });
        if (!found)
            return fail(tr("There is no mapping preset called “%1”.").arg(parser.value(preset)));
        request.mapping = ImportMapping::fromJson(found->mapping, header);
        request.options.defaultTags = found->defaultTags;
        request.options.defaultStage = found->defaultStage;
        request.options.defaultOwner = found->defaultOwner;
        request.options.presetName = found->name;
        if (!parser.isSet(duplicates))
            ImportOptions::duplicatesFromKey(found->duplicates, &request.options.duplicates);
    }
    if (parser.isSet(map)) {
        QString error;
        request.mapping = ImportMapping::fromSpec(parser.value(map), header, &error);
        if (!error.isEmpty())
            return fail(error);
    }

    ImportJob job;
    QList<ImportRowError> errors;
    session.executor()->runBlocking([&](QSqlDatabase& database) {
        ImportRunner runner(database, session.identity());
        job = runner.run(request, nullptr, [](const ImportProgress& progress) {
            const int percent = progress.totalBytes > 0 ? static_cast<int>(100 * progress.bytesRead / progress.totalBytes) : 0;
            std::fprintf(stderr, "\r%3d%%  %lld rows  %.0f rows/s", percent, static_cast<long long>(progress.processed),
                progress.rowsPerSecond);
            std::fflush(stderr);
        });
        errors = runner.rowErrors();
    });
    std::fprintf(stderr, "\n");
    if (job.id.isEmpty())
        return fail(job.error);

    QJsonArray errorList;
    for (const ImportRowError& error : std::as_const(errors)) {
        errorList.append(QJsonObject { { QStringLiteral("row"), error.row }, { QStringLiteral("reason"), error.reason },
            { QStringLiteral("severity"), error.severity } });
    }
    const QJsonObject result { { QStringLiteral("job_id"), job.id }, { QStringLiteral("status"), job.status },
        { QStringLiteral("imported"), job.imported }, { QStringLiteral("updated"), job.updated },
        { QStringLiteral("skipped"), job.skipped }, { QStringLiteral("failed"), job.failed },
        { QStringLiteral("errors"), errorList }, { QStringLiteral("error"), job.error } };
    if (parser.isSet(json)) {
        std::fputs(QJsonDocument(result).toJson(QJsonDocument::Compact).constData(), stdout);
        std::fputs("\n", stdout);
    } else {
        std::printf("%s\n", qPrintable(tr("Imported %1, updated %2, skipped %3 (duplicates), failed %4. Job %5.")
                                           .arg(job.imported)
                                           .arg(job.updated)
                                           .arg(job.skipped)
                                           .arg(job.failed)
                                           .arg(job.id)));
        for (const ImportRowError& error : std::as_const(errors))
            std::printf("  row %lld (%s): %s\n", static_cast<long long>(error.row), qPrintable(error.severity),
                qPrintable(error.reason));
    }
    return job.status == QLatin1String("failed") ? 1 : 0;
}
