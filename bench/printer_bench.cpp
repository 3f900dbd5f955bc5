// Virtual printer latency: time from `lp` to the capture (PDF + metadata) in the user's spool,
// through a private cupsd on a loopback port with the built backend and the project's PPD;
// the backend alone (run directly, as cupsd would); and from `lp` to the job in the journal of
// a headless einvoice-agent running as the printing user (default and short settle times).
// Median of 20 prints each. Needs root (private cupsd, root-run backend, a test user).
// Prints figures, asserts nothing.

#if __has_include("backendharness.h")
// Linked with the printer tests' helpers by printer-driver/CMakeLists.txt. Without them (printer
// or tests switched off) this program only says what it needs, so the build never breaks.
#include "backendharness.h"
#include "printertestenv.h"
#define EINVOICE_PRINTER_BENCH 1
#endif
#if __has_include("agentundertest.h")
#include "agentundertest.h"
#define EINVOICE_PRINTER_AGENT_BENCH 1
#endif

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <dirent.h>
#include <thread>
#include <unistd.h>

#ifdef EINVOICE_PRINTER_BENCH
using namespace einvoice::printertest;
using Clock = std::chrono::steady_clock;

namespace {

constexpr int kRuns = 20;

void report(const char *what, std::vector<double> ms)
{
    std::sort(ms.begin(), ms.end());
    const double median = ms.size() % 2 ? ms[ms.size() / 2] : (ms[ms.size() / 2 - 1] + ms[ms.size() / 2]) / 2;
    std::printf("%-44s n=%zu  median %7.1f ms  min %7.1f ms  p90 %7.1f ms  max %7.1f ms\n", what, ms.size(),
                median, ms.front(), ms[ms.size() * 9 / 10], ms.back());
}

bool waitForFile(const std::string &path, std::chrono::seconds timeout)
{
    const auto deadline = Clock::now() + timeout;
    while (access(path.c_str(), F_OK) != 0) {
        if (Clock::now() > deadline)
            return false;
        std::this_thread::sleep_for(std::chrono::microseconds(500));
    }
    return true;
}

#ifdef EINVOICE_PRINTER_AGENT_BENCH
/// Distinct invoices from the corpus: the same bytes printed twice would be one document to the
/// agent (the second a duplicate, never a new job).
std::vector<std::string> corpusPdfs()
{
    const std::string dir = std::string(EINVOICE_SHARED_DIR) + "/corpus/dev";
    std::vector<std::string> files;
    for (const std::string &name : PrinterTestEnv::list(dir))
        if (name.size() > 4 && name.compare(name.size() - 4, 4, ".pdf") == 0)
            files.push_back(dir + "/" + name);
    return files;
}

/// Prints kRuns + 1 distinct invoices one after the other (the first one also creates the
/// user's spool directory: reported apart) and times `lp` -> job recorded in the journal (its
/// source.json, written right after the journal insert) and -> job read (extraction.json).
bool benchAgent(PrivateCupsd &cupsd, const TestUser &user, AgentUnderTest::Options options, const char *label)
{
    const std::vector<std::string> pdfs = corpusPdfs();
    if (pdfs.size() < kRuns + 1) {
        std::fprintf(stderr, "printer_bench: need %d PDFs in the corpus, found %zu\n", kRuns + 1,
                     pdfs.size());
        return false;
    }
    // A fresh user directory name per configuration: the backend writes to <root>/<uid>, so
    // the previous run's directory is removed instead.
    PrinterTestEnv::removeTree(cupsd.spoolRoot() + "/" + std::to_string(user.uid));
    AgentUnderTest agent(user, cupsd.spoolRoot() + "/" + std::to_string(user.uid), options);
    if (!agent.start()) {
        std::fprintf(stderr, "printer_bench: %s\n", agent.why().c_str());
        return false;
    }
    std::vector<double> recorded, read;
    double first = 0;
    for (int i = 0; i <= kRuns; ++i) {
        const std::string input = cupsd.base() + "/agent-input.pdf";
        PrinterTestEnv::writeFile(input, PrinterTestEnv::readFile(pdfs[i]), 0644);
        const std::string jobDir = agent.dataDir() + "/jobs/" + std::to_string(i + 1);
        const auto t0 = Clock::now();
        const int job = cupsd.print(input, "bench", {}, user);
        if (job <= 0 || !waitForFile(jobDir + "/source.json", std::chrono::seconds(60))) {
            std::fprintf(stderr, "printer_bench: print %d (%s) did not become job %d: %s\n%s\n", i,
                         pdfs[i].c_str(), i + 1, cupsd.lastError().c_str(), agent.log().c_str());
            return false;
        }
        const double toJournal = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
        if (!waitForFile(jobDir + "/extraction.json", std::chrono::seconds(60))) {
            std::fprintf(stderr, "printer_bench: job %d was not read\n%s\n", i + 1, agent.log().c_str());
            return false;
        }
        const double toRead = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
        if (i == 0) {
            first = toJournal;
            continue;
        }
        recorded.push_back(toJournal);
        read.push_back(toRead);
    }
    std::printf("agent (%s), first print, spool dir created by it: %.1f ms to the journal\n", label, first);
    report((std::string("lp -> job in journal, agent ") + label).c_str(), recorded);
    report((std::string("lp -> job read, agent ") + label).c_str(), read);
    return true;
}
#endif

} // namespace

