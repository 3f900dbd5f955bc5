// The reference portal's own behaviour over real HTTP(S): CLI, web page, problem answers,
// token rotation, routing rules. The engine's transport is tested in tests/httpsportaltransport_test.cpp.

#include "listenaddress.h"
#include "portalprocess.h"
#include "ratelimiter.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <gtest/gtest.h>

using namespace einvoice::portal;
using namespace einvoice::test;

namespace {

const QString kEndpointA = QStringLiteral("0007:5567321707");
const QString kEndpointB = QStringLiteral("0192:923609016");

QString bearer(const QString &token)
{
    return QStringLiteral("Authorization: Bearer ") + token;
}

QString keyOf(const QByteArray &payload)
{
    return QString::fromLatin1(QCryptographicHash::hash(payload, QCryptographicHash::Sha256).toHex());
}

QJsonObject jsonOf(const HttpAnswer &a)
{
    return QJsonDocument::fromJson(a.body).object();
}

class PortalServerTest : public ::testing::Test
{
protected:
    void SetUp() override
    {
        tokenA = portal.addAccount(QStringLiteral("Company A"), kEndpointA);
        tokenB = portal.addAccount(QStringLiteral("Company B"), kEndpointB);
        ASSERT_TRUE(portal.start(true));
    }
    HttpAnswer call(const QString &method, const QString &path, const QString &token,
                    const QByteArray &body = {}, QStringList headers = {})
    {
        if (!token.isEmpty())
            headers << bearer(token);
        return httpRequest(method, portal.baseUrl() + path, headers, body, portal.caFile());
    }
    HttpAnswer upload(const QString &token, const QByteArray &payload, const QString &key = QString())
    {
        return call(QStringLiteral("POST"), QStringLiteral("/api/v1/documents"), token, payload,
                    {QStringLiteral("Content-Type: application/xml"),
                     QStringLiteral("Idempotency-Key: ") + (key.isEmpty() ? keyOf(payload) : key)});
    }
    /// Signs in on the web page; returns the "name=value" session cookie.
    QString login(const QString &token)
    {
        const HttpAnswer a = call(QStringLiteral("POST"), QStringLiteral("/portal/login"), QString(),
                                  "token=" + QUrl::toPercentEncoding(token),
                                  {QStringLiteral("Content-Type: application/x-www-form-urlencoded")});
        EXPECT_EQ(a.status, 303) << a.body.toStdString();
        return a.headers.value(QStringLiteral("set-cookie")).section(QLatin1Char(';'), 0, 0);
    }

    PortalProcess portal;
    QString tokenA, tokenB;
};

} // namespace

TEST(PortalRateLimiter, BurstThenRefusalWithWaitThenRefill)
{
    auto now = std::chrono::steady_clock::time_point{};
    RateLimiter limiter([&] { return now; });
    const RateLimit limit{3, 60};
    EXPECT_EQ(limiter.acquire("t1", limit), 0);
    EXPECT_EQ(limiter.acquire("t1", limit), 0);
    EXPECT_EQ(limiter.acquire("t1", limit), 0);
    EXPECT_EQ(limiter.acquire("t1", limit), 20); // one request per 20 s comes back
    EXPECT_EQ(limiter.acquire("t2", limit), 0);  // another token has its own budget
    now += std::chrono::seconds(15);
    EXPECT_EQ(limiter.acquire("t1", limit), 5);
    now += std::chrono::seconds(5);
    EXPECT_EQ(limiter.acquire("t1", limit), 0);
    EXPECT_EQ(limiter.acquire("t1", RateLimit{}), 0); // unlimited

    RateLimit parsed;
    EXPECT_TRUE(RateLimit::parse(QStringLiteral("10/1"), &parsed));
    EXPECT_EQ(parsed.requests, 10);
    EXPECT_EQ(parsed.windowSecs, 1);
    EXPECT_TRUE(RateLimit::parse(QStringLiteral("100"), &parsed));
    EXPECT_EQ(parsed.windowSecs, 60);
    EXPECT_FALSE(RateLimit::parse(QStringLiteral("ten"), &parsed));
    EXPECT_FALSE(RateLimit::parse(QStringLiteral("5/0"), &parsed));
}

