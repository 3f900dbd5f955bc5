// Intake on real folders: byte-identical spool copies, archive moves, errors that leave the
// original where it was.
#include "clock.h"
#include "intake.h"
#include "watchertestutil.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTimeZone>
#include <csignal>
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/stat.h>

using namespace einvoice;
using einvoice::test::readFile;
using einvoice::test::writeFile;

namespace {
ManualClock march2026()
{
    return ManualClock(QDateTime(QDate(2026, 3, 14), QTime(12, 0), QTimeZone::utc()));
}
QStringList filesIn(const QString &dir)
{
    return QDir(dir).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot);
}
} // namespace

TEST(Intake, CopiesByteIdenticalWithSha256)
{
    QTemporaryDir dir;
    ASSERT_TRUE(QDir(dir.path()).mkpath(QStringLiteral("export")));
    QByteArray data(700 * 1024, '\0');
    for (int i = 0; i < data.size(); ++i)
        data[i] = char(i * 31 % 251);
    const QString original = writeFile(dir.filePath(QStringLiteral("export/Invoice 1.PDF")), data);
    const ManualClock clock = march2026();
    const Intake intake(dir.filePath(QStringLiteral("spool")), clock);
    const Intake::Copy c = intake.copyToSpool(original);
    ASSERT_TRUE(c.ok) << c.error.toStdString();
    EXPECT_EQ(c.sha256, QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
    EXPECT_EQ(c.size, data.size());
    EXPECT_EQ(readFile(c.spoolPath), data);
    EXPECT_EQ(c.spoolPath, dir.filePath(QStringLiteral("spool/")) + QString::fromLatin1(c.sha256) +
                               QStringLiteral(".pdf"));
    EXPECT_EQ(readFile(original), data) << "the original is untouched until archived";
    EXPECT_EQ(filesIn(dir.filePath(QStringLiteral("spool"))).size(), 1) << "no temporary leftovers";

    // The same content again (a re-export) lands on the same spool file, not overwritten.
    const Intake::Copy again =
        intake.copyToSpool(writeFile(dir.filePath(QStringLiteral("export/copy.pdf")), data));
    ASSERT_TRUE(again.ok) << again.error.toStdString();
    EXPECT_EQ(again.spoolPath, c.spoolPath);
    EXPECT_EQ(filesIn(dir.filePath(QStringLiteral("spool"))).size(), 1);
}

TEST(Intake, NfdNamesAreCopiedAndArchivedUnchanged)
{
    QTemporaryDir dir;
    const QString nfd = QStringLiteral("Räkning Ø 12.xml").normalized(QString::NormalizationForm_D);
    const QString original = writeFile(dir.filePath(nfd), "<Invoice/>");
    const ManualClock clock = march2026();
    const Intake intake(dir.filePath(QStringLiteral("spool")), clock);
    const Intake::Copy c = intake.copyToSpool(original);
    ASSERT_TRUE(c.ok) << c.error.toStdString();
    EXPECT_TRUE(c.spoolPath.endsWith(QStringLiteral(".xml")));
    const Intake::Archived a = intake.archiveOriginal(original, Intake::Outcome::Processed);
    ASSERT_TRUE(a.ok) << a.error.toStdString();
    EXPECT_EQ(a.path, dir.filePath(QStringLiteral("Processed/2026-03/") + nfd));
    EXPECT_EQ(readFile(a.path), QByteArray("<Invoice/>"));
}

TEST(Intake, ArchivesToProcessedAndFailedWithoutOverwriting)
{
    QTemporaryDir dir;
    const QString exportDir = dir.filePath(QStringLiteral("export"));
    ASSERT_TRUE(QDir().mkpath(exportDir));
    ManualClock clock = march2026();
    const Intake intake(dir.filePath(QStringLiteral("spool")), clock);
    const Intake::Archived first = intake.archiveOriginal(
        writeFile(exportDir + QStringLiteral("/a.pdf"), "one"), Intake::Outcome::Processed);
    ASSERT_TRUE(first.ok) << first.error.toStdString();
    EXPECT_EQ(first.path, exportDir + QStringLiteral("/Processed/2026-03/a.pdf"));
    const Intake::Archived second = intake.archiveOriginal(
        writeFile(exportDir + QStringLiteral("/a.pdf"), "two"), Intake::Outcome::Processed);
    EXPECT_EQ(second.path, exportDir + QStringLiteral("/Processed/2026-03/a (2).pdf"));
    EXPECT_EQ(readFile(first.path), QByteArray("one"));
    EXPECT_EQ(readFile(second.path), QByteArray("two"));
    EXPECT_FALSE(QFile::exists(exportDir + QStringLiteral("/a.pdf")));

    clock.setNow(QDateTime(QDate(2026, 4, 15), QTime(12, 0), QTimeZone::utc()));
    const Intake::Archived april = intake.archiveOriginal(
        writeFile(exportDir + QStringLiteral("/a.pdf"), "three"), Intake::Outcome::Processed);
    EXPECT_EQ(april.path, exportDir + QStringLiteral("/Processed/2026-04/a.pdf"));

    const QString why = QStringLiteral("The PDF is password-protected, so it cannot be read.");
    const Intake::Archived failed = intake.archiveOriginal(
        writeFile(exportDir + QStringLiteral("/b.pdf"), "bad"), Intake::Outcome::Failed, why);
    ASSERT_TRUE(failed.ok) << failed.error.toStdString();
    EXPECT_EQ(failed.path, exportDir + QStringLiteral("/Failed/b.pdf"));
    const QJsonObject note =
        QJsonDocument::fromJson(readFile(failed.path + QStringLiteral(".error.json"))).object();
    EXPECT_EQ(note.value(QStringLiteral("error")).toString(), why);
    EXPECT_EQ(note.value(QStringLiteral("file")).toString(), QStringLiteral("b.pdf"));
    EXPECT_EQ(note.value(QStringLiteral("originalPath")).toString(), exportDir + QStringLiteral("/b.pdf"));
    EXPECT_FALSE(note.value(QStringLiteral("whatToDo")).toString().isEmpty());

    // A second failure of the same name keeps the first one and its note.
    const Intake::Archived failedAgain =
        intake.archiveOriginal(writeFile(exportDir + QStringLiteral("/b.pdf"), "bad 2"),
                               Intake::Outcome::Failed, QStringLiteral("Other."));
    EXPECT_EQ(failedAgain.path, exportDir + QStringLiteral("/Failed/b (2).pdf"));
    EXPECT_EQ(QJsonDocument::fromJson(readFile(failed.path + QStringLiteral(".error.json")))
                  .object()
                  .value(QStringLiteral("error"))
                  .toString(),
              why);
    EXPECT_TRUE(QFile::exists(failedAgain.path + QStringLiteral(".error.json")));
}

TEST(Intake, ArchiveRootCanBeElsewhere)
{
    QTemporaryDir dir;
    const QString exportDir = dir.filePath(QStringLiteral("export"));
    ASSERT_TRUE(QDir().mkpath(exportDir));
    const ManualClock clock = march2026();
    Intake intake(dir.filePath(QStringLiteral("spool")), clock);
    intake.setArchiveRoot(dir.filePath(QStringLiteral("archive")));
    const Intake::Archived a = intake.archiveOriginal(writeFile(exportDir + QStringLiteral("/c.pdf"), "c"),
                                                      Intake::Outcome::Processed);
    ASSERT_TRUE(a.ok) << a.error.toStdString();
    EXPECT_EQ(a.path, dir.filePath(QStringLiteral("archive/Processed/2026-03/c.pdf")));
}

TEST(Intake, UnusableSpoolLeavesTheOriginal)
{
    QTemporaryDir dir;
    const QString original = writeFile(dir.filePath(QStringLiteral("c.pdf")), "%PDF-1.4");
    const ManualClock clock = march2026();
    // The spool "folder" is an existing regular file: fails for root too.
    const QString notADir = writeFile(dir.filePath(QStringLiteral("spool")), "x");
    for (const QString &spool : {notADir, notADir + QStringLiteral("/inner")}) {
        const Intake intake(spool, clock);
        const Intake::Copy c = intake.copyToSpool(original);
        EXPECT_FALSE(c.ok);
        EXPECT_TRUE(c.spoolPath.isEmpty());
        EXPECT_TRUE(c.error.contains(original)) << c.error.toStdString();
        EXPECT_TRUE(c.error.contains(spool)) << c.error.toStdString();
    }
    EXPECT_EQ(readFile(original), QByteArray("%PDF-1.4"));
    EXPECT_EQ(readFile(notADir), QByteArray("x"));
}

TEST(Intake, UnusableArchiveFolderLeavesTheOriginal)
{
    QTemporaryDir dir;
    const QString original = writeFile(dir.filePath(QStringLiteral("d.pdf")), "%PDF-1.4");
    writeFile(dir.filePath(QStringLiteral("Failed")), "a file where the folder should be");
    const ManualClock clock = march2026();
    const Intake intake(dir.filePath(QStringLiteral("spool")), clock);
    const Intake::Archived a = intake.archiveOriginal(original, Intake::Outcome::Failed, QStringLiteral("x"));
    EXPECT_FALSE(a.ok);
    EXPECT_TRUE(a.error.contains(original)) << a.error.toStdString();
    EXPECT_EQ(readFile(original), QByteArray("%PDF-1.4"));
}

// A write that fails half-way (as on a full disk) leaves no partial file in the spool and the
// original untouched. The failure is made real with a file-size limit (writes past it fail with
// EFBIG, like ENOSPC on a full disk), which works for root too.
TEST(Intake, WriteFailureLeavesNothingBehind)
{
    QTemporaryDir dir;
    const QByteArray data(1024 * 1024, 'x');
    const QString original = writeFile(dir.filePath(QStringLiteral("d.pdf")), data);
    const QString spool = dir.filePath(QStringLiteral("spool"));
    const ManualClock clock = march2026();
    const Intake intake(spool, clock);
    struct rlimit old
    {
    };
    ASSERT_EQ(::getrlimit(RLIMIT_FSIZE, &old), 0);
    const auto previous = ::signal(SIGXFSZ, SIG_IGN);
    struct rlimit small = old;
    small.rlim_cur = 64 * 1024;
    ASSERT_EQ(::setrlimit(RLIMIT_FSIZE, &small), 0);
    const Intake::Copy c = intake.copyToSpool(original);
    ::setrlimit(RLIMIT_FSIZE, &old);
    ::signal(SIGXFSZ, previous);
    EXPECT_FALSE(c.ok);
    EXPECT_TRUE(c.error.contains(original)) << c.error.toStdString();
    EXPECT_TRUE(c.error.contains(QStringLiteral("disk is full"))) << c.error.toStdString();
    EXPECT_TRUE(filesIn(spool).isEmpty()) << "no partial copy may remain";
    EXPECT_EQ(readFile(original), data);
}

// The archive on another file system (tmpfs under /dev/shm, the export folder on the test's disk):
// rename() gives EXDEV, so the original is copied, made durable, and only then removed.
TEST(Intake, ArchivesAcrossFileSystems)
{
    QTemporaryDir dir;
    QTemporaryDir other(QStringLiteral("/dev/shm/einvoice-watcher-test-XXXXXX"));
    ASSERT_TRUE(other.isValid());
    const auto device = [](const QString &path) {
        struct stat st
        {
        };
        EXPECT_EQ(::stat(QFile::encodeName(path).constData(), &st), 0);
        return st.st_dev;
    };
    ASSERT_NE(device(dir.path()), device(other.path())) << "the test needs two file systems";
    const ManualClock clock = march2026();
    Intake intake(dir.filePath(QStringLiteral("spool")), clock);
    intake.setArchiveRoot(other.path());
    const QByteArray data(300 * 1024, 'p');
    const QString original = writeFile(dir.filePath(QStringLiteral("e.pdf")), data);
    const Intake::Archived a =
        intake.archiveOriginal(original, Intake::Outcome::Failed, QStringLiteral("Why."));
    ASSERT_TRUE(a.ok) << a.error.toStdString();
    EXPECT_EQ(a.path, other.filePath(QStringLiteral("Failed/e.pdf")));
    EXPECT_EQ(readFile(a.path), data);
    EXPECT_FALSE(QFile::exists(original));
    EXPECT_EQ(filesIn(other.filePath(QStringLiteral("Failed"))),
              QStringList({QStringLiteral("e.pdf"), QStringLiteral("e.pdf.error.json")}))
        << "no temporary copy may remain";
}
