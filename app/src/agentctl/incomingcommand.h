#pragma once

#include <QStringList>

namespace einvoice::cli {

/// `einvoice incoming list|respond` (the invoices the agent fetched from the portal, and the
/// buyer's business response to one of them: accept, reject, paid...) and `einvoice poll`
/// (ask the portal now for status changes and incoming invoices). Through the running agent,
/// or, when none runs, on the journal and with the profile's own transport.
class IncomingCommand
{
public:
    static int run(const QStringList &args);
    static int runPoll(const QStringList &args);
};

} // namespace einvoice::cli
