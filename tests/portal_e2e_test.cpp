// End to end with real processes: the reference portal over HTTPS (a self-signed certificate
// given to the agents as their extra CA), the seller's and the buyer's headless agents, and the
// `einvoice` CLI. A PDF dropped into the seller's export folder arrives in the buyer's incoming
// folder as a valid e-invoice and its PDF; the seller's job reaches "delivered"; the buyer's
// answers (accepted through its running agent, paid with the agent stopped) reach the seller.
#include "companyagent.h"
#include "einvoicexml.h"
#include "jobjournal.h"
#include "portalprocess.h"
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

namespace {

const QString kSellerEndpoint = QStringLiteral("0007:5561234567");
const QString kBuyerEndpoint = QStringLiteral("0007:5569876542"); // the buyer of sv-faktura (10457)

/// A company with an https profile for @p portal; its token in a 0600 token file.
std::unique_ptr<CompanyAgent> company(const QString &root, const QString &name, const QString &profile,
                                      const QString &token, const PortalProcess &portal)
{
    const QString tokenFile = root + QLatin1Char('/') + profile + QStringLiteral(".token");
    QFile f(tokenFile);
    EXPECT_TRUE(f.open(QIODevice::WriteOnly)) << qPrintable(tokenFile);
    f.write(token.toUtf8() + '\n');
    f.close();
    f.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    return std::make_unique<CompanyAgent>(
        root, profile,
        QStringLiteral("display_name=%1\ntransport=https\nportal_url=%2\nca_file=%3\ntoken_file=%4\n")
            .arg(name, portal.baseUrl(), portal.caFile(), tokenFile));
}

} // namespace

