#include "ciiwriter.h"
#include "einvoicexml.h"
#include "invoicediff.h"
#include "testsupport.h"
#include "ublwriter.h"

#include <QFileInfo>
#include <gtest/gtest.h>

void PrintTo(const QString &s, std::ostream *os)
{
    *os << '"' << s.toStdString() << '"';
}

using namespace einvoice;

// Syntax round trips through the shared model: UBL -> model -> CII -> model -> UBL -> model and
// CII -> model -> UBL -> model -> CII -> model. Every intermediate document must pass its XSD and
// every model must equal the first one, except for the few fields listed in the align*()
// functions below, which one of the syntaxes has no place for. Those are compared out one by one
// (copied from the original) instead of loosening InvoiceDiff.

namespace {

Invoice readBack(const QByteArray &xml, Syntax expected, const QString &what)
{
    const XmlReadResult r = EInvoiceXml::read(xml, what);
    EXPECT_TRUE(r.ok()) << what.toStdString() << ": " << r.error.toStdString();
    EXPECT_EQ(r.syntax, expected) << what.toStdString();
    return r.invoice.value_or(Invoice{});
}

QString ublXsdFor(const Invoice &inv)
{
    return inv.isCreditNote() ? test::ublCreditNoteXsd() : test::ublInvoiceXsd();
}

/// Fields that CII D16B cannot carry, after a trip through CII.
void alignCiiLosses(const Invoice &original, Invoice &converted)
{
    // BG-18: CII's financial card has no card network id (UBL cac:CardAccount/cbc:NetworkID).
    for (int i = 0; i < original.paymentMeans.size() && i < converted.paymentMeans.size(); ++i)
        converted.paymentMeans[i].card.networkId = original.paymentMeans[i].card.networkId;
    // BG-3: the D16B header has a single InvoiceReferencedDocument; further preceding invoices
    // have no place.
    if (original.precedingInvoices.size() > 1 && converted.precedingInvoices.size() == 1 &&
        converted.precedingInvoices.first().number == original.precedingInvoices.first().number)
        converted.precedingInvoices = original.precedingInvoices;
    // BT-83: one PaymentReference per CII document, so each payment means gets the first one.
    QString firstReference;
    for (const PaymentMeans &pm : original.paymentMeans)
        if (firstReference.isEmpty())
            firstReference = pm.remittanceInfo;
    for (int i = 0; i < original.paymentMeans.size() && i < converted.paymentMeans.size(); ++i)
        if (converted.paymentMeans[i].remittanceInfo == firstReference)
            converted.paymentMeans[i].remittanceInfo = original.paymentMeans[i].remittanceInfo;
    // BG-26: a line period has no description code in CII (UBL's line InvoicePeriod has one,
    // without an EN 16931 meaning).
    for (int i = 0; i < original.lines.size() && i < converted.lines.size(); ++i)
        converted.lines[i].period.descriptionCode = original.lines[i].period.descriptionCode;
}

/// Fields that the UBL (Peppol) writer cannot carry or fills by policy, after a trip through UBL.
void alignUblLosses(const Invoice &original, Invoice &converted)
{
    // BT-23 is mandatory in Peppol UBL: the UBL writer fills the Peppol billing process when
    // the source (a plain EN 16931 CII file) has none.
    if (original.profileId.isEmpty())
        converted.profileId = original.profileId;
    // BT-110: Peppol UBL always has a TaxTotal/TaxAmount; a CII file without VAT total (category
    // O) comes back with an explicit zero. Only that zero is compared out.
    if (!original.totals.vatTotal && converted.totals.vatTotal && converted.totals.vatTotal->isZero())
        converted.totals.vatTotal.reset();
    // BT-148 without BT-147: UBL carries the gross price only as BaseAmount of a price
    // AllowanceCharge, whose Amount is mandatory, so the discount comes back as gross - net.
    for (int i = 0; i < original.lines.size() && i < converted.lines.size(); ++i) {
        const InvoiceLine &o = original.lines[i];
        InvoiceLine &c = converted.lines[i];
        if (!o.priceDiscount && o.grossPrice && c.priceDiscount &&
            *c.priceDiscount == *o.grossPrice - o.netPrice)
            c.priceDiscount.reset();
    }
}

/// The CII writer states EN 16931 as specification id when the source had another (here: the
/// ZUGFeRD 1.0 COMFORT id some EN 16931 examples carry).
void alignCiiSpecificationId(const Invoice &original, Invoice &converted)
{
    if (!original.customizationId.startsWith(QLatin1String(kEn16931CustomizationId)) &&
        converted.customizationId == QLatin1String(kEn16931CustomizationId))
        converted.customizationId = original.customizationId;
}

} // namespace

TEST(RoundTrip, UblThroughCiiAndBack)
{
    const QStringList files = test::ublExamples();
    ASSERT_FALSE(files.isEmpty());
    for (const QString &f : files) {
        SCOPED_TRACE(QFileInfo(f).fileName().toStdString());
        const XmlReadResult first = EInvoiceXml::readFile(f);
        ASSERT_TRUE(first.ok()) << first.error.toStdString();
        const Invoice &a = *first.invoice;

        const QByteArray cii = CiiWriter::write(a);
        EXPECT_EQ(test::xsdErrors(cii, test::ciiXsd()), QString());
        Invoice b = readBack(cii, Syntax::Cii, f + QStringLiteral(" as CII"));
        alignCiiLosses(a, b);
        EXPECT_EQ(InvoiceDiff::differences(a, b), QStringList());

        const QByteArray ubl = UblWriter::write(b);
        EXPECT_EQ(test::xsdErrors(ubl, ublXsdFor(b)), QString());
        Invoice c = readBack(ubl, Syntax::Ubl, f + QStringLiteral(" as CII and UBL again"));
        alignCiiLosses(a, c);
        EXPECT_EQ(InvoiceDiff::differences(a, c), QStringList());
    }
}

TEST(RoundTrip, CiiThroughUblAndBack)
{
    const QStringList files = test::ciiExamples();
    ASSERT_FALSE(files.isEmpty());
    for (const QString &f : files) {
        SCOPED_TRACE(QFileInfo(f).fileName().toStdString());
        const XmlReadResult first = EInvoiceXml::readFile(f);
        ASSERT_TRUE(first.ok()) << first.error.toStdString();
        const Invoice &a = *first.invoice;

        const QByteArray ubl = UblWriter::write(a);
        EXPECT_EQ(test::xsdErrors(ubl, ublXsdFor(a)), QString());
        Invoice b = readBack(ubl, Syntax::Ubl, f + QStringLiteral(" as UBL"));
        alignUblLosses(a, b);
        EXPECT_EQ(InvoiceDiff::differences(a, b), QStringList());

        const QByteArray cii = CiiWriter::write(b);
        EXPECT_EQ(test::xsdErrors(cii, test::ciiXsd()), QString());
        Invoice c = readBack(cii, Syntax::Cii, f + QStringLiteral(" as UBL and CII again"));
        alignUblLosses(a, c);
        alignCiiSpecificationId(a, c);
        EXPECT_EQ(InvoiceDiff::differences(a, c), QStringList());
    }
}
