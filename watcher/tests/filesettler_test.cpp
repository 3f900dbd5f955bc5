// The settle state machine on real files, driven by explicit probes and a manual clock: no sleeping.
#include "clock.h"
#include "filesettler.h"
#include "watchertestutil.h"

#include <QFile>
#include <QTemporaryDir>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/file.h>
#include <unistd.h>

using namespace einvoice;
using einvoice::test::appendFile;
using V = FileSettler::Verdict;

TEST(FileSettler, ReadyOnlyAfterStableProbes)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("a.pdf"));
    appendFile(path, "%PDF-1.4 part one");
    ManualClock clock;
    FileSettler settler({3, 500, true, false});
    EXPECT_EQ(settler.probe(path, clock.now()), V::Pending); // first sight
    clock.advanceMs(100);
    EXPECT_EQ(settler.probe(path, clock.now()), V::Pending); // too soon to count
    clock.advanceMs(500);
    EXPECT_EQ(settler.probe(path, clock.now()), V::Pending); // 2 of 3
    // A slow writer adds more: the window starts again.
    appendFile(path, " part two");
    clock.advanceMs(500);
    EXPECT_EQ(settler.probe(path, clock.now()), V::Pending);
    clock.advanceMs(500);
    EXPECT_EQ(settler.probe(path, clock.now()), V::Pending);
    clock.advanceMs(500);
    FileVersion version;
    EXPECT_EQ(settler.probe(path, clock.now(), &version), V::Ready);
    EXPECT_EQ(version.size, qint64(sizeof("%PDF-1.4 part one part two") - 1));
    EXPECT_FALSE(settler.isTracked(path)); // reported once
}

TEST(FileSettler, ClockGoingBackwardsRestartsTheWindow)
{
    QTemporaryDir dir;
    const QString path = test::writeFile(dir.filePath(QStringLiteral("b.pdf")), "%PDF");
    ManualClock clock;
    FileSettler settler({2, 1000, false, false});
    EXPECT_EQ(settler.probe(path, clock.now()), V::Pending);
    clock.advanceMs(-60 * 60 * 1000); // NTP correction or a resumed laptop
    EXPECT_EQ(settler.probe(path, clock.now()), V::Pending);
    clock.advanceMs(999);
    EXPECT_EQ(settler.probe(path, clock.now()), V::Pending);
    clock.advanceMs(1);
    EXPECT_EQ(settler.probe(path, clock.now()), V::Ready);
}

TEST(FileSettler, ProbeDueReportsEachFileOnce)
{
    QTemporaryDir dir;
    ManualClock clock;
    FileSettler settler({2, 1000, false, false});
    for (int i = 0; i < 200; ++i) {
        const QString p = test::writeFile(dir.filePath(QStringLiteral("f%1.pdf").arg(i)), "%PDF");
        settler.track(p);
    }
    EXPECT_EQ(settler.msUntilNextProbe(clock.now()), 0);
    EXPECT_TRUE(settler.probeDue(clock.now()).isEmpty()); // first sight of all
    EXPECT_EQ(settler.msUntilNextProbe(clock.now()), 1000);
    clock.advanceMs(400);
    EXPECT_EQ(settler.msUntilNextProbe(clock.now()), 600);
    EXPECT_TRUE(settler.probeDue(clock.now()).isEmpty()); // not due yet
    clock.advanceMs(600);
    EXPECT_EQ(settler.probeDue(clock.now()).size(), 200);
    clock.advanceMs(1000);
    EXPECT_TRUE(settler.probeDue(clock.now()).isEmpty());
    EXPECT_EQ(settler.msUntilNextProbe(clock.now()), -1);
}

