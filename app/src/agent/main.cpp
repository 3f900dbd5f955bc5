// einvoice-agent: the engine as a long-running program. `--headless` runs it without a display
// (servers, systemd); without it the tray application starts when this build has one.
#include "agentconfig.h"
#include "clock.h"
#include "controlserver.h"
#include "engine.h"
#include "logfile.h"
#include "transportfactory.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QLoggingCategory>
#include <QSocketNotifier>
#include <csignal>
#include <cstdio>
#include <fcntl.h>
#include <unistd.h>

#ifdef EINVOICE_HAVE_GUI
#include "trayapp.h"
#endif

using namespace einvoice;

namespace {

int g_signalPipe[2] = {-1, -1};

void onSignal(int sig)
{
    const char c = char(sig);
    [[maybe_unused]] ssize_t n = ::write(g_signalPipe[1], &c, 1);
}

// SIGTERM (systemd stop) and SIGINT end the event loop, so in-flight reads and sends are
// committed before exit; the journal is consistent either way.
void installSignalHandlers(QCoreApplication &app)
{
    if (::pipe2(g_signalPipe, O_CLOEXEC) != 0)
        return;
    auto *notifier = new QSocketNotifier(g_signalPipe[0], QSocketNotifier::Read, &app);
    QObject::connect(notifier, &QSocketNotifier::activated, &app, [&app] {
        char c;
        [[maybe_unused]] ssize_t n = ::read(g_signalPipe[0], &c, 1);
        app.quit();
    });
    struct sigaction sa = {};
    sa.sa_handler = onSignal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    sigaction(SIGTERM, &sa, nullptr);
    sigaction(SIGINT, &sa, nullptr);
}

int runHeadless(QCoreApplication &app, const AgentConfig &config)
{
    SystemClock clock;
    Engine engine(config, clock);
    engine.setTransportFactory(makeTransportFactory());
    if (const QString e = engine.start(); !e.isEmpty()) {
        fprintf(stderr, "einvoice-agent: %s\n", qPrintable(e));
        return 1;
    }
    ControlServer control(engine);
    if (const QString e = control.listen(config.controlSocket); !e.isEmpty()) {
        fprintf(stderr, "einvoice-agent: %s\n", qPrintable(e));
        return 1;
    }
    QObject::connect(&control, &ControlServer::quitRequested, &app, &QCoreApplication::quit,
                     Qt::QueuedConnection);
    installSignalHandlers(app);
    fprintf(stderr, "einvoice-agent: running (journal %s, control socket %s)\n",
            qPrintable(config.journalPath), qPrintable(config.controlSocket));
    const int rc = app.exec();
    engine.stop();
    return rc;
}

} // namespace

int main(int argc, char **argv)
{
    bool headless = false;
    for (int i = 1; i < argc; ++i)
        if (qstrcmp(argv[i], "--headless") == 0)
            headless = true;
#ifdef EINVOICE_HAVE_GUI
    if (!headless)
        return runTrayApp(argc, argv);
#endif
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("einvoice-agent"));
    QCoreApplication::setApplicationVersion(QStringLiteral(EINVOICE_VERSION));
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "eInvoice Connector agent: watches export folders and the eInvoice printer, reads invoices, "
                "and sends approved e-invoices."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption headlessOption(QStringLiteral("headless"),
                                            QCoreApplication::translate("main", "Run without a display."));
    const QCommandLineOption configOption(
        QStringLiteral("config"),
        QCoreApplication::translate("main", "Configuration file (default %1).")
            .arg(AgentConfig::defaultPath()),
        QStringLiteral("file"));
    parser.addOptions({headlessOption, configOption});
    parser.process(app);
    if (!headless) {
        fprintf(stderr, "einvoice-agent: this build has no tray application; run with --headless\n");
        return 64;
    }
    QString configPath = parser.value(configOption);
    if (configPath.isEmpty() && QFile::exists(AgentConfig::defaultPath()))
        configPath = AgentConfig::defaultPath();
    QString error;
    const std::optional<AgentConfig> config = AgentConfig::load(configPath, &error);
    if (!config) {
        fprintf(stderr, "einvoice-agent: %s\n", qPrintable(error));
        return 78; // EX_CONFIG: systemd does not restart into the same mistake
    }
    if (const QString e = config->ensureDirectories(); !e.isEmpty()) {
        fprintf(stderr, "einvoice-agent: %s\n", qPrintable(e));
        return 73; // EX_CANTCREAT
    }
    // Rotating log file in the data directory, also on stderr (journald keeps it for the units).
    // Debug output only when asked for (config logging_rules or QT_LOGGING_RULES).
    LogFile::Options lo;
    lo.directory = config->logDir;
    lo.filterRules =
        config->loggingRules.isEmpty() ? QStringLiteral("einvoice.*.debug=false") : config->loggingRules;
    lo.alsoStderr = true;
    LogFile log(lo);
    log.install();
    const int rc = runHeadless(app, *config);
    log.uninstall();
    return rc;
}
