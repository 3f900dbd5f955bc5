// Prints the engine's figures for issue 4: latency from a file's close to its job in the journal
// (median and p95, with the settle window stated), throughput of the whole pipeline (watch ->
// read -> build -> validate -> folder transport) on 1,000 PDFs, and the daemon's RSS when idle
// and at the end of the batch. A benchmark, not a test: figures, no thresholds.
//
//     pipeline_bench [number of PDFs, default 1000] [settle window ms, default 200]
#include "agentconfig.h"
#include "ciiwriter.h"
#include "einvoicexml.h"
#include "embeddedinvoice.h"
#include "engine.h"
#include "jobjournal.h"
#include "pdfattachmentwriter.h"
#include "ublwriter.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QLoggingCategory>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <functional>

using namespace einvoice;

namespace {

bool waitUntil(const std::function<bool()> &condition, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (!condition()) {
        if (t.elapsed() > timeoutMs)
            return false;
        QEventLoop loop;
        QTimer::singleShot(2, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}

// Each copy is a distinct invoice: the sample's embedded e-invoice is read, gets a number of its
// own and replaces the attachment of the same name. Plain copies would be the same invoice
// printed again, which the agent rightly holds for a person to look at (a reprint), so almost
// nothing would reach the transport.
QList<QByteArray> makePdfs(const QString &samples, int count)
{
    struct Base
    {
        QByteArray pdf;
        EmbeddedInvoice embedded;
        Invoice invoice;
    };
    QList<Base> base;
    for (const QString &n : QDir(samples).entryList({QStringLiteral("*.pdf")}, QDir::Files)) {
        const QString path = QDir(samples).filePath(n);
        const std::optional<EmbeddedInvoice> embedded = EmbeddedInvoice::find(path);
        QFile f(path);
        if (!embedded || !f.open(QIODevice::ReadOnly))
            continue; // a page-only sample: its number cannot be changed here
        const XmlReadResult read = EInvoiceXml::read(embedded->data);
        if (read.ok())
            base << Base{f.readAll(), *embedded, *read.invoice};
    }
    QList<QByteArray> out;
    for (int i = 0; i < count && !base.isEmpty(); ++i) {
        const Base &b = base.at(i % base.size());
        Invoice copy = b.invoice;
        copy.number += QStringLiteral("-B%1").arg(i);
        PdfAttachment a;
        a.name = b.embedded.fileName;
        a.data = b.embedded.syntax == Syntax::Cii ? CiiWriter::write(copy) : UblWriter::write(copy);
        a.modified = QDateTime(copy.issueDate, QTime(12, 0), Qt::UTC);
        QString error;
        const std::optional<QByteArray> pdf = PdfAttachmentWriter::addAttachment(b.pdf, a, &error);
        if (!pdf) {
            fprintf(stderr, "pipeline_bench: %s\n", qPrintable(error));
            return {};
        }
        out << *pdf;
    }
    return out;
}

void write(const QString &path, const QByteArray &data)
{
    QFile f(path);
    if (f.open(QIODevice::WriteOnly))
        f.write(data);
}

qint64 rssKb(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/status").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    return -1;
}

double percentile(QList<double> v, double p)
{
    if (v.isEmpty())
        return 0;
    std::sort(v.begin(), v.end());
    return v.at(std::min<qsizetype>(v.size() - 1, qsizetype(p * double(v.size() - 1) + 0.5)));
}

AgentConfig configFor(const QString &root, int settleMs)
{
    AgentConfig c = *AgentConfig::load({}, nullptr);
    c.dataDir = root + QStringLiteral("/data");
    c.journalPath = c.dataDir + QStringLiteral("/journal.sqlite");
    c.spoolDir = c.dataDir + QStringLiteral("/spool");
    c.jobsDir = c.dataDir + QStringLiteral("/jobs");
    c.logDir = c.dataDir + QStringLiteral("/logs");
    c.templateDir = c.dataDir + QStringLiteral("/templates");
    c.controlSocket = c.dataDir + QStringLiteral("/agent.sock");
    c.printerSpoolDir.clear();
    c.settleMs = settleMs;
    c.pollMs = 500;
    c.profiles.first().id = QStringLiteral("bench");
    c.profiles.first().watchFolders = {root + QStringLiteral("/in")};
    c.profiles.first().sendPolicy = SendPolicy::AutoSendWhenConfident;
    c.profiles.first().transport.outboxDir = root + QStringLiteral("/outbox");
    c.printerProfile = QStringLiteral("bench");
    return c;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("einvoice.*.debug=false\neinvoice.*.info=false"));
    const int count = argc > 1 ? atoi(argv[1]) : 1000;
    const int settleMs = argc > 2 ? atoi(argv[2]) : 200;
    QTemporaryDir samples;
    const QString samplegen = QFileInfo(QStringLiteral(EINVOICE_CLI))
                                  .dir()
                                  .filePath(QStringLiteral("../resources/samples/einvoice-samplegen"));
    if (QProcess::execute(samplegen, {samples.path()}) != 0) {
        fprintf(stderr, "pipeline_bench: cannot run %s\n", qPrintable(samplegen));
        return 1;
    }
    const QList<QByteArray> pdfs = makePdfs(samples.path(), count);
    printf("pipeline_bench: %d PDFs (distinct invoices: samples with embedded e-invoices, numbered apart), "
           "settle window %d ms\n",
           count, settleMs);

    // 1. Latency, in process: the time from close() of a file in the watched folder to the
    // engine's "captured" signal, one file at a time so the figure is not a queueing delay.
    {
        QTemporaryDir dir;
        QDir(dir.path()).mkpath(QStringLiteral("in"));
        SystemClock clock;
        Engine engine(configFor(dir.path(), settleMs), clock);
        if (const QString e = engine.start(); !e.isEmpty()) {
            fprintf(stderr, "pipeline_bench: %s\n", qPrintable(e));
            return 1;
        }
        waitUntil([] { return false; }, 300); // let the watcher's self-test finish
        QElapsedTimer clockMs;
        qint64 capturedAt = -1;
        QObject::connect(&engine, &Engine::jobChanged, [&](qint64, JobState s) {
            if (s == JobState::Captured)
                capturedAt = clockMs.nsecsElapsed();
        });
        QList<double> latencies;
        const int samplesN = std::min(60, count);
        for (int i = 0; i < samplesN; ++i) {
            capturedAt = -1;
            clockMs.start();
            write(dir.path() + QStringLiteral("/in/lat-%1.pdf").arg(i), pdfs.at(i));
            const qint64 closedAt = clockMs.nsecsElapsed();
            if (!waitUntil([&] { return capturedAt >= 0; }, 30000)) {
                fprintf(stderr, "pipeline_bench: file %d never recorded\n", i);
                break;
            }
            latencies << double(capturedAt - closedAt) / 1e6;
            waitUntil([&] { return engine.isIdle(); }, 30000);
        }
        const double med = percentile(latencies, 0.5), p95 = percentile(latencies, 0.95);
        printf("latency close -> journal (%lld files): median %.1f ms, p95 %.1f ms; beyond the %d ms settle "
               "window: "
               "median %.1f ms, p95 %.1f ms\n",
               qint64(latencies.size()), med, p95, settleMs, med - settleMs, p95 - settleMs);
        engine.stop();
    }

    // 2. Throughput and RSS of the real daemon.
    QTemporaryDir dir;
    QDir(dir.path()).mkpath(QStringLiteral("in"));
    QDir(dir.path()).mkpath(QStringLiteral("staging"));
    const AgentConfig config = configFor(dir.path(), settleMs);
    const QString ini = dir.path() + QStringLiteral("/agent.ini");
    config.save(ini);
    QProcess daemon;
    daemon.setStandardErrorFile(dir.path() + QStringLiteral("/agent.log"));
    daemon.start(QStringLiteral(EINVOICE_AGENT),
                 {QStringLiteral("--headless"), QStringLiteral("--config"), ini});
    if (!daemon.waitForStarted()) {
        fprintf(stderr, "pipeline_bench: cannot start %s\n", EINVOICE_AGENT);
        return 1;
    }
    waitUntil([&] { return QFile::exists(config.controlSocket); }, 20000);
    waitUntil([] { return false; }, 3000);
    const qint64 idleRss = rssKb(daemon.processId());
    for (int i = 0; i < pdfs.size(); ++i)
        write(dir.path() + QStringLiteral("/staging/doc-%1.pdf").arg(i), pdfs.at(i));
    QElapsedTimer t;
    t.start();
    for (int i = 0; i < pdfs.size(); ++i)
        QFile::rename(dir.path() + QStringLiteral("/staging/doc-%1.pdf").arg(i),
                      dir.path() + QStringLiteral("/in/doc-%1.pdf").arg(i));
    JobJournal journal;
    journal.open(config.journalPath);
    qint64 peakRss = 0;
    const bool done = waitUntil(
        [&] {
            peakRss = std::max(peakRss, rssKb(daemon.processId()));
            const auto c = journal.countsByState();
            return c.value(JobState::Delivered) + c.value(JobState::NeedsReview) +
                       c.value(JobState::Failed) >=
                   count;
        },
        600000);
    const double secs = double(t.elapsed()) / 1000.0;
    const qint64 endRss = rssKb(daemon.processId());
    const auto c = journal.countsByState();
    printf("throughput to the folder transport: %d documents in %.1f s = %.1f documents/s (%s; delivered %d, "
           "needs "
           "review %d, failed %d)\n",
           count, secs, double(count) / secs, done ? "complete" : "TIMED OUT", c.value(JobState::Delivered),
           c.value(JobState::NeedsReview), c.value(JobState::Failed));
    printf("daemon RSS: idle %.1f MiB, peak during the batch %.1f MiB, at the end of the batch %.1f MiB\n",
           double(idleRss) / 1024.0, double(peakRss) / 1024.0, double(endRss) / 1024.0);
    daemon.terminate();
    daemon.waitForFinished(20000);
    return done ? 0 : 1;
}
