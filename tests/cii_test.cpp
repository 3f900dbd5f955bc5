#include "ciireader.h"
#include "ciiwriter.h"
#include "einvoicexml.h"
#include "invoicediff.h"
#include "testsupport.h"
#include "xmltree.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <gtest/gtest.h>

// Readable failure messages for Qt strings.
void PrintTo(const QString &s, std::ostream *os)
{
    *os << '"' << s.toStdString() << '"';
}

using namespace einvoice;

namespace {

QString exampleFile(const QString &name)
{
    for (const QString &f : test::ciiExamples())
        if (QFileInfo(f).fileName() == name)
            return f;
    return {};
}

Invoice readOk(const QByteArray &xml, const QString &what)
{
    const XmlReadResult r = EInvoiceXml::read(xml, what);
    EXPECT_TRUE(r.ok()) << what.toStdString() << ": " << r.error.toStdString();
    EXPECT_EQ(r.syntax, Syntax::Cii);
    return r.invoice.value_or(Invoice{});
}

QString readError(const QByteArray &xml)
{
    const XmlReadResult r = EInvoiceXml::read(xml);
    EXPECT_FALSE(r.ok());
    return r.error;
}

// A minimal but complete EN 16931 document; tests break one part of it at a time.
const char *kMinimal = R"(<?xml version="1.0" encoding="UTF-8"?>
<rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"
  xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100"
  xmlns:udt="urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100">
  <rsm:ExchangedDocumentContext>
    <ram:GuidelineSpecifiedDocumentContextParameter><ram:ID>urn:cen.eu:en16931:2017</ram:ID></ram:GuidelineSpecifiedDocumentContextParameter>
  </rsm:ExchangedDocumentContext>
  <rsm:ExchangedDocument>
    <ram:ID>INV-1</ram:ID>
    <ram:TypeCode>380</ram:TypeCode>
    <ram:IssueDateTime><udt:DateTimeString format="102">20240131</udt:DateTimeString></ram:IssueDateTime>
  </rsm:ExchangedDocument>
  <rsm:SupplyChainTradeTransaction>
    <ram:IncludedSupplyChainTradeLineItem>
      <ram:AssociatedDocumentLineDocument><ram:LineID>1</ram:LineID></ram:AssociatedDocumentLineDocument>
      <ram:SpecifiedTradeProduct><ram:Name>Widget</ram:Name></ram:SpecifiedTradeProduct>
      <ram:SpecifiedLineTradeAgreement>
        <ram:NetPriceProductTradePrice><ram:ChargeAmount>10.0000</ram:ChargeAmount></ram:NetPriceProductTradePrice>
      </ram:SpecifiedLineTradeAgreement>
      <ram:SpecifiedLineTradeDelivery><ram:BilledQuantity unitCode="C62">2.000</ram:BilledQuantity></ram:SpecifiedLineTradeDelivery>
      <ram:SpecifiedLineTradeSettlement>
        <ram:ApplicableTradeTax><ram:TypeCode>VAT</ram:TypeCode><ram:CategoryCode>S</ram:CategoryCode><ram:RateApplicablePercent>20.00</ram:RateApplicablePercent></ram:ApplicableTradeTax>
        <ram:SpecifiedTradeSettlementLineMonetarySummation><ram:LineTotalAmount>20.00</ram:LineTotalAmount></ram:SpecifiedTradeSettlementLineMonetarySummation>
      </ram:SpecifiedLineTradeSettlement>
    </ram:IncludedSupplyChainTradeLineItem>
    <ram:ApplicableHeaderTradeAgreement>
      <ram:SellerTradeParty><ram:Name>Seller</ram:Name></ram:SellerTradeParty>
      <ram:BuyerTradeParty><ram:Name>Buyer</ram:Name></ram:BuyerTradeParty>
    </ram:ApplicableHeaderTradeAgreement>
    <ram:ApplicableHeaderTradeDelivery/>
    <ram:ApplicableHeaderTradeSettlement>
      <ram:InvoiceCurrencyCode>EUR</ram:InvoiceCurrencyCode>
      <ram:ApplicableTradeTax><ram:CalculatedAmount>4.00</ram:CalculatedAmount><ram:TypeCode>VAT</ram:TypeCode><ram:BasisAmount>20.00</ram:BasisAmount><ram:CategoryCode>S</ram:CategoryCode><ram:RateApplicablePercent>20.00</ram:RateApplicablePercent></ram:ApplicableTradeTax>
      <ram:SpecifiedTradeSettlementHeaderMonetarySummation>
        <ram:LineTotalAmount>20.00</ram:LineTotalAmount>
        <ram:TaxBasisTotalAmount>20.00</ram:TaxBasisTotalAmount>
        <ram:TaxTotalAmount currencyID="EUR">4.00</ram:TaxTotalAmount>
        <ram:GrandTotalAmount>24.00</ram:GrandTotalAmount>
        <ram:DuePayableAmount>24.00</ram:DuePayableAmount>
      </ram:SpecifiedTradeSettlementHeaderMonetarySummation>
    </ram:ApplicableHeaderTradeSettlement>
  </rsm:SupplyChainTradeTransaction>
</rsm:CrossIndustryInvoice>
)";

QByteArray minimalWith(const char *from, const char *to)
{
    QByteArray xml(kMinimal);
    EXPECT_TRUE(xml.contains(from)) << from;
    return xml.replace(from, to);
}

