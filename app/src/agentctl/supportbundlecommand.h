#pragma once

#include <QStringList>

namespace einvoice::cli {

/// `einvoice support-bundle [--redact] [--output FILE.zip] [--config FILE] [--jobs N]`: writes the
/// logs, the audit log, a journal summary, the masked configuration and system information into
/// one zip for support (see SupportBundle). Works whether or not the agent is running.
class SupportBundleCommand
{
public:
    static int run(const QStringList &args);
};

} // namespace einvoice::cli
