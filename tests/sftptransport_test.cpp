// SftpTransport against a real OpenSSH sshd started by the test on a loopback port, with its own
// host keys, authorized_keys and a dedicated test user (see ../shared/notes/feasibility.md §7).
// Needs root (to create the user and run sshd); skipped otherwise or when sshd is missing.

#include "einvoicexml.h"
#include "senderprofile.h"
#include "sftptransport.h"
#include "sshdprocess.h"
#include "testsupport.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <arpa/inet.h>
#include <cerrno>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <memory>
#include <netinet/in.h>
#include <pwd.h>
#include <sys/inotify.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <utime.h>

using namespace einvoice;
using einvoice::test::run;

namespace {

using einvoice::test::freeLoopbackPort;
using einvoice::test::readAll;
using einvoice::test::writeFile;
using Sshd = einvoice::test::SshdProcess;
const QString kUser = einvoice::test::SshdProcess::user();

OutgoingDocument makeDocument(const QByteArray &payload, const QString &number = QStringLiteral("INV-1"))
{
    return einvoice::test::outgoingUbl(payload, number, QString());
}

/// A UBL invoice from the official examples, with a small PDF embedded as the original.
QByteArray sampleUbl(const QString &number, bool withPdf)
{
    const QStringList examples = einvoice::test::ublExamples();
    if (examples.isEmpty())
        return {};
    XmlReadResult read = EInvoiceXml::readFile(examples.first());
    if (!read.ok())
        return {};
    read.invoice->number = number;
    if (withPdf) {
        Attachment a;
        a.id = number;
        a.mimeCode = QStringLiteral("application/pdf");
        a.filename = number + QStringLiteral(".pdf");
        a.content = QByteArrayLiteral("%PDF-1.4\n% sample for ") + number.toUtf8() + "\n%%EOF\n";
        read.invoice->attachments.append(a);
    }
    return EInvoiceXml::write(*read.invoice, Syntax::Ubl);
}

class SftpTransportTest : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        einvoice::test::ensureCoreApp();
        s_sshd = new Sshd;
        s_started = s_sshd->start();
    }
    static void TearDownTestSuite()
    {
        delete s_sshd;
        s_sshd = nullptr;
    }

    void SetUp() override
    {
        if (!s_sshd->skipReason.isEmpty())
            GTEST_SKIP() << s_sshd->skipReason.toStdString();
        ASSERT_TRUE(s_started) << s_sshd->error.toStdString();
        const auto *info = ::testing::UnitTest::GetInstance()->current_test_info();
        // Spaces and non-ASCII in every directory name the transport sees.
        m_base = QStringLiteral("t %1 ü-%2").arg(QString::fromLatin1(info->name())).arg(::getpid());
        QDir(home()).mkpath(m_base);
        chownTree(m_base);
    }
    void TearDown() override
    {
        if (!m_base.isEmpty() && s_sshd && !s_sshd->home.isEmpty())
            QDir(home() + QLatin1Char('/') + m_base).removeRecursively();
    }

    static QString home() { return s_sshd->home; }
    /// The local path of a directory under the test's base directory.
    QString local(const QString &rel) const
    {
        return home() + QLatin1Char('/') + m_base + QLatin1Char('/') + rel;
    }
    void chownTree(const QString &rel) const
    {
        run(QStringLiteral("chown"),
            {QStringLiteral("-R"), kUser + QLatin1Char(':') + kUser, home() + QLatin1Char('/') + rel});
    }
    /// Makes a directory (under the base) owned by the test user.
    void makeDir(const QString &rel) const
    {
        QDir().mkpath(local(rel));
        chownTree(m_base);
    }

    SftpTransport::Options options(const QString &outbound = QStringLiteral("út bøks/ø")) const
    {
        SftpTransport::Options o;
        o.host = QStringLiteral("127.0.0.1");
        o.port = s_sshd->port;
        o.user = kUser;
        o.outboundDir = QStringLiteral("~/") + m_base + QLatin1Char('/') + outbound;
        o.inboundDir = QStringLiteral("~/") + m_base + QStringLiteral("/inn bøks");
        o.privateKeyFile = s_sshd->path(QStringLiteral("client"));
        o.knownHostsFile = s_sshd->path(QStringLiteral("known_hosts"));
        o.connectTimeoutSecs = 5;
        o.lowSpeedSecs = 5;
        o.totalTimeoutSecs = 30;
        return o;
    }

    static QStringList entries(const QString &dir)
    {
        return QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
    }

    static Sshd *s_sshd;
    static bool s_started;
    QString m_base;
};

