// LogFile: the Qt message handler writing the agent's rotating log. Real files in a temporary
// folder; time from a ManualClock, so "a minute later" needs no sleep.
#include "logfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTemporaryFile>
#include <gtest/gtest.h>
#include <thread>
#include <unistd.h>

using namespace einvoice;

namespace {

Q_LOGGING_CATEGORY(lcTest, "einvoice.test")
Q_LOGGING_CATEGORY(lcQuiet, "einvoice.test.quiet")

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QList<QByteArray> linesOf(const QString &path)
{
    QList<QByteArray> lines = readAll(path).split('\n');
    if (!lines.isEmpty() && lines.last().isEmpty())
        lines.removeLast();
    return lines;
}

// Redirects file descriptor 2 into a temporary file for the lifetime of the object.
class StderrCapture
{
public:
    StderrCapture()
    {
        m_file.open();
        m_saved = ::dup(STDERR_FILENO);
        ::dup2(m_file.handle(), STDERR_FILENO);
    }
    ~StderrCapture() { restore(); }
    QByteArray text()
    {
        restore();
        return readAll(m_file.fileName());
    }

private:
    void restore()
    {
        if (m_saved >= 0) {
            ::dup2(m_saved, STDERR_FILENO);
            ::close(m_saved);
            m_saved = -1;
        }
    }
    QTemporaryFile m_file;
    int m_saved = -1;
};

LogFile::Options optionsFor(const QString &dir, const Clock *clock)
{
    LogFile::Options o;
    o.directory = dir;
    o.clock = clock;
    return o;
}

} // namespace

TEST(LogFile, WritesTimeLevelCategoryAndMessagePerLine)
{
    QTemporaryDir dir;
    ManualClock clock(QDateTime(QDate(2025, 1, 2), QTime(8, 30, 0, 123), Qt::UTC));
    LogFile::Options o = optionsFor(dir.path(), &clock);
    o.filterRules = QStringLiteral("einvoice.test.debug=true");
    LogFile log(o);
    log.install();
    EXPECT_TRUE(log.isInstalled());
    qCDebug(lcTest) << "debug text";
    qCInfo(lcTest, "job %d recorded", 42);
    clock.advanceMs(1);
    qCWarning(lcTest) << "two\nlines";
    qCCritical(lcTest) << "bad";
    log.uninstall();
    EXPECT_FALSE(log.isInstalled());
    qCWarning(lcTest) << "after uninstall, not in the file";

    EXPECT_EQ(log.filePath(), QDir(dir.path()).filePath(QStringLiteral("einvoice-agent.log")));
    const QByteArray text = readAll(log.filePath());
    EXPECT_EQ(text, QByteArray("2025-01-02T08:30:00.123Z debug einvoice.test: debug text\n"
                               "2025-01-02T08:30:00.123Z info einvoice.test: job 42 recorded\n"
                               "2025-01-02T08:30:00.124Z warning einvoice.test: two\n"
                               "    lines\n"
                               "2025-01-02T08:30:00.124Z critical einvoice.test: bad\n"));
    EXPECT_EQ(QFileInfo(log.filePath()).permissions() & (QFile::ReadOther | QFile::ReadGroup), 0)
        << "the log is private to its user";
}

TEST(LogFile, FilterRulesDecideWhatReachesTheFile)
{
    QTemporaryDir dir;
    ManualClock clock;
    LogFile::Options o = optionsFor(dir.path(), &clock);
    o.filterRules = QStringLiteral("einvoice.test.quiet.info=false\neinvoice.test.quiet.warning=true");
    LogFile log(o);
    log.install();
    qCInfo(lcQuiet) << "dropped by the rules";
    qCWarning(lcQuiet) << "kept";
    log.uninstall();
    QLoggingCategory::setFilterRules(QString());
    const QByteArray text = readAll(log.filePath());
    EXPECT_FALSE(text.contains("dropped by the rules")) << text.constData();
    EXPECT_TRUE(text.contains("warning einvoice.test.quiet: kept")) << text.constData();
}

