// ZipWriter: archives are checked by independent readers, `unzip -t` and Python's zipfile, and
// their contents compared byte for byte with what was written.
#include "testsupport.h"
#include "zipwriter.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTimeZone>
#include <gtest/gtest.h>

using namespace einvoice;
using einvoice::test::run;

namespace {

// Python reads the archive and prints, per entry: sha256, method, flag bits and size.
const char *kPythonLister = R"PY(
import hashlib, json, sys, zipfile
out = {}
with zipfile.ZipFile(sys.argv[1]) as z:
    for i in z.infolist():
        data = z.read(i)
        out[i.filename] = {"sha256": hashlib.sha256(data).hexdigest(), "method": i.compress_type,
                           "flags": i.flag_bits, "size": len(data), "date": list(i.date_time)}
print(json.dumps(out))
)PY";

QJsonObject listWithPython(const QString &zip)
{
    const auto r =
        run(QStringLiteral("python3"), {QStringLiteral("-c"), QString::fromUtf8(kPythonLister), zip});
    EXPECT_EQ(r.exitCode, 0) << r.err.constData();
    return QJsonDocument::fromJson(r.out).object();
}

QString sha256(const QByteArray &data)
{
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

QByteArray randomBytes(int size, quint32 seed)
{
    QRandomGenerator gen(seed);
    QByteArray out(size, Qt::Uninitialized);
    for (char &c : out)
        c = char(gen.bounded(256));
    return out;
}

} // namespace

TEST(ZipWriter, ArchiveIsReadByUnzipAndPythonWithIdenticalContents)
{
    QTemporaryDir dir;
    ASSERT_TRUE(dir.isValid());
    const QString zip = dir.filePath(QStringLiteral("bundle.zip"));

    QByteArray log;
    for (int i = 0; i < 20000; ++i)
        log += "2025-01-01T00:00:00.000Z info einvoice.journal: job " + QByteArray::number(i) + " recorded\n";
    const QMap<QString, QByteArray> files = {
        {QStringLiteral("logs/einvoice-agent.log"), log},
        {QStringLiteral("random.bin"), randomBytes(100000, 7)},
        {QStringLiteral("empty.txt"), QByteArray()},
        {QStringLiteral("Rechnungen/Größe – März €.txt"), QByteArray("UTF-8 name, NFC\n")},
        {QStringLiteral("a/b/c/deep.json"), QByteArray("{\"x\": 1}\n")},
    };

    ZipWriter writer;
    ASSERT_EQ(writer.open(zip), QString());
    const QDateTime when(QDate(2025, 3, 14), QTime(9, 26, 54), Qt::UTC);
    for (auto it = files.cbegin(); it != files.cend(); ++it)
        ASSERT_EQ(writer.addFile(it.key(), it.value(), ZipWriter::Method::Deflate, when), QString());
    EXPECT_FALSE(QFileInfo::exists(zip)) << "the archive must not appear before close()";
    ASSERT_EQ(writer.close(), QString());
    ASSERT_TRUE(QFileInfo::exists(zip));

    const auto unzip = run(QStringLiteral("unzip"), {QStringLiteral("-t"), zip});
    EXPECT_EQ(unzip.exitCode, 0) << unzip.out.constData() << unzip.err.constData();
    EXPECT_TRUE(unzip.out.contains("No errors detected")) << unzip.out.constData();
    const auto pyTest = run(QStringLiteral("python3"),
                            {QStringLiteral("-m"), QStringLiteral("zipfile"), QStringLiteral("-t"), zip});
    EXPECT_EQ(pyTest.exitCode, 0) << pyTest.err.constData();

    const QJsonObject listed = listWithPython(zip);
    ASSERT_EQ(listed.size(), files.size());
    for (auto it = files.cbegin(); it != files.cend(); ++it) {
        const QJsonObject e = listed.value(it.key()).toObject();
        ASSERT_FALSE(e.isEmpty()) << "missing entry " << qPrintable(it.key());
        EXPECT_EQ(e.value(QStringLiteral("sha256")).toString(), sha256(it.value())) << qPrintable(it.key());
        EXPECT_EQ(e.value(QStringLiteral("size")).toInt(), it.value().size());
        EXPECT_TRUE(e.value(QStringLiteral("flags")).toInt() & 0x800)
            << "UTF-8 flag on " << qPrintable(it.key());
        EXPECT_EQ(e.value(QStringLiteral("date")).toArray().toVariantList(),
                  (QVariantList{2025, 3, 14, 9, 26, 54}));
    }
    // Text compresses, so it is deflated; random bytes do not, so they are stored.
    EXPECT_EQ(listed.value(QStringLiteral("logs/einvoice-agent.log"))
                  .toObject()
                  .value(QStringLiteral("method"))
                  .toInt(),
              8);
    EXPECT_EQ(listed.value(QStringLiteral("random.bin")).toObject().value(QStringLiteral("method")).toInt(),
              0);
    EXPECT_LT(QFileInfo(zip).size(), log.size() / 5 + 100000 + 4096);
}