// Hand-written ZUGFeRD 1.0 BASIC/COMFORT document: 1.0 element names, older namespaces.
const char *kZugferd1 = R"(<?xml version="1.0" encoding="UTF-8"?>
<rsm:CrossIndustryDocument xmlns:rsm="urn:ferd:CrossIndustryDocument:invoice:1p0"
  xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:12"
  xmlns:udt="urn:un:unece:uncefact:data:standard:UnqualifiedDataType:15">
  <rsm:SpecifiedExchangedDocumentContext>
    <ram:GuidelineSpecifiedDocumentContextParameter><ram:ID>urn:ferd:CrossIndustryDocument:invoice:1p0:comfort</ram:ID></ram:GuidelineSpecifiedDocumentContextParameter>
  </rsm:SpecifiedExchangedDocumentContext>
  <rsm:HeaderExchangedDocument>
    <ram:ID>ZF1-2015-7</ram:ID>
    <ram:Name>RECHNUNG</ram:Name>
    <ram:TypeCode>380</ram:TypeCode>
    <ram:IssueDateTime><udt:DateTimeString format="102">20150305</udt:DateTimeString></ram:IssueDateTime>
    <ram:IncludedNote><ram:Content>Rechnung gemäß Bestellung</ram:Content></ram:IncludedNote>
  </rsm:HeaderExchangedDocument>
  <rsm:SpecifiedSupplyChainTradeTransaction>
    <ram:ApplicableSupplyChainTradeAgreement>
      <ram:BuyerReference>REF-77</ram:BuyerReference>
      <ram:SellerTradeParty>
        <ram:GlobalID schemeID="0088">4000001123452</ram:GlobalID>
        <ram:Name>Lieferant GmbH</ram:Name>
        <ram:PostalTradeAddress><ram:PostcodeCode>80333</ram:PostcodeCode><ram:LineOne>Lieferantenstraße 20</ram:LineOne><ram:CityName>München</ram:CityName><ram:CountryID>DE</ram:CountryID></ram:PostalTradeAddress>
        <ram:SpecifiedTaxRegistration><ram:ID schemeID="FC">201/113/40209</ram:ID></ram:SpecifiedTaxRegistration>
        <ram:SpecifiedTaxRegistration><ram:ID schemeID="VA">DE123456789</ram:ID></ram:SpecifiedTaxRegistration>
      </ram:SellerTradeParty>
      <ram:BuyerTradeParty>
        <ram:ID>GE2020211</ram:ID>
        <ram:Name>Kunden AG Mitte</ram:Name>
        <ram:PostalTradeAddress><ram:PostcodeCode>69876</ram:PostcodeCode><ram:LineOne>Kundenstraße 15</ram:LineOne><ram:CityName>Frankfurt</ram:CityName><ram:CountryID>DE</ram:CountryID></ram:PostalTradeAddress>
      </ram:BuyerTradeParty>
      <ram:BuyerOrderReferencedDocument><ram:IssueDateTime>20150301</ram:IssueDateTime><ram:ID>PO-4711</ram:ID></ram:BuyerOrderReferencedDocument>
    </ram:ApplicableSupplyChainTradeAgreement>
    <ram:ApplicableSupplyChainTradeDelivery>
      <ram:ActualDeliverySupplyChainEvent><ram:OccurrenceDateTime><udt:DateTimeString format="102">20150303</udt:DateTimeString></ram:OccurrenceDateTime></ram:ActualDeliverySupplyChainEvent>
    </ram:ApplicableSupplyChainTradeDelivery>
    <ram:ApplicableSupplyChainTradeSettlement>
      <ram:PaymentReference>ZF1-2015-7</ram:PaymentReference>
      <ram:InvoiceCurrencyCode>EUR</ram:InvoiceCurrencyCode>
      <ram:SpecifiedTradeSettlementPaymentMeans>
        <ram:TypeCode>31</ram:TypeCode>
        <ram:Information>Überweisung</ram:Information>
        <ram:PayeePartyCreditorFinancialAccount><ram:IBANID>DE08700901001234567890</ram:IBANID></ram:PayeePartyCreditorFinancialAccount>
        <ram:PayeeSpecifiedCreditorFinancialInstitution><ram:BICID>GENODEF1M04</ram:BICID></ram:PayeeSpecifiedCreditorFinancialInstitution>
      </ram:SpecifiedTradeSettlementPaymentMeans>
      <ram:ApplicableTradeTax>
        <ram:CalculatedAmount currencyID="EUR">37.62</ram:CalculatedAmount>
        <ram:TypeCode>VAT</ram:TypeCode>
        <ram:BasisAmount currencyID="EUR">198.00</ram:BasisAmount>
        <ram:CategoryCode>S</ram:CategoryCode>
        <ram:ApplicablePercent>19.00</ram:ApplicablePercent>
      </ram:ApplicableTradeTax>
      <ram:SpecifiedTradePaymentTerms>
        <ram:Description>Zahlbar innerhalb 30 Tagen netto</ram:Description>
        <ram:DueDateDateTime><udt:DateTimeString format="102">20150404</udt:DateTimeString></ram:DueDateDateTime>
      </ram:SpecifiedTradePaymentTerms>
      <ram:SpecifiedTradeSettlementMonetarySummation>
        <ram:LineTotalAmount currencyID="EUR">198.00</ram:LineTotalAmount>
        <ram:ChargeTotalAmount currencyID="EUR">0.00</ram:ChargeTotalAmount>
        <ram:AllowanceTotalAmount currencyID="EUR">0.00</ram:AllowanceTotalAmount>
        <ram:TaxBasisTotalAmount currencyID="EUR">198.00</ram:TaxBasisTotalAmount>
        <ram:TaxTotalAmount currencyID="EUR">37.62</ram:TaxTotalAmount>
        <ram:GrandTotalAmount currencyID="EUR">235.62</ram:GrandTotalAmount>
        <ram:DuePayableAmount currencyID="EUR">235.62</ram:DuePayableAmount>
      </ram:SpecifiedTradeSettlementMonetarySummation>
    </ram:ApplicableSupplyChainTradeSettlement>
    <ram:IncludedSupplyChainTradeLineItem>
      <ram:AssociatedDocumentLineDocument><ram:LineID>1</ram:LineID></ram:AssociatedDocumentLineDocument>
      <ram:SpecifiedSupplyChainTradeAgreement>
        <ram:GrossPriceProductTradePrice><ram:ChargeAmount currencyID="EUR">9.9000</ram:ChargeAmount></ram:GrossPriceProductTradePrice>
        <ram:NetPriceProductTradePrice><ram:ChargeAmount currencyID="EUR">9.9000</ram:ChargeAmount></ram:NetPriceProductTradePrice>
      </ram:SpecifiedSupplyChainTradeAgreement>
      <ram:SpecifiedSupplyChainTradeDelivery><ram:BilledQuantity unitCode="H87">20.0000</ram:BilledQuantity></ram:SpecifiedSupplyChainTradeDelivery>
      <ram:SpecifiedSupplyChainTradeSettlement>
        <ram:ApplicableTradeTax><ram:TypeCode>VAT</ram:TypeCode><ram:CategoryCode>S</ram:CategoryCode><ram:ApplicablePercent>19.00</ram:ApplicablePercent></ram:ApplicableTradeTax>
        <ram:SpecifiedTradeSettlementMonetarySummation><ram:LineTotalAmount currencyID="EUR">198.00</ram:LineTotalAmount></ram:SpecifiedTradeSettlementMonetarySummation>
      </ram:SpecifiedSupplyChainTradeSettlement>
      <ram:SpecifiedTradeProduct>
        <ram:GlobalID schemeID="0160">4012345001235</ram:GlobalID>
        <ram:SellerAssignedID>TB100A4</ram:SellerAssignedID>
        <ram:Name>Trennblätter A4</ram:Name>
      </ram:SpecifiedTradeProduct>
    </ram:IncludedSupplyChainTradeLineItem>
    <ram:IncludedSupplyChainTradeLineItem>
      <ram:AssociatedDocumentLineDocument><ram:LineID>2</ram:LineID><ram:IncludedNote><ram:Content>Nur ein Hinweis</ram:Content></ram:IncludedNote></ram:AssociatedDocumentLineDocument>
      <ram:SpecifiedSupplyChainTradeSettlement/>
    </ram:IncludedSupplyChainTradeLineItem>
  </rsm:SpecifiedSupplyChainTradeTransaction>
