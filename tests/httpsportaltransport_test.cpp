// HttpsPortalTransport against the real reference portal (einvoice-portal as a child process)
// over real HTTPS and HTTP on loopback.

#include "clock.h"
#include "einvoicexml.h"
#include "httpsportaltransport.h"
#include "portalprocess.h"
#include "testsupport.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QSet>
#include <QTcpServer>
#include <arpa/inet.h>
#include <atomic>
#include <cstdlib>
#include <functional>
#include <gtest/gtest.h>
#include <mutex>
#include <netinet/in.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

using namespace einvoice;
using einvoice::test::expectRateLimitedAfter;
using einvoice::test::makeInvoice;
using einvoice::test::onThreads;
using einvoice::test::PortalProcess;

namespace {

const QString kEndpointA = QStringLiteral("0007:5567321707");
const QString kEndpointB = QStringLiteral("0192:923609016");

OutgoingDocument document(const QString &number, const QString &buyer = kEndpointB, bool withPdf = true)
{
    return test::outgoingUbl(makeInvoice(number, kEndpointA, buyer, withPdf), number, buyer);
}

std::unique_ptr<HttpsPortalTransport> transport(const PortalProcess &portal, const QString &token,
                                                const QString &caFile = QStringLiteral("<portal>"))
{
    return test::httpsTransport(portal.baseUrl(),
                                caFile == QLatin1String("<portal>") ? portal.caFile() : caFile, token);
}

class HttpsPortalTransportTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        tokenA = portal.addAccount(QStringLiteral("Company A"), kEndpointA,
                                   {QStringLiteral("--org-number"), QStringLiteral("556732-1707"),
                                    QStringLiteral("--vat-id"), QStringLiteral("SE556732170701")});
        tokenB = portal.addAccount(QStringLiteral("Company B"), kEndpointB);
        ASSERT_FALSE(tokenA.isEmpty());
        ASSERT_FALSE(tokenB.isEmpty());
        ASSERT_TRUE(portal.start(true, extraServeArgs()));
        a = transport(portal, tokenA);
        b = transport(portal, tokenB);
    }
    virtual QStringList extraServeArgs() const { return {}; }

    PortalProcess portal;
    QString tokenA, tokenB;
    std::unique_ptr<HttpsPortalTransport> a, b;
};

/// A loopback socket that answers each connection with a scripted raw reply, or resets it after
/// reading the request head: for faults the real portal cannot be made to produce on demand.
class ScriptedServer
{
public:
    explicit ScriptedServer(QByteArray reply) : m_reply(std::move(reply))
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        ::bind(m_fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr);
        ::listen(m_fd, 8);
        socklen_t len = sizeof addr;
        ::getsockname(m_fd, reinterpret_cast<sockaddr *>(&addr), &len);
        m_port = ntohs(addr.sin_port);
        m_thread = std::thread([this] { serve(); });
    }
    ~ScriptedServer()
    {
        ::shutdown(m_fd, SHUT_RDWR);
        ::close(m_fd);
        m_thread.join();
    }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_port); }
    int connections() const { return m_connections.load(); }
    /// The request heads received so far (request line and headers).
    QList<QByteArray> requests() const
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        return m_requests;
    }

private:
    void serve()
    {
        for (;;) {
            const int c = ::accept(m_fd, nullptr, nullptr);
            if (c < 0)
                return;
            ++m_connections;
            QByteArray head;
            char buf[4096];
            while (!head.contains("\r\n\r\n")) {
                const ssize_t n = ::read(c, buf, sizeof buf);
                if (n <= 0)
                    break;
                head.append(buf, n);
            }
            {
                std::lock_guard<std::mutex> lock(m_mutex);
                m_requests.append(head.left(head.indexOf("\r\n\r\n")));
            }
            if (m_reply.isEmpty()) {
                // RST instead of FIN: the connection breaks in the middle of the upload.
                linger l{1, 0};
                ::setsockopt(c, SOL_SOCKET, SO_LINGER, &l, sizeof l);
            } else {
                ::send(c, m_reply.constData(), size_t(m_reply.size()), MSG_NOSIGNAL);
            }
            ::close(c);
        }
    }
    QByteArray m_reply;
    int m_fd = -1;
    quint16 m_port = 0;
    std::atomic<int> m_connections{0};
    mutable std::mutex m_mutex;
    QList<QByteArray> m_requests;
    std::thread m_thread;
};

