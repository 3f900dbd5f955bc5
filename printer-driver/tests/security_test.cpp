// The backend under attack: planted symlinks, hostile titles, unknown users, spool directories
// that belong to someone else or are writable by others, a backend that is not root, a full
// disk. It must refuse or sanitise, keep the job in CUPS where that helps, and never write
// outside the right directory. Needs root (to run the backend as root and as other users).

#include "backendharness.h"
#include "printertestenv.h"

#include <cups/backend.h>
#include <gtest/gtest.h>
#include <pwd.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace einvoice::printertest;

namespace {

std::string invoice()
{
    return PrinterTestEnv::readFile(PrinterTestEnv::invoicePdf());
}

class SecurityTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        if (!PrinterTestEnv::isRoot())
            GTEST_SKIP() << "security tests run the backend as root and as other users: run them as root";
        user = PrinterTestEnv::ensureUser("einvoice-test1");
        other = PrinterTestEnv::ensureUser("einvoice-test2");
        outside = PrinterTestEnv::makeTempDir("einvoice-outside", 0777);
        victim = outside + "/victim";
        PrinterTestEnv::writeFile(victim, "precious", 0666);
    }
    void TearDown() override
    {
        if (!outside.empty())
            PrinterTestEnv::removeTree(outside);
    }

    std::string dir() const { return harness.userDir(user); }
    /// Creates the user's spool directory the way the backend would (0700, owned by the user).
    void makeUserDir(uid_t owner, gid_t group, mode_t mode)
    {
        ASSERT_EQ(mkdir(dir().c_str(), 0700), 0);
        ASSERT_EQ(chown(dir().c_str(), owner, group), 0);
        ASSERT_EQ(chmod(dir().c_str(), mode), 0);
    }
    void expectVictimUntouched()
    {
        EXPECT_EQ(PrinterTestEnv::readFile(victim), "precious");
        EXPECT_EQ(PrinterTestEnv::list(outside), std::vector<std::string>{"victim"});
    }

    BackendHarness harness;
    TestUser user, other;
    std::string outside, victim;
};

TEST_F(SecurityTest, SymlinkAtFinalPdfNameIsNotFollowed)
{
    makeUserDir(user.uid, user.gid, 0700);
    ASSERT_EQ(symlink(victim.c_str(), (dir() + "/job-5-inv.pdf").c_str()), 0);
    const auto r = harness.run({"5", user.name, "inv", "1", ""}, invoice());
    ASSERT_EQ(r.exitCode, CUPS_BACKEND_OK) << r.err;
    expectVictimUntouched();
    struct stat st;
    ASSERT_EQ(lstat((dir() + "/job-5-inv.pdf").c_str(), &st), 0);
    EXPECT_TRUE(S_ISLNK(st.st_mode)) << "the planted link must not be replaced by our file either";
    EXPECT_EQ(PrinterTestEnv::readFile(dir() + "/job-5-inv-2.pdf"), invoice());
    EXPECT_EQ(BackendHarness::metadata(dir() + "/job-5-inv-2.json")["pdf"].toString(), "job-5-inv-2.pdf");
}

TEST_F(SecurityTest, SymlinkAtFinalJsonNameIsNotFollowed)
{
    makeUserDir(user.uid, user.gid, 0700);
    ASSERT_EQ(symlink(victim.c_str(), (dir() + "/job-6-inv.json").c_str()), 0);
    const auto r = harness.run({"6", user.name, "inv", "1", ""}, invoice());
    ASSERT_EQ(r.exitCode, CUPS_BACKEND_OK) << r.err;
    expectVictimUntouched();
    EXPECT_FALSE(PrinterTestEnv::list(dir()).empty());
    EXPECT_EQ(PrinterTestEnv::readFile(dir() + "/job-6-inv-2.pdf"), invoice());
}

TEST_F(SecurityTest, SymlinksAtTempNamesAreNotFollowed)
{
    makeUserDir(user.uid, user.gid, 0700);
    for (const std::string name : {".job-7-inv.pdf.part", ".job-7-inv.json.part", ".job-7-inv.pdf.1.part"})
        ASSERT_EQ(symlink(victim.c_str(), (dir() + "/" + name).c_str()), 0);
    const auto r = harness.run({"7", user.name, "inv", "1", ""}, invoice());
    ASSERT_EQ(r.exitCode, CUPS_BACKEND_OK) << r.err;
    expectVictimUntouched();
    EXPECT_EQ(PrinterTestEnv::readFile(dir() + "/job-7-inv.pdf"), invoice());
    EXPECT_EQ(BackendHarness::metadata(dir() + "/job-7-inv.json")["job_id"].toInt(), 7);
}

