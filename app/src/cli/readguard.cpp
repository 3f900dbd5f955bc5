#include "readguard.h"

#include "clicommon.h"

#include <QDir>
#include <csignal>
#include <cstring>
#include <sys/resource.h>
#include <unistd.h>

namespace einvoice::cli {

namespace {

char g_timeoutMessage[2048];
char g_crashMessage[2048];

void copyMessage(char (&target)[2048], const QString &text)
{
    const QByteArray bytes = (QStringLiteral("einvoice: ") + text + QLatin1Char('\n')).toLocal8Bit();
    const size_t n = std::min(sizeof target - 1, size_t(bytes.size()));
    std::memcpy(target, bytes.constData(), n);
    target[n] = '\0';
}

void say(const char *message)
{
    const size_t length = std::strlen(message);
    size_t done = 0;
    while (done < length) {
        const ssize_t n = write(STDERR_FILENO, message + done, length - done);
        if (n <= 0)
            break;
        done += size_t(n);
    }
}

extern "C" void onTimeout(int)
{
    say(g_timeoutMessage);
    _exit(ExitInputError);
}

extern "C" void onCrash(int)
{
    say(g_crashMessage);
    _exit(ExitInputError);
}

int envInt(const char *name, int fallback)
{
    bool ok = false;
    const int value = qEnvironmentVariableIntValue(name, &ok);
    return ok && value >= 0 ? value : fallback;
}

} // namespace

void ReadGuard::limitMemory()
{
    static bool done = false;
    if (done)
        return;
    done = true;
    const int mb = envInt("EINVOICE_READ_MEMORY_MB", 1024);
    if (mb == 0)
        return;
    const rlim_t bytes = rlim_t(mb) * 1024 * 1024;
    rlimit current{};
    getrlimit(RLIMIT_AS, &current);
    if (current.rlim_cur != RLIM_INFINITY && current.rlim_cur < bytes)
        return; // already tighter
    const rlimit limit{bytes, current.rlim_max};
    setrlimit(RLIMIT_AS, &limit);
}

ReadGuard::ReadGuard(const QString &path)
{
    const int secs = envInt("EINVOICE_READ_TIMEOUT_SECS", 60);
    const QString shown = QDir::toNativeSeparators(path);
    copyMessage(g_timeoutMessage, tr("%1: reading the PDF took longer than %2 s and was stopped; the "
                                     "document may be damaged or built to stall readers")
                                      .arg(shown)
                                      .arg(secs));
    copyMessage(g_crashMessage, tr("%1: the PDF reader failed on this document (it may be damaged or "
                                   "need more memory than a document may use)")
                                    .arg(shown));
    struct sigaction action
    {
    };
    sigemptyset(&action.sa_mask);
    action.sa_handler = onCrash;
    action.sa_flags = SA_RESETHAND;
    for (int sig : {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT})
        sigaction(sig, &action, nullptr);
    action.sa_handler = onTimeout;
    sigaction(SIGALRM, &action, nullptr);
    if (secs > 0)
        alarm(unsigned(secs));
}

ReadGuard::~ReadGuard()
{
    alarm(0);
    struct sigaction action
    {
    };
    action.sa_handler = SIG_DFL;
    for (int sig : {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGALRM})
        sigaction(sig, &action, nullptr);
}

} // namespace einvoice::cli
