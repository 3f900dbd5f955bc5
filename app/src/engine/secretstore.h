#pragma once

#include <QDeadlineTimer>
#include <QHash>
#include <QProcessEnvironment>
#include <QString>
#include <functional>
#include <memory>
#include <mutex>

namespace einvoice {

struct SenderProfile;

/// What asking a secret store or source gave. A value type. The secret is only ever in
/// `secret`; `error` and `source` are safe to show and to log.
struct SecretResult
{
    enum class State
    {
        Ok,         ///< done (for a read, `secret` holds the value)
        NotFound,   ///< this store or source has no such secret
        Locked,     ///< the keychain is locked: unlock it (log in), then retry
        NoKeychain, ///< no keychain answers (no session bus, no Secret Service, not up yet, timeout)
        Refused,    ///< the source exists but is unsafe or unusable (token file mode, owner, symlink)
        Failed,     ///< any other error the store reported
    };
    State state = State::Failed;
    QString secret;
    QString error;  ///< user-visible, names the store or file and the problem; never the secret
    QString source; ///< where it was looked for: "keychain", the token file path, the variable name

    bool ok() const { return state == State::Ok; }
    /// The store cannot answer now but may later without any change of configuration (keychain
    /// locked, not running, not up yet): the caller keeps the work and retries later.
    bool unavailable() const { return state == State::Locked || state == State::NoKeychain; }
    /// Short stable name of the state ("ok", "not-found", "locked", "no-keychain", "refused", "failed").
    QString stateName() const;
};

/// Where secrets (portal API tokens) are kept. Keys look like "portal-token/<profile id>".
///
/// Threading: implementations are synchronous, bounded by their own timeouts, and callable from
/// any thread (the engine's sender thread, a QThreadPool worker, the GUI thread), one call at a
/// time or concurrently.
class SecretStore
{
public:
    virtual ~SecretStore();
    virtual SecretResult read(const QString &key) = 0;
    virtual SecretResult write(const QString &key, const QString &secret) = 0;
    /// Removing a key that does not exist is Ok.
    virtual SecretResult remove(const QString &key) = 0;

    /// The key a profile's portal token is stored under: "portal-token/<profile id>" (the same
    /// key the tray application's settings page writes).
    static QString portalTokenKey(const QString &profileId);
};

/// The desktop keychain through QtKeychain: the Secret Service (gnome-keyring, KWallet's
/// Secret Service) on Linux, Keychain on macOS, Credential Store on Windows. Items live under
/// the service "einvoice-connector".
///
/// There is no insecure fallback: when no keychain answers the result is NoKeychain and nothing
/// is written anywhere else. A service that is not up yet (session still starting, keyring
/// daemon being activated) is retried a few times with a growing pause; a locked keychain is
/// reported as Locked (QtKeychain itself says "entry not found" for a read from a locked
/// collection, so the store asks the Secret Service over D-Bus whether the item or the default
/// collection is locked).
///
/// Threading: QtKeychain jobs are asynchronous, need an event loop in the thread they live in,
/// and are serialised by a process-wide, non-thread-safe JobExecutor that belongs to the thread
/// that started the first job. So every job of this class runs on one private "keychain"
/// thread with its own event loop (started at first use, kept for the process's lifetime); the
/// calling thread only waits on a condition with a deadline. Callers therefore need no event
/// loop of their own and may be any thread. A process should not also start QtKeychain jobs on
/// other threads (the tray application's own store should use this class).
class KeychainSecretStore : public SecretStore
{
public:
    struct Options
    {
        QString service = QStringLiteral("einvoice-connector");
        int timeoutMs = 10000;    ///< per attempt; a keychain that does not answer is NoKeychain
        int attempts = 3;         ///< tries while the Secret Service is not up yet
        int firstBackoffMs = 250; ///< pause after the first failed try, doubled after each
        /// A secret read is kept in memory this long: a transport asks for its token on every
        /// request (four uploads at once), and each keychain read is a D-Bus round trip on the one
        /// keychain thread. A write or remove through this store drops it at once; a change made
        /// by another program is seen after this long. 0 = always ask the keychain.
        int cacheSecs = 30;
    };
    KeychainSecretStore();
    explicit KeychainSecretStore(const Options &options);

