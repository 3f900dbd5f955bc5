// AuditLog: the append-only, hash-chained record of every state change. Real files; time from
// a ManualClock.
#include "auditlog.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <gtest/gtest.h>
#include <thread>

using namespace einvoice;

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeAll(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    ASSERT_EQ(f.write(bytes), bytes.size());
}

QList<QByteArray> linesOf(const QString &path)
{
    QList<QByteArray> lines = readAll(path).split('\n');
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    return lines;
}

Job jobAt(qint64 id, JobState state, const QString &remoteId = {})
{
    Job j;
    j.id = id;
    j.contentHash = QString(64, QLatin1Char('a' + int(id % 6)));
    j.senderProfile = QStringLiteral("acme-gmbh");
    j.state = state;
    j.remoteId = remoteId;
    return j;
}

// Writes the usual life of one job: captured ... sent, five records.
void writeLifecycle(AuditLog &log, qint64 id)
{
    ASSERT_EQ(log.appendTransition(jobAt(id, JobState::Captured), std::nullopt, QStringLiteral("captured")),
              "");
    ASSERT_EQ(log.appendTransition(jobAt(id, JobState::Read), JobState::Captured, QStringLiteral("read")),
              "");
    ASSERT_EQ(log.appendTransition(jobAt(id, JobState::Ready), JobState::Read, QStringLiteral("ready")), "");
    ASSERT_EQ(log.appendTransition(jobAt(id, JobState::Approved), JobState::Ready, QStringLiteral("ok")), "");
    ASSERT_EQ(log.appendTransition(jobAt(id, JobState::Sent, QStringLiteral("R-77")), JobState::Approved,
                                   QStringLiteral("portal accepted \"it\"\nsecond line")),
              "");
}

bool hasIssueAt(const AuditVerification &v, const QString &file, int line, const QString &containing = {})
{
    for (const AuditIssue &issue : v.issues)
        if (issue.file == file && issue.line == line && issue.problem.contains(containing))
            return true;
    return false;
}

} // namespace

TEST(AuditLog, OneJsonObjectPerLineChainedBySha256)
{
    QTemporaryDir dir;
    ManualClock clock(QDateTime(QDate(2025, 5, 6), QTime(7, 8, 9, 10), Qt::UTC));
    AuditLog log;
    ASSERT_EQ(log.open(dir.path(), &clock), "");
    writeLifecycle(log, 12);

    const QList<QByteArray> lines = linesOf(log.filePath());
    ASSERT_EQ(lines.size(), 5);
    EXPECT_EQ(lines[0],
              QByteArray("{\"seq\":1,\"time\":\"2025-05-06T07:08:09.010Z\",\"job\":12,\"hash\":\"") +
                  QByteArray(64, 'a') +
                  "\",\"profile\":\"acme-gmbh\",\"from\":\"\",\"to\":\"captured\",\"remote_id\":\"\","
                  "\"message\":\"captured\",\"prev\":\"" +
                  QByteArray(64, '0') + "\"}");
    for (int i = 0; i < lines.size(); ++i) {
        QString error;
        const std::optional<AuditRecord> r = AuditLog::parseLine(lines[i], &error);
        ASSERT_TRUE(r) << qPrintable(error);
        EXPECT_EQ(r->sequence, i + 1);
        EXPECT_EQ(r->jobId, 12);
        if (i > 0) {
            EXPECT_EQ(r->previousHash, AuditLog::sha256Hex(lines[i - 1]));
        }
    }
    const std::optional<AuditRecord> last = AuditLog::parseLine(lines[4]);
    ASSERT_TRUE(last);
    EXPECT_EQ(last->fromState, QStringLiteral("approved"));
    EXPECT_EQ(last->toState, QStringLiteral("sent"));
    EXPECT_EQ(last->remoteId, QStringLiteral("R-77"));
    EXPECT_EQ(last->message, QStringLiteral("portal accepted \"it\"\nsecond line"));

    const AuditVerification v = AuditLog::verify(dir.path());
    EXPECT_TRUE(v.ok()) << qPrintable(v.report());
    EXPECT_EQ(v.records, 5);
    EXPECT_EQ(v.files, 1);
    EXPECT_EQ(QFileInfo(log.filePath()).permissions() & (QFile::ReadOther | QFile::ReadGroup), 0);
}

