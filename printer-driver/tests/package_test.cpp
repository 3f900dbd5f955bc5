// The Debian package end to end on this machine: build the .deb with CPack from the current
// build tree, `dpkg -i` it (its postinst creates the eInvoice queue on a private cupsd named by
// CUPS_SERVER), print to the queue, then `dpkg --purge` and check that everything is gone.
// Installs into the real /usr and /var/spool/einvoice, so it runs only as root, serialised by a
// lock file, and refuses to touch an einvoice-connector it did not install itself.

#include "printertestenv.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace einvoice::printertest;

namespace {

const char *const kPackage = "einvoice-connector";
const char *const kMarker = "/var/lib/einvoice-connector-package-test"; // "this test installed it"
const char *const kBackend = "/usr/lib/cups/backend/einvoice";
const char *const kSpoolRoot = "/var/spool/einvoice";

bool installed()
{
    const auto r = ProcessRunner::run({"/usr/bin/dpkg-query", "-W", "-f=${Status}", kPackage});
    return r.out.find("install ok installed") != std::string::npos;
}

bool exists(const std::string &path)
{
    struct stat st;
    return lstat(path.c_str(), &st) == 0;
}

class PackageTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        if (!PrinterTestEnv::isRoot())
            GTEST_SKIP() << "installing a .deb needs root";
        if (access("/usr/sbin/cupsd", X_OK) != 0)
            GTEST_SKIP() << "cupsd is not installed (apt-get install cups)";
        m_lock = open("/run/lock/einvoice-package-test.lock", O_CREAT | O_RDWR | O_CLOEXEC, 0600);
        ASSERT_GE(m_lock, 0);
        ASSERT_EQ(flock(m_lock, LOCK_EX), 0);
        if (installed() && !exists(kMarker))
            FAIL() << kPackage << " is installed on this machine and not by this test; refusing to purge it";
        if (installed())
            purge(); // left over from an interrupted run of this test
        ASSERT_TRUE(cupsd.start()) << cupsd.why();
        m_env = {{"PATH", "/usr/sbin:/usr/bin:/sbin:/bin"},
                 {"CUPS_SERVER", cupsd.server()},
                 {"LANG", "C"},
                 {"DEBIAN_FRONTEND", "noninteractive"}};
    }

    void TearDown() override
    {
        if (exists(kMarker) && installed())
            purge();
        if (m_lock >= 0)
            close(m_lock);
    }

    /// dpkg, retried while another apt/dpkg holds the lock (up to five minutes).
    ProcessRunner::Result dpkg(const std::vector<std::string> &args)
    {
        std::vector<std::string> argv{"/usr/bin/dpkg"};
        argv.insert(argv.end(), args.begin(), args.end());
        ProcessRunner::Result r;
        PrinterTestEnv::waitFor(
            [&] {
                ProcessRunner::Options options;
                options.argv = argv;
                options.env = m_env;
                options.timeout = std::chrono::milliseconds(120000);
                r = ProcessRunner::run(options);
                return r.err.find("lock") == std::string::npos || r.exitCode == 0;
            },
            std::chrono::milliseconds(300000));
        return r;
    }

    ProcessRunner::Result purge()
    {
        const auto r = dpkg({"--purge", kPackage});
        unlink(kMarker);
        return r;
    }

    PrivateCupsd cupsd{"/usr/lib/cups/backend"}; // the backends dpkg installs
    std::map<std::string, std::string> m_env;
    int m_lock = -1;
};

