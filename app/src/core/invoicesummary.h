#pragma once

#include "invoice.h"

#include <QString>

namespace einvoice {

/// Renders an invoice as a short, readable text for a person (the `einvoice show` output, log
/// lines, notifications). Amounts keep their decimals; dates are ISO. Stateless; any thread.
class InvoiceSummary
{
public:
    static QString toText(const Invoice &invoice);
    /// One line: "Invoice 12345 2024-01-31 Seller AB -> Buyer AS 1 250.00 SEK".
    static QString oneLine(const Invoice &invoice);
    /// A name for the document type code (380 "Commercial invoice", 381 "Credit note", ...).
    static QString typeName(const QString &typeCode);
};

} // namespace einvoice
