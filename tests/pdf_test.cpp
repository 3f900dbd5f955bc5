// PopplerPdfReader, EmbeddedInvoice and PdfAttachmentWriter on the shared corpus and on
// PDFs written here.

#include "embeddedinvoice.h"
#include "pdfattachmentwriter.h"
#include "pdftextlayout.h"
#include "popplerpdfreader.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace einvoice;
using namespace einvoice::test;

namespace {

QString corpusFile(const QString &name)
{
    return test::sharedDir() + QStringLiteral("/corpus/dev/") + name;
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

/// A minimal one-page PDF with a classic xref table, built byte by byte so the offsets are exact.
QByteArray minimalPdf(const QByteArray &content = "BT /F1 24 Tf 72 720 Td (Invoice 1) Tj ET", int rotate = 0)
{
    const QList<QByteArray> objects = {
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Rotate " + QByteArray::number(rotate) +
            " /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        "<< /Length " + QByteArray::number(content.size()) + " >>\nstream\n" + content + "\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    };
    return pdfFromObjects(objects);
}

const QByteArray kCiiInvoice =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<rsm:CrossIndustryInvoice xmlns:rsm=\"urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100\">"
    "<!-- (not a complete invoice; enough for syntax detection) --></rsm:CrossIndustryInvoice>\n";

} // namespace

TEST(PopplerPdfReader, ListsAllAttachmentsOfXRechnungPdf)
{
    PopplerPdfReader reader;
    ASSERT_TRUE(reader.open(corpusFile(QStringLiteral("ferd24_XRECHNUNG_Elektron.pdf"))))
        << qPrintable(reader.errorString());
    EXPECT_GE(reader.pageCount(), 1);
    const QList<PdfEmbeddedFile> files = reader.embeddedFiles();
    ASSERT_EQ(files.size(), 4);
    QStringList names;
    for (const PdfEmbeddedFile &f : files) {
        names << f.name;
        EXPECT_FALSE(f.data.isEmpty()) << qPrintable(f.name);
    }
    EXPECT_TRUE(names.contains(QStringLiteral("xrechnung.xml"))) << qPrintable(names.join(QLatin1Char(',')));
    EXPECT_TRUE(names.contains(QStringLiteral("ElektronRapport.pdf")));

    const auto embedded = EmbeddedInvoice::find(reader);
    ASSERT_TRUE(embedded.has_value());
    EXPECT_EQ(embedded->fileName, QStringLiteral("xrechnung.xml"));
    EXPECT_EQ(embedded->syntax, Syntax::Cii);
    EXPECT_TRUE(embedded->data.contains("CrossIndustryInvoice"));
}

TEST(PopplerPdfReader, NoXmlVariantHasNoAttachmentButText)
{
    PopplerPdfReader reader;
    ASSERT_TRUE(reader.open(corpusFile(QStringLiteral("ferd24_XRECHNUNG_Elektron.noxml.pdf"))))
        << qPrintable(reader.errorString());
    EXPECT_TRUE(reader.embeddedFiles().isEmpty());
    EXPECT_FALSE(EmbeddedInvoice::find(reader).has_value());
    EXPECT_TRUE(reader.pageText(0).contains(QStringLiteral("181301674")));
    EXPECT_TRUE(reader.pageText(reader.pageCount()).isEmpty()); // out of range
}

TEST(PopplerPdfReader, EveryEmbeddedCorpusPdfHasAnEInvoice)
{
    const QDir dir(test::sharedDir() + QStringLiteral("/corpus/dev"));
    int checked = 0;
    for (const QString &name : dir.entryList({QStringLiteral("*.pdf")}, QDir::Files, QDir::Name)) {
        if (name.endsWith(QLatin1String(".noxml.pdf")))
            continue;
        const bool expectXml = QFile::exists(
            dir.filePath(QString(name).replace(QLatin1String(".pdf"), QLatin1String(".noxml.pdf"))));
        QString error;
        const auto embedded = EmbeddedInvoice::find(dir.filePath(name), &error);
        EXPECT_TRUE(error.isEmpty()) << qPrintable(error);
        EXPECT_EQ(embedded.has_value(), expectXml) << qPrintable(name);
        ++checked;
    }
    EXPECT_EQ(checked, 35);
}

TEST(PopplerPdfReader, MissingFileNamesTheFile)
{
    PopplerPdfReader reader;
    const QString path = QStringLiteral("/nonexistent/dir/invoice-42.pdf");
    EXPECT_FALSE(reader.open(path));
    EXPECT_FALSE(reader.isOpen());
    EXPECT_TRUE(reader.errorString().contains(QStringLiteral("invoice-42.pdf")))
        << qPrintable(reader.errorString());
    EXPECT_TRUE(reader.errorString().contains(QStringLiteral("does not exist")));
}

TEST(PopplerPdfReader, TextFileRenamedToPdfIsRejected)
{
    QTemporaryDir tmp;
    const QString path = tmp.filePath(QStringLiteral("letter.pdf"));
    ASSERT_TRUE(writeFile(path, "Dear customer,\nthis is not a PDF.\n"));
    PopplerPdfReader reader;
    EXPECT_FALSE(reader.open(path));
    EXPECT_TRUE(reader.errorString().contains(QStringLiteral("letter.pdf")));
    EXPECT_TRUE(reader.errorString().contains(QStringLiteral("not a PDF")))
        << qPrintable(reader.errorString());
}

TEST(PopplerPdfReader, EmptyAndTruncatedPdfsAreRejected)
{
    QTemporaryDir tmp;
    const QString empty = tmp.filePath(QStringLiteral("empty.pdf"));
    ASSERT_TRUE(writeFile(empty, QByteArray()));
    PopplerPdfReader reader;
    EXPECT_FALSE(reader.open(empty));
    EXPECT_TRUE(reader.errorString().contains(QStringLiteral("empty"))) << qPrintable(reader.errorString());

    const QByteArray full = test::readFile(corpusFile(QStringLiteral("ferd24_EN16931_Einfach.pdf")));
    ASSERT_FALSE(full.isEmpty());
    const QString cut = tmp.filePath(QStringLiteral("cut.pdf"));
    ASSERT_TRUE(writeFile(cut, full.left(full.size() / 2)));
    EXPECT_FALSE(reader.open(cut));
    EXPECT_TRUE(reader.errorString().contains(QStringLiteral("cut.pdf")));
    EXPECT_TRUE(reader.errorString().contains(QStringLiteral("truncated")))
        << qPrintable(reader.errorString());

    // Header and end marker present, but the body is garbage.
    const QString garbage = tmp.filePath(QStringLiteral("garbage.pdf"));
    ASSERT_TRUE(writeFile(garbage, "%PDF-1.4\nthis is no object\n%%EOF\n"));
    EXPECT_FALSE(reader.open(garbage));
    EXPECT_TRUE(reader.errorString().contains(QStringLiteral("garbage.pdf")))
        << qPrintable(reader.errorString());
}

TEST(PopplerPdfReader, EncryptedPdfIsRejected)
{
    // qpdf is used by the corpus tooling; make an encrypted copy when it is there.
    QTemporaryDir tmp;
    const QString plain = tmp.filePath(QStringLiteral("plain.pdf"));
    const QString locked = tmp.filePath(QStringLiteral("locked.pdf"));
    ASSERT_TRUE(writeFile(plain, minimalPdf()));
    const auto r = test::run(QStringLiteral("qpdf"),
                             {QStringLiteral("--encrypt"), QStringLiteral("user"), QStringLiteral("owner"),
                              QStringLiteral("256"), QStringLiteral("--"), plain, locked});
    ASSERT_EQ(r.exitCode, 0) << "qpdf (installed by scripts/install-deps.sh) failed: " << r.err.constData();
    PopplerPdfReader reader;
    EXPECT_FALSE(reader.open(locked));
    EXPECT_TRUE(reader.errorString().contains(QStringLiteral("locked.pdf")));
    EXPECT_TRUE(reader.errorString().contains(QStringLiteral("password")))
        << qPrintable(reader.errorString());
}

TEST(PdfAttachmentWriter, RoundTripOnMinimalPdf)
{
    QTemporaryDir tmp;
    const QString in = tmp.filePath(QStringLiteral("in.pdf"));
    const QString out = tmp.filePath(QStringLiteral("out.pdf"));
    const QByteArray original = minimalPdf();
    ASSERT_TRUE(writeFile(in, original));

    PdfAttachment a;
    a.name = QStringLiteral("factur-x.xml");
    a.description = QStringLiteral("Factur-X invoice");
    a.data = kCiiInvoice;
    a.modified = QDateTime(QDate(2025, 1, 31), QTime(12, 0), Qt::UTC);
    QString error;
    ASSERT_TRUE(PdfAttachmentWriter::addAttachment(in, out, a, &error)) << qPrintable(error);

    const QByteArray updated = test::readFile(out);
    EXPECT_TRUE(updated.startsWith(original)) << "incremental update must keep the original bytes";
    EXPECT_TRUE(updated.contains("/Subtype /text#2Fxml"));
    EXPECT_TRUE(updated.contains("/AFRelationship /Alternative"));
    EXPECT_TRUE(updated.contains("/ModDate (D:20250131120000Z)"));

    PopplerPdfReader reader;
    ASSERT_TRUE(reader.open(out)) << qPrintable(reader.errorString());
    EXPECT_EQ(reader.pageCount(), 1);
    const QList<PdfEmbeddedFile> files = reader.embeddedFiles();
    ASSERT_EQ(files.size(), 1);
    EXPECT_EQ(files[0].name, QStringLiteral("factur-x.xml"));
    EXPECT_EQ(files[0].description, QStringLiteral("Factur-X invoice"));
    EXPECT_EQ(files[0].mimeType, QStringLiteral("text/xml"));
    EXPECT_EQ(files[0].data, kCiiInvoice);

    const auto detach = test::run(QStringLiteral("pdfdetach"), {QStringLiteral("-list"), out});
    ASSERT_EQ(detach.exitCode, 0) << detach.err.constData();
    EXPECT_TRUE(detach.out.contains("1 embedded files")) << detach.out.constData();
    EXPECT_TRUE(detach.out.contains("factur-x.xml"));

    // A second update replaces the same-named file and keeps the tree sorted.
    PdfAttachment b = a;
    b.data = kCiiInvoice + "<!-- v2 -->";
    PdfAttachment c = a;
    c.name = QStringLiteral("Aufma\u00DF.xml"); // non-ASCII name -> UTF-16 text string
    c.data = "<note/>";
    ASSERT_TRUE(PdfAttachmentWriter::addAttachment(out, out, b, &error)) << qPrintable(error);
    ASSERT_TRUE(PdfAttachmentWriter::addAttachment(out, out, c, &error)) << qPrintable(error);
    ASSERT_TRUE(reader.open(out)) << qPrintable(reader.errorString());
    const QList<PdfEmbeddedFile> after = reader.embeddedFiles();
    ASSERT_EQ(after.size(), 2);
    QMap<QString, QByteArray> byName;
    for (const PdfEmbeddedFile &f : after)
        byName.insert(f.name, f.data);
    EXPECT_EQ(byName.value(QStringLiteral("factur-x.xml")), b.data);
    // poppler-cpp cannot return UTF-16 names (see PopplerPdfReader); the content must be intact.
    EXPECT_TRUE(byName.values().contains(c.data));
    const auto listed = test::run(QStringLiteral("pdfdetach"), {QStringLiteral("-list"), out});
    ASSERT_EQ(listed.exitCode, 0) << listed.err.constData();
    EXPECT_TRUE(QString::fromUtf8(listed.out).contains(c.name)) << listed.out.constData();
    const auto embedded = EmbeddedInvoice::find(reader);
    ASSERT_TRUE(embedded.has_value());
    EXPECT_EQ(embedded->fileName, QStringLiteral("factur-x.xml"));
}

TEST(PdfAttachmentWriter, MergesWithExistingAttachmentsOfCorpusPdf)
{
    QTemporaryDir tmp;
    const QString out = tmp.filePath(QStringLiteral("elektron.pdf"));
    PdfAttachment a;
    a.name = QStringLiteral("notes.txt");
    a.mimeType = QStringLiteral("text/plain");
    a.data = "hello";
    a.relationship = QStringLiteral("Supplement");
    a.modified = QDateTime(QDate(2025, 1, 1), QTime(0, 0), Qt::UTC);
    QString error;
    const bool ok = PdfAttachmentWriter::addAttachment(
        corpusFile(QStringLiteral("ferd24_XRECHNUNG_Elektron.pdf")), out, a, &error);
    ASSERT_TRUE(ok) << qPrintable(error);
    PopplerPdfReader reader;
    ASSERT_TRUE(reader.open(out)) << qPrintable(reader.errorString());
    EXPECT_EQ(reader.embeddedFiles().size(), 5);
    const auto embedded = EmbeddedInvoice::find(reader);
    ASSERT_TRUE(embedded.has_value());
    EXPECT_EQ(embedded->fileName, QStringLiteral("xrechnung.xml"));
}

TEST(PdfAttachmentWriter, ClearErrorsForUnsupportedPdfs)
{
    PdfAttachment a;
    a.name = QStringLiteral("factur-x.xml");
    a.data = kCiiInvoice;
    QTemporaryDir tmp;
    QString error;
    // kraxi_2014-03.pdf (iText) uses a cross-reference stream.
    EXPECT_FALSE(PdfAttachmentWriter::addAttachment(corpusFile(QStringLiteral("kraxi_2014-03.pdf")),
                                                    tmp.filePath(QStringLiteral("x.pdf")), a, &error));
    EXPECT_TRUE(error.contains(QStringLiteral("kraxi_2014-03.pdf"))) << qPrintable(error);
    EXPECT_TRUE(error.contains(QStringLiteral("cross-reference streams"))) << qPrintable(error);
    EXPECT_FALSE(QFile::exists(tmp.filePath(QStringLiteral("x.pdf"))));

    EXPECT_FALSE(PdfAttachmentWriter::addAttachment(QByteArray("hello"), a, &error).has_value());
    EXPECT_TRUE(error.contains(QStringLiteral("not a PDF"))) << qPrintable(error);
    const QByteArray pdf = minimalPdf();
    EXPECT_FALSE(PdfAttachmentWriter::addAttachment(pdf.left(pdf.size() - 40), a, &error).has_value());
    EXPECT_FALSE(error.isEmpty());
}

#ifdef EINVOICE_SAMPLEGEN
TEST(PdfAttachmentWriter, RoundTripOnQPdfWriterPdf)
{
    // The sample generator renders with QPdfWriter; its non-embedded PDFs are plain QPdfWriter output.
    QTemporaryDir tmp;
    const auto gen = test::run(QStringLiteral(EINVOICE_SAMPLEGEN), {tmp.path()});
    ASSERT_EQ(gen.exitCode, 0) << gen.err.constData();
    const QString in = tmp.filePath(QStringLiteral("en-consulting-invoice.pdf"));
    ASSERT_TRUE(QFile::exists(in));
    PopplerPdfReader reader;
    ASSERT_TRUE(reader.open(in)) << qPrintable(reader.errorString());
    ASSERT_TRUE(reader.embeddedFiles().isEmpty());

    PdfAttachment a;
    a.name = QStringLiteral("factur-x.xml");
    a.data = test::readFile(tmp.filePath(QStringLiteral("en-consulting-invoice.xml")));
    ASSERT_FALSE(a.data.isEmpty());
    const QString out = tmp.filePath(QStringLiteral("with-xml.pdf"));
    QString error;
    ASSERT_TRUE(PdfAttachmentWriter::addAttachment(in, out, a, &error)) << qPrintable(error);
    ASSERT_TRUE(reader.open(out)) << qPrintable(reader.errorString());
    const QList<PdfEmbeddedFile> files = reader.embeddedFiles();
    ASSERT_EQ(files.size(), 1);
    EXPECT_EQ(files[0].data, a.data);
    EXPECT_FALSE(reader.pageText(0).trimmed().isEmpty());
    const auto detach = test::run(QStringLiteral("pdfdetach"), {QStringLiteral("-list"), out});
    EXPECT_TRUE(detach.out.contains("factur-x.xml")) << detach.out.constData() << detach.err.constData();
}
#endif

TEST(PdfTextLayout, ReadsTextTurnedByThePageRotationInItsOwnDirection)
{
    // Upright text on a page that /Rotate turns: as displayed it runs down, up or upside down.
    const QByteArray content = "BT /F1 12 Tf 72 720 Td (Fakturanummer) Tj 150 0 Td (4711) Tj ET "
                               "BT /F1 12 Tf 72 700 Td (Sum) Tj 150 0 Td (100,00) Tj ET";
    QTemporaryDir dir;
    for (int rotate : {0, 90, 180, 270}) {
        const QString path = dir.filePath(QStringLiteral("r%1.pdf").arg(rotate));
        ASSERT_TRUE(writeFile(path, minimalPdf(content, rotate)));
        const PdfTextLayout layout = PdfTextLayout::load(path);
        ASSERT_TRUE(layout.isUsable()) << rotate;
        const TextPage &page = layout.pages().first();
        EXPECT_EQ(page.size.toSize(), QSize(595, 842)) << rotate;
        ASSERT_EQ(page.lines.size(), 2) << rotate;
        ASSERT_EQ(page.lines[0].segments.size(), 2) << rotate;
        EXPECT_EQ(page.lines[0].segments[0].text, "Fakturanummer") << rotate;
        EXPECT_EQ(page.lines[0].segments[1].text, "4711") << rotate;
        EXPECT_EQ(page.lines[1].text(), "Sum  100,00") << rotate;
        EXPECT_NEAR(page.lines[0].box.left(), 72, 2) << rotate;
    }
}

TEST(PdfTextLayout, RepairsLigaturesWithByteSwappedUnicodeMappings)
{
    // Ghostscript writes the "tt" and "ti" ligatures as U+7400 U+7400 and U+7400 U+6900.
    EXPECT_EQ(PdfTextLayout::cleanWord(QString::fromUtf8("Mi琀琀e")), "Mitte");
    EXPECT_EQ(PdfTextLayout::cleanWord(QString::fromUtf8("Posi琀椀onssumme")), "Positionssumme");
    EXPECT_EQ(PdfTextLayout::cleanWord(QString::fromUtf8("Au昀琀raggeber")), "Auftraggeber");
    EXPECT_EQ(PdfTextLayout::cleanWord(QString::fromUtf8("ﬁnal")), "final"); // a real ligature
    EXPECT_EQ(PdfTextLayout::cleanWord(QString::fromUtf8("東京")), QString::fromUtf8("東京")); // real CJK
}
