// UBL 2.1 reader and writer: every official example reads, writes back XSD-valid and
// round-trips without loss; malformed documents give plain-language errors.

#include "einvoicexml.h"
#include "invoicediff.h"
#include "testsupport.h"
#include "ublreader.h"
#include "ublwriter.h"
#include "xmltree.h"

#include <QFileInfo>
#include <QRegularExpression>
#include <gtest/gtest.h>

using namespace einvoice;

namespace {

QString example(const QString &name)
{
    for (const QString &path : test::ublExamples())
        if (QFileInfo(path).fileName() == name)
            return path;
    return QString();
}

Invoice readExample(const QString &name)
{
    const QString path = example(name);
    EXPECT_FALSE(path.isEmpty()) << qPrintable(name) << " not found in the reference examples";
    const XmlReadResult r = EInvoiceXml::readFile(path);
    EXPECT_TRUE(r.ok()) << qPrintable(r.error);
    return r.invoice.value_or(Invoice());
}

QString xsdFor(const Invoice &invoice)
{
    return invoice.isCreditNote() ? test::ublCreditNoteXsd() : test::ublInvoiceXsd();
}

// Writes, validates against the UBL schema, reads back and compares with the original model.
void expectRoundTrip(const Invoice &original, const QString &label)
{
    SCOPED_TRACE(label.toStdString());
    const QByteArray xml = UblWriter::write(original);
    ASSERT_FALSE(xml.isEmpty());
    EXPECT_EQ(test::xsdErrors(xml, xsdFor(original)), QString()) << xml.constData();
    const XmlReadResult again = EInvoiceXml::read(xml, label);
    ASSERT_TRUE(again.ok()) << qPrintable(again.error);
    EXPECT_EQ(again.syntax, Syntax::Ubl);
    const QStringList diff = InvoiceDiff::differences(original, *again.invoice);
    EXPECT_TRUE(diff.isEmpty()) << qPrintable(diff.join(QLatin1Char('\n')));
}

QString errorOf(const QByteArray &xml)
{
    const XmlReadResult r = EInvoiceXml::read(xml, QStringLiteral("test.xml"));
    EXPECT_FALSE(r.ok());
    return r.error;
}

QByteArray baseExampleBytes()
{
    return test::readFile(example(QStringLiteral("base-example.xml")));
}

// An invoice that uses every field of the model the UBL binding can carry.
Invoice fullInvoice()
{
    Invoice inv;
    inv.customizationId = QString::fromLatin1(kPeppolCustomizationId);
    inv.profileId = QString::fromLatin1(kPeppolProfileId);
    inv.number = QStringLiteral("INV-2024-0001");
    inv.issueDate = QDate(2024, 3, 15);
    inv.typeCode = QStringLiteral("380");
    inv.currency = QStringLiteral("EUR");
    inv.vatCurrency = QStringLiteral("SEK");
    inv.taxPointDate = QDate(2024, 3, 14);
    inv.taxPointDateCode = QStringLiteral("35");
    inv.dueDate = QDate(2024, 4, 15);
    inv.buyerReference = QStringLiteral("BR-77");
    inv.projectReference = QStringLiteral("PRJ-9");
    inv.contractReference = QStringLiteral("CT-1");
    inv.orderReference = QStringLiteral("PO-55");
    inv.salesOrderReference = QStringLiteral("SO-66");
    inv.receivingAdviceReference = QStringLiteral("RA-1");
    inv.despatchAdviceReference = QStringLiteral("DA-2");
    inv.tenderReference = QStringLiteral("LOT-3");
    inv.invoicedObject = {QStringLiteral("OBJ-4"), QStringLiteral("AAB")};
    inv.accountingCost = QStringLiteral("4025:123");
    inv.paymentTerms = QStringLiteral("30 days net");
    inv.notes = {{QStringLiteral("AAI"), QStringLiteral("General note")},
                 {QString(), QStringLiteral("Plain note")}};
    inv.precedingInvoices = {{QStringLiteral("INV-2023-9"), QDate(2023, 12, 1)},
                             {QStringLiteral("INV-2023-10"), {}}};

    Party &s = inv.seller;
    s.name = QStringLiteral("Seller AB");
    s.tradingName = QStringLiteral("Seller Shop");
    s.identifiers = {{QStringLiteral("7300010000001"), QStringLiteral("0088")},
                     {QStringLiteral("LOCAL-1"), {}}};
    s.legalRegistration = {QStringLiteral("5560000000"), QStringLiteral("0007")};
    s.vatId = QStringLiteral("SE556000000001");
    s.taxRegistrationId = QStringLiteral("F-SKATT");
    s.legalInfo = QStringLiteral("Share capital 100 000 SEK");
    s.electronicAddress = {QStringLiteral("7300010000001"), QStringLiteral("0088")};
    s.address = {QStringLiteral("Main street 1"),
                 QStringLiteral("Box 2"),
                 QStringLiteral("Building C"),
                 QStringLiteral("Stockholm"),
                 QStringLiteral("11122"),
                 QStringLiteral("Stockholms län"),
                 QStringLiteral("SE")};
    s.contact = {QStringLiteral("Anna"), QStringLiteral("+46 8 123"), QStringLiteral("anna@seller.example")};

    Party &b = inv.buyer;
    b.name = QStringLiteral("Buyer GmbH & Co. KG <test>");
    b.tradingName = QStringLiteral("Buyer");
    b.identifiers = {{QStringLiteral("4000001000005"), QStringLiteral("0088")}};
    b.legalRegistration = {QStringLiteral("HRB 1"), {}};
    b.vatId = QStringLiteral("DE123456789");
    b.electronicAddress = {QStringLiteral("DE123456789"), QStringLiteral("9930")};
    b.address.line1 = QStringLiteral("Hauptstraße 5");
    b.address.city = QStringLiteral("Berlin");
    b.address.postCode = QStringLiteral("10115");
    b.address.countryCode = QStringLiteral("DE");
    b.contact.email = QStringLiteral("ap@buyer.example");

    inv.payee.name = QStringLiteral("Factoring Ltd");
    inv.payee.identifiers = {{QStringLiteral("PAYEE-1"), {}}};
    inv.payee.legalRegistration = {QStringLiteral("998877"), QStringLiteral("0002")};

    inv.taxRepresentative.name = QStringLiteral("Tax Rep BV");
    inv.taxRepresentative.vatId = QStringLiteral("NL123456789B01");
    inv.taxRepresentative.address.line1 = QStringLiteral("Kade 1");
    inv.taxRepresentative.address.city = QStringLiteral("Amsterdam");
    inv.taxRepresentative.address.countryCode = QStringLiteral("NL");

    inv.delivery.partyName = QStringLiteral("Warehouse 7");
    inv.delivery.locationId = {QStringLiteral("7300010000099"), QStringLiteral("0088")};
    inv.delivery.actualDate = QDate(2024, 3, 10);
    inv.delivery.address.line1 = QStringLiteral("Dock 3");
    inv.delivery.address.line3 = QStringLiteral("Gate 4\nDoor 2");
    inv.delivery.address.city = QStringLiteral("Göteborg");
    inv.delivery.address.countryCode = QStringLiteral("SE");

    inv.invoicePeriod.start = QDate(2024, 2, 1);
    inv.invoicePeriod.end = QDate(2024, 2, 29);
    inv.invoicePeriod.descriptionCode = inv.taxPointDateCode;

    PaymentMeans transfer;
    transfer.typeCode = QStringLiteral("30");
    transfer.typeText = QStringLiteral("Credit transfer");
    transfer.remittanceInfo = QStringLiteral("RF18539007547034");
    transfer.creditTransfers = {{QStringLiteral("SE4550000000058398257466"), QStringLiteral("Seller AB"),
                                 QStringLiteral("ESSESESS")}};
    PaymentMeans card;
    card.typeCode = QStringLiteral("54");
    card.card = {QStringLiteral("123456******7890"), QStringLiteral("J. Doe"), QStringLiteral("VISA")};
    PaymentMeans debit;
    debit.typeCode = QStringLiteral("59");
    debit.directDebit = {QStringLiteral("MANDATE-1"), QStringLiteral("DE98ZZZ09999999999"),
                         QStringLiteral("DE89370400440532013000")};
    inv.paymentMeans = {transfer, card, debit};

    AllowanceCharge allowance;
    allowance.amount = Decimal::fromString(QStringLiteral("10.00"));
    allowance.baseAmount = Decimal::fromString(QStringLiteral("100.00"));
    allowance.percentage = Decimal::fromString(QStringLiteral("10"));
    allowance.vatCategory = QStringLiteral("S");
    allowance.vatRate = Decimal::fromString(QStringLiteral("25.00"));
    allowance.reason = QStringLiteral("Discount");
    allowance.reasonCode = QStringLiteral("95");
    AllowanceCharge charge;
    charge.isCharge = true;
    charge.amount = Decimal::fromString(QStringLiteral("5"));
    charge.vatCategory = QStringLiteral("S");
    charge.vatRate = Decimal::fromString(QStringLiteral("25"));
    charge.reason = QStringLiteral("Freight");
    inv.allowanceCharges = {allowance, charge};

    InvoiceLine l;
    l.id = QStringLiteral("1");
    l.note = QStringLiteral("Line note");
    l.objectId = {QStringLiteral("METER-1"), QStringLiteral("ABZ")};
    l.quantity = Decimal::fromString(QStringLiteral("10.000"));
    l.unitCode = QStringLiteral("C62");
    l.netAmount = Decimal::fromString(QStringLiteral("95.00"));
    l.orderLineRef = QStringLiteral("10");
    l.accountingCost = QStringLiteral("CC-1");
    l.period.start = QDate(2024, 2, 1);
    l.period.end = QDate(2024, 2, 15);
    AllowanceCharge lineAllowance;
    lineAllowance.amount = Decimal::fromString(QStringLiteral("5.00"));
    lineAllowance.reasonCode = QStringLiteral("95");
    AllowanceCharge lineCharge;
    lineCharge.isCharge = true;
    lineCharge.amount = Decimal::fromString(QStringLiteral("1.00"));
    lineCharge.reason = QStringLiteral("Packing");
    lineCharge.percentage = Decimal::fromString(QStringLiteral("1"));
    lineCharge.baseAmount = Decimal::fromString(QStringLiteral("100"));
    l.allowanceCharges = {lineAllowance, lineCharge};
    l.netPrice = Decimal::fromString(QStringLiteral("9.9000"));
    l.priceDiscount = Decimal::fromString(QStringLiteral("0.1000"));
    l.grossPrice = Decimal::fromString(QStringLiteral("10.0000"));
    l.baseQuantity = Decimal::fromString(QStringLiteral("1"));
    l.baseQuantityUnit = QStringLiteral("C62");
    l.vatCategory = QStringLiteral("S");
    l.vatRate = Decimal::fromString(QStringLiteral("25.0"));
    l.itemName = QStringLiteral("Widget");
    l.itemDescription = QStringLiteral("A blue widget");
    l.sellerItemId = QStringLiteral("W-1");
    l.buyerItemId = QStringLiteral("B-W-1");
    l.standardItemId = {QStringLiteral("07300010000001"), QStringLiteral("0160")};
    l.classifications = {{QStringLiteral("12345678"), QStringLiteral("STI"), QStringLiteral("1.0")},
                         {QStringLiteral("43211503"), QStringLiteral("MP"), QString()}};
    l.originCountry = QStringLiteral("SE");
    l.attributes = {{QStringLiteral("Colour"), QStringLiteral("Blue")},
                    {QStringLiteral("Size"), QStringLiteral("M")}};
    InvoiceLine exempt;
    exempt.id = QStringLiteral("2");
    exempt.quantity = Decimal::fromString(QStringLiteral("-1"));
    exempt.unitCode = QStringLiteral("H87");
    exempt.netAmount = Decimal::fromString(QStringLiteral("-20"));
    exempt.netPrice = Decimal::fromString(QStringLiteral("20"));
    exempt.vatCategory = QStringLiteral("E");
    exempt.vatRate = Decimal::fromString(QStringLiteral("0"));
    exempt.itemName = QStringLiteral("Return");
    inv.lines = {l, exempt};

    VatBreakdown standard;
    standard.taxableAmount = Decimal::fromString(QStringLiteral("90.00"));
    standard.taxAmount = Decimal::fromString(QStringLiteral("22.50"));
    standard.category = QStringLiteral("S");
    standard.rate = Decimal::fromString(QStringLiteral("25"));
    VatBreakdown exemptBreakdown;
    exemptBreakdown.taxableAmount = Decimal::fromString(QStringLiteral("-20"));
    exemptBreakdown.taxAmount = Decimal::fromString(QStringLiteral("0"));
    exemptBreakdown.category = QStringLiteral("E");
    exemptBreakdown.rate = Decimal::fromString(QStringLiteral("0"));
    exemptBreakdown.exemptionReason = QStringLiteral("Exempt");
    exemptBreakdown.exemptionReasonCode = QStringLiteral("VATEX-EU-132");
    inv.vatBreakdown = {standard, exemptBreakdown};

    DocumentTotals &t = inv.totals;
    t.lineNetTotal = Decimal::fromString(QStringLiteral("75.00"));
    t.allowanceTotal = Decimal::fromString(QStringLiteral("10.00"));
    t.chargeTotal = Decimal::fromString(QStringLiteral("5.00"));
    t.taxExclusive = Decimal::fromString(QStringLiteral("70.00"));
    t.vatTotal = Decimal::fromString(QStringLiteral("22.50"));
    t.vatTotalAccounting = Decimal::fromString(QStringLiteral("260.10"));
    t.taxInclusive = Decimal::fromString(QStringLiteral("92.50"));
    t.prepaid = Decimal::fromString(QStringLiteral("2.50"));
    t.rounding = Decimal::fromString(QStringLiteral("0.00"));
    t.payable = Decimal::fromString(QStringLiteral("90.00"));

    Attachment external;
    external.id = QStringLiteral("TS-1");
    external.description = QStringLiteral("Timesheet");
    external.externalUri = QStringLiteral("https://example.com/ts1.html");
    Attachment embedded;
    embedded.id = QStringLiteral("PDF-1");
    embedded.description = QStringLiteral("Original invoice");
    embedded.typeCode = QStringLiteral("916");
    embedded.mimeCode = QStringLiteral("application/pdf");
    embedded.filename = QStringLiteral("invoice.pdf");
    embedded.content = QByteArrayLiteral("%PDF-1.4\n\x00\x01\x02\xff binary");
    inv.attachments = {external, embedded};
    return inv;
}

} // namespace