</rsm:CrossIndustryDocument>
)";

} // namespace

TEST(CiiReader, EveryExampleReads)
{
    const QStringList files = test::ciiExamples();
    ASSERT_EQ(files.size(), 15);
    for (const QString &f : files) {
        const XmlReadResult r = EInvoiceXml::readFile(f);
        ASSERT_TRUE(r.ok()) << f.toStdString() << ": " << r.error.toStdString();
        EXPECT_EQ(r.syntax, Syntax::Cii);
        EXPECT_FALSE(r.invoice->number.isEmpty()) << f.toStdString();
        EXPECT_FALSE(r.invoice->lines.isEmpty()) << f.toStdString();
        EXPECT_EQ(r.invoice->typeCode, QStringLiteral("380")) << f.toStdString();
    }
}

TEST(CiiReader, Example1KnownValues)
{
    const XmlReadResult r = EInvoiceXml::readFile(exampleFile(QStringLiteral("CII_example1.xml")));
    ASSERT_TRUE(r.ok()) << r.error.toStdString();
    const Invoice &inv = *r.invoice;
    EXPECT_EQ(inv.number, QStringLiteral("12115118"));
    EXPECT_EQ(inv.issueDate, QDate(2015, 1, 9));
    EXPECT_EQ(inv.currency, QStringLiteral("EUR"));
    EXPECT_EQ(inv.customizationId, QStringLiteral("urn:cen.eu:en16931:2017"));
    EXPECT_EQ(inv.lines.size(), 20);
    EXPECT_EQ(inv.totals.lineNetTotal.toString(), QStringLiteral("229.6"));
    EXPECT_EQ(inv.totals.taxExclusive.toString(), QStringLiteral("229.6"));
    ASSERT_TRUE(inv.totals.vatTotal);
    EXPECT_EQ(inv.totals.vatTotal->toString(), QStringLiteral("20.73"));
    EXPECT_EQ(inv.totals.taxInclusive.toString(), QStringLiteral("250.33"));
    EXPECT_EQ(inv.totals.payable.toString(), QStringLiteral("250.33"));
    EXPECT_FALSE(inv.totals.allowanceTotal);
    EXPECT_FALSE(inv.isCreditNote());
}