TEST(AuditLog, VerifyCatchesAnEditedLine)
{
    QTemporaryDir dir;
    ManualClock clock;
    AuditLog log;
    ASSERT_EQ(log.open(dir.path(), &clock), "");
    writeLifecycle(log, 3);
    log.close();
    const QString path = dir.filePath(QStringLiteral("audit.jsonl"));
    const QByteArray original = readAll(path);

    // Line 3 says "ready"; someone changes it to "needs_review". It stays valid JSON.
    QByteArray edited = original;
    edited.replace("\"to\":\"ready\"", "\"to\":\"needs_review\"");
    ASSERT_NE(edited, original);
    writeAll(path, edited);
    AuditVerification v = AuditLog::verify(dir.path());
    EXPECT_FALSE(v.ok());
    ASSERT_EQ(v.issues.size(), 1) << qPrintable(v.report());
    EXPECT_TRUE(hasIssueAt(v, path, 4, path + QStringLiteral(":3"))) << qPrintable(v.report());

    // A line removed: the chain and the sequence both break at the line after the gap.
    QList<QByteArray> lines = original.split('\n');
    lines.removeAt(1);
    writeAll(path, lines.join('\n'));
    v = AuditLog::verify(dir.path());
    EXPECT_TRUE(hasIssueAt(v, path, 2, QStringLiteral("chain"))) << qPrintable(v.report());
    EXPECT_TRUE(hasIssueAt(v, path, 2, QStringLiteral("sequence number 3 where 2")))
        << qPrintable(v.report());

    // A malformed line is reported by its number.
    lines = original.split('\n');
    lines[1] = "this is not json";
    writeAll(path, lines.join('\n'));
    v = AuditLog::verify(dir.path());
    EXPECT_TRUE(hasIssueAt(v, path, 2, QStringLiteral("not JSON"))) << qPrintable(v.report());
    EXPECT_EQ(v.records, 4);

    // The untouched file verifies again.
    writeAll(path, original);
    EXPECT_TRUE(AuditLog::verify(dir.path()).ok());
}

TEST(AuditLog, ReopeningContinuesTheChain)
{
    QTemporaryDir dir;
    ManualClock clock;
    {
        AuditLog log;
        ASSERT_EQ(log.open(dir.path(), &clock), "");
        writeLifecycle(log, 1);
    }
    AuditLog log;
    ASSERT_EQ(log.open(dir.path(), &clock), "");
    writeLifecycle(log, 2);
    const AuditVerification v = AuditLog::verify(dir.path());
    EXPECT_TRUE(v.ok()) << qPrintable(v.report());
    EXPECT_EQ(v.records, 10);
    const std::optional<AuditRecord> last = AuditLog::parseLine(linesOf(log.filePath()).last());
    ASSERT_TRUE(last);
    EXPECT_EQ(last->sequence, 10);
}

TEST(AuditLog, ALineTornByACrashIsClosedKeptAndReported)
{
    QTemporaryDir dir;
    ManualClock clock;
    const QString path = dir.filePath(QStringLiteral("audit.jsonl"));
    {
        AuditLog log;
        ASSERT_EQ(log.open(dir.path(), &clock), "");
        ASSERT_EQ(log.appendTransition(jobAt(1, JobState::Captured), std::nullopt, "a"), "");
        ASSERT_EQ(log.appendTransition(jobAt(1, JobState::Read), JobState::Captured, "b"), "");
    }
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::Append));
    f.write("{\"seq\":3,\"time\":\"2025-01");
    f.close();
    const QByteArray before = readAll(path);

    AuditLog log;
    ASSERT_EQ(log.open(dir.path(), &clock), "");
    ASSERT_EQ(log.appendTransition(jobAt(1, JobState::Ready), JobState::Read, "c"), "");
    const QByteArray after = readAll(path);
    EXPECT_TRUE(after.startsWith(before)) << "nothing before was rewritten";
    const QList<QByteArray> lines = linesOf(path);
    ASSERT_EQ(lines.size(), 4);
    const std::optional<AuditRecord> r = AuditLog::parseLine(lines[3]);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->sequence, 3);
    EXPECT_EQ(r->previousHash, AuditLog::sha256Hex(lines[2]));

    const AuditVerification v = AuditLog::verify(dir.path());
    ASSERT_EQ(v.issues.size(), 1) << qPrintable(v.report());
    EXPECT_TRUE(hasIssueAt(v, path, 3)) << qPrintable(v.report());
    EXPECT_EQ(v.records, 3);
}

