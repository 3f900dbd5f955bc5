// Attachments Poppler's C++ API cannot see (/AF, page annotations, object streams), read by our
// own object reader, on hand-built PDFs and on every PDF of the dev corpus.
#include "embeddedinvoice.h"
#include "pdfassociatedfiles.h"
#include "popplerpdfreader.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <gtest/gtest.h>
#include <zlib.h>

using namespace einvoice;
using namespace einvoice::test;

namespace {

const QByteArray kUbl =
    "<?xml version=\"1.0\"?>\n<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\""
    " xmlns:cbc=\"urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2\">"
    "<cbc:ID>AF-1</cbc:ID></Invoice>\n";

QByteArray deflate(const QByteArray &in)
{
    uLongf size = compressBound(uLong(in.size()));
    QByteArray out(qsizetype(size), Qt::Uninitialized);
    compress(reinterpret_cast<Bytef *>(out.data()), &size, reinterpret_cast<const Bytef *>(in.constData()),
             uLong(in.size()));
    out.resize(qsizetype(size));
    return out;
}

QByteArray stream(const QByteArray &dict, const QByteArray &data)
{
    return "<< " + dict + " /Length " + QByteArray::number(data.size()) + " >>\nstream\n" + data +
           "\nendstream";
}

/// A PDF from object bodies (object i+1 = bodies[i]) with a correct classic xref table.
QByteArray buildPdf(const QList<QByteArray> &bodies)
{
    return pdfFromObjects(bodies);
}

const QByteArray kPage = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>";

QString writeTemp(const QTemporaryDir &dir, const QString &name, const QByteArray &bytes)
{
    QFile f(dir.filePath(name));
    f.open(QIODevice::WriteOnly);
    f.write(bytes);
    return f.fileName();
}

} // namespace

TEST(PdfAssociatedFiles, CatalogAfOnly)
{
    // No Names tree: the invoice is reachable only through the catalog's /AF array.
    const QByteArray pdf = buildPdf({
        "<< /Type /Catalog /Pages 2 0 R /AF [4 0 R] >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        kPage,
        "<< /Type /Filespec /F (ubl-invoice.xml) /UF (ubl-invoice.xml) /AFRelationship /Alternative "
        "/Desc (Invoice \\(UBL\\)) /EF << /F 5 0 R >> >>",
        stream("/Type /EmbeddedFile /Subtype /text#2Fxml /Filter /FlateDecode", deflate(kUbl)),
    });
    QString error;
    const QList<PdfEmbeddedFile> files = PdfAssociatedFiles::read(pdf, &error);
    ASSERT_EQ(files.size(), 1) << error.toStdString();
    EXPECT_EQ(files[0].name, QStringLiteral("ubl-invoice.xml"));
    EXPECT_EQ(files[0].description, QStringLiteral("Invoice (UBL)"));
    EXPECT_EQ(files[0].mimeType, QStringLiteral("text/xml"));
    EXPECT_EQ(files[0].data, kUbl);

    // Through the engine: Poppler alone sees nothing, the reader finds the e-invoice.
    QTemporaryDir dir;
    PopplerPdfReader reader;
    ASSERT_TRUE(reader.open(writeTemp(dir, QStringLiteral("af.pdf"), pdf)))
        << reader.errorString().toStdString();
    const auto found = EmbeddedInvoice::find(reader);
    ASSERT_TRUE(found.has_value());
    EXPECT_EQ(found->fileName, QStringLiteral("ubl-invoice.xml"));
    EXPECT_EQ(found->syntax, Syntax::Ubl);
}

TEST(PdfAssociatedFiles, ObjectStreamAndAnnotationWithUnicodeName)
{
    // Catalog, pages and filespec live in a compressed object stream; the file hangs off a page
    // FileAttachment annotation and has a UTF-16 name.
    const QByteArray utf16Name =
        QByteArray("\xFE\xFF") + QByteArray("\x00R\x00\xE4\x00k\x00n\x00i\x00n\x00g\x00.\x00x\x00m\x00l", 22);
    const QList<QByteArray> inner = {
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Annots [4 0 R] >>",
        "<< /Type /Annot /Subtype /FileAttachment /Rect [0 0 10 10] /FS 5 0 R >>",
        "<< /Type /Filespec /F (r.xml) /UF <" + utf16Name.toHex() + "> /EF << /F 6 0 R >> >>",
    };
    QByteArray header, body;
    for (int i = 0; i < inner.size(); ++i) {
        header += QByteArray::number(i + 1) + ' ' + QByteArray::number(body.size()) + ' ';
        body += inner[i] + '\n';
    }
    const QByteArray objStm = header + body;
    const QByteArray pdf =
        QByteArray("%PDF-1.7\n") + "6 0 obj\n" + stream("/Type /EmbeddedFile", kUbl) + "\nendobj\n" +
        "7 0 obj\n" +
        stream("/Type /ObjStm /N 5 /First " + QByteArray::number(header.size()) + " /Filter /FlateDecode",
               deflate(objStm)) +
        "\nendobj\n%%EOF\n";
    QString error;
    const QList<PdfEmbeddedFile> files = PdfAssociatedFiles::read(pdf, &error);
    ASSERT_EQ(files.size(), 1) << error.toStdString();
    EXPECT_EQ(files[0].name, QStringLiteral("Räkning.xml"));
    EXPECT_EQ(files[0].data, kUbl);
}

