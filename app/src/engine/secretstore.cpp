#include "secretstore.h"

#include "senderprofile.h"

#include <QCoreApplication>
#include <QDBusArgument>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusObjectPath>
#include <QDBusVariant>
#include <QFile>
#include <QLoggingCategory>
#include <QMap>
#include <QMetaObject>
#include <QPointer>
#include <QThread>
#include <chrono>
#include <condition_variable>
#include <fcntl.h>
#include <mutex>
#include <pwd.h>
#include <qt6keychain/keychain.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

Q_LOGGING_CATEGORY(lcSecrets, "einvoice.secrets")

namespace einvoice {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("einvoice::SecretStore", text);
}

QString userName(uid_t uid)
{
    if (const passwd *pw = getpwuid(uid))
        return QString::fromLocal8Bit(pw->pw_name);
    return QString::number(uid);
}

QString octalMode(mode_t mode)
{
    return QStringLiteral("0%1").arg(mode & 07777, 3, 8, QLatin1Char('0'));
}

} // namespace

// ---------------------------------------------------------------------------------------------
// SecretResult, SecretStore

QString SecretResult::stateName() const
{
    switch (state) {
    case State::Ok:
        return QStringLiteral("ok");
    case State::NotFound:
        return QStringLiteral("not-found");
    case State::Locked:
        return QStringLiteral("locked");
    case State::NoKeychain:
        return QStringLiteral("no-keychain");
    case State::Refused:
        return QStringLiteral("refused");
    case State::Failed:
        return QStringLiteral("failed");
    }
    return QStringLiteral("failed");
}

SecretStore::~SecretStore() = default;

QString SecretStore::portalTokenKey(const QString &profileId)
{
    return QStringLiteral("portal-token/") + profileId;
}

// ---------------------------------------------------------------------------------------------
// KeychainSecretStore

namespace {

/// The one thread all QtKeychain jobs of the process run on (see the class comment). Made at
/// first use and deliberately never destroyed: QtKeychain's JobExecutor singleton is never
/// destroyed either and belongs to this thread, and a QThread must not be destroyed running.
class KeychainThread
{
public:
    static QObject *context()
    {
        static KeychainThread *instance = new KeychainThread;
        return instance->m_context;
    }

private:
    KeychainThread()
    {
        m_thread = new QThread;
        m_thread->setObjectName(QStringLiteral("einvoice-keychain"));
        m_context = new QObject;
        m_context->moveToThread(m_thread);
        m_thread->start();
    }
    QThread *m_thread = nullptr;
    QObject *m_context = nullptr;
};

/// One job's outcome, shared between the waiting caller and the keychain thread (the caller may
/// give up at its deadline; the job then finishes into a state nobody reads).
struct JobState
{
    std::mutex mutex;
    std::condition_variable done;
    bool finished = false;
    QKeychain::Error error = QKeychain::NoError;
    QString errorString;
    QString data;
    bool locked = false;       // asked over D-Bus after a failure that may mean "locked"
    bool noCollection = false; // the Secret Service has no default collection (not set up yet)
};

using ObjectPathList = QList<QDBusObjectPath>;

QVariant dbusProperty(QDBusConnection &bus, const QString &path, const QString &interface,
                      const QString &name, int timeoutMs)
{
    QDBusMessage get = QDBusMessage::createMethodCall(QStringLiteral("org.freedesktop.secrets"), path,
                                                      QStringLiteral("org.freedesktop.DBus.Properties"),
                                                      QStringLiteral("Get"));
    get << interface << name;
    const QDBusMessage reply = bus.call(get, QDBus::Block, timeoutMs);
    if (reply.type() != QDBusMessage::ReplyMessage || reply.arguments().isEmpty())
        return {};
    return qvariant_cast<QDBusVariant>(reply.arguments().constFirst()).variant();
}

/// Asks the Secret Service whether @p key's item, or the default collection, is locked (libsecret
/// reports a read from a locked collection as "not found"). Runs on the keychain thread.
void probeLocked(const QString &service, const QString &key, int timeoutMs, JobState &state)
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected())
        return;
    static const int registered = [] {
        qDBusRegisterMetaType<QMap<QString, QString>>();
        qDBusRegisterMetaType<ObjectPathList>();
        return 0;
    }();
    Q_UNUSED(registered);
    const QString servicePath = QStringLiteral("/org/freedesktop/secrets");
    const QString serviceIface = QStringLiteral("org.freedesktop.Secret.Service");

    QDBusMessage search = QDBusMessage::createMethodCall(
        QStringLiteral("org.freedesktop.secrets"), servicePath, serviceIface, QStringLiteral("SearchItems"));
    const QMap<QString, QString> attributes{{QStringLiteral("server"), service},
                                            {QStringLiteral("user"), key}};
    search << QVariant::fromValue(attributes);
    const QDBusMessage found = bus.call(search, QDBus::Block, timeoutMs);
    if (found.type() == QDBusMessage::ReplyMessage && found.arguments().size() == 2) {
        const auto lockedItems = qdbus_cast<ObjectPathList>(found.arguments().at(1));
        if (!lockedItems.isEmpty()) {
            state.locked = true;
            return;
        }
    }

    QDBusMessage alias = QDBusMessage::createMethodCall(
        QStringLiteral("org.freedesktop.secrets"), servicePath, serviceIface, QStringLiteral("ReadAlias"));
    alias << QStringLiteral("default");
    const QDBusMessage aliasReply = bus.call(alias, QDBus::Block, timeoutMs);
    if (aliasReply.type() != QDBusMessage::ReplyMessage || aliasReply.arguments().isEmpty())
        return;
    const QString collection = qvariant_cast<QDBusObjectPath>(aliasReply.arguments().constFirst()).path();
    if (collection.isEmpty() || collection == QLatin1String("/")) {
        state.noCollection = true;
        return;
    }
    const QVariant locked = dbusProperty(bus, collection, QStringLiteral("org.freedesktop.Secret.Collection"),
                                         QStringLiteral("Locked"), timeoutMs);
    state.locked = locked.toBool();
}

