#include "processrunner.h"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <grp.h>
#include <poll.h>
#include <stdexcept>
#include <sys/wait.h>
#include <unistd.h>

namespace einvoice::printertest {

ProcessRunner::Result ProcessRunner::run(const std::vector<std::string> &argv,
                                         const std::map<std::string, std::string> &env,
                                         std::optional<uid_t> uid, std::optional<gid_t> gid)
{
    Options options;
    options.argv = argv;
    options.env = env;
    if (!options.env.count("PATH"))
        options.env["PATH"] = "/usr/sbin:/usr/bin:/sbin:/bin";
    options.uid = uid;
    options.gid = gid;
    return run(options);
}

ProcessRunner::Result ProcessRunner::run(const Options &options)
{
    signal(SIGPIPE, SIG_IGN); // a child that exits without reading stdin must not kill the test
    int in[2], out[2], err[2];
    if (pipe2(in, O_CLOEXEC) != 0 || pipe2(out, O_CLOEXEC) != 0 || pipe2(err, O_CLOEXEC) != 0)
        throw std::runtime_error("pipe failed");

    std::vector<std::string> envStrings;
    for (const auto &[k, v] : options.env)
        envStrings.push_back(k + "=" + v);
    std::vector<char *> envp, argvp;
    for (auto &s : envStrings)
        envp.push_back(s.data());
    envp.push_back(nullptr);
    std::vector<std::string> argvCopy = options.argv;
    for (auto &s : argvCopy)
        argvp.push_back(s.data());
    argvp.push_back(nullptr);

    const pid_t pid = fork();
    if (pid < 0)
        throw std::runtime_error("fork failed");
    if (pid == 0) {
        dup2(in[0], 0);
        dup2(out[1], 1);
        dup2(err[1], 2);
        signal(SIGPIPE, SIG_DFL);
        if (options.gid) {
            gid_t g = *options.gid;
            if (setgroups(1, &g) != 0 || setgid(g) != 0)
                _exit(126);
        }
        if (options.uid && setuid(*options.uid) != 0)
            _exit(126);
        execve(argvp[0], argvp.data(), envp.data());
        const char *message = "exec failed\n";
        (void)!write(2, message, std::strlen(message));
        _exit(127);
    }
    close(in[0]);
    close(out[1]);
    close(err[1]);

    Result result;
    const auto deadline = std::chrono::steady_clock::now() + options.timeout;
    std::size_t written = 0;
    int inFd = in[1];
    if (options.stdinData.empty()) {
        close(inFd);
        inFd = -1;
    } else {
        fcntl(inFd, F_SETFL, O_NONBLOCK);
    }
    int outFd = out[0], errFd = err[0];
    while (outFd >= 0 || errFd >= 0 || inFd >= 0) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) {
            result.timedOut = true;
            kill(pid, SIGKILL);
            break;
        }
        pollfd fds[3];
        int n = 0;
        if (inFd >= 0)
            fds[n++] = {inFd, POLLOUT, 0};
        if (outFd >= 0)
            fds[n++] = {outFd, POLLIN, 0};
        if (errFd >= 0)
            fds[n++] = {errFd, POLLIN, 0};
        if (poll(fds, n, static_cast<int>(left.count())) < 0 && errno != EINTR)
            break;
        for (int i = 0; i < n; ++i) {
            if (!fds[i].revents)
                continue;
            if (fds[i].fd == inFd) {
                const ssize_t w =
                    write(inFd, options.stdinData.data() + written, options.stdinData.size() - written);
                if (w > 0)
                    written += static_cast<std::size_t>(w);
                if (w < 0 && errno != EAGAIN && errno != EINTR)
                    written = options.stdinData.size(); // reader gone
                if (written >= options.stdinData.size()) {
                    close(inFd);
                    inFd = -1;
                }
                continue;
            }
            char buffer[4096];
            const ssize_t r = read(fds[i].fd, buffer, sizeof buffer);
            if (r > 0) {
                (fds[i].fd == outFd ? result.out : result.err).append(buffer, static_cast<std::size_t>(r));
            } else if (r == 0 || (errno != EINTR && errno != EAGAIN)) {
                close(fds[i].fd);
                (fds[i].fd == outFd ? outFd : errFd) = -1;
            }
        }
    }
    for (int fd : {inFd, outFd, errFd}) {
        if (fd >= 0)
            close(fd);
    }
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (WIFEXITED(status) && !result.timedOut)
        result.exitCode = WEXITSTATUS(status);
    else if (WIFSIGNALED(status))
        result.signal = WTERMSIG(status);
    return result;
}

} // namespace einvoice::printertest
