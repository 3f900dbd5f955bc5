#pragma once

#include <QStringList>

namespace einvoice::cli {

/// `einvoice status` and `einvoice queue list|show|approve|retry|discard|pause|resume|submit`:
/// talk to the running agent over its control socket, or work on the journal directly when no
/// agent runs (approvals then wait for the agent to send them).
class QueueCommand
{
public:
    static int runStatus(const QStringList &args);
    static int run(const QStringList &args);
};

} // namespace einvoice::cli
