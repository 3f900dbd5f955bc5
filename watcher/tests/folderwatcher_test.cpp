// The folder watcher on real folders with real inotify events. Waiting is always for a signal,
// bounded by a timeout; nothing sleeps for a fixed time. Tests that must show something does NOT
// happen use a ManualClock and drive rescanNow() themselves, or wait for rescans to pass.
#include "clock.h"
#include "folderwatcher.h"
#include "watchertestutil.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimer>
#include <gtest/gtest.h>

using namespace einvoice;
using einvoice::test::waitForCount;
using einvoice::test::writeFile;

namespace {

FolderWatcher::Options fast()
{
    FolderWatcher::Options o;
    o.profileId = QStringLiteral("acme");
    o.settle.stableProbes = 3;
    o.settle.probeIntervalMs = 60;
    o.rescanMs = 200;
    o.pollMs = 100;
    o.selfTestTimeoutMs = 3000;
    return o;
}

/// Lets @p rounds more rescans of @p w happen (each bounded), so late duplicates would show.
void letRescansPass(FolderWatcher &w, int rounds)
{
    QSignalSpy scanned(&w, &FolderWatcher::scanned);
    EXPECT_TRUE(waitForCount(scanned, rounds, 5000));
}

} // namespace

TEST(FolderWatcher, SelfTestPassesOnLocalDiskAndCleansUp)
{
    QTemporaryDir dir;
    SystemClock clock;
    FolderWatcher w(dir.path(), fast(), clock);
    QSignalSpy degraded(&w, &FolderWatcher::degraded);
    QSignalSpy scanned(&w, &FolderWatcher::scanned);
    w.start();
    // The probe file's event triggers a rescan, after which the probe file is gone.
    ASSERT_TRUE(waitForCount(scanned, 2));
    EXPECT_TRUE(QDir(dir.path()).entryList(QDir::Hidden | QDir::Files).isEmpty()) << "probe file left behind";
    EXPECT_FALSE(w.isPolling());
    EXPECT_TRUE(w.degradedReason().isEmpty());
    EXPECT_EQ(degraded.count(), 0);
}

TEST(FolderWatcher, SlowWriterIsReportedOnceWhenComplete)
{
    QTemporaryDir dir;
    SystemClock clock;
    auto options = fast();
    options.settle.probeIntervalMs = 250; // settle window 500 ms: ten times the writer's pauses
    FolderWatcher w(dir.path(), options, clock);
    QSignalSpy ready(&w, &FolderWatcher::fileReady);
    w.start();
    const QString path = dir.filePath(QStringLiteral("slow.pdf"));
    int pieces = 0;
    QTimer writer;
    // Each piece opens, appends and closes (as scanners that reopen per page): only the stable
    // window protects against taking it early, not the open-for-writing check.
    QObject::connect(&writer, &QTimer::timeout, [&] {
        test::appendFile(path, QByteArray(1000, 'x'));
        if (++pieces == 20)
            writer.stop();
    });
    writer.start(50); // 20 pieces over about a second
    ASSERT_TRUE(waitForCount(ready, 1));
    EXPECT_EQ(pieces, 20) << "reported before the writer finished";
    EXPECT_EQ(ready.at(0).at(0).toString(), path);
    EXPECT_EQ(QFileInfo(path).size(), 20000);
    EXPECT_EQ(ready.at(0).at(1).toString(), QStringLiteral("acme"));
    letRescansPass(w, 4);
    EXPECT_EQ(ready.count(), 1);
}

TEST(FolderWatcher, WriterHoldingTheFileOpenIsWaitedFor)
{
    QTemporaryDir dir;
    SystemClock clock;
    FolderWatcher w(dir.path(), fast(), clock);
    QSignalSpy ready(&w, &FolderWatcher::fileReady);
    w.start();
    QFile file(dir.filePath(QStringLiteral("held.pdf")));
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    file.write("%PDF-1.4 first page");
    file.flush();
    letRescansPass(w, 4); // far longer than the 120 ms settle window
    EXPECT_EQ(ready.count(), 0) << "taken while still open for writing";
    file.close();
    ASSERT_TRUE(waitForCount(ready, 1));
    letRescansPass(w, 2);
    EXPECT_EQ(ready.count(), 1);
}

