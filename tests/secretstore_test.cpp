// Credentials: the real gnome-keyring (every test runs under tests/with-keyring.sh: a private
// D-Bus session bus, gnome-keyring unlocked with a throwaway password, a throwaway HOME), token
// files with real modes and owners, the environment, and the resolver's order.
#include "logfile.h"
#include "secretstore.h"
#include "senderprofile.h"
#include "testsupport.h"

#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusObjectPath>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QMutex>
#include <QProcess>
#include <QTemporaryDir>
#include <QThreadPool>
#include <atomic>
#include <future>
#include <gtest/gtest.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace einvoice;
using State = SecretResult::State;

namespace {

// Short deadlines: a broken keyring fails the test in seconds, not minutes.
KeychainSecretStore::Options fastOptions()
{
    KeychainSecretStore::Options o;
    o.timeoutMs = 8000;
    o.attempts = 2;
    o.firstBackoffMs = 50;
    return o;
}

bool haveKeyring()
{
    return !qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS") &&
           !qEnvironmentVariableIsEmpty("EINVOICE_TEST_KEYRING_HOME");
}

#define REQUIRE_KEYRING()                                                                                    \
    if (!haveKeyring())                                                                                      \
    GTEST_SKIP() << "run under tests/with-keyring.sh (ctest does): needs a private session bus with "        \
                    "gnome-keyring"

void writeFile(const QString &path, const QByteArray &data, mode_t mode)
{
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly | QIODevice::Truncate)) << path.toStdString();
    f.write(data);
    f.close();
    ASSERT_EQ(::chmod(QFile::encodeName(path).constData(), mode), 0);
}

/// Every message logged while alive, to prove no secret reaches a log.
class LogCapture
{
public:
    LogCapture()
    {
        s_current = this;
        m_previous = qInstallMessageHandler(&LogCapture::handler);
    }
    ~LogCapture()
    {
        qInstallMessageHandler(m_previous);
        s_current = nullptr;
    }
    QStringList lines() const
    {
        QMutexLocker lock(&m_mutex);
        return m_lines;
    }

private:
    static void handler(QtMsgType, const QMessageLogContext &, const QString &message)
    {
        if (s_current) {
            QMutexLocker lock(&s_current->m_mutex);
            s_current->m_lines << message;
        }
    }
    static inline LogCapture *s_current = nullptr;
    QtMessageHandler m_previous = nullptr;
    mutable QMutex m_mutex;
    QStringList m_lines;
};

/// Files under @p dir whose bytes contain @p needle.
QStringList filesContaining(const QString &dir, const QByteArray &needle)
{
    QStringList hits;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        if (f.open(QIODevice::ReadOnly) && f.readAll().contains(needle))
            hits << path;
    }
    return hits;
}

/// Locks the login keyring over D-Bus (org.freedesktop.Secret.Service.Lock).
void lockLoginKeyring()
{
    QDBusMessage lock = QDBusMessage::createMethodCall(
        QStringLiteral("org.freedesktop.secrets"), QStringLiteral("/org/freedesktop/secrets"),
        QStringLiteral("org.freedesktop.Secret.Service"), QStringLiteral("Lock"));
    lock << QVariant::fromValue(
        QList<QDBusObjectPath>{QDBusObjectPath(QStringLiteral("/org/freedesktop/secrets/collection/login"))});
    const QDBusMessage reply = QDBusConnection::sessionBus().call(lock, QDBus::Block, 10000);
    ASSERT_EQ(reply.type(), QDBusMessage::ReplyMessage) << reply.errorMessage().toStdString();
}

SenderProfile profile(const QString &id, const QString &tokenFile = {})
{
    SenderProfile p;
    p.id = id;
    p.transport.kind = QStringLiteral("https");
    p.transport.tokenFile = tokenFile;
    return p;
}

QString selfPath()
{
    return QFile::symLinkTarget(QStringLiteral("/proc/self/exe"));
}

} // namespace

// ---------------------------------------------------------------------------------------------
// The real keychain

