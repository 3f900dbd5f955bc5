#include "backendharness.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <gtest/gtest.h>
#include <sys/stat.h>

namespace einvoice::printertest {

BackendHarness::BackendHarness()
{
    const std::string parent = PrinterTestEnv::makeTempDir("einvoice-backend", 0755);
    m_root = parent + "/spool";
    mkdir(m_root.c_str(), 0711);
    chmod(m_root.c_str(), 0711);
}

BackendHarness::~BackendHarness()
{
    PrinterTestEnv::removeTree(m_root.substr(0, m_root.rfind('/')));
}

ProcessRunner::Result BackendHarness::run(const std::vector<std::string> &args, const std::string &stdinData,
                                          const std::map<std::string, std::string> &extraEnv)
{
    return runImpl(args, stdinData, extraEnv, std::nullopt);
}

ProcessRunner::Result BackendHarness::runAs(const TestUser &user, const std::vector<std::string> &args,
                                            const std::string &stdinData)
{
    return runImpl(args, stdinData, {}, user);
}

ProcessRunner::Result BackendHarness::runImpl(const std::vector<std::string> &args,
                                              const std::string &stdinData,
                                              const std::map<std::string, std::string> &extraEnv,
                                              std::optional<TestUser> as)
{
    ProcessRunner::Options options;
    std::string backend = PrinterTestEnv::backendPath();
    if (as) {
        // The build tree may not be reachable by other users (a checkout under /root): run a
        // copy from the harness's own world-readable directory instead.
        backend = m_root.substr(0, m_root.rfind('/')) + "/einvoice";
        PrinterTestEnv::writeFile(backend, PrinterTestEnv::readFile(PrinterTestEnv::backendPath()), 0755);
    }
    options.argv.push_back(backend);
    options.argv.insert(options.argv.end(), args.begin(), args.end());
    options.env = {{"DEVICE_URI", deviceUri()},
                   {"PRINTER", "eInvoice"},
                   {"CONTENT_TYPE", "application/pdf"},
                   {"FINAL_CONTENT_TYPE", "application/pdf"},
                   {"PATH", "/usr/bin:/bin"}};
    for (const auto &[k, v] : extraEnv)
        options.env[k] = v;
    options.stdinData = stdinData;
    if (as) {
        options.uid = as->uid;
        options.gid = as->gid;
    }
    return ProcessRunner::run(options);
}

QJsonObject BackendHarness::metadata(const std::string &path)
{
    QJsonParseError error;
    const std::string text = PrinterTestEnv::readFile(path);
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(text), &error);
    EXPECT_EQ(error.error, QJsonParseError::NoError)
        << path << ": " << error.errorString().toStdString() << "\n"
        << text;
    EXPECT_TRUE(doc.isObject()) << path;
    return doc.object();
}

} // namespace einvoice::printertest