TEST(UblReader, EveryExampleReads)
{
    const QStringList files = test::ublExamples();
    ASSERT_GE(files.size(), 13);
    for (const QString &path : files) {
        SCOPED_TRACE(path.toStdString());
        const XmlReadResult r = EInvoiceXml::readFile(path);
        ASSERT_TRUE(r.ok()) << qPrintable(r.error);
        EXPECT_EQ(r.syntax, Syntax::Ubl);
        const Invoice &inv = *r.invoice;
        EXPECT_FALSE(inv.number.isEmpty());
        EXPECT_TRUE(inv.issueDate.isValid());
        EXPECT_FALSE(inv.lines.isEmpty());
        EXPECT_FALSE(inv.vatBreakdown.isEmpty());
        EXPECT_FALSE(inv.seller.name.isEmpty());
        EXPECT_FALSE(inv.buyer.name.isEmpty());
        for (const InvoiceLine &l : inv.lines) {
            EXPECT_FALSE(l.itemName.isEmpty());
            EXPECT_FALSE(l.vatCategory.isEmpty());
        }
    }
}

TEST(UblReader, BaseExampleValues)
{
    const Invoice inv = readExample(QStringLiteral("base-example.xml"));
    EXPECT_EQ(inv.kind, DocumentKind::Invoice);
    EXPECT_EQ(inv.customizationId, QString::fromLatin1(kPeppolCustomizationId));
    EXPECT_EQ(inv.profileId, QString::fromLatin1(kPeppolProfileId));
    EXPECT_EQ(inv.number, QStringLiteral("Snippet1"));
    EXPECT_EQ(inv.issueDate, QDate(2017, 11, 13));
    EXPECT_EQ(inv.dueDate, QDate(2017, 12, 1));
    EXPECT_EQ(inv.typeCode, QStringLiteral("380"));
    EXPECT_EQ(inv.currency, QStringLiteral("EUR"));
    EXPECT_EQ(inv.accountingCost, QStringLiteral("4025:123:4343"));
    EXPECT_EQ(inv.buyerReference, QStringLiteral("0150abc"));

    EXPECT_EQ(inv.seller.electronicAddress.id, QStringLiteral("9482348239847239874"));
    EXPECT_EQ(inv.seller.electronicAddress.scheme, QStringLiteral("0088"));
    EXPECT_EQ(inv.seller.name, QStringLiteral("SupplierOfficialName Ltd"));
    EXPECT_EQ(inv.seller.tradingName, QStringLiteral("SupplierTradingName Ltd."));
    ASSERT_EQ(inv.seller.identifiers.size(), 1);
    EXPECT_EQ(inv.seller.identifiers[0].id, QStringLiteral("99887766"));
    EXPECT_EQ(inv.seller.vatId, QStringLiteral("GB1232434"));
    EXPECT_EQ(inv.seller.legalRegistration.id, QStringLiteral("GB983294"));
    EXPECT_EQ(inv.seller.address.line1, QStringLiteral("Main street 1"));
    EXPECT_EQ(inv.seller.address.line2, QStringLiteral("Postbox 123"));
    EXPECT_EQ(inv.seller.address.countryCode, QStringLiteral("GB"));

    EXPECT_EQ(inv.buyer.name, QStringLiteral("Buyer Official Name"));
    EXPECT_EQ(inv.buyer.legalRegistration.scheme, QStringLiteral("0183"));
    EXPECT_EQ(inv.buyer.contact.email, QStringLiteral("lj@buyer.se"));
    EXPECT_TRUE(inv.payee.isEmpty());

    EXPECT_EQ(inv.delivery.actualDate, QDate(2017, 11, 1));
    EXPECT_EQ(inv.delivery.locationId.id, QStringLiteral("9483759475923478"));
    EXPECT_EQ(inv.delivery.partyName, QStringLiteral("Delivery party Name"));
    EXPECT_EQ(inv.delivery.address.city, QStringLiteral("Stockholm"));

    ASSERT_EQ(inv.paymentMeans.size(), 1);
    EXPECT_EQ(inv.paymentMeans[0].typeCode, QStringLiteral("30"));
    EXPECT_EQ(inv.paymentMeans[0].typeText, QStringLiteral("Credit transfer"));
    EXPECT_EQ(inv.paymentMeans[0].remittanceInfo, QStringLiteral("Snippet1"));
    ASSERT_EQ(inv.paymentMeans[0].creditTransfers.size(), 1);
    EXPECT_EQ(inv.paymentMeans[0].creditTransfers[0].accountId, QStringLiteral("IBAN32423940"));
    EXPECT_EQ(inv.paymentMeans[0].creditTransfers[0].bic, QStringLiteral("BIC324098"));
    EXPECT_EQ(inv.paymentTerms, QStringLiteral("Payment within 10 days, 2% discount"));

    ASSERT_EQ(inv.allowanceCharges.size(), 1);
    EXPECT_TRUE(inv.allowanceCharges[0].isCharge);
    EXPECT_EQ(inv.allowanceCharges[0].amount, Decimal(25));
    EXPECT_EQ(inv.allowanceCharges[0].vatCategory, QStringLiteral("S"));
    EXPECT_EQ(inv.allowanceCharges[0].vatRate->toString(), QStringLiteral("25.0"));

    EXPECT_EQ(inv.totals.lineNetTotal, Decimal(1300));
    EXPECT_EQ(inv.totals.taxExclusive, Decimal(1325));
    EXPECT_EQ(inv.totals.taxInclusive.toString(), QStringLiteral("1656.25"));
    EXPECT_EQ(inv.totals.chargeTotal, OptDecimal(Decimal(25)));
    EXPECT_FALSE(inv.totals.allowanceTotal.has_value());
    EXPECT_EQ(inv.totals.vatTotal->toString(), QStringLiteral("331.25"));
    EXPECT_EQ(inv.totals.payable.toString(), QStringLiteral("1656.25"));
    ASSERT_EQ(inv.vatBreakdown.size(), 1);
    EXPECT_EQ(inv.vatBreakdown[0].taxableAmount, Decimal(1325));
    EXPECT_EQ(inv.vatBreakdown[0].category, QStringLiteral("S"));

    ASSERT_EQ(inv.lines.size(), 2);
    const InvoiceLine &l1 = inv.lines[0];
    EXPECT_EQ(l1.id, QStringLiteral("1"));
    EXPECT_EQ(l1.quantity, Decimal(7));
    EXPECT_EQ(l1.unitCode, QStringLiteral("DAY"));
    EXPECT_EQ(l1.netAmount, Decimal(2800));
    EXPECT_EQ(l1.accountingCost, QStringLiteral("Konteringsstreng"));
    EXPECT_EQ(l1.orderLineRef, QStringLiteral("123"));
    EXPECT_EQ(l1.itemName, QStringLiteral("item name"));
    EXPECT_EQ(l1.itemDescription, QStringLiteral("Description of item"));
    EXPECT_EQ(l1.standardItemId.id, QStringLiteral("21382183120983"));
    EXPECT_EQ(l1.standardItemId.scheme, QStringLiteral("0088"));
    EXPECT_EQ(l1.originCountry, QStringLiteral("NO"));
    ASSERT_EQ(l1.classifications.size(), 1);
    EXPECT_EQ(l1.classifications[0].code, QStringLiteral("09348023"));
    EXPECT_EQ(l1.classifications[0].listId, QStringLiteral("SRV"));
    EXPECT_EQ(l1.netPrice, Decimal(400));
    EXPECT_EQ(inv.lines[1].quantity, Decimal(-3));
}

