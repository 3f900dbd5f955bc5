// The CUPS backend "einvoice": delivers each job printed to the eInvoice queue as a PDF plus a
// metadata file into the submitting user's private spool directory, where the agent picks it up.
// Contract and security model: docs/printer.md.

#include "backendarguments.h"
#include "backenderror.h"
#include "capturewriter.h"
#include "jsonwriter.h"
#include "pdfscanner.h"
#include "privileges.h"
#include "spooldirectory.h"
#include "statuslog.h"
#include "titlesanitizer.h"

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <cups/backend.h>
#include <fcntl.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace einvoice::backend;

namespace {

volatile std::sig_atomic_t g_cancelled = 0;

void onTerminate(int)
{
    g_cancelled = 1;
}

std::optional<std::string> envValue(const char *name)
{
    const char *value = std::getenv(name);
    if (!value || !*value)
        return std::nullopt;
    return std::string(value);
}

std::optional<std::string> display(const std::optional<std::string> &value)
{
    if (!value)
        return std::nullopt;
    return TitleSanitizer::forDisplay(*value);
}

std::string utcNow()
{
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buffer;
}

int openInput(const BackendArguments &args)
{
    if (!args.file)
        return STDIN_FILENO;
    // Opened before privileges are dropped: the scheduler's spool file is not the user's to read.
    const int fd = open(args.file->c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        throw BackendError(CUPS_BACKEND_FAILED,
                           StatusLog::withErrno("Cannot open the print file " + *args.file, errno) + ".");
    return fd;
}

std::string metadata(const BackendArguments &args, const passwd &user, const PdfScanner &scanner,
                     const std::string &sha256, const std::string &pdfName)
{
    JsonWriter json;
    json.add("format", std::string("einvoice-capture/1"))
        .add("job_id", std::int64_t{args.jobId})
        .add("user", TitleSanitizer::forDisplay(args.user))
        .add("uid", std::int64_t{user.pw_uid})
        .add("title", TitleSanitizer::forDisplay(args.title))
        .add("document_name", display(args.option("document-name-supplied")))
        .add("originating_host", display(args.option("job-originating-host-name")))
        .add("application", display(args.option("com.apple.print.JobInfo.PMApplicationName")))
        .add("printer", display(envValue("PRINTER")))
        .add("printer_class", display(envValue("CLASS")))
        .add("content_type", display(envValue("CONTENT_TYPE")))
        .add("job_uuid", display(args.option("job-uuid")))
        .add("copies", std::int64_t{args.copies})
        .add("time", utcNow())
        .add("pages", scanner.pages())
        .add("size", static_cast<std::int64_t>(scanner.size()))
        .add("sha256", sha256)
        .add("pdf", pdfName);
    return json.finish();
}

int run(int argc, char **argv)
{
    if (argc == 1) {
        // Discovery (lpinfo -v): device class, URI, make and model, description.
        std::puts("direct einvoice:/ \"eInvoice Virtual Printer\" \"eInvoice virtual printer (captures "
                  "invoices for "
                  "the eInvoice Connector)\"");
        return CUPS_BACKEND_OK;
    }
    const BackendArguments args = BackendArguments::parse(argc, argv, std::getenv("DEVICE_URI"));

    struct sigaction action
    {
    };
    action.sa_handler = onTerminate; // no SA_RESTART: a blocked read returns EINTR and we clean up
    sigaction(SIGTERM, &action, nullptr);
    std::signal(SIGPIPE, SIG_IGN);

    const int input = openInput(args);

    errno = 0;
    const passwd *found = getpwnam(args.user.c_str());
    if (!found)
        // Held, not failed: the job stays in CUPS (release it once the account exists, or cancel
        // it) and the queue keeps serving everyone else.
        throw BackendError(CUPS_BACKEND_HOLD, "The user \"" + TitleSanitizer::forDisplay(args.user, 64) +
                                                  "\" who printed job " + std::to_string(args.jobId) +
                                                  " has no account on this computer, so there is no spool "
                                                  "directory to deliver the invoice to; the job is held.");
    const passwd user = *found; // getpwnam's buffer is static

    SpoolDirectory spool(args.spoolRoot, user.pw_uid, user.pw_gid);
    if (Privileges::isRoot()) {
        spool.openRoot();
        spool.prepareAsRoot();
        Privileges::dropTo(user.pw_uid, user.pw_gid);
    } else if (geteuid() != user.pw_uid) {
        const passwd *self = getpwuid(geteuid());
        throw BackendError(CUPS_BACKEND_STOP,
                           "The einvoice backend runs as \"" + std::string(self ? self->pw_name : "?") +
                               "\", not as root, so it cannot write into the private spool directory of \"" +
                               TitleSanitizer::forDisplay(args.user, 64) +
                               "\". Install it owned by root with mode 0700 (see docs/printer.md).");
    } else {
        spool.openRoot();
    }
    spool.openUserDirectory();

    const std::string stem =
        "job-" + std::to_string(args.jobId) + "-" + TitleSanitizer::forFileName(args.title);
    CaptureWriter writer(spool.userFd(), spool.userPath(), stem);
    PdfScanner scanner;
    writer.receive(input, scanner, &g_cancelled);
    if (scanner.size() == 0)
        throw BackendError(CUPS_BACKEND_FAILED, "Job " + std::to_string(args.jobId) + " has no data.");
    if (!scanner.looksLikePdf())
        throw BackendError(CUPS_BACKEND_FAILED,
                           "Job " + std::to_string(args.jobId) +
                               " did not arrive as a PDF; the eInvoice queue must use the "
                               "einvoice.ppd driver so CUPS converts the document to PDF.");
    const std::optional<std::int64_t> pages = scanner.pages();
    const std::string sha256 = scanner.sha256Hex();
    const std::string base = writer.publish(
        [&](const std::string &pdfName) { return metadata(args, user, scanner, sha256, pdfName); });
    StatusLog::info(
        "Captured job " + std::to_string(args.jobId) + " for " + TitleSanitizer::forDisplay(args.user, 64) +
        ": " + spool.userPath() + "/" + base + ".pdf (" +
        (pages ? std::to_string(*pages) : std::string("?")) + " page(s), " + std::to_string(scanner.size()) +
        " bytes" +
        (args.copies > 1 ? ", " + std::to_string(args.copies) + " copies requested, one captured" : "") +
        ")");
    return CUPS_BACKEND_OK;
}

} // namespace

int main(int argc, char **argv)
{
    umask(077);
    try {
        return run(argc, argv);
    } catch (const BackendError &e) {
        StatusLog::error(e.what());
        return e.exitCode();
    } catch (const std::exception &e) {
        StatusLog::error(std::string("Unexpected failure: ") + e.what());
        return CUPS_BACKEND_FAILED;
    }
}
