#include "services/secrets/SecretStore.h"

#include <QCoreApplication>
#include <QPointer>

#include <qt6keychain/keychain.h>

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("SecretStore", text);
}

// Calls done only while the caller's context lives; a null context means "no context to outlive".
struct Answer
{
    QPointer<QObject> guard;
    bool hasContext = false;
    SecretStore::Done done;

    void operator()(const SecretResult& result) const
    {
        if (done && (!hasContext || guard))
            done(result);
    }
};

Answer answerFor(QObject* context, SecretStore::Done done)
{
    return Answer { QPointer<QObject>(context), context != nullptr, std::move(done) };
}

SecretResult fromJob(const QKeychain::Job& job)
{
    SecretResult result;
    result.detail = job.errorString();
    const QString keychain = SecretStore::keychainName();
    switch (job.error()) {
    case QKeychain::NoError:
        result.status = SecretResult::Status::Ok;
        result.detail.clear();
        break;
    case QKeychain::EntryNotFound:
        result.status = SecretResult::Status::NotSet;
        result.message = tr("No secret is stored for this workspace yet.");
        break;
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        result.status = SecretResult::Status::Unavailable;
        result.message = tr("Access to the keychain (%1) was denied, so the secret cannot be stored safely. Allow "
                            "Business Hub to use the keychain and try again, or use the secret for this session "
                            "only. Details: %2")
                             .arg(keychain, result.detail);
        break;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::OtherError:
        // On Linux "no Secret Service on the bus" and "no session bus" both arrive as OtherError.
        result.status = SecretResult::Status::Unavailable;
        result.message = tr("The keychain (%1) is not available, so the secret cannot be stored safely. Set up the "
                            "keychain and try again, or use the secret for this session only: Business Hub then "
                            "forgets it when it closes. Details: %2")
                             .arg(keychain, result.detail);
        break;
    case QKeychain::CouldNotDeleteEntry:
        result.status = SecretResult::Status::Failed;
        result.message = tr("The keychain (%1) could not delete the secret. Try again, or remove it with the "
                            "keychain's own tool. Details: %2")
                             .arg(keychain, result.detail);
        break;
    }
    return result;
}
} // namespace

SecretStore::SecretStore(QObject* parent, QString service)
    : QObject(parent)
    , m_service(std::move(service))
{
}

QString SecretStore::defaultService()
{
    return QStringLiteral("io.businesshub.BusinessHub");
}

QString SecretStore::keyFor(const QString& workspaceId, const QString& provider)
{
    return QStringLiteral("businesshub/%1/%2").arg(workspaceId, provider);
}

QString SecretStore::keychainName()
{
#if defined(Q_OS_MACOS)
    return tr("macOS Keychain");
#elif defined(Q_OS_WIN)
    return tr("Windows Credential Manager");
#else
    return tr("Secret Service: GNOME Keyring or KWallet");
#endif
}

void SecretStore::read(const QString& key, QObject* context, Done done)
{
    const Answer answer = answerFor(context, std::move(done));
    const auto session = m_sessionSecrets.constFind(key);
    if (session != m_sessionSecrets.cend()) {
        SecretResult result;
        result.secret = *session;
        result.sessionOnly = true;
        QMetaObject::invokeMethod(this, [answer, result] { answer(result); }, Qt::QueuedConnection);
        return;
    }
    auto* job = new QKeychain::ReadPasswordJob(m_service);
    job->setInsecureFallback(false);
    job->setAutoDelete(true);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [answer](QKeychain::Job* finished) {
        SecretResult result = fromJob(*finished);
        if (result.ok())
            result.secret = static_cast<QKeychain::ReadPasswordJob*>(finished)->textData();
        answer(result);
    });
    job->start();
}

void SecretStore::write(const QString& key, const QString& secret, QObject* context, Done done)
{
    const Answer answer = answerFor(context, std::move(done));
    auto* job = new QKeychain::WritePasswordJob(m_service);
    job->setInsecureFallback(false);
    job->setAutoDelete(true);
    job->setKey(key);
    job->setTextData(secret);
    connect(job, &QKeychain::Job::finished, this, [this, key, answer](QKeychain::Job* finished) {
        const SecretResult result = fromJob(*finished);
        if (result.ok())
            m_sessionSecrets.remove(key);
        answer(result);
    });
    job->start();
}

void SecretStore::remove(const QString& key, QObject* context, Done done)
{
    const Answer answer = answerFor(context, std::move(done));
    const bool hadSessionSecret = m_sessionSecrets.remove(key) > 0;
    auto* job = new QKeychain::DeletePasswordJob(m_service);
    job->setInsecureFallback(false);
    job->setAutoDelete(true);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [answer, hadSessionSecret](QKeychain::Job* finished) {
        SecretResult result = fromJob(*finished);
        if (result.notSet() || (result.unavailable() && hadSessionSecret)) {
            // Nothing left anywhere: the session copy is gone and the keychain had none (or cannot have any).
            result = SecretResult {};
            result.sessionOnly = hadSessionSecret;
        }
        answer(result);
    });
    job->start();
}

void SecretStore::setSessionSecret(const QString& key, const QString& secret)
{
    m_sessionSecrets.insert(key, secret);
}

void SecretStore::clearSessionSecret(const QString& key)
{
    m_sessionSecrets.remove(key);
}