Sshd *SftpTransportTest::s_sshd = nullptr;
bool SftpTransportTest::s_started = false;

TEST_F(SftpTransportTest, UploadsUnderTheHashNameAndAReplayMakesNoSecondFile)
{
    SftpTransport t(options());
    const OutgoingDocument doc = makeDocument(sampleUbl(QStringLiteral("SFTP-1"), true));
    ASSERT_FALSE(doc.payload.isEmpty());

    const SendResult first = t.send(doc);
    ASSERT_EQ(first.outcome, SendResult::Outcome::Accepted) << first.message.toStdString();
    EXPECT_FALSE(first.duplicate);
    EXPECT_EQ(first.remoteId,
              QStringLiteral("sftp:~/") + m_base + QStringLiteral("/út bøks/ø/") + doc.contentHash + ".xml");
    const QString out = local(QStringLiteral("út bøks/ø"));
    EXPECT_EQ(entries(out), QStringList{doc.contentHash + QStringLiteral(".xml")}); // no .part left
    EXPECT_EQ(readAll(out + QLatin1Char('/') + doc.contentHash + ".xml"), doc.payload);

    const SendResult again = t.send(doc);
    ASSERT_EQ(again.outcome, SendResult::Outcome::Accepted) << again.message.toStdString();
    EXPECT_TRUE(again.duplicate);
    EXPECT_EQ(again.remoteId, first.remoteId);
    EXPECT_EQ(entries(out), QStringList{doc.contentHash + QStringLiteral(".xml")});
    // Both sends and their checks went over one SSH session.
    EXPECT_EQ(t.connectionsOpened(), 1);
}

TEST_F(SftpTransportTest, RebuiltDocumentWithTheSameHashReplacesTheFile)
{
    SftpTransport t(options());
    OutgoingDocument doc = makeDocument(QByteArrayLiteral("<Invoice>first</Invoice>"));
    ASSERT_EQ(t.send(doc).outcome, SendResult::Outcome::Accepted);
    doc.payload = QByteArrayLiteral("<Invoice>corrected, longer</Invoice>");
    const SendResult r = t.send(doc);
    ASSERT_EQ(r.outcome, SendResult::Outcome::Accepted) << r.message.toStdString();
    EXPECT_FALSE(r.duplicate);
    const QString out = local(QStringLiteral("út bøks/ø"));
    EXPECT_EQ(entries(out), QStringList{doc.contentHash + QStringLiteral(".xml")});
    EXPECT_EQ(readAll(out + QLatin1Char('/') + doc.contentHash + ".xml"), doc.payload);

    // Same length, other bytes: still not taken for a replay.
    doc.payload = QByteArrayLiteral("<Invoice>CORRECTED, LONGER</Invoice>");
    const SendResult same = t.send(doc);
    ASSERT_EQ(same.outcome, SendResult::Outcome::Accepted) << same.message.toStdString();
    EXPECT_FALSE(same.duplicate);
    EXPECT_EQ(readAll(out + QLatin1Char('/') + doc.contentHash + ".xml"), doc.payload);
}

