#pragma once

#include <QStringList>

namespace einvoice::cli {

/// `einvoice extract FILE.pdf [--json]`: what the reader found in a document, with confidence.
class ExtractCommand
{
public:
    static int run(const QStringList &args);
};

} // namespace einvoice::cli
