// The incoming invoices table in the job journal's file: recorded once per (profile, remote id),
// found by any of its stored files, acknowledgement and response kept across reopening.
#include "clock.h"
#include "incomingjournal.h"
#include "jobjournal.h"

#include <QTemporaryDir>
#include <gtest/gtest.h>

using namespace einvoice;

namespace {

IncomingRecord sample(const QString &remoteId, const QString &dir)
{
    IncomingRecord r;
    r.profile = QStringLiteral("acme");
    r.remoteId = remoteId;
    r.sellerName = QStringLiteral("Fjällström Byggservice AB");
    r.sellerEndpoint = QStringLiteral("0007:5561234567");
    r.invoiceNumber = QStringLiteral("10457");
    r.issueDate = QDate(2025, 2, 3);
    r.amount = Decimal::parse(QStringLiteral("12500.50"));
    r.currency = QStringLiteral("SEK");
    // Names with LIKE wildcards: found by exact file, never by pattern.
    r.paths = {dir + QStringLiteral("/2025-02-03 Fjällström 100% _x.ubl.xml"),
               dir + QStringLiteral("/2025-02-03 Fjällström 100% _x.pdf")};
    r.receivedAt = QDateTime(QDate(2025, 2, 3), QTime(9, 0), Qt::UTC);
    r.storedAt = QDateTime(QDate(2025, 2, 3), QTime(9, 1), Qt::UTC);
    return r;
}

} // namespace

TEST(IncomingJournal, RecordsOnceFindsByPathAndKeepsResponses)
{
    QTemporaryDir dir;
    ManualClock clock(QDateTime(QDate(2025, 2, 3), QTime(9, 0), Qt::UTC));
    const QString db = dir.filePath(QStringLiteral("journal.db"));
    qint64 id = 0;
    {
        JobJournal journal;
        ASSERT_EQ(journal.open(db, &clock), QString());
        IncomingJournal incoming(journal);
        EXPECT_FALSE(incoming.contains(QStringLiteral("acme"), QStringLiteral("doc_1")));
        QString error;
        id = incoming.record(sample(QStringLiteral("doc_1"), dir.path()), &error);
        ASSERT_GT(id, 0) << error.toStdString();
        EXPECT_TRUE(incoming.contains(QStringLiteral("acme"), QStringLiteral("doc_1")));
        EXPECT_FALSE(incoming.contains(QStringLiteral("other"), QStringLiteral("doc_1")));
        // Offered again (the acknowledgement was lost): the same row, not a second one.
        IncomingRecord again = sample(QStringLiteral("doc_1"), dir.path());
        again.paths = {dir.filePath(QStringLiteral("copy.ubl.xml"))};
        EXPECT_EQ(incoming.record(again, &error), id);
        EXPECT_EQ(incoming.list().size(), 1);
        EXPECT_EQ(incoming.keys(), QSet<QString>{QStringLiteral("acme/doc_1")});

        const auto found = incoming.byPath(dir.path() + QStringLiteral("/2025-02-03 Fjällström 100% _x.pdf"));
        ASSERT_TRUE(found);
        EXPECT_EQ(found->id, id);
        EXPECT_FALSE(incoming.byPath(dir.path() + QStringLiteral("/2025-02-03 Fjällström 100% _x")));
        EXPECT_FALSE(incoming.byPath(dir.path() + QStringLiteral("/2025-02-03 Fjällström 1000% _x.pdf")));
        EXPECT_FALSE(incoming.byPath(QStringLiteral("%")));
        QString why;
        EXPECT_FALSE(incoming.byPath(QStringLiteral("/elsewhere.pdf"), &why));
        EXPECT_TRUE(why.contains(QStringLiteral("/elsewhere.pdf"))) << why.toStdString();

        EXPECT_EQ(incoming.markAcknowledged(QStringLiteral("acme"), QStringLiteral("doc_1")), QString());
        EXPECT_EQ(
            incoming.setResponse(id, QStringLiteral("RE"), QStringLiteral("Wrong order number"), clock.now()),
            QString());
        EXPECT_NE(incoming.setResponse(id + 100, QStringLiteral("AP"), QString(), clock.now()), QString());
        EXPECT_NE(incoming.setResponse(id, QStringLiteral("XX"), QString(), clock.now()), QString())
            << "only Peppol invoice response codes";
        ASSERT_GT(incoming.record(sample(QStringLiteral("doc_2"), dir.path() + QStringLiteral("/b")), &error),
                  id);
    }
    JobJournal journal;
    ASSERT_EQ(journal.open(db, &clock), QString());
    IncomingJournal incoming(journal);
    const QList<IncomingRecord> all = incoming.list();
    ASSERT_EQ(all.size(), 2);
    EXPECT_EQ(all[0].remoteId, QStringLiteral("doc_2")) << "newest first";
    const auto r = incoming.byId(id);
    ASSERT_TRUE(r);
    EXPECT_TRUE(r->acknowledged);
    EXPECT_FALSE(all[0].acknowledged);
    EXPECT_EQ(r->response, QStringLiteral("RE"));
    EXPECT_EQ(r->responseNote, QStringLiteral("Wrong order number"));
    EXPECT_EQ(r->respondedAt, clock.now());
    EXPECT_EQ(r->sellerName, QStringLiteral("Fjällström Byggservice AB"));
    EXPECT_EQ(r->sellerEndpoint, QStringLiteral("0007:5561234567"));
    EXPECT_EQ(r->issueDate, QDate(2025, 2, 3));
    ASSERT_TRUE(r->amount);
    EXPECT_EQ(r->amount->toString(), QStringLiteral("12500.50"));
    EXPECT_EQ(r->currency, QStringLiteral("SEK"));
    EXPECT_EQ(r->paths.size(), 2);
    EXPECT_EQ(r->receivedAt, QDateTime(QDate(2025, 2, 3), QTime(9, 0), Qt::UTC));
}
