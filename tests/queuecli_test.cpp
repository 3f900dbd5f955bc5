// The CLI on an agent's data when no agent runs: queue list/show/discard work on the journal
// directly and are audited; support-bundle zips it, and --redact leaves no name or amount behind.
#include "jobjournal.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace einvoice;
using namespace einvoice::test;

namespace {

struct AgentData
{
    QTemporaryDir dir;
    QString ini;
    qint64 jobId = 0;

    AgentData()
    {
        ini = dir.filePath(QStringLiteral("agent.ini"));
        QFile f(ini);
        f.open(QIODevice::WriteOnly);
        f.write(QStringLiteral("[agent]\ndata_dir=%1/data\n").arg(dir.path()).toUtf8());
        f.close();
        QDir().mkpath(dir.filePath(QStringLiteral("data")));
        JobJournal journal;
        EXPECT_EQ(journal.open(dir.filePath(QStringLiteral("data/journal.sqlite"))), QString());
        NewJob job;
        job.senderProfile = QStringLiteral("default");
        job.contentHash = QString(64, QLatin1Char('a'));
        job.originalPath = dir.filePath(QStringLiteral("Faktura 10457.pdf"));
        job.display.invoiceNumber = QStringLiteral("10457");
        job.display.sellerName = QStringLiteral("Fjällström Byggservice AB");
        job.display.buyerName = QStringLiteral("Kvarnbacken Fastigheter AB");
        job.display.amount = Decimal::fromString(QStringLiteral("37336.90"));
        job.display.currency = QStringLiteral("SEK");
        jobId = journal.addJob(job).jobId;
        EXPECT_GT(jobId, 0);
    }
    QStringList config() const { return {QStringLiteral("--config"), ini}; }
};

} // namespace

TEST(QueueCli, WorksOnTheJournalWhenNoAgentRunsAndIsAudited)
{
    AgentData data;
    const ProcessResult status =
        runCli(QStringList{QStringLiteral("status"), QStringLiteral("--json")} + data.config());
    ASSERT_EQ(status.exitCode, 0) << status.err.constData();
    const QJsonObject s = QJsonDocument::fromJson(status.out).object();
    EXPECT_FALSE(s.value(QStringLiteral("running")).toBool());
    EXPECT_EQ(s.value(QStringLiteral("counts")).toObject().value(QStringLiteral("captured")).toInt(), 1);

    const ProcessResult list =
        runCli(QStringList{QStringLiteral("queue"), QStringLiteral("list"), QStringLiteral("--json")} +
               data.config());
    ASSERT_EQ(list.exitCode, 0) << list.err.constData();
    const QJsonArray jobs =
        QJsonDocument::fromJson(list.out).object().value(QStringLiteral("jobs")).toArray();
    ASSERT_EQ(jobs.size(), 1);
    EXPECT_EQ(jobs.at(0).toObject().value(QStringLiteral("invoice_number")).toString(),
              QStringLiteral("10457"));
    EXPECT_EQ(jobs.at(0).toObject().value(QStringLiteral("amount")).toString(), QStringLiteral("37336.90"));

    // Approving a job that was never read is refused, with the reason.
    const ProcessResult approve =
        runCli(QStringList{QStringLiteral("queue"), QStringLiteral("approve"), QString::number(data.jobId)} +
               data.config());
    EXPECT_NE(approve.exitCode, 0);
    EXPECT_TRUE(approve.err.contains("only ready or reviewed jobs")) << approve.err.constData();

    const ProcessResult discard =
        runCli(QStringList{QStringLiteral("queue"), QStringLiteral("discard"), QString::number(data.jobId),
                           QStringLiteral("--reason"), QStringLiteral("sent by post")} +
               data.config());
    EXPECT_EQ(discard.exitCode, 0) << discard.err.constData();
    const ProcessResult show =
        runCli(QStringList{QStringLiteral("queue"), QStringLiteral("show"), QString::number(data.jobId)} +
               data.config());
    EXPECT_TRUE(show.out.contains("sent by post")) << show.out.constData();
    const QByteArray audit = readFile(data.dir.filePath(QStringLiteral("data/audit.jsonl")));
    EXPECT_TRUE(audit.contains("discarded")) << audit.constData();

    const ProcessResult unknown = runCli(
        QStringList{QStringLiteral("queue"), QStringLiteral("show"), QStringLiteral("999")} + data.config());
    EXPECT_NE(unknown.exitCode, 0);
    EXPECT_TRUE(unknown.err.contains("999")) << unknown.err.constData();
}

TEST(QueueCli, SupportBundleRedactsNamesNumbersAndAmounts)
{
    AgentData data;
    for (const bool redact : {false, true}) {
        const QString zip =
            data.dir.filePath(redact ? QStringLiteral("redacted.zip") : QStringLiteral("plain.zip"));
        QStringList args{QStringLiteral("support-bundle"), QStringLiteral("--output"), zip};
        if (redact)
            args << QStringLiteral("--redact");
        const ProcessResult r = runCli(args + data.config());
        ASSERT_EQ(r.exitCode, 0) << r.err.constData();
        const QString out = data.dir.filePath(redact ? QStringLiteral("r") : QStringLiteral("p"));
        ASSERT_EQ(run(QStringLiteral("python3"),
                      {QStringLiteral("-m"), QStringLiteral("zipfile"), QStringLiteral("-e"), zip, out})
                      .exitCode,
                  0);
        const ProcessResult grep =
            run(QStringLiteral("grep"),
                {QStringLiteral("-rlE"), QStringLiteral("Kvarnbacken|Fjällström|37336|10457"), out});
        if (redact)
            EXPECT_NE(grep.exitCode, 0) << "found in: " << grep.out.constData();
        else
            EXPECT_EQ(grep.exitCode, 0) << "the plain bundle should carry the journal summary";
        EXPECT_TRUE(QFile::exists(out + QStringLiteral("/journal-summary.txt")));
    }
}
