// The backend's pieces, exercised through the real binary: discovery, argument handling, exit
// codes, file names from titles, the metadata JSON, page counting, write order and clean-up.

#include "backendharness.h"
#include "printertestenv.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonObject>
#include <csignal>
#include <cups/backend.h>
#include <gtest/gtest.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace einvoice::printertest;

namespace {

std::string invoice()
{
    return PrinterTestEnv::readFile(PrinterTestEnv::invoicePdf());
}

std::string sha256(const std::string &data)
{
    return QCryptographicHash::hash(QByteArray::fromStdString(data), QCryptographicHash::Sha256)
        .toHex()
        .toStdString();
}

class BackendTest : public ::testing::Test
{
protected:
    BackendHarness harness;
    TestUser user = PrinterTestEnv::printingUser();
    std::string dir() const { return harness.userDir(user); }
};

TEST_F(BackendTest, DiscoveryLineWithoutArguments)
{
    const auto r = harness.run({}, "");
    EXPECT_EQ(r.exitCode, CUPS_BACKEND_OK);
    EXPECT_EQ(r.out.rfind("direct einvoice:/ \"eInvoice Virtual Printer\" \"", 0), 0u) << r.out;
    EXPECT_EQ(r.out.back(), '\n');
}

TEST_F(BackendTest, WrongArgumentCountIsUsageError)
{
    const auto r = harness.run({"1", user.name, "title"}, "");
    EXPECT_EQ(r.exitCode, CUPS_BACKEND_FAILED);
    EXPECT_NE(r.err.find("ERROR: Usage: einvoice job-id user title copies options [file]"), std::string::npos)
        << r.err;
}

TEST_F(BackendTest, MalformedJobIdAndCopiesAreRefused)
{
    for (const std::string id : {"abc", "0", "-3", "12x", "99999999999"}) {
        const auto r = harness.run({id, user.name, "t", "1", ""}, invoice());
        EXPECT_EQ(r.exitCode, CUPS_BACKEND_FAILED) << id;
        EXPECT_NE(r.err.find("ERROR: The job id \"" + id + "\""), std::string::npos) << r.err;
    }
    const auto r = harness.run({"5", user.name, "t", "two", ""}, invoice());
    EXPECT_EQ(r.exitCode, CUPS_BACKEND_FAILED);
    EXPECT_NE(r.err.find("ERROR: The number of copies \"two\""), std::string::npos) << r.err;
    EXPECT_TRUE(PrinterTestEnv::list(dir()).empty());
}

TEST_F(BackendTest, CapturesPdfFromStdinWithMetadata)
{
    const std::string pdf = invoice();
    const qint64 before = QDateTime::currentSecsSinceEpoch();
    const auto r =
        harness.run({"7", user.name, "Invoice F20220024", "1",
                     "job-originating-host-name=accounting.example document-name-supplied=F20220024.pdf "
                     "job-uuid=urn:uuid:1234"},
                    pdf, {{"CLASS", "Office"}});
    const qint64 after = QDateTime::currentSecsSinceEpoch();
    ASSERT_EQ(r.exitCode, CUPS_BACKEND_OK) << r.err;
    EXPECT_NE(r.err.find("INFO: Captured job 7"), std::string::npos) << r.err;

    EXPECT_EQ(PrinterTestEnv::list(dir()),
              (std::vector<std::string>{"job-7-Invoice_F20220024.json", "job-7-Invoice_F20220024.pdf"}));
    EXPECT_EQ(PrinterTestEnv::readFile(dir() + "/job-7-Invoice_F20220024.pdf"), pdf);

    const QJsonObject m = BackendHarness::metadata(dir() + "/job-7-Invoice_F20220024.json");
    EXPECT_EQ(m["format"].toString(), "einvoice-capture/1");
    EXPECT_EQ(m["job_id"].toInt(), 7);
    EXPECT_EQ(m["user"].toString().toStdString(), user.name);
    EXPECT_EQ(m["uid"].toInteger(), user.uid);
    EXPECT_EQ(m["title"].toString(), "Invoice F20220024");
    EXPECT_EQ(m["document_name"].toString(), "F20220024.pdf");
    EXPECT_EQ(m["originating_host"].toString(), "accounting.example");
    EXPECT_TRUE(m["application"].isNull());
    EXPECT_EQ(m["printer"].toString(), "eInvoice");
    EXPECT_EQ(m["printer_class"].toString(), "Office");
    EXPECT_EQ(m["content_type"].toString(), "application/pdf");
    EXPECT_EQ(m["job_uuid"].toString(), "urn:uuid:1234");
    EXPECT_EQ(m["copies"].toInt(), 1);
    EXPECT_EQ(m["pages"].toInt(), 1);
    EXPECT_EQ(m["size"].toInteger(), static_cast<qint64>(pdf.size()));
    EXPECT_EQ(m["sha256"].toString().toStdString(), sha256(pdf));
    EXPECT_EQ(m["pdf"].toString(), "job-7-Invoice_F20220024.pdf");
    const QDateTime time = QDateTime::fromString(m["time"].toString(), Qt::ISODate);
    ASSERT_TRUE(time.isValid()) << m["time"].toString().toStdString();
    EXPECT_TRUE(m["time"].toString().endsWith('Z'));
    EXPECT_GE(time.toSecsSinceEpoch(), before);
    EXPECT_LE(time.toSecsSinceEpoch(), after);
}

TEST_F(BackendTest, CapturesFromFileArgument)
{
    const auto r = harness.run({"8", user.name, "from-file", "1", "", PrinterTestEnv::invoicePdf()}, "");
    ASSERT_EQ(r.exitCode, CUPS_BACKEND_OK) << r.err;
    EXPECT_EQ(PrinterTestEnv::readFile(dir() + "/job-8-from-file.pdf"), invoice());
    EXPECT_EQ(BackendHarness::metadata(dir() + "/job-8-from-file.json")["pages"].toInt(), 1);
}

TEST_F(BackendTest, MissingPrintFileIsAnError)
{
    const auto r = harness.run({"8", user.name, "t", "1", "", "/nonexistent/d00008-001"}, "");
    EXPECT_EQ(r.exitCode, CUPS_BACKEND_FAILED);
    EXPECT_NE(r.err.find("ERROR: Cannot open the print file /nonexistent/d00008-001"), std::string::npos)
        << r.err;
}

TEST_F(BackendTest, FileNamesComeFromSanitisedTitles)
{
    const std::vector<std::pair<std::string, std::string>> cases{
        {"Rechnung 2024/0042 (Kopie).PDF", "job-11-Rechnung_2024_0042_Kopie"},
        {"", "job-12-untitled"},
        {"...", "job-13-untitled"},
        {"Größe €", "job-14-Gr_e"},
        {std::string(200, 'a'), "job-15-" + std::string(60, 'a')},
        {"a" + std::string(58, '-') + "  bc", "job-16-a" + std::string(58, '-')}, // cut at 60, "_" trimmed
        {"-_-lead", "job-17--_-lead"},
    };
    int id = 11;
    for (const auto &[title, base] : cases) {
        const auto r = harness.run({std::to_string(id++), user.name, title, "1", ""}, invoice());
        ASSERT_EQ(r.exitCode, CUPS_BACKEND_OK) << r.err;
        EXPECT_EQ(PrinterTestEnv::readFile(dir() + "/" + base + ".pdf").size(), invoice().size()) << title;
        EXPECT_EQ(BackendHarness::metadata(dir() + "/" + base + ".json")["pdf"].toString().toStdString(),
                  base + ".pdf");
    }
    EXPECT_EQ(PrinterTestEnv::list(dir()).size(), 2 * cases.size());
}

TEST_F(BackendTest, DisplayTitleIsCleanUtf8)
{
    const std::string title = std::string("Invoice\t42\r\n\x01\x1b[31mred\x7f \xc2\x85") + "\xe2\x80\xae" +
                              "fdp.exe \xff\xfe end \xc3\xa9t\xc3\xa9  ";
    const auto r = harness.run({"21", user.name, title, "1", ""}, invoice());
    ASSERT_EQ(r.exitCode, CUPS_BACKEND_OK) << r.err;
    const QJsonObject m = BackendHarness::metadata(dir() + "/job-21-Invoice_42_31mred_fdp_exe_end_t.json");
    EXPECT_EQ(m["title"].toString(),
              QString::fromUtf8("Invoice 42 [31mred fdp.exe \xef\xbf\xbd\xef\xbf\xbd end été"));

    const auto longTitle =
        harness.run({"22", user.name, std::string(150, 'x') + std::string(100, 'y'), "1", ""}, invoice());
    ASSERT_EQ(longTitle.exitCode, CUPS_BACKEND_OK);
    const QJsonObject m2 = BackendHarness::metadata(dir() + "/job-22-" + std::string(60, 'x') + ".json");
    EXPECT_EQ(m2["title"].toString().size(), 200);
}

TEST_F(BackendTest, MetadataEscapesQuotesBackslashesAndOptions)
{
    const std::string title = "He said \"pay\" \\ now / {\"x\":1}";
    const auto r =
        harness.run({"23", user.name, title, "1", "document-name-supplied='a \"b\" c\\\\d.pdf'"}, invoice());
    ASSERT_EQ(r.exitCode, CUPS_BACKEND_OK) << r.err;
    const QJsonObject m = BackendHarness::metadata(dir() + "/job-23-He_said_pay_now_x_1.json");
    EXPECT_EQ(m["title"].toString().toStdString(), title);
    EXPECT_EQ(m["document_name"].toString().toStdString(), "a \"b\" c\\d.pdf");
}

TEST_F(BackendTest, CountsPagesOrReportsUnknown)
{
    const std::string twoPages =
        PrinterTestEnv::readFile(std::string(EINVOICE_SHARED_DIR) + "/corpus/dev/ferd24_EN16931_Einfach.pdf");
    ASSERT_EQ(harness.run({"31", user.name, "two", "1", ""}, twoPages).exitCode, CUPS_BACKEND_OK);
    EXPECT_EQ(BackendHarness::metadata(dir() + "/job-31-two.json")["pages"].toInt(), 2);

    // Page objects inside compressed object streams cannot be seen by a byte scan: null, not 0.
    const std::string tmp = PrinterTestEnv::makeTempDir("einvoice-objstm");
    const auto q = ProcessRunner::run({"/usr/bin/qpdf", "--object-streams=generate", "--compress-streams=y",
                                       PrinterTestEnv::invoicePdf(), tmp + "/objstm.pdf"});
    ASSERT_EQ(q.exitCode, 0) << q.err;
    const std::string compressed = PrinterTestEnv::readFile(tmp + "/objstm.pdf");
    PrinterTestEnv::removeTree(tmp);
    ASSERT_EQ(harness.run({"32", user.name, "objstm", "1", ""}, compressed).exitCode, CUPS_BACKEND_OK);
    const QJsonObject m = BackendHarness::metadata(dir() + "/job-32-objstm.json");
    EXPECT_TRUE(m["pages"].isNull()) << m["pages"].toInt();
    EXPECT_EQ(m["size"].toInteger(), static_cast<qint64>(compressed.size()));

    // "/Pages" (the page tree) is not a page; "/Type/Page" without a space is.
    const std::string synthetic =
        "%PDF-1.4\n1 0 obj <</Type /Pages /Kids [2 0 R 3 0 R]>> endobj\n"
        "2 0 obj <</Type/Page/Parent 1 0 R>> endobj\n3 0 obj <</Type\n/Page>> endobj\n"
        "4 0 obj <</Type /PageLabel>> endobj\n%%EOF\n";
    ASSERT_EQ(harness.run({"33", user.name, "synthetic", "1", ""}, synthetic).exitCode, CUPS_BACKEND_OK);
    EXPECT_EQ(BackendHarness::metadata(dir() + "/job-33-synthetic.json")["pages"].toInt(), 2);
}

TEST_F(BackendTest, MultipleCopiesGiveOneCapture)
{
    const auto r = harness.run({"41", user.name, "copies", "3", "copies=3"}, invoice());
    ASSERT_EQ(r.exitCode, CUPS_BACKEND_OK) << r.err;
    EXPECT_EQ(PrinterTestEnv::list(dir()),
              (std::vector<std::string>{"job-41-copies.json", "job-41-copies.pdf"}));
    const QJsonObject m = BackendHarness::metadata(dir() + "/job-41-copies.json");
    EXPECT_EQ(m["copies"].toInt(), 3);
    EXPECT_EQ(m["pages"].toInt(), 1);
    EXPECT_NE(r.err.find("3 copies requested, one captured"), std::string::npos) << r.err;
}

TEST_F(BackendTest, NonPdfAndEmptyDataAreRefusedWithoutLeftovers)
{
    const auto text = harness.run({"51", user.name, "text", "1", ""}, "Just some text\n");
    EXPECT_EQ(text.exitCode, CUPS_BACKEND_FAILED);
    EXPECT_NE(text.err.find("ERROR: Job 51 did not arrive as a PDF"), std::string::npos) << text.err;
    const auto empty = harness.run({"52", user.name, "empty", "1", ""}, "");
    EXPECT_EQ(empty.exitCode, CUPS_BACKEND_FAILED);
    EXPECT_NE(empty.err.find("ERROR: Job 52 has no data"), std::string::npos) << empty.err;
    EXPECT_TRUE(PrinterTestEnv::list(dir()).empty()) << PrinterTestEnv::list(dir()).front();
}

TEST_F(BackendTest, SameJobTwiceNeverReplacesTheFirstCapture)
{
    const std::string other =
        PrinterTestEnv::readFile(std::string(EINVOICE_SHARED_DIR) + "/corpus/dev/ferd24_EN16931_Einfach.pdf");
    ASSERT_EQ(harness.run({"61", user.name, "again", "1", ""}, invoice()).exitCode, CUPS_BACKEND_OK);
    ASSERT_EQ(harness.run({"61", user.name, "again", "1", ""}, other).exitCode, CUPS_BACKEND_OK);
    EXPECT_EQ(PrinterTestEnv::list(dir()),
              (std::vector<std::string>{"job-61-again-2.json", "job-61-again-2.pdf", "job-61-again.json",
                                        "job-61-again.pdf"}));
    EXPECT_EQ(PrinterTestEnv::readFile(dir() + "/job-61-again.pdf"), invoice());
    EXPECT_EQ(PrinterTestEnv::readFile(dir() + "/job-61-again-2.pdf"), other);
    EXPECT_EQ(BackendHarness::metadata(dir() + "/job-61-again-2.json")["pdf"].toString(),
              "job-61-again-2.pdf");
}

TEST_F(BackendTest, LeftoverTempFileIsSkippedNotReused)
{
    ASSERT_EQ(harness.run({"70", user.name, "warmup", "1", ""}, invoice()).exitCode, CUPS_BACKEND_OK);
    const std::string leftover = dir() + "/.job-71-tmp.pdf.part";
    PrinterTestEnv::writeFile(leftover, "half a job", 0600);
    ASSERT_EQ(harness.run({"71", user.name, "tmp", "1", ""}, invoice()).exitCode, CUPS_BACKEND_OK);
    EXPECT_EQ(PrinterTestEnv::readFile(leftover), "half a job");
    EXPECT_EQ(PrinterTestEnv::readFile(dir() + "/job-71-tmp.pdf"), invoice());
}

TEST_F(BackendTest, CapturesArePrivateToTheUser)
{
    ASSERT_EQ(harness.run({"81", user.name, "private", "1", ""}, invoice()).exitCode, CUPS_BACKEND_OK);
    struct stat st;
    ASSERT_EQ(stat(dir().c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 07777, 0700u);
    EXPECT_EQ(st.st_uid, user.uid);
    for (const std::string name : {"job-81-private.pdf", "job-81-private.json"}) {
        ASSERT_EQ(lstat((dir() + "/" + name).c_str(), &st), 0) << name;
        EXPECT_TRUE(S_ISREG(st.st_mode));
        EXPECT_EQ(st.st_mode & 07777, 0600u) << name;
        EXPECT_EQ(st.st_uid, user.uid) << name;
        EXPECT_EQ(st.st_gid, user.gid) << name;
    }
}

TEST_F(BackendTest, BadDeviceUrisStopTheQueue)
{
    for (const std::string uri :
         {"ipp://printer/", "einvoice:/?spool=relative/dir", "einvoice:/?spool=/tmp/../etc",
          "einvoice:/?colour=blue", "einvoice:/some/path", "einvoice:/?spool=/tmp/a b"}) {
        const auto r = harness.run({"91", user.name, "uri", "1", ""}, invoice(), {{"DEVICE_URI", uri}});
        EXPECT_EQ(r.exitCode, CUPS_BACKEND_STOP) << uri;
        EXPECT_NE(r.err.find("ERROR: The "), std::string::npos) << uri << ": " << r.err;
    }
    EXPECT_TRUE(PrinterTestEnv::list(harness.spoolRoot()).empty());
}

TEST_F(BackendTest, MissingSpoolRootParentStopsTheQueue)
{
    const auto r = harness.run({"92", user.name, "t", "1", ""}, invoice(),
                               {{"DEVICE_URI", "einvoice:/?spool=" + harness.spoolRoot() + "/no/such"}});
    EXPECT_EQ(r.exitCode, CUPS_BACKEND_STOP);
    EXPECT_NE(r.err.find("ERROR: Cannot "), std::string::npos) << r.err;
    EXPECT_NE(r.err.find(harness.spoolRoot() + "/no/such"), std::string::npos) << r.err;
}

TEST_F(BackendTest, CancelledJobLeavesNothingBehind)
{
    // Half a job on stdin, the pipe kept open: the backend waits in read() until cupsd's SIGTERM.
    int in[2];
    ASSERT_EQ(pipe(in), 0);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, in[0], 0);
    posix_spawn_file_actions_addclose(&actions, in[1]);
    const std::string uri = "DEVICE_URI=" + harness.deviceUri();
    const std::string backend = PrinterTestEnv::backendPath();
    char *argv[] = {const_cast<char *>(backend.c_str()),
                    const_cast<char *>("95"),
                    const_cast<char *>(user.name.c_str()),
                    const_cast<char *>("cancel"),
                    const_cast<char *>("1"),
                    const_cast<char *>(""),
                    nullptr};
    char *envp[] = {const_cast<char *>(uri.c_str()), nullptr};
    pid_t pid = 0;
    ASSERT_EQ(posix_spawn(&pid, backend.c_str(), &actions, nullptr, argv, envp), 0);
    posix_spawn_file_actions_destroy(&actions);
    close(in[0]);
    const std::string half = invoice().substr(0, 100000);
    ASSERT_EQ(write(in[1], half.data(), half.size()), static_cast<ssize_t>(half.size()));

    const std::string part = dir() + "/.job-95-cancel.pdf.part";
    struct stat st;
    EXPECT_TRUE(
        PrinterTestEnv::waitFor([&] { return stat(part.c_str(), &st) == 0 && st.st_size == 100000; }));
    kill(pid, SIGTERM);
    int status = 0;
    ASSERT_EQ(waitpid(pid, &status, 0), pid);
    close(in[1]);
    ASSERT_TRUE(WIFEXITED(status)) << "the backend must handle SIGTERM, not die of it";
    EXPECT_EQ(WEXITSTATUS(status), CUPS_BACKEND_FAILED);
    EXPECT_TRUE(PrinterTestEnv::list(dir()).empty()) << PrinterTestEnv::list(dir()).front();
}

} // namespace
