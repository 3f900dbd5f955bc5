#pragma once

#include "invoice.h"

#include <QByteArray>
#include <QString>
#include <optional>

namespace einvoice {

class XmlElement;

/// The XML syntaxes the agent reads and writes.
enum class Syntax
{
    Unknown,
    Ubl,
    Cii
};

QString syntaxName(Syntax syntax);

/// Result of reading an e-invoice XML document into the model.
struct XmlReadResult
{
    std::optional<Invoice> invoice;
    Syntax syntax = Syntax::Unknown;
    QString error;     // why the document could not be read; names the file when one was given
    QStringList notes; // things read with loss or ignored (e.g. unknown profile), for the user
    bool ok() const { return invoice.has_value(); }
};

/// Entry point for e-invoice XML: detects the syntax from the root element (UBL 2.1 Invoice or
/// CreditNote, UN/CEFACT CII D16B, ZUGFeRD 1.0 CrossIndustryDocument) and dispatches to the reader.
/// Parsing is safe for untrusted input (see XmlTree). Stateless; any thread.
class EInvoiceXml
{
public:
    static Syntax detect(const XmlElement &root);
    /// @p sourceName is used in error messages (usually the file path).
    static XmlReadResult read(const QByteArray &data, const QString &sourceName = QString());
    static XmlReadResult readFile(const QString &path);
    static QByteArray write(const Invoice &invoice, Syntax syntax);
};

} // namespace einvoice
