// The project's own sample invoices (resources/samples, einvoice-samplegen): every PDF opens and
// has text; the ones with an embedded e-invoice extract to exactly the expected fields; the
// others are reported as not ready with a reason.

#include "embeddedinvoice.h"
#include "extractionresult.h"
#include "invoiceextractor.h"
#include "popplerpdfreader.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace einvoice;

#ifdef EINVOICE_SAMPLEGEN

namespace {

class Samples : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        s_dir = new QTemporaryDir;
        s_gen = test::run(QStringLiteral(EINVOICE_SAMPLEGEN), {s_dir->path()});
    }
    static void TearDownTestSuite()
    {
        delete s_dir;
        s_dir = nullptr;
    }
    static QStringList names()
    {
        QStringList out;
        for (const QString &f :
             QDir(s_dir->path()).entryList({QStringLiteral("*.expected.json")}, QDir::Files, QDir::Name))
            out << f.chopped(int(strlen(".expected.json")));
        return out;
    }
    static QJsonObject expected(const QString &name)
    {
        return QJsonDocument::fromJson(
                   test::readFile(s_dir->filePath(name + QStringLiteral(".expected.json"))))
            .object();
    }

    static QTemporaryDir *s_dir;
    static test::ProcessResult s_gen;
};

QTemporaryDir *Samples::s_dir = nullptr;
test::ProcessResult Samples::s_gen;

} // namespace

TEST_F(Samples, GeneratorWritesAllSamples)
{
    ASSERT_EQ(s_gen.exitCode, 0) << s_gen.err.constData();
    const QStringList all = names();
    EXPECT_GE(all.size(), 6);
    int embedded = 0;
    int cii = 0;
    int ubl = 0;
    bool creditNote = false;
    for (const QString &name : all) {
        EXPECT_TRUE(QFile::exists(s_dir->filePath(name + QStringLiteral(".pdf")))) << qPrintable(name);
        const QByteArray xml = test::readFile(s_dir->filePath(name + QStringLiteral(".xml")));
        EXPECT_FALSE(xml.isEmpty()) << qPrintable(name);
        creditNote = creditNote || xml.contains("<CreditNote");
        const QString format = expected(name).value(QStringLiteral("format_embedded")).toString();
        embedded += format != QLatin1String("none");
        cii += format == QLatin1String("CII");
        ubl += format == QLatin1String("UBL");
    }
    EXPECT_GE(embedded * 2, int(all.size()));
    EXPECT_GE(cii, 1);
    EXPECT_GE(ubl, 1);
    EXPECT_TRUE(creditNote);
}

TEST_F(Samples, GeneratorIsDeterministic)
{
    QTemporaryDir again;
    const auto r = test::run(QStringLiteral(EINVOICE_SAMPLEGEN), {again.path()});
    ASSERT_EQ(r.exitCode, 0) << r.err.constData();
    for (const QString &name : names()) {
        for (const QString &ext :
             {QStringLiteral(".pdf"), QStringLiteral(".xml"), QStringLiteral(".expected.json")})
            EXPECT_EQ(test::readFile(s_dir->filePath(name + ext)), test::readFile(again.filePath(name + ext)))
                << qPrintable(name + ext);
    }
}

TEST_F(Samples, EveryPdfOpensAndHasText)
{
    for (const QString &name : names()) {
        PopplerPdfReader reader;
        ASSERT_TRUE(reader.open(s_dir->filePath(name + QStringLiteral(".pdf"))))
            << qPrintable(reader.errorString());
        EXPECT_EQ(reader.pageCount(), 1);
        const QString text = reader.pageText(0);
        const QJsonObject fields = expected(name).value(QStringLiteral("fields")).toObject();
        // The page shows the number and the parties as the model has them.
        for (const char *key : {"invoice_number", "seller_name", "buyer_name"})
            EXPECT_TRUE(text.contains(fields.value(QLatin1String(key)).toString()))
                << qPrintable(name) << " " << key << "\n"
                << qPrintable(text);
        EXPECT_FALSE(text.contains(QChar(0xFB01))) << "ligatures in the text layer of " << qPrintable(name);
    }
}

TEST_F(Samples, EmbeddedSamplesExtractExactly)
{
    InvoiceExtractor extractor;
    int checked = 0;
    for (const QString &name : names()) {
        const QJsonObject exp = expected(name);
        const QString format = exp.value(QStringLiteral("format_embedded")).toString();
        const QString pdf = s_dir->filePath(name + QStringLiteral(".pdf"));
        QString error;
        const auto result = extractor.extract(pdf, &error);
        ASSERT_TRUE(result.has_value()) << qPrintable(error);
        if (format == QLatin1String("none")) {
            EXPECT_FALSE(result->ready) << qPrintable(name);
            EXPECT_FALSE(result->fromEmbeddedXml);
            EXPECT_FALSE(result->reviewReasons.isEmpty()) << qPrintable(name);
            continue;
        }
        EXPECT_TRUE(result->fromEmbeddedXml) << qPrintable(name);
        EXPECT_EQ(syntaxName(result->embeddedSyntax), format) << qPrintable(name);
        EXPECT_TRUE(result->ready) << qPrintable(name) << ": "
                                   << qPrintable(result->reviewReasons.join(QLatin1String("; ")));
        const QJsonObject got = result->fieldsJson();
        const QJsonObject want = exp.value(QStringLiteral("fields")).toObject();
        for (const QString &field : ExtractionResult::fieldNames())
            EXPECT_EQ(got.value(field), want.value(field))
                << qPrintable(name) << " " << qPrintable(field) << "\n got:  "
                << QJsonDocument(QJsonObject{{field, got.value(field)}})
                       .toJson(QJsonDocument::Compact)
                       .constData()
                << "\n want: "
                << QJsonDocument(QJsonObject{{field, want.value(field)}})
                       .toJson(QJsonDocument::Compact)
                       .constData();
        ++checked;
    }
    EXPECT_GE(checked, 3);
}

TEST_F(Samples, UblFilesReadBackToTheExpectedFields)
{
    InvoiceExtractor extractor;
    for (const QString &name : names()) {
        QString error;
        const auto result = extractor.extract(s_dir->filePath(name + QStringLiteral(".xml")), &error);
        ASSERT_TRUE(result.has_value()) << qPrintable(error);
        EXPECT_EQ(result->embeddedSyntax, Syntax::Ubl);
        EXPECT_TRUE(result->ready) << qPrintable(name) << ": "
                                   << qPrintable(result->reviewReasons.join(QLatin1String("; ")));
        EXPECT_EQ(result->fieldsJson(), expected(name).value(QStringLiteral("fields")).toObject())
            << qPrintable(name);
    }
}

#else
TEST(Samples, GeneratorNotBuilt)
{
    GTEST_SKIP() << "einvoice-samplegen is not part of this build";
}
#endif
