// Intake on real folders: byte-identical spool copies, archive moves, errors that leave the
// original where it was.
#include "intake.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <csignal>
#include <gtest/gtest.h>
#include <sys/resource.h>

using namespace einvoice;

namespace {
QString write(const QString &path, const QByteArray &data)
{
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write(data);
    return path;
}
QByteArray read(const QString &path)
{
    QFile f(path);
    f.open(QIODevice::ReadOnly);
    return f.readAll();
}
} // namespace

TEST(Intake, CopiesByteIdenticalWithSha256)
{
    QTemporaryDir dir;
    QDir(dir.path()).mkpath(QStringLiteral("export"));
    QByteArray data(700 * 1024, '\0');
    for (int i = 0; i < data.size(); ++i)
        data[i] = char(i * 31 % 251);
    const QString original = write(dir.filePath(QStringLiteral("export/Räkning 1.PDF")), data);
    const Intake intake(dir.filePath(QStringLiteral("spool")));
    const Intake::Copy c = intake.copyToSpool(original);
    ASSERT_TRUE(c.ok) << c.error.toStdString();
    EXPECT_EQ(c.sha256, QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
    EXPECT_EQ(c.size, data.size());
    EXPECT_EQ(read(c.spoolPath), data);
    EXPECT_TRUE(c.spoolPath.endsWith(QString::fromLatin1(c.sha256) + QStringLiteral(".pdf")));
    EXPECT_TRUE(QFile::exists(original)) << "the original is untouched until archived";
    // No temporary leftovers in the spool.
    EXPECT_EQ(QDir(dir.filePath(QStringLiteral("spool"))).entryList(QDir::Files | QDir::Hidden).size(), 1);
}

TEST(Intake, ArchivesToProcessedAndFailedWithoutOverwriting)
{
    QTemporaryDir dir;
    const QString exportDir = dir.filePath(QStringLiteral("export"));
    QDir().mkpath(exportDir);
    const Intake intake(dir.filePath(QStringLiteral("spool")));
    QString error;
    const QString first =
        intake.archiveOriginal(write(exportDir + QStringLiteral("/a.pdf"), "one"), Intake::Outcome::Processed,
                               QDate(2026, 3, 14), QString(), &error);
    ASSERT_FALSE(first.isEmpty()) << error.toStdString();
    EXPECT_EQ(first, exportDir + QStringLiteral("/Processed/2026-03/a.pdf"));
    const QString second =
        intake.archiveOriginal(write(exportDir + QStringLiteral("/a.pdf"), "two"), Intake::Outcome::Processed,
                               QDate(2026, 3, 20), QString(), &error);
    EXPECT_EQ(second, exportDir + QStringLiteral("/Processed/2026-03/a (2).pdf"));
    EXPECT_EQ(read(first), QByteArray("one"));
    EXPECT_EQ(read(second), QByteArray("two"));

    const QString failed =
        intake.archiveOriginal(write(exportDir + QStringLiteral("/b.pdf"), "bad"), Intake::Outcome::Failed,
                               QDate(2026, 3, 14), QStringLiteral("The PDF is password-protected."), &error);
    ASSERT_FALSE(failed.isEmpty()) << error.toStdString();
    EXPECT_EQ(failed, exportDir + QStringLiteral("/Failed/b.pdf"));
    const QJsonObject note = QJsonDocument::fromJson(read(failed + QStringLiteral(".error.json"))).object();
    EXPECT_EQ(note.value(QStringLiteral("error")).toString(),
              QStringLiteral("The PDF is password-protected."));
    EXPECT_EQ(note.value(QStringLiteral("file")).toString(), QStringLiteral("b.pdf"));
}

TEST(Intake, UnusableSpoolLeavesTheOriginal)
{
    QTemporaryDir dir;
    const QString original = write(dir.filePath(QStringLiteral("c.pdf")), "%PDF-1.4");
    // The spool "folder" is a regular file: fails for root too.
    const QString notADir = write(dir.filePath(QStringLiteral("spool")), "x");
    const Intake intake(notADir + QStringLiteral("/inner"));
    const Intake::Copy c = intake.copyToSpool(original);
    EXPECT_FALSE(c.ok);
    EXPECT_TRUE(c.error.contains(original)) << c.error.toStdString();
    EXPECT_EQ(read(original), QByteArray("%PDF-1.4"));
}

// A write that fails half-way (as on a full disk) leaves no partial file in the spool and the
// original untouched. The failure is made real with a file-size limit (writes past it fail with
// EFBIG, like ENOSPC on a full disk), which works for root too.
TEST(Intake, WriteFailureLeavesNothingBehind)
{
    QTemporaryDir dir;
    const QByteArray data(1024 * 1024, 'x');
    const QString original = write(dir.filePath(QStringLiteral("d.pdf")), data);
    const QString spool = dir.filePath(QStringLiteral("spool"));
    const Intake intake(spool);
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
    EXPECT_TRUE(QDir(spool).entryList(QDir::Files | QDir::Hidden).isEmpty()) << "no partial copy may remain";
    EXPECT_EQ(read(original), data);
}
