#include "services/imports/LeadRowBuilder.h"

#include "models/LeadValidator.h"
#include "models/Money.h"
#include "services/imports/CsvWriter.h"

#include <QHash>

#include <iterator>

LeadRowBuilder::LeadRowBuilder(ImportMapping mapping, ImportOptions options, const PipelineStages& stages, QString jobId)
    : m_mapping(std::move(mapping))
    , m_options(std::move(options))
    , m_jobId(std::move(jobId))
{
    for (const PipelineStage& stage : stages) {
        m_stageByName.insert(stage.key.toLower(), stage.key);
        m_stageByName.insert(stage.name.toLower(), stage.key);
    }
    m_defaultStage = m_options.defaultStage;
    if (m_defaultStage.isEmpty() || !m_stageByName.contains(m_defaultStage.toLower()))
        m_defaultStage = stages.isEmpty() ? QStringLiteral("new") : stages.first().key;
}

QString LeadRowBuilder::resolveStage(const QString& text, QStringList* warnings) const
{
    if (text.isEmpty())
        return m_defaultStage;
    const auto it = m_stageByName.constFind(text.toLower());
    if (it != m_stageByName.cend())
        return it.value();
    warnings->append(tr("Unknown stage “%1”; the lead was put in the default stage.").arg(text.left(60)));
    return m_defaultStage;
}

namespace {
// field_sources of an imported lead: {"column":"import", …} in key order, as QJsonDocument writes it, without
// building a QJsonObject for each of 50,000 rows.
class ImportedFieldSources
{
public:
    void mark(const char* column)
    {
        for (size_t i = 0; i < std::size(kColumns); ++i) {
            if (qstrcmp(kColumns[i], column) == 0) {
                m_marked |= 1u << i;
                return;
            }
        }
        Q_ASSERT_X(false, "ImportedFieldSources", column);
    }

    // Rows of a file mostly fill the same columns: each distinct set is written once per thread, then shared.
    QString toJson() const
    {
        thread_local QHash<quint32, QString> written;
        QString& json = written[m_marked];
        if (json.isEmpty())
            json = write();
        return json;
    }

private:
    QString write() const
    {
        QString json = QStringLiteral("{");
        for (size_t i = 0; i < std::size(kColumns); ++i) {
            if (!(m_marked & (1u << i)))
                continue;
            if (json.size() > 1)
                json += QLatin1Char(',');
            json += QLatin1Char('"') + QLatin1String(kColumns[i]) + QLatin1String("\":\"import\"");
        }
        return json + QLatin1Char('}');
    }

    // Sorted, like QJsonObject's keys.
    static constexpr const char* kColumns[] = { "company", "currency", "email", "industry", "location", "name", "notes", "phone", "source", "tags", "title", "value_minor", "website" };
    quint32 m_marked = 0;
};
} // namespace