TEST(LogFile, RotatesAtTheSizeLimitAndKeepsTheConfiguredNumber)
{
    QTemporaryDir dir;
    ManualClock clock;
    LogFile::Options o = optionsFor(dir.path(), &clock);
    o.maxBytes = 1000;
    o.keep = 3;
    LogFile log(o);
    for (int i = 0; i < 200; ++i)
        log.write(QtInfoMsg, "einvoice.test", QStringLiteral("message %1").arg(i, 4, 10, QLatin1Char('0')));

    const QString base = log.filePath();
    const QStringList files = log.files();
    ASSERT_EQ(files, (QStringList{base, base + ".1", base + ".2", base + ".3"}));
    EXPECT_FALSE(QFileInfo::exists(base + ".4"));
    for (const QString &f : files) {
        EXPECT_LE(QFileInfo(f).size(), 1000) << qPrintable(f);
        // Each rotated file was full: the next line (same length) would not have fitted.
        if (f != base) {
            EXPECT_GT(QFileInfo(f).size() + linesOf(base).first().size() + 1, 1000) << qPrintable(f);
        }
    }
    // Oldest to newest, the kept lines are the last ones written, contiguous and in order.
    QList<int> numbers;
    for (auto it = files.crbegin(); it != files.crend(); ++it)
        for (const QByteArray &line : linesOf(*it))
            numbers << line.mid(line.lastIndexOf(' ') + 1).toInt();
    ASSERT_FALSE(numbers.isEmpty());
    EXPECT_EQ(numbers.last(), 199);
    for (int i = 1; i < numbers.size(); ++i)
        ASSERT_EQ(numbers[i], numbers[i - 1] + 1);
    EXPECT_EQ(LogFile::existingFiles(dir.path()), files);
}

TEST(LogFile, NoLineLostAcrossRotationUnderFourThreads)
{
    QTemporaryDir dir;
    LogFile::Options o = optionsFor(dir.path(), nullptr); // the real clock: threads share it
    o.maxBytes = 8 * 1024;
    o.keep = 1000; // large enough that rotation drops nothing
    LogFile log(o);
    log.install();
    constexpr int kThreads = 4;
    constexpr int kPerThread = 3000;
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t)
        threads.emplace_back([t] {
            for (int i = 0; i < kPerThread; ++i)
                qCInfo(lcTest, "thread %d line %d", t, i);
        });
    for (std::thread &th : threads)
        th.join();
    log.uninstall();

    const QStringList files = log.files();
    EXPECT_GT(files.size(), 20) << "rotation happened many times";
    QList<int> next(kThreads, 0);
    int total = 0;
    static const QRegularExpression shape(
        QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z info einvoice\\.test: thread "
                       "(\\d) line (\\d+)$"));
    for (auto it = files.crbegin(); it != files.crend(); ++it) {
        EXPECT_LE(QFileInfo(*it).size(), o.maxBytes) << qPrintable(*it);
        for (const QByteArray &line : linesOf(*it)) {
            const QRegularExpressionMatch m = shape.match(QString::fromUtf8(line));
            ASSERT_TRUE(m.hasMatch()) << "torn or interleaved line: " << line.constData();
            const int t = m.captured(1).toInt();
            // Every thread's lines appear exactly once and in the order it wrote them.
            ASSERT_EQ(m.captured(2).toInt(), next[t]) << "thread " << t;
            ++next[t];
            ++total;
        }
    }
    EXPECT_EQ(total, kThreads * kPerThread);
}

TEST(LogFile, SecretsNeverReachTheFile)
{
    QTemporaryDir dir;
    ManualClock clock;
    LogFile log(optionsFor(dir.path(), &clock));
    log.install();
    qCInfo(lcTest)
        << "request header Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl";
    qCInfo(lcTest).noquote() << "GET https://portal.example/api/v1/inbox?cursor=17&token=s3cr3tQuery&limit=5";
    qCInfo(lcTest).noquote() << "body {\"access_token\": \"tok-ABC-123\", \"expires_in\": 3600}";
    qCInfo(lcTest).noquote() << "sftp login password=hunter2 user=acme";
    qCInfo(lcTest).noquote() << "proxy Authorization: Basic dXNlcjpwYXNzd29yZA==";
    log.uninstall();

    const QByteArray text = readAll(log.filePath());
    for (const char *secret : {"eyJhbGciOiJIUzI1NiJ9", "c2lnbmF0dXJl", "s3cr3tQuery", "tok-ABC-123",
                               "hunter2", "dXNlcjpwYXNzd29yZA"})
        EXPECT_FALSE(text.contains(secret)) << secret << " leaked:\n" << text.constData();
    // What is not secret stays readable.
    EXPECT_TRUE(text.contains("Bearer [redacted]")) << text.constData();
    EXPECT_TRUE(text.contains("cursor=17&token=[redacted]&limit=5")) << text.constData();
    EXPECT_TRUE(text.contains("\"expires_in\": 3600")) << text.constData();
    EXPECT_TRUE(text.contains("user=acme")) << text.constData();
    EXPECT_EQ(linesOf(log.filePath()).size(), 5);

    EXPECT_EQ(LogFile::redact(QStringLiteral("nothing secret: total=12.50")),
              QStringLiteral("nothing secret: total=12.50"));
    EXPECT_EQ(LogFile::redact(QStringLiteral("bearer abc.def")), QStringLiteral("bearer [redacted]"));
}