    SecretResult read(const QString &key) override;
    SecretResult write(const QString &key, const QString &secret) override;
    SecretResult remove(const QString &key) override;

    const Options &options() const { return m_options; }

private:
    enum class Op
    {
        Read,
        Write,
        Remove
    };
    SecretResult run(Op op, const QString &key, const QString &secret);
    Options m_options;
    struct Cached
    {
        QString secret;
        QDeadlineTimer until;
    };
    std::mutex m_cacheMutex;
    QHash<QString, Cached> m_cache; ///< successful reads (m_cacheMutex)
};

/// A token kept in a file, for the headless daemon (no desktop session, no keychain). The file
/// must be a regular file (not a symbolic link), owned by the user the agent runs as, with no
/// permissions for group or others (mode 0600, or 0400); anything else is Refused with a message
/// naming the file, its mode and the fix (`chmod 600`). One trailing newline is stripped. The file
/// is read on every call so a rotated token is picked up at once. Stateless; any thread.
class FileSecretSource
{
public:
    explicit FileSecretSource(QString path);
    SecretResult read() const;
    const QString &path() const { return m_path; }

private:
    QString m_path;
};

/// A token in the environment, for the headless daemon (systemd `Environment=`/`EnvironmentFile=`,
/// containers): EINVOICE_PORTAL_TOKEN_<PROFILE ID> first (upper-cased, every character other than
/// A-Z and 0-9 replaced by `_`), then EINVOICE_PORTAL_TOKEN for every profile. The environment is
/// captured at construction (tests pass their own). Immutable; any thread.
class EnvironmentSecretSource
{
public:
    explicit EnvironmentSecretSource(
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment());
    SecretResult read(const QString &profileId) const;
    /// "EINVOICE_PORTAL_TOKEN_" + the profile id made into a variable name.
    static QString variableFor(const QString &profileId);
    static QString genericVariable();

private:
    QProcessEnvironment m_environment;
};

/// Finds a profile's portal token, in this order (docs/credentials.md):
///   1. the profile's token file (`token_file`), when one is configured: its answer is final
///      (a refused or missing file is an error to fix, never a reason to look elsewhere);
///   2. the environment: EINVOICE_PORTAL_TOKEN_<PROFILE ID>, then EINVOICE_PORTAL_TOKEN;
///   3. the keychain, key "portal-token/<profile id>".
/// When nothing has a token the result is NotFound; when the keychain could not be asked it is
/// the keychain's Locked/NoKeychain. Every token is checked before use: no whitespace or control
/// characters (a token is sent in an HTTP header).
///
/// Threading: immutable after construction; resolve() and the functions from forProfile() may be
/// called from any thread. The keychain (may be null: no keychain) is shared with the functions.
class SecretResolver
{
public:
    explicit SecretResolver(std::shared_ptr<SecretStore> keychain,
                            QProcessEnvironment environment = QProcessEnvironment::systemEnvironment());

    SecretResult resolve(const SenderProfile &profile) const;

    /// Told the outcome of every look-up, with `secret` always cleared (so it can be logged or
    /// shown): Ok clears a "keychain locked" state, anything else explains the missing token.
    using Observer = std::function<void(const SecretResult &)>;
    /// A function for HttpsPortalTransport's TokenSource: the profile's token, looked up afresh on
    /// every call (a rotated or newly unlocked token is used at once), or an empty string when
    /// there is none now; the transport then answers Transient and sends nothing. @p observer
    /// (optional) learns why.
    std::function<QString()> forProfile(const SenderProfile &profile, Observer observer = {}) const;

private:
    static SecretResult checked(SecretResult result);
    static SecretResult resolveWith(const std::shared_ptr<SecretStore> &keychain,
                                    const EnvironmentSecretSource &environment, const QString &profileId,
                                    const QString &tokenFile);

    std::shared_ptr<SecretStore> m_keychain;
    EnvironmentSecretSource m_environment;
};

} // namespace einvoice