TEST(PdfAssociatedFiles, NamesSpelledWithEscapesAreStillFound)
{
    // "/#45#46" is "/EF" and "/#41F" is "/AF": a file whose raw bytes never say "/EF" is
    // still searched when a key could be hiding behind #xx escapes.
    const QByteArray pdf = buildPdf({"<< /Type /Catalog /#41F [2 0 R] >>",
                                     "<< /Type /Filespec /F (e.xml) /#45#46 << /F 3 0 R >> >>",
                                     stream("/Type /EmbeddedFile", kUbl)});
    ASSERT_FALSE(pdf.contains("/EF"));
    QString error;
    const QList<PdfEmbeddedFile> files = PdfAssociatedFiles::read(pdf, &error);
    ASSERT_EQ(files.size(), 1) << error.toStdString();
    EXPECT_EQ(files[0].data, kUbl);
}

TEST(PdfAssociatedFiles, HostileInputNeverCrashes)
{
    QByteArray deep = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /AF ";
    deep += QByteArray(5000, '[');
    deep += "\nendobj\n";
    QByteArray loop = buildPdf({"<< /Type /Catalog /AF 2 0 R >>", "3 0 R", "2 0 R"});
    QByteArray badLength =
        buildPdf({"<< /Type /Catalog /AF [2 0 R] >>", "<< /Type /Filespec /F (x.xml) /EF << /F 3 0 R >> >>",
                  "<< /Length 999999999 >>\nstream\nabc\nendstream"});
    QByteArray bomb =
        buildPdf({"<< /Type /Catalog /AF [2 0 R] >>", "<< /Type /Filespec /F (x.xml) /EF << /F 3 0 R >> >>",
                  stream("/Filter /FlateDecode", deflate(QByteArray(100 * 1024 * 1024, 'A')))});
    const QByteArray truncated = bomb.left(bomb.size() / 2);
    QString error;
    EXPECT_TRUE(PdfAssociatedFiles::read(deep, &error).isEmpty());
    EXPECT_TRUE(PdfAssociatedFiles::read(loop, &error).isEmpty());
    const auto bad = PdfAssociatedFiles::read(badLength, &error);
    ASSERT_EQ(bad.size(), 1); // the data ends at endstream, whatever /Length claims
    EXPECT_EQ(bad[0].data, QByteArray("abc"));
    EXPECT_TRUE(PdfAssociatedFiles::read(bomb, &error).isEmpty()) << "over 64 MiB decoded must be refused";
    EXPECT_TRUE(PdfAssociatedFiles::read(truncated, &error).isEmpty());
    error.clear();
    EXPECT_TRUE(PdfAssociatedFiles::read("plain text", &error).isEmpty());
    EXPECT_FALSE(error.isEmpty());
}

// On every dev corpus PDF, the reader finds the same e-invoice bytes pdfdetach extracts,
// including PDFs with cross-reference streams and object streams.
TEST(PdfAssociatedFiles, MatchesPdfdetachOnTheCorpus)
{
    const QDir corpus(test::sharedDir() + QStringLiteral("/corpus/dev"));
    QTemporaryDir out;
    int withXml = 0;
    for (const QString &name : corpus.entryList({QStringLiteral("*.pdf")}, QDir::Files, QDir::Name)) {
        if (name.endsWith(QLatin1String(".noxml.pdf")))
            continue;
        const QString dest = out.filePath(name);
        QDir().mkpath(dest);
        const test::ProcessResult r =
            test::run(QStringLiteral("pdfdetach"),
                      {QStringLiteral("-saveall"), QStringLiteral("-o"), dest, corpus.filePath(name)});
        ASSERT_EQ(r.exitCode, 0) << r.err.constData();
        const QList<PdfEmbeddedFile> ours = PdfAssociatedFiles::read(test::readFile(corpus.filePath(name)));
        const QStringList detached = QDir(dest).entryList(QDir::Files);
        EXPECT_EQ(ours.size(), detached.size()) << name.toStdString();
        for (const QString &file : detached) {
            if (!file.endsWith(QLatin1String(".xml")))
                continue;
            ++withXml;
            const QByteArray expected = test::readFile(QDir(dest).filePath(file));
            const bool found = std::any_of(ours.begin(), ours.end(), [&](const PdfEmbeddedFile &f) {
                return f.name == file && f.data == expected;
            });
            EXPECT_TRUE(found) << name.toStdString() << ": " << file.toStdString();
        }
    }
    EXPECT_EQ(withXml, 31);
}