TEST(UblReader, CreditNoteExample)
{
    const Invoice inv = readExample(QStringLiteral("base-creditnote-correction.xml"));
    EXPECT_EQ(inv.kind, DocumentKind::CreditNote);
    EXPECT_TRUE(inv.isCreditNote());
    EXPECT_EQ(inv.typeCode, QStringLiteral("381"));
    ASSERT_EQ(inv.precedingInvoices.size(), 1);
    EXPECT_EQ(inv.precedingInvoices[0].number, QStringLiteral("Snippet1"));
    ASSERT_EQ(inv.notes.size(), 1);
    EXPECT_TRUE(inv.notes[0].text.startsWith(QStringLiteral("Please note")));
    ASSERT_EQ(inv.lines.size(), 2);
    EXPECT_FALSE(inv.lines[0].quantity.isZero());
    EXPECT_FALSE(inv.lines[0].unitCode.isEmpty());
}

TEST(UblReader, AllowancesAndPriceDetails)
{
    const Invoice inv = readExample(QStringLiteral("Allowance-example.xml"));
    bool sawAllowance = false;
    for (const AllowanceCharge &ac : inv.allowanceCharges)
        sawAllowance |= !ac.isCharge;
    EXPECT_TRUE(sawAllowance);
    bool sawLineAllowanceCharge = false, sawGross = false, sawBaseQuantity = false;
    for (const InvoiceLine &l : inv.lines) {
        sawLineAllowanceCharge |= !l.allowanceCharges.isEmpty();
        sawGross |= l.grossPrice.has_value();
        sawBaseQuantity |= l.baseQuantity.has_value();
    }
    EXPECT_TRUE(sawLineAllowanceCharge);
    EXPECT_TRUE(sawGross);
    EXPECT_TRUE(sawBaseQuantity);
}