TEST_F(SftpTransportTest, TheFinalNameIsNeverWrittenToOnlyLinkedOrRenamedIntoPlace)
{
    makeDir(QStringLiteral("watched"));
    const QString out = local(QStringLiteral("watched"));
    const int fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    ASSERT_GE(fd, 0);
    ASSERT_GE(
        inotify_add_watch(fd, QFile::encodeName(out).constData(),
                          IN_CREATE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE),
        0);
    // Large enough to take many SFTP write packets.
    QByteArray payload = "<Invoice>" + QByteArray(3 * 1024 * 1024, 'x') + "</Invoice>";
    const OutgoingDocument doc = makeDocument(payload);
    SftpTransport t(options(QStringLiteral("watched")));
    const SendResult r = t.send(doc);
    ASSERT_EQ(r.outcome, SendResult::Outcome::Accepted) << r.message.toStdString();

    const QString finalName = doc.contentHash + QStringLiteral(".xml");
    const QString tempName = QStringLiteral(".") + finalName + QStringLiteral(".part");
    QStringList events; // "<event> <name>" in order
    alignas(inotify_event) char buffer[64 * 1024];
    for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n <= 0)
            break;
        for (ssize_t i = 0; i < n;) {
            const auto *e = reinterpret_cast<const inotify_event *>(buffer + i);
            const QString name = e->len ? QFile::decodeName(e->name) : QString();
            const char *kind = (e->mask & IN_CREATE)        ? "create"
                               : (e->mask & IN_MODIFY)      ? "modify"
                               : (e->mask & IN_CLOSE_WRITE) ? "close"
                               : (e->mask & IN_MOVED_TO)    ? "moved_to"
                               : (e->mask & IN_MOVED_FROM)  ? "moved_from"
                                                            : "delete";
            if (events.isEmpty() || events.last() != QString::fromLatin1(kind) + QLatin1Char(' ') + name)
                events << QString::fromLatin1(kind) + QLatin1Char(' ') + name;
            i += qsizetype(sizeof(inotify_event)) + e->len;
        }
    }
    ::close(fd);
    const QString joined = events.join(QLatin1String(", "));
    EXPECT_FALSE(events.contains(QStringLiteral("modify ") + finalName)) << joined.toStdString();
    EXPECT_FALSE(events.contains(QStringLiteral("close ") + finalName)) << joined.toStdString();
    const qsizetype tempWritten = events.lastIndexOf(QStringLiteral("close ") + tempName);
    ASSERT_GE(tempWritten, 0) << joined.toStdString();
    // OpenSSH renames with link()+unlink() (a create event) or rename() (moved_to).
    qsizetype finalAppears = events.indexOf(QStringLiteral("create ") + finalName);
    if (finalAppears < 0)
        finalAppears = events.indexOf(QStringLiteral("moved_to ") + finalName);
    ASSERT_GT(finalAppears, tempWritten) << joined.toStdString();
    EXPECT_EQ(readAll(out + QLatin1Char('/') + finalName), payload);
    EXPECT_EQ(entries(out), QStringList{finalName});
}

TEST_F(SftpTransportTest, UnknownHostIsRefused)
{
    SftpTransport::Options o = options();
    o.knownHostsFile = s_sshd->path(QStringLiteral("known_hosts_other"));
    SftpTransport t(o);
    const SendResult r = t.send(makeDocument("<Invoice/>"));
    EXPECT_EQ(r.outcome, SendResult::Outcome::Permanent);
    EXPECT_TRUE(r.message.contains(QStringLiteral("not listed in the known_hosts")))
        << r.message.toStdString();
    EXPECT_TRUE(r.message.contains(QStringLiteral("127.0.0.1:%1").arg(s_sshd->port)))
        << r.message.toStdString();
    EXPECT_FALSE(QFileInfo::exists(local(QStringLiteral("út bøks"))));
}

TEST_F(SftpTransportTest, ChangedHostKeyIsRefused)
{
    SftpTransport::Options o = options();
    o.knownHostsFile = s_sshd->path(QStringLiteral("known_hosts_changed"));
    SftpTransport t(o);
    const SendResult r = t.send(makeDocument("<Invoice/>"));
    EXPECT_EQ(r.outcome, SendResult::Outcome::Permanent);
    EXPECT_TRUE(r.message.contains(QStringLiteral("does NOT match"))) << r.message.toStdString();
    EXPECT_FALSE(QFileInfo::exists(local(QStringLiteral("út bøks"))));
}

