// InvoiceDiff: compares every field, decimals by value, and names the business term and position.

#include "invoicediff.h"

#include <functional>
#include <gtest/gtest.h>

using namespace einvoice;

namespace {

Invoice sample()
{
    Invoice inv;
    inv.number = QStringLiteral("A-1");
    inv.issueDate = QDate(2024, 1, 31);
    inv.currency = QStringLiteral("EUR");
    inv.seller.name = QStringLiteral("Seller");
    inv.buyer.address.countryCode = QStringLiteral("DE");
    inv.totals.payable = Decimal::fromString(QStringLiteral("119.00"));
    inv.totals.vatTotal = Decimal::fromString(QStringLiteral("19.00"));
    InvoiceLine l;
    l.id = QStringLiteral("1");
    l.netAmount = Decimal::fromString(QStringLiteral("100.00"));
    l.vatRate = Decimal::fromString(QStringLiteral("19"));
    inv.lines = {l, l};
    inv.lines[1].id = QStringLiteral("2");
    Attachment a;
    a.id = QStringLiteral("PDF");
    a.content = QByteArrayLiteral("abc");
    inv.attachments = {a};
    return inv;
}

} // namespace

TEST(InvoiceDiff, IdenticalInvoicesHaveNoDifferences)
{
    EXPECT_TRUE(InvoiceDiff::differences(sample(), sample()).isEmpty());
    EXPECT_TRUE(InvoiceDiff::differences(Invoice(), Invoice()).isEmpty());
}

TEST(InvoiceDiff, DecimalsCompareByValueNotScale)
{
    Invoice b = sample();
    b.totals.payable = Decimal::fromString(QStringLiteral("119"));
    b.totals.vatTotal = Decimal::fromString(QStringLiteral("19.0000"));
    b.lines[0].vatRate = Decimal::fromString(QStringLiteral("19.00"));
    EXPECT_TRUE(InvoiceDiff::differences(sample(), b).isEmpty());
}

TEST(InvoiceDiff, ReportsTermValuesAndPosition)
{
    Invoice b = sample();
    b.number = QStringLiteral("A-2");
    b.lines[1].netAmount = Decimal::fromString(QStringLiteral("100.01"));
    b.totals.vatTotal.reset();
    b.buyer.address.countryCode = QStringLiteral("AT");
    const QStringList diff = InvoiceDiff::differences(sample(), b);
    EXPECT_EQ(diff.size(), 4) << qPrintable(diff.join(QLatin1Char('\n')));
    EXPECT_TRUE(diff.contains(QStringLiteral("BT-1 invoice number: 'A-1' != 'A-2'")))
        << qPrintable(diff.join(QLatin1Char('\n')));
    EXPECT_TRUE(diff.contains(QStringLiteral("BG-25[2] BT-131 line net amount: '100.00' != '100.01'")))
        << qPrintable(diff.join(QLatin1Char('\n')));
    EXPECT_TRUE(diff.contains(QStringLiteral("BG-22 BT-110 VAT total: '19.00' != ''")))
        << qPrintable(diff.join(QLatin1Char('\n')));
    EXPECT_TRUE(diff.contains(QStringLiteral("BG-7 BT-55 buyer country code: 'DE' != 'AT'")))
        << qPrintable(diff.join(QLatin1Char('\n')));
}

TEST(InvoiceDiff, ReportsListSizesAndBinaryContent)
{
    Invoice b = sample();
    b.lines.removeLast();
    b.attachments[0].content = QByteArrayLiteral("abd");
    b.notes.append(Note{QStringLiteral("AAI"), QStringLiteral("x")});
    const QStringList diff = InvoiceDiff::differences(sample(), b);
    const QString all = diff.join(QLatin1Char('\n'));
    EXPECT_TRUE(all.contains(QStringLiteral("BG-25 invoice line count: '2' != '1'"))) << qPrintable(all);
    EXPECT_TRUE(all.contains(QStringLiteral("BG-1 note count: '0' != '1'"))) << qPrintable(all);
    EXPECT_TRUE(all.contains(QStringLiteral("BG-24[1] BT-125 attached document: '3 bytes")))
        << qPrintable(all);
}

TEST(InvoiceDiff, CoversNestedGroups)
{
    // A sample of fields deep in the model: each must be noticed.
    auto expectNoticed = [](const std::function<void(Invoice &)> &change, const char *term) {
        Invoice b = sample();
        change(b);
        const QString all = InvoiceDiff::differences(sample(), b).join(QLatin1Char('\n'));
        EXPECT_TRUE(all.contains(QLatin1String(term))) << term << " not reported: " << qPrintable(all);
    };
    expectNoticed([](Invoice &i) { i.kind = DocumentKind::CreditNote; }, "document kind");
    expectNoticed([](Invoice &i) { i.seller.identifiers.append({QStringLiteral("X"), {}}); }, "BT-29");
    expectNoticed([](Invoice &i) { i.payee.legalRegistration.scheme = QStringLiteral("0088"); }, "BT-61");
    expectNoticed([](Invoice &i) { i.taxRepresentative.address.line3 = QStringLiteral("x"); }, "BT-164");
    expectNoticed([](Invoice &i) { i.delivery.address.subdivision = QStringLiteral("x"); }, "BT-79");
    expectNoticed([](Invoice &i) { i.invoicePeriod.descriptionCode = QStringLiteral("3"); }, "BG-14");
    expectNoticed([](Invoice &i) { i.invoicedObject.scheme = QStringLiteral("AAB"); }, "BT-18");
    expectNoticed([](Invoice &i) { i.lines[0].classifications.append(InvoiceLine::Classification()); },
                  "BG-25[1] BT-158");
    expectNoticed([](Invoice &i) { i.lines[1].period.end = QDate(2024, 1, 1); }, "BG-25[2] BG-26 BT-135");
    expectNoticed([](Invoice &i) { i.lines[0].attributes.append(ItemAttribute()); }, "BG-32");
    expectNoticed([](Invoice &i) { i.lines[0].priceDiscount = Decimal(1); }, "BT-147");
    expectNoticed([](Invoice &i) { i.lines[1].parentLineId = QStringLiteral("1"); },
                  "BG-25[2] parent line id");
    expectNoticed([](Invoice &i) { i.attachments[0].filename = QStringLiteral("a.pdf"); }, "BT-125-2");
    expectNoticed([](Invoice &i) { i.paymentMeans.append(PaymentMeans()); },
                  "BG-16 payment instructions count");
    expectNoticed([](Invoice &i) { i.vatBreakdown.append(VatBreakdown()); }, "BG-23 VAT breakdown count");
}
