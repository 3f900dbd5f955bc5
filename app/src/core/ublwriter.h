#pragma once

#include "invoice.h"

#include <QByteArray>

namespace einvoice {

/// Writes the model as UBL 2.1 Invoice or CreditNote following Peppol BIS Billing 3.0
/// (element order of the UBL 2.1 schema, no empty elements, amounts with currencyID).
/// Stateless; any thread.
class UblWriter
{
public:
    static QByteArray write(const Invoice &invoice);
};

} // namespace einvoice