TEST_F(SftpTransportTest, PinnedHostKeyIsChecked)
{
    SftpTransport::Options o = options();
    o.knownHostsFile.clear();
    o.hostKeySha256 = s_sshd->fingerprint(QStringLiteral("otherhost.pub"));
    ASSERT_TRUE(o.hostKeySha256.startsWith(QStringLiteral("SHA256:")));
    {
        SftpTransport wrong(o);
        const SendResult r = wrong.send(makeDocument("<Invoice/>"));
        EXPECT_EQ(r.outcome, SendResult::Outcome::Permanent);
        EXPECT_TRUE(r.message.contains(QStringLiteral("pinned fingerprint"))) << r.message.toStdString();
        EXPECT_FALSE(QFileInfo::exists(local(QStringLiteral("út bøks"))));
    }
    o.hostKeySha256 = s_sshd->fingerprint(QStringLiteral("host.pub"));
    SftpTransport right(o);
    const SendResult ok = right.send(makeDocument("<Invoice/>"));
    EXPECT_EQ(ok.outcome, SendResult::Outcome::Accepted) << ok.message.toStdString();

    // With both, the pin is the check (documented: libcurl skips known_hosts then).
    o.knownHostsFile = s_sshd->path(QStringLiteral("known_hosts_changed"));
    SftpTransport both(o);
    const SendResult pinWins = both.send(makeDocument("<Invoice>both</Invoice>"));
    EXPECT_EQ(pinWins.outcome, SendResult::Outcome::Accepted) << pinWins.message.toStdString();
}

TEST_F(SftpTransportTest, RefusesToConnectWithoutAHostKeyCheck)
{
    SftpTransport::Options o = options();
    o.knownHostsFile.clear();
    SftpTransport t(o);
    const QByteArray logBefore = s_sshd->log();
    const SendResult r = t.send(makeDocument("<Invoice/>"));
    EXPECT_EQ(r.outcome, SendResult::Outcome::Permanent);
    EXPECT_TRUE(r.message.contains(QStringLiteral("without checking its identity")))
        << r.message.toStdString();
    EXPECT_EQ(s_sshd->log().count("Connection from"), logBefore.count("Connection from")); // never connected
    EXPECT_FALSE(t.pollInbox().ok);

    // A known_hosts file that does not exist is no check either.
    o.knownHostsFile = s_sshd->path(QStringLiteral("missing_known_hosts"));
    SftpTransport missing(o);
    const SendResult m = missing.send(makeDocument("<Invoice/>"));
    EXPECT_EQ(m.outcome, SendResult::Outcome::Permanent);
    EXPECT_TRUE(m.message.contains(QStringLiteral("missing_known_hosts"))) << m.message.toStdString();
}

TEST_F(SftpTransportTest, WrongClientKeyIsPermanent)
{
    SftpTransport::Options o = options();
    o.privateKeyFile = s_sshd->path(QStringLiteral("stranger"));
    SftpTransport t(o);
    const SendResult r = t.send(makeDocument("<Invoice/>"));
    EXPECT_EQ(r.outcome, SendResult::Outcome::Permanent);
    EXPECT_TRUE(r.message.contains(QStringLiteral("refused the login of user einvsftp")))
        << r.message.toStdString();
}

TEST_F(SftpTransportTest, EcdsaClientKeyWorks)
{
    SftpTransport::Options o = options();
    o.privateKeyFile = s_sshd->path(QStringLiteral("ecdsa"));
    o.publicKeyFile = s_sshd->path(QStringLiteral("ecdsa.pub"));
    SftpTransport t(o);
    const OutgoingDocument doc = makeDocument("<Invoice>ecdsa</Invoice>");
    const SendResult r = t.send(doc);
    EXPECT_EQ(r.outcome, SendResult::Outcome::Accepted) << r.message.toStdString();
    EXPECT_EQ(readAll(local(QStringLiteral("út bøks/ø/")) + doc.contentHash + ".xml"), doc.payload);
}

