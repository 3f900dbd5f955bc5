// The settle logic driven by a manual clock: no sleeping, real files.
#include "filesettler.h"

#include <QFile>
#include <QTemporaryDir>
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/file.h>
#include <unistd.h>

using namespace einvoice;

namespace {
void append(const QString &path, const QByteArray &data)
{
    QFile f(path);
    ASSERT_TRUE(f.open(QIODevice::Append));
    f.write(data);
}
} // namespace

TEST(FileSettler, ReadyOnlyAfterStableProbes)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("a.pdf"));
    append(path, "%PDF-1.4 part one");
    ManualWatchClock clock;
    FileSettler settler(clock, {3, 500, true, false});
    EXPECT_EQ(settler.probe(path), FileSettler::Verdict::Pending); // first sight
    clock.advance(100);
    EXPECT_EQ(settler.probe(path), FileSettler::Verdict::Pending); // too soon to count
    clock.advance(500);
    EXPECT_EQ(settler.probe(path), FileSettler::Verdict::Pending); // 2 of 3
    // A slow writer adds more: the window starts again.
    append(path, " part two");
    clock.advance(500);
    EXPECT_EQ(settler.probe(path), FileSettler::Verdict::Pending);
    clock.advance(500);
    EXPECT_EQ(settler.probe(path), FileSettler::Verdict::Pending);
    clock.advance(500);
    EXPECT_EQ(settler.probe(path), FileSettler::Verdict::Ready);
    EXPECT_FALSE(settler.isTracked(path)); // reported once
}

TEST(FileSettler, ProbeDueReportsEachFileOnce)
{
    QTemporaryDir dir;
    ManualWatchClock clock;
    FileSettler settler(clock, {2, 1000, false, false});
    for (int i = 0; i < 200; ++i) {
        const QString p = dir.filePath(QStringLiteral("f%1.pdf").arg(i));
        append(p, "%PDF");
        settler.track(p);
    }
    EXPECT_TRUE(settler.probeDue().isEmpty()); // first sight of all
    EXPECT_EQ(settler.msUntilNextProbe(), 1000);
    clock.advance(1000);
    EXPECT_EQ(settler.probeDue().size(), 200);
    clock.advance(1000);
    EXPECT_TRUE(settler.probeDue().isEmpty());
    EXPECT_EQ(settler.msUntilNextProbe(), -1);
}

TEST(FileSettler, DeletedBeforeSettlingIsNeverReady)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("gone.pdf"));
    append(path, "%PDF");
    ManualWatchClock clock;
    FileSettler settler(clock, {2, 100, false, false});
    EXPECT_EQ(settler.probe(path), FileSettler::Verdict::Pending);
    QFile::remove(path);
    clock.advance(100);
    EXPECT_EQ(settler.probe(path), FileSettler::Verdict::Vanished);
    EXPECT_FALSE(settler.isTracked(path));
}

TEST(FileSettler, EmptyAndLockedFilesWait)
{
    QTemporaryDir dir;
    const QString empty = dir.filePath(QStringLiteral("empty.pdf"));
    append(empty, "");
    ManualWatchClock clock;
    FileSettler settler(clock, {2, 100, true, false});
    settler.probe(empty);
    clock.advance(100);
    EXPECT_EQ(settler.probe(empty), FileSettler::Verdict::Pending);

    const QString locked = dir.filePath(QStringLiteral("locked.pdf"));
    append(locked, "%PDF");
    // Another open file description holding an OFD write lock, as a writer would.
    const int fd = ::open(QFile::encodeName(locked).constData(), O_RDWR);
    ASSERT_GE(fd, 0);
    struct flock fl
    {
    };
    fl.l_type = F_WRLCK;
    fl.l_whence = SEEK_SET;
    ASSERT_EQ(::fcntl(fd, F_OFD_SETLK, &fl), 0);
    EXPECT_TRUE(FileSettler::isLockedByOthers(locked));
    settler.probe(locked);
    clock.advance(100);
    EXPECT_EQ(settler.probe(locked), FileSettler::Verdict::Busy);
    ::close(fd); // lock released with the description
    clock.advance(100);
    EXPECT_EQ(settler.probe(locked), FileSettler::Verdict::Ready);
}
