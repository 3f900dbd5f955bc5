#pragma once

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <sys/types.h>
#include <vector>

namespace einvoice::printertest {

/// Runs a program the way the CUPS scheduler or a user would: exact argv (argv[0] included),
/// an exact environment (nothing inherited), data on stdin, optionally as another user, with a
/// deadline after which it is killed. Output is collected. Stateless; blocks the calling thread.
class ProcessRunner
{
public:
    struct Options
    {
        std::vector<std::string> argv; ///< argv[0] is the program path
        std::map<std::string, std::string> env;
        std::string stdinData;
        std::optional<uid_t> uid; ///< run as this user (needs root)
        std::optional<gid_t> gid;
        std::chrono::milliseconds timeout{20000};
    };

    struct Result
    {
        int exitCode = -1; ///< -1 when killed by a signal or timed out
        int signal = 0;
        bool timedOut = false;
        std::string out;
        std::string err;
    };

    static Result run(const Options &options);

    /// Convenience: argv with PATH set to the usual system directories.
    static Result run(const std::vector<std::string> &argv,
                      const std::map<std::string, std::string> &env = {},
                      std::optional<uid_t> uid = std::nullopt, std::optional<gid_t> gid = std::nullopt);
};

} // namespace einvoice::printertest
