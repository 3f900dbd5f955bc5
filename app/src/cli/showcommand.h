#pragma once

#include <QStringList>

namespace einvoice::cli {

/// `einvoice show FILE`: a readable summary of an invoice for a person.
class ShowCommand
{
public:
    static int run(const QStringList &args);
};

} // namespace einvoice::cli