TEST(FolderWatcher, RenamedIntoPlaceIsReportedOnce)
{
    QTemporaryDir dir;
    SystemClock clock;
    FolderWatcher w(dir.path(), fast(), clock);
    QSignalSpy ready(&w, &FolderWatcher::fileReady);
    w.start();
    writeFile(dir.filePath(QStringLiteral("x.pdf.part")), "%PDF-1.4");
    writeFile(dir.filePath(QStringLiteral("~$x.pdf")), "owner");
    writeFile(dir.filePath(QStringLiteral("x.pdf.crdownload")), "%PDF");
    letRescansPass(w, 3);
    EXPECT_EQ(ready.count(), 0);
    ASSERT_TRUE(
        QFile::rename(dir.filePath(QStringLiteral("x.pdf.part")), dir.filePath(QStringLiteral("x.pdf"))));
    ASSERT_TRUE(waitForCount(ready, 1));
    EXPECT_EQ(ready.at(0).at(0).toString(), dir.filePath(QStringLiteral("x.pdf")));
    letRescansPass(w, 3);
    EXPECT_EQ(ready.count(), 1);
}

TEST(FolderWatcher, TwoHundredFilesAtOnceEachReportedOnce)
{
    QTemporaryDir dir;
    SystemClock clock;
    FolderWatcher w(dir.path(), fast(), clock);
    QSignalSpy ready(&w, &FolderWatcher::fileReady);
    w.start();
    for (int i = 0; i < 200; ++i)
        writeFile(dir.filePath(QStringLiteral("invoice-%1.pdf").arg(i)), "%PDF-1.4 " + QByteArray::number(i));
    ASSERT_TRUE(waitForCount(ready, 200, 20000)) << ready.count();
    letRescansPass(w, 3);
    EXPECT_EQ(ready.count(), 200);
    QSet<QString> unique;
    for (const auto &args : ready)
        unique.insert(args.at(0).toString());
    EXPECT_EQ(unique.size(), 200);
    EXPECT_EQ(w.pendingCount(), 0);
}

TEST(FolderWatcher, DeletedBeforeSettlingIsNeverReported)
{
    QTemporaryDir dir;
    ManualClock clock; // time moves only here, so the file cannot settle behind the test's back
    FolderWatcher w(dir.path(), fast(), clock);
    QSignalSpy ready(&w, &FolderWatcher::fileReady);
    w.start();
    const QString path = writeFile(dir.filePath(QStringLiteral("brief.pdf")), "%PDF");
    w.rescanNow();
    EXPECT_EQ(w.pendingCount(), 1);
    clock.advanceMs(60);
    w.rescanNow(); // 2 of 3 stable observations
    QFile::remove(path);
    for (int i = 0; i < 10; ++i) {
        clock.advanceMs(60);
        w.rescanNow();
    }
    EXPECT_EQ(ready.count(), 0);
    EXPECT_EQ(w.pendingCount(), 0);
    // The same name written again later is a new document, reported once settled.
    writeFile(path, "%PDF again");
    for (int i = 0; i < 3; ++i) {
        w.rescanNow();
        clock.advanceMs(60);
    }
    w.rescanNow();
    EXPECT_EQ(ready.count(), 1);
}

TEST(FolderWatcher, NewVersionOfAReportedFileIsReportedAgain)
{
    QTemporaryDir dir;
    ManualClock clock;
    FolderWatcher w(dir.path(), fast(), clock);
    QSignalSpy ready(&w, &FolderWatcher::fileReady);
    w.start();
    const QString path = writeFile(dir.filePath(QStringLiteral("v.xml")), "<Invoice/>");
    const auto settle = [&] {
        for (int i = 0; i < 4; ++i) {
            w.rescanNow();
            clock.advanceMs(60);
        }
    };
    settle();
    EXPECT_EQ(ready.count(), 1);
    settle();
    EXPECT_EQ(ready.count(), 1) << "the same version twice";
    writeFile(dir.filePath(QStringLiteral("v.tmp")), "<Invoice>2</Invoice>");
    ASSERT_TRUE(QFile::remove(path));
    ASSERT_TRUE(QFile::rename(dir.filePath(QStringLiteral("v.tmp")), path));
    settle();
    EXPECT_EQ(ready.count(), 2);
}

