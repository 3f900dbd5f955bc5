// Small engine pieces: retry schedule, configuration file, safe names for incoming files,
// folder transport.
#include "agentconfig.h"
#include "foldertransport.h"
#include "incomingstore.h"
#include "retrypolicy.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace einvoice;

TEST(RetryPolicy, DoublesFromTheBaseUpToTheCapWithJitter)
{
    RetrySettings s;
    s.baseSecs = 30;
    s.maxSecs = 600;
    s.jitter = 0.2;
    const RetryPolicy p(s);
    EXPECT_EQ(p.delayMs(1, 0.5), 30000);
    EXPECT_EQ(p.delayMs(2, 0.5), 60000);
    EXPECT_EQ(p.delayMs(3, 0.5), 120000);
    EXPECT_EQ(p.delayMs(10, 0.5), 600000);   // capped
    EXPECT_EQ(p.delayMs(1, 0.0), 24000);     // -20 %
    EXPECT_EQ(p.delayMs(1, 1.0), 36000);     // +20 %
    EXPECT_EQ(p.delayMs(1, 0.5, 90), 90000); // Retry-After longer than the backoff wins
    EXPECT_EQ(p.delayMs(3, 0.5, 5), 120000); // shorter does not
    EXPECT_FALSE(p.exhausted(11));
    EXPECT_TRUE(p.exhausted(12));
}

TEST(AgentConfig, DefaultsWithoutAFile)
{
    QString error;
    const auto c = AgentConfig::load({}, &error);
    ASSERT_TRUE(c) << qPrintable(error);
    ASSERT_EQ(c->profiles.size(), 1);
    EXPECT_EQ(c->profiles.first().id, QStringLiteral("default"));
    EXPECT_EQ(c->profiles.first().sendPolicy, SendPolicy::ReviewAll);
    EXPECT_EQ(c->profiles.first().transport.kind, QStringLiteral("folder"));
    EXPECT_TRUE(c->journalPath.endsWith(QStringLiteral("journal.sqlite")));
    EXPECT_EQ(c->retry.maxAttempts, 12);
}

TEST(AgentConfig, ReadsProfilesAndResolvesRelativePaths)
{
    QTemporaryDir dir;
    const QString ini = dir.filePath(QStringLiteral("agent.ini"));
    QFile f(ini);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write("[agent]\ndata_dir=data\nworkers=3\n"
            "[sending]\nretry_base_secs=5\n"
            "[profile.acme-se]\nseller_name=Acme AB\nseller_endpoint=0007:5567321707\n"
            "watch_folders=export, /abs/other\nsend_policy=auto_send_when_confident\ntransport=folder\n"
            "outbox_dir=out\n[profile.acme-se/customers]\nKvarnbacken Fastigheter AB=0007:5560000001\n"
            "[profile.acme-no]\nseller_name=Acme AS\ntransport=https\nportal_url=https://portal.example\n");
    f.close();
    QString error;
    const auto c = AgentConfig::load(ini, &error);
    ASSERT_TRUE(c) << qPrintable(error);
    EXPECT_EQ(c->dataDir, dir.filePath(QStringLiteral("data")));
    EXPECT_EQ(c->workers, 3);
    EXPECT_EQ(c->retry.baseSecs, 5);
    ASSERT_EQ(c->profiles.size(), 2);
    const SenderProfile *se = c->profile(QStringLiteral("acme-se"));
    ASSERT_TRUE(se);
    EXPECT_EQ(se->seller.electronicAddress.scheme, QStringLiteral("0007"));
    EXPECT_EQ(se->watchFolders,
              (QStringList{dir.filePath(QStringLiteral("export")), QStringLiteral("/abs/other")}));
    EXPECT_EQ(se->transport.outboxDir, dir.filePath(QStringLiteral("out")));
    EXPECT_EQ(se->sendPolicy, SendPolicy::AutoSendWhenConfident);
    EXPECT_EQ(se->customerEndpoints.value(QStringLiteral("Kvarnbacken Fastigheter AB")),
              QStringLiteral("0007:5560000001"));
    EXPECT_EQ(c->profile(QStringLiteral("acme-no"))->transport.kind, QStringLiteral("https"));
}

