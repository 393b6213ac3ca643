#pragma once

#include "services/secrets/SecretResult.h"

#include <QHash>
#include <QObject>
#include <QString>

#include <functional>

// The one door to the operating system's keychain (QtKeychain: macOS Keychain, Windows Credential Manager, Secret
// Service / KWallet). Keys look like "businesshub/<workspace id>/<provider>"; plain-text fallback is off. When the
// keychain cannot be used, a secret can be kept in memory for this run of the app only ("session only"): it is
// never written anywhere. Answers arrive once, on the UI thread, and only while the context object lives.
// Secret values are never logged.
class SecretStore : public QObject
{
    Q_OBJECT

public:
    using Done = std::function<void(const SecretResult&)>;

    // service: the keychain's service name; the app id by default.
    explicit SecretStore(QObject* parent = nullptr, QString service = defaultService());

    static QString defaultService();
    static QString keyFor(const QString& workspaceId, const QString& provider);
    // What the user knows the keychain as on this platform ("GNOME Keyring / KWallet", "macOS Keychain", …).
    static QString keychainName();

    QString service() const { return m_service; }

    // A session-only secret for the key answers first; otherwise the keychain is asked.
    void read(const QString& key, QObject* context, Done done);
    // Stores in the keychain; on success a session-only secret for the key is dropped.
    void write(const QString& key, const QString& secret, QObject* context, Done done);
    // Removes from the keychain and from the session; a key that was not there is not an error.
    void remove(const QString& key, QObject* context, Done done);

    // Keeps the secret in memory only (the keychain was unavailable and the user chose "for this session only").
    void setSessionSecret(const QString& key, const QString& secret);
    void clearSessionSecret(const QString& key);
    bool hasSessionSecret(const QString& key) const { return m_sessionSecrets.contains(key); }

private:
    QString m_service;
    QHash<QString, QString> m_sessionSecrets;
};