TEST(FolderWatcher, FolderThatDisappearsAndComesBack)
{
    QTemporaryDir base;
    const QString folder = base.filePath(QStringLiteral("export"));
    ASSERT_TRUE(QDir().mkpath(folder));
    SystemClock clock;
    FolderWatcher w(folder, fast(), clock);
    QSignalSpy ready(&w, &FolderWatcher::fileReady);
    QSignalSpy missing(&w, &FolderWatcher::folderMissing);
    QSignalSpy back(&w, &FolderWatcher::folderBack);
    w.start();
    ASSERT_TRUE(QDir(folder).removeRecursively());
    ASSERT_TRUE(waitForCount(missing, 1));
    EXPECT_TRUE(w.isMissing());
    EXPECT_TRUE(missing.at(0).at(0).toString().contains(folder));
    ASSERT_TRUE(QDir().mkpath(folder));
    ASSERT_TRUE(waitForCount(back, 1));
    writeFile(folder + QStringLiteral("/after.pdf"), "%PDF");
    ASSERT_TRUE(waitForCount(ready, 1));
    EXPECT_EQ(ready.at(0).at(0).toString(), folder + QStringLiteral("/after.pdf"));
    EXPECT_FALSE(w.isPolling()) << "events work again after the folder came back";
    letRescansPass(w, 2);
    EXPECT_EQ(ready.count(), 1);
}

TEST(FolderWatcher, FolderWhoseParentIsMissingTooIsFoundByPolling)
{
    // The printer spool /var/spool/einvoice/<uid> may not exist yet when the agent starts, and
    // neither may its parent: no inotify watch can tell when it appears, so the watcher polls.
    QTemporaryDir base;
    const QString folder = base.filePath(QStringLiteral("spool/1000"));
    SystemClock clock;
    auto options = fast();
    options.rescanMs = 600000; // the safety-net rescan must not be what finds it
    FolderWatcher w(folder, options, clock);
    QSignalSpy ready(&w, &FolderWatcher::fileReady);
    QSignalSpy back(&w, &FolderWatcher::folderBack);
    w.start();
    EXPECT_TRUE(w.isMissing());
    ASSERT_TRUE(QDir().mkpath(folder));
    ASSERT_TRUE(waitForCount(back, 1));
    EXPECT_FALSE(w.isMissing());
    writeFile(folder + QStringLiteral("/printed.pdf"), "%PDF");
    ASSERT_TRUE(waitForCount(ready, 1)) << "events work in the folder once it exists";
    EXPECT_EQ(ready.at(0).at(0).toString(), folder + QStringLiteral("/printed.pdf"));
    EXPECT_FALSE(w.isPolling());
}

TEST(FolderWatcher, ForcedPollingIsReportedAndFindsNfdNames)
{
    QTemporaryDir dir;
    SystemClock clock;
    auto options = fast();
    options.forcePolling = true;
    FolderWatcher w(dir.path(), options, clock);
    QSignalSpy degraded(&w, &FolderWatcher::degraded);
    QSignalSpy ready(&w, &FolderWatcher::fileReady);
    w.start();
    EXPECT_TRUE(w.isPolling());
    ASSERT_EQ(degraded.count(), 1);
    EXPECT_TRUE(degraded.at(0).at(0).toString().contains(dir.path()));
    EXPECT_EQ(w.degradedReason(), degraded.at(0).at(0).toString());
    const QString nfd = QStringLiteral("Räkning Å 7.PDF").normalized(QString::NormalizationForm_D);
    writeFile(dir.filePath(nfd), "%PDF");
    ASSERT_TRUE(waitForCount(ready, 1));
    EXPECT_EQ(ready.at(0).at(0).toString(), dir.filePath(nfd))
        << "the name is kept as the file system has it";
    EXPECT_TRUE(QFile::exists(ready.at(0).at(0).toString()));
}