int main()
{
    if (!PrinterTestEnv::isRoot()) {
        std::fprintf(stderr,
                     "printer_bench: run as root (it starts a private cupsd and prints as a test user)\n");
        return 1;
    }
    const TestUser user = PrinterTestEnv::ensureUser("einvoice-test1");
    const std::string pdf = PrinterTestEnv::readFile(PrinterTestEnv::invoicePdf());
    std::printf("invoice: %s (%zu bytes)\n", PrinterTestEnv::invoicePdf().c_str(), pdf.size());

    {
        BackendHarness harness;
        std::vector<double> ms;
        for (int i = 1; i <= kRuns; ++i) {
            const auto t0 = Clock::now();
            const auto r = harness.run({std::to_string(i), user.name, "bench", "1", ""}, pdf);
            ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
            if (r.exitCode != 0) {
                std::fprintf(stderr, "backend failed: %s\n", r.err.c_str());
                return 1;
            }
        }
        report("backend alone (stdin -> PDF + JSON, fsync)", ms);
    }

    PrivateCupsd cupsd;
    if (!cupsd.start() || cupsd.addQueue().exitCode != 0) {
        std::fprintf(stderr, "printer_bench: %s\n", cupsd.why().c_str());
        return 1;
    }
    const std::string input = cupsd.base() + "/input.pdf";
    PrinterTestEnv::writeFile(input, pdf, 0644);
    const std::string ps = cupsd.base() + "/input.ps";
    PrinterTestEnv::writeFile(
        ps,
        "%!PS-Adobe-3.0\n/Helvetica findfont 20 scalefont setfont\n72 720 moveto (INVOICE "
        "PS-2024-0042) show\nshowpage\n",
        0644);
    const std::string dir = cupsd.spoolRoot() + "/" + std::to_string(user.uid);
    for (const auto &[file, label] : {std::pair{input, "lp PDF -> capture (private cupsd)"},
                                      std::pair{ps, "lp PostScript -> capture (private cupsd)"}}) {
        std::vector<double> ms;
        for (int i = 0; i < kRuns; ++i) {
            const auto t0 = Clock::now();
            const int job = cupsd.print(file, "bench", {}, user);
            if (job <= 0 ||
                !waitForFile(dir + "/job-" + std::to_string(job) + "-bench.pdf", std::chrono::seconds(30))) {
                std::fprintf(stderr, "printer_bench: job did not arrive: %s\n%s\n", cupsd.lastError().c_str(),
                             cupsd.errorLog().c_str());
                return 1;
            }
            ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
        }
        report(label, ms);
    }
#ifdef EINVOICE_PRINTER_AGENT_BENCH
    // The agent runs as the user, as in a desktop session, and watches <spool root>/<uid>.
    if (!benchAgent(cupsd, user, AgentUnderTest::Options{1500, 2000}, "defaults settle 1500 poll 2000") ||
        !benchAgent(cupsd, user, AgentUnderTest::Options{100, 200}, "settle 100 poll 200"))
        return 1;
#else
    std::printf("lp -> journal: not measured (needs the printer tests' agent helpers)\n");
#endif
    return 0;
}
#else
int main()
{
    std::fprintf(stderr,
                 "printer_bench: configure with EINVOICE_BUILD_PRINTER=ON and EINVOICE_BUILD_TESTS=ON\n");
    return 1;
}
#endif