TEST(CiiReader, Example5MaximumContent)
{
    const XmlReadResult r = EInvoiceXml::readFile(exampleFile(QStringLiteral("CII_example5.xml")));
    ASSERT_TRUE(r.ok()) << r.error.toStdString();
    const Invoice &inv = *r.invoice;
    EXPECT_EQ(inv.number, QStringLiteral("TOSL110"));
    ASSERT_EQ(inv.notes.size(), 1);
    EXPECT_EQ(inv.notes[0].subjectCode, QStringLiteral("AAI"));
    EXPECT_EQ(inv.buyerReference, QStringLiteral("qwerty"));
    EXPECT_EQ(inv.currency, QStringLiteral("DKK"));
    EXPECT_EQ(inv.vatCurrency, QStringLiteral("EUR"));
    EXPECT_EQ(inv.totals.vatTotal->toString(), QStringLiteral("675.00"));
    EXPECT_EQ(inv.totals.vatTotalAccounting->toString(), QStringLiteral("628.62"));
    EXPECT_EQ(inv.totals.prepaid->toString(), QStringLiteral("2337.5"));
    EXPECT_EQ(inv.totals.lineNetTotal.toString(), QStringLiteral("4000.00"));

    EXPECT_EQ(inv.seller.name, QStringLiteral("SellerCompany"));
    EXPECT_EQ(inv.seller.tradingName, QStringLiteral("SelCo"));
    EXPECT_EQ(inv.seller.legalInfo, QStringLiteral("Export"));
    EXPECT_EQ(inv.seller.vatId, QStringLiteral("NL16356706"));
    EXPECT_EQ(inv.seller.taxRegistrationId, QStringLiteral("NL16356706"));
    ASSERT_EQ(inv.seller.identifiers.size(), 1);
    EXPECT_EQ(inv.seller.identifiers[0],
              (Identifier{QStringLiteral("5790000436101"), QStringLiteral("0088")}));
    EXPECT_EQ(inv.seller.electronicAddress,
              (Identifier{QStringLiteral("info@selco.nl"), QStringLiteral("EM")}));
    EXPECT_EQ(inv.seller.contact.email, QStringLiteral("Anthon@Selco.nl"));
    EXPECT_EQ(inv.seller.address.subdivision, QStringLiteral("Overijssel"));
    EXPECT_EQ(inv.buyer.legalRegistration.id, QStringLiteral("DK16356607"));
    EXPECT_EQ(inv.taxRepresentative.name, QStringLiteral("Dick Panama"));
    EXPECT_EQ(inv.taxRepresentative.vatId, QStringLiteral("DK16356609"));
    EXPECT_EQ(inv.payee.name, QStringLiteral("Dagobert Duck"));

    EXPECT_EQ(inv.salesOrderReference, QStringLiteral("123"));
    EXPECT_EQ(inv.orderReference, QStringLiteral("PO4711"));
    EXPECT_EQ(inv.contractReference, QStringLiteral("2013-05"));
    EXPECT_EQ(inv.projectReference, QStringLiteral("Project345"));
    EXPECT_EQ(inv.despatchAdviceReference, QStringLiteral("5433"));
    EXPECT_EQ(inv.receivingAdviceReference, QStringLiteral("3544"));
    EXPECT_EQ(inv.accountingCost, QStringLiteral("67543"));
    ASSERT_EQ(inv.attachments.size(), 3);
    const Attachment &slip = inv.attachments[2];
    EXPECT_EQ(slip.id, QStringLiteral("sales slip"));
    EXPECT_EQ(slip.description, QStringLiteral("your sales slip"));
    EXPECT_EQ(slip.mimeCode, QStringLiteral("application/pdf"));
    EXPECT_EQ(slip.filename, QStringLiteral("EHF.pdf"));
    EXPECT_TRUE(slip.content.startsWith("JVBERi0xLjUNCiUNCjEgMCBvYmoOy6JTZX9bcgRV"));

    EXPECT_EQ(inv.delivery.partyName, QStringLiteral("Logistic service Ltd"));
    EXPECT_EQ(inv.delivery.locationId, (Identifier{QStringLiteral("5790000436068"), QStringLiteral("0088")}));
    EXPECT_EQ(inv.delivery.actualDate, QDate(2013, 4, 15));
    EXPECT_EQ(inv.invoicePeriod.start, QDate(2013, 3, 10));
    EXPECT_EQ(inv.invoicePeriod.end, QDate(2013, 4, 10));
    EXPECT_EQ(inv.taxPointDate, QDate(2013, 4, 10));
    EXPECT_EQ(inv.dueDate, QDate(2013, 5, 10));
    EXPECT_EQ(inv.paymentTerms, QStringLiteral("50% prepaid, 50% within one month"));

    ASSERT_EQ(inv.paymentMeans.size(), 2);
    EXPECT_EQ(inv.paymentMeans[0].typeCode, QStringLiteral("58"));
    EXPECT_EQ(inv.paymentMeans[0].typeText, QStringLiteral("Half prepaid"));
    EXPECT_EQ(inv.paymentMeans[0].remittanceInfo, QStringLiteral("Payref1"));
    EXPECT_EQ(inv.paymentMeans[0].creditTransfers.value(0).accountId, QStringLiteral("DK1212341234123412"));
    EXPECT_EQ(inv.paymentMeans[0].directDebit.creditorId, QStringLiteral("DK5678"));
    EXPECT_EQ(inv.paymentMeans[0].directDebit.mandateReference, QStringLiteral("123456"));

    ASSERT_EQ(inv.allowanceCharges.size(), 2);
    EXPECT_FALSE(inv.allowanceCharges[0].isCharge);
    EXPECT_EQ(inv.allowanceCharges[0].reasonCode, QStringLiteral("95"));
    EXPECT_EQ(inv.allowanceCharges[0].vatRate->toString(), QStringLiteral("25"));
    EXPECT_TRUE(inv.allowanceCharges[1].isCharge);
    ASSERT_EQ(inv.precedingInvoices.size(), 1);
    EXPECT_EQ(inv.precedingInvoices[0].number, QStringLiteral("TOSL109"));
    EXPECT_EQ(inv.precedingInvoices[0].issueDate, QDate(2013, 3, 10));

    ASSERT_EQ(inv.lines.size(), 3);
    const InvoiceLine &l = inv.lines[0];
    EXPECT_EQ(l.id, QStringLiteral("1"));
    EXPECT_EQ(l.note, QStringLiteral("first line"));
    EXPECT_EQ(l.standardItemId, (Identifier{QStringLiteral("1234567890128"), QStringLiteral("0088")}));
    EXPECT_EQ(l.sellerItemId, QStringLiteral("JB007"));
    EXPECT_EQ(l.buyerItemId, QStringLiteral("BUY123"));
    EXPECT_EQ(l.itemName, QStringLiteral("Printing paper"));
    EXPECT_EQ(l.itemDescription, QStringLiteral("Printing paper, 2mm"));
    ASSERT_EQ(l.attributes.size(), 1);
    EXPECT_EQ(l.attributes[0].value, QStringLiteral("2 mm"));
    EXPECT_EQ(l.originCountry, QStringLiteral("NL"));
    EXPECT_EQ(l.orderLineRef, QStringLiteral("1"));
    EXPECT_EQ(l.grossPrice->toString(), QStringLiteral("1.1"));
    EXPECT_EQ(l.priceDiscount->toString(), QStringLiteral("10"));
    EXPECT_EQ(l.netPrice.toString(), QStringLiteral("1"));
    EXPECT_EQ(l.baseQuantity->toString(), QStringLiteral("1"));
    EXPECT_EQ(l.baseQuantityUnit, QStringLiteral("C62"));
    EXPECT_EQ(l.quantity.toString(), QStringLiteral("1000"));
    EXPECT_EQ(l.unitCode, QStringLiteral("C62"));
    EXPECT_EQ(l.vatCategory, QStringLiteral("S"));
    EXPECT_EQ(l.vatRate->toString(), QStringLiteral("25"));
    EXPECT_EQ(l.period.start, QDate(2013, 3, 10));
    ASSERT_EQ(l.allowanceCharges.size(), 2);
    EXPECT_EQ(l.allowanceCharges[1].reason, QStringLiteral("Packaging"));
    EXPECT_EQ(l.netAmount.toString(), QStringLiteral("1000"));
    EXPECT_EQ(l.objectId.id, QStringLiteral("Object2"));
    EXPECT_EQ(l.accountingCost, QStringLiteral("ACC7654"));
}

