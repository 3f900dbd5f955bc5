#include "documentprocessor.h"

#include "einvoicexml.h"
#include "invoiceextractor.h"
#include "layouttemplate.h"
#include "pdfsnapshot.h"
#include "textinvoicereader.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcProcessor, "einvoice.engine.processor")

namespace einvoice {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("DocumentProcessor", text);
}

QString reasonOf(const RuleFailure &f)
{
    return f.location.isEmpty() ? tr("%1 (rule %2)").arg(f.message, f.ruleId)
                                : tr("%1: %2 (rule %3)").arg(f.location, f.message, f.ruleId);
}

} // namespace

JobDisplay DocumentProcessor::displayOf(const Invoice &invoice)
{
    JobDisplay d;
    d.invoiceNumber = invoice.number;
    d.sellerName = invoice.seller.name;
    d.buyerName = invoice.buyer.name;
    if (!invoice.totals.payable.isZero() || !invoice.totals.taxInclusive.isZero())
        d.amount = invoice.totals.payable.isZero() ? invoice.totals.taxInclusive : invoice.totals.payable;
    d.currency = invoice.currency;
    d.issueDate = invoice.issueDate;
    return d;
}

ProcessedDocument DocumentProcessor::process(const QString &path, const SenderProfile &profile,
                                             const QString &displayName) const
{
    ProcessedDocument doc;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        doc.error = tr("%1: cannot be opened: %2").arg(displayName, file.errorString());
        return doc;
    }
    const QByteArray head = file.peek(1024);
    const bool isPdf = head.contains("%PDF-");
    QByteArray pdf;
    if (isPdf)
        pdf = file.readAll();
    file.close();

    InvoiceExtractor extractor;
    auto reader = std::make_shared<GenericTextInvoiceReader>();
    reader->setTemplates(std::make_shared<TemplateStore>(m_templateDir.isEmpty() ? TemplateStore::defaultDir()
                                                                                 : m_templateDir));
    extractor.setTextReader(reader);
    QString error;
    if (isPdf && m_pdfSource) {
        // Only the snapshot crosses over from the reader process. It holds the text unless an
        // embedded e-invoice makes it unnecessary; should that e-invoice turn out unreadable,
        // the text is asked for then.
        std::optional<PdfSnapshot> snapshot =
            m_pdfSource->read(path, PdfSnapshot::Document | PdfSnapshot::TextUnlessEInvoice, &error);
        if (!snapshot) {
            doc.error = error.replace(path, displayName);
            return doc;
        }
        extractor.setPdfReaderFactory([this, &error, path, snapshot = std::move(*snapshot)] {
            if (snapshot.textRead)
                return std::make_unique<SnapshotPdfReader>(snapshot);
            return std::make_unique<SnapshotPdfReader>(snapshot, [this, &error, path] {
                std::optional<PdfSnapshot> text = m_pdfSource->read(path, PdfSnapshot::Text, &error);
                PdfWords none; // the failure is in `error`; the document is set aside below
                none.status = TextLayerStatus::NotReadable;
                return text ? text->words : none;
            });
        });
    }
    std::optional<ExtractionResult> result = extractor.extract(path, &error);
    if (result && !error.isEmpty()) {
        // The reader process failed on the text: the document is set aside with the reason.
        doc.error = error.replace(path, displayName);
        return doc;
    }
    if (!result) {
        // The extractor names the spool file; the bookkeeper knows the document by its own name.
        doc.error = error.replace(path, displayName);
        if (doc.error.isEmpty())
            doc.error = tr("%1: not a PDF or e-invoice XML document").arg(displayName);
        return doc;
    }
    doc.readable = true;
    doc.extraction = *result;
    doc.invoice = result->invoice;
    finish(doc, profile, pdf, displayName);
    return doc;
}

ProcessedDocument DocumentProcessor::rebuild(const ProcessedDocument &previous, const Invoice &corrected,
                                             const SenderProfile &profile,
                                             const QByteArray &originalPdf) const
{
    ProcessedDocument doc;
    doc.readable = true;
    doc.extraction = previous.extraction;
    doc.invoice = corrected;
    doc.invoice.attachments.erase(
        std::remove_if(doc.invoice.attachments.begin(), doc.invoice.attachments.end(),
                       [](const Attachment &a) {
                           return a.mimeCode == QLatin1String("application/pdf") && !a.content.isEmpty();
                       }),
        doc.invoice.attachments.end());
    // A person checked every field: the reader's doubts no longer apply, the rules still do.
    doc.extraction.ready = true;
    doc.extraction.reviewReasons.clear();
    finish(doc, profile, originalPdf, doc.extraction.path);
    return doc;
}

void DocumentProcessor::finish(ProcessedDocument &doc, const SenderProfile &profile, const QByteArray &pdf,
                               const QString &displayName) const
{
    Invoice &invoice = doc.invoice;
    profile.applyTo(invoice);
    const bool ubl = profile.outputSyntax != QLatin1String("cii");
    doc.syntax = ubl ? QStringLiteral("ubl") : QStringLiteral("cii");
    if (ubl) {
        invoice.customizationId = QString::fromLatin1(kPeppolCustomizationId);
        if (!invoice.profileId.startsWith(QLatin1String("urn:fdc:peppol.eu:2017:poacc:billing:")))
            invoice.profileId = QString::fromLatin1(kPeppolProfileId);
    } else {
        invoice.customizationId = QString::fromLatin1(kEn16931CustomizationId);
    }
    const bool hasPdf = std::any_of(invoice.attachments.begin(), invoice.attachments.end(),
                                    [](const Attachment &a) { return !a.content.isEmpty(); });
    if (!pdf.isEmpty() && !hasPdf) {
        Attachment a;
        a.id = invoice.number.isEmpty() ? QFileInfo(displayName).completeBaseName() : invoice.number;
        a.description = tr("Invoice as printed (original PDF)");
        a.mimeCode = QStringLiteral("application/pdf");
        QString name = QFileInfo(displayName).fileName();
        if (!name.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive))
            name += QStringLiteral(".pdf");
        a.filename = name;
        a.content = pdf;
        invoice.attachments.prepend(a);
    }

    Validator::Options options;
    options.syntax = ubl ? Syntax::Ubl : Syntax::Cii;
    options.peppol = ubl;
    doc.failures = Validator::validate(invoice, options);
    const bool fatal = Validator::hasFatal(doc.failures);
    doc.reviewReasons = doc.extraction.reviewReasons;
    for (const RuleFailure &f : doc.failures)
        if (f.fatal && !doc.reviewReasons.contains(reasonOf(f)))
            doc.reviewReasons << reasonOf(f);
    doc.ready = doc.extraction.ready && !fatal;
    if (!fatal)
        doc.xml = EInvoiceXml::write(invoice, options.syntax);
    doc.display = displayOf(invoice);
    qCDebug(lcProcessor) << displayName << "ready" << doc.ready << "failures" << doc.failures.size();
}

} // namespace einvoice