/// A loopback socket that listens but never answers: connects succeed (backlog), answers never come.
class SilentServer
{
public:
    SilentServer()
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        m_listening =
            ::bind(m_fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) == 0 && ::listen(m_fd, 4) == 0;
        socklen_t len = sizeof addr;
        ::getsockname(m_fd, reinterpret_cast<sockaddr *>(&addr), &len);
        m_port = ntohs(addr.sin_port);
    }
    ~SilentServer()
    {
        if (m_client >= 0)
            ::close(m_client);
        ::close(m_fd);
    }
    bool listening() const { return m_listening; }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_port); }
    /// Blocks until a client has connected and sent a whole request head; keeps it waiting.
    bool waitForRequest()
    {
        m_client = ::accept(m_fd, nullptr, nullptr);
        QByteArray head;
        char buf[4096];
        while (m_client >= 0 && !head.contains("\r\n\r\n")) {
            const ssize_t n = ::read(m_client, buf, sizeof buf);
            if (n <= 0)
                return false;
            head.append(buf, n);
        }
        return m_client >= 0;
    }

private:
    int m_fd = -1;
    int m_client = -1;
    quint16 m_port = 0;
    bool m_listening = false;
};

/// How many different ids the lists hold together.
int distinctIds(const std::vector<QStringList> &ids)
{
    QSet<QString> unique;
    for (const QStringList &l : ids)
        for (const QString &id : l)
            unique.insert(id);
    return int(unique.size());
}

std::unique_ptr<HttpsPortalTransport> plainTransport(const QString &url, int totalTimeoutSecs = 10,
                                                     const Clock *clock = nullptr)
{
    HttpsPortalTransport::Options o;
    o.baseUrl = url;
    o.noProxy = true;
    o.totalTimeoutSecs = totalTimeoutSecs;
    return std::make_unique<HttpsPortalTransport>(
        o, [] { return QStringLiteral("t"); }, clock);
}

} // namespace

TEST(HttpsPortalTransportParse, RetryAfterSecondsAndHttpDates)
{
    const QDateTime now = QDateTime(QDate(2015, 10, 21), QTime(7, 28, 0), Qt::UTC);
    EXPECT_EQ(HttpsPortalTransport::parseRetryAfter(QStringLiteral("120"), now), 120);
    EXPECT_EQ(HttpsPortalTransport::parseRetryAfter(QStringLiteral(" 0 "), now), 0);
    EXPECT_EQ(HttpsPortalTransport::parseRetryAfter(QStringLiteral("Wed, 21 Oct 2015 07:30:00 GMT"), now),
              120);
    EXPECT_EQ(HttpsPortalTransport::parseRetryAfter(QStringLiteral("Wednesday, 21-Oct-15 07:29:00 GMT"), now),
              60);
    EXPECT_EQ(HttpsPortalTransport::parseRetryAfter(QStringLiteral("Wed Oct 21 07:28:30 2015"), now), 30);
    // A date in the past means "now"; nonsense and negative values mean "no advice".
    EXPECT_EQ(HttpsPortalTransport::parseRetryAfter(QStringLiteral("Tue, 20 Oct 2015 07:28:00 GMT"), now), 0);
    EXPECT_EQ(HttpsPortalTransport::parseRetryAfter(QStringLiteral("soon"), now), std::nullopt);
    EXPECT_EQ(HttpsPortalTransport::parseRetryAfter(QStringLiteral("-5"), now), std::nullopt);
    EXPECT_EQ(HttpsPortalTransport::parseRetryAfter(QStringLiteral("99999999"), now), 24 * 3600);
}

TEST(HttpsPortalTransportParse, ResponseMapping)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    HttpsPortalTransport::Reply r;
    r.httpStatus = 503;
    r.headers.insert(QStringLiteral("retry-after"), QStringLiteral("7"));
    SendResult s = HttpsPortalTransport::mapUploadReply(r, QStringLiteral("P"), now);
    EXPECT_EQ(s.outcome, SendResult::Outcome::Transient);
    EXPECT_EQ(s.retryAfterSecs, 7);
    r.httpStatus = 408;
    EXPECT_EQ(HttpsPortalTransport::mapUploadReply(r, QStringLiteral("P"), now).outcome,
              SendResult::Outcome::Transient);
    r.httpStatus = 403;
    s = HttpsPortalTransport::mapUploadReply(r, QStringLiteral("P"), now);
    EXPECT_EQ(s.outcome, SendResult::Outcome::Permanent);
    EXPECT_TRUE(s.message.contains(QStringLiteral("refused the API token"))) << s.message.toStdString();
    r.httpStatus = 0;
    r.curlCode = 7; // CURLE_COULDNT_CONNECT
    r.curlError = QStringLiteral("Connection refused");
    s = HttpsPortalTransport::mapUploadReply(r, QStringLiteral("P"), now);
    EXPECT_EQ(s.outcome, SendResult::Outcome::Transient);
    EXPECT_TRUE(s.message.contains(QStringLiteral("Connection refused")));
}

