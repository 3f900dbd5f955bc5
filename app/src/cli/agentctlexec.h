#pragma once

namespace einvoice::cli {

/// True for the commands that work on the agent (status, queue, incoming, poll, support-bundle).
/// They run in the helper einvoice-agentctl, which links the engine (libcurl, QtNetwork,
/// QtKeychain), so that `einvoice extract` and friends start without loading any of it.
bool isAgentCommand(const char *command);

/// Replaces this process with the helper, passing @p argv on unchanged. Returns only when the
/// helper cannot be started: prints which file is missing and returns ExitUnavailable.
int execAgentCtl(char **argv);

} // namespace einvoice::cli