TEST(UblReader, NorwegianExampleReferencesAndAttachments)
{
    const Invoice inv = readExample(QStringLiteral("NO-Norwegian-example-1.xml"));
    bool embedded = false;
    for (const Attachment &a : inv.attachments) {
        if (a.hasContent()) {
            embedded = true;
            EXPECT_EQ(a.content, QByteArrayLiteral("Test base 64 encoding"));
            EXPECT_EQ(a.mimeCode, QStringLiteral("application/pdf"));
            EXPECT_EQ(a.filename, QStringLiteral("Hours-spent.csv"));
            EXPECT_EQ(a.id, QStringLiteral("Doc2"));
            EXPECT_EQ(a.description, QStringLiteral("EHF specification"));
        }
    }
    EXPECT_TRUE(embedded);
    EXPECT_EQ(inv.contractReference, QStringLiteral("Contract321"));
}

TEST(UblReader, InvoicedObjectIsNotAnAttachment)
{
    const Invoice inv = readExample(QStringLiteral("Allowance-example.xml"));
    EXPECT_EQ(inv.invoicedObject.id, QStringLiteral("DR35141"));
    EXPECT_EQ(inv.invoicedObject.scheme, QStringLiteral("ABT"));
    for (const Attachment &a : inv.attachments)
        EXPECT_NE(a.typeCode, QStringLiteral("130"));
}

