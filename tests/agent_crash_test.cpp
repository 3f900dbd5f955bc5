// The daemon killed with SIGKILL at random points while 500 documents flow through it, restarted
// each time: at the end every document is in exactly one final state and the outbox holds
// exactly one e-invoice per distinct document.
#include "jobjournal.h"
#include "testsupport.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>
#include <csignal>
#include <gtest/gtest.h>

using namespace einvoice;
using namespace einvoice::test;

namespace {

QByteArray ublWithNumber(const QString &number)
{
    static const QByteArray base = readFile(
        referenceDir() + QStringLiteral("/examples/ubl-peppol-bis3/peppol-bis-invoice-3/base-example.xml"));
    QByteArray xml = base;
    const int at = xml.indexOf("<cbc:ID>");
    const int end = xml.indexOf("</cbc:ID>", at);
    return xml.replace(at + 8, end - at - 8, number.toUtf8());
}

QMap<JobState, int> counts(const QString &journalPath)
{
    JobJournal journal;
    if (!journal.open(journalPath).isEmpty())
        return {};
    return journal.countsByState();
}

} // namespace

TEST(AgentCrash, FiveHundredDocumentsSurviveRepeatedSigkill)
{
    ensureCoreApp();
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString root = dir.path();
    for (const char *sub : {"in", "staging"})
        QDir(root).mkpath(QString::fromLatin1(sub));
    const QString ini = root + QStringLiteral("/agent.ini");
    {
        QFile f(ini);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(QStringLiteral("[agent]\ndata_dir=%1/data\nsettle_ms=50\npoll_ms=200\nworkers=2\n"
                               "[profile.acme]\nwatch_folders=%1/in\nsend_policy=auto_send_when_confident\n"
                               "outbox_dir=%1/outbox\n")
                    .arg(root)
                    .toUtf8());
    }
    constexpr int kDocuments = 500;
    QSet<QByteArray> distinct;
    for (int i = 0; i < kDocuments; ++i) {
        const QByteArray xml = ublWithNumber(QStringLiteral("CRASH-%1").arg(i));
        distinct.insert(xml);
        QFile f(root + QStringLiteral("/staging/doc-%1.xml").arg(i, 3, 10, QLatin1Char('0')));
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(xml);
    }
    ASSERT_EQ(distinct.size(), kDocuments);

    auto startAgent = [&] {
        auto *p = new QProcess;
        p->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        p->setStandardOutputFile(QProcess::nullDevice());
        p->start(agentBinary(), {QStringLiteral("--headless"), QStringLiteral("--config"), ini});
        EXPECT_TRUE(p->waitForStarted()) << qPrintable(p->errorString());
        return p;
    };
    auto waitForSocket = [&] {
        return waitUntil([&] { return QFile::exists(root + QStringLiteral("/data/agent.sock")); }, 20000);
    };

    // Documents arrive in five batches; after each, the agent dies at a random moment.
    QRandomGenerator rng(20251130);
    int moved = 0;
    int kills = 0;
    for (int round = 0; round < 5; ++round) {
        QProcess *agent = startAgent();
        ASSERT_TRUE(waitForSocket());
        if (round == 0) {
            // One agent per data directory: a second start is refused while the first runs.
            QProcess second;
            second.start(agentBinary(), {QStringLiteral("--headless"), QStringLiteral("--config"), ini});
            ASSERT_TRUE(second.waitForFinished(20000));
            EXPECT_NE(second.exitCode(), 0);
            EXPECT_TRUE(second.readAllStandardError().contains("already running"));
        }
        const int batchEnd = std::min(kDocuments, moved + kDocuments / 5);
        for (; moved < batchEnd; ++moved) {
            const QString name = QStringLiteral("doc-%1.xml").arg(moved, 3, 10, QLatin1Char('0'));
            ASSERT_TRUE(QFile::rename(root + QStringLiteral("/staging/") + name,
                                      root + QStringLiteral("/in/") + name));
        }
        const int waitMs = 300 + int(rng.bounded(1500));
        QDeadlineTimer killAt(waitMs);
        waitUntil([&] { return killAt.hasExpired(); }, waitMs + 1000);
        ::kill(pid_t(agent->processId()), SIGKILL);
        agent->waitForFinished(10000);
        ++kills;
        delete agent;
    }
    ASSERT_EQ(moved, kDocuments);

    // The last run is left to finish.
    QProcess *agent = startAgent();
    ASSERT_TRUE(waitForSocket());
    const QString journal = root + QStringLiteral("/data/journal.sqlite");
    const bool finished = waitUntil(
        [&] {
            const QMap<JobState, int> c = counts(journal);
            int final = 0;
            for (auto it = c.begin(); it != c.end(); ++it)
                if (isFinalState(it.key()))
                    final += it.value();
            // Originals whose archiving a kill interrupted are archived when the watcher sees them again.
            return final == kDocuments && QDir(root + QStringLiteral("/in")).entryList(QDir::Files).isEmpty();
        },
        300000);
    agent->terminate();
    agent->waitForFinished(20000);
    delete agent;
    ASSERT_TRUE(finished) << "after " << kills
                          << " kills, states: " << counts(journal).value(JobState::Delivered) << " delivered";

    JobJournal j;
    ASSERT_EQ(j.open(journal), QString());
    const QList<Job> jobs = j.jobs();
    EXPECT_EQ(jobs.size(), kDocuments);
    QSet<QString> hashes;
    for (const Job &job : jobs) {
        EXPECT_EQ(job.state, JobState::Delivered) << job.id << " " << qPrintable(job.lastError);
        hashes.insert(job.contentHash);
        // Its timeline ends in the state it is in.
        EXPECT_EQ(j.events(job.id).last().state, job.state);
    }
    EXPECT_EQ(hashes.size(), kDocuments);
    const QStringList outbox =
        QDir(root + QStringLiteral("/outbox")).entryList({QStringLiteral("*.xml")}, QDir::Files);
    EXPECT_EQ(outbox.size(), kDocuments);
    for (const QString &name : outbox)
        EXPECT_TRUE(hashes.contains(QFileInfo(name).completeBaseName())) << qPrintable(name);
    // Nothing left behind in the export folder; every original archived once.
    EXPECT_TRUE(QDir(root + QStringLiteral("/in")).entryList(QDir::Files).isEmpty());
    const QString month = QDate::currentDate().toString(QStringLiteral("yyyy-MM"));
    EXPECT_EQ(QDir(root + QStringLiteral("/in/Processed/") + month).entryList(QDir::Files).size(),
              kDocuments);
}
