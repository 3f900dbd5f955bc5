// tray_bench: how fast the tray application is usable and how quiet it is when idle.
//
// Prints (1) start-up: QApplication + engine start (journal open, recovery) + queue window shown
// and exposed, with an empty journal and with a journal of 2000 documents; (2) idle: resident
// memory and CPU use over a few seconds of an idle agent with its window open (engine timers,
// watchers and the incoming folder watcher running). Figures only, no thresholds.
// Usage: tray_bench [idle-seconds=5]. Offscreen unless QT_QPA_PLATFORM is set (xvfb-run works).

#include "engine.h"
#include "jobjournal.h"
#include "queuewindow.h"
#include "tokenstore.h"
#include "trayapp.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <cstdio>
#include <sys/resource.h>

using namespace einvoice;
using namespace einvoice::gui;

namespace {

long rssKiB()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLong();
    return -1;
}

double cpuSeconds()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_utime.tv_sec + u.ru_stime.tv_sec + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

AgentConfig configIn(const QString &dir)
{
    QString error;
    AgentConfig c = *AgentConfig::load({}, &error);
    c.dataDir = dir + QStringLiteral("/data");
    c.journalPath = c.dataDir + QStringLiteral("/journal.sqlite");
    c.spoolDir = c.dataDir + QStringLiteral("/spool");
    c.jobsDir = c.dataDir + QStringLiteral("/jobs");
    c.logDir = c.dataDir + QStringLiteral("/logs");
    c.templateDir = c.dataDir + QStringLiteral("/templates");
    c.controlSocket = c.dataDir + QStringLiteral("/agent.sock");
    c.incomingDir = dir + QStringLiteral("/incoming");
    c.printerSpoolDir.clear();
    c.profiles.first().watchFolders = {dir + QStringLiteral("/in")};
    c.profiles.first().transport.outboxDir = dir + QStringLiteral("/outbox");
    QDir().mkpath(dir + QStringLiteral("/in"));
    QDir().mkpath(c.incomingDir);
    c.ensureDirectories();
    return c;
}

// Rows as the queue shows them: mostly delivered, some waiting for review.
void fillJournal(const AgentConfig &c, int count)
{
    JobJournal j;
    if (!j.open(c.journalPath).isEmpty())
        return;
    for (int i = 0; i < count; ++i) {
        NewJob n;
        n.senderProfile = c.profiles.first().id;
        n.contentHash = QString::number(i).rightJustified(64, QLatin1Char('0'));
        n.originalPath = QStringLiteral("/exports/invoice-%1.pdf").arg(i);
        n.spoolPath = c.spoolDir + QStringLiteral("/%1.pdf").arg(i);
        n.display.invoiceNumber = QStringLiteral("INV-%1").arg(i);
        n.display.buyerName = QStringLiteral("Customer %1").arg(i % 97);
        n.display.amount = Decimal::fromString(QStringLiteral("%1.50").arg(100 + i));
        n.display.currency = QStringLiteral("EUR");
        n.display.issueDate = QDate(2025, 1, 1).addDays(i % 365);
        const qint64 id = j.addJob(n).jobId;
        j.transition(id, JobState::Read, QStringLiteral("read"));
        j.transition(id, i % 10 == 0 ? JobState::NeedsReview : JobState::Ready, QStringLiteral("checked"));
    }
}

struct Startup
{
    double engineMs = 0;
    double windowMs = 0;
};

Startup startOnce(const AgentConfig &config, std::unique_ptr<TrayApp> *keep)
{
    static MemoryTokenStore tokens;
    QElapsedTimer t;
    t.start();
    TrayApp::Options o;
    o.config = config;
    o.secrets = &tokens;
    o.controlSocket = true;
    auto app = std::make_unique<TrayApp>(o);
    const QString e = app->start();
    if (!e.isEmpty())
        fprintf(stderr, "tray_bench: %s\n", qPrintable(e));
    Startup s;
    s.engineMs = t.nsecsElapsed() / 1e6;
    app->showWindow();
    QTest::qWaitForWindowExposed(app->window(), 5000);
    QApplication::processEvents();
    s.windowMs = t.nsecsElapsed() / 1e6;
    if (keep)
        *keep = std::move(app);
    return s;
}

} // namespace

int main(int argc, char **argv)
{
    QElapsedTimer processTimer;
    processTimer.start();
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const double appMs = processTimer.nsecsElapsed() / 1e6;
    const int idleSecs = argc > 1 ? qMax(1, atoi(argv[1])) : 5;
    printf("tray_bench: platform %s, QApplication %.1f ms\n", qPrintable(QApplication::platformName()),
           appMs);

    QTemporaryDir empty;
    const AgentConfig emptyConfig = configIn(empty.path());
    const Startup first = startOnce(emptyConfig, nullptr);
    printf(
        "start-up, empty journal:     engine %.1f ms, window usable %.1f ms (first window of the process)\n",
        first.engineMs, first.windowMs);
    const Startup second = startOnce(emptyConfig, nullptr);
    printf("start-up, empty journal:     engine %.1f ms, window usable %.1f ms (again)\n", second.engineMs,
           second.windowMs);

    QTemporaryDir full;
    const AgentConfig fullConfig = configIn(full.path());
    fillJournal(fullConfig, 2000);
    std::unique_ptr<TrayApp> running;
    const Startup big = startOnce(fullConfig, &running);
    printf("start-up, 2000 documents:    engine %.1f ms, window usable %.1f ms; process start to usable: "
           "%.1f ms\n",
           big.engineMs, big.windowMs, appMs + first.windowMs);

    const long rssBefore = rssKiB();
    const double cpu0 = cpuSeconds();
    QElapsedTimer wall;
    wall.start();
    QTimer::singleShot(idleSecs * 1000, &app, &QCoreApplication::quit);
    app.exec();
    const double cpu = cpuSeconds() - cpu0;
    const double secs = wall.nsecsElapsed() / 1e9;
    printf("idle %.1f s with the window open: CPU %.3f s = %.2f %% of one core; RSS %ld KiB -> %ld KiB\n",
           secs, cpu, 100.0 * cpu / secs, rssBefore, rssKiB());
    running->stop();
    return 0;
}
