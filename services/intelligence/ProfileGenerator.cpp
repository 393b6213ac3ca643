#include "services/intelligence/ProfileGenerator.h"

#include "services/intelligence/AiProfilePrompt.h"
#include "services/intelligence/AiProfileRepository.h"
#include "services/providers/AiGateway.h"
#include "services/storage/DatabaseExecutor.h"

ProfileGenerator::ProfileGenerator(DatabaseExecutor* executor, AiGateway* ai, QObject* parent)
    : QObject(parent)
    , m_executor(executor)
    , m_ai(ai)
{ }

void ProfileGenerator::generate(const QString& leadId, Done done)
{
    const LeadContextBuilder builder(m_limits);
    m_executor->run<LeadContext>(
        this, [builder, leadId](QSqlDatabase& db) { return builder.load(db, leadId); },
        [this, leadId, done = std::move(done)](const LeadContext& context) {
            if (!context.found) {
                done(ProfileOutcome::failure(leadId, tr("This lead no longer exists.")));
                return;
            }
            ask(context, done);
        });
}

void ProfileGenerator::ask(const LeadContext& context, Done done)
{
    m_ai->complete(
        AiProfilePrompt::request(context), this, [this, context, done = std::move(done)](const LlmResult& result) {
            if (!result.ok) {
                ProfileOutcome failed = ProfileOutcome::failure(context.leadId, result.error);
                failed.leadName = context.leadName;
                done(failed);
                return;
            }
            ProfileOutcome outcome;
            outcome.leadId = context.leadId;
            outcome.leadName = context.leadName;
            AiProfile profile = AiProfile::fromJson(result.json);
            const FieldErrors errors = profile.validate();
            if (!errors.isEmpty()) {
                ProfileOutcome failed = ProfileOutcome::failure(
                    context.leadId, LlmError::make(LlmError::SchemaViolation, errors.first().message));
                failed.leadName = context.leadName;
                done(failed);
                return;
            }
            outcome.droppedFields = profile.restrictSourceFields(context.fieldsUsed);
            outcome.stored.leadId = context.leadId;
            outcome.stored.profile = profile;
            outcome.stored.generatedAt = QDateTime::currentDateTimeUtc();
            outcome.stored.model = result.model.isEmpty() ? m_ai->settings().model : result.model;
            store(outcome, done);
        });
}

void ProfileGenerator::store(const ProfileOutcome& outcome, Done done)
{
    m_executor->run<QString>(
        this,
        [stored = outcome.stored](QSqlDatabase& db) {
            AiProfileRepository repository(db);
            return repository.save(stored) ? QString() : repository.lastError();
        },
        [outcome, done = std::move(done)](const QString& error) {
            if (!error.isEmpty()) {
                ProfileOutcome failed = ProfileOutcome::failure(
                    outcome.leadId, tr("The profile could not be saved, so the earlier one is kept: %1").arg(error));
                failed.leadName = outcome.leadName;
                done(failed);
                return;
            }
            ProfileOutcome stored = outcome;
            stored.ok = true;
            done(stored);
        });
}