TEST(KeychainSecretStore, WritesReadsAndRemovesATokenInTheRealKeyring)
{
    REQUIRE_KEYRING();
    test::ensureCoreApp();
    KeychainSecretStore store(fastOptions());
    const QString key = SecretStore::portalTokenKey(QStringLiteral("acme"));
    EXPECT_EQ(key, QStringLiteral("portal-token/acme"));

    const SecretResult missing = store.read(key);
    EXPECT_EQ(missing.state, State::NotFound) << missing.error.toStdString();
    EXPECT_FALSE(missing.unavailable());

    const SecretResult written = store.write(key, QStringLiteral("tok-3f9a.Z_1"));
    ASSERT_TRUE(written.ok()) << written.error.toStdString();
    const SecretResult read = store.read(key);
    ASSERT_TRUE(read.ok()) << read.error.toStdString();
    EXPECT_EQ(read.secret, QStringLiteral("tok-3f9a.Z_1"));

    // It really is in the Secret Service, under the documented service and key.
    const test::ProcessResult tool = test::run(
        QStringLiteral("secret-tool"), {QStringLiteral("lookup"), QStringLiteral("server"),
                                        QStringLiteral("einvoice-connector"), QStringLiteral("user"), key});
    EXPECT_EQ(tool.exitCode, 0) << tool.err.toStdString();
    EXPECT_EQ(tool.out, QByteArray("tok-3f9a.Z_1"));

    // Overwrite (token rotation), then remove; removing again is fine.
    ASSERT_TRUE(store.write(key, QStringLiteral("tok-rotated")).ok());
    EXPECT_EQ(store.read(key).secret, QStringLiteral("tok-rotated"));
    const SecretResult removed = store.remove(key);
    EXPECT_TRUE(removed.ok()) << removed.error.toStdString();
    EXPECT_EQ(store.read(key).state, State::NotFound);
    EXPECT_TRUE(store.remove(key).ok());
}

TEST(KeychainSecretStore, ReadsAreCachedBrieflyAndOwnWritesAreSeenAtOnce)
{
    REQUIRE_KEYRING();
    test::ensureCoreApp();
    KeychainSecretStore store(fastOptions());
    KeychainSecretStore::Options uncachedOptions = fastOptions();
    uncachedOptions.cacheSecs = 0;
    KeychainSecretStore uncached(uncachedOptions);
    const QString key = SecretStore::portalTokenKey(QStringLiteral("cached"));
    ASSERT_TRUE(store.write(key, QStringLiteral("tok-one")).ok());
    EXPECT_EQ(store.read(key).secret, QStringLiteral("tok-one"));
    // Changed behind the store's back (another program): the cached value holds for a while...
    ASSERT_TRUE(uncached.write(key, QStringLiteral("tok-two")).ok());
    const SecretResult cached = store.read(key);
    EXPECT_TRUE(cached.ok());
    EXPECT_EQ(cached.secret, QStringLiteral("tok-one")) << "read from memory, not the keychain";
    // ...a store without a cache sees it at once, and so does this store after its own write.
    EXPECT_EQ(uncached.read(key).secret, QStringLiteral("tok-two"));
    ASSERT_TRUE(store.write(key, QStringLiteral("tok-three")).ok());
    EXPECT_EQ(store.read(key).secret, QStringLiteral("tok-three"));
    ASSERT_TRUE(store.remove(key).ok());
    EXPECT_EQ(store.read(key).state, State::NotFound) << "a removed secret is not served from memory";
}

TEST(KeychainSecretStore, WorksFromThreadPoolWorkersWithoutAnEventLoop)
{
    REQUIRE_KEYRING();
    test::ensureCoreApp();
    auto store = std::make_shared<KeychainSecretStore>(fastOptions());
    QThreadPool pool;
    pool.setMaxThreadCount(4);
    std::vector<std::future<QString>> results;
    for (int i = 0; i < 8; ++i) {
        auto promise = std::make_shared<std::promise<QString>>();
        results.push_back(promise->get_future());
        pool.start([store, promise, i] {
            const QString key = QStringLiteral("portal-token/worker-%1").arg(i);
            const QString token = QStringLiteral("token-of-worker-%1").arg(i);
            const SecretResult w = store->write(key, token);
            if (!w.ok()) {
                promise->set_value(QStringLiteral("write failed: ") + w.error);
                return;
            }
            const SecretResult r = store->read(key);
            promise->set_value(r.ok() ? r.secret : QStringLiteral("read failed: ") + r.error);
        });
    }
    for (int i = 0; i < 8; ++i) {
        ASSERT_EQ(results[i].wait_for(std::chrono::seconds(60)), std::future_status::ready) << "worker " << i;
        EXPECT_EQ(results[i].get(), QStringLiteral("token-of-worker-%1").arg(i));
    }
    pool.waitForDone();
    // And the main thread, which runs no event loop either, sees what the workers wrote.
    EXPECT_EQ(store->read(QStringLiteral("portal-token/worker-5")).secret,
              QStringLiteral("token-of-worker-5"));
}