TEST(AuditLog, RotatesByMonthKeepingOlderFilesAndTheChain)
{
    QTemporaryDir dir;
    ManualClock clock(QDateTime(QDate(2025, 1, 31), QTime(23, 59, 59), Qt::UTC));
    AuditLog log;
    ASSERT_EQ(log.open(dir.path(), &clock), "");
    ASSERT_EQ(log.appendTransition(jobAt(1, JobState::Captured), std::nullopt, "jan 1"), "");
    ASSERT_EQ(log.append(AuditRecord{0, {}, 1, {}, {}, "captured", "read", {}, "jan 2", {}}), "");
    clock.advanceSecs(2); // 2025-02-01T00:00:01Z
    ASSERT_EQ(log.append(AuditRecord{0, {}, 1, {}, {}, "read", "ready", {}, "feb 1", {}}), "");
    // A clock stepping back over the boundary does not split the file again.
    clock.advanceSecs(-10);
    ASSERT_EQ(log.append(AuditRecord{0, {}, 1, {}, {}, "ready", "approved", {}, "jan again", {}}), "");
    clock.setNow(QDateTime(QDate(2025, 3, 2), QTime(10, 0), Qt::UTC));
    ASSERT_EQ(log.append(AuditRecord{0, {}, 1, {}, {}, "approved", "sending", {}, "march", {}}), "");

    const QString jan = dir.filePath(QStringLiteral("audit-2025-01.jsonl"));
    const QString feb = dir.filePath(QStringLiteral("audit-2025-02.jsonl"));
    const QString active = dir.filePath(QStringLiteral("audit.jsonl"));
    EXPECT_EQ(AuditLog::files(dir.path()), (QStringList{jan, feb, active}));
    EXPECT_EQ(linesOf(jan).size(), 2);
    EXPECT_EQ(linesOf(feb).size(), 2);
    EXPECT_EQ(linesOf(active).size(), 1);
    AuditVerification v = AuditLog::verify(dir.path());
    EXPECT_TRUE(v.ok()) << qPrintable(v.report());
    EXPECT_EQ(v.records, 5);
    EXPECT_EQ(v.files, 3);

    // Removing a whole month is found at the first record after it.
    ASSERT_TRUE(QFile::rename(jan, dir.filePath(QStringLiteral("moved-away.jsonl"))));
    v = AuditLog::verify(dir.path());
    EXPECT_TRUE(hasIssueAt(v, feb, 1, QStringLiteral("earlier records are missing")))
        << qPrintable(v.report());
}

TEST(AuditLog, ConcurrentAppendsFromFourThreadsKeepTheChain)
{
    QTemporaryDir dir;
    ManualClock clock;
    AuditLog log;
    ASSERT_EQ(log.open(dir.path(), &clock), "");
    std::vector<std::thread> threads;
    std::atomic<int> failures{0};
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&, t] {
            for (int i = 0; i < 100; ++i)
                if (!log.appendTransition(jobAt(t * 1000 + i, JobState::Captured), std::nullopt, "x")
                         .isEmpty())
                    ++failures;
        });
    for (std::thread &th : threads)
        th.join();
    EXPECT_EQ(failures.load(), 0);
    const AuditVerification v = AuditLog::verify(dir.path());
    EXPECT_TRUE(v.ok()) << qPrintable(v.report());
    EXPECT_EQ(v.records, 400);
}

TEST(AuditLog, TwoWritersOnOneFolderShareOneChain)
{
    // Two instances stand for two processes (the daemon and the CLI): each sees the other's records.
    QTemporaryDir dir;
    ManualClock clock;
    AuditLog daemon, cli;
    ASSERT_EQ(daemon.open(dir.path(), &clock), "");
    ASSERT_EQ(cli.open(dir.path(), &clock), "");
    for (int i = 0; i < 10; ++i) {
        ASSERT_EQ(daemon.appendTransition(jobAt(i, JobState::Captured), std::nullopt, "d"), "");
        ASSERT_EQ(cli.appendTransition(jobAt(i, JobState::Discarded), JobState::Captured, "c"), "");
    }
    const AuditVerification v = AuditLog::verify(dir.path());
    EXPECT_TRUE(v.ok()) << qPrintable(v.report());
    EXPECT_EQ(v.records, 20);
}

TEST(AuditLog, UnusableFolderIsReportedByName)
{
    QTemporaryDir dir;
    const QString blocker = dir.filePath(QStringLiteral("data"));
    {
        QFile f(blocker);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    }
    AuditLog log;
    const QString error = log.open(blocker + QStringLiteral("/audit"));
    EXPECT_TRUE(error.contains(blocker)) << qPrintable(error);
    EXPECT_FALSE(log.isOpen());
    EXPECT_FALSE(log.append(AuditRecord{}).isEmpty());
}

TEST(AuditLog, BatchedSyncStillWritesEveryRecordAtOnce)
{
    // With fsync every 8 records, each record is still written (visible to readers, kept when the
    // process dies) when append() returns; only the disk flush is shared.
    QTemporaryDir dir;
    ManualClock clock;
    AuditLog log;
    ASSERT_EQ(log.open(dir.path(), &clock), "");
    log.setSyncEvery(8);
    for (int i = 1; i <= 20; ++i) {
        ASSERT_EQ(log.appendTransition(jobAt(i, JobState::Captured), std::nullopt, "x"), "");
        ASSERT_EQ(linesOf(log.filePath()).size(), i);
    }
    EXPECT_EQ(log.flush(), "");
    const AuditVerification v = AuditLog::verify(dir.path());
    EXPECT_TRUE(v.ok()) << qPrintable(v.report());
    EXPECT_EQ(v.records, 20);
}