/// Errors that mean the Secret Service is not (yet) there, as libsecret/GDBus word them.
bool looksNotUpYet(const QString &error)
{
    static const char *const hints[] = {
        "was not provided by any .service files",
        "ServiceUnknown",
        "not activatable",
        "Object does not exist at path",
        "No such interface",
        "Timeout was reached",
        "Did not receive a reply",
        "The connection is closed",
        "Could not connect",
    };
    for (const char *hint : hints)
        if (error.contains(QLatin1String(hint), Qt::CaseInsensitive))
            return true;
    return false;
}

/// No session bus at all: asking again within this process cannot help.
bool looksNoBus(const QString &error)
{
    return error.contains(QLatin1String("autolaunch"), Qt::CaseInsensitive) ||
           error.contains(QLatin1String("DBUS_SESSION_BUS_ADDRESS"), Qt::CaseInsensitive) ||
           qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS");
}

} // namespace

KeychainSecretStore::KeychainSecretStore() : KeychainSecretStore(Options{}) {}

KeychainSecretStore::KeychainSecretStore(const Options &options) : m_options(options) {}

SecretResult KeychainSecretStore::read(const QString &key)
{
    if (m_options.cacheSecs > 0) {
        std::lock_guard<std::mutex> lock(m_cacheMutex);
        if (const auto it = m_cache.constFind(key); it != m_cache.constEnd() && !it->until.hasExpired()) {
            SecretResult cached;
            cached.state = SecretResult::State::Ok;
            cached.source = QStringLiteral("keychain");
            cached.secret = it->secret;
            return cached;
        }
    }
    SecretResult result = run(Op::Read, key, {});
    std::lock_guard<std::mutex> lock(m_cacheMutex);
    if (result.ok() && m_options.cacheSecs > 0)
        m_cache.insert(key, {result.secret, QDeadlineTimer(qint64(m_options.cacheSecs) * 1000)});
    else
        m_cache.remove(key);
    return result;
}

SecretResult KeychainSecretStore::write(const QString &key, const QString &secret)
{
    {
        std::lock_guard<std::mutex> lock(m_cacheMutex);
        m_cache.remove(key);
    }
    return run(Op::Write, key, secret);
}

SecretResult KeychainSecretStore::remove(const QString &key)
{
    {
        std::lock_guard<std::mutex> lock(m_cacheMutex);
        m_cache.remove(key);
    }
    return run(Op::Remove, key, {});
}

