#pragma once

#include <stdexcept>
#include <string>

namespace einvoice::backend {

/// A failure that ends the job: the text for the CUPS `ERROR:` line and the exit code from
/// <cups/backend.h> that tells the scheduler what to do with the job (retry it later, stop the
/// queue, follow the queue's error policy). Thrown by the backend's pieces, caught once in main().
class BackendError : public std::runtime_error
{
public:
    BackendError(int exitCode, const std::string &message) : std::runtime_error(message), m_exitCode(exitCode)
    {
    }
    int exitCode() const { return m_exitCode; }

    /// The exit code for a failed write or sync: a full disk, an exceeded quota or an I/O error
    /// is worth retrying later (the job stays in CUPS); anything else is a set-up problem.
    static int exitCodeForWriteErrno(int error);

private:
    int m_exitCode;
};

} // namespace einvoice::backend
