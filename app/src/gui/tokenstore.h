#pragma once

#include <QHash>
#include <QString>

namespace einvoice::gui {

/// Where the GUI keeps secrets (portal tokens); the engine's SecretStore (in progress) is the
/// same idea for the daemon, and the GUI moves onto it once it lands. Secrets never go into the INI file: the
/// real store is the desktop keychain (KeychainTokenStore); tests use MemoryTokenStore. Implementations are
/// used from the GUI thread.
class TokenStore
{
public:
    virtual ~TokenStore() = default;
    /// Stores @p secret under @p key; returns an error for the user, or an empty string.
    virtual QString write(const QString &key, const QString &secret) = 0;
    /// Reads the secret; empty with @p error set when there is none or the store is locked.
    virtual QString read(const QString &key, QString *error = nullptr) = 0;
    virtual QString remove(const QString &key) = 0;

    /// The key a profile's portal token is stored under ("portal-token/<profile id>").
    static QString tokenKey(const QString &profileId);
};

/// The desktop keychain through QtKeychain (Secret Service on Linux, Keychain on macOS,
/// Credential Store on Windows), service "einvoice-connector". Calls wait for the keychain with
/// a local event loop. There is deliberately no plaintext fallback: when no keychain is
/// available the error says so and nothing is stored.
class KeychainTokenStore : public TokenStore
{
public:
    static QString serviceName();
    QString write(const QString &key, const QString &secret) override;
    QString read(const QString &key, QString *error = nullptr) override;
    QString remove(const QString &key) override;
};

/// In-memory secrets for tests and for runs without a keychain (nothing survives the process).
class MemoryTokenStore : public TokenStore
{
public:
    QString write(const QString &key, const QString &secret) override
    {
        m_values.insert(key, secret);
        return {};
    }
    QString read(const QString &key, QString *error = nullptr) override
    {
        if (!m_values.contains(key) && error)
            *error = QStringLiteral("no secret stored for %1").arg(key);
        return m_values.value(key);
    }
    QString remove(const QString &key) override
    {
        m_values.remove(key);
        return {};
    }

private:
    QHash<QString, QString> m_values;
};

} // namespace einvoice::gui
