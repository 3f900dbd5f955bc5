// InvoiceExtractor and ExtractionResult: every dev-corpus PDF with an embedded e-invoice must
// give the corpus truth, compared with the normalisation of shared/tools/score_extraction.py.

#include "extractionresult.h"
#include "invoiceextractor.h"
#include "pdfreader.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <algorithm>
#include <gtest/gtest.h>

using namespace einvoice;

namespace {

// ---- The scorer's normalisation (score_extraction.py), field by field. ----------------------

const QStringList kNames = {QStringLiteral("seller_name"), QStringLiteral("buyer_name")};
const QStringList kIds = {QStringLiteral("seller_vat_id"), QStringLiteral("buyer_vat_id"),
                          QStringLiteral("iban"), QStringLiteral("seller_org_id")};
const QStringList kAmounts = {QStringLiteral("total_without_vat"), QStringLiteral("vat_total"),
                              QStringLiteral("total_with_vat"), QStringLiteral("amount_due")};

QString scalarText(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isDouble())
        return QString::number(v.toDouble(), 'g', 17);
    return QString();
}

QString collapse(const QString &s)
{
    return s.simplified();
}

/// Python's Decimal equality: "529.87" == "529.870"; a lone ',' is the decimal mark. Returns a
/// canonical string (trailing fraction zeros removed), or "<invalid>".
QString dec(const QJsonValue &v)
{
    if (v.isNull() || v.isUndefined() || v.isBool())
        return QStringLiteral("<none>");
    QString s = scalarText(v).trimmed();
    s.remove(QChar(0x00A0));
    s.remove(QLatin1Char(' '));
    if (s.contains(QLatin1Char(',')) && !s.contains(QLatin1Char('.')))
        s.replace(QLatin1Char(','), QLatin1Char('.'));
    const auto d = Decimal::parse(s);
    if (!d)
        return QStringLiteral("<invalid:%1>").arg(s);
    return d->normalized().toString();
}

QString norm(const QString &field, const QJsonValue &v)
{
    if (v.isNull() || v.isUndefined())
        return QStringLiteral("<null>");
    if (kAmounts.contains(field))
        return dec(v);
    if (kIds.contains(field))
        return scalarText(v).remove(QRegularExpression(QStringLiteral("\\s+"))).toUpper();
    if (kNames.contains(field))
        return collapse(scalarText(v)).toCaseFolded();
    if (field == QLatin1String("currency"))
        return collapse(scalarText(v)).toUpper();
    if (field == QLatin1String("line_count"))
        return QString::number(v.toInt());
    if (field == QLatin1String("vat_breakdown")) {
        QStringList rows;
        for (const QJsonValue &x : v.toArray()) {
            const QJsonObject o = x.toObject();
            rows << QStringLiteral("(%1|%2|%3)")
                        .arg(dec(o.value(QStringLiteral("rate"))), dec(o.value(QStringLiteral("taxable"))),
                             dec(o.value(QStringLiteral("tax"))));
        }
        rows.sort();
        return rows.join(QLatin1Char(' '));
    }
    if (field == QLatin1String("lines")) {
        QStringList rows;
        for (const QJsonValue &x : v.toArray()) {
            const QJsonObject o = x.toObject();
            rows << QStringLiteral("(%1|%2|%3)")
                        .arg(collapse(scalarText(o.value(QStringLiteral("description")))).toCaseFolded(),
                             dec(o.value(QStringLiteral("quantity"))),
                             dec(o.value(QStringLiteral("net_amount"))));
        }
        return rows.join(QLatin1Char('\n'));
    }
    return collapse(scalarText(v));
}

QJsonObject loadJson(const QString &path)
{
    return QJsonDocument::fromJson(test::readFile(path)).object();
}

QString corpusDir()
{
    return test::sharedDir() + QStringLiteral("/corpus/dev");
}

struct Score
{
    int right = 0;
    int scored = 0;
    QStringList misses;
};

void scoreInto(const QString &name, const QJsonObject &truth, const QJsonObject &pred, Score *score)
{
    for (const QString &field : ExtractionResult::fieldNames()) {
        const QJsonValue t = truth.value(field);
        if (t.isNull() || t.isUndefined())
            continue;
        ++score->scored;
        const QString tn = norm(field, t);
        const QString pn = norm(field, pred.value(field));
        if (tn == pn)
            ++score->right;
        else
            score->misses << QStringLiteral("%1 %2\n  truth: %3\n  pred:  %4").arg(name, field, tn, pn);
    }
}