TEST(KeychainSecretStore, LockedKeyringIsUnavailableWithAClearMessage)
{
    REQUIRE_KEYRING();
    test::ensureCoreApp();
    KeychainSecretStore store(fastOptions());
    const QString key = SecretStore::portalTokenKey(QStringLiteral("locked"));
    ASSERT_TRUE(store.write(key, QStringLiteral("tok-before-lock")).ok());
    lockLoginKeyring();

    const SecretResult read = store.read(key);
    EXPECT_EQ(read.state, State::Locked)
        << read.stateName().toStdString() << ": " << read.error.toStdString();
    EXPECT_TRUE(read.unavailable());
    EXPECT_TRUE(read.secret.isEmpty());
    EXPECT_TRUE(read.error.contains(QLatin1String("keychain is locked"))) << read.error.toStdString();
    EXPECT_TRUE(read.error.contains(key)) << read.error.toStdString();

    // A key that was never stored: still "locked", not "not found" (it may be in there).
    const SecretResult other = store.read(SecretStore::portalTokenKey(QStringLiteral("never")));
    EXPECT_EQ(other.state, State::Locked) << other.error.toStdString();

    const SecretResult write = store.write(key, QStringLiteral("tok-while-locked"));
    EXPECT_EQ(write.state, State::Locked) << write.error.toStdString();
    EXPECT_TRUE(write.unavailable());

    // The resolver passes the state on; the token source gives nothing, and says why.
    SecretResolver resolver(std::make_shared<KeychainSecretStore>(fastOptions()), QProcessEnvironment());
    QList<SecretResult> seen;
    auto source =
        resolver.forProfile(profile(QStringLiteral("locked")), [&](const SecretResult &r) { seen << r; });
    EXPECT_EQ(source(), QString());
    ASSERT_EQ(seen.size(), 1);
    EXPECT_EQ(seen[0].state, State::Locked);
    EXPECT_TRUE(seen[0].unavailable());
}

// Run as a child process (below) with no session bus at all: DISABLED_ so it only runs when asked.
TEST(KeychainNoBusChild, DISABLED_UnavailableWithoutASessionBus)
{
    test::ensureCoreApp();
    ASSERT_TRUE(qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"));
    KeychainSecretStore store(fastOptions());
    const SecretResult write =
        store.write(QStringLiteral("portal-token/nobus"), QStringLiteral("nobus-secret-7731"));
    EXPECT_EQ(write.state, State::NoKeychain)
        << write.stateName().toStdString() << ": " << write.error.toStdString();
    EXPECT_TRUE(write.unavailable());
    EXPECT_TRUE(write.error.contains(QLatin1String("No keychain is available"))) << write.error.toStdString();
    EXPECT_TRUE(write.error.contains(QLatin1String("token file"))) << write.error.toStdString();
    const SecretResult read = store.read(QStringLiteral("portal-token/nobus"));
    EXPECT_EQ(read.state, State::NoKeychain) << read.error.toStdString();
    EXPECT_TRUE(read.secret.isEmpty());
}

TEST(KeychainSecretStore, NoSecretServiceIsUnavailableAndNeverAPlaintextFallback)
{
    QTemporaryDir home;
    ASSERT_TRUE(home.isValid());
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.insert(QStringLiteral("HOME"), home.path());
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), home.path());
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.path() + QStringLiteral("/.local/share"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.path() + QStringLiteral("/.config"));
    QProcess child;
    child.setProcessEnvironment(env);
    child.setWorkingDirectory(home.path());
    child.start(selfPath(), {QStringLiteral("--gtest_also_run_disabled_tests"),
                             QStringLiteral("--gtest_filter=KeychainNoBusChild.*")});
    ASSERT_TRUE(child.waitForFinished(120000));
    const QByteArray out = child.readAllStandardOutput() + child.readAllStandardError();
    EXPECT_EQ(child.exitCode(), 0) << out.toStdString();
    EXPECT_TRUE(out.contains("[  PASSED  ] 1 test")) << out.toStdString();
    // Nothing anywhere under the child's HOME holds the secret (QtKeychain's QSettings fallback
    // would write it to ~/.config).
    EXPECT_EQ(filesContaining(home.path(), "nobus-secret-7731"), QStringList());
}