TEST(CiiReader, KeepsDecimalScale)
{
    const Invoice inv = readOk(kMinimal, QStringLiteral("minimal"));
    ASSERT_EQ(inv.lines.size(), 1);
    EXPECT_EQ(inv.lines[0].netPrice.toString(), QStringLiteral("10.0000"));
    EXPECT_EQ(inv.lines[0].quantity.toString(), QStringLiteral("2.000"));
    EXPECT_EQ(inv.lines[0].vatRate->toString(), QStringLiteral("20.00"));
    const QByteArray written = CiiWriter::write(inv);
    EXPECT_TRUE(written.contains("<ram:ChargeAmount>10.0000</ram:ChargeAmount>")) << written.constData();
    EXPECT_TRUE(written.contains("<ram:RateApplicablePercent>20.00</ram:RateApplicablePercent>"));
}

TEST(CiiReader, DerivesWhatOldProfilesLeaveOut)
{
    // Some ZUGFeRD 1.0 BASIC files omit the amount due; it follows from the other totals.
    const Invoice inv = readOk(minimalWith("<ram:DuePayableAmount>24.00</ram:DuePayableAmount>", ""),
                               QStringLiteral("derived"));
    EXPECT_EQ(inv.totals.payable.toString(), QStringLiteral("24.00"));

    // ZUGFeRD 1.0 BASIC makes the line price optional: it follows from amount and quantity.
    QByteArray v1(kZugferd1);
    v1.replace("<ram:NetPriceProductTradePrice><ram:ChargeAmount currencyID=\"EUR\">9.9000</ram:ChargeAmount>"
               "</ram:NetPriceProductTradePrice>",
               "");
    const Invoice old = readOk(v1, QStringLiteral("no price"));
    ASSERT_EQ(old.lines.size(), 1);
    EXPECT_EQ(old.lines[0].netPrice.toString(), QStringLiteral("9.9"));
    // ... and even the line amount: such lines are kept (the quantity and name are real data).
    v1.replace("<ram:SpecifiedTradeSettlementMonetarySummation><ram:LineTotalAmount currencyID=\"EUR\">198.00"
               "</ram:LineTotalAmount></ram:SpecifiedTradeSettlementMonetarySummation>",
               "");
    const Invoice bare = readOk(v1, QStringLiteral("no amount"));
    ASSERT_EQ(bare.lines.size(), 1);
    EXPECT_EQ(bare.lines[0].quantity.toString(), QStringLiteral("20.0000"));
    EXPECT_TRUE(bare.lines[0].netAmount.isZero());

    // In D16B the price is required.
    EXPECT_TRUE(
        readError(minimalWith("<ram:NetPriceProductTradePrice><ram:ChargeAmount>10.0000</ram:ChargeAmount>"
                              "</ram:NetPriceProductTradePrice>",
                              ""))
            .contains(QStringLiteral("net price")));
}