TEST(PortalEndToEnd, TwoAgentsExchangeAnInvoiceOverHttpsAndTheBuyersAnswersReachTheSeller)
{
    ensureCoreApp();
    PortalProcess portal;
    const QString sellerToken =
        portal.addAccount(QStringLiteral("Fjällström Byggservice AB"), kSellerEndpoint);
    const QString buyerToken =
        portal.addAccount(QStringLiteral("Kvarnbacken Fastigheter AB"), kBuyerEndpoint);
    ASSERT_FALSE(sellerToken.isEmpty());
    ASSERT_FALSE(buyerToken.isEmpty());
    ASSERT_TRUE(portal.start(true));
    ASSERT_TRUE(portal.baseUrl().startsWith(QStringLiteral("https://")));

    QTemporaryDir dir;
    QTemporaryDir samples;
    ASSERT_EQ(run(QStringLiteral(EINVOICE_SAMPLEGEN), {samples.path()}).exitCode, 0);
    const auto sellerAgent = company(dir.path(), QStringLiteral("Fjällström Byggservice AB"),
                                     QStringLiteral("fjallstrom"), sellerToken, portal);
    const auto buyerAgent = company(dir.path(), QStringLiteral("Kvarnbacken Fastigheter AB"),
                                    QStringLiteral("kvarnbacken"), buyerToken, portal);
    CompanyAgent &seller = *sellerAgent;
    CompanyAgent &buyer = *buyerAgent;
    ASSERT_TRUE(seller.start());
    ASSERT_TRUE(buyer.start());

    // The seller's accounting program exports a PDF (with its Factur-X-style embedded invoice).
    const QString pdf = samples.filePath(QStringLiteral("sv-faktura.pdf"));
    ASSERT_TRUE(QFile::copy(pdf, seller.exportDir() + QStringLiteral("/Faktura 10457.pdf")));
    Job sent;
    ASSERT_TRUE(waitUntil(
        [&] {
            const QList<Job> jobs = seller.jobs();
            if (jobs.size() != 1 || (jobs[0].state != JobState::Sent && jobs[0].state != JobState::Delivered))
                return false;
            sent = jobs[0];
            return true;
        },
        60000))
        << "the seller's job did not reach the portal";
    EXPECT_FALSE(sent.remoteId.isEmpty());

    // The buyer's agent fetches it: the e-invoice and its PDF, under readable names.
    ASSERT_EQ(buyer.cli({QStringLiteral("poll")}).exitCode, 0);
    const QDir incoming(buyer.incomingDir());
    const QStringList ubl = incoming.entryList({QStringLiteral("*.ubl.xml")}, QDir::Files);
    const QStringList pdfs = incoming.entryList({QStringLiteral("*.pdf")}, QDir::Files);
    ASSERT_EQ(ubl.size(), 1) << incoming.entryList().join(QLatin1Char(' ')).toStdString();
    ASSERT_EQ(pdfs.size(), 1);
    EXPECT_EQ(ubl[0], QStringLiteral("2025-02-03 Fjällström Byggservice AB 10457.ubl.xml"));
    const QByteArray xml = readFile(incoming.filePath(ubl[0]));
    const XmlReadResult read = EInvoiceXml::read(xml, ubl[0]);
    ASSERT_TRUE(read.ok()) << read.error.toStdString();
    EXPECT_EQ(read.invoice->number, QStringLiteral("10457"));
    EXPECT_EQ(xsdErrors(xml, ublInvoiceXsd()), QString());
    for (const RuleFailure &f : Validator::validate(*read.invoice))
        EXPECT_FALSE(f.fatal) << f.ruleId.toStdString() << " " << f.message.toStdString();
    EXPECT_TRUE(readFile(incoming.filePath(pdfs[0])).startsWith("%PDF-"));

    // The seller learns that the buyer fetched it.
    ASSERT_EQ(seller.cli({QStringLiteral("poll")}).exitCode, 0);
    std::optional<Job> delivered;
    for (const Job &j : seller.jobs())
        delivered = j;
    ASSERT_TRUE(delivered);
    EXPECT_EQ(delivered->state, JobState::Delivered);

    // The buyer answers: a rejection without a reason is refused, acceptance goes through.
    const QJsonArray records =
        buyer.cliJson({QStringLiteral("incoming"), QStringLiteral("list"), QStringLiteral("--json")})
            .value(QStringLiteral("incoming"))
            .toArray();
    ASSERT_EQ(records.size(), 1);
    const QJsonObject record = records[0].toObject();
    EXPECT_EQ(record.value(QStringLiteral("invoice_number")).toString(), QStringLiteral("10457"));
    EXPECT_EQ(record.value(QStringLiteral("seller_endpoint")).toString(), kSellerEndpoint);
    EXPECT_TRUE(record.value(QStringLiteral("acknowledged")).toBool());
    EXPECT_EQ(record.value(QStringLiteral("paths")).toArray().size(), 2);
    const QString id = QString::number(record.value(QStringLiteral("id")).toInteger());
    const ProcessResult noReason =
        buyer.cli({QStringLiteral("incoming"), QStringLiteral("respond"), id, QStringLiteral("reject")});
    EXPECT_EQ(noReason.exitCode, 2);
    EXPECT_TRUE(noReason.err.contains("needs a reason")) << noReason.err.toStdString();
    const ProcessResult accepted =
        buyer.cli({QStringLiteral("incoming"), QStringLiteral("respond"), id, QStringLiteral("accept")});
    ASSERT_EQ(accepted.exitCode, 0) << accepted.err.toStdString();
    ASSERT_EQ(seller.cli({QStringLiteral("poll")}).exitCode, 0);
    EXPECT_EQ(seller
                  .cliJson({QStringLiteral("queue"), QStringLiteral("show"), QString::number(delivered->id),
                            QStringLiteral("--json")})
                  .value(QStringLiteral("job"))
                  .toObject()
                  .value(QStringLiteral("business_status"))
                  .toString(),
              QStringLiteral("AP"));

    // Paid, with the buyer's agent stopped: the CLI uses the profile's connection itself.
    EXPECT_EQ(buyer.stop(), 0);
    const ProcessResult paid =
        buyer.cli({QStringLiteral("incoming"), QStringLiteral("respond"), id, QStringLiteral("paid"),
                   QStringLiteral("--note"), QStringLiteral("Paid 2025-03-05")});
    ASSERT_EQ(paid.exitCode, 0) << paid.err.toStdString();
    const QJsonObject after =
        buyer.cliJson({QStringLiteral("incoming"), QStringLiteral("list"), QStringLiteral("--json")})
            .value(QStringLiteral("incoming"))
            .toArray()[0]
            .toObject();
    EXPECT_EQ(after.value(QStringLiteral("response")).toString(), QStringLiteral("PD"));
    EXPECT_EQ(after.value(QStringLiteral("response_note")).toString(), QStringLiteral("Paid 2025-03-05"));

    // Both answers are on the seller's job, in order.
    ASSERT_EQ(seller.cli({QStringLiteral("poll")}).exitCode, 0);
    const QJsonObject shown = seller.cliJson({QStringLiteral("queue"), QStringLiteral("show"),
                                              QString::number(delivered->id), QStringLiteral("--json")});
    EXPECT_EQ(
        shown.value(QStringLiteral("job")).toObject().value(QStringLiteral("business_status")).toString(),
        QStringLiteral("PD"));
    QStringList timeline;
    for (const QJsonValue &e : shown.value(QStringLiteral("events")).toArray())
        timeline << e.toObject().value(QStringLiteral("message")).toString();
    const qsizetype acceptedAt = timeline.indexOf(QStringLiteral("Invoice accepted by the buyer"));
    const qsizetype paidAt = timeline.indexOf(QStringLiteral("Invoice paid: Paid 2025-03-05"));
    EXPECT_GE(acceptedAt, 0) << timeline.join(QLatin1Char('\n')).toStdString();
    EXPECT_GT(paidAt, acceptedAt) << timeline.join(QLatin1Char('\n')).toStdString();
    EXPECT_EQ(seller.stop(), 0);
}