// Run as a child on a session bus that has no Secret Service yet; the service comes up after the
// first failed attempt, and the store's retry then succeeds.
TEST(KeychainNotUpYetChild, DISABLED_RetriesUntilTheSecretServiceIsUp)
{
    test::ensureCoreApp();
    static std::atomic<bool> started{false};
    static QtMessageHandler previous = nullptr;
    previous =
        qInstallMessageHandler([](QtMsgType type, const QMessageLogContext &context, const QString &message) {
            if (message.contains(QLatin1String("not available (attempt 1")) && !started.exchange(true)) {
                // The keyring daemon comes up now, between the first and the second attempt.
                QProcess daemon;
                daemon.start(QStringLiteral("gnome-keyring-daemon"),
                             {QStringLiteral("--unlock"), QStringLiteral("--components=secrets")});
                daemon.write("throwaway");
                daemon.closeWriteChannel();
                daemon.waitForFinished(30000);
            }
            previous(type, context, message);
        });
    KeychainSecretStore::Options o = fastOptions();
    o.attempts = 6;
    o.firstBackoffMs = 100;
    KeychainSecretStore store(o);
    const SecretResult write = store.write(QStringLiteral("portal-token/late"), QStringLiteral("tok-late"));
    qInstallMessageHandler(previous);
    EXPECT_TRUE(started.load()) << "the first attempt should have failed (no Secret Service yet)";
    ASSERT_TRUE(write.ok()) << write.stateName().toStdString() << ": " << write.error.toStdString();
    EXPECT_EQ(store.read(QStringLiteral("portal-token/late")).secret, QStringLiteral("tok-late"));
}

TEST(KeychainSecretStore, RetriesWhileTheSecretServiceIsNotUpYet)
{
    QTemporaryDir home;
    ASSERT_TRUE(home.isValid());
    // A session bus with no service directories: nothing is D-Bus-activated, so there is no
    // Secret Service until the child starts gnome-keyring-daemon itself.
    const QString config = home.filePath(QStringLiteral("bus.conf"));
    writeFile(config,
              "<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\"\n"
              " \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
              "<busconfig><type>session</type><listen>unix:tmpdir=/tmp</listen><auth>EXTERNAL</auth>\n"
              "<policy context=\"default\"><allow send_destination=\"*\" eavesdrop=\"true\"/>\n"
              "<allow eavesdrop=\"true\"/><allow own=\"*\"/></policy></busconfig>\n",
              0600);
    QProcess bus;
    bus.start(QStringLiteral("dbus-daemon"),
              {QStringLiteral("--config-file=") + config, QStringLiteral("--nofork"),
               QStringLiteral("--print-address=1")});
    ASSERT_TRUE(bus.waitForStarted(10000));
    ASSERT_TRUE(test::waitUntil([&] { return bus.canReadLine() || bus.waitForReadyRead(100); }, 10000));
    const QString address = QString::fromUtf8(bus.readLine()).trimmed();
    ASSERT_FALSE(address.isEmpty());

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), address);
    env.remove(QStringLiteral("DISPLAY"));
    env.insert(QStringLiteral("HOME"), home.path());
    const QString runtime = home.filePath(QStringLiteral("run"));
    QDir().mkpath(runtime);
    ::chmod(QFile::encodeName(runtime).constData(), 0700);
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtime);
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.path() + QStringLiteral("/.local/share"));
    QProcess child;
    child.setProcessEnvironment(env);
    child.start(selfPath(), {QStringLiteral("--gtest_also_run_disabled_tests"),
                             QStringLiteral("--gtest_filter=KeychainNotUpYetChild.*")});
    const bool finished = child.waitForFinished(120000);
    const QByteArray out = child.readAllStandardOutput() + child.readAllStandardError();
    // The keyring daemon the child started lives as long as its bus: end the bus (ours).
    bus.terminate();
    bus.waitForFinished(10000);
    ASSERT_TRUE(finished);
    EXPECT_EQ(child.exitCode(), 0) << out.toStdString();
    EXPECT_TRUE(out.contains("[  PASSED  ] 1 test")) << out.toStdString();
}