TEST(ZipWriter, StoreMethodIsHonoured)
{
    QTemporaryDir dir;
    const QString zip = dir.filePath(QStringLiteral("stored.zip"));
    ZipWriter writer;
    ASSERT_EQ(writer.open(zip), QString());
    const QByteArray text(50000, 'a');
    ASSERT_EQ(writer.addFile(QStringLiteral("a.txt"), text, ZipWriter::Method::Store), QString());
    ASSERT_EQ(writer.close(), QString());
    const QJsonObject e = listWithPython(zip).value(QStringLiteral("a.txt")).toObject();
    EXPECT_EQ(e.value(QStringLiteral("method")).toInt(), 0);
    EXPECT_EQ(e.value(QStringLiteral("sha256")).toString(), sha256(text));
    EXPECT_GT(QFileInfo(zip).size(), 50000);
}

TEST(ZipWriter, RefusesEntriesBeyondTheSizeLimitClearly)
{
    QTemporaryDir dir;
    const QString zip = dir.filePath(QStringLiteral("limited.zip"));
    ZipWriter writer;
    ASSERT_EQ(writer.open(zip), QString());
    writer.setMaxArchiveSize(5000);
    ASSERT_EQ(writer.addFile(QStringLiteral("small.txt"), QByteArray(1000, 'x'), ZipWriter::Method::Store),
              QString());
    const QString error =
        writer.addFile(QStringLiteral("big.bin"), randomBytes(6000, 1), ZipWriter::Method::Store);
    EXPECT_TRUE(error.contains(QStringLiteral("big.bin"))) << qPrintable(error);
    EXPECT_TRUE(error.contains(QStringLiteral("ZIP64"))) << qPrintable(error);
    EXPECT_TRUE(error.contains(zip)) << qPrintable(error);
    // The refused entry left nothing behind: the archive still closes and holds the first entry.
    ASSERT_EQ(writer.close(), QString());
    const QJsonObject listed = listWithPython(zip);
    EXPECT_EQ(listed.keys(), QStringList{QStringLiteral("small.txt")});
    const auto unzip = run(QStringLiteral("unzip"), {QStringLiteral("-t"), zip});
    EXPECT_EQ(unzip.exitCode, 0) << unzip.out.constData();

    // The default limit is the 32-bit one of plain ZIP, and larger requests are clamped to it.
    ZipWriter other;
    other.setMaxArchiveSize(qint64(8) << 30);
    ASSERT_EQ(other.open(dir.filePath(QStringLiteral("x.zip"))), QString());
    EXPECT_EQ(ZipWriter::kMaxArchiveSize, 0xFFFFFFFFLL);
}

TEST(ZipWriter, RejectsUnsafeAndDuplicateNames)
{
    QTemporaryDir dir;
    ZipWriter writer;
    ASSERT_EQ(writer.open(dir.filePath(QStringLiteral("names.zip"))), QString());
    EXPECT_NE(writer.addFile(QStringLiteral("../escape.txt"), "x"), QString());
    EXPECT_NE(writer.addFile(QStringLiteral("a/../../escape.txt"), "x"), QString());
    EXPECT_NE(writer.addFile(QStringLiteral("/etc/passwd"), "x"), QString());
    EXPECT_NE(writer.addFile(QStringLiteral("dir\\file.txt"), "x"), QString());
    EXPECT_NE(writer.addFile(QString(), "x"), QString());
    EXPECT_EQ(writer.addFile(QStringLiteral("ok.txt"), "x"), QString());
    const QString dup = writer.addFile(QStringLiteral("ok.txt"), "y");
    EXPECT_TRUE(dup.contains(QStringLiteral("ok.txt"))) << qPrintable(dup);
    EXPECT_EQ(writer.entryNames(), QStringList{QStringLiteral("ok.txt")});
    ASSERT_EQ(writer.close(), QString());
}

TEST(ZipWriter, CancelledOrUnwritableArchivesLeaveNothing)
{
    QTemporaryDir dir;
    const QString zip = dir.filePath(QStringLiteral("cancelled.zip"));
    {
        ZipWriter writer;
        ASSERT_EQ(writer.open(zip), QString());
        ASSERT_EQ(writer.addFile(QStringLiteral("a.txt"), "a"), QString());
        writer.cancel();
    }
    EXPECT_FALSE(QFileInfo::exists(zip));
    {
        ZipWriter writer; // destroyed without close(): abandoned as well
        ASSERT_EQ(writer.open(zip), QString());
        ASSERT_EQ(writer.addFile(QStringLiteral("a.txt"), "a"), QString());
    }
    EXPECT_FALSE(QFileInfo::exists(zip));

    ZipWriter writer;
    const QString missing = dir.filePath(QStringLiteral("no/such/dir/out.zip"));
    const QString error = writer.open(missing);
    EXPECT_TRUE(error.contains(missing)) << qPrintable(error);
    EXPECT_NE(writer.addFile(QStringLiteral("a.txt"), "a"), QString());
}
