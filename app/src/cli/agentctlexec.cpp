#include "agentctlexec.h"

#include "clicommon.h"

#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstring>
#include <string>
#include <unistd.h>

namespace einvoice::cli {

bool isAgentCommand(const char *command)
{
    for (const char *name : {"status", "queue", "incoming", "poll", "support-bundle"}) {
        if (std::strcmp(command, name) == 0)
            return true;
    }
    return false;
}

int execAgentCtl(char **argv)
{
    // Next to the running binary, wherever it was installed or built: never through PATH.
    char self[PATH_MAX];
    const ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
    std::string helper;
    if (n > 0) {
        self[n] = '\0';
        helper.assign(self);
        helper.erase(helper.rfind('/') + 1);
    }
    helper += EINVOICE_AGENTCTL_RELPATH;
    execv(helper.c_str(), argv);
    const int error = errno;
    std::fprintf(stderr, "einvoice: %s: %s\n%s\n", helper.c_str(), std::strerror(error),
                 qPrintable(tr("The commands that work on the agent are run by this helper; "
                               "reinstall eInvoice Connector to restore it.")));
    return ExitUnavailable;
}

} // namespace einvoice::cli