// ---------------------------------------------------------------------------------------------
// Token files

class TokenFile : public ::testing::Test
{
protected:
    QTemporaryDir dir;
    QString path(const QString &name) const { return dir.filePath(name); }
};

TEST_F(TokenFile, Mode0600IsReadAndOneTrailingNewlineStripped)
{
    writeFile(path(QStringLiteral("token")), "tok-abc123\n", 0600);
    const SecretResult r = FileSecretSource(path(QStringLiteral("token"))).read();
    ASSERT_TRUE(r.ok()) << r.error.toStdString();
    EXPECT_EQ(r.secret, QStringLiteral("tok-abc123"));
    EXPECT_EQ(r.source, path(QStringLiteral("token")));

    writeFile(path(QStringLiteral("crlf")), "tok-crlf\r\n", 0600);
    EXPECT_EQ(FileSecretSource(path(QStringLiteral("crlf"))).read().secret, QStringLiteral("tok-crlf"));
    writeFile(path(QStringLiteral("bare")), "tok-bare", 0400); // read-only for the owner: also fine
    EXPECT_EQ(FileSecretSource(path(QStringLiteral("bare"))).read().secret, QStringLiteral("tok-bare"));
}

TEST_F(TokenFile, GroupOrWorldReadableIsRefusedNamingFileModeAndFix)
{
    for (const mode_t mode : {mode_t(0644), mode_t(0640), mode_t(0604), mode_t(0660), mode_t(0200)}) {
        const QString file = path(QStringLiteral("token-%1").arg(mode, 0, 8));
        writeFile(file, "tok-secret-644\n", mode);
        const SecretResult r = FileSecretSource(file).read();
        EXPECT_EQ(r.state, State::Refused) << std::oct << mode;
        EXPECT_TRUE(r.secret.isEmpty());
        EXPECT_FALSE(r.unavailable());
        EXPECT_TRUE(r.error.contains(file)) << r.error.toStdString();
        EXPECT_TRUE(r.error.contains(QStringLiteral("0%1").arg(mode, 3, 8, QLatin1Char('0'))))
            << r.error.toStdString();
        EXPECT_TRUE(r.error.contains(QLatin1String("chmod 600"))) << r.error.toStdString();
        EXPECT_FALSE(r.error.contains(QLatin1String("tok-secret-644")));
    }
}

TEST_F(TokenFile, SymlinkIsRefusedEvenToAGoodFile)
{
    writeFile(path(QStringLiteral("real")), "tok-real", 0600);
    ASSERT_TRUE(QFile::link(path(QStringLiteral("real")), path(QStringLiteral("link"))));
    const SecretResult r = FileSecretSource(path(QStringLiteral("link"))).read();
    EXPECT_EQ(r.state, State::Refused);
    EXPECT_TRUE(r.secret.isEmpty());
    EXPECT_TRUE(r.error.contains(path(QStringLiteral("link")))) << r.error.toStdString();
    EXPECT_TRUE(r.error.contains(QLatin1String("symbolic link"))) << r.error.toStdString();
}

TEST_F(TokenFile, AnotherUsersFileIsRefused)
{
    if (::geteuid() != 0)
        GTEST_SKIP() << "needs root to give a file to another user";
    const passwd *nobody = getpwnam("nobody");
    ASSERT_NE(nobody, nullptr);
    const QString file = path(QStringLiteral("foreign"));
    writeFile(file, "tok-foreign", 0600);
    ASSERT_EQ(::chown(QFile::encodeName(file).constData(), nobody->pw_uid, nobody->pw_gid), 0);
    const SecretResult r = FileSecretSource(file).read();
    EXPECT_EQ(r.state, State::Refused);
    EXPECT_TRUE(r.secret.isEmpty());
    EXPECT_TRUE(r.error.contains(file)) << r.error.toStdString();
    EXPECT_TRUE(r.error.contains(QLatin1String("belongs to nobody"))) << r.error.toStdString();
}