TEST_F(SftpTransportTest, KeyWithPassphrase)
{
    SftpTransport::Options o = options();
    o.privateKeyFile = s_sshd->path(QStringLiteral("locked"));
    SftpTransport right(o, [] { return QStringLiteral("pass phrase ø"); });
    const SendResult ok = right.send(makeDocument("<Invoice>locked key</Invoice>"));
    EXPECT_EQ(ok.outcome, SendResult::Outcome::Accepted) << ok.message.toStdString();
    SftpTransport wrong(o, [] { return QStringLiteral("not it"); });
    const SendResult refused = wrong.send(makeDocument("<Invoice>wrong phrase</Invoice>"));
    EXPECT_EQ(refused.outcome, SendResult::Outcome::Permanent);
    EXPECT_FALSE(refused.message.contains(QStringLiteral("not it"))); // the secret never shows
    EXPECT_TRUE(refused.message.contains(QStringLiteral("passphrase"))) << refused.message.toStdString();
}

TEST_F(SftpTransportTest, ServerDroppingTheConnectionIsTransient)
{
    // What sshd does when busy (MaxStartups): accept and close before the banner.
    const int listener = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    ASSERT_GE(listener, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ASSERT_EQ(::bind(listener, reinterpret_cast<sockaddr *>(&addr), sizeof addr), 0);
    ASSERT_EQ(::listen(listener, 4), 0);
    socklen_t len = sizeof addr;
    ::getsockname(listener, reinterpret_cast<sockaddr *>(&addr), &len);
    std::thread dropper([listener] {
        const int c = ::accept(listener, nullptr, nullptr);
        if (c >= 0)
            ::close(c);
    });
    SftpTransport::Options o = options();
    o.port = ntohs(addr.sin_port);
    SftpTransport t(o);
    const SendResult r = t.send(makeDocument("<Invoice/>"));
    dropper.join();
    ::close(listener);
    EXPECT_EQ(r.outcome, SendResult::Outcome::Transient) << r.message.toStdString();
    EXPECT_TRUE(r.message.contains(QStringLiteral("127.0.0.1:%1").arg(o.port))) << r.message.toStdString();
    EXPECT_TRUE(r.message.contains(QStringLiteral("broke off the session"))) << r.message.toStdString();
}

TEST_F(SftpTransportTest, ServerDownIsTransient)
{
    SftpTransport::Options o = options();
    o.port = freeLoopbackPort(); // nobody listens there
    ASSERT_NE(o.port, 0);
    o.knownHostsFile = s_sshd->path(QStringLiteral("known_hosts"));
    SftpTransport t(o);
    const SendResult r = t.send(makeDocument("<Invoice/>"));
    EXPECT_EQ(r.outcome, SendResult::Outcome::Transient);
    EXPECT_TRUE(r.message.contains(QStringLiteral("127.0.0.1:%1").arg(o.port))) << r.message.toStdString();
    EXPECT_TRUE(r.message.contains(QStringLiteral("could not be reached"))) << r.message.toStdString();
    const InboxPoll poll = t.pollInbox();
    EXPECT_FALSE(poll.ok);
    EXPECT_TRUE(poll.error.contains(QStringLiteral("could not be reached"))) << poll.error.toStdString();
}

TEST_F(SftpTransportTest, ServerThatNeverAnswersTimesOutTransient)
{
    // Accepts TCP connections (the kernel completes them) but never sends an SSH banner.
    const int listener = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    ASSERT_GE(listener, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ASSERT_EQ(::bind(listener, reinterpret_cast<sockaddr *>(&addr), sizeof addr), 0);
    ASSERT_EQ(::listen(listener, 4), 0);
    socklen_t len = sizeof addr;
    ::getsockname(listener, reinterpret_cast<sockaddr *>(&addr), &len);
    SftpTransport::Options o = options();
    o.port = ntohs(addr.sin_port);
    o.connectTimeoutSecs = 2;
    SftpTransport t(o);
    const SendResult r = t.send(makeDocument("<Invoice/>"));
    ::close(listener);
    EXPECT_EQ(r.outcome, SendResult::Outcome::Transient);
    EXPECT_TRUE(r.message.contains(QStringLiteral("did not answer in time"))) << r.message.toStdString();
    EXPECT_TRUE(r.message.contains(QStringLiteral("127.0.0.1:%1").arg(o.port))) << r.message.toStdString();
}

TEST_F(SftpTransportTest, PermissionDeniedOnTheFolderIsPermanent)
{
    const QString locked = local(QStringLiteral("locked"));
    QDir().mkpath(locked); // owned by root, 0755: the test user cannot write
    ASSERT_EQ(::chmod(QFile::encodeName(locked).constData(), 0755), 0);
    SftpTransport t(options(QStringLiteral("locked")));
    const SendResult r = t.send(makeDocument("<Invoice/>"));
    EXPECT_EQ(r.outcome, SendResult::Outcome::Permanent);
    EXPECT_TRUE(r.message.contains(QStringLiteral("permission denied"))) << r.message.toStdString();
    EXPECT_TRUE(entries(locked).isEmpty());
}

TEST_F(SftpTransportTest, InboxDeliversEachFileOnce)
{
    makeDir(QStringLiteral("inn bøks"));
    const QString inbox = local(QStringLiteral("inn bøks"));
    const QByteArray first = sampleUbl(QStringLiteral("IN-1"), true);
    const QByteArray second = sampleUbl(QStringLiteral("IN-2"), false);
    ASSERT_TRUE(writeFile(inbox + QStringLiteral("/Faktura 1 ÆØÅ.xml"), first));
    ASSERT_TRUE(writeFile(inbox + QStringLiteral("/b.XML"), second));
    ASSERT_TRUE(writeFile(inbox + QStringLiteral("/.c.xml.part"), "<half"));
    ASSERT_TRUE(writeFile(inbox + QStringLiteral("/readme.txt"), "not an invoice"));
    chownTree(m_base);
    const utimbuf when{1735732800, 1735732800}; // 2025-01-01T12:00:00Z
    ASSERT_EQ(::utime(QFile::encodeName(inbox + QStringLiteral("/b.XML")).constData(), &when), 0);

    SftpTransport t(options());
    InboxPoll poll = t.pollInbox();
    ASSERT_TRUE(poll.ok) << poll.error.toStdString();
    ASSERT_EQ(poll.documents.size(), 2);
    EXPECT_EQ(poll.documents[0].remoteId, QStringLiteral("Faktura 1 ÆØÅ.xml"));
    EXPECT_EQ(poll.documents[1].remoteId, QStringLiteral("b.XML"));
    EXPECT_EQ(poll.documents[1].receivedAt, QDateTime(QDate(2025, 1, 1), QTime(12, 0), Qt::UTC));

    QString error;
    EXPECT_EQ(t.fetchIncoming(poll.documents[0].remoteId, QStringLiteral("ubl"), &error), first);
    EXPECT_TRUE(error.isEmpty()) << error.toStdString();
    const QByteArray cii = t.fetchIncoming(poll.documents[0].remoteId, QStringLiteral("cii"), &error);
    EXPECT_TRUE(error.isEmpty()) << error.toStdString();
    const XmlReadResult asCii = EInvoiceXml::read(cii);
    ASSERT_TRUE(asCii.ok()) << asCii.error.toStdString();
    EXPECT_EQ(asCii.syntax, Syntax::Cii);
    EXPECT_EQ(asCii.invoice->number, QStringLiteral("IN-1"));
    EXPECT_TRUE(
        t.fetchIncoming(poll.documents[0].remoteId, QStringLiteral("pdf"), &error).startsWith("%PDF-"));
    // No PDF in the second one: an error naming the file, not an empty success.
    EXPECT_TRUE(t.fetchIncoming(QStringLiteral("b.XML"), QStringLiteral("pdf"), &error).isEmpty());
    EXPECT_TRUE(error.contains(QStringLiteral("b.XML"))) << error.toStdString();

    for (const IncomingDocument &d : poll.documents)
        EXPECT_EQ(t.acknowledgeIncoming(d.remoteId), QString());
    EXPECT_EQ(entries(inbox), (QStringList{QStringLiteral(".c.xml.part"), QStringLiteral("done"),
                                           QStringLiteral("readme.txt")}));
    EXPECT_EQ(readAll(inbox + QStringLiteral("/done/Faktura 1 ÆØÅ.xml")), first);
    EXPECT_EQ(readAll(inbox + QStringLiteral("/done/b.XML")), second);

    poll = t.pollInbox();
    ASSERT_TRUE(poll.ok) << poll.error.toStdString();
    EXPECT_TRUE(poll.documents.isEmpty());
    // Acknowledging again (a crash before the journal noted it) is fine; fetching is not.
    EXPECT_EQ(t.acknowledgeIncoming(QStringLiteral("b.XML")), QString());
    EXPECT_TRUE(t.fetchIncoming(QStringLiteral("b.XML"), QStringLiteral("ubl"), &error).isEmpty());
    EXPECT_TRUE(error.contains(QStringLiteral("b.XML"))) << error.toStdString();
    EXPECT_FALSE(t.acknowledgeIncoming(QStringLiteral("never-there.xml")).isEmpty());
}

TEST_F(SftpTransportTest, ReusedIncomingNameKeepsBothInDone)
{
    makeDir(QStringLiteral("inn bøks/done"));
    const QString inbox = local(QStringLiteral("inn bøks"));
    ASSERT_TRUE(writeFile(inbox + QStringLiteral("/done/same.xml"), "<old/>"));
    ASSERT_TRUE(writeFile(inbox + QStringLiteral("/same.xml"), "<new/>"));
    chownTree(m_base);
    SftpTransport t(options());
    EXPECT_EQ(t.acknowledgeIncoming(QStringLiteral("same.xml")), QString());
    const QStringList done = entries(inbox + QStringLiteral("/done"));
    ASSERT_EQ(done.size(), 2) << done.join(QLatin1Char(' ')).toStdString();
    EXPECT_EQ(readAll(inbox + QStringLiteral("/done/same.xml")), "<old/>");
    EXPECT_FALSE(QFileInfo::exists(inbox + QStringLiteral("/same.xml")));
}

TEST_F(SftpTransportTest, HostileIncomingNamesAreRefused)
{
    SftpTransport t(options());
    QString error;
    for (const QString &id : {QStringLiteral("../etc/passwd"), QStringLiteral("a/b.xml"),
                              QStringLiteral(".hidden.xml"), QStringLiteral("line\nbreak.xml"), QString()}) {
        EXPECT_TRUE(t.fetchIncoming(id, QStringLiteral("ubl"), &error).isEmpty());
        EXPECT_FALSE(error.isEmpty());
        EXPECT_FALSE(t.acknowledgeIncoming(id).isEmpty());
    }
}

TEST_F(SftpTransportTest, BuiltFromSenderProfileSettings)
{
    TransportSettings s;
    s.kind = QStringLiteral("sftp");
    s.url = QStringLiteral("sftp://127.0.0.1:%1/~/%2/fra%20profil").arg(s_sshd->port).arg(m_base);
    s.sftpUser = kUser;
    s.sftpKeyFile = s_sshd->path(QStringLiteral("client"));
    s.sftpKnownHosts = s_sshd->fingerprint(QStringLiteral("host.pub")); // pinned form
    s.sftpInboundDir = m_base + QStringLiteral("/inn bøks");
    QString error;
    const SftpTransport::Options o = SftpTransport::optionsFromSettings(s, &error);
    EXPECT_TRUE(error.isEmpty()) << error.toStdString();
    EXPECT_EQ(o.port, s_sshd->port);
    EXPECT_EQ(o.outboundDir, QStringLiteral("/~/") + m_base + QStringLiteral("/fra profil"));
    EXPECT_TRUE(o.knownHostsFile.isEmpty());

    SftpTransport t(s);
    EXPECT_EQ(t.kind(), QStringLiteral("sftp"));
    const OutgoingDocument doc = makeDocument("<Invoice>profile</Invoice>");
    const SendResult r = t.send(doc);
    ASSERT_EQ(r.outcome, SendResult::Outcome::Accepted) << r.message.toStdString();
    EXPECT_EQ(readAll(local(QStringLiteral("fra profil/")) + doc.contentHash + ".xml"), doc.payload);
    makeDir(QStringLiteral("inn bøks"));
    EXPECT_TRUE(t.pollInbox().ok);

    s.url = QStringLiteral("https://not-sftp/");
    SftpTransport bad(s);
    const SendResult refused = bad.send(doc);
    EXPECT_EQ(refused.outcome, SendResult::Outcome::Permanent);
    EXPECT_TRUE(refused.message.contains(QStringLiteral("https://not-sftp/")))
        << refused.message.toStdString();
}

} // namespace

TEST_F(SftpTransportTest, ResponsesAreWrittenAndReadAsInvoiceResponseFiles)
{
    makeDir(QStringLiteral("inn bøks"));
    makeDir(QStringLiteral("svar"));
    const QByteArray invoice = sampleUbl(QStringLiteral("IR-1"), false);
    ASSERT_TRUE(writeFile(local(QStringLiteral("inn bøks/IR-1.xml")), invoice));
    chownTree(m_base);
    SftpTransport::Options o = options();
    o.responseDir = QStringLiteral("~/") + m_base + QStringLiteral("/svar");
    o.statusDir = o.responseDir; // the operator's loop: our answers come back as our status
    SftpTransport t(o);
    EXPECT_TRUE(t.supportsResponses());
    ASSERT_EQ(t.acknowledgeIncoming(QStringLiteral("IR-1.xml")), QString());
    // Answered after acknowledging (the invoice is in done/ by then); the same answer again
    // replaces the file rather than adding one.
    ASSERT_EQ(t.respondToIncoming(QStringLiteral("IR-1.xml"), QStringLiteral("AP"), QString()), QString());
    ASSERT_EQ(t.respondToIncoming(QStringLiteral("IR-1.xml"), QStringLiteral("AP"), QString()), QString());
    EXPECT_EQ(entries(local(QStringLiteral("svar"))), QStringList{QStringLiteral("IR-1.response-AP.xml")});
    EXPECT_NE(t.respondToIncoming(QStringLiteral("missing.xml"), QStringLiteral("AP"), QString()), QString());
    EXPECT_NE(t.respondToIncoming(QStringLiteral("../IR-1.xml"), QStringLiteral("AP"), QString()), QString());
    // A file that is not a response is moved aside, not offered on every poll, not an error.
    ASSERT_TRUE(writeFile(local(QStringLiteral("svar/garbage.xml")), "<not-a-response/>"));
    chownTree(m_base);
    StatusPoll poll = t.pollStatus(QString());
    ASSERT_TRUE(poll.ok) << poll.error.toStdString();
    ASSERT_EQ(poll.changes.size(), 1);
    EXPECT_EQ(poll.changes[0].remoteId, QString());
    EXPECT_EQ(poll.changes[0].invoiceNumber, QStringLiteral("IR-1"));
    EXPECT_EQ(poll.changes[0].businessStatus, QStringLiteral("AP"));
    EXPECT_EQ(entries(local(QStringLiteral("svar"))), QStringList{QStringLiteral("done")});
    EXPECT_EQ(entries(local(QStringLiteral("svar/done"))),
              (QStringList{QStringLiteral("IR-1.response-AP.xml"), QStringLiteral("garbage.xml")}));
    poll = t.pollStatus(QString());
    ASSERT_TRUE(poll.ok);
    EXPECT_TRUE(poll.changes.isEmpty());
    // Without an inbound folder there is nothing to answer.
    SftpTransport::Options none = options();
    none.inboundDir.clear();
    EXPECT_FALSE(SftpTransport(none).supportsResponses());
}