TEST(UblReader, SalesOrderAndTaxRepresentative)
{
    const Invoice sales = readExample(QStringLiteral("sales-order-example.xml"));
    EXPECT_FALSE(sales.salesOrderReference.isEmpty());
    bool anyTaxRep = false, anyPayee = false;
    for (const QString &path : test::ublExamples()) {
        const XmlReadResult r = EInvoiceXml::readFile(path);
        ASSERT_TRUE(r.ok());
        anyTaxRep |= !r.invoice->taxRepresentative.isEmpty();
        anyPayee |= !r.invoice->payee.isEmpty();
        if (!r.invoice->taxRepresentative.isEmpty()) {
            EXPECT_FALSE(r.invoice->taxRepresentative.name.isEmpty()) << qPrintable(path);
            EXPECT_FALSE(r.invoice->taxRepresentative.vatId.isEmpty()) << qPrintable(path);
        }
        if (!r.invoice->payee.isEmpty()) {
            EXPECT_FALSE(r.invoice->payee.name.isEmpty()) << qPrintable(path);
        }
    }
    EXPECT_TRUE(anyTaxRep);
    EXPECT_TRUE(anyPayee);
}

TEST(UblReader, NoteSubjectCodePrefix)
{
    QByteArray xml = baseExampleBytes();
    xml.replace("<cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>",
                "<cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>\n<cbc:Note>#AAB#Payment note</cbc:Note>"
                "<cbc:Note>No code here</cbc:Note>");
    const XmlReadResult r = EInvoiceXml::read(xml);
    ASSERT_TRUE(r.ok()) << qPrintable(r.error);
    ASSERT_EQ(r.invoice->notes.size(), 2);
    EXPECT_EQ(r.invoice->notes[0].subjectCode, QStringLiteral("AAB"));
    EXPECT_EQ(r.invoice->notes[0].text, QStringLiteral("Payment note"));
    EXPECT_EQ(r.invoice->notes[1].subjectCode, QString());
    EXPECT_EQ(r.invoice->notes[1].text, QStringLiteral("No code here"));
    const QByteArray out = UblWriter::write(*r.invoice);
    EXPECT_TRUE(out.contains("<cbc:Note>#AAB#Payment note</cbc:Note>")) << out.constData();
}

