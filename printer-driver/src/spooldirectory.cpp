#include "spooldirectory.h"

#include "backenderror.h"
#include "privileges.h"
#include "statuslog.h"

#include <cerrno>
#include <cstdio>
#include <cups/backend.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace einvoice::backend {

namespace {

std::string octal(mode_t mode)
{
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "%04o", static_cast<unsigned>(mode & 07777));
    return buffer;
}

} // namespace

SpoolDirectory::SpoolDirectory(std::string root, uid_t uid, gid_t gid)
    : m_root(std::move(root)), m_uid(uid), m_gid(gid)
{
}

SpoolDirectory::~SpoolDirectory()
{
    if (m_userFd >= 0)
        close(m_userFd);
    if (m_rootFd >= 0)
        close(m_rootFd);
}

void SpoolDirectory::openRoot()
{
    const bool root = Privileges::isRoot();
    m_rootFd = open(m_root.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (m_rootFd < 0 && errno == ENOENT && root) {
        // Only the last component is created; a missing parent means a broken installation.
        if (mkdir(m_root.c_str(), 0711) != 0 && errno != EEXIST)
            throw BackendError(
                CUPS_BACKEND_STOP,
                StatusLog::withErrno("Cannot create the eInvoice spool directory " + m_root, errno) +
                    " (reinstall the package or run \"einvoice-printer-setup install\").");
        chmod(m_root.c_str(), 0711); // mkdir honours the umask
        m_rootFd = open(m_root.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    }
    if (m_rootFd < 0) {
        const int error = errno;
        std::string text = StatusLog::withErrno("Cannot open the eInvoice spool directory " + m_root, error);
        if (error == ELOOP || error == ENOTDIR)
            text += " (it must be a real directory, not a symbolic link)";
        throw BackendError(CUPS_BACKEND_STOP, text + ".");
    }
    struct stat st;
    if (fstat(m_rootFd, &st) != 0 || !S_ISDIR(st.st_mode))
        throw BackendError(CUPS_BACKEND_STOP, "The eInvoice spool " + m_root + " is not a directory.");
    if (root && (st.st_uid != 0 || (st.st_mode & (S_IWGRP | S_IWOTH)) != 0))
        throw BackendError(CUPS_BACKEND_STOP, "The eInvoice spool directory " + m_root +
                                                  " is unsafe (owner uid " + std::to_string(st.st_uid) +
                                                  ", mode " + octal(st.st_mode) +
                                                  "); it must belong to root and not be writable by others.");
}

void SpoolDirectory::prepareAsRoot()
{
    const std::string name = std::to_string(m_uid);
    if (mkdirat(m_rootFd, name.c_str(), 0700) != 0) {
        if (errno == EEXIST)
            return;
        throw BackendError(errno == ENOSPC || errno == EDQUOT ? CUPS_BACKEND_RETRY : CUPS_BACKEND_STOP,
                           StatusLog::withErrno("Cannot create the spool directory " + userPath(), errno) +
                               ".");
    }
    // Nobody but root can write in the root, so the new entry is still ours to hand over.
    if (fchownat(m_rootFd, name.c_str(), m_uid, m_gid, AT_SYMLINK_NOFOLLOW) != 0 ||
        fchmodat(m_rootFd, name.c_str(), 0700, 0) != 0) {
        const int error = errno;
        unlinkat(m_rootFd, name.c_str(), AT_REMOVEDIR);
        throw BackendError(
            CUPS_BACKEND_STOP,
            StatusLog::withErrno("Cannot give the spool directory " + userPath() + " to uid " + name, error) +
                ".");
    }
}

void SpoolDirectory::openUserDirectory()
{
    const std::string name = std::to_string(m_uid);
    m_userFd = openat(m_rootFd, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (m_userFd < 0 && errno == ENOENT && !Privileges::isRoot()) {
        if (mkdirat(m_rootFd, name.c_str(), 0700) != 0 && errno != EEXIST)
            throw BackendError(
                CUPS_BACKEND_STOP,
                StatusLog::withErrno("Cannot create the spool directory " + userPath(), errno) +
                    "; the backend does not run as root, so the directory must exist already.");
        m_userFd = openat(m_rootFd, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    }
    if (m_userFd < 0) {
        const int error = errno;
        std::string text = StatusLog::withErrno("Cannot open the spool directory " + userPath(), error);
        if (error == ELOOP || error == ENOTDIR)
            text += " (it is a symbolic link or not a directory; refusing to follow it)";
        else if (error == EACCES)
            text += " (it belongs to someone else)";
        throw BackendError(CUPS_BACKEND_HOLD, text + ".");
    }
    struct stat st;
    if (fstat(m_userFd, &st) != 0 || !S_ISDIR(st.st_mode))
        throw BackendError(CUPS_BACKEND_HOLD, "The spool entry " + userPath() + " is not a directory.");
    if (st.st_uid != m_uid || st.st_uid != geteuid())
        throw BackendError(CUPS_BACKEND_HOLD, "The spool directory " + userPath() + " belongs to uid " +
                                                  std::to_string(st.st_uid) + ", not to uid " + name +
                                                  "; refusing to write there.");
    if ((st.st_mode & 07777) != 0700)
        throw BackendError(CUPS_BACKEND_HOLD,
                           "The spool directory " + userPath() + " has mode " + octal(st.st_mode) +
                               "; it must be 0700 (only its owner may use it). Refusing to write "
                               "there.");
}

} // namespace einvoice::backend