TEST_F(SecurityTest, UserDirectoryThatIsASymlinkIsRefused)
{
    ASSERT_EQ(chown(outside.c_str(), user.uid, user.gid), 0);
    ASSERT_EQ(chmod(outside.c_str(), 0700), 0);
    ASSERT_EQ(symlink(outside.c_str(), dir().c_str()), 0);
    const auto r = harness.run({"8", user.name, "inv", "1", ""}, invoice());
    EXPECT_EQ(r.exitCode, CUPS_BACKEND_HOLD);
    EXPECT_NE(r.err.find("ERROR: Cannot open the spool directory " + dir()), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("symbolic link"), std::string::npos) << r.err;
    expectVictimUntouched();
}

TEST_F(SecurityTest, HostileTitleStaysInsideTheUserDirectory)
{
    const std::string title = "../../../../" + outside + "/pwned\n\x1b]0;x\x07/../\x01.pdf";
    const auto r = harness.run({"9", user.name, title, "1", ""}, invoice());
    ASSERT_EQ(r.exitCode, CUPS_BACKEND_OK) << r.err;
    expectVictimUntouched();
    EXPECT_EQ(PrinterTestEnv::list(harness.spoolRoot()), std::vector<std::string>{std::to_string(user.uid)});
    const auto files = PrinterTestEnv::list(dir());
    ASSERT_EQ(files.size(), 2u);
    for (const auto &name : files) {
        EXPECT_EQ(name.find('/'), std::string::npos);
        EXPECT_EQ(name.find(".."), std::string::npos) << name;
        EXPECT_EQ(name.rfind("job-9-tmp_einvoice-outside_", 0), 0u) << name;
    }
    const std::string json = PrinterTestEnv::readFile(dir() + "/" + files[0]);
    EXPECT_EQ(json.find('\x1b'), std::string::npos);
    EXPECT_EQ(json.find('\x07'), std::string::npos);
    const QJsonObject m = BackendHarness::metadata(dir() + "/" + files[0]);
    EXPECT_EQ(m["title"].toString().toStdString(), "../../../../" + outside + "/pwned ]0;x/../.pdf");
}

TEST_F(SecurityTest, UnknownUserIsRefusedAndNothingIsWritten)
{
    for (const std::string name : {"no-such-user-4711", "../root", "root\n"}) {
        const auto r = harness.run({"10", name, "inv", "1", ""}, invoice());
        EXPECT_EQ(r.exitCode, CUPS_BACKEND_HOLD) << name;
        EXPECT_NE(r.err.find("has no account on this computer"), std::string::npos) << r.err;
    }
    EXPECT_TRUE(PrinterTestEnv::list(harness.spoolRoot()).empty());
}

TEST_F(SecurityTest, DirectoryOfAnotherUserIsRefused)
{
    makeUserDir(other.uid, other.gid, 0700);
    const auto r = harness.run({"11", user.name, "inv", "1", ""}, invoice());
    EXPECT_EQ(r.exitCode, CUPS_BACKEND_HOLD);
    EXPECT_NE(r.err.find("ERROR: Cannot open the spool directory " + dir()), std::string::npos) << r.err;
    EXPECT_TRUE(PrinterTestEnv::list(dir()).empty());

    // Even when the other user left it open for everyone, it is not ours to write in.
    ASSERT_EQ(chmod(dir().c_str(), 0777), 0);
    const auto open = harness.run({"12", user.name, "inv", "1", ""}, invoice());
    EXPECT_EQ(open.exitCode, CUPS_BACKEND_HOLD);
    EXPECT_NE(open.err.find("belongs to uid " + std::to_string(other.uid)), std::string::npos) << open.err;
    EXPECT_TRUE(PrinterTestEnv::list(dir()).empty());
}

TEST_F(SecurityTest, GroupOrWorldWritableUserDirectoryIsRefused)
{
    makeUserDir(user.uid, user.gid, 0770);
    for (const mode_t mode : {0770, 0707, 0750, 0701}) {
        ASSERT_EQ(chmod(dir().c_str(), mode), 0);
        const auto r = harness.run({"13", user.name, "inv", "1", ""}, invoice());
        EXPECT_EQ(r.exitCode, CUPS_BACKEND_HOLD) << std::oct << mode;
        EXPECT_NE(r.err.find("it must be 0700"), std::string::npos) << r.err;
    }
    EXPECT_TRUE(PrinterTestEnv::list(dir()).empty());
}