class FakeTextReader : public TextInvoiceReader
{
public:
    int calls = 0;
    ExtractionResult read(const QString &pdfPath) override
    {
        ++calls;
        ExtractionResult r;
        r.path = pdfPath;
        r.invoice.number = QStringLiteral("TXT-1");
        r.evidence.insert(QStringLiteral("invoice_number"),
                          FieldEvidence{0.7, FieldSource::Label, 0, QRectF()});
        r.reviewReasons << QStringLiteral("from text");
        return r;
    }
};

} // namespace

TEST(ExtractionResult, FieldNamesInCorpusOrder)
{
    const QStringList names = ExtractionResult::fieldNames();
    ASSERT_EQ(names.size(), 19);
    EXPECT_EQ(names.first(), QStringLiteral("invoice_number"));
    EXPECT_EQ(names.last(), QStringLiteral("lines"));
    EXPECT_EQ(fieldSourceName(FieldSource::EmbeddedXml), QStringLiteral("embedded_xml"));
    EXPECT_EQ(fieldSourceName(FieldSource::Arithmetic), QStringLiteral("arithmetic"));
}

TEST(ExtractionResult, EmptyResultHasOnlyNulls)
{
    ExtractionResult r;
    const QJsonObject f = r.fieldsJson();
    EXPECT_EQ(f.size(), 19);
    for (const QString &name : ExtractionResult::fieldNames())
        EXPECT_TRUE(f.value(name).isNull()) << qPrintable(name);
    const QJsonObject j = r.toJson();
    EXPECT_TRUE(j.value(QStringLiteral("embedded")).isNull());
    EXPECT_FALSE(j.value(QStringLiteral("ready")).toBool());
}

TEST(ExtractionResult, FieldsKeepTheDocumentsDigits)
{
    ExtractionResult r;
    r.invoice.number = QStringLiteral("INV-7");
    r.invoice.issueDate = QDate(2024, 2, 29);
    r.invoice.currency = QStringLiteral("EUR");
    r.invoice.totals.taxExclusive = Decimal::fromString(QStringLiteral("100.00"));
    r.invoice.totals.vatTotal = Decimal::fromString(QStringLiteral("19.000"));
    r.invoice.totals.taxInclusive = Decimal::fromString(QStringLiteral("119.00"));
    r.invoice.totals.payable = Decimal::fromString(QStringLiteral("0.00")); // paid in advance: a real zero
    VatBreakdown vb;
    vb.rate = Decimal::fromString(QStringLiteral("19.00"));
    vb.taxableAmount = Decimal::fromString(QStringLiteral("100.00"));
    vb.taxAmount = Decimal::fromString(QStringLiteral("19.000"));
    r.invoice.vatBreakdown << vb;
    PaymentMeans pm;
    pm.creditTransfers << CreditTransfer{QStringLiteral("DE02120300000000202051"), {}, {}};
    r.invoice.paymentMeans << PaymentMeans{} << pm;
    const QJsonObject f = r.fieldsJson();
    EXPECT_EQ(f.value(QStringLiteral("issue_date")).toString(), QStringLiteral("2024-02-29"));
    EXPECT_EQ(f.value(QStringLiteral("vat_total")).toString(), QStringLiteral("19.000"));
    EXPECT_EQ(f.value(QStringLiteral("amount_due")).toString(), QStringLiteral("0.00"));
    EXPECT_EQ(f.value(QStringLiteral("iban")).toString(), QStringLiteral("DE02120300000000202051"));
    EXPECT_TRUE(f.value(QStringLiteral("line_count")).isNull()); // no lines: unknown, not 0
    EXPECT_TRUE(f.value(QStringLiteral("lines")).isNull());
    EXPECT_EQ(f.value(QStringLiteral("vat_breakdown"))
                  .toArray()
                  .at(0)
                  .toObject()
                  .value(QStringLiteral("rate"))
                  .toString(),
              QStringLiteral("19.00"));

    // A reader that recorded evidence only for some fields: a zero total it did not find is null.
    r.evidence.insert(QStringLiteral("invoice_number"), FieldEvidence{});
    EXPECT_TRUE(r.fieldsJson().value(QStringLiteral("amount_due")).isNull());
}

