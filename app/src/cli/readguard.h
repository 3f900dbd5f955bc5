#pragma once

#include <QString>

namespace einvoice::cli {

/// Bounds the reading of one document by a command line run, so that a hostile or broken PDF
/// ends the command with a message naming the file instead of hanging or dumping core: a
/// deadline (SIGALRM) and handlers for the fatal signals a crashing parser raises print
/// "einvoice: FILE: ..." and exit with ExitInputError; the process's address space is limited
/// once for the whole run. The agent bounds its reading differently (PdfWorkerPool).
///
/// One guard at a time, on the main thread; the messages are formatted when the guard is made,
/// so the handlers only write(2) and _exit(2).
class ReadGuard
{
public:
    /// Limits the address space of this process (RLIMIT_AS), once, unless
    /// EINVOICE_READ_MEMORY_MB=0. Default 1024 MiB, like the agent's reader processes.
    static void limitMemory();

    /// Arms the deadline for @p path: EINVOICE_READ_TIMEOUT_SECS, default 60 s.
    explicit ReadGuard(const QString &path);
    ~ReadGuard();
    ReadGuard(const ReadGuard &) = delete;
    ReadGuard &operator=(const ReadGuard &) = delete;
};

} // namespace einvoice::cli
