#pragma once

// A private OpenSSH sshd on a loopback port for the SFTP tests (transport tests and the two-agent
// end-to-end test), with its own host keys and authorized_keys and a dedicated test user (see
// ../shared/notes/feasibility.md §7). Needs root; start() says why it cannot run otherwise.

#include "testsupport.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <memory>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

namespace einvoice::test {

inline QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

inline bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(data) == data.size();
}

/// A private sshd on 127.0.0.1 for the test user, with internal-sftp. Keys and configuration live
/// in a temp dir; authorized_keys is given by absolute path so the user's home is not touched.
class SshdProcess
{
public:
    /// The account the tests log in as (created on first use).
    static QString user() { return QStringLiteral("einvsftp"); }
    QString skipReason;
    QString error;
    QTemporaryDir dir;
    int port = 0;
    QString home;
    uid_t uid = 0;
    gid_t gid = 0;

    QString path(const QString &name) const { return dir.filePath(name); }

    bool start()
    {
        if (::geteuid() != 0) {
            skipReason = QStringLiteral("needs root to create the test user and run sshd");
            return false;
        }
        if (!QFileInfo::exists(QStringLiteral("/usr/sbin/sshd"))) {
            skipReason = QStringLiteral("/usr/sbin/sshd is not installed");
            return false;
        }
        if (!ensureUser())
            return false;
        QDir().mkpath(QStringLiteral("/run/sshd")); // privilege separation dir
        // sshd reads authorized_keys as the user: the dir must be traversable, the keys stay 0600.
        ::chmod(QFile::encodeName(dir.path()).constData(), 0755);
        for (const auto &[name, type] : {std::pair{"host", "ed25519"}, std::pair{"otherhost", "ed25519"},
                                         std::pair{"client", "ed25519"}, std::pair{"ecdsa", "ecdsa"},
                                         std::pair{"stranger", "ed25519"}, std::pair{"locked", "ed25519"}}) {
            const auto r = einvoice::test::run(
                QStringLiteral("ssh-keygen"),
                {QStringLiteral("-q"), QStringLiteral("-t"), QString::fromLatin1(type), QStringLiteral("-N"),
                 qstrcmp(name, "locked") == 0 ? QStringLiteral("pass phrase ø") : QString(),
                 QStringLiteral("-f"), path(QString::fromLatin1(name))});
            if (r.exitCode != 0) {
                error = QStringLiteral("ssh-keygen failed: ") + QString::fromUtf8(r.err);
                return false;
            }
        }
        writeFile(path(QStringLiteral("authorized_keys")), readAll(path(QStringLiteral("client.pub"))) +
                                                               readAll(path(QStringLiteral("ecdsa.pub"))) +
                                                               readAll(path(QStringLiteral("locked.pub"))));
        // A port picked free may be taken before sshd binds it: try a few.
        for (int attempt = 0; attempt < 5; ++attempt) {
            port = freeLoopbackPort();
            if (launch())
                break;
        }
        if (!m_process || m_process->state() != QProcess::Running) {
            error = QStringLiteral("sshd did not start: ") +
                    QString::fromUtf8(readAll(path(QStringLiteral("sshd.log"))));
            return false;
        }
        writeFile(path(QStringLiteral("known_hosts")), knownHostsLine(QStringLiteral("host.pub")));
        writeFile(path(QStringLiteral("known_hosts_changed")),
                  knownHostsLine(QStringLiteral("otherhost.pub")));
        // The right key, but listed for another port: this server is unknown.
        QByteArray other = knownHostsLine(QStringLiteral("host.pub"));
        other.replace("]:" + QByteArray::number(port) + ' ', "]:1 ");
        writeFile(path(QStringLiteral("known_hosts_other")), other);
        return true;
    }

    QByteArray knownHostsLine(const QString &pubFile) const
    {
        const QList<QByteArray> fields = readAll(path(pubFile)).trimmed().split(' ');
        return "[127.0.0.1]:" + QByteArray::number(port) + ' ' + fields.value(0) + ' ' + fields.value(1) +
               '\n';
    }

    QString fingerprint(const QString &pubFile) const
    {
        const auto r = einvoice::test::run(
            QStringLiteral("ssh-keygen"),
            {QStringLiteral("-lf"), path(pubFile), QStringLiteral("-E"), QStringLiteral("sha256")});
        return QString::fromUtf8(r.out).split(QLatin1Char(' ')).value(1); // "SHA256:..."
    }

    QByteArray log() const { return readAll(path(QStringLiteral("sshd.log"))); }

    ~SshdProcess()
    {
        if (m_process) {
            m_process->terminate();
            if (!m_process->waitForFinished(5000))
                m_process->kill();
            m_process->waitForFinished(5000);
        }
    }

private:
    std::unique_ptr<QProcess> m_process;

    bool ensureUser()
    {
        // Several test processes may race to create the user; whoever wins, it exists after.
        for (int attempt = 0; attempt < 20 && !getpwnam(user().toLatin1().constData()); ++attempt)
            einvoice::test::run(QStringLiteral("useradd"), {QStringLiteral("-m"), QStringLiteral("-s"),
                                                            QStringLiteral("/bin/sh"), user()});
        const passwd *pw = getpwnam(user().toLatin1().constData());
        if (!pw) {
            error = QStringLiteral("cannot create the test user ") + user();
            return false;
        }
        home = QFile::decodeName(pw->pw_dir);
        uid = pw->pw_uid;
        gid = pw->pw_gid;
        // useradd leaves the account locked ('!'), and sshd refuses even key logins to a locked
        // account when PAM is off.
        for (int attempt = 0; attempt < 20; ++attempt) {
            if (run(QStringLiteral("usermod"), {QStringLiteral("-p"), QStringLiteral("*"), user()})
                    .exitCode == 0)
                break;
        }
        QDir().mkpath(home);
        return ::chown(QFile::encodeName(home).constData(), uid, gid) == 0;
    }

    bool launch()
    {
        const QString config = path(QStringLiteral("sshd_config"));
        writeFile(config, QStringLiteral("Port %1\nListenAddress 127.0.0.1\nHostKey %2\nPidFile %3\n"
                                         "AuthorizedKeysFile %4\nStrictModes no\nPubkeyAuthentication yes\n"
                                         "PasswordAuthentication no\nKbdInteractiveAuthentication no\n"
                                         "PermitRootLogin no\nUsePAM no\nAllowUsers %5\n"
                                         "Subsystem sftp internal-sftp\nLogLevel VERBOSE\n")
                              .arg(port)
                              .arg(path(QStringLiteral("host")), path(QStringLiteral("sshd.pid")),
                                   path(QStringLiteral("authorized_keys")), user())
                              .toUtf8());
        m_process = std::make_unique<QProcess>();
        m_process->setStandardErrorFile(path(QStringLiteral("sshd.log")));
        m_process->start(QStringLiteral("/usr/sbin/sshd"),
                         {QStringLiteral("-D"), QStringLiteral("-e"), QStringLiteral("-f"), config});
        if (!m_process->waitForStarted(5000))
            return false;
        const bool listening = einvoice::test::waitUntil(
            [this] { return log().contains("Server listening") || m_process->state() != QProcess::Running; },
            10000);
        return listening && m_process->state() == QProcess::Running;
    }
};

} // namespace einvoice::test