TEST_F(HttpsPortalTransportTest, UploadIsAcceptedOnceAndReplayReturnsTheSameDocument)
{
    const OutgoingDocument doc = document(QStringLiteral("INV-1001"));
    const SendResult first = a->send(doc);
    ASSERT_EQ(first.outcome, SendResult::Outcome::Accepted) << first.message.toStdString();
    EXPECT_FALSE(first.duplicate);
    EXPECT_TRUE(first.remoteId.startsWith(QStringLiteral("doc_")));

    const SendResult replay = a->send(doc);
    ASSERT_EQ(replay.outcome, SendResult::Outcome::Accepted) << replay.message.toStdString();
    EXPECT_TRUE(replay.duplicate);
    EXPECT_EQ(replay.remoteId, first.remoteId);

    const StatusPoll poll = a->pollStatus(QString());
    ASSERT_TRUE(poll.ok) << poll.error.toStdString();
    ASSERT_EQ(poll.changes.size(), 1);
    EXPECT_EQ(poll.changes[0].remoteId, first.remoteId);
    EXPECT_EQ(poll.changes[0].deliveryStatus, QStringLiteral("delivered"));
    // One curl handle: both uploads and the poll went over one TLS connection.
    EXPECT_EQ(a->connectionsOpened(), 1);
    EXPECT_FALSE(a->lastHttpVersion().isEmpty());
}

TEST_F(HttpsPortalTransportTest, ValidationErrorsComeBackWithRuleIds)
{
    OutgoingDocument doc = document(QStringLiteral("INV-BAD"));
    // Break the payable amount: BR-CO-16 (amount due = total with VAT - paid + rounding).
    const XmlReadResult read = EInvoiceXml::read(doc.payload);
    ASSERT_TRUE(read.ok());
    Invoice broken = *read.invoice;
    broken.totals.payable = Decimal::fromString(QStringLiteral("1.00"));
    doc.payload = EInvoiceXml::write(broken, Syntax::Ubl);
    doc.contentHash = QStringLiteral("bad0000000000000000000000000000001");
    const SendResult result = a->send(doc);
    EXPECT_EQ(result.outcome, SendResult::Outcome::Permanent);
    EXPECT_TRUE(result.ruleIds.contains(QStringLiteral("BR-CO-16")))
        << result.ruleIds.join(',').toStdString();
    EXPECT_TRUE(result.message.contains(QStringLiteral("BR-CO-16"))) << result.message.toStdString();
    // Nothing was stored.
    EXPECT_TRUE(a->pollStatus(QString()).changes.isEmpty());

    doc.payload = "<not-an-invoice/>";
    doc.contentHash = QStringLiteral("bad0000000000000000000000000000002");
    const SendResult unreadable = a->send(doc);
    EXPECT_EQ(unreadable.outcome, SendResult::Outcome::Permanent);
    EXPECT_TRUE(unreadable.message.contains(QStringLiteral("400"))) << unreadable.message.toStdString();
}

TEST_F(HttpsPortalTransportTest, BadTokenIsRefusedPermanentlyAndMissingTokenIsTransient)
{
    auto wrong = transport(portal, QStringLiteral("eip_not-a-real-token"));
    const SendResult refused = wrong->send(document(QStringLiteral("INV-T1")));
    EXPECT_EQ(refused.outcome, SendResult::Outcome::Permanent);
    EXPECT_TRUE(refused.message.contains(QStringLiteral("refused the API token")))
        << refused.message.toStdString();
    EXPECT_FALSE(refused.message.contains(QStringLiteral("eip_not-a-real-token")));
    EXPECT_FALSE(wrong->pollInbox().ok);

    auto locked = transport(portal, QString());
    const SendResult waiting = locked->send(document(QStringLiteral("INV-T2")));
    EXPECT_EQ(waiting.outcome, SendResult::Outcome::Transient);
    EXPECT_TRUE(waiting.message.contains(QStringLiteral("No API token"))) << waiting.message.toStdString();
}

TEST_F(HttpsPortalTransportTest, UntrustedCertificateIsRefused)
{
    // Only the system store: the portal's self-signed certificate must not be accepted.
    auto untrusting = transport(portal, tokenA, QString());
    const SendResult result = untrusting->send(document(QStringLiteral("INV-TLS")));
    EXPECT_EQ(result.outcome, SendResult::Outcome::Permanent);
    EXPECT_TRUE(result.message.contains(QStringLiteral("certificate"))) << result.message.toStdString();
    EXPECT_FALSE(untrusting->pollInbox().ok);
    // ... and nothing reached the portal.
    EXPECT_TRUE(a->pollStatus(QString()).changes.isEmpty());

    // A different CA (another self-signed certificate) is no better.
    const QString otherCert = portal.dir() + QStringLiteral("/other.pem");
    ASSERT_TRUE(PortalProcess::makeCertificate(otherCert, portal.dir() + QStringLiteral("/other.key")));
    auto wrongCa = transport(portal, tokenA, otherCert);
    EXPECT_EQ(wrongCa->send(document(QStringLiteral("INV-TLS2"))).outcome, SendResult::Outcome::Permanent);
}