TEST(PortalListenAddress, ParsesAndKnowsLoopback)
{
    ListenAddress a;
    QString error;
    ASSERT_TRUE(ListenAddress::parse(QStringLiteral("127.0.0.1:8443"), &a, &error));
    EXPECT_EQ(a.port, 8443);
    EXPECT_TRUE(a.isLoopback());
    ASSERT_TRUE(ListenAddress::parse(QStringLiteral("[::1]:0"), &a, &error));
    EXPECT_EQ(a.host, QStringLiteral("::1"));
    EXPECT_TRUE(a.isLoopback());
    ASSERT_TRUE(ListenAddress::parse(QStringLiteral("127.8.9.10:1"), &a, &error));
    EXPECT_TRUE(a.isLoopback());
    ASSERT_TRUE(ListenAddress::parse(QStringLiteral("0.0.0.0:80"), &a, &error));
    EXPECT_FALSE(a.isLoopback());
    ASSERT_TRUE(ListenAddress::parse(QStringLiteral("portal.example:80"), &a, &error));
    EXPECT_FALSE(a.isLoopback());
    EXPECT_FALSE(ListenAddress::parse(QStringLiteral("8443"), &a, &error));
    EXPECT_FALSE(ListenAddress::parse(QStringLiteral("host:99999"), &a, &error));
    EXPECT_TRUE(error.contains(QStringLiteral("99999")));
}

TEST(PortalCli, RefusesPlainHttpOffLoopbackAndBadCertificates)
{
    PortalProcess portal;
    QString output;
    EXPECT_EQ(
        portal.runCli({QStringLiteral("serve"), QStringLiteral("--listen"), QStringLiteral("0.0.0.0:0")},
                      &output),
        1);
    EXPECT_TRUE(output.contains(QStringLiteral("Refusing plain HTTP on 0.0.0.0"))) << output.toStdString();
    EXPECT_EQ(portal.runCli({QStringLiteral("serve"), QStringLiteral("--listen"), QStringLiteral("0.0.0.0:0"),
                             QStringLiteral("--cert"), portal.dir() + QStringLiteral("/missing.pem"),
                             QStringLiteral("--key"), portal.dir() + QStringLiteral("/missing.key")},
                            &output),
              1);
    EXPECT_TRUE(output.contains(QStringLiteral("missing.pem"))) << output.toStdString();
    EXPECT_EQ(portal.runCli({QStringLiteral("serve"), QStringLiteral("--listen"), QStringLiteral("nonsense")},
                            &output),
              2);
    EXPECT_TRUE(output.contains(QStringLiteral("HOST:PORT"))) << output.toStdString();
}

TEST(PortalCli, AccountsAreAddedListedAndCheckedForDuplicates)
{
    PortalProcess portal;
    const QString token = portal.addAccount(QStringLiteral("Company A"), kEndpointA,
                                            {QStringLiteral("--org-number"), QStringLiteral("556732-1707")});
    EXPECT_TRUE(token.startsWith(QStringLiteral("eip_")));
    EXPECT_GE(token.size(), 40);
    QString output;
    EXPECT_EQ(portal.runCli({QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("Other"),
                             QStringLiteral("--endpoint"), kEndpointA},
                            &output),
              1);
    EXPECT_TRUE(output.contains(QStringLiteral("already exists"))) << output.toStdString();
    EXPECT_EQ(portal.runCli({QStringLiteral("account"), QStringLiteral("add"), QStringLiteral("Bad"),
                             QStringLiteral("--endpoint"), QStringLiteral("5567321707")},
                            &output),
              1);
    EXPECT_TRUE(output.contains(QStringLiteral("SCHEME:ID"))) << output.toStdString();
    EXPECT_EQ(portal.runCli({QStringLiteral("account"), QStringLiteral("list")}, &output), 0);
    EXPECT_TRUE(output.contains(QStringLiteral("Company A\t0007:5567321707\t556732-1707")))
        << output.toStdString();
    EXPECT_FALSE(output.contains(token)); // tokens are stored hashed and never shown again
}

