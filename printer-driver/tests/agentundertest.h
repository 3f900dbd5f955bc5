#pragma once

#include "printertestenv.h"

#include <QJsonArray>
#include <QJsonObject>
#include <optional>
#include <string>
#include <sys/types.h>
#include <vector>

namespace einvoice::printertest {

/// A headless `einvoice-agent` running AS a test user (fork + setgroups/setgid/setuid, no shell),
/// the way a bookkeeper's session runs it. It gets a private root directory owned by that user
/// (mode 0700) holding copies of the agent and CLI binaries (the build tree may be private),
/// its configuration, data directory and an "exported" watch folder. Two sender profiles:
/// "printed" (the printer's captures, from `printerSpoolDir`) and "exported" (the watch folder),
/// both reviewing everything, so the two ways in can be compared. Not copyable; stopped by its
/// pid and removed by the destructor. Needs root. Used from the test thread only.
class AgentUnderTest
{
public:
    struct Options
    {
        int settleMs = 100; ///< [agent] settle_ms
        int pollMs = 200;   ///< [agent] poll_ms
    };

    AgentUnderTest(TestUser user, std::string printerSpoolDir, Options options);
    AgentUnderTest(TestUser user, std::string printerSpoolDir)
        : AgentUnderTest(std::move(user), std::move(printerSpoolDir), Options{})
    {
    }
    ~AgentUnderTest();
    AgentUnderTest(const AgentUnderTest &) = delete;
    AgentUnderTest &operator=(const AgentUnderTest &) = delete;

    /// Starts the agent and waits until its control socket answers; false (with why()) if not.
    bool start();
    /// SIGTERM, then SIGKILL after a deadline.
    void stop();
    /// False once the agent has exited (reaped here; why() then says how: exit code or signal).
    bool running();
    std::string why() const { return m_why; }

    std::string root() const { return m_root; }
    std::string configPath() const { return m_root + "/agent.ini"; }
    std::string dataDir() const { return m_root + "/data"; }
    std::string exportDir() const { return m_root + "/export"; }
    /// stdout and stderr of every run so far.
    std::string log() const;

    /// `einvoice ARGS --json --config FILE` run as the user; nullopt (details in why()) when it
    /// fails or does not print a JSON object.
    std::optional<QJsonObject> cli(const std::vector<std::string> &args);
    /// `einvoice queue list --json`: every job, newest first.
    std::optional<QJsonArray> jobs();
    /// The messages of a job's timeline (`einvoice queue show ID --json`).
    std::vector<std::string> events(qint64 id);
    /// The first job whose `source` is @p source and whose state is past reading (its
    /// extraction.json exists), or nullopt.
    std::optional<QJsonObject> readJob(const std::string &source, qint64 notId = 0);
    /// `<data_dir>/jobs/<id>/<name>` parsed; an empty object when missing or not JSON.
    QJsonObject jobFile(qint64 id, const std::string &name) const;
    /// Copies @p file into the watch folder (as temp + rename, owned by the user).
    void exportFile(const std::string &file, const std::string &name);

private:
    TestUser m_user;
    std::string m_spool;
    Options m_options;
    std::string m_root;
    pid_t m_pid = -1;
    std::string m_why;
};

} // namespace einvoice::printertest