TEST_F(SecurityTest, UnsafeSpoolRootStopsTheQueue)
{
    ASSERT_EQ(chmod(harness.spoolRoot().c_str(), 0777), 0);
    auto r = harness.run({"14", user.name, "inv", "1", ""}, invoice());
    EXPECT_EQ(r.exitCode, CUPS_BACKEND_STOP);
    EXPECT_NE(r.err.find("is unsafe"), std::string::npos) << r.err;

    ASSERT_EQ(chmod(harness.spoolRoot().c_str(), 0755), 0);
    ASSERT_EQ(chown(harness.spoolRoot().c_str(), user.uid, user.gid), 0);
    r = harness.run({"15", user.name, "inv", "1", ""}, invoice());
    EXPECT_EQ(r.exitCode, CUPS_BACKEND_STOP);
    EXPECT_NE(r.err.find("must belong to root"), std::string::npos) << r.err;
    EXPECT_TRUE(PrinterTestEnv::list(harness.spoolRoot()).empty());

    // A spool root that is a symlink is not followed.
    const std::string link = harness.spoolRoot() + "-link";
    ASSERT_EQ(symlink(outside.c_str(), link.c_str()), 0);
    r = harness.run({"16", user.name, "inv", "1", ""}, invoice(),
                    {{"DEVICE_URI", "einvoice:/?spool=" + link}});
    EXPECT_EQ(r.exitCode, CUPS_BACKEND_STOP);
    EXPECT_NE(r.err.find("not a symbolic link"), std::string::npos) << r.err;
    expectVictimUntouched();
}

TEST_F(SecurityTest, RootCreatesTheUserDirectoryAndDropsPrivileges)
{
    ASSERT_TRUE(PrinterTestEnv::list(harness.spoolRoot()).empty());
    // The print file is readable by root only: the backend must open it before dropping.
    const std::string spoolFile = outside + "/d00017-001";
    PrinterTestEnv::writeFile(spoolFile, invoice(), 0600);
    const auto r = harness.run({"17", user.name, "inv", "1", "", spoolFile}, "");
    ASSERT_EQ(r.exitCode, CUPS_BACKEND_OK) << r.err;
    struct stat st;
    ASSERT_EQ(lstat(dir().c_str(), &st), 0);
    EXPECT_TRUE(S_ISDIR(st.st_mode));
    EXPECT_EQ(st.st_uid, user.uid);
    EXPECT_EQ(st.st_gid, user.gid);
    EXPECT_EQ(st.st_mode & 07777, 0700u);
    ASSERT_EQ(lstat((dir() + "/job-17-inv.pdf").c_str(), &st), 0);
    EXPECT_EQ(st.st_uid, user.uid) << "written after dropping to the user, not as root";
    EXPECT_EQ(st.st_gid, user.gid);
    PrinterTestEnv::removeTree(spoolFile);
}

TEST_F(SecurityTest, BackendNotRunningAsRootSaysSoAndStops)
{
    const passwd *lp = getpwnam("lp");
    ASSERT_NE(lp, nullptr);
    const TestUser lpUser{"lp", lp->pw_uid, lp->pw_gid};
    const auto r = harness.runAs(lpUser, {"18", user.name, "inv", "1", ""}, invoice());
    EXPECT_EQ(r.exitCode, CUPS_BACKEND_STOP);
    EXPECT_NE(r.err.find("ERROR: The einvoice backend runs as \"lp\", not as root"), std::string::npos)
        << r.err;
    EXPECT_TRUE(PrinterTestEnv::list(harness.spoolRoot()).empty());
}

TEST_F(SecurityTest, FullDiskAsksCupsToRetryAndLeavesNothingBehind)
{
    // A 64 KiB file system: the 250 KiB invoice cannot fit.
    if (mount("tmpfs", harness.spoolRoot().c_str(), "tmpfs", MS_NOSUID | MS_NODEV, "size=64k,mode=0711") != 0)
        GTEST_SKIP() << "cannot mount a small tmpfs here (no CAP_SYS_ADMIN in this container)";
    const auto r = harness.run({"19", user.name, "inv", "1", ""}, invoice());
    const auto files = PrinterTestEnv::list(dir());
    umount2(harness.spoolRoot().c_str(), MNT_DETACH);
    EXPECT_EQ(r.exitCode, CUPS_BACKEND_RETRY);
    EXPECT_NE(r.err.find("No space left on device"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("tried again later"), std::string::npos) << r.err;
    EXPECT_TRUE(files.empty()) << files.front();
}

} // namespace