TEST(InvoiceExtractor, EmbeddedCorpusPdfsMatchTheTruth)
{
    const QDir dir(corpusDir());
    InvoiceExtractor extractor;
    Score score;
    int files = 0;
    for (const QString &file : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        const QJsonObject truthDoc = loadJson(dir.filePath(file));
        if (truthDoc.value(QStringLiteral("format_embedded")).toString() == QLatin1String("none"))
            continue;
        const QString name = file.chopped(5);
        const QString pdf = dir.filePath(name + QStringLiteral(".pdf"));
        QString error;
        const auto result = extractor.extract(pdf, &error);
        ASSERT_TRUE(result.has_value()) << qPrintable(error);
        EXPECT_TRUE(result->fromEmbeddedXml) << qPrintable(name);
        EXPECT_EQ(syntaxName(result->embeddedSyntax),
                  truthDoc.value(QStringLiteral("format_embedded")).toString())
            << qPrintable(name);
        for (auto it = result->evidence.constBegin(); it != result->evidence.constEnd(); ++it) {
            EXPECT_EQ(it->confidence, 1.0);
            EXPECT_EQ(it->source, FieldSource::EmbeddedXml);
        }
        if (!result->ready) {
            EXPECT_FALSE(result->reviewReasons.isEmpty()) << qPrintable(name);
        }
        scoreInto(name, truthDoc.value(QStringLiteral("fields")).toObject(), result->fieldsJson(), &score);
        ++files;
    }
    EXPECT_EQ(files, 31);
    const double pct = score.scored ? 100.0 * score.right / score.scored : 0.0;
    std::printf("embedded extraction: %d/%d fields right (%.1f%%) over %d PDFs\n", score.right, score.scored,
                pct, files);
    EXPECT_EQ(score.right, score.scored) << qPrintable(score.misses.join(QLatin1Char('\n')));
}

TEST(InvoiceExtractor, JsonOfEmbeddedInvoice)
{
    InvoiceExtractor extractor;
    QString error;
    const auto r = extractor.extract(corpusDir() + QStringLiteral("/ferd24_XRECHNUNG_Elektron.pdf"), &error);
    ASSERT_TRUE(r.has_value()) << qPrintable(error);
    const QJsonObject j = r->toJson();
    EXPECT_EQ(j.value(QStringLiteral("embedded")).toObject().value(QStringLiteral("file")).toString(),
              QStringLiteral("xrechnung.xml"));
    EXPECT_EQ(j.value(QStringLiteral("embedded")).toObject().value(QStringLiteral("syntax")).toString(),
              QStringLiteral("CII"));
    EXPECT_EQ(j.value(QStringLiteral("source")).toObject().value(QStringLiteral("invoice_number")).toString(),
              QStringLiteral("embedded_xml"));
    EXPECT_EQ(
        j.value(QStringLiteral("confidence")).toObject().value(QStringLiteral("total_with_vat")).toDouble(),
        1.0);
    EXPECT_FALSE(j.value(QStringLiteral("confidence")).toObject().contains(QStringLiteral("due_date")));
    EXPECT_TRUE(j.value(QStringLiteral("review_reasons")).isArray());
    EXPECT_EQ(j.value(QStringLiteral("file")).toString(), r->path);
}

