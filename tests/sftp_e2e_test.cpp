// End to end over SFTP with real processes: a private sshd on loopback stands in for the
// operator's server, whose routing is two shared folders (the seller's outbound folder is the
// buyer's inbound folder; the buyer's response folder is the seller's status folder). A PDF
// dropped at the seller arrives at the buyer as a valid e-invoice and its PDF; the buyer's
// "paid" travels back as a Peppol invoice response and the seller's job becomes delivered and
// paid. Needs root (sshd, the test user); skipped otherwise.
#include "companyagent.h"
#include "einvoicexml.h"
#include "invoiceresponse.h"
#include "jobjournal.h"
#include "sshdprocess.h"
#include "testsupport.h"
#include "validator.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <gtest/gtest.h>
#include <memory>

using namespace einvoice;
using namespace einvoice::test;

TEST(SftpEndToEnd, TwoAgentsExchangeAnInvoiceAndItsPaymentStatusThroughAnSftpServer)
{
    ensureCoreApp();
    SshdProcess sshd;
    if (!sshd.start()) {
        if (!sshd.skipReason.isEmpty())
            GTEST_SKIP() << sshd.skipReason.toStdString();
        FAIL() << sshd.error.toStdString();
    }
    // The operator's routing: seller out = buyer in; buyer responses = seller status.
    const QString base = QStringLiteral("e2e-%1").arg(::getpid());
    for (const char *sub : {"a-to-b", "b-to-a", "b-out"})
        ASSERT_TRUE(
            QDir().mkpath(sshd.home + QLatin1Char('/') + base + QLatin1Char('/') + QLatin1String(sub)));
    ASSERT_EQ(run(QStringLiteral("chown"),
                  {QStringLiteral("-R"), SshdProcess::user() + QStringLiteral(":") + SshdProcess::user(),
                   sshd.home + QLatin1Char('/') + base})
                  .exitCode,
              0);
    const QString server =
        QStringLiteral("sftp://%1@127.0.0.1:%2/~/%3/").arg(SshdProcess::user()).arg(sshd.port).arg(base);
    const QString common =
        QStringLiteral("transport=sftp\nsftp_key_file=%1\nsftp_known_hosts=%2\n")
            .arg(sshd.path(QStringLiteral("client")), sshd.path(QStringLiteral("known_hosts")));

    QTemporaryDir dir;
    QTemporaryDir samples;
    ASSERT_EQ(run(QStringLiteral(EINVOICE_SAMPLEGEN), {samples.path()}).exitCode, 0);
    CompanyAgent seller(dir.path(), QStringLiteral("seller"),
                        QStringLiteral("sftp_url=%1a-to-b\nsftp_status_dir=~/%2/b-to-a\n").arg(server, base) +
                            common);
    CompanyAgent buyer(
        dir.path(), QStringLiteral("buyer"),
        QStringLiteral("sftp_url=%1b-out\nsftp_inbound_dir=~/%2/a-to-b\nsftp_response_dir=~/%2/b-to-a\n")
                .arg(server, base) +
            common);
    ASSERT_TRUE(seller.start());
    ASSERT_TRUE(buyer.start());

    ASSERT_TRUE(QFile::copy(samples.filePath(QStringLiteral("sv-faktura.pdf")),
                            seller.exportDir() + QStringLiteral("/Faktura 10457.pdf")));
    ASSERT_TRUE(waitUntil(
        [&] {
            const QList<Job> jobs = seller.jobs();
            return jobs.size() == 1 && jobs[0].state == JobState::Sent;
        },
        30000))
        << "the seller's job was not uploaded: " << seller.cli({QStringLiteral("status")}).out.toStdString();

    // The buyer fetches it: e-invoice and PDF; the file moves to done/ on the server.
    ASSERT_EQ(buyer.cli({QStringLiteral("poll")}).exitCode, 0);
    const QDir incoming(buyer.incomingDir());
    const QStringList ubl = incoming.entryList({QStringLiteral("*.ubl.xml")}, QDir::Files);
    const QStringList pdfs = incoming.entryList({QStringLiteral("*.pdf")}, QDir::Files);
    ASSERT_EQ(ubl.size(), 1) << incoming.entryList().join(QLatin1Char(' ')).toStdString();
    ASSERT_EQ(pdfs.size(), 1);
    const XmlReadResult read = EInvoiceXml::read(readFile(incoming.filePath(ubl[0])), ubl[0]);
    ASSERT_TRUE(read.ok()) << read.error.toStdString();
    EXPECT_EQ(read.invoice->number, QStringLiteral("10457"));
    for (const RuleFailure &f : Validator::validate(*read.invoice))
        EXPECT_FALSE(f.fatal) << f.ruleId.toStdString();
    EXPECT_TRUE(readFile(incoming.filePath(pdfs[0])).startsWith("%PDF-"));
    const QString aToB = sshd.home + QLatin1Char('/') + base + QStringLiteral("/a-to-b");
    EXPECT_EQ(QDir(aToB).entryList({QStringLiteral("*.xml")}, QDir::Files).size(), 0);
    EXPECT_EQ(QDir(aToB + QStringLiteral("/done")).entryList({QStringLiteral("*.xml")}, QDir::Files).size(),
              1);

    // The buyer pays and says so: an invoice response file for the seller.
    const QJsonArray records =
        buyer.cliJson({QStringLiteral("incoming"), QStringLiteral("list"), QStringLiteral("--json")})
            .value(QStringLiteral("incoming"))
            .toArray();
    ASSERT_EQ(records.size(), 1);
    const QString id = QString::number(records[0].toObject().value(QStringLiteral("id")).toInteger());
    const ProcessResult paid =
        buyer.cli({QStringLiteral("incoming"), QStringLiteral("respond"), id, QStringLiteral("paid"),
                   QStringLiteral("--note"), QStringLiteral("Paid 2025-03-05")});
    ASSERT_EQ(paid.exitCode, 0) << paid.err.toStdString();
    const QString bToA = sshd.home + QLatin1Char('/') + base + QStringLiteral("/b-to-a");
    const QStringList responses = QDir(bToA).entryList({QStringLiteral("*.xml")}, QDir::Files);
    ASSERT_EQ(responses.size(), 1);
    QString error;
    const auto response =
        InvoiceResponse::fromXml(readFile(bToA + QLatin1Char('/') + responses[0]), responses[0], &error);
    ASSERT_TRUE(response) << error.toStdString();
    EXPECT_EQ(response->code, QStringLiteral("PD"));
    EXPECT_EQ(response->invoiceNumber, QStringLiteral("10457"));
    EXPECT_EQ(response->note, QStringLiteral("Paid 2025-03-05"));
    EXPECT_EQ(response->senderEndpoint, read.invoice->buyer.electronicAddress);
    EXPECT_EQ(response->receiverEndpoint, read.invoice->seller.electronicAddress);

    // The seller reads it: delivered, paid, and the file leaves the queue.
    ASSERT_EQ(seller.cli({QStringLiteral("poll")}).exitCode, 0);
    const QList<Job> jobs = seller.jobs();
    ASSERT_EQ(jobs.size(), 1);
    EXPECT_EQ(jobs[0].state, JobState::Delivered);
    EXPECT_EQ(jobs[0].businessStatus, QStringLiteral("PD"));
    EXPECT_EQ(QDir(bToA).entryList({QStringLiteral("*.xml")}, QDir::Files).size(), 0);
    EXPECT_EQ(QDir(bToA + QStringLiteral("/done")).entryList({QStringLiteral("*.xml")}, QDir::Files).size(),
              1);
    EXPECT_EQ(seller.stop(), 0);
    EXPECT_EQ(buyer.stop(), 0);
    QDir(sshd.home + QLatin1Char('/') + base).removeRecursively();
}
