#include "documentintake.h"

#include "ciiwriter.h"
#include "einvoicexml.h"
#include "ublwriter.h"

#include <QCoreApplication>

namespace einvoice::portal {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("DocumentIntake", text);
}

QString endpointOf(const Party &party)
{
    if (party.electronicAddress.id.isEmpty())
        return {};
    return party.electronicAddress.scheme.trimmed() + QLatin1Char(':') + party.electronicAddress.id.trimmed();
}

const Attachment *pdfAttachment(const Invoice &invoice)
{
    for (const Attachment &a : invoice.attachments) {
        if (a.hasContent() &&
            (a.mimeCode.compare(QLatin1String("application/pdf"), Qt::CaseInsensitive) == 0 ||
             a.content.startsWith("%PDF-")))
            return &a;
    }
    return nullptr;
}

} // namespace

IntakeResult DocumentIntake::inspect(const QByteArray &payload)
{
    IntakeResult result;
    if (payload.trimmed().isEmpty()) {
        result.error = tr("The upload is empty; send the e-invoice XML as the request body.");
        return result;
    }
    const XmlReadResult read = EInvoiceXml::read(payload, tr("the uploaded document"));
    if (!read.ok()) {
        result.error = read.error;
        return result;
    }
    const Invoice &invoice = *read.invoice;
    Validator::Options options;
    options.syntax = read.syntax;
    // Peppol BIS 3 is a UBL specification; a CII upload is held to EN 16931.
    options.peppol = read.syntax == Syntax::Ubl;
    result.failures = Validator::validate(invoice, options);
    result.verdict = Validator::hasFatal(result.failures) ? IntakeResult::Verdict::Invalid
                                                          : IntakeResult::Verdict::Accepted;
    DocumentRecord &m = result.meta;
    m.syntax = read.syntax == Syntax::Cii ? QStringLiteral("cii") : QStringLiteral("ubl");
    m.documentType = invoice.isCreditNote() ? QStringLiteral("creditnote") : QStringLiteral("invoice");
    m.invoiceNumber = invoice.number;
    m.issueDate = invoice.issueDate;
    m.sellerName = invoice.seller.name;
    m.buyerName = invoice.buyer.name;
    m.sellerEndpoint = endpointOf(invoice.seller);
    m.buyerEndpoint = endpointOf(invoice.buyer);
    m.currency = invoice.currency;
    m.payable = invoice.totals.payable.toString();
    m.hasPdf = pdfAttachment(invoice) != nullptr;
    return result;
}

QByteArray DocumentIntake::render(const QByteArray &payload, const QString &format, QString *contentType,
                                  QString *error)
{
    const XmlReadResult read = EInvoiceXml::read(payload, tr("the stored document"));
    if (!read.ok()) {
        *error = read.error;
        return {};
    }
    if (format == QLatin1String("ubl")) {
        *contentType = QStringLiteral("application/xml");
        // The original bytes when they are UBL: the receiver gets exactly what was signed off.
        return read.syntax == Syntax::Ubl ? payload : UblWriter::write(*read.invoice);
    }
    if (format == QLatin1String("cii")) {
        *contentType = QStringLiteral("application/xml");
        return read.syntax == Syntax::Cii ? payload : CiiWriter::write(*read.invoice);
    }
    if (format == QLatin1String("pdf")) {
        const Attachment *pdf = pdfAttachment(*read.invoice);
        if (!pdf) {
            *error = tr("The document has no embedded PDF rendition.");
            return {};
        }
        *contentType = QStringLiteral("application/pdf");
        return pdf->content;
    }
    *error = tr("Unknown format \"%1\"; use ubl, cii or pdf.").arg(format);
    return {};
}

QString DocumentIntake::downloadName(const DocumentRecord &document, const QString &format)
{
    QString number;
    for (const QChar c : document.invoiceNumber.left(60)) {
        if ((c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
            (c >= QLatin1Char('A') && c <= QLatin1Char('Z')) ||
            (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('-') ||
            c == QLatin1Char('_'))
            number.append(c);
        else
            number.append(QLatin1Char('_'));
    }
    if (number.isEmpty())
        number = document.id;
    const QString suffix = format == QLatin1String("pdf")   ? QStringLiteral(".pdf")
                           : format == QLatin1String("cii") ? QStringLiteral("-cii.xml")
                                                            : QStringLiteral("-ubl.xml");
    return QStringLiteral("invoice-") + number + suffix;
}

} // namespace einvoice::portal