TEST(AgentConfig, BadValuesAreNamedWithFileSectionAndKey)
{
    QTemporaryDir dir;
    const QString ini = dir.filePath(QStringLiteral("agent.ini"));
    for (const QByteArray &body :
         {QByteArray("[agent]\nworkers=lots\n"), QByteArray("[profile.x]\nsend_policy=sometimes\n"),
          QByteArray("[profile.x]\ntransport=pigeon\n"), QByteArray("[profile.x]\ntransport=https\n"),
          QByteArray("[profile.x]\nseller_endpoint=5567321707\n")}) {
        QFile f(ini);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(body);
        f.close();
        QString error;
        EXPECT_FALSE(AgentConfig::load(ini, &error)) << body.constData();
        EXPECT_TRUE(error.startsWith(ini)) << qPrintable(error);
        const QByteArray key = body.split('\n').at(1).split('=').first();
        EXPECT_TRUE(error.contains(QString::fromUtf8(key)) || error.contains(QStringLiteral("portal_url")))
            << qPrintable(error);
    }
    QString error;
    EXPECT_FALSE(AgentConfig::load(dir.filePath(QStringLiteral("missing.ini")), &error));
    EXPECT_TRUE(error.contains(QStringLiteral("missing.ini")));
}

TEST(AgentConfig, SaveAndLoadAgain)
{
    QTemporaryDir dir;
    AgentConfig c = *AgentConfig::load({}, nullptr);
    c.dataDir = dir.filePath(QStringLiteral("data"));
    c.profiles.first().id = QStringLiteral("main");
    c.profiles.first().seller.name = QStringLiteral("Kvarnbacken Fastigheter AB");
    c.profiles.first().seller.electronicAddress =
        Identifier{QStringLiteral("5567321707"), QStringLiteral("0007")};
    c.profiles.first().watchFolders = {dir.filePath(QStringLiteral("a b")),
                                       dir.filePath(QStringLiteral("Fakturor ö"))};
    c.profiles.first().sendPolicy = SendPolicy::AutoSendWhenConfident;
    TransportSettings &t = c.profiles.first().transport;
    t.kind = QStringLiteral("sftp");
    t.url = QStringLiteral("sftp://sftp.example.com:2222/out");
    t.sftpUser = QStringLiteral("acme");
    t.sftpKeyFile = dir.filePath(QStringLiteral("id_ed25519"));
    t.sftpKnownHosts = QStringLiteral("SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8");
    t.sftpInboundDir = QStringLiteral("~/in");
    t.sftpStatusDir = QStringLiteral("~/status");
    t.sftpResponseDir = QStringLiteral("~/responses");
    t.proxy = QStringLiteral("http://proxy.example:3128");
    const QString ini = dir.filePath(QStringLiteral("agent.ini"));
    ASSERT_EQ(c.save(ini), QString());
    QString error;
    const auto back = AgentConfig::load(ini, &error);
    ASSERT_TRUE(back) << qPrintable(error);
    EXPECT_EQ(back->dataDir, c.dataDir);
    ASSERT_TRUE(back->profile(QStringLiteral("main")));
    EXPECT_EQ(back->profile(QStringLiteral("main"))->seller.name, c.profiles.first().seller.name);
    EXPECT_EQ(back->profile(QStringLiteral("main"))->watchFolders, c.profiles.first().watchFolders);
    EXPECT_EQ(back->profile(QStringLiteral("main"))->seller.electronicAddress,
              c.profiles.first().seller.electronicAddress);
    EXPECT_EQ(back->profile(QStringLiteral("main"))->sendPolicy, SendPolicy::AutoSendWhenConfident);
    // Every transport setting survives (the settings dialog saves through here).
    const TransportSettings &b = back->profile(QStringLiteral("main"))->transport;
    EXPECT_EQ(b.kind, t.kind);
    EXPECT_EQ(b.url, t.url);
    EXPECT_EQ(b.sftpUser, t.sftpUser);
    EXPECT_EQ(b.sftpKeyFile, t.sftpKeyFile);
    EXPECT_EQ(b.sftpKnownHosts, t.sftpKnownHosts) << "a pinned fingerprint is not a path";
    EXPECT_EQ(b.sftpInboundDir, t.sftpInboundDir);
    EXPECT_EQ(b.sftpStatusDir, t.sftpStatusDir);
    EXPECT_EQ(b.sftpResponseDir, t.sftpResponseDir);
    EXPECT_EQ(b.proxy, t.proxy);
}