ImportedRow LeadRowBuilder::build(const QStringList& fields, qint64 number, int headerSize) const
{
    ImportedRow row;
    row.number = number;
    Lead& lead = row.lead;
    if (fields.size() != headerSize) {
        row.warnings.append(tr("The row has %1 fields but the header has %2.").arg(fields.size()).arg(headerSize));
    }
    QString first, last, full, email, website, status, value;
    QStringList notes;
    ImportedFieldSources sources;
    const auto mark = [&sources](const char* column) { sources.mark(column); };
    const int count = static_cast<int>(std::min<qsizetype>(fields.size(), m_mapping.columns.size()));
    for (int i = 0; i < count; ++i) {
        const QString text = CsvWriter::unescapeFormula(fields.at(i).trimmed());
        if (text.isEmpty())
            continue;
        switch (m_mapping.columns.at(i)) {
        case LeadField::Ignore:
            break;
        case LeadField::FirstName:
            first = text;
            break;
        case LeadField::LastName:
            last = text;
            break;
        case LeadField::FullName:
            full = text;
            break;
        case LeadField::Company:
            lead.company = text;
            mark("company");
            break;
        case LeadField::Title:
            lead.title = text;
            mark("title");
            break;
        case LeadField::Email:
            email = text.toLower();
            break;
        case LeadField::Phone:
            row.phoneInput = text;
            break;
        case LeadField::Website:
            website = text;
            break;
        case LeadField::Status:
            status = text;
            break;
        case LeadField::Source:
            lead.source = text;
            mark("source");
            break;
        case LeadField::Industry:
            lead.industry = text;
            mark("industry");
            break;
        case LeadField::Tags:
            for (const QString& tag : Lead::parseTags(QString(text).replace(QLatin1Char(';'), QLatin1Char(',')))) {
                if (!lead.tags.contains(tag, Qt::CaseInsensitive))
                    lead.tags.append(tag);
            }
            break;
        case LeadField::Notes:
            notes.append(text);
            break;
        case LeadField::Location:
            lead.location = text;
            mark("location");
            break;
        case LeadField::Value:
            value = text;
            break;
        case LeadField::Currency:
            lead.currency = text.toUpper();
            mark("currency");
            break;
        }
    }

    // Names: "First Last" from parts, or parts from a full name.
    if (full.isEmpty() && (!first.isEmpty() || !last.isEmpty()))
        full = QStringList { first, last }.join(QLatin1Char(' ')).simplified();
    lead.contactPerson = full;
    lead.name = !full.isEmpty() ? full : lead.company;
    if (!full.isEmpty())
        mark("name");

    if (!email.isEmpty()) {
        if (LeadValidator::isValidEmail(email)) {
            lead.email = email;
            mark("email");
        } else {
            row.warnings.append(tr("“%1” is not a valid email address; it was kept in the notes.").arg(email.left(80)));
            notes.append(tr("Email as imported: %1").arg(email));
        }
    }
    if (!website.isEmpty()) {
        const QString url = LeadValidator::normalizeWebsite(website);
        if (!url.isEmpty()) {
            lead.website = url;
            mark("website");
        } else {
            row.warnings.append(tr("“%1” is not a web address; it was kept in the notes.").arg(website.left(80)));
            notes.append(tr("Website as imported: %1").arg(website));
        }
    }
    if (!value.isEmpty()) {
        qint64 minor = 0;
        if (Money::parse(value, &minor)) {
            lead.valueMinor = minor;
            mark("value_minor");
        } else {
            row.warnings.append(tr("“%1” is not an amount; the value was left empty.").arg(value.left(40)));
        }
    }
    lead.status = resolveStage(status, &row.warnings);
    for (const QString& tag : m_options.defaultTags) {
        if (!lead.tags.contains(tag, Qt::CaseInsensitive))
            lead.tags.append(tag);
    }
    if (lead.source.isEmpty())
        lead.source = m_options.defaultSource;
    lead.ownerId = m_options.defaultOwner;
    lead.notes = notes.join(QStringLiteral("\n\n"));
    if (!lead.notes.isEmpty())
        mark("notes");
    if (!lead.tags.isEmpty())
        mark("tags");
    if (!row.phoneInput.isEmpty())
        mark("phone");
    lead.fieldSources = sources.toJson();

    if (lead.name.isEmpty() && lead.email.isEmpty() && row.phoneInput.isEmpty()) {
        row.error = fields.join(QString()).trimmed().isEmpty()
            ? tr("The row is empty.")
            : tr("The row has no name, company, email or phone, so it cannot become a lead.");
        return row;
    }
    if (lead.name.isEmpty())
        lead.name = !lead.email.isEmpty() ? lead.email : row.phoneInput.simplified();
    // The email and website were checked above; what failed went to the notes.
    const FieldErrors errors = LeadValidator::validate(lead, LeadValidator::Checked::EmailAndWebsite);
    if (!errors.isEmpty()) {
        QStringList messages;
        for (const FieldError& error : errors)
            messages.append(error.message);
        row.error = messages.join(QLatin1Char(' '));
    }
    return row;
}