TEST(LogFile, UnwritableFolderFallsBackToStderrAndSaysSoOnce)
{
    QTemporaryDir dir;
    ManualClock clock;
    // A regular file where the log folder should be: fails even for root.
    const QString blocker = dir.filePath(QStringLiteral("logs"));
    {
        QFile f(blocker);
        ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    }
    StderrCapture capture;
    LogFile log(optionsFor(blocker, &clock));
    EXPECT_TRUE(log.isFallingBack());
    log.write(QtWarningMsg, "einvoice.test", QStringLiteral("first"));
    log.write(QtInfoMsg, "einvoice.test", QStringLiteral("second"));
    log.write(QtInfoMsg, "einvoice.test", QStringLiteral("third"));

    // The folder becomes usable; within the retry delay nothing changes, after it the file is used.
    ASSERT_TRUE(QFile::remove(blocker));
    ASSERT_TRUE(QDir().mkpath(blocker));
    clock.advanceSecs(30);
    log.write(QtInfoMsg, "einvoice.test", QStringLiteral("fourth"));
    EXPECT_TRUE(log.isFallingBack());
    clock.advanceSecs(31);
    log.write(QtInfoMsg, "einvoice.test", QStringLiteral("fifth"));
    EXPECT_FALSE(log.isFallingBack());
    const QByteArray err = capture.text();

    EXPECT_EQ(err.count("cannot write the log file"), 1) << err.constData();
    EXPECT_TRUE(err.contains(blocker.toUtf8())) << err.constData();
    for (const char *m : {"first", "second", "third", "fourth"})
        EXPECT_TRUE(err.contains(QByteArray("einvoice.test: ") + m)) << m << "\n" << err.constData();
    EXPECT_FALSE(err.contains("fifth"));
    const QByteArray text = readAll(log.filePath());
    EXPECT_TRUE(text.contains("4 earlier line(s) went to standard error")) << text.constData();
    EXPECT_TRUE(text.contains("info einvoice.test: fifth")) << text.constData();
}

TEST(LogFile, ForwardsToStderrWhenAsked)
{
    QTemporaryDir dir;
    ManualClock clock;
    LogFile::Options o = optionsFor(dir.path(), &clock);
    o.alsoStderr = true;
    StderrCapture capture;
    qunsetenv("JOURNAL_STREAM");
    LogFile log(o);
    log.write(QtWarningMsg, "einvoice.test", QStringLiteral("to both, token=abc"));
    const QByteArray err = capture.text();
    const QByteArray expected = "2025-01-01T00:00:00.000Z warning einvoice.test: to both, token=[redacted]\n";
    EXPECT_EQ(err, expected);
    EXPECT_EQ(readAll(log.filePath()), expected);
}

TEST(LogFile, ARemovedLogFileIsCreatedAgain)
{
    QTemporaryDir dir;
    ManualClock clock;
    LogFile log(optionsFor(dir.path() + QStringLiteral("/sub"), &clock));
    log.write(QtInfoMsg, "einvoice.test", QStringLiteral("before"));
    ASSERT_TRUE(QDir(dir.path() + QStringLiteral("/sub")).removeRecursively());
    clock.advanceSecs(11);
    log.write(QtInfoMsg, "einvoice.test", QStringLiteral("after"));
    const QByteArray text = readAll(log.filePath());
    EXPECT_TRUE(text.contains("einvoice.test: after")) << text.constData();
    EXPECT_FALSE(text.contains("before"));
}
