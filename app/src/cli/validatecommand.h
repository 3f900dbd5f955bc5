#pragma once

#include <QStringList>

namespace einvoice::cli {

/// `einvoice validate FILE.xml...`: prints rule failures with their ids.
class ValidateCommand
{
public:
    static int run(const QStringList &args);
};

} // namespace einvoice::cli