TEST(CiiReader, Zugferd1Document)
{
    const Invoice inv = readOk(kZugferd1, QStringLiteral("zugferd1"));
    EXPECT_EQ(inv.number, QStringLiteral("ZF1-2015-7"));
    EXPECT_EQ(inv.issueDate, QDate(2015, 3, 5));
    EXPECT_EQ(inv.customizationId, QStringLiteral("urn:ferd:CrossIndustryDocument:invoice:1p0:comfort"));
    EXPECT_EQ(inv.buyerReference, QStringLiteral("REF-77"));
    EXPECT_EQ(inv.orderReference, QStringLiteral("PO-4711"));
    EXPECT_EQ(inv.seller.name, QStringLiteral("Lieferant GmbH"));
    EXPECT_EQ(inv.seller.vatId, QStringLiteral("DE123456789"));
    EXPECT_EQ(inv.seller.taxRegistrationId, QStringLiteral("201/113/40209"));
    EXPECT_EQ(inv.buyer.identifiers.value(0).id, QStringLiteral("GE2020211"));
    EXPECT_EQ(inv.delivery.actualDate, QDate(2015, 3, 3));
    EXPECT_EQ(inv.dueDate, QDate(2015, 4, 4));
    EXPECT_EQ(inv.paymentTerms, QStringLiteral("Zahlbar innerhalb 30 Tagen netto"));
    ASSERT_EQ(inv.paymentMeans.size(), 1);
    EXPECT_EQ(inv.paymentMeans[0].remittanceInfo, QStringLiteral("ZF1-2015-7"));
    EXPECT_EQ(inv.paymentMeans[0].creditTransfers.value(0).accountId,
              QStringLiteral("DE08700901001234567890"));
    EXPECT_EQ(inv.paymentMeans[0].creditTransfers.value(0).bic, QStringLiteral("GENODEF1M04"));
    ASSERT_EQ(inv.vatBreakdown.size(), 1);
    EXPECT_EQ(inv.vatBreakdown[0].rate->toString(), QStringLiteral("19.00"));
    EXPECT_EQ(inv.vatBreakdown[0].taxableAmount.toString(), QStringLiteral("198.00"));
    EXPECT_EQ(inv.totals.taxExclusive.toString(), QStringLiteral("198.00"));
    EXPECT_EQ(inv.totals.vatTotal->toString(), QStringLiteral("37.62"));
    EXPECT_EQ(inv.totals.taxInclusive.toString(), QStringLiteral("235.62"));
    EXPECT_EQ(inv.totals.payable.toString(), QStringLiteral("235.62"));
    // The second item is only a note: not an EN 16931 invoice line.
    ASSERT_EQ(inv.lines.size(), 1);
    const InvoiceLine &l = inv.lines[0];
    EXPECT_EQ(l.itemName, QStringLiteral("Trennblätter A4"));
    EXPECT_EQ(l.standardItemId, (Identifier{QStringLiteral("4012345001235"), QStringLiteral("0160")}));
    EXPECT_EQ(l.quantity.toString(), QStringLiteral("20.0000"));
    EXPECT_EQ(l.unitCode, QStringLiteral("H87"));
    EXPECT_EQ(l.netPrice.toString(), QStringLiteral("9.9000"));
    EXPECT_EQ(l.netAmount.toString(), QStringLiteral("198.00"));
    EXPECT_EQ(l.vatRate->toString(), QStringLiteral("19.00"));

    // Converted to D16B it is schema-valid and reads back the same, apart from the guideline id
    // (a ZUGFeRD 1.0 profile is not what the EN 16931 writer produces).
    const QByteArray d16b = CiiWriter::write(inv);
    EXPECT_EQ(test::xsdErrors(d16b, test::ciiXsd()), QString());
    Invoice back = readOk(d16b, QStringLiteral("zugferd1 as D16B"));
    EXPECT_EQ(back.customizationId, QString::fromLatin1(kEn16931CustomizationId));
    back.customizationId = inv.customizationId;
    EXPECT_EQ(InvoiceDiff::differences(inv, back), QStringList());
}

TEST(CiiWriter, ExamplesWriteValidAndReadBackUnchanged)
{
    for (const QString &f : test::ciiExamples()) {
        SCOPED_TRACE(f.toStdString());
        const XmlReadResult r = EInvoiceXml::readFile(f);
        ASSERT_TRUE(r.ok()) << r.error.toStdString();
        const QByteArray xml = CiiWriter::write(*r.invoice);
        EXPECT_EQ(test::xsdErrors(xml, test::ciiXsd()), QString());
        Invoice back = readOk(xml, f + QStringLiteral(" (written)"));
        // Some examples carry a ZUGFeRD 1.0 guideline id; the writer states EN 16931 instead.
        if (!r.invoice->customizationId.startsWith(QLatin1String(kEn16931CustomizationId))) {
            EXPECT_EQ(back.customizationId, QString::fromLatin1(kEn16931CustomizationId));
            back.customizationId = r.invoice->customizationId;
        }
        EXPECT_EQ(InvoiceDiff::differences(*r.invoice, back), QStringList());
        // Writing is deterministic: the second generation is byte-identical.
        EXPECT_EQ(CiiWriter::write(readOk(xml, f)), xml);
    }
}

TEST(CiiWriter, WritesNoEmptyElements)
{
    for (const QString &f : test::ciiExamples()) {
        const XmlReadResult r = EInvoiceXml::readFile(f);
        ASSERT_TRUE(r.ok());
        const QString xml = QString::fromUtf8(CiiWriter::write(*r.invoice));
        // The header trade delivery is mandatory in the schema and may legitimately be empty.
        QString rest = xml;
        rest.remove(QStringLiteral("<ram:ApplicableHeaderTradeDelivery/>"));
        EXPECT_FALSE(rest.contains(QStringLiteral("/>"))) << f.toStdString();
        EXPECT_FALSE(rest.contains(QStringLiteral("></ram:"))) << f.toStdString();
    }
}

TEST(CiiWriter, ContextAndCreditNote)
{
    Invoice inv = readOk(kMinimal, QStringLiteral("minimal"));
    inv.customizationId = QString::fromLatin1(kPeppolCustomizationId);
    inv.profileId = QString::fromLatin1(kPeppolProfileId);
    inv.kind = DocumentKind::CreditNote;
    inv.typeCode.clear();
    inv.lines[0].netAmount = Decimal::fromString(QStringLiteral("-20.00"));
    inv.totals.payable = Decimal::fromString(QStringLiteral("-24.00"));
    const QByteArray xml = CiiWriter::write(inv);
    EXPECT_EQ(test::xsdErrors(xml, test::ciiXsd()), QString());
    EXPECT_TRUE(xml.contains("<ram:TypeCode>381</ram:TypeCode>"));
    EXPECT_TRUE(xml.contains("<ram:LineTotalAmount>-20.00</ram:LineTotalAmount>"));
    EXPECT_TRUE(xml.contains("<ram:DuePayableAmount>-24.00</ram:DuePayableAmount>"));
    const Invoice back = readOk(xml, QStringLiteral("credit note"));
    EXPECT_TRUE(back.isCreditNote());
    EXPECT_EQ(back.customizationId, QString::fromLatin1(kPeppolCustomizationId));
    EXPECT_EQ(back.profileId, QString::fromLatin1(kPeppolProfileId));

    // A specification id that is not EN 16931 based is replaced by the EN 16931 one.
    inv.customizationId = QStringLiteral("urn:factur-x.eu:1p0:basicwl");
    EXPECT_TRUE(CiiWriter::write(inv).contains("<ram:ID>urn:cen.eu:en16931:2017</ram:ID>"));
}

