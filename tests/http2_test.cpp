// HttpsPortalTransport over HTTP/2: nghttpx (Debian package nghttp2-proxy) terminates TLS with
// the test's self-signed certificate, speaks h2 to the transport and HTTP/1.1 to the reference
// portal (einvoice-portal on plain HTTP on loopback, a child process like in
// httpsportaltransport_test). The portal itself speaks only HTTP/1.1, so this is the one place
// the transport's HTTP/2 settings (CURL_HTTP_VERSION_2TLS, CURLPIPE_MULTIPLEX, CURLOPT_PIPEWAIT)
// meet a real h2 server.

#include "einvoicexml.h"
#include "httpsportaltransport.h"
#include "portalprocess.h"
#include "testsupport.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QFile>
#include <QMap>
#include <QProcess>
#include <QSet>
#include <QStandardPaths>
#include <QUrl>
#include <arpa/inet.h>
#include <atomic>
#include <functional>
#include <gtest/gtest.h>
#include <iostream>
#include <memory>
#include <netinet/in.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace einvoice;
using einvoice::test::expectRateLimitedAfter;
using einvoice::test::makeInvoice;
using einvoice::test::onThreads;
using einvoice::test::PortalProcess;

namespace {

const QString kEndpointA = QStringLiteral("0007:5567321707");
const QString kEndpointB = QStringLiteral("0192:923609016");

OutgoingDocument document(const QString &number, bool withPdf = false)
{
    return test::outgoingUbl(makeInvoice(number, kEndpointA, kEndpointB, withPdf), number, kEndpointB);
}

bool acceptsConnections(quint16 port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(port);
    const bool ok = ::connect(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) == 0;
    ::close(fd);
    return ok;
}

constexpr const char *kNotInstalled = "nghttpx not found (PATH, /usr/sbin): install the Debian 12 package "
                                      "nghttp2-proxy (scripts/install-deps.sh installs it)";

/// nghttpx as a TLS HTTP/2 front end on a free loopback port, forwarding to a plain HTTP/1.1
/// backend on loopback. One process (--single-process, one worker), no daemon, its own empty
/// configuration file (not /etc/nghttpx/nghttpx.conf), error and access log in the directory
/// start() is given. Stopped
/// (SIGTERM, then SIGKILL) when destroyed.
class NghttpxFrontEnd
{
public:
    /// Where nghttpx is: PATH, then the sbin directories Debian installs it to (often not in a
    /// user's PATH). Empty when not installed.
    static QString executable()
    {
        const QString inPath = QStandardPaths::findExecutable(QStringLiteral("nghttpx"));
        if (!inPath.isEmpty())
            return inPath;
        return QStandardPaths::findExecutable(
            QStringLiteral("nghttpx"),
            {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/local/sbin"), QStringLiteral("/sbin")});
    }

    ~NghttpxFrontEnd() { stop(); }

    /// Starts nghttpx and waits until its port accepts connections; false (with a GoogleTest
    /// failure naming the reason and the log) otherwise.
    bool start(const QString &dir, quint16 backendPort, const QString &keyFile, const QString &certFile)
    {
        const QString binary = executable();
        if (binary.isEmpty()) {
            ADD_FAILURE() << kNotInstalled;
            return false;
        }
        m_errorLog = dir + QStringLiteral("/nghttpx-error.log");
        m_accessLog = dir + QStringLiteral("/nghttpx-access.log");
        const QString conf = dir + QStringLiteral("/nghttpx.conf");
        QFile empty(conf);
        if (!empty.open(QIODevice::WriteOnly)) {
            ADD_FAILURE() << "cannot write " << conf.toStdString();
            return false;
        }
        empty.close();
        // The free port is found by binding and closing; another process may take it before
        // nghttpx binds it, so a start that fails to listen is tried again on a new port.
        for (int attempt = 0; attempt < 3; ++attempt) {
            m_port = quint16(test::freeLoopbackPort());
            m_arguments = QStringList{
                QStringLiteral("--conf=") + conf, QStringLiteral("--frontend=127.0.0.1,%1").arg(m_port),
                QStringLiteral("--backend=127.0.0.1,%1;;proto=http/1.1").arg(backendPort),
                QStringLiteral("--no-ocsp"), QStringLiteral("--workers=1"),
                QStringLiteral("--single-process"), QStringLiteral("--errorlog-file=") + m_errorLog,
                QStringLiteral("--accesslog-file=") + m_accessLog,
                // One line per request: the client's port tells the TCP connections apart.
                QStringLiteral("--accesslog-format=$remote_port $protocol_version $alpn $method "
                               "$path_without_query $status"),
                keyFile, certFile};
            m_process = std::make_unique<QProcess>();
            m_process->setProcessChannelMode(QProcess::MergedChannels);
            m_process->start(binary, m_arguments);
            if (!m_process->waitForStarted(10000)) {
                ADD_FAILURE() << "nghttpx did not start: " << m_process->errorString().toStdString();
                return false;
            }
            const QByteArray listening = "Listening on 127.0.0.1:" + QByteArray::number(m_port);
            QDeadlineTimer deadline(20000);
            while (!deadline.hasExpired()) {
                // A short wait that also notices nghttpx exiting (port taken, bad certificate...).
                if (m_process->waitForFinished(20) || m_process->state() == QProcess::NotRunning)
                    break;
                if (errorLog().contains(listening) && acceptsConnections(m_port))
                    return true;
            }
            const QByteArray log = errorLog() + m_process->readAll();
            stop();
            if (!log.contains("Address already in use")) {
                ADD_FAILURE() << "nghttpx did not come up on port " << m_port << ":\n" << log.toStdString();
                return false;
            }
        }
        ADD_FAILURE() << "nghttpx found no free port";
        return false;
    }

    void stop()
    {
        if (!m_process)
            return;
        if (m_process->state() != QProcess::NotRunning) {
            m_process->terminate(); // SIGTERM: nghttpx shuts down at once
            if (!m_process->waitForFinished(10000)) {
                m_process->kill();
                m_process->waitForFinished();
            }
        }
        m_process.reset();
    }

    QString url() const { return QStringLiteral("https://127.0.0.1:%1").arg(m_port); }
    QString commandLine() const { return QStringLiteral("nghttpx ") + m_arguments.join(QLatin1Char(' ')); }
    QByteArray errorLog() const { return readFile(m_errorLog); }
    /// The access log's lines: "CLIENT_PORT HTTP/2 h2 METHOD PATH STATUS", one per finished request.
    QList<QByteArray> accessLog() const
    {
        QList<QByteArray> lines = readFile(m_accessLog).split('\n');
        lines.removeAll(QByteArray());
        return lines;
    }

private:
    static QByteArray readFile(const QString &path)
    {
        if (path.isEmpty())
            return {};
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
    QStringList m_arguments;
    QString m_errorLog;
    QString m_accessLog;
};

/// The reference portal on plain HTTP on loopback with nghttpx in front of it; transports talk
/// to nghttpx over TLS, trusting the test's self-signed certificate.
class Http2Portal : public ::testing::Test
{
protected:
    void SetUp() override
    {
        // Not installed is a failure, never a skip: CI installs it with scripts/install-deps.sh.
        ASSERT_FALSE(NghttpxFrontEnd::executable().isEmpty()) << kNotInstalled;
        tokenA = portal.addAccount(QStringLiteral("Company A"), kEndpointA);
        tokenB = portal.addAccount(QStringLiteral("Company B"), kEndpointB);
        ASSERT_FALSE(tokenA.isEmpty());
        ASSERT_FALSE(tokenB.isEmpty());
        ASSERT_TRUE(portal.start(false, extraServeArgs()));
        const QUrl backend(portal.baseUrl());
        ASSERT_EQ(backend.host(), QStringLiteral("127.0.0.1")) << portal.baseUrl().toStdString();
        const QString key = portal.dir() + QStringLiteral("/key.pem");
        ASSERT_TRUE(PortalProcess::makeCertificate(portal.caFile(), key));
        ASSERT_TRUE(frontEnd.start(portal.dir(), quint16(backend.port()), key, portal.caFile()));
        std::cout << "[ nghttpx  ] " << frontEnd.commandLine().toStdString() << std::endl;
    }
    void TearDown() override
    {
        if (HasFailure() && !frontEnd.errorLog().isEmpty())
            std::cout << "nghttpx error log:\n" << frontEnd.errorLog().toStdString() << std::endl;
    }
    virtual QStringList extraServeArgs() const { return {}; }

    std::unique_ptr<HttpsPortalTransport> transport(const QString &token) const
    {
        return test::httpsTransport(frontEnd.url(), portal.caFile(), token);
    }

    /// The access log once it holds @p count lines (nghttpx writes a line when a stream is
    /// closed, which can be just after the client has its answer); what it holds at the deadline
    /// otherwise.
    QList<QByteArray> accessLogWith(int count) const
    {
        QDeadlineTimer deadline(10000);
        QList<QByteArray> lines = frontEnd.accessLog();
        while (lines.size() < count && !deadline.hasExpired()) {
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
            lines = frontEnd.accessLog();
        }
        return lines;
    }

    PortalProcess portal;
    NghttpxFrontEnd frontEnd;
    QString tokenA, tokenB;
};

} // namespace

TEST_F(Http2Portal, UploadsNegotiateHttp2AndCallsInFlightShareOneConnection)
{
    // One transport, eight threads uploading at once from its very first call (no warm-up
    // request): every call is a stream on the one connection the first call opened.
    constexpr int kThreads = 8;
    constexpr int kPerThread = 6;
    auto shared = transport(tokenA);
    std::vector<QList<OutgoingDocument>> docs(kThreads);
    for (int t = 0; t < kThreads; ++t)
        for (int i = 0; i < kPerThread; ++i)
            docs[t].append(document(QStringLiteral("H2-%1-%2").arg(t).arg(i)));
    std::vector<QStringList> ids(kThreads);
    std::vector<QStringList> problems(kThreads);
    onThreads(kThreads, [&](int t) {
        for (const OutgoingDocument &d : docs[t]) {
            const SendResult r = shared->send(d);
            if (r.outcome != SendResult::Outcome::Accepted || r.duplicate || r.remoteId.isEmpty())
                problems[t].append(d.invoiceNumber + QStringLiteral(": ") + r.message);
            ids[t].append(r.remoteId);
        }
    });
    QMap<QString, QString> numberOf; // remote id -> the invoice number its caller sent
    for (int t = 0; t < kThreads; ++t) {
        EXPECT_TRUE(problems[t].isEmpty()) << problems[t].join(QLatin1Char('\n')).toStdString();
        for (int i = 0; i < ids[t].size(); ++i)
            numberOf.insert(ids[t][i], docs[t][i].invoiceNumber);
    }
    EXPECT_EQ(numberOf.size(), kThreads * kPerThread); // distinct remote ids
    EXPECT_EQ(shared->lastHttpVersion(), QStringLiteral("2"));
    // Measured: 1 on every one of ~30 runs (10 of them pinned to one core). The first call opens the
    // connection; the calls added while its TLS handshake runs wait for its ALPN answer
    // (CURLOPT_PIPEWAIT) instead of opening their own, then all go as streams on it. Without
    // PIPEWAIT, a plain libcurl 7.88.1 program with the same multi settings opened 4 connections
    // for 8 transfers started together (the CURLMOPT_MAX_HOST_CONNECTIONS cap).
    EXPECT_EQ(shared->connectionsOpened(), 1);

    // The status poll (also over h2) lists every document.
    const StatusPoll all = shared->pollStatus(QString());
    ASSERT_TRUE(all.ok) << all.error.toStdString();
    EXPECT_EQ(all.changes.size(), kThreads * kPerThread);
    QSet<QString> polled;
    for (const RemoteStatus &s : all.changes)
        polled.insert(s.remoteId);
    EXPECT_EQ(polled, QSet<QString>(numberOf.keyBegin(), numberOf.keyEnd()));
    EXPECT_EQ(shared->connectionsOpened(), 1);

    // Each answer reached the caller whose stream asked: the buyer's inbox names the invoice
    // number stored under every id, and it is the number the caller that got the id uploaded.
    auto b = transport(tokenB);
    const InboxPoll inbox = b->pollInbox();
    ASSERT_TRUE(inbox.ok) << inbox.error.toStdString();
    ASSERT_EQ(inbox.documents.size(), kThreads * kPerThread);
    for (const IncomingDocument &d : inbox.documents)
        EXPECT_EQ(d.invoiceNumber, numberOf.value(d.remoteId)) << d.remoteId.toStdString();

    // nghttpx saw the same thing: every request over HTTP/2 (ALPN h2), the 49 calls of the
    // shared transport from one client port, i.e. one TCP connection.
    const int requests = kThreads * kPerThread + 2; // uploads, status poll, inbox poll
    const QList<QByteArray> lines = accessLogWith(requests);
    ASSERT_EQ(lines.size(), requests) << lines.join('\n').toStdString();
    QMap<QByteArray, int> perClientPort;
    for (const QByteArray &line : lines) {
        const QList<QByteArray> f = line.split(' ');
        ASSERT_EQ(f.size(), 6) << line.toStdString();
        EXPECT_EQ(f[1], "HTTP/2") << line.toStdString();
        EXPECT_EQ(f[2], "h2") << line.toStdString();
        if (f[4] != "/api/v1/inbox")
            ++perClientPort[f[0]];
    }
    EXPECT_EQ(perClientPort.size(), 1) << lines.join('\n').toStdString();
    EXPECT_EQ(perClientPort.first(), kThreads * kPerThread + 1);
}

TEST_F(Http2Portal, AnswersMapAsOverHttp11)
{
    auto a = transport(tokenA);
    // 201, then the replay of the same Idempotency-Key: 200 with the same id, a duplicate.
    const OutgoingDocument doc = document(QStringLiteral("H2-DUP"), true);
    const SendResult first = a->send(doc);
    ASSERT_EQ(first.outcome, SendResult::Outcome::Accepted) << first.message.toStdString();
    EXPECT_FALSE(first.duplicate);
    EXPECT_TRUE(first.remoteId.startsWith(QStringLiteral("doc_"))) << first.remoteId.toStdString();
    const SendResult replay = a->send(doc);
    ASSERT_EQ(replay.outcome, SendResult::Outcome::Accepted) << replay.message.toStdString();
    EXPECT_TRUE(replay.duplicate);
    EXPECT_EQ(replay.remoteId, first.remoteId);
    EXPECT_EQ(a->lastHttpVersion(), QStringLiteral("2"));

    // 422 with a problem+json body: permanent, with the rule ids.
    OutgoingDocument broken = document(QStringLiteral("H2-BAD"));
    const XmlReadResult read = EInvoiceXml::read(broken.payload);
    ASSERT_TRUE(read.ok());
    Invoice wrongTotal = *read.invoice;
    wrongTotal.totals.payable = Decimal::fromString(QStringLiteral("1.00")); // BR-CO-16
    broken.payload = EInvoiceXml::write(wrongTotal, Syntax::Ubl);
    broken.contentHash = QStringLiteral("bad0000000000000000000000000000h2");
    const SendResult refusedDoc = a->send(broken);
    EXPECT_EQ(refusedDoc.outcome, SendResult::Outcome::Permanent);
    EXPECT_TRUE(refusedDoc.ruleIds.contains(QStringLiteral("BR-CO-16")))
        << refusedDoc.ruleIds.join(',').toStdString() << " / " << refusedDoc.message.toStdString();

    // 401: a wrong token is refused permanently, and the token is not repeated in the message.
    auto wrong = transport(QStringLiteral("eip_not-a-real-token"));
    const SendResult refused = wrong->send(document(QStringLiteral("H2-T1")));
    EXPECT_EQ(refused.outcome, SendResult::Outcome::Permanent);
    EXPECT_TRUE(refused.message.contains(QStringLiteral("refused the API token")))
        << refused.message.toStdString();
    EXPECT_FALSE(refused.message.contains(QStringLiteral("eip_not-a-real-token")));
    EXPECT_EQ(wrong->lastHttpVersion(), QStringLiteral("2"));
    EXPECT_FALSE(wrong->pollInbox().ok);

    // Binary and XML downloads arrive byte for byte; the acknowledgement empties the inbox.
    auto b = transport(tokenB);
    const InboxPoll inbox = b->pollInbox();
    ASSERT_TRUE(inbox.ok) << inbox.error.toStdString();
    ASSERT_EQ(inbox.documents.size(), 1);
    EXPECT_EQ(inbox.documents[0].remoteId, first.remoteId);
    EXPECT_EQ(inbox.documents[0].invoiceNumber, QStringLiteral("H2-DUP"));
    QString error;
    EXPECT_EQ(b->fetchIncoming(first.remoteId, QStringLiteral("pdf"), &error), einvoice::test::samplePdf())
        << error.toStdString();
    EXPECT_EQ(b->fetchIncoming(first.remoteId, QStringLiteral("ubl"), &error), doc.payload)
        << error.toStdString();
    EXPECT_EQ(b->acknowledgeIncoming(first.remoteId), QString());
    EXPECT_TRUE(b->pollInbox().documents.isEmpty());
    EXPECT_EQ(b->lastHttpVersion(), QStringLiteral("2"));
    EXPECT_EQ(b->connectionsOpened(), 1);
}

class Http2RateLimitedPortal : public Http2Portal
{
protected:
    QStringList extraServeArgs() const override
    {
        return {QStringLiteral("--rate-limit"), QStringLiteral("2/60")};
    }
};

TEST_F(Http2RateLimitedPortal, TooManyRequestsIsTransientWithRetryAfter)
{
    auto a = transport(tokenA);
    // 429 with Retry-After (a header nghttpx passes through as an h2 header field); one request
    // per 30 s refills.
    ASSERT_NO_FATAL_FAILURE(
        expectRateLimitedAfter(*a, 2, 30, [](int i) { return document(QStringLiteral("H2-R%1").arg(i)); }));
    EXPECT_EQ(a->lastHttpVersion(), QStringLiteral("2"));
}
