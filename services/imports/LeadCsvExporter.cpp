#include "services/imports/LeadCsvExporter.h"

#include "services/imports/CsvWriter.h"
#include "services/storage/LeadRepository.h"
#include "services/storage/StageRepository.h"

#include <QHash>
#include <QSaveFile>

LeadCsvExporter::LeadCsvExporter(QSqlDatabase db)
    : m_db(std::move(db))
{
}

QStringList LeadCsvExporter::header()
{
    // English header names on purpose: they are the importer's own spellings, whatever the UI language.
    return { QStringLiteral("Name"), QStringLiteral("Company"), QStringLiteral("Title"), QStringLiteral("Email"),
        QStringLiteral("Phone"), QStringLiteral("Website"), QStringLiteral("Stage"), QStringLiteral("Source"),
        QStringLiteral("Industry"), QStringLiteral("Tags"), QStringLiteral("Notes"), QStringLiteral("Location"),
        QStringLiteral("Value"), QStringLiteral("Currency") };
}

QString LeadCsvExporter::exportTo(const QString& path, const LeadFilter& filter, qint64* written,
    const std::function<bool(qint64)>& progress)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return tr("Cannot write “%1”: %2").arg(path, file.errorString());
    QHash<QString, QString> stageNames;
    for (const PipelineStage& stage : StageRepository(m_db).all())
        stageNames.insert(stage.key, stage.name);
    CsvWriter writer(&file);
    writer.writeRecord(header());
    LeadRepository leads(m_db);
    qint64 count = 0;
    constexpr int kPage = 1000;
    for (int offset = 0;; offset += kPage) {
        const LeadPage page = leads.page(filter, offset, kPage);
        if (!leads.lastError().isEmpty())
            return leads.lastError();
        for (const Lead& lead : page.leads) {
            const QString phone = lead.phone.isEmpty() ? lead.phoneRaw : lead.phone;
            const QString value = lead.valueMinor == 0
                ? QString()
                : QStringLiteral("%1.%2").arg(lead.valueMinor / 100).arg(lead.valueMinor % 100, 2, 10, QLatin1Char('0'));
            QStringList fields { lead.name, lead.company, lead.title, lead.email, phone, lead.website,
                stageNames.value(lead.status, lead.status), lead.source, lead.industry,
                lead.tags.join(QStringLiteral(", ")), lead.notes, lead.location, value, lead.currency };
            for (QString& field : fields)
                field = CsvWriter::escapeFormula(field);
            if (!writer.writeRecord(fields))
                return tr("Cannot write “%1”: %2").arg(path, file.errorString());
            ++count;
        }
        if (progress && !progress(count)) {
            file.cancelWriting();
            return tr("Export cancelled.");
        }
        if (page.leads.size() < kPage)
            break;
    }
    if (!file.commit())
        return tr("Cannot write “%1”: %2").arg(path, file.errorString());
    if (written)
        *written = count;
    return {};
}