TEST_F(PortalServerTest, ProblemAnswersForBadRequests)
{
    const HttpAnswer noToken = call(QStringLiteral("GET"), QStringLiteral("/api/v1/inbox"), QString());
    EXPECT_EQ(noToken.status, 401);
    EXPECT_EQ(noToken.headers.value(QStringLiteral("content-type")),
              QStringLiteral("application/problem+json"));
    EXPECT_TRUE(
        noToken.headers.value(QStringLiteral("www-authenticate")).startsWith(QStringLiteral("Bearer")));

    const QByteArray invoice = makeInvoice(QStringLiteral("P-1"), kEndpointA, kEndpointB);
    const HttpAnswer noKey = call(QStringLiteral("POST"), QStringLiteral("/api/v1/documents"), tokenA,
                                  invoice, {QStringLiteral("Content-Type: application/xml")});
    EXPECT_EQ(noKey.status, 400);
    EXPECT_TRUE(
        jsonOf(noKey).value(QStringLiteral("title")).toString().contains(QStringLiteral("Idempotency-Key")));

    const HttpAnswer garbage = upload(tokenA, "this is not xml");
    EXPECT_EQ(garbage.status, 400);
    EXPECT_EQ(jsonOf(garbage).value(QStringLiteral("status")).toInt(), 400);
    EXPECT_FALSE(jsonOf(garbage).value(QStringLiteral("detail")).toString().isEmpty());

    QByteArray invalid = invoice;
    invalid.replace("<cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>",
                    "<cbc:InvoiceTypeCode>999</cbc:InvoiceTypeCode>");
    ASSERT_NE(invalid, invoice);
    const HttpAnswer rules = upload(tokenA, invalid);
    EXPECT_EQ(rules.status, 422) << rules.body.toStdString();
    EXPECT_EQ(rules.headers.value(QStringLiteral("content-type")),
              QStringLiteral("application/problem+json"));
    QStringList ids;
    for (const QJsonValue &e : jsonOf(rules).value(QStringLiteral("errors")).toArray())
        ids << e.toObject().value(QStringLiteral("ruleId")).toString();
    EXPECT_FALSE(ids.isEmpty());
    EXPECT_TRUE(ids.join(QLatin1Char(',')).contains(QStringLiteral("BR-CL-01")))
        << ids.join(',').toStdString();

    const HttpAnswer unknown = call(QStringLiteral("GET"), QStringLiteral("/api/v2/whatever"), tokenA);
    EXPECT_EQ(unknown.status, 404);
    EXPECT_EQ(unknown.headers.value(QStringLiteral("content-type")),
              QStringLiteral("application/problem+json"));
}

TEST_F(PortalServerTest, DocumentsAreVisibleOnlyToTheirParties)
{
    const HttpAnswer up = upload(tokenA, makeInvoice(QStringLiteral("P-2"), kEndpointA, kEndpointB));
    ASSERT_EQ(up.status, 201) << up.body.toStdString();
    const QString id = jsonOf(up).value(QStringLiteral("id")).toString();
    EXPECT_EQ(up.headers.value(QStringLiteral("location")), QStringLiteral("/api/v1/documents/") + id);

    const HttpAnswer mine = call(QStringLiteral("GET"), QStringLiteral("/api/v1/documents/") + id, tokenA);
    ASSERT_EQ(mine.status, 200);
    QStringList timeline;
    for (const QJsonValue &e : jsonOf(mine).value(QStringLiteral("events")).toArray())
        timeline << e.toObject().value(QStringLiteral("status")).toString();
    EXPECT_EQ(timeline, (QStringList{QStringLiteral("received"), QStringLiteral("validated"),
                                     QStringLiteral("delivered")}));
    // B is the receiver: its inbox, not A's sent documents.
    EXPECT_EQ(call(QStringLiteral("GET"), QStringLiteral("/api/v1/documents/") + id + QStringLiteral("/ubl"),
                   tokenB)
                  .status,
              404);
    EXPECT_EQ(
        call(QStringLiteral("GET"), QStringLiteral("/api/v1/inbox/") + id + QStringLiteral("/ubl"), tokenB)
            .status,
        200);
    // A third company sees nothing.
    const QString tokenC =
        portal.addAccount(QStringLiteral("Company C"), QStringLiteral("0088:7300010000001"));
    EXPECT_EQ(call(QStringLiteral("GET"), QStringLiteral("/api/v1/documents/") + id, tokenC).status, 404);
    EXPECT_EQ(
        call(QStringLiteral("GET"), QStringLiteral("/api/v1/inbox/") + id + QStringLiteral("/pdf"), tokenC)
            .status,
        404);
    EXPECT_EQ(
        call(QStringLiteral("POST"), QStringLiteral("/api/v1/inbox/") + id + QStringLiteral("/ack"), tokenC)
            .status,
        404);
}