TEST(CiiWriter, AttachmentIsBase64WithMimeCodeAndFilename)
{
    Invoice inv = readOk(kMinimal, QStringLiteral("minimal"));
    Attachment a;
    a.id = QStringLiteral("INV-1.pdf");
    a.description = QStringLiteral("Original invoice");
    a.mimeCode = QStringLiteral("application/pdf");
    a.filename = QStringLiteral("INV-1.pdf");
    a.content = QByteArray("%PDF-1.7\n\x00\xff binary", 20);
    inv.attachments.append(a);
    inv.taxPointDateCode = QStringLiteral("432");
    const QByteArray xml = CiiWriter::write(inv);
    EXPECT_EQ(test::xsdErrors(xml, test::ciiXsd()), QString());
    EXPECT_TRUE(xml.contains(a.content.toBase64()));
    EXPECT_TRUE(xml.contains("<ram:TypeCode>916</ram:TypeCode>"));
    EXPECT_TRUE(xml.contains("<ram:DueDateTypeCode>72</ram:DueDateTypeCode>"));
    const Invoice back = readOk(xml, QStringLiteral("attachment"));
    ASSERT_EQ(back.attachments.size(), 1);
    EXPECT_EQ(back.attachments[0].content, a.content);
    EXPECT_EQ(back.attachments[0].mimeCode, a.mimeCode);
    EXPECT_EQ(back.attachments[0].filename, a.filename);
    EXPECT_EQ(back.taxPointDateCode, QStringLiteral("432"));
}

TEST(CiiReader, MalformedInputsGiveClearErrors)
{
    EXPECT_TRUE(readError(minimalWith("<ram:GrandTotalAmount>24.00", "<ram:GrandTotalAmount>24,00"))
                    .contains(QStringLiteral("GrandTotalAmount")));
    EXPECT_TRUE(readError(minimalWith("<ram:GrandTotalAmount>24.00", "<ram:GrandTotalAmount>24,00"))
                    .contains(QStringLiteral("not a valid number")));
    EXPECT_TRUE(readError(minimalWith("20240131", "20241331")).contains(QStringLiteral("not a valid date")));
    EXPECT_TRUE(readError(minimalWith("format=\"102\">20240131", "format=\"610\">202401"))
                    .contains(QStringLiteral("format 610")));
    EXPECT_TRUE(
        readError(minimalWith("<ram:ID>INV-1</ram:ID>", "")).contains(QStringLiteral("invoice number")));
    EXPECT_TRUE(readError(minimalWith("<ram:InvoiceCurrencyCode>EUR</ram:InvoiceCurrencyCode>", ""))
                    .contains(QStringLiteral("currency")));
    EXPECT_TRUE(readError(minimalWith("<ram:TaxBasisTotalAmount>20.00</ram:TaxBasisTotalAmount>", ""))
                    .contains(QStringLiteral("TaxBasisTotalAmount")));
    EXPECT_TRUE(readError(minimalWith("<ram:GrandTotalAmount>24.00</ram:GrandTotalAmount>", ""))
                    .contains(QStringLiteral("GrandTotalAmount")));
    EXPECT_TRUE(readError(minimalWith("<ram:ApplicableHeaderTradeSettlement>", "<ram:X>")
                              .replace("</ram:ApplicableHeaderTradeSettlement>", "</ram:X>"))
                    .contains(QStringLiteral("settlement")));
    EXPECT_TRUE(readError(minimalWith("<ram:BilledQuantity unitCode=\"C62\">2.000</ram:BilledQuantity>", ""))
                    .contains(QStringLiteral("invoice line 1")));
    EXPECT_TRUE(readError(minimalWith("<ram:LineTotalAmount>20.00</ram:LineTotalAmount></ram:Spec",
                                      "<ram:LineTotalAmount>abc</ram:LineTotalAmount></ram:Spec"))
                    .contains(QStringLiteral("LineTotalAmount")));
    EXPECT_FALSE(readError(minimalWith("<rsm:ExchangedDocument>", "<rsm:Other>")).isEmpty());
    EXPECT_TRUE(
        readError(
            minimalWith("<ram:BuyerTradeParty>",
                        "<ram:AdditionalReferencedDocument><ram:IssuerAssignedID>x</ram:IssuerAssignedID>"
                        "<ram:TypeCode>916</ram:TypeCode><ram:AttachmentBinaryObject mimeCode=\"a/b\" "
                        "filename=\"f\">@@@</ram:AttachmentBinaryObject></ram:AdditionalReferencedDocument>"
                        "<ram:BuyerTradeParty>"))
            .contains(QStringLiteral("base64")));
    // Wrong root namespace: not even detected as CII.
    EXPECT_FALSE(
        readError(QByteArray(kMinimal).replace("CrossIndustryInvoice:100\"", "Other:100\"")).isEmpty());
    // Direct reader call with an unexpected root does not crash and explains itself.
    XmlError xmlError;
    auto root = XmlTree::parse("<x/>", &xmlError);
    ASSERT_TRUE(root);
    QString error;
    EXPECT_FALSE(CiiReader::read(*root, &error));
    EXPECT_FALSE(error.isEmpty());
}