TEST(FileSettler, DeletedBeforeSettlingIsNeverReady)
{
    QTemporaryDir dir;
    const QString path = test::writeFile(dir.filePath(QStringLiteral("gone.pdf")), "%PDF");
    ManualClock clock;
    FileSettler settler({2, 100, false, false});
    EXPECT_EQ(settler.probe(path, clock.now()), V::Pending);
    QFile::remove(path);
    clock.advanceMs(100);
    EXPECT_EQ(settler.probe(path, clock.now()), V::Vanished);
    EXPECT_FALSE(settler.isTracked(path));
}

TEST(FileSettler, EmptyFileWaits)
{
    QTemporaryDir dir;
    const QString empty = test::writeFile(dir.filePath(QStringLiteral("empty.pdf")), "");
    ManualClock clock;
    FileSettler settler({2, 100, true, false});
    settler.probe(empty, clock.now());
    clock.advanceMs(100);
    EXPECT_EQ(settler.probe(empty, clock.now()), V::Pending);
    test::appendFile(empty, "%PDF");
    clock.advanceMs(100);
    EXPECT_EQ(settler.probe(empty, clock.now()), V::Pending);
    clock.advanceMs(100);
    EXPECT_EQ(settler.probe(empty, clock.now()), V::Ready);
}

// A writer that keeps the file open and pauses longer than the settle window (a scanner between
// pages) must not be taken: the read-lease check sees the open write descriptor.
TEST(FileSettler, OpenForWritingIsBusyUntilClosed)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("scan.pdf"));
    QFile writer(path);
    ASSERT_TRUE(writer.open(QIODevice::WriteOnly));
    writer.write("%PDF-1.4 page 1");
    writer.flush();
    EXPECT_EQ(FileSettler::writerState(path), FileSettler::WriterState::Writing);
    ManualClock clock;
    FileSettler settler({2, 100, true, false});
    settler.probe(path, clock.now());
    for (int i = 0; i < 5; ++i) {
        clock.advanceMs(100);
        EXPECT_EQ(settler.probe(path, clock.now()), V::Busy);
    }
    writer.close();
    EXPECT_EQ(FileSettler::writerState(path), FileSettler::WriterState::None);
    clock.advanceMs(100);
    EXPECT_EQ(settler.probe(path, clock.now()), V::Ready);
}

TEST(FileSettler, WriteLockedIsBusy)
{
    QTemporaryDir dir;
    const QString locked = test::writeFile(dir.filePath(QStringLiteral("locked.pdf")), "%PDF");
    // A read-only descriptor holding an exclusive flock(): a lock, but no open write descriptor.
    const int fd = ::open(QFile::encodeName(locked).constData(), O_RDONLY);
    ASSERT_GE(fd, 0);
    ASSERT_EQ(::flock(fd, LOCK_EX), 0);
    EXPECT_EQ(FileSettler::writerState(locked), FileSettler::WriterState::Writing);
    ManualClock clock;
    FileSettler settler({2, 100, true, false});
    settler.probe(locked, clock.now());
    clock.advanceMs(100);
    EXPECT_EQ(settler.probe(locked, clock.now()), V::Busy);
    ::close(fd); // lock released with the description
    clock.advanceMs(100);
    EXPECT_EQ(settler.probe(locked, clock.now()), V::Ready);
}

TEST(FileSettler, ReplacedFileStartsAgain)
{
    QTemporaryDir dir;
    const QString path = test::writeFile(dir.filePath(QStringLiteral("r.pdf")), "%PDF one");
    ManualClock clock;
    FileSettler settler({2, 100, false, false});
    settler.probe(path, clock.now());
    // Same size, new inode: renamed into place over the old one.
    const QString other = test::writeFile(dir.filePath(QStringLiteral("r.tmp")), "%PDF two");
    ASSERT_EQ(::rename(QFile::encodeName(other).constData(), QFile::encodeName(path).constData()), 0);
    clock.advanceMs(100);
    EXPECT_EQ(settler.probe(path, clock.now()), V::Pending);
    clock.advanceMs(100);
    EXPECT_EQ(settler.probe(path, clock.now()), V::Ready);
}