TEST_F(PortalServerTest, AccountThatDoesNotReceiveMakesInvoicesUndeliverable)
{
    const QString endpoint = QStringLiteral("0088:7300010000001");
    portal.addAccount(QStringLiteral("Paper Only Ltd"), endpoint, {QStringLiteral("--no-receive")});
    const HttpAnswer found =
        call(QStringLiteral("GET"), QStringLiteral("/api/v1/directory?q=paper%20only"), tokenA);
    ASSERT_EQ(found.status, 200);
    const QJsonArray participants = jsonOf(found).value(QStringLiteral("participants")).toArray();
    ASSERT_EQ(participants.size(), 1);
    EXPECT_EQ(participants[0].toObject().value(QStringLiteral("endpoint")).toString(), endpoint);
    EXPECT_FALSE(participants[0].toObject().value(QStringLiteral("canReceive")).toBool());

    const HttpAnswer up = upload(tokenA, makeInvoice(QStringLiteral("P-3"), kEndpointA, endpoint));
    ASSERT_EQ(up.status, 201);
    EXPECT_EQ(jsonOf(up).value(QStringLiteral("deliveryStatus")).toString(), QStringLiteral("undeliverable"));
}

TEST_F(PortalServerTest, TokenRotationWithAndWithoutGrace)
{
    const HttpAnswer rotated =
        call(QStringLiteral("POST"), QStringLiteral("/api/v1/token/rotate?grace=600"), tokenA);
    ASSERT_EQ(rotated.status, 200) << rotated.body.toStdString();
    const QString newToken = jsonOf(rotated).value(QStringLiteral("token")).toString();
    ASSERT_TRUE(newToken.startsWith(QStringLiteral("eip_")));
    EXPECT_NE(newToken, tokenA);
    // Within the grace period both work.
    EXPECT_EQ(call(QStringLiteral("GET"), QStringLiteral("/api/v1/account"), tokenA).status, 200);
    EXPECT_EQ(call(QStringLiteral("GET"), QStringLiteral("/api/v1/account"), newToken).status, 200);

    // The CLI rotates without grace: every older token stops at once.
    QString output;
    ASSERT_EQ(portal.runCli({QStringLiteral("token"), QStringLiteral("rotate"), QStringLiteral("Company A")},
                            &output),
              0)
        << output.toStdString();
    const QString cliToken = output.trimmed();
    EXPECT_EQ(call(QStringLiteral("GET"), QStringLiteral("/api/v1/account"), tokenA).status, 401);
    EXPECT_EQ(call(QStringLiteral("GET"), QStringLiteral("/api/v1/account"), newToken).status, 401);
    const HttpAnswer me = call(QStringLiteral("GET"), QStringLiteral("/api/v1/account"), cliToken);
    EXPECT_EQ(me.status, 200);
    EXPECT_EQ(jsonOf(me).value(QStringLiteral("endpoint")).toString(), kEndpointA);
}