SecretResult KeychainSecretStore::run(Op op, const QString &key, const QString &secret)
{
    SecretResult result;
    result.source = QStringLiteral("keychain");
    const QString service = m_options.service;
    const int timeoutMs = m_options.timeoutMs;
    int backoffMs = m_options.firstBackoffMs;
    const int attempts = std::max(1, m_options.attempts);

    for (int attempt = 1; attempt <= attempts; ++attempt) {
        auto state = std::make_shared<JobState>();
        QObject *context = KeychainThread::context();
        QMetaObject::invokeMethod(
            context,
            [state, op, service, key, secret, timeoutMs] {
                QKeychain::Job *job = nullptr;
                if (op == Op::Read) {
                    job = new QKeychain::ReadPasswordJob(service);
                } else if (op == Op::Write) {
                    auto *w = new QKeychain::WritePasswordJob(service);
                    w->setTextData(secret);
                    job = w;
                } else {
                    job = new QKeychain::DeletePasswordJob(service);
                }
                job->setAutoDelete(true);
                job->setInsecureFallback(false); // never a plaintext copy anywhere
                job->setKey(key);
                QObject::connect(
                    job, &QKeychain::Job::finished, [state, op, service, key, timeoutMs](QKeychain::Job *j) {
                        JobState probe;
                        const bool mayBeLocked =
                            (op == Op::Read && j->error() == QKeychain::EntryNotFound) ||
                            j->error() == QKeychain::AccessDenied ||
                            j->error() == QKeychain::AccessDeniedByUser ||
                            (j->error() == QKeychain::OtherError &&
                             j->errorString().contains(QLatin1String("Object does not exist at path")));
                        if (mayBeLocked)
                            probeLocked(service, key, timeoutMs, probe);
                        std::lock_guard<std::mutex> lock(state->mutex);
                        state->error = j->error();
                        state->errorString = j->errorString();
                        if (op == Op::Read && j->error() == QKeychain::NoError)
                            state->data = static_cast<QKeychain::ReadPasswordJob *>(j)->textData();
                        state->locked = probe.locked || j->error() == QKeychain::AccessDeniedByUser;
                        state->noCollection = probe.noCollection;
                        state->finished = true;
                        state->done.notify_all();
                    });
                job->start();
            },
            Qt::QueuedConnection);

        std::unique_lock<std::mutex> lock(state->mutex);
        const bool finished =
            state->done.wait_for(lock, std::chrono::milliseconds(timeoutMs), [&] { return state->finished; });
        if (!finished) {
            result.state = SecretResult::State::NoKeychain;
            result.error = tr("The keychain did not answer within %1 seconds (for '%2'). Sending waits "
                              "and tries again.")
                               .arg(timeoutMs / 1000.0)
                               .arg(key);
            qCWarning(lcSecrets).noquote() << result.error;
            return result;
        }

        if (state->error == QKeychain::NoError) {
            result.state = SecretResult::State::Ok;
            result.secret = state->data;
            result.error.clear();
            return result;
        }
        if (state->locked) {
            result.state = SecretResult::State::Locked;
            result.error = tr("The keychain is locked, so '%1' cannot be used. Unlock it (log in to the "
                              "desktop or open the keyring); the agent then goes on by itself.")
                               .arg(key);
            qCInfo(lcSecrets).noquote() << "keychain locked while accessing" << key;
            return result;
        }
        if (state->noCollection) {
            result.state = SecretResult::State::NoKeychain;
            result.error = tr("The keychain has no default keyring yet (it is created and unlocked when you "
                              "log in to the desktop), so '%1' cannot be used now.")
                               .arg(key);
            // Not up yet: worth another try below.
        } else if (op == Op::Read && state->error == QKeychain::EntryNotFound) {
            result.state = SecretResult::State::NotFound;
            result.error = tr("The keychain has no entry '%1'.").arg(key);
            return result;
        } else if (state->error == QKeychain::NoBackendAvailable ||
                   state->error == QKeychain::NotImplemented || looksNoBus(state->errorString) ||
                   looksNotUpYet(state->errorString)) {
            result.state = SecretResult::State::NoKeychain;
            result.error = tr("No keychain is available (%1). Without a desktop session, keep the token in a "
                              "token file (mode 0600) or the EINVOICE_PORTAL_TOKEN environment variable; "
                              "see docs/credentials.md.")
                               .arg(state->errorString);
            if (looksNoBus(state->errorString))
                return result; // no session bus in this process: retrying cannot help
        } else {
            result.state = SecretResult::State::Failed;
            result.error = tr("The keychain refused to %1 '%2': %3")
                               .arg(op == Op::Read    ? tr("read")
                                    : op == Op::Write ? tr("store")
                                                      : tr("remove"),
                                    key, state->errorString);
            return result;
        }
        qCInfo(lcSecrets).noquote() << "keychain not available (attempt" << attempt << "of" << attempts
                                    << "):" << state->errorString;
        lock.unlock();
        if (attempt < attempts) {
            std::this_thread::sleep_for(std::chrono::milliseconds(backoffMs));
            backoffMs *= 2;
        }
    }
    qCWarning(lcSecrets).noquote() << result.error;
    return result;
}

