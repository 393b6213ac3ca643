#include "services/imports/MappingSuggester.h"

#include <QHash>
#include <QRegularExpression>

namespace {
QString normalizeHeader(const QString& header)
{
    QString text = header.normalized(QString::NormalizationForm_KD).toLower();
    QString folded;
    folded.reserve(text.size());
    for (const QChar c : std::as_const(text)) {
        if (c.isLetterOrNumber())
            folded.append(c);
        else if (c.category() != QChar::Mark_NonSpacing && !folded.endsWith(QLatin1Char(' ')))
            folded.append(QLatin1Char(' '));
    }
    return folded.trimmed();
}

const QHash<QString, LeadField>& synonyms()
{
    static const QHash<QString, LeadField> table = [] {
        QHash<QString, LeadField> map;
        const auto add = [&map](LeadField field, std::initializer_list<const char*> names) {
            for (const char* name : names)
                map.insert(normalizeHeader(QString::fromUtf8(name)), field);
        };
        add(LeadField::FirstName, { "first name", "firstname", "first", "given name", "forename", "vorname", "prénom",
                                      "prenom", "nombre", "nome", "voornaam", "fname", "contact first name" });
        add(LeadField::LastName, { "last name", "lastname", "last", "surname", "family name", "nachname", "nom de famille",
                                     "apellido", "apellidos", "cognome", "achternaam", "sobrenome", "lname",
                                     "contact last name" });
        add(LeadField::FullName, { "name", "full name", "fullname", "contact", "contact name", "contact person",
                                     "person", "lead name", "lead", "ansprechpartner", "kontakt", "nom", "nom complet",
                                     "nombre completo", "nome completo", "naam", "display name" });
        add(LeadField::Company, { "company", "company name", "organization", "organisation", "organization name",
                                    "account", "account name", "business", "business name", "firma", "unternehmen",
                                    "firmenname", "société", "societe", "entreprise", "empresa", "azienda", "bedrijf",
                                    "employer" });
        add(LeadField::Title, { "title", "job title", "position", "role", "jobtitle", "designation", "funktion",
                                  "position im unternehmen", "poste", "fonction", "cargo", "puesto", "ruolo", "functie" });
        add(LeadField::Email, { "email", "e mail", "email address", "e mail address", "mail", "work email",
                                  "business email", "emailaddress", "courriel", "adresse email", "correo",
                                  "correo electronico", "posta elettronica", "e mailadres" });
        add(LeadField::Phone, { "phone", "phone number", "telephone", "tel", "mobile", "mobile phone", "cell",
                                  "cell phone", "work phone", "phone 1", "telefon", "telefonnummer", "handy", "mobil",
                                  "téléphone", "telephone number", "portable", "telefono", "movil", "cellulare",
                                  "telefoon", "telefoonnummer", "telemovel" });
        add(LeadField::Website, { "website", "web site", "url", "web", "homepage", "domain", "site", "site web",
                                    "webseite", "sitio web", "sito web", "company website", "website url" });
        add(LeadField::Status, { "status", "stage", "lead status", "pipeline stage", "deal stage", "phase", "statut",
                                   "estado", "stato", "fase" });
        add(LeadField::Source, { "source", "lead source", "origin", "channel", "quelle", "herkunft", "origine",
                                   "fuente", "origen", "fonte", "bron" });
        add(LeadField::Industry, { "industry", "sector", "vertical", "branche", "industrie", "secteur", "industria",
                                     "settore", "sector industrial" });
        add(LeadField::Tags, { "tags", "tag", "labels", "label", "categories", "category", "schlagwörter",
                                 "etiquettes", "etiquetas", "etichette" });
        add(LeadField::Notes, { "notes", "note", "comments", "comment", "description", "remarks", "memo", "notizen",
                                  "bemerkungen", "kommentar", "remarques", "commentaires", "notas", "comentarios",
                                  "note interne", "opmerkingen" });
        add(LeadField::Location, { "location", "city", "address", "town", "region", "country", "state", "ort",
                                     "stadt", "adresse", "land", "ville", "pays", "ciudad", "dirección", "direccion",
                                     "città", "citta", "plaats", "cidade" });
        add(LeadField::Currency, { "currency", "currency code", "währung", "devise", "moneda", "valuta" });
        add(LeadField::Value, { "value", "deal value", "amount", "deal amount", "revenue", "budget", "deal size",
                                  "opportunity value", "wert", "betrag", "umsatz", "montant", "valeur", "valor",
                                  "importe", "valore", "waarde" });
        return map;
    }();
    return table;
}
} // namespace

LeadField MappingSuggester::suggestOne(const QString& headerName)
{
    const QString normalized = normalizeHeader(headerName);
    const auto it = synonyms().constFind(normalized);
    if (it != synonyms().cend())
        return it.value();
    // "Primary Email", "Email (work)", "Contact Phone 2": look for a known word inside.
    const QStringList words = normalized.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString& word : words) {
        const auto hit = synonyms().constFind(word);
        if (hit != synonyms().cend() && word.size() >= 4)
            return hit.value();
    }
    return LeadField::Ignore;
}

ImportMapping MappingSuggester::suggest(const QStringList& header)
{
    ImportMapping mapping;
    for (const QString& name : header) {
        LeadField field = suggestOne(name);
        // One column per field, except tags and notes which concatenate.
        if (field != LeadField::Tags && field != LeadField::Notes && mapping.columns.contains(field))
            field = LeadField::Ignore;
        mapping.columns.append(field);
    }
    return mapping;
}
