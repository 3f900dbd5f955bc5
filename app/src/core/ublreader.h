#pragma once

#include "invoice.h"

#include <optional>

namespace einvoice {

class XmlElement;

/// Reads a UBL 2.1 Invoice or CreditNote (Peppol BIS Billing 3.0 / EN 16931 binding) into the model.
/// Stateless; any thread.
class UblReader
{
public:
    static constexpr const char *kInvoiceNs = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
    static constexpr const char *kCreditNoteNs = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2";
    static constexpr const char *kCacNs =
        "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2";
    static constexpr const char *kCbcNs =
        "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";

    /// @p error receives a plain-language reason when the document is not a readable UBL invoice.
    static std::optional<Invoice> read(const XmlElement &root, QString *error);
};

} // namespace einvoice
