#pragma once

#include "printertestenv.h"
#include "processrunner.h"

#include <QJsonObject>
#include <map>
#include <string>
#include <vector>

namespace einvoice::printertest {

/// Runs the real backend binary against a private spool root the way cupsd does (argv, stdin,
/// DEVICE_URI, PRINTER, CONTENT_TYPE), and reads back what it delivered. One per test; the
/// spool root (root-owned, 0711 when the tests run as root) is removed by the destructor.
class BackendHarness
{
public:
    BackendHarness();
    ~BackendHarness();

    /// argv after argv[0]: job-id user title copies options [file].
    ProcessRunner::Result run(const std::vector<std::string> &args, const std::string &stdinData,
                              const std::map<std::string, std::string> &extraEnv = {});
    /// Same, running the backend as the given user instead of the test process's.
    ProcessRunner::Result runAs(const TestUser &user, const std::vector<std::string> &args,
                                const std::string &stdinData);

    std::string spoolRoot() const { return m_root; }
    std::string deviceUri() const { return "einvoice:/?spool=" + m_root; }
    std::string userDir(const TestUser &user) const { return m_root + "/" + std::to_string(user.uid); }
    /// Parsed metadata of `<dir>/<name>`; fails the test if it is not a JSON object.
    static QJsonObject metadata(const std::string &path);

private:
    ProcessRunner::Result runImpl(const std::vector<std::string> &args, const std::string &stdinData,
                                  const std::map<std::string, std::string> &extraEnv,
                                  std::optional<TestUser> as);
    std::string m_root;
};

} // namespace einvoice::printertest