TEST(InvoiceExtractor, PdfWithoutEInvoiceIsNotReady)
{
    InvoiceExtractor extractor;
    QString error;
    const QString path = corpusDir() + QStringLiteral("/ferd24_EN16931_Einfach.noxml.pdf");
    const auto r = extractor.extract(path, &error);
    ASSERT_TRUE(r.has_value()) << qPrintable(error);
    EXPECT_FALSE(r->ready);
    EXPECT_FALSE(r->fromEmbeddedXml);
    ASSERT_FALSE(r->reviewReasons.isEmpty());
    EXPECT_TRUE(r->reviewReasons.first().contains(QStringLiteral("no embedded e-invoice")));
    for (const QString &name : ExtractionResult::fieldNames())
        EXPECT_TRUE(r->fieldsJson().value(name).isNull()) << qPrintable(name);

    // With a text reader plugged in, it is asked instead; the caller does not change.
    auto text = std::make_shared<FakeTextReader>();
    extractor.setTextReader(text);
    const auto t = extractor.extract(path, &error);
    ASSERT_TRUE(t.has_value());
    EXPECT_EQ(text->calls, 1);
    EXPECT_EQ(t->path, path);
    EXPECT_EQ(t->fieldsJson().value(QStringLiteral("invoice_number")).toString(), QStringLiteral("TXT-1"));
    EXPECT_TRUE(t->fieldsJson().value(QStringLiteral("total_with_vat")).isNull());

    // ... but never for a PDF that carries an e-invoice.
    const auto e = extractor.extract(corpusDir() + QStringLiteral("/ferd24_EN16931_Einfach.pdf"), &error);
    ASSERT_TRUE(e.has_value());
    EXPECT_EQ(text->calls, 1);
    EXPECT_TRUE(e->fromEmbeddedXml);
}

TEST(InvoiceExtractor, ReadsXmlFilesDirectly)
{
    // The embedded XML of a corpus PDF, saved as a file of its own.
    QTemporaryDir tmp;
    InvoiceExtractor extractor;
    QString error;
    const auto fromPdf =
        extractor.extract(corpusDir() + QStringLiteral("/ferd24_EN16931_Einfach.pdf"), &error);
    ASSERT_TRUE(fromPdf.has_value()) << qPrintable(error);
    const auto run =
        test::run(QStringLiteral("pdfdetach"), {QStringLiteral("-saveall"), QStringLiteral("-o"), tmp.path(),
                                                corpusDir() + QStringLiteral("/ferd24_EN16931_Einfach.pdf")});
    ASSERT_EQ(run.exitCode, 0) << "pdfdetach (poppler-utils) failed: " << run.err.constData();
    const QString xml = tmp.filePath(fromPdf->embeddedFileName);
    ASSERT_TRUE(QFile::exists(xml));
    const auto fromXml = extractor.extract(xml, &error);
    ASSERT_TRUE(fromXml.has_value()) << qPrintable(error);
    EXPECT_EQ(fromXml->fieldsJson(), fromPdf->fieldsJson());
    EXPECT_EQ(fromXml->embeddedSyntax, Syntax::Cii);
    EXPECT_EQ(fromXml->ready, fromPdf->ready);
}

TEST(InvoiceExtractor, BadInputGivesErrorsNamingTheFile)
{
    QTemporaryDir tmp;
    InvoiceExtractor extractor;
    QString error;
    auto write = [&](const QString &name, const QByteArray &data) {
        QFile f(tmp.filePath(name));
        EXPECT_TRUE(f.open(QIODevice::WriteOnly));
        f.write(data);
        return tmp.filePath(name);
    };
    struct Case
    {
        QString path;
        QString problem;
    };
    const QByteArray pdf = test::readFile(corpusDir() + QStringLiteral("/ferd24_EN16931_Einfach.pdf"));
    const QList<Case> cases = {
        {tmp.filePath(QStringLiteral("missing.pdf")), QStringLiteral("does not exist")},
        {write(QStringLiteral("empty.pdf"), {}), QStringLiteral("empty")},
        {write(QStringLiteral("notes.pdf"), "just some text\n"), QStringLiteral("not a PDF")},
        {write(QStringLiteral("half.pdf"), pdf.left(pdf.size() / 2)), QStringLiteral("truncated")},
        {write(QStringLiteral("broken.xml"), "<Invoice><unclosed>"), QStringLiteral("broken.xml")},
        {write(QStringLiteral("other.xml"), "<?xml version=\"1.0\"?><html/>"),
         QStringLiteral("not an e-invoice")},
    };
    for (const Case &c : cases) {
        error.clear();
        const auto r = extractor.extract(c.path, &error);
        EXPECT_FALSE(r.has_value()) << qPrintable(c.path);
        EXPECT_TRUE(error.contains(QFileInfo(c.path).fileName())) << qPrintable(error);
        EXPECT_TRUE(error.contains(c.problem)) << qPrintable(c.problem) << " / " << qPrintable(error);
    }
}