TEST_F(PackageTest, BuildInstallPrintPurge)
{
    // Build the .deb from this build tree (everything is built before ctest runs).
    const std::string out = cupsd.base() + "/deb";
    ProcessRunner::Options cpack;
    cpack.argv = {"/usr/bin/cpack",
                  "--config",
                  PrinterTestEnv::binaryDir() + "/CPackConfig.cmake",
                  "-G",
                  "DEB",
                  "-B",
                  out};
    cpack.env = m_env;
    cpack.timeout = std::chrono::milliseconds(300000);
    const auto built = ProcessRunner::run(cpack);
    ASSERT_EQ(built.exitCode, 0) << built.out << built.err;
    std::string deb;
    for (const auto &name : PrinterTestEnv::list(out)) {
        if (name.size() > 4 && name.compare(name.size() - 4, 4, ".deb") == 0)
            deb = out + "/" + name;
    }
    ASSERT_FALSE(deb.empty()) << built.out;

    // Install: postinst creates the spool root and the queue on the private cupsd.
    PrinterTestEnv::writeFile(kMarker, "installed by printer_package_test\n", 0644);
    const auto install = dpkg({"-i", deb});
    ASSERT_EQ(install.exitCode, 0) << install.out << install.err;
    EXPECT_NE(install.out.find("the \"eInvoice\" printer is ready on " + cupsd.server()), std::string::npos)
        << install.out;
    struct stat st;
    ASSERT_EQ(lstat(kBackend, &st), 0);
    EXPECT_EQ(st.st_uid, 0u);
    EXPECT_EQ(st.st_mode & 07777, 0700u) << "cupsd runs the backend as root only without world-execute";
    ASSERT_EQ(lstat(kSpoolRoot, &st), 0);
    EXPECT_EQ(st.st_mode & 07777, 0711u);
    for (const std::string path : {"/usr/bin/einvoice", "/usr/libexec/einvoice/einvoice-agentctl",
                                   "/usr/bin/einvoice-printer-setup", "/usr/share/ppd/einvoice/einvoice.ppd",
                                   "/usr/share/icons/hicolor/scalable/apps/einvoice-connector.svg"})
        EXPECT_TRUE(exists(path)) << path;
    // The agent commands of the installed CLI find their helper in /usr/libexec.
    const auto agentStatus = ProcessRunner::run({"/usr/bin/einvoice", "status"}, m_env);
    EXPECT_EQ(agentStatus.exitCode, 0) << agentStatus.out << agentStatus.err;
    EXPECT_NE(agentStatus.out.find("Agent:"), std::string::npos) << agentStatus.out << agentStatus.err;
    const auto printers = cupsd.client({"lpstat", "-p"});
    EXPECT_NE(printers.out.find("printer eInvoice is idle"), std::string::npos)
        << printers.out << printers.err;
    const auto status = ProcessRunner::run({"/usr/bin/einvoice-printer-setup", "status"}, m_env);
    EXPECT_EQ(status.exitCode, 0) << status.out << status.err;

    // A print by a normal user reaches that user's spool directory.
    const TestUser user = PrinterTestEnv::ensureUser("einvoice-test1");
    const std::string input = cupsd.base() + "/input.pdf";
    PrinterTestEnv::writeFile(input, PrinterTestEnv::readFile(PrinterTestEnv::invoicePdf()), 0644);
    const int job = cupsd.print(input, "packaged", {}, user);
    ASSERT_GT(job, 0) << cupsd.lastError();
    const std::string capture = std::string(kSpoolRoot) + "/" + std::to_string(user.uid) + "/job-" +
                                std::to_string(job) + "-packaged.pdf";
    EXPECT_TRUE(PrinterTestEnv::waitFor([&] { return exists(capture); })) << cupsd.errorLog();
    const auto text = ProcessRunner::run({"/usr/bin/pdftotext", "-q", capture, "-"});
    EXPECT_NE(text.out.find(PrinterTestEnv::invoiceNumber()), std::string::npos);

    // Purge: the queue, the files and the spool are gone.
    const auto purged = purge();
    ASSERT_EQ(purged.exitCode, 0) << purged.out << purged.err;
    EXPECT_FALSE(installed());
    EXPECT_NE(cupsd.client({"lpstat", "-p", "eInvoice"}).exitCode, 0) << "the queue must be deleted";
    for (const std::string path :
         {kBackend, "/usr/bin/einvoice-printer-setup", "/usr/libexec/einvoice", "/usr/share/ppd/einvoice",
          "/etc/xdg/autostart/einvoice-agent.desktop", kSpoolRoot})
        EXPECT_FALSE(exists(path)) << path;
}

} // namespace
