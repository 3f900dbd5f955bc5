#pragma once

#include <QStringList>

namespace einvoice::cli {

/// `einvoice convert IN [-o OUT] [--format ubl|cii]`: writes a validated e-invoice.
class ConvertCommand
{
public:
    static int run(const QStringList &args);
};

} // namespace einvoice::cli
