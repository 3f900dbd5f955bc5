#pragma once

#include <string>
#include <sys/types.h>

namespace einvoice::backend {

/// The per-user capture spool `<root>/<uid>/`. The root belongs to root and is not writable by
/// anyone else, so only root (this backend, the installer) can create or replace a user's entry;
/// the user's directory is theirs alone (mode 0700). Holds open descriptors, not paths, so
/// nothing is looked up twice by name. Not copyable; single-threaded.
///
/// Sequence when running as root: openRoot(), prepareAsRoot() (creates the user's directory if
/// missing, owned by the user), Privileges::dropTo(), openUserDirectory(). Without root the
/// backend can serve only the user it runs as: openRoot(), openUserDirectory().
class SpoolDirectory
{
public:
    SpoolDirectory(std::string root, uid_t uid, gid_t gid);
    ~SpoolDirectory();
    SpoolDirectory(const SpoolDirectory &) = delete;
    SpoolDirectory &operator=(const SpoolDirectory &) = delete;

    /// Opens the spool root (creating it, mode 0711, when root and only it is missing) and checks
    /// it is a real directory; as root also that it is owned by root and not group/world writable.
    void openRoot();
    /// As root: creates `<uid>` (0700, owned by uid:gid) if it does not exist. An existing entry
    /// is left alone here and judged by openUserDirectory() after privileges are dropped.
    void prepareAsRoot();
    /// Opens `<uid>` without following a symlink and checks it is a directory owned by the
    /// current (dropped-to) user with mode 0700; creates it when missing and not root. A
    /// directory that fails the checks is this user's problem, not the queue's: the job is held
    /// (BackendError(CUPS_BACKEND_HOLD)) and other users keep printing.
    void openUserDirectory();

    int userFd() const { return m_userFd; }
    std::string userPath() const { return m_root + "/" + std::to_string(m_uid); }

private:
    std::string m_root;
    uid_t m_uid;
    gid_t m_gid;
    int m_rootFd = -1;
    int m_userFd = -1;
};

} // namespace einvoice::backend
