// Virtual printer latency: time from `lp` to the capture (PDF + metadata) in the user's spool,
// through a private cupsd on a loopback port with the built backend and the project's PPD;
// and the backend alone (run directly, as cupsd would). Median of 20 prints each.
// Needs root (private cupsd, root-run backend, a test user). Prints figures, asserts nothing.

#if __has_include("backendharness.h")
// Linked with the printer tests' helpers by printer-driver/CMakeLists.txt. Without them (printer
// or tests switched off) this program only says what it needs, so the build never breaks.
#include "backendharness.h"
#include "printertestenv.h"
#define EINVOICE_PRINTER_BENCH 1
#endif

#include <algorithm>
#include <chrono>
#include <cstdio>
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