TEST_F(HttpsPortalTransportTest, StatusPollingWithCursorReturnsOnlyNewChanges)
{
    const SendResult s1 = a->send(document(QStringLiteral("INV-2001")));
    const SendResult s2 = a->send(document(QStringLiteral("INV-2002"), QStringLiteral("0088:7300010000001")));
    ASSERT_EQ(s1.outcome, SendResult::Outcome::Accepted);
    ASSERT_EQ(s2.outcome, SendResult::Outcome::Accepted);

    const StatusPoll first = a->pollStatus(QString());
    ASSERT_TRUE(first.ok) << first.error.toStdString();
    ASSERT_EQ(first.changes.size(), 2);
    EXPECT_EQ(first.changes[0].remoteId, s1.remoteId);
    EXPECT_EQ(first.changes[0].deliveryStatus, QStringLiteral("delivered"));
    EXPECT_EQ(first.changes[1].remoteId, s2.remoteId);
    EXPECT_EQ(first.changes[1].deliveryStatus, QStringLiteral("undeliverable")); // nobody has that address
    EXPECT_FALSE(first.nextCursor.isEmpty());

    const StatusPoll nothingNew = a->pollStatus(first.nextCursor);
    ASSERT_TRUE(nothingNew.ok);
    EXPECT_TRUE(nothingNew.changes.isEmpty());
    EXPECT_EQ(nothingNew.nextCursor, first.nextCursor);

    const InboxPoll inbox = b->pollInbox();
    ASSERT_EQ(inbox.documents.size(), 1);
    ASSERT_EQ(b->acknowledgeIncoming(inbox.documents[0].remoteId), QString());
    const StatusPoll afterAck = a->pollStatus(first.nextCursor);
    ASSERT_EQ(afterAck.changes.size(), 1);
    EXPECT_EQ(afterAck.changes[0].remoteId, s1.remoteId);
    EXPECT_EQ(afterAck.changes[0].deliveryStatus, QStringLiteral("fetched"));
}

TEST_F(HttpsPortalTransportTest, TwoCompaniesExchangeAnInvoiceEndToEnd)
{
    const OutgoingDocument doc = document(QStringLiteral("INV-E2E-1"));
    const SendResult sent = a->send(doc);
    ASSERT_EQ(sent.outcome, SendResult::Outcome::Accepted) << sent.message.toStdString();
    StatusPoll status = a->pollStatus(QString());
    ASSERT_EQ(status.changes.size(), 1);
    EXPECT_EQ(status.changes[0].deliveryStatus, QStringLiteral("delivered"));

    // B's inbox has it; A's does not.
    const InboxPoll inbox = b->pollInbox();
    ASSERT_TRUE(inbox.ok) << inbox.error.toStdString();
    ASSERT_EQ(inbox.documents.size(), 1);
    const IncomingDocument in = inbox.documents[0];
    EXPECT_EQ(in.remoteId, sent.remoteId);
    EXPECT_EQ(in.invoiceNumber, QStringLiteral("INV-E2E-1"));
    EXPECT_FALSE(in.senderName.isEmpty());
    EXPECT_TRUE(in.receivedAt.isValid());
    EXPECT_EQ(in.senderEndpoint, kEndpointA);
    EXPECT_EQ(in.hasPdf, true);
    EXPECT_FALSE(in.currency.isEmpty());
    EXPECT_TRUE(Decimal::parse(in.amount).has_value()) << in.amount.toStdString();
    EXPECT_TRUE(b->supportsResponses());
    EXPECT_TRUE(a->pollInbox().documents.isEmpty());
    EXPECT_TRUE(b->pollStatus(QString()).changes.isEmpty()); // B sent nothing; A's outbox is A's

    // B downloads UBL (the bytes A sent), CII (a readable CII invoice of the same number) and the PDF.
    QString error;
    const QByteArray ubl = b->fetchIncoming(in.remoteId, QStringLiteral("ubl"), &error);
    EXPECT_EQ(ubl, doc.payload) << error.toStdString();
    const QByteArray cii = b->fetchIncoming(in.remoteId, QStringLiteral("cii"), &error);
    const XmlReadResult ciiRead = EInvoiceXml::read(cii);
    ASSERT_TRUE(ciiRead.ok()) << ciiRead.error.toStdString() << error.toStdString();
    EXPECT_EQ(ciiRead.syntax, Syntax::Cii);
    EXPECT_EQ(ciiRead.invoice->number, QStringLiteral("INV-E2E-1"));
    EXPECT_EQ(b->fetchIncoming(in.remoteId, QStringLiteral("pdf"), &error), einvoice::test::samplePdf());
    // A cannot fetch from B's inbox; bad ids and formats are refused before any request.
    EXPECT_TRUE(a->fetchIncoming(in.remoteId, QStringLiteral("ubl"), &error).isEmpty());
    EXPECT_TRUE(error.contains(QStringLiteral("404"))) << error.toStdString();
    EXPECT_TRUE(b->fetchIncoming(QStringLiteral("../../etc"), QStringLiteral("ubl"), &error).isEmpty());
    EXPECT_TRUE(b->fetchIncoming(in.remoteId, QStringLiteral("exe"), &error).isEmpty());

    // B acknowledges: delivered once; A sees "fetched".
    EXPECT_EQ(b->acknowledgeIncoming(in.remoteId), QString());
    EXPECT_EQ(b->acknowledgeIncoming(in.remoteId), QString()); // idempotent
    EXPECT_TRUE(b->pollInbox().documents.isEmpty());
    status = a->pollStatus(status.nextCursor);
    ASSERT_EQ(status.changes.size(), 1);
    EXPECT_EQ(status.changes[0].deliveryStatus, QStringLiteral("fetched"));

    // B posts business statuses back; A sees them in order of the cursor.
    EXPECT_EQ(b->respondToIncoming(in.remoteId, QStringLiteral("AP"), QStringLiteral("Approved for payment")),
              QString());
    status = a->pollStatus(status.nextCursor);
    ASSERT_EQ(status.changes.size(), 1);
    EXPECT_EQ(status.changes[0].businessStatus, QStringLiteral("AP"));
    EXPECT_EQ(status.changes[0].message, QStringLiteral("Approved for payment"));
    EXPECT_EQ(b->respondToIncoming(in.remoteId, QStringLiteral("PD"), QStringLiteral("Paid 2025-01-31")),
              QString());
    status = a->pollStatus(status.nextCursor);
    ASSERT_EQ(status.changes.size(), 1);
    EXPECT_EQ(status.changes[0].businessStatus, QStringLiteral("PD"));
    EXPECT_EQ(status.changes[0].deliveryStatus, QStringLiteral("fetched"));
    // Only the receiver may answer, and only with the Peppol codes.
    EXPECT_NE(a->respondToIncoming(in.remoteId, QStringLiteral("PD"), QString()), QString());
    EXPECT_NE(b->respondToIncoming(in.remoteId, QStringLiteral("XX"), QString()), QString());
}