TEST(UblRoundTrip, EveryExampleWritesValidAndReadsBackEqual)
{
    for (const QString &path : test::ublExamples()) {
        const XmlReadResult r = EInvoiceXml::readFile(path);
        ASSERT_TRUE(r.ok()) << qPrintable(r.error);
        expectRoundTrip(*r.invoice, QFileInfo(path).fileName());
    }
}

TEST(UblWriter, KeepsDecimalScaleAndCurrency)
{
    const Invoice inv = readExample(QStringLiteral("base-example.xml"));
    const QByteArray xml = UblWriter::write(inv);
    EXPECT_TRUE(xml.contains("<cbc:Percent>25.0</cbc:Percent>")) << xml.constData();
    EXPECT_TRUE(xml.contains("<cbc:PayableAmount currencyID=\"EUR\">1656.25</cbc:PayableAmount>"));
    EXPECT_TRUE(xml.contains("<cbc:InvoicedQuantity unitCode=\"DAY\">-3</cbc:InvoicedQuantity>"));
    EXPECT_TRUE(xml.contains("<cbc:EndpointID schemeID=\"0088\">9482348239847239874</cbc:EndpointID>"));
    EXPECT_TRUE(xml.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
    EXPECT_TRUE(xml.contains("\n    <cbc:ID>Snippet1</cbc:ID>\n")) << "four-space indentation expected";
}

TEST(UblWriter, NeverWritesEmptyElements)
{
    // Peppol R008: no element without content, even for an almost empty model.
    Invoice sparse;
    sparse.number = QStringLiteral("X");
    sparse.issueDate = QDate(2024, 1, 1);
    sparse.lines.append(InvoiceLine());
    const Invoice full = fullInvoice();
    static const QRegularExpression empty(
        QStringLiteral("<[A-Za-z:]+(\\s[^>]*)?/>|<([A-Za-z:]+)(\\s[^>]*)?>\\s*</\\2>"));
    for (const Invoice *inv : std::initializer_list<const Invoice *>{&sparse, &full}) {
        const QString xml = QString::fromUtf8(UblWriter::write(*inv));
        EXPECT_FALSE(empty.match(xml).hasMatch()) << qPrintable(empty.match(xml).captured(0)) << "\n"
                                                  << qPrintable(xml);
    }
}

TEST(UblWriter, DefaultsPeppolIdentifiers)
{
    Invoice inv = readExample(QStringLiteral("base-example.xml"));
    inv.customizationId.clear();
    inv.profileId.clear();
    const XmlReadResult r = EInvoiceXml::read(UblWriter::write(inv));
    ASSERT_TRUE(r.ok()) << qPrintable(r.error);
    EXPECT_EQ(r.invoice->customizationId, QString::fromLatin1(kPeppolCustomizationId));
    EXPECT_EQ(r.invoice->profileId, QString::fromLatin1(kPeppolProfileId));
}

TEST(UblRoundTrip, FullModelInvoice)
{
    expectRoundTrip(fullInvoice(), QStringLiteral("full invoice"));
}

TEST(UblRoundTrip, FullModelCreditNote)
{
    Invoice inv = fullInvoice();
    inv.kind = DocumentKind::CreditNote;
    inv.typeCode = QStringLiteral("381");
    expectRoundTrip(inv, QStringLiteral("full credit note"));
    const QByteArray xml = UblWriter::write(inv);
    EXPECT_TRUE(
        xml.contains("<CreditNote xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2\""));
    EXPECT_TRUE(xml.contains("<cbc:CreditNoteTypeCode>381</cbc:CreditNoteTypeCode>"));
    EXPECT_TRUE(xml.contains("<cac:CreditNoteLine>"));
    EXPECT_TRUE(xml.contains("<cbc:CreditedQuantity unitCode=\"C62\">10.000</cbc:CreditedQuantity>"));
    EXPECT_FALSE(xml.contains("InvoiceLine"));
    EXPECT_FALSE(xml.contains("<cbc:DueDate>")) << "the CreditNote carries BT-9 as PaymentDueDate";
    EXPECT_TRUE(xml.contains("<cbc:PaymentDueDate>2024-04-15</cbc:PaymentDueDate>"));
}

TEST(UblRoundTrip, InvoiceConvertedToCreditNote)
{
    Invoice inv = readExample(QStringLiteral("base-example.xml"));
    inv.kind = DocumentKind::CreditNote;
    inv.typeCode = QStringLiteral("381");
    expectRoundTrip(inv, QStringLiteral("base-example as credit note"));
}

TEST(UblRoundTrip, EmbeddedAttachmentIsByteExact)
{
    Invoice inv = readExample(QStringLiteral("base-example.xml"));
    QByteArray content;
    for (int i = 0; i < 70000; ++i)
        content.append(char((i * 7 + i / 256) & 0xff));
    Attachment a;
    a.id = QStringLiteral("ORIGINAL");
    a.description = QStringLiteral("Original PDF");
    a.mimeCode = QStringLiteral("application/pdf");
    a.filename = QStringLiteral("Rechnung Nr. 1 (ÄÖÜ).pdf");
    a.content = content;
    inv.attachments.append(a);
    const QByteArray xml = UblWriter::write(inv);
    EXPECT_EQ(test::xsdErrors(xml, test::ublInvoiceXsd()), QString());
    const XmlReadResult r = EInvoiceXml::read(xml);
    ASSERT_TRUE(r.ok()) << qPrintable(r.error);
    ASSERT_EQ(r.invoice->attachments.size(), 1);
    const Attachment &back = r.invoice->attachments[0];
    EXPECT_EQ(back.content.size(), content.size());
    EXPECT_TRUE(back.content == content);
    EXPECT_EQ(back.mimeCode, a.mimeCode);
    EXPECT_EQ(back.filename, a.filename);
    EXPECT_TRUE(InvoiceDiff::differences(inv, *r.invoice).isEmpty());
}

TEST(UblReader, Base64WithLineBreaks)
{
    QByteArray xml = baseExampleBytes();
    xml.replace(
        "<cac:AccountingSupplierParty>",
        "<cac:AdditionalDocumentReference><cbc:ID>A</cbc:ID><cac:Attachment>"
        "<cbc:EmbeddedDocumentBinaryObject mimeCode=\"text/csv\" filename=\"a.csv\">SGVsbG8s\n"
        "  IHdvcmxk\n</cbc:EmbeddedDocumentBinaryObject></cac:Attachment></cac:AdditionalDocumentReference>"
        "<cac:AccountingSupplierParty>");
    const XmlReadResult r = EInvoiceXml::read(xml);
    ASSERT_TRUE(r.ok()) << qPrintable(r.error);
    ASSERT_EQ(r.invoice->attachments.size(), 1);
    EXPECT_EQ(r.invoice->attachments[0].content, QByteArrayLiteral("Hello, world"));
}

TEST(UblReader, BadDateIsReported)
{
    QByteArray xml = baseExampleBytes();
    xml.replace("<cbc:IssueDate>2017-11-13</cbc:IssueDate>", "<cbc:IssueDate>2023-13-45</cbc:IssueDate>");
    const QString error = errorOf(xml);
    EXPECT_TRUE(error.contains(QStringLiteral("BT-2 issue date '2023-13-45' is not a date")))
        << qPrintable(error);
    EXPECT_TRUE(error.startsWith(QStringLiteral("test.xml: "))) << qPrintable(error);

    xml = baseExampleBytes();
    xml.replace("<cbc:DueDate>2017-12-01</cbc:DueDate>", "<cbc:DueDate>01.12.2017</cbc:DueDate>");
    EXPECT_TRUE(errorOf(xml).contains(QStringLiteral("BT-9 payment due date '01.12.2017' is not a date")));
}

TEST(UblReader, BadAmountIsReported)
{
    QByteArray xml = baseExampleBytes();
    xml.replace("<cbc:PayableAmount currencyID=\"EUR\">1656.25</cbc:PayableAmount>",
                "<cbc:PayableAmount currencyID=\"EUR\">1.656,25</cbc:PayableAmount>");
    QString error = errorOf(xml);
    EXPECT_TRUE(error.contains(QStringLiteral("BT-115 amount due for payment '1.656,25' is not a number")))
        << qPrintable(error);

    xml = baseExampleBytes();
    xml.replace("<cbc:PriceAmount currencyID=\"EUR\">500</cbc:PriceAmount>",
                "<cbc:PriceAmount currencyID=\"EUR\">five hundred</cbc:PriceAmount>");
    error = errorOf(xml);
    EXPECT_TRUE(
        error.contains(QStringLiteral("BT-146 item net price of line 2 'five hundred' is not a number")))
        << qPrintable(error);
}

TEST(UblReader, MissingRequiredStructureIsReported)
{
    QByteArray xml = baseExampleBytes();
    xml.replace("<cbc:ID>Snippet1</cbc:ID>", "");
    QString error = errorOf(xml);
    EXPECT_TRUE(error.contains(QStringLiteral("BT-1 invoice number"))) << qPrintable(error);
    EXPECT_TRUE(error.contains(QStringLiteral("missing"))) << qPrintable(error);

    xml = baseExampleBytes();
    xml.replace("<cbc:IssueDate>2017-11-13</cbc:IssueDate>", "");
    error = errorOf(xml);
    EXPECT_TRUE(error.contains(QStringLiteral("BT-2 issue date (cbc:IssueDate) is missing")))
        << qPrintable(error);

    xml = baseExampleBytes();
    xml.replace("cac:LegalMonetaryTotal", "cac:SomethingElse");
    error = errorOf(xml);
    EXPECT_TRUE(error.contains(QStringLiteral("LegalMonetaryTotal"))) << qPrintable(error);
}

TEST(UblReader, WrongNamespaceIsRejected)
{
    QByteArray xml = baseExampleBytes();
    xml.replace("xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\"",
                "xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-1\"");
    const QString error = errorOf(xml);
    EXPECT_TRUE(error.contains(QStringLiteral("not an e-invoice"))) << qPrintable(error);
    EXPECT_TRUE(error.contains(QStringLiteral("Invoice-1"))) << qPrintable(error);

    // Called directly, the UBL reader names both accepted roots.
    XmlError xmlError;
    const auto root = XmlTree::parse(xml, &xmlError);
    ASSERT_TRUE(root);
    QString direct;
    EXPECT_FALSE(UblReader::read(*root, &direct).has_value());
    EXPECT_TRUE(direct.contains(QStringLiteral("not a UBL 2.1 invoice"))) << qPrintable(direct);
}

TEST(UblReader, BadBase64AndChargeIndicatorAreReported)
{
    QByteArray xml = baseExampleBytes();
    xml.replace("<cac:AccountingSupplierParty>",
                "<cac:AdditionalDocumentReference><cbc:ID>A</cbc:ID><cac:Attachment>"
                "<cbc:EmbeddedDocumentBinaryObject mimeCode=\"text/csv\" filename=\"a.csv\">!!not base64!!"
                "</cbc:EmbeddedDocumentBinaryObject></cac:Attachment></cac:AdditionalDocumentReference>"
                "<cac:AccountingSupplierParty>");
    QString error = errorOf(xml);
    EXPECT_TRUE(error.contains(QStringLiteral("not valid base64"))) << qPrintable(error);

    xml = baseExampleBytes();
    xml.replace("<cbc:ChargeIndicator>true</cbc:ChargeIndicator>",
                "<cbc:ChargeIndicator>yes</cbc:ChargeIndicator>");
    error = errorOf(xml);
    EXPECT_TRUE(error.contains(QStringLiteral("ChargeIndicator 'yes'"))) << qPrintable(error);
}

TEST(UblReader, DatesWithTimeZoneAreAccepted)
{
    QByteArray xml = baseExampleBytes();
    xml.replace("<cbc:IssueDate>2017-11-13</cbc:IssueDate>",
                "<cbc:IssueDate>2017-11-13+01:00</cbc:IssueDate>");
    const XmlReadResult r = EInvoiceXml::read(xml);
    ASSERT_TRUE(r.ok()) << qPrintable(r.error);
    EXPECT_EQ(r.invoice->issueDate, QDate(2017, 11, 13));
}
