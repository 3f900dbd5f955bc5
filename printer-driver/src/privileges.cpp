#include "privileges.h"

#include "backenderror.h"
#include "statuslog.h"

#include <cerrno>
#include <cups/backend.h>
#include <grp.h>
#include <string>
#include <unistd.h>

namespace einvoice::backend {

bool Privileges::isRoot()
{
    return geteuid() == 0;
}

void Privileges::dropTo(uid_t uid, gid_t gid)
{
    const auto fail = [](const std::string &what) {
        throw BackendError(CUPS_BACKEND_FAILED,
                           StatusLog::withErrno("Cannot drop privileges (" + what + ")", errno));
    };
    // Order matters: groups and gid while still root, the uid last.
    if (setgroups(1, &gid) != 0)
        fail("setgroups");
    if (setresgid(gid, gid, gid) != 0)
        fail("setresgid " + std::to_string(gid));
    if (setresuid(uid, uid, uid) != 0)
        fail("setresuid " + std::to_string(uid));

    uid_t ruid, euid, suid;
    gid_t rgid, egid, sgid;
    if (getresuid(&ruid, &euid, &suid) != 0 || getresgid(&rgid, &egid, &sgid) != 0)
        fail("getresuid");
    if (ruid != uid || euid != uid || suid != uid || rgid != gid || egid != gid || sgid != gid) {
        errno = EPERM;
        fail("ids did not change");
    }
    gid_t groups[2];
    const int groupCount = getgroups(2, groups);
    if (groupCount < 0 || groupCount > 1 || (groupCount == 1 && groups[0] != gid)) {
        errno = EPERM;
        fail("supplementary groups remain");
    }
    if (uid != 0 && (setuid(0) == 0 || seteuid(0) == 0)) {
        errno = EPERM;
        fail("root could be regained");
    }
}

} // namespace einvoice::backend