TEST_F(HttpsPortalTransportTest, DirectoryLookupFindsParticipants)
{
    for (const QString &query : {QStringLiteral("556732-1707"), QStringLiteral("SE556732170701"),
                                 QStringLiteral("company a"), QStringLiteral("0007:5567321707")}) {
        const DirectoryLookup found = b->lookup(query);
        ASSERT_TRUE(found.ok) << found.error.toStdString();
        ASSERT_EQ(found.participants.size(), 1) << query.toStdString();
        EXPECT_EQ(found.participants[0].endpoint, kEndpointA);
        EXPECT_EQ(found.participants[0].name, QStringLiteral("Company A"));
        EXPECT_TRUE(found.participants[0].canReceive);
    }
    const DirectoryLookup none = b->lookup(QStringLiteral("Nobody AB"));
    ASSERT_TRUE(none.ok);
    EXPECT_TRUE(none.participants.isEmpty());
}

TEST_F(HttpsPortalTransportTest, ConcurrentUploadsAreAllAcceptedExactlyOnce)
{
    constexpr int kThreads = 16;
    constexpr int kPerThread = 20;
    std::vector<QList<OutgoingDocument>> docs(kThreads);
    for (int t = 0; t < kThreads; ++t)
        for (int i = 0; i < kPerThread; ++i)
            docs[t].append(document(QStringLiteral("C-%1-%2").arg(t).arg(i), kEndpointB, false));
    std::vector<QStringList> ids(kThreads);
    std::atomic<int> failures{0};
    onThreads(kThreads, [&](int t) {
        auto client = transport(portal, tokenA);
        for (const OutgoingDocument &d : docs[t]) {
            const SendResult r = client->send(d);
            if (r.outcome != SendResult::Outcome::Accepted || r.duplicate)
                ++failures;
            ids[t].append(r.remoteId);
        }
        // Every client retries its first document: the same id comes back.
        const SendResult again = client->send(docs[t].first());
        if (!again.duplicate || again.remoteId != ids[t].first())
            ++failures;
    });
    EXPECT_EQ(failures.load(), 0);
    EXPECT_EQ(distinctIds(ids), kThreads * kPerThread);
    const StatusPoll all = a->pollStatus(QString());
    ASSERT_TRUE(all.ok);
    EXPECT_EQ(all.changes.size(), kThreads * kPerThread);
    EXPECT_EQ(b->pollInbox().documents.size(), kThreads * kPerThread);
}

