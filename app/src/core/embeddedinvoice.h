#pragma once

#include "einvoicexml.h"
#include "pdfreader.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <optional>

namespace einvoice {

class PdfReader;

/// The e-invoice XML a PDF carries (Factur-X, ZUGFeRD, XRechnung, Order-X or any UBL/CII attachment).
struct EmbeddedInvoice
{
    QString fileName; // attachment name, e.g. "factur-x.xml"
    QByteArray data;  // the XML bytes as embedded
    Syntax syntax = Syntax::Unknown;

    /// Chooses the e-invoice among the attachments of an open PDF: the names the Factur-X /
    /// ZUGFeRD / XRechnung specifications use first, then any XML attachment whose root element
    /// is a UBL or CII invoice. Other attachments (delivery notes as PDF, images, ...) are ignored.
    /// Returns nothing when no attachment is an e-invoice.
    static std::optional<EmbeddedInvoice> find(const PdfReader &reader);
    /// The same choice among attachments already read.
    static std::optional<EmbeddedInvoice> find(const QList<PdfEmbeddedFile> &files);
    /// Opens @p pdfPath with Poppler and calls find(reader); @p error gets the open error, if any.
    static std::optional<EmbeddedInvoice> find(const QString &pdfPath, QString *error = nullptr);

    /// The attachment names the specifications define, in order of preference (lower case).
    static QStringList wellKnownNames();
};

} // namespace einvoice
