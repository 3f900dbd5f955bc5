// End to end through a real, private cupsd on a loopback port: the "eInvoice" queue with the
// project's PPD and the built backend (root-owned, mode 0700), jobs submitted with lp by a
// non-root user, captures checked in that user's private spool directory.

#include "backendharness.h"
#include "printertestenv.h"

#include <QJsonObject>
#include <gtest/gtest.h>
#include <unistd.h>

using namespace einvoice::printertest;

namespace {

class CupsTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        if (!PrinterTestEnv::isRoot())
            GTEST_SKIP()
                << "the CUPS integration test starts its own cupsd and installs a root-owned backend: "
                   "run it as root";
        if (access("/usr/sbin/cupsd", X_OK) != 0)
            GTEST_SKIP() << "cupsd is not installed (apt-get install cups)";
        user = PrinterTestEnv::ensureUser("einvoice-test1");
        ASSERT_TRUE(cupsd.start()) << cupsd.why();
        const auto added = cupsd.addQueue();
        ASSERT_EQ(added.exitCode, 0) << added.err;
        // Inputs readable by the test user, as files of their own would be.
        input = cupsd.base() + "/input.pdf";
        PrinterTestEnv::writeFile(input, PrinterTestEnv::readFile(PrinterTestEnv::invoicePdf()), 0644);
    }

    std::string dir() const { return cupsd.spoolRoot() + "/" + std::to_string(user.uid); }

    /// Waits for the job's PDF (its metadata is there first by contract); returns its base path.
    std::string waitForCapture(int jobId, const std::string &stem)
    {
        const std::string base = dir() + "/job-" + std::to_string(jobId) + "-" + stem;
        const bool arrived = PrinterTestEnv::waitFor(
            [&] { return access((base + ".pdf").c_str(), F_OK) == 0; }, std::chrono::milliseconds(30000));
        EXPECT_TRUE(arrived) << "no capture " << base << ".pdf; error_log:\n" << cupsd.errorLog();
        return base;
    }

    std::string pdfText(const std::string &pdf)
    {
        return ProcessRunner::run({"/usr/bin/pdftotext", "-q", pdf, "-"}).out;
    }

    PrivateCupsd cupsd;
    TestUser user;
    std::string input;
};

TEST_F(CupsTest, QueueIsListedAndBackendDiscovered)
{
    const auto printers = cupsd.client({"lpstat", "-p", "eInvoice"});
    EXPECT_NE(printers.out.find("printer eInvoice is idle"), std::string::npos)
        << printers.out << printers.err;
    const auto devices = cupsd.client({"lpinfo", "-v"});
    EXPECT_NE(devices.out.find("direct einvoice:/"), std::string::npos) << devices.out << devices.err;
}

TEST_F(CupsTest, PdfJobReachesTheUsersSpoolWithItsText)
{
    const int job = cupsd.print(input, "Invoice F20220024", {}, user);
    ASSERT_GT(job, 0) << cupsd.lastError();
    const std::string base = waitForCapture(job, "Invoice_F20220024");
    ASSERT_EQ(access((base + ".json").c_str(), F_OK), 0);
    EXPECT_NE(pdfText(base + ".pdf").find(PrinterTestEnv::invoiceNumber()), std::string::npos);

    const QJsonObject m = BackendHarness::metadata(base + ".json");
    EXPECT_EQ(m["user"].toString().toStdString(), user.name);
    EXPECT_EQ(m["uid"].toInteger(), user.uid);
    EXPECT_EQ(m["title"].toString(), "Invoice F20220024");
    EXPECT_EQ(m["copies"].toInt(), 1);
    EXPECT_EQ(m["pages"].toInt(), 1);
    EXPECT_EQ(m["printer"].toString(), "eInvoice");
    EXPECT_EQ(m["content_type"].toString(), "application/pdf");
    EXPECT_EQ(m["originating_host"].toString(), "localhost");
    EXPECT_EQ(m["document_name"].toString(), "input.pdf");
    EXPECT_EQ(m["job_id"].toInt(), job);
    EXPECT_TRUE(PrinterTestEnv::waitFor([&] { return cupsd.jobCompleted(job); })) << cupsd.errorLog();
}