TEST_F(HttpsPortalTransportTest, CallsFromManyThreadsShareAFewConnections)
{
    // One transport, more threads than connections it may open: every call gets its own right
    // answer, and the calls share the multi handle's connections (the old pool of easy handles
    // opened one connection per handle, eight here).
    constexpr int kThreads = 8;
    constexpr int kPerThread = 6;
    auto shared = transport(portal, tokenA);
    std::vector<QStringList> ids(kThreads);
    std::atomic<int> failures{0};
    onThreads(kThreads, [&](int t) {
        for (int i = 0; i < kPerThread; ++i) {
            const SendResult r =
                shared->send(document(QStringLiteral("M-%1-%2").arg(t).arg(i), kEndpointB, false));
            if (r.outcome != SendResult::Outcome::Accepted || r.duplicate)
                ++failures;
            ids[t].append(r.remoteId);
            // A read between the uploads: its answer must be to this question, not a neighbour's.
            const bool askA = (t + i) % 2 == 0;
            const DirectoryLookup found =
                shared->lookup(askA ? QStringLiteral("company a") : QStringLiteral("company b"));
            if (!found.ok || found.participants.size() != 1 ||
                found.participants[0].endpoint != (askA ? kEndpointA : kEndpointB))
                ++failures;
        }
    });
    EXPECT_EQ(failures.load(), 0);
    EXPECT_EQ(distinctIds(ids), kThreads * kPerThread);
    const StatusPoll all = shared->pollStatus(QString());
    ASSERT_TRUE(all.ok) << all.error.toStdString();
    EXPECT_EQ(all.changes.size(), kThreads * kPerThread);
    EXPECT_GE(shared->connectionsOpened(), 1);
    EXPECT_LE(shared->connectionsOpened(), HttpsPortalTransport::kMaxConnections);
}

class RateLimitedPortalTest : public HttpsPortalTransportTest
{
protected:
    QStringList extraServeArgs() const override
    {
        return {QStringLiteral("--rate-limit"), QStringLiteral("3/60")};
    }
};

TEST_F(RateLimitedPortalTest, TooManyRequestsIsTransientWithRetryAfter)
{
    // One request per 20 s refills.
    ASSERT_NO_FATAL_FAILURE(
        expectRateLimitedAfter(*a, 3, 20, [](int i) { return document(QStringLiteral("INV-R%1").arg(i)); }));
    // The budget is per token: B is not affected.
    EXPECT_TRUE(b->pollInbox().ok);
}

TEST(HttpsPortalTransportPlain, PlainHttpWorksOnLoopbackOnly)
{
    PortalProcess portal;
    const QString token = portal.addAccount(QStringLiteral("Company A"), kEndpointA);
    portal.addAccount(QStringLiteral("Company B"), kEndpointB);
    ASSERT_TRUE(portal.start(false));
    ASSERT_TRUE(portal.baseUrl().startsWith(QStringLiteral("http://127.0.0.1:")));
    auto plain = transport(portal, token, QString());
    const SendResult sent = plain->send(document(QStringLiteral("INV-PLAIN")));
    EXPECT_EQ(sent.outcome, SendResult::Outcome::Accepted) << sent.message.toStdString();
    EXPECT_EQ(plain->lastHttpVersion(), QStringLiteral("1.1"));

    HttpsPortalTransport::Options o;
    o.baseUrl = QStringLiteral("http://portal.example.com");
    HttpsPortalTransport remote(o, [] { return QStringLiteral("t"); });
    const SendResult refused = remote.send(document(QStringLiteral("INV-PLAIN2")));
    EXPECT_EQ(refused.outcome, SendResult::Outcome::Permanent);
    EXPECT_TRUE(refused.message.contains(QStringLiteral("unencrypted"))) << refused.message.toStdString();
}

TEST(HttpsPortalTransportFaults, PortalDownIsTransient)
{
    // Take a free port and close it again: nothing listens there.
    QTcpServer probe;
    ASSERT_TRUE(probe.listen(QHostAddress::LocalHost, 0));
    const quint16 port = probe.serverPort();
    probe.close();
    HttpsPortalTransport::Options o;
    o.baseUrl = QStringLiteral("http://127.0.0.1:%1").arg(port);
    o.noProxy = true;
    HttpsPortalTransport down(o, [] { return QStringLiteral("t"); });
    const SendResult r = down.send(document(QStringLiteral("INV-DOWN")));
    EXPECT_EQ(r.outcome, SendResult::Outcome::Transient);
    EXPECT_TRUE(r.message.contains(QStringLiteral("could not be reached"))) << r.message.toStdString();
    EXPECT_FALSE(down.pollStatus(QString()).ok);
}

TEST(HttpsPortalTransportFaults, SlowServerHitsTheTimeout)
{
    SilentServer server;
    ASSERT_TRUE(server.listening());
    auto slow = plainTransport(server.url(), 1);
    QDeadlineTimer bound(15000);
    const SendResult r = slow->send(document(QStringLiteral("INV-SLOW")));
    EXPECT_FALSE(bound.hasExpired());
    EXPECT_EQ(r.outcome, SendResult::Outcome::Transient);
    EXPECT_TRUE(r.message.contains(QStringLiteral("could not be reached"))) << r.message.toStdString();
}