// ---------------------------------------------------------------------------------------------
// FileSecretSource

FileSecretSource::FileSecretSource(QString path) : m_path(std::move(path)) {}

SecretResult FileSecretSource::read() const
{
    SecretResult result;
    result.source = m_path;
    const QByteArray native = QFile::encodeName(m_path);
    // O_NOFOLLOW: a symbolic link is refused, not followed; O_NONBLOCK: a FIFO cannot hang us.
    // Every check is on the opened descriptor, so the file cannot be swapped between check and read.
    const int fd = ::open(native.constData(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) {
        const int err = errno;
        if (err == ELOOP) {
            result.state = SecretResult::State::Refused;
            result.error = tr("Token file %1 is a symbolic link; it must be a regular file of its own, mode "
                              "0600 (a link could point anywhere).")
                               .arg(m_path);
        } else if (err == ENOENT) {
            result.state = SecretResult::State::NotFound;
            result.error = tr("Token file %1 does not exist.").arg(m_path);
        } else {
            result.state = SecretResult::State::Failed;
            result.error =
                tr("Token file %1 cannot be opened: %2").arg(m_path, QString::fromLocal8Bit(strerror(err)));
        }
        return result;
    }
    struct stat st = {};
    const bool statted = ::fstat(fd, &st) == 0;
    auto refuse = [&](const QString &why) {
        ::close(fd);
        result.state = SecretResult::State::Refused;
        result.error = why;
        return result;
    };
    if (!statted)
        return refuse(
            tr("Token file %1 cannot be examined: %2").arg(m_path, QString::fromLocal8Bit(strerror(errno))));
    if (!S_ISREG(st.st_mode))
        return refuse(
            tr("Token file %1 is not a regular file; it must be a plain file with mode 0600.").arg(m_path));
    if (st.st_uid != ::geteuid())
        return refuse(tr("Token file %1 belongs to %2, not to %3 (the user the agent runs as); it must be "
                         "your own file with mode 0600: chown it to %3, then chmod 600 %1.")
                          .arg(m_path, userName(st.st_uid), userName(::geteuid())));
    if ((st.st_mode & 077) != 0 || (st.st_mode & S_IRUSR) == 0)
        return refuse(
            tr("Token file %1 has mode %2; it must be 0600 (readable by you alone). Run: chmod 600 %1")
                .arg(m_path, octalMode(st.st_mode)));
    constexpr qint64 kMaxBytes = 64 * 1024; // tokens are short; a big file is a wrong path
    if (st.st_size > kMaxBytes)
        return refuse(tr("Token file %1 is %2 bytes; a token file holds one token (at most 64 KiB).")
                          .arg(m_path)
                          .arg(qint64(st.st_size)));
    QByteArray data;
    char buffer[4096];
    for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            const int err = errno;
            ::close(fd);
            result.state = SecretResult::State::Failed;
            result.error =
                tr("Token file %1 cannot be read: %2").arg(m_path, QString::fromLocal8Bit(strerror(err)));
            return result;
        }
        if (n == 0 || data.size() + n > kMaxBytes)
            break;
        data.append(buffer, n);
    }
    ::close(fd);
    if (data.endsWith('\n'))
        data.chop(1);
    if (data.endsWith('\r'))
        data.chop(1);
    if (data.isEmpty()) {
        result.state = SecretResult::State::NotFound;
        result.error = tr("Token file %1 is empty.").arg(m_path);
        return result;
    }
    result.state = SecretResult::State::Ok;
    result.secret = QString::fromUtf8(data);
    return result;
}

// ---------------------------------------------------------------------------------------------
// EnvironmentSecretSource

EnvironmentSecretSource::EnvironmentSecretSource(QProcessEnvironment environment)
    : m_environment(std::move(environment))
{
}

QString EnvironmentSecretSource::genericVariable()
{
    return QStringLiteral("EINVOICE_PORTAL_TOKEN");
}