// Ground truth of the corpus (shared/corpus/dev/*.json) against the CII embedded in the PDFs.
TEST(CiiReader, CorpusEmbeddedXmlMatchesGroundTruth)
{
    const QString dir = test::sharedDir() + QStringLiteral("/corpus/dev");
    const QStringList jsons = QDir(dir).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    ASSERT_FALSE(jsons.isEmpty()) << "the corpus in ../shared is missing";
    ASSERT_GE(test::run(QStringLiteral("pdfdetach"), {QStringLiteral("-v")}).exitCode, 0)
        << "pdfdetach missing";
    int checked = 0;
    for (const QString &jsonName : jsons) {
        const QJsonObject truth =
            QJsonDocument::fromJson(test::readFile(dir + QLatin1Char('/') + jsonName)).object();
        if (truth.value(QStringLiteral("format_embedded")).toString() != QLatin1String("CII"))
            continue;
        const QString name = jsonName.chopped(5);
        SCOPED_TRACE(name.toStdString());
        QTemporaryDir tmp;
        test::run(QStringLiteral("pdfdetach"), {QStringLiteral("-saveall"), QStringLiteral("-o"), tmp.path(),
                                                dir + QLatin1Char('/') + name + QStringLiteral(".pdf")});
        QString xmlPath;
        for (const QString &f : QDir(tmp.path()).entryList({QStringLiteral("*.xml")}, QDir::Files))
            xmlPath = tmp.filePath(f);
        ASSERT_FALSE(xmlPath.isEmpty());
        const XmlReadResult r = EInvoiceXml::readFile(xmlPath);
        ASSERT_TRUE(r.ok()) << r.error.toStdString();
        Invoice inv = *r.invoice;
        ++checked;

        const QJsonObject f = truth.value(QStringLiteral("fields")).toObject();
        auto expect = [&](const QJsonObject &o, const char *key, const QString &actual, int index = -1) {
            const QJsonValue v = o.value(QLatin1String(key));
            // The truth writes the text as the page shows it: line breaks become spaces.
            if (!v.isNull()) {
                EXPECT_EQ(actual.simplified(), v.toString()) << key << " " << index;
            }
        };
        auto dec = [](const OptDecimal &d) { return d ? d->toString() : QString(); };
        auto date = [](const QDate &d) { return d.toString(Qt::ISODate); };
        expect(f, "invoice_number", inv.number);
        expect(f, "issue_date", date(inv.issueDate));
        expect(f, "due_date", date(inv.dueDate));
        expect(f, "currency", inv.currency);
        expect(f, "seller_name", inv.seller.name);
        expect(f, "seller_vat_id", inv.seller.vatId);
        expect(f, "seller_org_id", inv.seller.legalRegistration.id);
        expect(f, "buyer_name", inv.buyer.name);
        expect(f, "buyer_vat_id", inv.buyer.vatId);
        expect(f, "buyer_reference", inv.buyerReference);
        expect(f, "order_reference", inv.orderReference);
        expect(f, "iban",
               inv.paymentMeans.isEmpty() ? QString()
                                          : inv.paymentMeans[0].creditTransfers.value(0).accountId);
        expect(f, "total_without_vat", inv.totals.taxExclusive.toString());
        expect(f, "vat_total", dec(inv.totals.vatTotal));
        expect(f, "total_with_vat", inv.totals.taxInclusive.toString());
        expect(f, "amount_due", inv.totals.payable.toString());
        if (!f.value(QStringLiteral("line_count")).isNull()) {
            EXPECT_EQ(inv.lines.size(), f.value(QStringLiteral("line_count")).toInt());
        }
        const QJsonArray lines = f.value(QStringLiteral("lines")).toArray();
        for (int i = 0; i < lines.size() && i < inv.lines.size(); ++i) {
            const QJsonObject l = lines[i].toObject();
            expect(l, "description", inv.lines[i].itemName, i);
            expect(l, "quantity", inv.lines[i].quantity.toString(), i);
            expect(l, "net_amount", inv.lines[i].netAmount.toString(), i);
        }
        const QJsonArray vat = f.value(QStringLiteral("vat_breakdown")).toArray();
        if (!vat.isEmpty()) {
            ASSERT_EQ(inv.vatBreakdown.size(), vat.size());
            for (int i = 0; i < vat.size(); ++i) {
                const QJsonObject v = vat[i].toObject();
                expect(v, "rate", dec(inv.vatBreakdown[i].rate), i);
                expect(v, "taxable", inv.vatBreakdown[i].taxableAmount.toString(), i);
                expect(v, "tax", inv.vatBreakdown[i].taxAmount.toString(), i);
            }
        }

        // Every embedded document also converts to schema-valid D16B that reads back unchanged
        // (apart from a non-EN 16931 guideline id, which the writer replaces, and EXTENDED
        // sub-line trees, which EN 16931 carries as their leaves).
        const QByteArray d16b = CiiWriter::write(inv);
        if (inv.coreLines().size() != inv.lines.size()) {
            inv.lines = inv.coreLines();
            for (InvoiceLine &l : inv.lines)
                l.parentLineId = l.lineStatusReasonCode = QString();
        }
        EXPECT_EQ(test::xsdErrors(d16b, test::ciiXsd()), QString());
        const XmlReadResult again = EInvoiceXml::read(d16b, name);
        ASSERT_TRUE(again.ok()) << again.error.toStdString();
        Invoice back = *again.invoice;
        if (!inv.customizationId.startsWith(QLatin1String(kEn16931CustomizationId)))
            back.customizationId = inv.customizationId;
        EXPECT_EQ(InvoiceDiff::differences(inv, back), QStringList());
    }
    EXPECT_EQ(checked, 31);
}
