// portal_bench: uploads per second from HttpsPortalTransport clients to the real reference
// portal (einvoice-portal, a child process) on loopback, over HTTPS and plain HTTP, with 1..N
// concurrent clients; prints the portal's and this process's peak RSS. First the agent end to end:
// the engine (intake, reading, validation, journal, HttpsPortalTransport with its concurrent
// uploads) takes N UBL files and sends them to the portal over HTTPS; prints invoices per second
// from the first file taken to the last one sent. Figures only, no pass/fail.
//
//   portal_bench [--count N] [--clients 1,4,16] [--threads T] [--agent-count N]

#include "agentconfig.h"
#include "clock.h"
#include "einvoicexml.h"
#include "engine.h"
#include "httpsportaltransport.h"
#include "transportfactory.h"
#include "ublwriter.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTimer>
#include <atomic>
#include <cstdio>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace einvoice;

namespace {

QString portalBin()
{
    return QStringLiteral(EINVOICE_PORTAL_BIN);
}

qint64 rssKb(qint64 pid, const char *field)
{
    QFile f(QStringLiteral("/proc/%1/status").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith(field))
            return line.mid(qstrlen(field)).trimmed().split(' ').value(0).toLongLong();
    return -1;
}

/// CPU seconds (user + system) a process has used so far.
double cpuSecs(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray stat = f.readAll();
    // Fields after the ")" that closes the command name: state is field 3, utime 14, stime 15.
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    const double ticks = double(sysconf(_SC_CLK_TCK));
    return (fields.value(11).toLongLong() + fields.value(12).toLongLong()) / ticks;
}

QString run(const QStringList &args)
{
    QProcess p;
    p.start(portalBin(), args);
    p.waitForFinished(30000);
    if (p.exitCode() != 0)
        std::fprintf(stderr, "einvoice-portal %s failed: %s\n", qPrintable(args.join(' ')),
                     p.readAllStandardError().constData());
    return QString::fromUtf8(p.readAllStandardOutput()).trimmed();
}

struct Server
{
    QProcess process;
    QString url;
};

bool startServer(Server &s, const QString &dir, const QString &db, bool tls, const QString &threads)
{
    QStringList args{QStringLiteral("serve"),
                     QStringLiteral("--listen"),
                     QStringLiteral("127.0.0.1:0"),
                     QStringLiteral("--db"),
                     db,
                     QStringLiteral("--threads"),
                     threads};
    if (tls)
        args << QStringLiteral("--cert") << dir + QStringLiteral("/cert.pem") << QStringLiteral("--key")
             << dir + QStringLiteral("/key.pem");
    s.process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    s.process.start(portalBin(), args);
    const QRegularExpression re(QStringLiteral("listening on (https?://[^/ ]+)/"));
    QByteArray seen;
    QDeadlineTimer deadline(20000);
    while (!deadline.hasExpired() && s.process.state() != QProcess::NotRunning) {
        s.process.waitForReadyRead(200);
        seen += s.process.readAllStandardOutput();
        const auto m = re.match(QString::fromUtf8(seen));
        if (m.hasMatch()) {
            s.url = m.captured(1);
            if (tls)
                s.url.replace(QStringLiteral("127.0.0.1"), QStringLiteral("localhost"));
            return true;
        }
    }
    return false;
}

void stopServer(Server &s)
{
    s.process.terminate();
    if (!s.process.waitForFinished(10000))
        s.process.kill();
    s.process.waitForFinished();
}

/// The agent's engine sends @p count invoices written as UBL files; returns false on setup errors.
bool agentRun(const QString &dir, const QString &url, const QString &token, const Invoice &base, int count)
{
    const QString root = dir + QStringLiteral("/agent");
    QDir().mkpath(root + QStringLiteral("/files"));
    QFile tokenFile(root + QStringLiteral("/token"));
    if (!tokenFile.open(QIODevice::WriteOnly))
        return false;
    tokenFile.write(token.toUtf8());
    tokenFile.close();
    tokenFile.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    QFile ini(root + QStringLiteral("/agent.ini"));
    if (!ini.open(QIODevice::WriteOnly))
        return false;
    ini.write(
        QStringLiteral("[agent]\ndata_dir=%1/data\nworkers=2\n[incoming]\npoll_secs=86400\n"
                       "[profile.a]\nsend_policy=auto_send_when_confident\ntransport=https\nportal_url=%2\n"
                       "ca_file=%3/cert.pem\ntoken_file=%1/token\n")
            .arg(root, url, dir)
            .toUtf8());
    ini.close();
    QString error;
    const std::optional<AgentConfig> config = AgentConfig::load(ini.fileName(), &error);
    if (!config) {
        std::fprintf(stderr, "agent config: %s\n", qPrintable(error));
        return false;
    }
    QStringList files;
    for (int i = 0; i < count; ++i) {
        Invoice inv = base;
        inv.number = QStringLiteral("AGENT-%1").arg(i);
        inv.seller.electronicAddress = Identifier{QStringLiteral("5567321707"), QStringLiteral("0007")};
        inv.buyer.electronicAddress = Identifier{QStringLiteral("923609016"), QStringLiteral("0192")};
        const QString path = root + QStringLiteral("/files/%1.xml").arg(i);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return false;
        f.write(UblWriter::write(inv));
        files << path;
    }
    SystemClock clock;
    Engine engine(*config, clock);
    engine.setWatchersEnabled(false);
    engine.setTransportFactory(makeTransportFactory());
    if (const QString e = engine.start(); !e.isEmpty()) {
        std::fprintf(stderr, "engine: %s\n", qPrintable(e));
        return false;
    }
    int sent = 0, failed = 0;
    QEventLoop loop;
    QObject::connect(&engine, &Engine::jobChanged, &loop, [&](qint64, JobState state) {
        if (state == JobState::Sent)
            ++sent;
        else if (state == JobState::Failed || state == JobState::Rejected || state == JobState::NeedsReview)
            ++failed;
        if (sent + failed == count)
            loop.quit();
    });
    const double cpu0 = cpuSecs(QCoreApplication::applicationPid());
    QElapsedTimer timer;
    timer.start();
    // As the watcher hands over files that settled together: one intake batch.
    QList<Engine::Submission> batch;
    for (const QString &f : files)
        batch << Engine::Submission{f, QStringLiteral("a"), SourceKind::Cli, false, {}};
    engine.submitFiles(batch);
    engine.processPending();
    QTimer::singleShot(600000, &loop, &QEventLoop::quit);
    loop.exec();
    const double secs = timer.nsecsElapsed() / 1e9;
    const double cpu = cpuSecs(QCoreApplication::applicationPid()) - cpu0;
    std::printf("agent end to end (take file, read, validate, journal, upload over https): %d invoices, "
                "%d sent, %d not sent, %.2f s, %.0f invoices/s, agent CPU %.2f ms/doc, agent RSS %.1f MiB\n",
                count, sent, failed, secs, sent / secs, 1000.0 * cpu / count,
                rssKb(QCoreApplication::applicationPid(), "VmRSS:") / 1024.0);
    engine.stop();
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    int count = 2000;
    QList<int> clientCounts{1, 4, 16};
    QString threads = QStringLiteral("32");
    int agentCount = -1;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == QLatin1String("--count"))
            count = args[i + 1].toInt();
        else if (args[i] == QLatin1String("--agent-count"))
            agentCount = args[i + 1].toInt();
        else if (args[i] == QLatin1String("--threads"))
            threads = args[i + 1];
        else if (args[i] == QLatin1String("--clients")) {
            clientCounts.clear();
            for (const QString &c : args[i + 1].split(QLatin1Char(',')))
                clientCounts << c.toInt();
        }
    }
    QTemporaryDir dir;
    const QString db = dir.filePath(QStringLiteral("portal.db"));
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                   QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                   QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
                   QStringLiteral("-keyout"), dir.filePath(QStringLiteral("key.pem")), QStringLiteral("-out"),
                   dir.filePath(QStringLiteral("cert.pem")), QStringLiteral("-days"), QStringLiteral("2"),
                   QStringLiteral("-subj"), QStringLiteral("/CN=localhost"), QStringLiteral("-addext"),
                   QStringLiteral("subjectAltName=DNS:localhost,IP:127.0.0.1")});
    openssl.waitForFinished(30000);
    const QString token =
        run({QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("A"),
             QStringLiteral("--endpoint"), QStringLiteral("0007:5567321707"), QStringLiteral("--db"), db});
    run({QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("B"), QStringLiteral("--endpoint"),
         QStringLiteral("0192:923609016"), QStringLiteral("--db"), db});

    const XmlReadResult base = EInvoiceXml::readFile(
        QStringLiteral(EINVOICE_SHARED_DIR) +
        QStringLiteral("/einvoice-reference/examples/ubl-peppol-bis3/peppol-bis-invoice-3/base-example.xml"));
    if (!base.ok() || token.isEmpty()) {
        std::fprintf(stderr, "setup failed: %s\n", qPrintable(base.error));
        return 1;
    }
    std::printf(
        "portal_bench: %d small invoices (Peppol BIS 3 UBL, ~%lld bytes) per run, server --threads %s\n",
        count, qlonglong(UblWriter::write(*base.invoice).size()), qPrintable(threads));
    std::printf("%-6s %8s %10s %12s %14s %16s %16s\n", "proto", "clients", "seconds", "uploads/s",
                "portal RSS MiB", "portal CPU ms/doc", "client CPU ms/doc");
    int run_ = 0;
    for (const bool tls : {true, false}) {
        Server server;
        if (!startServer(server, dir.path(), db, tls, threads)) {
            std::fprintf(stderr, "einvoice-portal did not start\n");
            return 1;
        }
        // The agent first, in a fresh process heap and against an empty portal: the client runs
        // below leave hundreds of MiB of freed payloads and tens of thousands of documents behind.
        if (tls &&
            !agentRun(dir.path(), server.url, token, *base.invoice, agentCount < 0 ? count : agentCount))
            return 1;
        for (const int clients : clientCounts) {
            ++run_;
            // Documents made before the clock starts: the figure is transport + portal only.
            std::vector<OutgoingDocument> docs(static_cast<size_t>(count));
            for (int i = 0; i < count; ++i) {
                Invoice inv = *base.invoice;
                inv.number = QStringLiteral("B%1-%2").arg(run_).arg(i);
                inv.seller.electronicAddress =
                    Identifier{QStringLiteral("5567321707"), QStringLiteral("0007")};
                inv.buyer.electronicAddress = Identifier{QStringLiteral("923609016"), QStringLiteral("0192")};
                OutgoingDocument &d = docs[size_t(i)];
                d.payload = UblWriter::write(inv);
                d.contentHash = QString::fromLatin1(
                    QCryptographicHash::hash(d.payload, QCryptographicHash::Sha256).toHex());
                d.invoiceNumber = inv.number;
            }
            std::atomic<int> next{0}, accepted{0}, failed{0};
            const double serverCpu0 = cpuSecs(server.process.processId());
            const double ownCpu0 = cpuSecs(QCoreApplication::applicationPid());
            QElapsedTimer timer;
            timer.start();
            std::vector<std::thread> workers;
            for (int c = 0; c < clients; ++c) {
                workers.emplace_back([&] {
                    HttpsPortalTransport::Options o;
                    o.baseUrl = server.url;
                    o.extraCaFile = tls ? dir.filePath(QStringLiteral("cert.pem")) : QString();
                    o.noProxy = true;
                    HttpsPortalTransport t(o, [&] { return token; });
                    for (int i = next++; i < count; i = next++) {
                        const SendResult r = t.send(docs[size_t(i)]);
                        (r.outcome == SendResult::Outcome::Accepted && !r.duplicate ? accepted : failed)++;
                        if (r.outcome != SendResult::Outcome::Accepted && failed.load() < 3)
                            std::fprintf(stderr, "upload failed: %s\n", qPrintable(r.message));
                    }
                });
            }
            for (std::thread &w : workers)
                w.join();
            const double secs = timer.nsecsElapsed() / 1e9;
            const double serverCpu = cpuSecs(server.process.processId()) - serverCpu0;
            const double ownCpu = cpuSecs(QCoreApplication::applicationPid()) - ownCpu0;
            std::printf("%-6s %8d %10.2f %12.0f %14.1f %16.2f %16.2f%s\n", tls ? "https" : "http", clients,
                        secs, accepted / secs, rssKb(server.process.processId(), "VmRSS:") / 1024.0,
                        1000.0 * serverCpu / count, 1000.0 * ownCpu / count,
                        failed ? qPrintable(QStringLiteral("  (%1 failed)").arg(failed.load())) : "");
            std::fflush(stdout);
        }
        std::printf("portal peak RSS (VmHWM) %.1f MiB\n",
                    rssKb(server.process.processId(), "VmHWM:") / 1024.0);
        stopServer(server);
    }
    std::printf("bench process peak RSS (VmHWM, all clients) %.1f MiB\n",
                rssKb(QCoreApplication::applicationPid(), "VmHWM:") / 1024.0);
    return 0;
}