QString EnvironmentSecretSource::variableFor(const QString &profileId)
{
    QString name = genericVariable() + QLatin1Char('_');
    for (const QChar c : profileId) {
        const char16_t u = c.unicode();
        if (u >= 'a' && u <= 'z')
            name += QChar(u - 'a' + 'A');
        else if ((u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9'))
            name += c;
        else
            name += QLatin1Char('_');
    }
    return name;
}

SecretResult EnvironmentSecretSource::read(const QString &profileId) const
{
    SecretResult result;
    const QString specific = variableFor(profileId);
    for (const QString &name : {specific, genericVariable()}) {
        const QString value = m_environment.value(name);
        if (!value.isEmpty()) {
            result.state = SecretResult::State::Ok;
            result.secret = value;
            result.source = name;
            return result;
        }
    }
    result.state = SecretResult::State::NotFound;
    result.source = specific;
    result.error = tr("Neither %1 nor %2 is set.").arg(specific, genericVariable());
    return result;
}

// ---------------------------------------------------------------------------------------------
// SecretResolver

SecretResolver::SecretResolver(std::shared_ptr<SecretStore> keychain, QProcessEnvironment environment)
    : m_keychain(std::move(keychain)), m_environment(std::move(environment))
{
}

SecretResult SecretResolver::checked(SecretResult result)
{
    if (!result.ok())
        return result;
    for (const QChar c : result.secret) {
        if (c.isSpace() || c.category() == QChar::Other_Control || c.unicode() == 0x7f) {
            result.state = SecretResult::State::Refused;
            result.secret.clear();
            result.error = tr("The token from %1 contains spaces or control characters (it is sent in an "
                              "HTTP header); store the token alone, on one line.")
                               .arg(result.source);
            return result;
        }
    }
    return result;
}

SecretResult SecretResolver::resolveWith(const std::shared_ptr<SecretStore> &keychain,
                                         const EnvironmentSecretSource &environment, const QString &profileId,
                                         const QString &tokenFile)
{
    if (!tokenFile.isEmpty())
        return checked(FileSecretSource(tokenFile).read());
    SecretResult fromEnvironment = environment.read(profileId);
    if (fromEnvironment.ok())
        return checked(fromEnvironment);
    if (!keychain) {
        fromEnvironment.error = tr("No portal token for profile '%1': no token file is configured, %2 and "
                                   "%3 are not set, and no keychain is used.")
                                    .arg(profileId, EnvironmentSecretSource::variableFor(profileId),
                                         EnvironmentSecretSource::genericVariable());
        return fromEnvironment;
    }
    SecretResult fromKeychain = keychain->read(SecretStore::portalTokenKey(profileId));
    if (fromKeychain.state == SecretResult::State::NotFound)
        fromKeychain.error =
            tr("No portal token for profile '%1': no token file is configured, %2 and %3 "
               "are not set, and the keychain has no entry %4.")
                .arg(profileId, EnvironmentSecretSource::variableFor(profileId),
                     EnvironmentSecretSource::genericVariable(), SecretStore::portalTokenKey(profileId));
    return checked(fromKeychain);
}

SecretResult SecretResolver::resolve(const SenderProfile &profile) const
{
    return resolveWith(m_keychain, m_environment, profile.id, profile.transport.tokenFile);
}

std::function<QString()> SecretResolver::forProfile(const SenderProfile &profile, Observer observer) const
{
    // The last problem logged, so a transport asking on every request logs a change once.
    struct LastLogged
    {
        std::mutex mutex;
        QString text;
    };
    auto last = std::make_shared<LastLogged>();
    return [keychain = m_keychain, environment = m_environment, profileId = profile.id,
            tokenFile = profile.transport.tokenFile, observer = std::move(observer), last]() -> QString {
        SecretResult result = resolveWith(keychain, environment, profileId, tokenFile);
        QString token = result.ok() ? result.secret : QString();
        result.secret.clear();
        {
            std::lock_guard<std::mutex> lock(last->mutex);
            const QString text = result.ok() ? QString() : result.error;
            if (text != last->text) {
                if (result.ok())
                    qCInfo(lcSecrets).noquote()
                        << "profile" << profileId << "has its portal token again from" << result.source;
                else
                    qCWarning(lcSecrets).noquote()
                        << "profile" << profileId << "has no portal token now:" << result.error;
                last->text = text;
            }
        }
        if (observer)
            observer(result);
        return token;
    };
}

} // namespace einvoice