TEST(IncomingStore, NamesAreSafeWhateverTheSellerWrites)
{
    EXPECT_EQ(IncomingStore::sanitize(QStringLiteral("../../etc/passwd")), QStringLiteral("etc-passwd"));
    EXPECT_EQ(IncomingStore::sanitize(QStringLiteral("A\u202Eevil\tname\n")), QStringLiteral("A evil name"));
    EXPECT_EQ(IncomingStore::sanitize(QStringLiteral("Fa:kt*u?ra \"1\" <2> |3|")),
              QStringLiteral("Fa-kt-u-ra -1- -2- -3-"));
    EXPECT_EQ(IncomingStore::sanitize(QStringLiteral("...")), QString());
    EXPECT_LE(IncomingStore::sanitize(QString(300, QChar(0x00E5)), 80).toUtf8().size(), 80);
    EXPECT_EQ(IncomingStore::baseName(QDate(2025, 3, 14), QStringLiteral("Harbour/Logistics NV"),
                                      QStringLiteral("2025/0042")),
              QStringLiteral("2025-03-14 Harbour-Logistics NV 2025-0042"));
    EXPECT_EQ(IncomingStore::baseName({}, {}, {}), QStringLiteral("invoice"));
}

TEST(IncomingStore, NeverOverwritesAndLeavesNoTempFiles)
{
    QTemporaryDir dir;
    const IncomingStore store(dir.path());
    QString error;
    const QString a =
        store.store(QStringLiteral("2025-01-01 X 1"), QStringLiteral(".ubl.xml"), "first", &error);
    const QString b =
        store.store(QStringLiteral("2025-01-01 X 1"), QStringLiteral(".ubl.xml"), "second", &error);
    EXPECT_EQ(QFileInfo(a).fileName(), QStringLiteral("2025-01-01 X 1.ubl.xml"));
    EXPECT_EQ(QFileInfo(b).fileName(), QStringLiteral("2025-01-01 X 1 (2).ubl.xml"));
    EXPECT_EQ(test::readFile(a), QByteArray("first"));
    EXPECT_EQ(test::readFile(b), QByteArray("second"));
    EXPECT_EQ(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 2);
}

TEST(FolderTransport, WritesOnceAndReplaysIdempotently)
{
    QTemporaryDir dir;
    FolderTransport t(dir.filePath(QStringLiteral("out")));
    OutgoingDocument doc;
    doc.contentHash = QStringLiteral("ab12");
    doc.payload = "<Invoice/>";
    doc.fileName = QStringLiteral("ab12.xml");
    const SendResult first = t.send(doc);
    EXPECT_EQ(first.outcome, SendResult::Outcome::Accepted);
    EXPECT_FALSE(first.duplicate);
    const SendResult again = t.send(doc);
    EXPECT_EQ(again.outcome, SendResult::Outcome::Accepted);
    EXPECT_TRUE(again.duplicate);
    EXPECT_EQ(again.remoteId, first.remoteId);
    EXPECT_EQ(QDir(dir.filePath(QStringLiteral("out"))).entryList(QDir::Files | QDir::Hidden),
              QStringList{QStringLiteral("ab12.xml")});
    // An outbox that cannot be made is a transient problem that names the folder.
    QFile blocker(dir.filePath(QStringLiteral("file")));
    ASSERT_TRUE(blocker.open(QIODevice::WriteOnly));
    FolderTransport bad(dir.filePath(QStringLiteral("file/out")));
    const SendResult r = bad.send(doc);
    EXPECT_EQ(r.outcome, SendResult::Outcome::Transient);
    EXPECT_TRUE(r.message.contains(dir.filePath(QStringLiteral("file/out")))) << qPrintable(r.message);
}
