// einvoice: the command line front end. Reading, converting and validating documents run here,
// over the core library; the commands that work on the agent run in einvoice-agentctl.
#include "agentctlexec.h"
#include "clicommon.h"
#include "convertcommand.h"
#include "extractcommand.h"
#include "heapprefault.h"
#include "learncommand.h"
#include "readguard.h"
#include "showcommand.h"
#include "textonlycolour.h"
#include "validatecommand.h"

#include <QCoreApplication>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

using namespace einvoice::cli;

namespace {
bool readsDocuments(const char *command)
{
    for (const char *c : {"convert", "validate", "extract", "show", "learn"})
        if (std::strcmp(command, c) == 0)
            return true;
    return false;
}

QString usage()
{
    return tr(
        "Usage: einvoice COMMAND [options] [files]\n\n"
        "Commands:\n"
        "  convert IN.(pdf|xml) [-o OUT] [--format ubl|cii]   write a validated e-invoice\n"
        "  validate FILE.xml...                               check EN 16931 / Peppol BIS 3 rules\n"
        "  extract FILE.pdf [--json]                          read invoice fields with confidence\n"
        "  show FILE                                          readable summary of an invoice\n"
        "  learn FILE.pdf --set FIELD=VALUE...                correct a reading, learn the layout\n"
        "  templates list|show|delete|export|import           manage learned layouts\n"
        "  status                                             is the agent running, what is queued\n"
        "  queue list|show|approve|retry|discard|pause|resume  work on the send queue\n"
        "  incoming list|respond ID accept|reject|paid        invoices received, answer the seller\n"
        "  poll                                               ask the portal now (status, incoming)\n"
        "  support-bundle [--redact] [--output FILE.zip]      zip logs, audit log, journal summary\n\n"
        "'einvoice COMMAND --help' describes a command and its options.\n\n"
        "Exit codes: 0 success; 1 fatal rule failures (nothing written by convert); 2 an input file could "
        "not be read or is not an invoice; 3 output could not be written; 64 usage error; 69 a part of "
        "the installation is missing.\n");
}

int dispatch(int argc, char **argv);
} // namespace

// The process ends without running the libraries' static destructors: every command has
// closed or committed its files when it returns, and tearing down Poppler's, Qt's and the
// reader's tables (touching pages for nothing) was about 0.7 ms of each `einvoice extract`.
// Standard output is flushed first; if that fails (a full disk, a closed pipe), the run fails.
int main(int argc, char **argv)
{
    int code = dispatch(argc, argv);
    out().flush();
    err().flush();
    if ((out().status() != QTextStream::Ok || std::fflush(stdout) != 0 || std::ferror(stdout)) &&
        code == ExitOk) {
        err() << tr("einvoice: cannot write to standard output: %1")
                     .arg(QString::fromLocal8Bit(std::strerror(errno)))
              << Qt::endl;
        code = ExitOutputError;
    }
    std::fflush(stderr);
    std::_Exit(code);
}

namespace {
int dispatch(int argc, char **argv)
{
    // Before anything else: the helper replaces this process (same pid, same terminal).
    if (argc >= 2 && isAgentCommand(argv[1]))
        return execAgentCtl(argv);
    // A command that reads a document: its heap in one step (half the runs need less than
    // 1.3 MiB, nine in ten less than 2.1 MiB; what is beyond faults in as usual).
    if (argc >= 2 && readsDocuments(argv[1]))
        HeapPrefault::run(2 << 20);
    // One document per run: compiling the reader's patterns to machine code costs more than it
    // saves (about a fifth of the CPU time of `einvoice extract`). The agent keeps the JIT.
    if (qEnvironmentVariableIsEmpty("QT_ENABLE_REGEXP_JIT"))
        qputenv("QT_ENABLE_REGEXP_JIT", "0");
    ReadGuard::limitMemory();
    // The CLI reads text and never shows a page: no colour transforms (half the time of reading
    // a PDF/A invoice).
    einvoice::TextOnlyColour::install();
    // No QCoreApplication: these commands need no event loop, plugins or translators, and
    // making one (locale set-up, event dispatcher) was about 2 ms of each `einvoice extract`.
    // Names and version are static; arguments are decoded as Qt would (UTF-8).
    QCoreApplication::setApplicationName(QStringLiteral("einvoice"));
    QCoreApplication::setApplicationVersion(QStringLiteral(EINVOICE_VERSION));
    QStringList args;
    for (int i = 0; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);
    if (args.size() < 2) {
        err() << usage();
        return ExitUsage;
    }
    const QString command = args.at(1);
    if (command == QLatin1String("--help") || command == QLatin1String("-h") ||
        command == QLatin1String("help")) {
        out() << usage();
        return ExitOk;
    }
    if (command == QLatin1String("--version")) {
        out() << "einvoice " << QCoreApplication::applicationVersion() << Qt::endl;
        return ExitOk;
    }
    // QCommandLineParser expects the program name first: "einvoice convert" acts as argv[0].
    args.removeAt(1);
    args[0] = QStringLiteral("einvoice ") + command;
    if (command == QLatin1String("convert"))
        return ConvertCommand::run(args);
    if (command == QLatin1String("validate"))
        return ValidateCommand::run(args);
    if (command == QLatin1String("extract"))
        return ExtractCommand::run(args);
    if (command == QLatin1String("show"))
        return ShowCommand::run(args);
    if (command == QLatin1String("learn"))
        return LearnCommand::run(args);
    if (command == QLatin1String("templates"))
        return LearnCommand::runTemplates(args);
    err() << tr("unknown command '%1'").arg(command) << Qt::endl << usage();
    return ExitUsage;
}
} // namespace