TEST_F(PortalServerTest, WebPageListsTheCompanysDocuments)
{
    // The seller name comes from the upload, so it must be escaped on the page.
    QByteArray invoice = makeInvoice(QStringLiteral("WEB-77"), kEndpointA, kEndpointB);
    const HttpAnswer up = upload(tokenA, invoice);
    ASSERT_EQ(up.status, 201);
    const QString id = jsonOf(up).value(QStringLiteral("id")).toString();

    const HttpAnswer anonymous = call(QStringLiteral("GET"), QStringLiteral("/portal/"), QString());
    EXPECT_EQ(anonymous.status, 303);
    EXPECT_EQ(anonymous.headers.value(QStringLiteral("location")), QStringLiteral("/portal/login"));
    const HttpAnswer wrong =
        call(QStringLiteral("POST"), QStringLiteral("/portal/login"), QString(), "token=eip_wrong",
             {QStringLiteral("Content-Type: application/x-www-form-urlencoded")});
    EXPECT_EQ(wrong.status, 401);
    EXPECT_TRUE(wrong.headers.value(QStringLiteral("set-cookie")).isEmpty());

    const HttpAnswer loginAnswer = call(QStringLiteral("POST"), QStringLiteral("/portal/login"), QString(),
                                        "token=" + QUrl::toPercentEncoding(tokenA),
                                        {QStringLiteral("Content-Type: application/x-www-form-urlencoded")});
    ASSERT_EQ(loginAnswer.status, 303);
    const QString setCookie = loginAnswer.headers.value(QStringLiteral("set-cookie"));
    EXPECT_TRUE(setCookie.contains(QStringLiteral("HttpOnly")));
    EXPECT_TRUE(setCookie.contains(QStringLiteral("SameSite=Strict")));
    EXPECT_TRUE(setCookie.contains(QStringLiteral("Secure")));
    EXPECT_FALSE(setCookie.contains(tokenA)); // the token is never the cookie
    const QString cookie = QStringLiteral("Cookie: ") + setCookie.section(QLatin1Char(';'), 0, 0);

    const HttpAnswer page = call(QStringLiteral("GET"), QStringLiteral("/portal/"), QString(), {}, {cookie});
    ASSERT_EQ(page.status, 200);
    const QString html = QString::fromUtf8(page.body);
    EXPECT_TRUE(html.contains(QStringLiteral("WEB-77")));
    EXPECT_TRUE(html.contains(QStringLiteral("Buyer Official Name"))); // counterparty
    EXPECT_TRUE(html.contains(QStringLiteral("1656.25 EUR")));         // amount
    EXPECT_TRUE(html.contains(QStringLiteral("2017-11-13")));          // date
    EXPECT_TRUE(html.contains(QStringLiteral("delivered")));           // status
    EXPECT_TRUE(html.contains(QStringLiteral("/portal/documents/%1/pdf").arg(id)));
    EXPECT_TRUE(page.headers.value(QStringLiteral("content-security-policy"))
                    .contains(QStringLiteral("default-src 'none'")));

    const HttpAnswer pdf = call(QStringLiteral("GET"), QStringLiteral("/portal/documents/%1/pdf").arg(id),
                                QString(), {}, {cookie});
    EXPECT_EQ(pdf.status, 200);
    EXPECT_EQ(pdf.body, samplePdf());
    EXPECT_EQ(pdf.headers.value(QStringLiteral("content-type")), QStringLiteral("application/pdf"));

    // B sees it as received after acknowledging; A's page shows "fetched by receiver" then.
    const QString cookieB = QStringLiteral("Cookie: ") + login(tokenB);
    const HttpAnswer pageB =
        call(QStringLiteral("GET"), QStringLiteral("/portal/"), QString(), {}, {cookieB});
    EXPECT_TRUE(QString::fromUtf8(pageB.body).contains(QStringLiteral("WEB-77")));
    ASSERT_EQ(call(QStringLiteral("POST"), QStringLiteral("/api/v1/inbox/%1/ack").arg(id), tokenB).status,
              200);
    const HttpAnswer after = call(QStringLiteral("GET"), QStringLiteral("/portal/"), QString(), {}, {cookie});
    EXPECT_TRUE(QString::fromUtf8(after.body).contains(QStringLiteral("fetched by receiver")));

    // Signing out ends the session.
    call(QStringLiteral("POST"), QStringLiteral("/portal/logout"), QString(), {}, {cookie});
    EXPECT_EQ(call(QStringLiteral("GET"), QStringLiteral("/portal/"), QString(), {}, {cookie}).status, 303);
}

TEST_F(PortalServerTest, HostileTextIsEscapedOnThePage)
{
    QByteArray invoice = makeInvoice(QStringLiteral("X-<b>1</b>"), kEndpointA, kEndpointB);
    invoice.replace("Buyer Official Name", "&lt;script&gt;alert(1)&lt;/script&gt;");
    ASSERT_EQ(upload(tokenA, invoice).status, 201);
    const QString cookie = QStringLiteral("Cookie: ") + login(tokenA);
    const QString html = QString::fromUtf8(
        call(QStringLiteral("GET"), QStringLiteral("/portal/"), QString(), {}, {cookie}).body);
    EXPECT_FALSE(html.contains(QStringLiteral("<script>")));
    EXPECT_FALSE(html.contains(QStringLiteral("<b>1</b>")));
    EXPECT_TRUE(html.contains(QStringLiteral("&lt;script&gt;alert(1)&lt;/script&gt;")));
}

TEST_F(PortalServerTest, DocumentsSurviveARestart)
{
    const QByteArray invoice = makeInvoice(QStringLiteral("P-4"), kEndpointA, kEndpointB);
    const HttpAnswer first = upload(tokenA, invoice);
    ASSERT_EQ(first.status, 201);
    EXPECT_EQ(portal.stop(), 0); // SIGTERM: a clean shutdown
    ASSERT_TRUE(portal.start(true));
    const HttpAnswer replay = upload(tokenA, invoice);
    EXPECT_EQ(replay.status, 200);
    EXPECT_EQ(jsonOf(replay).value(QStringLiteral("id")), jsonOf(first).value(QStringLiteral("id")));
    const HttpAnswer inbox = call(QStringLiteral("GET"), QStringLiteral("/api/v1/inbox"), tokenB);
    EXPECT_EQ(jsonOf(inbox).value(QStringLiteral("documents")).toArray().size(), 1);
}