TEST_F(TokenFile, MissingEmptyAndDirectoryAreErrorsNamingTheFile)
{
    const SecretResult missing = FileSecretSource(path(QStringLiteral("absent"))).read();
    EXPECT_EQ(missing.state, State::NotFound);
    EXPECT_TRUE(missing.error.contains(path(QStringLiteral("absent"))));

    writeFile(path(QStringLiteral("empty")), "\n", 0600);
    const SecretResult empty = FileSecretSource(path(QStringLiteral("empty"))).read();
    EXPECT_EQ(empty.state, State::NotFound);
    EXPECT_TRUE(empty.error.contains(QLatin1String("is empty"))) << empty.error.toStdString();

    QDir(dir.path()).mkdir(QStringLiteral("sub"));
    ::chmod(QFile::encodeName(path(QStringLiteral("sub"))).constData(), 0700);
    const SecretResult directory = FileSecretSource(path(QStringLiteral("sub"))).read();
    EXPECT_EQ(directory.state, State::Refused);
    EXPECT_TRUE(directory.error.contains(QLatin1String("not a regular file")))
        << directory.error.toStdString();
}

// ---------------------------------------------------------------------------------------------
// Environment

TEST(EnvironmentSecretSource, ProfileVariableFirstThenTheGenericOne)
{
    EXPECT_EQ(EnvironmentSecretSource::variableFor(QStringLiteral("acme-se.1")),
              QStringLiteral("EINVOICE_PORTAL_TOKEN_ACME_SE_1"));
    EXPECT_EQ(EnvironmentSecretSource::variableFor(QStringLiteral("Müller GmbH")),
              QStringLiteral("EINVOICE_PORTAL_TOKEN_M_LLER_GMBH"));

    QProcessEnvironment env;
    env.insert(QStringLiteral("EINVOICE_PORTAL_TOKEN"), QStringLiteral("tok-generic"));
    env.insert(QStringLiteral("EINVOICE_PORTAL_TOKEN_ACME_SE"), QStringLiteral("tok-acme"));
    const EnvironmentSecretSource source(env);
    SecretResult r = source.read(QStringLiteral("acme-se"));
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r.secret, QStringLiteral("tok-acme"));
    EXPECT_EQ(r.source, QStringLiteral("EINVOICE_PORTAL_TOKEN_ACME_SE"));
    r = source.read(QStringLiteral("other"));
    EXPECT_EQ(r.secret, QStringLiteral("tok-generic"));
    EXPECT_EQ(r.source, QStringLiteral("EINVOICE_PORTAL_TOKEN"));

    const SecretResult none = EnvironmentSecretSource(QProcessEnvironment()).read(QStringLiteral("x"));
    EXPECT_EQ(none.state, State::NotFound);
    EXPECT_TRUE(none.error.contains(QLatin1String("EINVOICE_PORTAL_TOKEN_X"))) << none.error.toStdString();
}

TEST(EnvironmentSecretSource, TheLogRedactsTheTokenVariables)
{
    for (const char *line : {"env: EINVOICE_PORTAL_TOKEN=tok-leak-1 HOME=/root",
                             "Environment=EINVOICE_PORTAL_TOKEN_ACME_SE=tok-leak-1",
                             "GET /api/v1/documents Authorization: Bearer tok-leak-1"}) {
        const QString redacted = LogFile::redact(QString::fromLatin1(line));
        EXPECT_FALSE(redacted.contains(QLatin1String("tok-leak-1"))) << redacted.toStdString();
    }
}

// ---------------------------------------------------------------------------------------------
// Resolver

