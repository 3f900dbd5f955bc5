// The folder watcher on real folders with real inotify events. Waiting is always for a signal,
// bounded by a timeout; nothing sleeps for a fixed time.
#include "folderwatcher.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimer>
#include <gtest/gtest.h>

using namespace einvoice;

namespace {

FolderWatcher::Options fast()
{
    FolderWatcher::Options o;
    o.profileId = QStringLiteral("acme");
    o.settle.stableProbes = 3;
    o.settle.probeIntervalMs = 60;
    o.rescanMs = 250;
    o.pollMs = 100;
    o.selfTestTimeoutMs = 3000;
    return o;
}

void writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::WriteOnly));
    f.write(data);
}

// Waits until @p spy has @p n signals (bounded).
bool waitFor(QSignalSpy &spy, int n, int timeoutMs = 10000)
{
    QElapsedTimer t;
    t.start();
    while (spy.count() < n && t.elapsed() < timeoutMs)
        spy.wait(std::max<int>(1, timeoutMs - int(t.elapsed())));
    return spy.count() >= n;
}

// Lets the watcher run a few rescans and probes; used to show something does NOT happen.
void runRescans(FolderWatcher &w, int rounds)
{
    for (int i = 0; i < rounds; ++i) {
        QSignalSpy tick(&w, &FolderWatcher::fileReady);
        tick.wait(100);
        w.rescanNow();
    }
}

} // namespace

TEST(FolderWatcher, SelfTestPassesOnLocalDisk)
{
    QTemporaryDir dir;
    FolderWatcher w(dir.path(), fast());
    QSignalSpy degraded(&w, &FolderWatcher::degraded);
    w.start();
    // The probe file's event arrives through the event loop; the watcher then removes it.
    QElapsedTimer t;
    t.start();
    while (QDir(dir.path()).entryList(QDir::Hidden | QDir::Files).size() > 0 && t.elapsed() < 5000)
        QSignalSpy(&w, &FolderWatcher::fileReady).wait(50);
    EXPECT_TRUE(QDir(dir.path()).entryList(QDir::Hidden | QDir::Files).isEmpty()) << "probe file left behind";
    EXPECT_FALSE(w.isPolling());
    EXPECT_EQ(degraded.count(), 0);
}

TEST(FolderWatcher, SlowWriterIsReportedOnceWhenComplete)
{
    QTemporaryDir dir;
    auto options = fast();
    options.settle.probeIntervalMs = 250; // settle window 500 ms: ten times the writer's pauses
    FolderWatcher w(dir.path(), options);
    QSignalSpy ready(&w, &FolderWatcher::fileReady);
    w.start();
    const QString path = dir.filePath(QStringLiteral("slow.pdf"));
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly));
    int pieces = 0;
    QTimer writer;
    QObject::connect(&writer, &QTimer::timeout, [&] {
        file.write(QByteArray(1000, 'x'));
        file.flush();
        if (++pieces == 12) {
            writer.stop();
            file.close();
        }
    });
    writer.start(50); // pauses far shorter than the settle window
    ASSERT_TRUE(waitFor(ready, 1));
    EXPECT_EQ(pieces, 12) << "reported before the writer finished";
    EXPECT_EQ(QFileInfo(ready.at(0).at(0).toString()).size(), 12000);
    EXPECT_EQ(ready.at(0).at(1).toString(), QStringLiteral("acme"));
    runRescans(w, 5);
    EXPECT_EQ(ready.count(), 1);
}

TEST(FolderWatcher, RenamedIntoPlaceAndTemporaryNames)
{
    QTemporaryDir dir;
    FolderWatcher w(dir.path(), fast());
    QSignalSpy ready(&w, &FolderWatcher::fileReady);
    w.start();
    writeFile(dir.filePath(QStringLiteral("x.pdf.part")), "%PDF-1.4");
    writeFile(dir.filePath(QStringLiteral("~$lock.pdf")), "owner");
    runRescans(w, 4);
    EXPECT_EQ(ready.count(), 0);
    ASSERT_TRUE(
        QFile::rename(dir.filePath(QStringLiteral("x.pdf.part")), dir.filePath(QStringLiteral("x.pdf"))));
    ASSERT_TRUE(waitFor(ready, 1));
    EXPECT_TRUE(ready.at(0).at(0).toString().endsWith(QStringLiteral("/x.pdf")));
    runRescans(w, 4);
    EXPECT_EQ(ready.count(), 1);
}

TEST(FolderWatcher, ManyFilesAtOnceEachReportedOnce)
{
    QTemporaryDir dir;
    FolderWatcher w(dir.path(), fast());
    QSignalSpy ready(&w, &FolderWatcher::fileReady);
    w.start();
    for (int i = 0; i < 300; ++i)
        writeFile(dir.filePath(QStringLiteral("invoice-%1.pdf").arg(i)), "%PDF-1.4 " + QByteArray::number(i));
    ASSERT_TRUE(waitFor(ready, 300, 20000));
    runRescans(w, 3);
    EXPECT_EQ(ready.count(), 300);
    QSet<QString> unique;
    for (const auto &args : ready)
        unique.insert(args.at(0).toString());
    EXPECT_EQ(unique.size(), 300);
}

TEST(FolderWatcher, DeletedBeforeSettlingIsNeverReported)
{
    QTemporaryDir dir;
    auto options = fast();
    options.settle.probeIntervalMs = 400; // a long window, so the delete comes first
    FolderWatcher w(dir.path(), options);
    QSignalSpy ready(&w, &FolderWatcher::fileReady);
    w.start();
    const QString path = dir.filePath(QStringLiteral("brief.pdf"));
    writeFile(path, "%PDF");
    w.rescanNow();
    QFile::remove(path);
    runRescans(w, 12);
    EXPECT_EQ(ready.count(), 0);
}

TEST(FolderWatcher, FolderThatDisappearsAndComesBack)
{
    QTemporaryDir base;
    const QString folder = base.filePath(QStringLiteral("export"));
    QDir().mkpath(folder);
    FolderWatcher w(folder, fast());
    QSignalSpy ready(&w, &FolderWatcher::fileReady);
    QSignalSpy missing(&w, &FolderWatcher::folderMissing);
    QSignalSpy back(&w, &FolderWatcher::folderBack);
    w.start();
    ASSERT_TRUE(QDir(folder).removeRecursively());
    ASSERT_TRUE(waitFor(missing, 1));
    EXPECT_TRUE(missing.at(0).at(0).toString().contains(folder));
    QDir().mkpath(folder);
    ASSERT_TRUE(waitFor(back, 1));
    writeFile(folder + QStringLiteral("/after.pdf"), "%PDF");
    ASSERT_TRUE(waitFor(ready, 1));
    EXPECT_TRUE(ready.at(0).at(0).toString().endsWith(QStringLiteral("/after.pdf")));
}

TEST(FolderWatcher, ForcedPollingIsReportedAndStillFindsFiles)
{
    QTemporaryDir dir;
    auto options = fast();
    options.forcePolling = true;
    FolderWatcher w(dir.path(), options);
    QSignalSpy degraded(&w, &FolderWatcher::degraded);
    QSignalSpy ready(&w, &FolderWatcher::fileReady);
    w.start();
    EXPECT_TRUE(w.isPolling());
    ASSERT_EQ(degraded.count(), 1);
    EXPECT_TRUE(degraded.at(0).at(0).toString().contains(dir.path()));
    writeFile(dir.filePath(QStringLiteral("Räkning.pdf").normalized(QString::NormalizationForm_D)), "%PDF");
    ASSERT_TRUE(waitFor(ready, 1));
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
