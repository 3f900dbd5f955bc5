#include "invoiceextractor.h"

#include "embeddedinvoice.h"
#include "pdfreader.h"
#include "popplerpdfreader.h"
#include "validator.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonValue>

namespace einvoice {

namespace {

constexpr qint64 kMaxXmlBytes = 64LL * 1024 * 1024;

std::optional<ExtractionResult> failed(const QString &message, QString *error)
{
    if (error)
        *error = message;
    return std::nullopt;
}

bool startsLikeXml(const QByteArray &data)
{
    QByteArray head = data.left(512);
    if (head.startsWith("\xEF\xBB\xBF"))
        head = head.mid(3);
    return head.trimmed().startsWith('<');
}

} // namespace

InvoiceExtractor::InvoiceExtractor()
    : m_pdfReaderFactory([] { return std::unique_ptr<PdfReader>(new PopplerPdfReader); })
{
}

void InvoiceExtractor::fillFromXml(ExtractionResult &result, const Invoice &invoice, Syntax syntax)
{
    result.invoice = invoice;
    result.fromEmbeddedXml = true;
    result.embeddedSyntax = syntax;
    result.evidence.clear();
    // The XML states the values, so they are certain; every field it has gets full confidence.
    const QJsonObject fields = result.fieldsJson();
    for (auto it = fields.constBegin(); it != fields.constEnd(); ++it) {
        if (it.value().isNull())
            continue;
        FieldEvidence ev;
        ev.confidence = 1.0;
        ev.source = FieldSource::EmbeddedXml;
        result.evidence.insert(it.key(), ev);
    }

    Validator::Options options;
    options.peppol = false; // the document was made for its own network; Peppol rules apply when sending
    options.syntax = syntax;
    const QList<RuleFailure> failures = Validator::validate(invoice, options);
    result.ready = !Validator::hasFatal(failures);
    for (const RuleFailure &f : failures) {
        if (!f.fatal)
            continue;
        QString reason =
            f.location.isEmpty()
                ? QCoreApplication::translate("InvoiceExtractor", "%1 (rule %2)").arg(f.message, f.ruleId)
                : QCoreApplication::translate("InvoiceExtractor", "%1: %2 (rule %3)")
                      .arg(f.location, f.message, f.ruleId);
        result.reviewReasons << reason;
    }
}

std::optional<ExtractionResult> InvoiceExtractor::extract(const QString &path, QString *error) const
{
    if (error)
        error->clear();
    const QString shown = QDir::toNativeSeparators(path);
    const QFileInfo info(path);
    if (!info.exists())
        return failed(
            QCoreApplication::translate("InvoiceExtractor", "%1: the file does not exist").arg(shown), error);
    if (info.isDir())
        return failed(
            QCoreApplication::translate("InvoiceExtractor", "%1: is a folder, not a file").arg(shown), error);
    if (info.size() == 0)
        return failed(QCoreApplication::translate("InvoiceExtractor", "%1: the file is empty").arg(shown),
                      error);

    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return failed(QCoreApplication::translate("InvoiceExtractor", "%1: cannot read the file: %2")
                          .arg(shown, file.errorString()),
                      error);
    const QByteArray head = file.read(1024);
    if (head.contains("%PDF-"))
        return extractPdf(path, error);
    if (startsLikeXml(head)) {
        if (info.size() > kMaxXmlBytes)
            return failed(QCoreApplication::translate("InvoiceExtractor",
                                                      "%1: the XML file is too large to be an invoice")
                              .arg(shown),
                          error);
        file.seek(0);
        return extractXml(path, file.readAll(), error);
    }
    return failed(
        QCoreApplication::translate("InvoiceExtractor", "%1: not a PDF or e-invoice XML file").arg(shown),
        error);
}

std::optional<ExtractionResult> InvoiceExtractor::extractXml(const QString &path, const QByteArray &data,
                                                             QString *error) const
{
    const XmlReadResult read = EInvoiceXml::read(data, QDir::toNativeSeparators(path));
    if (!read.ok())
        return failed(read.error, error);
    ExtractionResult result;
    result.path = path;
    result.embeddedFileName = QFileInfo(path).fileName();
    fillFromXml(result, *read.invoice, read.syntax);
    return result;
}

std::optional<ExtractionResult> InvoiceExtractor::extractPdf(const QString &path, QString *error) const
{
    std::unique_ptr<PdfReader> reader = m_pdfReaderFactory();
    if (!reader->open(path))
        return failed(reader->errorString(), error);

    QStringList reasons;
    if (const auto embedded = m_ignoreEmbedded ? std::nullopt : EmbeddedInvoice::find(*reader)) {
        const XmlReadResult read = EInvoiceXml::read(
            embedded->data, QDir::toNativeSeparators(path) + QLatin1Char('/') + embedded->fileName);
        if (read.ok()) {
            ExtractionResult result;
            result.path = path;
            result.embeddedFileName = embedded->fileName;
            fillFromXml(result, *read.invoice, embedded->syntax);
            return result;
        }
        // A broken attachment must not hide the printed invoice: fall through to the text.
        reasons << QCoreApplication::translate("InvoiceExtractor",
                                               "the embedded e-invoice %1 cannot be read: %2")
                       .arg(embedded->fileName, read.error);
    }

    ExtractionResult result;
    if (m_textReader) {
        result = m_textReader->read(path, *reader);
    } else {
        result.ready = false;
        result.reviewReasons << QCoreApplication::translate(
            "InvoiceExtractor", "no embedded e-invoice found; reading the printed text is not available yet");
    }
    result.path = path;
    result.reviewReasons = reasons + result.reviewReasons;
    if (!reasons.isEmpty())
        result.ready = false;
    return result;
}

} // namespace einvoice
