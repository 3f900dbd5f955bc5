// "Test connection" (ConnectionTester) against the real reference portal over HTTPS: the
// einvoice-portal server as a child process with a self-signed certificate
// (portal/tests/portalprocess.h). Each check is reported on its own: a trusted connection with the
// right token passes everything; without the certificate TLS fails; a wrong token fails the
// sign-in only; a closed port fails the connection.

#include "connectiontester.h"
#include "gui_testsupport.h"
#include "portalprocess.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <gtest/gtest.h>

using namespace einvoice::gui;
using Outcome = ConnectionTester::Outcome;
using Step = ConnectionTester::Step;

namespace {

class GuiConnectionTest : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        // The portal runs on this machine: a proxy from the environment must not be asked.
        for (const char *name :
             {"http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"})
            qunsetenv(name);
    }
    void SetUp() override
    {
        m_token =
            m_portal.addAccount(QStringLiteral("Northwind Analytics"), QStringLiteral("0208:0812345603"));
        ASSERT_FALSE(m_token.isEmpty());
        ASSERT_TRUE(m_portal.start(true));
        ASSERT_TRUE(m_portal.baseUrl().startsWith(QLatin1String("https://")))
            << qPrintable(m_portal.baseUrl());
    }

    // Runs the tester to its end; the results, one per step, in order.
    QList<ConnectionTester::Result> run(const ConnectionTester::Target &target)
    {
        ConnectionTester tester;
        QSignalSpy finished(&tester, &ConnectionTester::finished);
        QSignalSpy steps(&tester, &ConnectionTester::stepFinished);
        tester.start(target);
        EXPECT_TRUE(finished.count() == 1 || finished.wait(30000));
        EXPECT_EQ(steps.count(), 5);
        EXPECT_FALSE(tester.isRunning());
        const QList<ConnectionTester::Result> results = tester.results();
        for (int i = 0; i < results.size(); ++i)
            EXPECT_EQ(results[i].step, Step(i));
        return results;
    }
    ConnectionTester::Target target(const QString &token, const QString &caFile) const
    {
        ConnectionTester::Target t;
        t.url = QUrl(m_portal.baseUrl());
        t.token = token;
        t.caFile = caFile;
        t.timeoutMs = 10000;
        return t;
    }
    static QString describe(const QList<ConnectionTester::Result> &results)
    {
        QStringList lines;
        for (const ConnectionTester::Result &r : results)
            lines << QStringLiteral("%1: %2 %3")
                         .arg(ConnectionTester::stepName(r.step))
                         .arg(int(r.outcome))
                         .arg(r.message);
        return lines.join(QLatin1Char('\n'));
    }

    einvoice::test::PortalProcess m_portal;
    QString m_token;
};

TEST_F(GuiConnectionTest, TheRightTokenAndCertificatePassEveryCheck)
{
    const QList<ConnectionTester::Result> r = run(target(m_token, m_portal.caFile()));
    ASSERT_EQ(r.size(), 5);
    for (const ConnectionTester::Result &result : r)
        EXPECT_EQ(result.outcome, Outcome::Passed) << qPrintable(describe(r));
    EXPECT_TRUE(r[int(Step::Dns)].message.contains(QStringLiteral("localhost"))) << qPrintable(describe(r));
    EXPECT_TRUE(r[int(Step::Tls)].message.contains(QStringLiteral("trusted"))) << qPrintable(describe(r));
    EXPECT_TRUE(r[int(Step::Authentication)].message.contains(QStringLiteral("Northwind Analytics")))
        << qPrintable(describe(r));
}

TEST_F(GuiConnectionTest, WithoutTheCertificateTheSecureConnectionFails)
{
    const QList<ConnectionTester::Result> r = run(target(m_token, QString()));
    ASSERT_EQ(r.size(), 5);
    EXPECT_EQ(r[int(Step::Dns)].outcome, Outcome::Passed) << qPrintable(describe(r));
    EXPECT_EQ(r[int(Step::Proxy)].outcome, Outcome::Passed) << qPrintable(describe(r));
    EXPECT_EQ(r[int(Step::Tls)].outcome, Outcome::Failed) << qPrintable(describe(r));
    EXPECT_TRUE(r[int(Step::Tls)].message.contains(QStringLiteral("not trusted"))) << qPrintable(describe(r));
    // Nothing is sent over a connection that is not trusted: the token is not tried.
    EXPECT_EQ(r[int(Step::Authentication)].outcome, Outcome::Skipped) << qPrintable(describe(r));
    EXPECT_EQ(r[int(Step::Api)].outcome, Outcome::Skipped) << qPrintable(describe(r));
}

TEST_F(GuiConnectionTest, AWrongTokenFailsTheSignInOnly)
{
    const QList<ConnectionTester::Result> r = run(target(QStringLiteral("not-the-token"), m_portal.caFile()));
    ASSERT_EQ(r.size(), 5);
    EXPECT_EQ(r[int(Step::Tls)].outcome, Outcome::Passed) << qPrintable(describe(r));
    EXPECT_EQ(r[int(Step::Authentication)].outcome, Outcome::Failed) << qPrintable(describe(r));
    EXPECT_TRUE(r[int(Step::Authentication)].message.contains(QStringLiteral("refused the token")))
        << qPrintable(describe(r));
    EXPECT_TRUE(r[int(Step::Authentication)].message.contains(QStringLiteral("401")))
        << qPrintable(describe(r));
    EXPECT_EQ(r[int(Step::Api)].outcome, Outcome::Passed) << qPrintable(describe(r));
}

TEST_F(GuiConnectionTest, AClosedPortFailsTheConnection)
{
    // A port that was free a moment ago and has nobody listening now.
    quint16 port = 0;
    {
        QTcpServer probe;
        ASSERT_TRUE(probe.listen(QHostAddress::LocalHost));
        port = probe.serverPort();
    }
    ConnectionTester::Target t = target(m_token, m_portal.caFile());
    t.url = QUrl(QStringLiteral("https://localhost:%1").arg(port));
    const QList<ConnectionTester::Result> r = run(t);
    ASSERT_EQ(r.size(), 5);
    EXPECT_EQ(r[int(Step::Dns)].outcome, Outcome::Passed) << qPrintable(describe(r));
    EXPECT_EQ(r[int(Step::Tls)].outcome, Outcome::Failed) << qPrintable(describe(r));
    EXPECT_TRUE(r[int(Step::Tls)].message.contains(QStringLiteral("refused"), Qt::CaseInsensitive))
        << qPrintable(describe(r));
    EXPECT_EQ(r[int(Step::Authentication)].outcome, Outcome::Skipped) << qPrintable(describe(r));
    EXPECT_EQ(r[int(Step::Api)].outcome, Outcome::Skipped) << qPrintable(describe(r));
}

} // namespace
