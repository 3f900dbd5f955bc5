#include "embeddedinvoice.h"

#include "pdfreader.h"
#include "popplerpdfreader.h"
#include "xmltree.h"

namespace einvoice {

QStringList EmbeddedInvoice::wellKnownNames()
{
    // Factur-X 1.0 / ZUGFeRD 2.1+, ZUGFeRD 2.0, ZUGFeRD 1.0, XRechnung in a PDF, Order-X.
    return {QStringLiteral("factur-x.xml"), QStringLiteral("zugferd-invoice.xml"),
            QStringLiteral("zugferd_invoice.xml"), QStringLiteral("xrechnung.xml"),
            QStringLiteral("order-x.xml")};
}

namespace {

Syntax syntaxOf(const QByteArray &data)
{
    XmlError error;
    const auto root = XmlTree::parse(data, &error);
    return root ? EInvoiceXml::detect(*root) : Syntax::Unknown;
}

bool looksLikeXml(const PdfEmbeddedFile &file)
{
    if (file.name.endsWith(QLatin1String(".xml"), Qt::CaseInsensitive))
        return true;
    if (file.mimeType.contains(QLatin1String("xml"), Qt::CaseInsensitive))
        return true;
    // Some generators give no extension and no MIME type; sniff the first bytes.
    const QByteArray head = file.data.left(256).trimmed();
    return head.startsWith("<?xml") || head.startsWith("\xEF\xBB\xBF<") || head.startsWith('<');
}

} // namespace

std::optional<EmbeddedInvoice> EmbeddedInvoice::find(const PdfReader &reader)
{
    return find(reader.embeddedFiles());
}

std::optional<EmbeddedInvoice> EmbeddedInvoice::find(const QList<PdfEmbeddedFile> &files)
{
    const QStringList known = wellKnownNames();

    // Attachments ordered by preference: the specification names first (in their order), then
    // the other XML attachments in document order. The name alone is not trusted: a file named
    // factur-x.xml must still be a UBL or CII invoice.
    QList<const PdfEmbeddedFile *> candidates;
    for (const QString &name : known) {
        for (const PdfEmbeddedFile &f : files) {
            if (f.name.compare(name, Qt::CaseInsensitive) == 0)
                candidates << &f;
        }
    }
    for (const PdfEmbeddedFile &f : files) {
        if (!known.contains(f.name.toLower()) && looksLikeXml(f))
            candidates << &f;
    }
    for (const PdfEmbeddedFile *f : candidates) {
        const Syntax syntax = syntaxOf(f->data);
        if (syntax != Syntax::Unknown)
            return EmbeddedInvoice{f->name, f->data, syntax};
    }
    return std::nullopt;
}

std::optional<EmbeddedInvoice> EmbeddedInvoice::find(const QString &pdfPath, QString *error)
{
    PopplerPdfReader reader;
    if (!reader.open(pdfPath)) {
        if (error)
            *error = reader.errorString();
        return std::nullopt;
    }
    return find(reader);
}

} // namespace einvoice
