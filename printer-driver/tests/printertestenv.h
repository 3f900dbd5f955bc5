#pragma once

#include "processrunner.h"

#include <chrono>
#include <functional>
#include <optional>
#include <pwd.h>
#include <string>
#include <vector>

namespace einvoice::printertest {

/// A local account for the tests (created with useradd when missing; needs root).
struct TestUser
{
    std::string name;
    uid_t uid = 0;
    gid_t gid = 0;
};

/// Helpers shared by the backend, security, CUPS and package tests. Stateless.
class PrinterTestEnv
{
public:
    static bool isRoot();
    /// The account `name`, created (no home, no login shell) if it does not exist yet.
    static TestUser ensureUser(const std::string &name);
    /// The user the tests print as: "einvoice-test1" when root, otherwise the current user.
    static TestUser printingUser();

    /// A fresh directory under /tmp with the given mode (removed by removeTree()).
    static std::string makeTempDir(const std::string &prefix, mode_t mode = 0755);
    static void removeTree(const std::string &path);

    static std::string readFile(const std::string &path);
    static void writeFile(const std::string &path, const std::string &data, mode_t mode = 0644);
    /// Names in a directory, sorted, without "." and "..".
    static std::vector<std::string> list(const std::string &dir);

    /// Polls condition until it holds or the deadline passes (no fixed sleeps); true if it held.
    static bool waitFor(const std::function<bool()> &condition,
                        std::chrono::milliseconds timeout = std::chrono::milliseconds(20000));

    /// The backend binary, the PPD and the test invoice (set by CMake).
    static std::string backendPath();
    static std::string ppdPath();
    static std::string invoicePdf();    ///< a real invoice without embedded XML, one page
    static std::string invoiceNumber(); ///< the number printed on it
    static std::string sourceDir();
    static std::string binaryDir();
};

/// A private cupsd on a loopback port with its own configuration, spool, log and backend
/// directories, and an "eInvoice" queue whose backend writes into a private spool root.
/// Stopped (by its pid) and removed by the destructor. Requires root. Not copyable.
class PrivateCupsd
{
public:
    /// backendDir: directory cupsd takes backends from; empty = a private copy of the built
    /// backend (root-owned, mode 0700). Set it to /usr/lib/cups/backend to use installed ones.
    explicit PrivateCupsd(std::string backendDir = {});
    ~PrivateCupsd();
    PrivateCupsd(const PrivateCupsd &) = delete;
    PrivateCupsd &operator=(const PrivateCupsd &) = delete;

    /// Starts cupsd and waits until it answers; false (with why()) on failure.
    bool start();
    std::string why() const { return m_why; }

    /// "localhost:PORT", for -h and CUPS_SERVER.
    std::string server() const;
    std::string base() const { return m_base; }
    std::string spoolRoot() const { return m_base + "/capture"; }
    std::string errorLog() const;

    /// Creates the eInvoice queue with the project's PPD and the private spool root.
    ProcessRunner::Result addQueue(const std::string &name = "eInvoice");
    /// Runs a CUPS client (lp, lpstat, lpadmin, …) against this server, optionally as a user.
    ProcessRunner::Result client(std::vector<std::string> argv, std::optional<TestUser> as = std::nullopt);
    /// lp -d queue …; returns the job id or 0 (details in lastError()).
    int print(const std::string &file, const std::string &title, const std::vector<std::string> &extra = {},
              std::optional<TestUser> as = std::nullopt, const std::string &queue = "eInvoice");
    std::string lastError() const { return m_lastError; }
    /// True once the job is listed among completed jobs.
    bool jobCompleted(int jobId);

private:
    std::string m_base;
    std::string m_backendDir;
    int m_port = 0;
    pid_t m_pid = -1;
    std::string m_why;
    std::string m_lastError;
};

} // namespace einvoice::printertest
