// einvoice-printer-setup (installer/), run with dash against a private cupsd: creates the spool
// root and the queue, reports status, removes the queue, and explains a missing scheduler.

#include "printertestenv.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace einvoice::printertest;

namespace {

class SetupTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        if (!PrinterTestEnv::isRoot())
            GTEST_SKIP() << "einvoice-printer-setup creates a root-owned spool and CUPS queues: run as root";
        if (access("/usr/sbin/cupsd", X_OK) != 0)
            GTEST_SKIP() << "cupsd is not installed (apt-get install cups)";
        ASSERT_TRUE(cupsd.start()) << cupsd.why();
        spoolRoot = cupsd.base() + "/setup-spool";
    }

    ProcessRunner::Result setup(const std::vector<std::string> &args, const std::string &server = {},
                                std::optional<TestUser> as = std::nullopt)
    {
        // A copy in the private cupsd's world-readable directory, so that it also runs as a user
        // who cannot reach the build tree.
        const std::string script = cupsd.base() + "/einvoice-printer-setup";
        PrinterTestEnv::writeFile(
            script,
            PrinterTestEnv::readFile(PrinterTestEnv::binaryDir() + "/installer/einvoice-printer-setup"),
            0755);
        std::vector<std::string> argv{"/bin/dash", script};
        argv.insert(argv.end(), args.begin(), args.end());
        std::map<std::string, std::string> env{{"PATH", "/usr/sbin:/usr/bin:/sbin:/bin"},
                                               {"CUPS_SERVER", server.empty() ? cupsd.server() : server},
                                               {"EINVOICE_SPOOL_ROOT", spoolRoot},
                                               {"EINVOICE_BACKEND", PrinterTestEnv::backendPath()},
                                               {"EINVOICE_PPD", PrinterTestEnv::ppdPath()}};
        if (as)
            return ProcessRunner::run(argv, env, as->uid, as->gid);
        return ProcessRunner::run(argv, env);
    }

    PrivateCupsd cupsd;
    std::string spoolRoot;
};

TEST_F(SetupTest, InstallStatusPrintRemove)
{
    auto r = setup({"install"});
    ASSERT_EQ(r.exitCode, 0) << r.out << r.err;
    EXPECT_NE(r.out.find("the \"eInvoice\" printer is ready on " + cupsd.server()), std::string::npos)
        << r.out;
    struct stat st;
    ASSERT_EQ(lstat(spoolRoot.c_str(), &st), 0);
    EXPECT_TRUE(S_ISDIR(st.st_mode));
    EXPECT_EQ(st.st_uid, 0u);
    EXPECT_EQ(st.st_mode & 07777, 0711u);

    const auto uri = cupsd.client({"lpstat", "-v", "eInvoice"});
    EXPECT_NE(uri.out.find("einvoice:/?spool=" + spoolRoot), std::string::npos) << uri.out << uri.err;
    EXPECT_EQ(setup({"install"}).exitCode, 0) << "install twice is harmless";

    r = setup({"status"});
    EXPECT_EQ(r.exitCode, 0) << r.out << r.err;
    EXPECT_NE(r.out.find("printer eInvoice is idle"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("spool root: " + spoolRoot + " (drwx--x--x root:root)"), std::string::npos) << r.out;

    const TestUser user = PrinterTestEnv::ensureUser("einvoice-test1");
    const std::string input = cupsd.base() + "/input.pdf";
    PrinterTestEnv::writeFile(input, PrinterTestEnv::readFile(PrinterTestEnv::invoicePdf()), 0644);
    const int job = cupsd.print(input, "via setup", {}, user);
    ASSERT_GT(job, 0) << cupsd.lastError();
    const std::string pdf =
        spoolRoot + "/" + std::to_string(user.uid) + "/job-" + std::to_string(job) + "-via_setup.pdf";
    EXPECT_TRUE(PrinterTestEnv::waitFor([&] { return access(pdf.c_str(), F_OK) == 0; })) << cupsd.errorLog();

    r = setup({"remove"});
    EXPECT_EQ(r.exitCode, 0) << r.out << r.err;
    EXPECT_NE(r.out.find("removed the \"eInvoice\" printer"), std::string::npos) << r.out;
    EXPECT_NE(cupsd.client({"lpstat", "-p", "eInvoice"}).exitCode, 0);
    EXPECT_EQ(access(pdf.c_str(), F_OK), 0) << "captures are kept when the queue goes";
    r = setup({"status"});
    EXPECT_EQ(r.exitCode, 1) << r.out;
    EXPECT_NE(r.out.find("there is no \"eInvoice\" printer"), std::string::npos) << r.out;
    r = setup({"remove"});
    EXPECT_EQ(r.exitCode, 0);
    EXPECT_NE(r.out.find("nothing to remove"), std::string::npos) << r.out;
}

TEST_F(SetupTest, MissingSchedulerIsExplained)
{
    const std::string nowhere = "localhost:1"; // nothing listens on port 1
    auto r = setup({"install"}, nowhere);
    EXPECT_EQ(r.exitCode, 3) << r.out << r.err;
    EXPECT_NE(r.err.find("the CUPS scheduler is not running at localhost:1"), std::string::npos) << r.err;
    r = setup({"install", "--auto"}, nowhere);
    EXPECT_EQ(r.exitCode, 0) << "the package must install without CUPS: " << r.err;
    EXPECT_NE(r.out.find("not running"), std::string::npos) << r.out;
    r = setup({"remove", "--auto"}, nowhere);
    EXPECT_EQ(r.exitCode, 0) << r.err;
}

TEST_F(SetupTest, UsageAndRootAreChecked)
{
    EXPECT_EQ(setup({}).exitCode, 2);
    EXPECT_EQ(setup({"frobnicate"}).exitCode, 2);
    EXPECT_EQ(setup({"install", "--force"}).exitCode, 2);
    const auto r = setup({"install"}, {}, PrinterTestEnv::ensureUser("einvoice-test1"));
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("install needs root"), std::string::npos) << r.err;
    EXPECT_NE(access(spoolRoot.c_str(), F_OK), 0);
}

} // namespace
