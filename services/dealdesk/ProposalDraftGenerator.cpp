#include "services/dealdesk/ProposalDraftGenerator.h"

#include "services/dealdesk/ProposalDraftContextRepository.h"
#include "services/dealdesk/ProposalDraftConverter.h"
#include "services/dealdesk/ProposalDraftPrompt.h"
#include "services/providers/AiGateway.h"
#include "services/storage/DatabaseExecutor.h"

#include <QLocale>
#include <QPointer>

namespace {
ProposalDraftResult failure(const LlmError& error)
{
    ProposalDraftResult result;
    result.error = error;
    return result;
}

ProposalDraftResult failure(const QString& message)
{
    LlmError error;
    error.message = message;
    return failure(error);
}

QString uiLanguage()
{
    const QLocale::Language language = QLocale().language();
    return language == QLocale::C || language == QLocale::AnyLanguage ? QStringLiteral("English")
                                                                      : QLocale::languageToString(language);
}
} // namespace

ProposalDraftGenerator::ProposalDraftGenerator(DatabaseExecutor* executor, AiGateway* ai, QObject* parent)
    : QObject(parent)
    , m_executor(executor)
    , m_ai(ai)
    , m_language(uiLanguage())
{ }

bool ProposalDraftGenerator::isConfigured() const
{
    return m_ai->settings().isConfigured();
}

void ProposalDraftGenerator::generate(const QString& leadId, QObject* context, Done done)
{
    QPointer<QObject> guard(context);
    if (!isConfigured()) {
        // Same refusal the gateway gives, without reading the lead first.
        QMetaObject::invokeMethod(
            this,
            [guard, done] {
                if (guard)
                    done(failure(LlmError::make(LlmError::NotConfigured)));
            },
            Qt::QueuedConnection);
        return;
    }
    const QString language = m_language;
    m_executor->run<ProposalDraftContext>(
        context, [leadId](QSqlDatabase& db) { return ProposalDraftContextRepository(db).load(leadId); },
        [this, guard, done, language](const ProposalDraftContext& draftContext) {
            if (!guard)
                return;
            if (!draftContext.error.isEmpty()) {
                done(failure(draftContext.error));
                return;
            }
            const LlmRequest request = ProposalDraftPrompt::request(draftContext, language);
            const QStringList fieldsUsed = ProposalDraftPrompt::fieldsUsed(ProposalDraftPrompt::facts(draftContext));
            const Lead lead = draftContext.lead;
            m_ai->complete(request, guard.data(), [done, fieldsUsed, lead](const LlmResult& answer) {
                if (!answer.ok) {
                    done(failure(answer.error));
                    return;
                }
                ProposalDraftConverter converter(lead, QDate::currentDate());
                const std::optional<Proposal> proposal = converter.convert(answer.json);
                if (!proposal) {
                    done(failure(tr("The AI draft could not be used: %1 Try again, or write the proposal yourself.")
                                     .arg(converter.problems().join(QLatin1Char(' ')))));
                    return;
                }
                ProposalDraftResult result;
                result.ok = true;
                result.proposal = *proposal;
                result.fieldsUsed = fieldsUsed;
                done(result);
            });
        });
}
