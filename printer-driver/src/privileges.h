#pragma once

#include <sys/types.h>

namespace einvoice::backend {

/// Dropping from root to the job's user for good. Stateless; call before any file in the user's
/// spool directory is opened, and before reading anything the user controls.
class Privileges
{
public:
    static bool isRoot();

    /// Sets the supplementary groups to just `gid`, then the real, effective and saved group and
    /// user ids to `gid`/`uid`, and checks that they took and that root cannot be regained.
    /// Throws BackendError(CUPS_BACKEND_FAILED) when any step fails.
    static void dropTo(uid_t uid, gid_t gid);
};

} // namespace einvoice::backend
