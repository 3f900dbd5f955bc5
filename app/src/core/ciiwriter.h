#pragma once

#include "invoice.h"

#include <QByteArray>

namespace einvoice {

/// Writes the model as UN/CEFACT CII D16B in the EN 16931 profile (Factur-X / ZUGFeRD "EN 16931",
/// XRechnung CII), element order of the D16B schema. Stateless; any thread.
class CiiWriter
{
public:
    static QByteArray write(const Invoice &invoice);
};

} // namespace einvoice