TEST_F(CupsTest, PostScriptJobArrivesAsPdf)
{
    const std::string ps = cupsd.base() + "/invoice.ps";
    PrinterTestEnv::writeFile(ps,
                              "%!PS-Adobe-3.0\n%%Pages: 1\n%%EndComments\n"
                              "/Helvetica-Bold findfont 20 scalefont setfont\n"
                              "72 720 moveto (INVOICE PS-2024-0042) show\n"
                              "/Helvetica findfont 12 scalefont setfont\n"
                              "72 690 moveto (Seller: Acme GmbH, Berlin) show\n"
                              "72 672 moveto (Total amount: 1234.56 EUR) show\nshowpage\n%%EOF\n",
                              0644);
    const int job = cupsd.print(ps, "PostScript invoice", {}, user);
    ASSERT_GT(job, 0) << cupsd.lastError();
    const std::string base = waitForCapture(job, "PostScript_invoice");
    EXPECT_EQ(PrinterTestEnv::readFile(base + ".pdf").rfind("%PDF-", 0), 0u);
    const std::string text = pdfText(base + ".pdf");
    EXPECT_NE(text.find("PS-2024-0042"), std::string::npos) << text;
    EXPECT_NE(text.find("1234.56"), std::string::npos) << text;
    const QJsonObject m = BackendHarness::metadata(base + ".json");
    EXPECT_EQ(m["content_type"].toString(), "application/postscript");
    EXPECT_EQ(m["pages"].toInt(), 1);
}

TEST_F(CupsTest, MultiCopyJobGivesOneCapture)
{
    const int job = cupsd.print(input, "three copies", {"-n", "3"}, user);
    ASSERT_GT(job, 0) << cupsd.lastError();
    const std::string base = waitForCapture(job, "three_copies");
    ASSERT_TRUE(PrinterTestEnv::waitFor([&] { return cupsd.jobCompleted(job); })) << cupsd.errorLog();
    const QJsonObject m = BackendHarness::metadata(base + ".json");
    EXPECT_EQ(m["copies"].toInt(), 3);
    EXPECT_EQ(m["pages"].toInt(), 1) << "the pages must not be repeated for each copy";
    EXPECT_EQ(PrinterTestEnv::list(dir()),
              (std::vector<std::string>{"job-" + std::to_string(job) + "-three_copies.json",
                                        "job-" + std::to_string(job) + "-three_copies.pdf"}));
}

TEST_F(CupsTest, JobOfUnknownUserIsHeldAndOthersStillPrint)
{
    // Root may submit in another user's name; that user has no account here.
    const int job = cupsd.print(input, "ghost", {"-U", "ghost-user-4711"});
    ASSERT_GT(job, 0) << cupsd.lastError();
    // The backend says why and exits CUPS_BACKEND_HOLD: the job is held in CUPS, not lost.
    const bool held = PrinterTestEnv::waitFor([&] {
        return cupsd.client({"lpstat", "-l", "-o", "eInvoice"}).out.find("job-hold-until-specified") !=
               std::string::npos;
    });
    const auto jobs = cupsd.client({"lpstat", "-l", "-o", "eInvoice"});
    EXPECT_TRUE(held) << jobs.out << cupsd.errorLog();
    EXPECT_NE(jobs.out.find("eInvoice-" + std::to_string(job)), std::string::npos) << jobs.out;
    EXPECT_NE(cupsd.errorLog().find("has no account on this computer"), std::string::npos);
    EXPECT_FALSE(cupsd.jobCompleted(job));
    EXPECT_TRUE(PrinterTestEnv::list(cupsd.spoolRoot()).empty());

    // The queue is still accepting and printing for everyone else.
    const auto state = cupsd.client({"lpstat", "-p", "eInvoice"});
    EXPECT_EQ(state.out.find("disabled"), std::string::npos) << state.out;
    const int next = cupsd.print(input, "after ghost", {}, user);
    ASSERT_GT(next, 0) << cupsd.lastError();
    waitForCapture(next, "after_ghost");
}

} // namespace
