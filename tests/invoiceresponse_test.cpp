// Peppol invoice responses (UBL ApplicationResponse): written from an invoice, read back, and
// anything that is not one refused with the file named.
#include "einvoicexml.h"
#include "invoiceresponse.h"
#include "testsupport.h"

#include <gtest/gtest.h>

using namespace einvoice;

TEST(InvoiceResponse, AnswerToAnInvoiceRoundTrips)
{
    const QStringList examples = einvoice::test::ublExamples();
    ASSERT_FALSE(examples.isEmpty());
    const XmlReadResult read = EInvoiceXml::readFile(examples.first());
    ASSERT_TRUE(read.ok()) << read.error.toStdString();
    const InvoiceResponse r =
        InvoiceResponse::about(*read.invoice, QStringLiteral("RE"),
                               QStringLiteral("Wrong order <ref> & \"price\""), QDate(2025, 3, 5));
    EXPECT_EQ(r.senderName, read.invoice->buyer.name) << "the buyer answers";
    EXPECT_EQ(r.receiverEndpoint, read.invoice->seller.electronicAddress);
    const QByteArray xml = r.toXml();
    EXPECT_TRUE(xml.contains("urn:fdc:peppol.eu:poacc:trns:invoice_response:3"));
    EXPECT_TRUE(xml.contains("listID=\"UNCL4343OpSubset\""));
    QString error;
    const auto back = InvoiceResponse::fromXml(xml, QStringLiteral("r.xml"), &error);
    ASSERT_TRUE(back) << error.toStdString();
    EXPECT_EQ(back->id, r.id);
    EXPECT_EQ(back->issueDate, QDate(2025, 3, 5));
    EXPECT_EQ(back->code, QStringLiteral("RE"));
    EXPECT_EQ(back->note, r.note);
    EXPECT_EQ(back->invoiceNumber, read.invoice->number);
    EXPECT_EQ(back->invoiceIssueDate, read.invoice->issueDate);
    EXPECT_EQ(back->documentTypeCode, QStringLiteral("380"));
    EXPECT_EQ(back->senderEndpoint, read.invoice->buyer.electronicAddress);
    EXPECT_EQ(back->receiverName, read.invoice->seller.name);
}

TEST(InvoiceResponse, WhatIsNotAResponseIsRefusedWithTheFileNamed)
{
    InvoiceResponse ok;
    ok.code = QStringLiteral("PD");
    ok.invoiceNumber = QStringLiteral("10457");
    ok.issueDate = QDate(2025, 3, 5);
    QString error;
    ASSERT_TRUE(InvoiceResponse::fromXml(ok.toXml(), QStringLiteral("ok.xml"), &error));
    InvoiceResponse badCode = ok;
    badCode.code = QStringLiteral("XX");
    InvoiceResponse noInvoice = ok;
    noInvoice.invoiceNumber.clear();
    const QList<std::pair<QByteArray, QString>> cases = {
        {QByteArrayLiteral("not xml at all"), QStringLiteral("not readable XML")},
        {QByteArrayLiteral("<!DOCTYPE x [<!ENTITY a \"b\">]><x/>"), QStringLiteral("not readable XML")},
        {einvoice::test::readFile(einvoice::test::ublExamples().first()),
         QStringLiteral("not an invoice response")},
        {badCode.toXml(), QStringLiteral("\"XX\"")},
        {noInvoice.toXml(), QStringLiteral("names no invoice")},
    };
    for (const auto &[xml, expected] : cases) {
        error.clear();
        EXPECT_FALSE(InvoiceResponse::fromXml(xml, QStringLiteral("status/r1.xml"), &error))
            << expected.toStdString();
        EXPECT_TRUE(error.startsWith(QStringLiteral("status/r1.xml: "))) << error.toStdString();
        EXPECT_TRUE(error.contains(expected)) << error.toStdString();
    }
}
