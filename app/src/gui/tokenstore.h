#pragma once

#include <QHash>
#include <QMutex>
#include <QString>
#include <memory>

namespace einvoice {
class SecretStore;
struct SecretResult;
} // namespace einvoice

namespace einvoice::gui {

/// Where the settings dialog, the wizard and the tray's transports keep and find portal tokens.
/// Secrets never go into the INI file: the real store is the desktop keychain
/// (KeychainTokenStore, over the engine's KeychainSecretStore); tests use MemoryTokenStore.
/// Threading: implementations are thread-safe (the GUI thread writes in the settings, the
/// engine's sender thread reads for each request); calls are synchronous.
class TokenStore
{
public:
    virtual ~TokenStore() = default;
    /// Stores @p secret under @p key; returns an error for the user, or an empty string.
    virtual QString write(const QString &key, const QString &secret) = 0;
    /// Reads the secret; empty with @p error set when there is none or the store is locked.
    virtual QString read(const QString &key, QString *error = nullptr) = 0;
    virtual QString remove(const QString &key) = 0;

    /// The key a profile's portal token is stored under ("portal-token/<profile id>", the
    /// engine's SecretStore::portalTokenKey).
    static QString tokenKey(const QString &profileId);
};

/// The desktop keychain (Secret Service on Linux, Keychain on macOS, Credential Store on
/// Windows), service "einvoice-connector", through the engine's KeychainSecretStore, so the
/// process has one QtKeychain client: all jobs run on its private keychain thread, and callers
/// only wait (bounded by its timeout). Its results become messages for the user: a locked or
/// missing keychain says so and what to do. There is deliberately no plaintext fallback: when no
/// keychain answers, nothing is stored. Thread-safe; shares (owns a reference to) the store.
class KeychainTokenStore : public TokenStore
{
public:
    /// @p store defaults to a KeychainSecretStore with its default options.
    explicit KeychainTokenStore(std::shared_ptr<SecretStore> store = {});
    ~KeychainTokenStore() override;
    static QString serviceName();
    QString write(const QString &key, const QString &secret) override;
    QString read(const QString &key, QString *error = nullptr) override;
    QString remove(const QString &key) override;

    /// What the user reads for a failed store call ("" for Ok); @p writing: the call stored a token.
    static QString userMessage(const SecretResult &result, bool writing);

private:
    std::shared_ptr<SecretStore> m_store;
};

/// In-memory secrets for tests and for runs without a keychain (nothing survives the process).
/// Thread-safe.
class MemoryTokenStore : public TokenStore
{
public:
    QString write(const QString &key, const QString &secret) override
    {
        const QMutexLocker lock(&m_mutex);
        m_values.insert(key, secret);
        return {};
    }
    QString read(const QString &key, QString *error = nullptr) override
    {
        const QMutexLocker lock(&m_mutex);
        if (!m_values.contains(key) && error)
            *error = QStringLiteral("no secret stored for %1").arg(key);
        return m_values.value(key);
    }
    QString remove(const QString &key) override
    {
        const QMutexLocker lock(&m_mutex);
        m_values.remove(key);
        return {};
    }

private:
    QMutex m_mutex;
    QHash<QString, QString> m_values;
};

} // namespace einvoice::gui