TEST(SecretResolver, TokenFileThenEnvironmentThenKeychain)
{
    REQUIRE_KEYRING();
    test::ensureCoreApp();
    auto keychain = std::make_shared<KeychainSecretStore>(fastOptions());
    ASSERT_TRUE(
        keychain->write(SecretStore::portalTokenKey(QStringLiteral("p1")), QStringLiteral("tok-keychain"))
            .ok());
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("token"));
    writeFile(file, "tok-file\n", 0600);
    QProcessEnvironment env;
    env.insert(QStringLiteral("EINVOICE_PORTAL_TOKEN_P1"), QStringLiteral("tok-env-p1"));
    env.insert(QStringLiteral("EINVOICE_PORTAL_TOKEN"), QStringLiteral("tok-env"));

    // 1. A configured token file wins.
    SecretResult r = SecretResolver(keychain, env).resolve(profile(QStringLiteral("p1"), file));
    EXPECT_EQ(r.secret, QStringLiteral("tok-file"));
    EXPECT_EQ(r.source, file);
    // ... and a refused one is final: never the environment or the keychain instead.
    ::chmod(QFile::encodeName(file).constData(), 0644);
    r = SecretResolver(keychain, env).resolve(profile(QStringLiteral("p1"), file));
    EXPECT_EQ(r.state, State::Refused);
    EXPECT_TRUE(r.secret.isEmpty());
    r = SecretResolver(keychain, env)
            .resolve(profile(QStringLiteral("p1"), dir.filePath(QStringLiteral("gone"))));
    EXPECT_EQ(r.state, State::NotFound);
    EXPECT_TRUE(r.secret.isEmpty());

    // 2. The environment: the profile's variable, then the generic one.
    r = SecretResolver(keychain, env).resolve(profile(QStringLiteral("p1")));
    EXPECT_EQ(r.secret, QStringLiteral("tok-env-p1"));
    env.remove(QStringLiteral("EINVOICE_PORTAL_TOKEN_P1"));
    r = SecretResolver(keychain, env).resolve(profile(QStringLiteral("p1")));
    EXPECT_EQ(r.secret, QStringLiteral("tok-env"));

    // 3. The keychain.
    r = SecretResolver(keychain, QProcessEnvironment()).resolve(profile(QStringLiteral("p1")));
    EXPECT_EQ(r.secret, QStringLiteral("tok-keychain"));
    EXPECT_EQ(r.source, QStringLiteral("keychain"));

    // Nothing anywhere: NotFound naming every place looked at.
    r = SecretResolver(keychain, QProcessEnvironment()).resolve(profile(QStringLiteral("p2")));
    EXPECT_EQ(r.state, State::NotFound);
    EXPECT_FALSE(r.unavailable());
    EXPECT_TRUE(r.error.contains(QLatin1String("EINVOICE_PORTAL_TOKEN_P2"))) << r.error.toStdString();
    EXPECT_TRUE(r.error.contains(QLatin1String("portal-token/p2"))) << r.error.toStdString();
    // Without a keychain at all.
    r = SecretResolver(nullptr, QProcessEnvironment()).resolve(profile(QStringLiteral("p1")));
    EXPECT_EQ(r.state, State::NotFound);
    EXPECT_TRUE(r.error.contains(QLatin1String("no keychain"))) << r.error.toStdString();
}

TEST(SecretResolver, TokenSourcePicksUpRotationRefusesBadTokensAndNeverLogsThem)
{
    QTemporaryDir dir;
    const QString file = dir.filePath(QStringLiteral("token"));
    writeFile(file, "tok-first-91ab\n", 0600);
    LogCapture log;
    QList<SecretResult> seen;
    const auto source =
        SecretResolver(nullptr, QProcessEnvironment())
            .forProfile(profile(QStringLiteral("p1"), file), [&](const SecretResult &r) { seen << r; });
    EXPECT_EQ(source(), QStringLiteral("tok-first-91ab"));
    writeFile(file, "tok-second-72cd\n", 0600); // rotated: used at once
    EXPECT_EQ(source(), QStringLiteral("tok-second-72cd"));
    writeFile(file, "tok-with\r\nX-Injected: header\n", 0600); // would inject a header
    EXPECT_EQ(source(), QString());
    writeFile(file, "tok-second-72cd\n", 0644);
    EXPECT_EQ(source(), QString());
    EXPECT_EQ(source(), QString()); // the same problem again: logged once

    ASSERT_EQ(seen.size(), 5);
    EXPECT_TRUE(seen[0].ok());
    EXPECT_EQ(seen[2].state, State::Refused);
    EXPECT_TRUE(seen[2].error.contains(QLatin1String("control characters"))) << seen[2].error.toStdString();
    EXPECT_EQ(seen[3].state, State::Refused);
    for (const SecretResult &r : seen)
        EXPECT_TRUE(r.secret.isEmpty()) << "the observer never sees the secret";

    const QStringList lines = log.lines();
    EXPECT_EQ(lines.filter(QLatin1String("has no portal token now")).size(), 2)
        << lines.join('\n').toStdString();
    for (const QString &line : lines) {
        EXPECT_FALSE(line.contains(QLatin1String("tok-first"))) << line.toStdString();
        EXPECT_FALSE(line.contains(QLatin1String("tok-second"))) << line.toStdString();
        EXPECT_FALSE(line.contains(QLatin1String("tok-with"))) << line.toStdString();
    }
}
