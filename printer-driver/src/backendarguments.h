#pragma once

#include <map>
#include <optional>
#include <string>

namespace einvoice::backend {

/// The job as the CUPS scheduler describes it: `job-id user title copies options [file]` and the
/// device URI. Parsing only checks form; nothing here is trusted for a path except the spool
/// root, which comes from the queue's device URI (set by an administrator with lpadmin).
/// A value type.
class BackendArguments
{
public:
    int jobId = 0;
    std::string user;
    std::string title;
    int copies = 1;
    std::map<std::string, std::string> options;
    std::optional<std::string> file; ///< argv[6]; data comes on stdin when absent
    std::string spoolRoot;

    /// Throws BackendError(CUPS_BACKEND_FAILED) for a malformed command line and
    /// BackendError(CUPS_BACKEND_STOP) for a device URI the backend cannot use.
    static BackendArguments parse(int argc, const char *const *argv, const char *deviceUri);

    /// The spool root named by a device URI: "einvoice:/" (or empty) gives the compiled-in
    /// default, "einvoice:/?spool=/absolute/path" a private one (tests, unusual layouts).
    static std::string spoolRootFromUri(const char *deviceUri);

    /// The option's value, if the job has it.
    std::optional<std::string> option(const std::string &name) const;
};

} // namespace einvoice::backend