TEST(HttpsPortalTransportFaults, DestroyingTheTransportEndsAWaitingCallPromptly)
{
    // A call waiting on a server that never answers (timeout 120 s) while the transport goes,
    // as when the agent stops or a profile is rebuilt: the caller gets a transient error at
    // once instead of after the timeout, and the destructor waits for the call to be done with
    // the transport (send() asks the clock after the answer, so the clock shows it).
    struct SeenClock : Clock
    {
        QDateTime now() const override
        {
            asked = true;
            return QDateTime::currentDateTimeUtc();
        }
        mutable std::atomic<bool> asked{false};
    } clock;
    SilentServer server;
    ASSERT_TRUE(server.listening());
    auto t = plainTransport(server.url(), 120, &clock);
    SendResult r;
    QElapsedTimer elapsed;
    elapsed.start();
    std::thread caller([&] { r = t->send(document(QStringLiteral("INV-GONE"))); });
    ASSERT_TRUE(server.waitForRequest()); // the upload is on the wire, its answer awaited
    EXPECT_FALSE(clock.asked.load());
    t.reset();
    EXPECT_TRUE(clock.asked.load()); // the destructor waited for the call
    caller.join();
    EXPECT_LT(elapsed.elapsed(), 20000);
    EXPECT_EQ(r.outcome, SendResult::Outcome::Transient);
    EXPECT_TRUE(r.message.contains(QStringLiteral("cancelled"))) << r.message.toStdString();
}

TEST(HttpsPortalTransportFaults, ServerErrorIsTransientAndHonoursAnHttpDateRetryAfter)
{
    const QString date =
        QDateTime::currentDateTimeUtc().addSecs(90).toString(QStringLiteral("ddd, dd MMM yyyy HH:mm:ss")) +
        QStringLiteral(" GMT");
    const QByteArray body = R"({"type":"x","title":"Database on fire","status":500})";
    ScriptedServer server("HTTP/1.1 500 Internal Server Error\r\nContent-Type: application/problem+json\r\n"
                          "Retry-After: " +
                          date.toLatin1() + "\r\nContent-Length: " + QByteArray::number(body.size()) +
                          "\r\nConnection: close\r\n\r\n" + body);
    auto t = plainTransport(server.url());
    const SendResult r = t->send(document(QStringLiteral("INV-500")));
    EXPECT_EQ(r.outcome, SendResult::Outcome::Transient);
    ASSERT_TRUE(r.retryAfterSecs.has_value());
    EXPECT_GE(*r.retryAfterSecs, 80);
    EXPECT_LE(*r.retryAfterSecs, 90);
    EXPECT_TRUE(r.message.contains(QStringLiteral("Database on fire"))) << r.message.toStdString();
}

TEST(HttpsPortalTransportFaults, ConnectionResetMidUploadIsTransient)
{
    ScriptedServer server{QByteArray()};
    auto t = plainTransport(server.url());
    const SendResult r = t->send(document(QStringLiteral("INV-RST")));
    EXPECT_EQ(r.outcome, SendResult::Outcome::Transient);
    EXPECT_TRUE(r.remoteId.isEmpty());
    EXPECT_GE(server.connections(), 1);
    EXPECT_FALSE(t->pollInbox().ok);
}

TEST(HttpsPortalTransportFaults, AcceptedAnswerWithoutIdIsNotTakenAsSent)
{
    ScriptedServer server("HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Length: 2\r\n"
                          "Connection: close\r\n\r\n{}");
    const SendResult r = plainTransport(server.url())->send(document(QStringLiteral("INV-NOID")));
    EXPECT_EQ(r.outcome, SendResult::Outcome::Transient);
    EXPECT_TRUE(r.message.contains(QStringLiteral("no document id"))) << r.message.toStdString();
}

TEST(HttpsPortalTransportProxy, ProxyFromSettingsWithAuthentication)
{
    // A proxy that demands Basic authentication: curl (CURLAUTH_ANY) must answer the challenge
    // with the configured credentials.
    ScriptedServer proxy(
        "HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"corp\"\r\n"
        "Content-Length: 0\r\nConnection: close\r\n\r\n");
    HttpsPortalTransport::Options o;
    o.baseUrl = QStringLiteral("http://127.0.0.1:9"); // never contacted directly
    o.proxy = proxy.url();
    o.proxyUser = QStringLiteral("alice");
    o.proxyPassword = QStringLiteral("s3cret");
    HttpsPortalTransport t(o, [] { return QStringLiteral("tok"); });
    const SendResult r = t.send(document(QStringLiteral("INV-PROXY")));
    EXPECT_NE(r.outcome, SendResult::Outcome::Accepted);
    const QList<QByteArray> seen = proxy.requests();
    ASSERT_GE(seen.size(), 2);
    EXPECT_TRUE(seen[0].startsWith("POST http://127.0.0.1:9/api/v1/documents ")) << seen[0].toStdString();
    EXPECT_TRUE(seen.last().contains("Proxy-Authorization: Basic " + QByteArray("alice:s3cret").toBase64()))
        << seen.last().toStdString();
}

