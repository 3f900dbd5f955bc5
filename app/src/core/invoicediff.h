#pragma once

#include "invoice.h"

#include <QStringList>

namespace einvoice {

/// Field-by-field comparison of two invoices in the EN 16931 model, for round-trip tests and
/// conversion checks. Decimals compare by value ("20.0000" equals "20"), everything else
/// exactly. Each difference reads "BT-xx name: 'a' != 'b'", prefixed with the group and its
/// index where the field repeats (e.g. "BG-25[2] BT-131 line net amount: '1' != '2'").
/// Stateless; any thread.
struct InvoiceDiff
{
    static QStringList differences(const Invoice &a, const Invoice &b);
};

} // namespace einvoice