TEST(HttpsPortalTransportProxy, ProxyFromTheEnvironmentUnlessDisabled)
{
    ScriptedServer proxy("HTTP/1.1 503 Service Unavailable\r\nRetry-After: 3\r\nContent-Length: 0\r\n"
                         "Connection: close\r\n\r\n");
    const QByteArray saved = qgetenv("http_proxy");
    qputenv("http_proxy", proxy.url().toLatin1());
    HttpsPortalTransport::Options o;
    o.baseUrl = QStringLiteral("http://127.0.0.1:9");
    HttpsPortalTransport viaEnvironment(o, [] { return QStringLiteral("tok"); });
    const SendResult r = viaEnvironment.send(document(QStringLiteral("INV-ENV")));
    EXPECT_EQ(r.outcome, SendResult::Outcome::Transient);
    EXPECT_EQ(r.retryAfterSecs, 3);
    EXPECT_EQ(proxy.connections(), 1);

    o.noProxy = true;
    HttpsPortalTransport direct(o, [] { return QStringLiteral("tok"); });
    EXPECT_EQ(direct.send(document(QStringLiteral("INV-DIRECT"))).outcome, SendResult::Outcome::Transient);
    EXPECT_EQ(proxy.connections(), 1); // went straight to port 9 (refused), not through the proxy
    if (saved.isNull())
        qunsetenv("http_proxy");
    else
        qputenv("http_proxy", saved);
}

TEST(HttpsPortalTransportLimits, OversizedDocumentIsRefusedPermanently)
{
    PortalProcess portal;
    const QString token = portal.addAccount(QStringLiteral("Company A"), kEndpointA);
    ASSERT_TRUE(portal.start(true, {QStringLiteral("--max-upload-mb"), QStringLiteral("1")}));
    auto t = transport(portal, token);
    OutgoingDocument big = document(QStringLiteral("INV-BIG"));
    big.payload.append(QByteArray(2 * 1024 * 1024, ' '));
    const SendResult r = t->send(big);
    EXPECT_EQ(r.outcome, SendResult::Outcome::Permanent);
    EXPECT_TRUE(r.message.contains(QStringLiteral("too large"))) << r.message.toStdString();
    // The connection stays usable for the next, normal document.
    EXPECT_EQ(t->send(document(QStringLiteral("INV-SMALL"))).outcome, SendResult::Outcome::Accepted);
}

TEST(HttpsPortalTransportFaults, HugeAnswerIsCutOff)
{
    // A hostile server announcing 200 MiB: the transport stops reading at its cap (1 MiB here,
    // 96 MiB by default).
    QByteArray reply =
        "HTTP/1.1 200 OK\r\nContent-Type: application/xml\r\nContent-Length: 209715200\r\n\r\n";
    reply.append(QByteArray(3 * 1024 * 1024, 'x'));
    ScriptedServer server(reply);
    HttpsPortalTransport::Options o;
    o.baseUrl = server.url();
    o.noProxy = true;
    o.maxAnswerBytes = 1024 * 1024;
    HttpsPortalTransport t(o, [] { return QStringLiteral("t"); });
    QString error;
    const QByteArray data = t.fetchIncoming(QStringLiteral("doc_1"), QStringLiteral("ubl"), &error);
    EXPECT_TRUE(data.isEmpty());
    EXPECT_TRUE(error.contains(QStringLiteral("larger than 1048576 bytes"))) << error.toStdString();
}

TEST_F(HttpsPortalTransportTest, RotatedTokenIsRefusedAndTheNewOneIsPickedUpWithoutRebuilding)
{
    // The transport asks its token source on every call, as a keychain-backed source would answer.
    auto current = std::make_shared<QString>(tokenA);
    HttpsPortalTransport::Options o;
    o.baseUrl = portal.baseUrl();
    o.extraCaFile = portal.caFile();
    o.noProxy = true;
    HttpsPortalTransport t(o, [current] { return *current; });
    ASSERT_EQ(t.send(document(QStringLiteral("INV-ROT-1"))).outcome, SendResult::Outcome::Accepted);

    QString output;
    ASSERT_EQ(portal.runCli({QStringLiteral("token"), QStringLiteral("rotate"), QStringLiteral("Company A")},
                            &output),
              0);
    const SendResult expired = t.send(document(QStringLiteral("INV-ROT-2")));
    EXPECT_EQ(expired.outcome, SendResult::Outcome::Permanent);
    EXPECT_TRUE(expired.message.contains(QStringLiteral("refused the API token")))
        << expired.message.toStdString();

    *current = output.trimmed();
    const SendResult again = t.send(document(QStringLiteral("INV-ROT-2")));
    EXPECT_EQ(again.outcome, SendResult::Outcome::Accepted) << again.message.toStdString();
    EXPECT_FALSE(again.duplicate); // the refused attempt stored nothing
}
