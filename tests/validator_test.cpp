// Validator tests: a valid Peppol invoice built in code, broken one property at a time (each
// case must raise its exact rule id), message/location checks, and the official examples,
// which are known valid and therefore must not raise any fatal rule.

#include "einvoicexml.h"
#include "testsupport.h"
#include "validator.h"

#include <QFileInfo>
#include <functional>
#include <gtest/gtest.h>

using namespace einvoice;

namespace {

Decimal D(const char *text)
{
    return Decimal::fromString(QString::fromLatin1(text));
}

InvoiceLine makeLine(const char *id, const char *qty, const char *unit, const char *price, const char *net,
                     const char *rate)
{
    InvoiceLine line;
    line.id = QString::fromLatin1(id);
    line.quantity = D(qty);
    line.unitCode = QString::fromLatin1(unit);
    line.netPrice = D(price);
    line.netAmount = D(net);
    line.vatCategory = QStringLiteral("S");
    line.vatRate = D(rate);
    line.itemName = QStringLiteral("Item %1").arg(QLatin1String(id));
    return line;
}

VatBreakdown makeBreakdown(const char *category, const char *taxable, const char *tax,
                           std::optional<const char *> rate)
{
    VatBreakdown b;
    b.category = QString::fromLatin1(category);
    b.taxableAmount = D(taxable);
    b.taxAmount = D(tax);
    if (rate)
        b.rate = D(*rate);
    return b;
}

/// A valid Peppol BIS 3 invoice: Swedish seller (valid org no. and VAT id), Norwegian buyer,
/// two standard-rated lines at 25 % and 12 %.
Invoice validInvoice()
{
    Invoice inv;
    inv.customizationId = QString::fromLatin1(kPeppolCustomizationId);
    inv.profileId = QString::fromLatin1(kPeppolProfileId);
    inv.number = QStringLiteral("INV-2024-001");
    inv.issueDate = QDate(2024, 3, 1);
    inv.dueDate = QDate(2024, 3, 31);
    inv.typeCode = QStringLiteral("380");
    inv.currency = QStringLiteral("SEK");
    inv.buyerReference = QStringLiteral("REF-4711");

    inv.seller.name = QStringLiteral("Säljare AB");
    inv.seller.vatId = QStringLiteral("SE556036079301");
    inv.seller.taxRegistrationId = QStringLiteral("Godkänd för F-skatt");
    inv.seller.legalRegistration = {QStringLiteral("5560360793"), QStringLiteral("0007")};
    inv.seller.electronicAddress = {QStringLiteral("5560360793"), QStringLiteral("0007")};
    inv.seller.address.line1 = QStringLiteral("Storgatan 1");
    inv.seller.address.city = QStringLiteral("Stockholm");
    inv.seller.address.postCode = QStringLiteral("11122");
    inv.seller.address.countryCode = QStringLiteral("SE");

    inv.buyer.name = QStringLiteral("Kjøper AS");
    inv.buyer.legalRegistration = {QStringLiteral("987654325"), QStringLiteral("0192")};
    inv.buyer.electronicAddress = {QStringLiteral("987654325"), QStringLiteral("0192")};
    inv.buyer.address.line1 = QStringLiteral("Storgata 2");
    inv.buyer.address.city = QStringLiteral("Oslo");
    inv.buyer.address.postCode = QStringLiteral("0155");
    inv.buyer.address.countryCode = QStringLiteral("NO");

    PaymentMeans pm;
    pm.typeCode = QStringLiteral("30");
    pm.remittanceInfo = QStringLiteral("INV-2024-001");
    pm.creditTransfers.append({QStringLiteral("SE4550000000058398257466"), QString(), QString()});
    inv.paymentMeans.append(pm);

    inv.lines.append(makeLine("1", "10", "C62", "100.00", "1000.00", "25"));
    inv.lines.append(makeLine("2", "5", "KGM", "50.00", "250.00", "12"));

    inv.vatBreakdown.append(makeBreakdown("S", "1000.00", "250.00", "25"));
    inv.vatBreakdown.append(makeBreakdown("S", "250.00", "30.00", "12"));

    inv.totals.lineNetTotal = D("1250.00");
    inv.totals.taxExclusive = D("1250.00");
    inv.totals.vatTotal = D("280.00");
    inv.totals.taxInclusive = D("1530.00");
    inv.totals.payable = D("1530.00");
    return inv;
}

/// Turns the valid invoice into one with a single exempt (E) or not-subject (O) line.
void makeSingleCategory(Invoice &inv, const char *category)
{
    inv.lines.removeLast();
    inv.lines[0].vatCategory = QString::fromLatin1(category);
    if (QLatin1String(category) == QLatin1String("O"))
        inv.lines[0].vatRate.reset();
    else
        inv.lines[0].vatRate = D("0");
    inv.vatBreakdown = {makeBreakdown(category, "1000.00", "0.00", std::nullopt)};
    if (QLatin1String(category) != QLatin1String("O"))
        inv.vatBreakdown[0].rate = D("0");
    inv.vatBreakdown[0].exemptionReasonCode = QLatin1String(category) == QLatin1String("O")
                                                  ? QStringLiteral("VATEX-EU-O")
                                                  : QStringLiteral("VATEX-EU-F");
    inv.totals.lineNetTotal = D("1000.00");
    inv.totals.taxExclusive = D("1000.00");
    inv.totals.vatTotal = D("0.00");
    inv.totals.taxInclusive = D("1000.00");
    inv.totals.payable = D("1000.00");
}

QStringList fatalIds(const QList<RuleFailure> &failures)
{
    QStringList ids;
    for (const RuleFailure &f : failures) {
        if (f.fatal)
            ids << f.ruleId;
    }
    return ids;
}

QString describe(const QList<RuleFailure> &failures)
{
    QStringList out;
    for (const RuleFailure &f : failures)
        out << QStringLiteral("%1%2 [%3] %4")
                   .arg(f.ruleId, f.fatal ? QString() : QStringLiteral("(warning)"), f.location, f.message);
    return out.join(QLatin1Char('\n'));
}

const RuleFailure *find(const QList<RuleFailure> &failures, const QString &id)
{
    for (const RuleFailure &f : failures) {
        if (f.ruleId == id)
            return &f;
    }
    return nullptr;
}

struct BreakCase
{
    const char *name;
    std::function<void(Invoice &)> breakIt;
    std::vector<const char *> expected; // every id must appear
    bool fatal = true;
    Syntax syntax = Syntax::Ubl;
};

std::vector<BreakCase> breakCases()
{
    return {
        {"NoCustomizationId",
         [](Invoice &i) { i.customizationId.clear(); },
         {"BR-01", "PEPPOL-EN16931-R004"}},
        {"NoNumber", [](Invoice &i) { i.number.clear(); }, {"BR-02"}},
        {"NoIssueDate", [](Invoice &i) { i.issueDate = QDate(); }, {"BR-03"}},
        {"NoTypeCode", [](Invoice &i) { i.typeCode.clear(); }, {"BR-04"}},
        {"NoCurrency", [](Invoice &i) { i.currency.clear(); }, {"BR-05"}},
        {"NoSellerName", [](Invoice &i) { i.seller.name.clear(); }, {"BR-06"}},
        {"NoBuyerName", [](Invoice &i) { i.buyer.name.clear(); }, {"BR-07"}},
        {"NoSellerAddress", [](Invoice &i) { i.seller.address = Address(); }, {"BR-08"}},
        {"NoSellerCountry", [](Invoice &i) { i.seller.address.countryCode.clear(); }, {"BR-09"}},
        {"NoBuyerCountry", [](Invoice &i) { i.buyer.address.countryCode.clear(); }, {"BR-11"}},
        {"NoLines", [](Invoice &i) { i.lines.clear(); }, {"BR-16"}},
        {"PayeeWithoutName", [](Invoice &i) { i.payee.vatId = QStringLiteral("SE556036079301"); }, {"BR-17"}},
        {"TaxRepWithoutNameAddressVat",
         [](Invoice &i) {
             i.taxRepresentative.name = QString();
             i.taxRepresentative.tradingName = QStringLiteral("Rep");
         },
         {"BR-18", "BR-19", "BR-56"}},
        {"LineWithoutId", [](Invoice &i) { i.lines[0].id.clear(); }, {"BR-21"}},
        {"LineWithoutUnit", [](Invoice &i) { i.lines[0].unitCode.clear(); }, {"BR-23"}},
        {"LineWithoutItemName", [](Invoice &i) { i.lines[0].itemName.clear(); }, {"BR-25"}},
        {"NegativeNetPrice", [](Invoice &i) { i.lines[0].netPrice = D("-100.00"); }, {"BR-27"}},
        {"NegativeGrossPrice", [](Invoice &i) { i.lines[0].grossPrice = D("-1"); }, {"BR-28"}},
        {"PeriodEndBeforeStart",
         [](Invoice &i) {
             i.invoicePeriod.start = QDate(2024, 3, 31);
             i.invoicePeriod.end = QDate(2024, 3, 1);
         },
         {"BR-29"}},
        {"LinePeriodEndBeforeStart",
         [](Invoice &i) {
             i.lines[1].period.start = QDate(2024, 3, 31);
             i.lines[1].period.end = QDate(2024, 3, 1);
         },
         {"BR-30"}},
        {"AllowanceWithoutCategoryAndReason",
         [](Invoice &i) {
             AllowanceCharge ac;
             ac.amount = D("0.00");
             i.allowanceCharges.append(ac);
             i.totals.allowanceTotal = D("0.00");
         },
         {"BR-32", "BR-33", "BR-CO-21"}},
        {"ChargeWithoutCategoryAndReason",
         [](Invoice &i) {
             AllowanceCharge ac;
             ac.isCharge = true;
             ac.amount = D("0.00");
             i.allowanceCharges.append(ac);
             i.totals.chargeTotal = D("0.00");
         },
         {"BR-37", "BR-38", "BR-CO-22"}},
        {"LineAllowanceWithoutReason",
         [](Invoice &i) {
             AllowanceCharge ac;
             ac.amount = D("0.00");
             i.lines[0].allowanceCharges.append(ac);
         },
         {"BR-42", "BR-CO-23"}},
        {"BreakdownWithoutRate", [](Invoice &i) { i.vatBreakdown[1].rate.reset(); }, {"BR-48"}},
        {"PaymentMeansWithoutCode", [](Invoice &i) { i.paymentMeans[0].typeCode.clear(); }, {"BR-49"}},
        {"CreditTransferWithoutAccount",
         [](Invoice &i) { i.paymentMeans[0].creditTransfers[0].accountId.clear(); },
         {"BR-50", "BR-61"}},
        {"AttachmentWithoutId",
         [](Invoice &i) {
             Attachment a;
             a.description = QStringLiteral("Timesheet");
             i.attachments.append(a);
         },
         {"BR-52"}},
        {"VatCurrencyWithoutTotal",
         [](Invoice &i) { i.vatCurrency = QStringLiteral("EUR"); },
         {"BR-53", "PEPPOL-EN16931-R054"}},
        {"AttributeWithoutValue",
         [](Invoice &i) {
             i.lines[0].attributes.append({QStringLiteral("Colour"), QString()});
         },
         {"BR-54"}},
        {"PrecedingWithoutNumber",
         [](Invoice &i) {
             i.precedingInvoices.append({QString(), QDate(2024, 1, 1)});
         },
         {"BR-55"}},
        {"SellerEndpointWithoutScheme",
         [](Invoice &i) { i.seller.electronicAddress.scheme.clear(); },
         {"BR-62"}},
        {"BuyerEndpointWithoutScheme",
         [](Invoice &i) { i.buyer.electronicAddress.scheme.clear(); },
         {"BR-63"}},
        {"StandardItemIdWithoutScheme",
         [](Invoice &i) { i.lines[0].standardItemId.id = QStringLiteral("7300010000001"); },
         {"BR-64"}},
        {"ClassificationWithoutList",
         [](Invoice &i) {
             i.lines[0].classifications.append({QStringLiteral("12345678"), QString(), QString()});
         },
         {"BR-65"}},
        {"VatPointDateAndCode",
         [](Invoice &i) {
             i.taxPointDate = QDate(2024, 3, 1);
             i.taxPointDateCode = QStringLiteral("3");
         },
         {"BR-CO-03"}},
        {"LineWithoutCategory", [](Invoice &i) { i.lines[0].vatCategory.clear(); }, {"BR-CO-04"}},
        {"VatIdWithoutCountry",
         [](Invoice &i) { i.seller.vatId = QStringLiteral("556036079301"); },
         {"BR-CO-09"}},
        {"LineTotalWrong",
         [](Invoice &i) { i.totals.lineNetTotal = D("1251.00"); },
         {"BR-CO-10", "BR-CO-13"}},
        {"AllowanceTotalWrong",
         [](Invoice &i) {
             AllowanceCharge ac;
             ac.amount = D("10.00");
             ac.vatCategory = QStringLiteral("S");
             ac.vatRate = D("25");
             ac.reasonCode = QStringLiteral("95");
             i.allowanceCharges.append(ac);
             i.totals.allowanceTotal = D("5.00");
         },
         {"BR-CO-11"}},
        {"ChargeTotalMissing",
         [](Invoice &i) {
             AllowanceCharge ac;
             ac.isCharge = true;
             ac.amount = D("10.00");
             ac.vatCategory = QStringLiteral("S");
             ac.vatRate = D("25");
             ac.reason = QStringLiteral("Freight");
             i.allowanceCharges.append(ac);
         },
         {"BR-CO-12"}},
        {"TaxExclusiveWrong",
         [](Invoice &i) { i.totals.taxExclusive = D("1200.00"); },
         {"BR-CO-13", "BR-CO-15"}},
        {"VatTotalWrong", [](Invoice &i) { i.totals.vatTotal = D("281.00"); }, {"BR-CO-14", "BR-CO-15"}},
        {"TaxInclusiveWrong",
         [](Invoice &i) { i.totals.taxInclusive = D("1537.50"); },
         {"BR-CO-15", "BR-CO-16"}},
        {"PayableWrong", [](Invoice &i) { i.totals.payable = D("1500.00"); }, {"BR-CO-16"}},
        {"VatAmountWrong",
         [](Invoice &i) {
             i.vatBreakdown[0].taxAmount = D("260.00");
             i.totals.vatTotal = D("290.00");
             i.totals.taxInclusive = D("1540.00");
             i.totals.payable = D("1540.00");
         },
         {"BR-CO-17", "BR-S-09"}},
        {"NoVatBreakdown",
         [](Invoice &i) { i.vatBreakdown.clear(); },
         {"BR-CO-18", "BR-S-01", "PEPPOL-EN16931-R053"}},
        {"LinePeriodOnlyCode",
         [](Invoice &i) { i.lines[0].period.descriptionCode = QStringLiteral("3"); },
         {"BR-CO-20"}},
        {"PositiveDueWithoutTerms", [](Invoice &i) { i.dueDate = QDate(); }, {"BR-CO-25"}},
        {"NoSellerIdentifiers",
         [](Invoice &i) {
             i.seller.vatId.clear();
             i.seller.legalRegistration = Identifier();
         },
         {"BR-CO-26"}},
        {"ThreeDecimalsLineNet", [](Invoice &i) { i.lines[0].netAmount = D("1000.000"); }, {"BR-DEC-23"}},
        {"ThreeDecimalsPayable", [](Invoice &i) { i.totals.payable = D("1530.000"); }, {"BR-DEC-18"}},
        {"ThreeDecimalsTaxable",
         [](Invoice &i) { i.vatBreakdown[0].taxableAmount = D("1000.000"); },
         {"BR-DEC-19"}},
        {"ZeroRateOnStandardLine", [](Invoice &i) { i.lines[1].vatRate = D("0"); }, {"BR-S-05"}},
        {"StandardWithoutSellerVat",
         [](Invoice &i) {
             i.seller.vatId.clear();
             i.seller.taxRegistrationId.clear();
         },
         {"BR-S-02"}},
        {"StandardTaxableWrong",
         [](Invoice &i) {
             i.vatBreakdown[1].taxableAmount = D("260.00");
             i.vatBreakdown[1].taxAmount = D("31.20");
         },
         {"BR-S-08"}},
        {"StandardWithExemption",
         [](Invoice &i) { i.vatBreakdown[0].exemptionReason = QStringLiteral("Exempt"); },
         {"BR-S-10"}},
        {"ExemptWithoutReason",
         [](Invoice &i) {
             makeSingleCategory(i, "E");
             i.vatBreakdown[0].exemptionReasonCode.clear();
         },
         {"BR-E-10"}},
        {"ExemptWithRate",
         [](Invoice &i) {
             makeSingleCategory(i, "E");
             i.lines[0].vatRate = D("25");
         },
         {"BR-E-05"}},
        {"ExemptWithTax",
         [](Invoice &i) {
             makeSingleCategory(i, "E");
             i.vatBreakdown[0].taxAmount = D("1.00");
             i.totals.vatTotal = D("1.00");
             i.totals.taxInclusive = D("1001.00");
             i.totals.payable = D("1001.00");
         },
         {"BR-E-09"}},
        {"ExemptTwoGroups",
         [](Invoice &i) {
             makeSingleCategory(i, "E");
             i.vatBreakdown.append(i.vatBreakdown[0]);
             i.vatBreakdown[1].taxableAmount = D("0.00");
         },
         {"BR-E-01"}},
        {"OutsideScopeMixedWithStandard",
         [](Invoice &i) { i.vatBreakdown.append(makeBreakdown("O", "0.00", "0.00", std::nullopt)); },
         {"BR-O-11", "BR-O-12", "BR-O-10"}},
        {"OutsideScopeWithVatIds", [](Invoice &i) { makeSingleCategory(i, "O"); }, {"BR-O-02"}},
        {"ZeroRatedWithRate",
         [](Invoice &i) {
             makeSingleCategory(i, "Z");
             i.vatBreakdown[0].exemptionReasonCode.clear();
             i.lines[0].vatRate = D("5");
         },
         {"BR-Z-05"}},
        {"ReverseChargeWithoutBuyerVat",
         [](Invoice &i) {
             makeSingleCategory(i, "AE");
             i.vatBreakdown[0].exemptionReasonCode = QStringLiteral("VATEX-EU-AE");
             i.buyer.legalRegistration = Identifier();
         },
         {"BR-AE-02"}},
        {"IntraCommunityWithoutDelivery",
         [](Invoice &i) {
             makeSingleCategory(i, "K");
             i.vatBreakdown[0].exemptionReasonCode = QStringLiteral("VATEX-EU-IC");
         },
         {"BR-IC-02", "BR-IC-11", "BR-IC-12"}},
        {"SplitPaymentOutsideItaly",
         [](Invoice &i) { i.lines[0].vatCategory = QStringLiteral("B"); },
         {"BR-B-01", "BR-B-02"}},
        {"InvalidTypeCode", [](Invoice &i) { i.typeCode = QStringLiteral("999"); }, {"BR-CL-01"}},
        {"InvalidCurrency",
         [](Invoice &i) { i.currency = QStringLiteral("XYZ"); },
         {"BR-CL-04", "BR-CL-03", "PEPPOL-EN16931-CL007"}},
        {"InvalidVatCurrency",
         [](Invoice &i) {
             i.vatCurrency = QStringLiteral("ABC");
             i.totals.vatTotalAccounting = D("25.00");
         },
         {"BR-CL-05"}},
        {"InvalidVatPointCode", [](Invoice &i) { i.taxPointDateCode = QStringLiteral("7"); }, {"BR-CL-06"}},
        {"InvalidPartyIdScheme",
         [](Invoice &i) {
             i.buyer.identifiers.append({QStringLiteral("1"), QStringLiteral("ZZZ")});
         },
         {"BR-CL-10"}},
        {"InvalidLegalScheme",
         [](Invoice &i) { i.buyer.legalRegistration.scheme = QStringLiteral("9999"); },
         {"BR-CL-11"}},
        {"InvalidClassificationList",
         [](Invoice &i) {
             i.lines[0].classifications.append({QStringLiteral("1"), QStringLiteral("QQQ"), QString()});
         },
         {"BR-CL-13"}},
        {"InvalidCountry",
         [](Invoice &i) { i.buyer.address.countryCode = QStringLiteral("XX"); },
         {"BR-CL-14"}},
        {"InvalidOriginCountry",
         [](Invoice &i) { i.lines[0].originCountry = QStringLiteral("ZZ"); },
         {"BR-CL-15"}},
        {"InvalidPaymentMeans",
         [](Invoice &i) { i.paymentMeans[0].typeCode = QStringLiteral("99"); },
         {"BR-CL-16"}},
        {"InvalidBreakdownCategory",
         [](Invoice &i) { i.vatBreakdown[0].category = QStringLiteral("X"); },
         {"BR-CL-17"}},
        {"InvalidLineCategory",
         [](Invoice &i) { i.lines[0].vatCategory = QStringLiteral("Q"); },
         {"BR-CL-18"}},
        {"InvalidAllowanceReason",
         [](Invoice &i) {
             AllowanceCharge ac;
             ac.amount = D("0.00");
             ac.vatCategory = QStringLiteral("S");
             ac.vatRate = D("25");
             ac.reasonCode = QStringLiteral("1");
             i.allowanceCharges.append(ac);
             i.totals.allowanceTotal = D("0.00");
         },
         {"BR-CL-19", "PEPPOL-EN16931-CL002"}},
        {"InvalidChargeReason",
         [](Invoice &i) {
             AllowanceCharge ac;
             ac.isCharge = true;
             ac.amount = D("0.00");
             ac.vatCategory = QStringLiteral("S");
             ac.vatRate = D("25");
             ac.reasonCode = QStringLiteral("QQQ");
             i.allowanceCharges.append(ac);
             i.totals.chargeTotal = D("0.00");
         },
         {"BR-CL-20", "PEPPOL-EN16931-CL003"}},
        {"InvalidItemIdScheme",
         [](Invoice &i) {
             i.lines[0].standardItemId = {QStringLiteral("1"), QStringLiteral("GTIN")};
         },
         {"BR-CL-21"}},
        {"InvalidVatex",
         [](Invoice &i) {
             makeSingleCategory(i, "E");
             i.vatBreakdown[0].exemptionReasonCode = QStringLiteral("VATEX-EU-XYZ");
         },
         {"BR-CL-22"}},
        {"InvalidUnitCode", [](Invoice &i) { i.lines[1].unitCode = QStringLiteral("PCS"); }, {"BR-CL-23"}},
        {"InvalidMimeCode",
         [](Invoice &i) {
             Attachment a;
             a.id = QStringLiteral("A1");
             a.mimeCode = QStringLiteral("application/zip");
             a.filename = QStringLiteral("a.zip");
             a.content = QByteArray("PK");
             i.attachments.append(a);
         },
         {"BR-CL-24", "PEPPOL-EN16931-CL001"}},
        {"InvalidEas",
         [](Invoice &i) { i.buyer.electronicAddress.scheme = QStringLiteral("1234"); },
         {"BR-CL-25", "PEPPOL-EN16931-CL008"}},
        {"CenOnlyEas",
         [](Invoice &i) { i.buyer.electronicAddress.scheme = QStringLiteral("EM"); },
         {"PEPPOL-EN16931-CL008"}},
        {"InvalidDeliveryLocationScheme",
         [](Invoice &i) {
             i.delivery.locationId = {QStringLiteral("1"), QStringLiteral("X1")};
         },
         {"BR-CL-26"}},
        {"NoProfile", [](Invoice &i) { i.profileId.clear(); }, {"PEPPOL-EN16931-R001"}},
        {"TwoNotes",
         [](Invoice &i) {
             i.notes.append({QString(), QStringLiteral("a")});
             i.notes.append({QString(), QStringLiteral("b")});
         },
         {"PEPPOL-EN16931-R002"}},
        {"NoBuyerReference", [](Invoice &i) { i.buyerReference.clear(); }, {"PEPPOL-EN16931-R003"}},
        {"SameVatCurrency",
         [](Invoice &i) {
             i.vatCurrency = QStringLiteral("SEK");
             i.totals.vatTotalAccounting = D("280.00");
         },
         {"PEPPOL-EN16931-R005"}},
        {"BadProfileFormat",
         [](Invoice &i) { i.profileId = QStringLiteral("urn:example:profile"); },
         {"PEPPOL-EN16931-R007"}},
        {"NoBuyerEndpoint",
         [](Invoice &i) { i.buyer.electronicAddress = Identifier(); },
         {"PEPPOL-EN16931-R010"}},
        {"NoSellerEndpoint",
         [](Invoice &i) { i.seller.electronicAddress = Identifier(); },
         {"PEPPOL-EN16931-R020"}},
        {"AllowancePercentageMismatch",
         [](Invoice &i) {
             AllowanceCharge ac;
             ac.amount = D("20.00");
             ac.baseAmount = D("1000.00");
             ac.percentage = D("1");
             ac.vatCategory = QStringLiteral("S");
             ac.vatRate = D("25");
             ac.reasonCode = QStringLiteral("95");
             i.lines[0].allowanceCharges.append(ac);
         },
         {"PEPPOL-EN16931-R040"}},
        {"PercentageWithoutBase",
         [](Invoice &i) {
             AllowanceCharge ac;
             ac.amount = D("0.00");
             ac.percentage = D("1");
             ac.reasonCode = QStringLiteral("95");
             i.lines[0].allowanceCharges.append(ac);
         },
         {"PEPPOL-EN16931-R041"}},
        {"BaseWithoutPercentage",
         [](Invoice &i) {
             AllowanceCharge ac;
             ac.amount = D("0.00");
             ac.baseAmount = D("100.00");
             ac.reasonCode = QStringLiteral("95");
             i.lines[0].allowanceCharges.append(ac);
         },
         {"PEPPOL-EN16931-R042"}},
        {"GrossMinusDiscountWrong",
         [](Invoice &i) {
             i.lines[0].grossPrice = D("110.00");
             i.lines[0].priceDiscount = D("5.00");
         },
         {"PEPPOL-EN16931-R046"}},
        {"AccountingVatSignDiffers",
         [](Invoice &i) {
             i.vatCurrency = QStringLiteral("EUR");
             i.totals.vatTotalAccounting = D("-25.00");
         },
         {"PEPPOL-EN16931-R055"}},
        {"DirectDebitWithoutMandate",
         [](Invoice &i) { i.paymentMeans[0].typeCode = QStringLiteral("59"); },
         {"PEPPOL-EN16931-R061"}},
        {"LinePeriodOutsideInvoicePeriod",
         [](Invoice &i) {
             i.invoicePeriod.start = QDate(2024, 2, 1);
             i.invoicePeriod.end = QDate(2024, 2, 29);
             i.lines[0].period.start = QDate(2024, 1, 15);
             i.lines[0].period.end = QDate(2024, 3, 15);
         },
         {"PEPPOL-EN16931-R110", "PEPPOL-EN16931-R111"}},
        {"LineNetNotQuantityTimesPrice",
         [](Invoice &i) { i.lines[0].netPrice = D("99.00"); },
         {"PEPPOL-EN16931-R120"}},
        {"BaseQuantityZero", [](Invoice &i) { i.lines[0].baseQuantity = D("0"); }, {"PEPPOL-EN16931-R121"}},
        {"BaseQuantityUnitDiffers",
         [](Invoice &i) { i.lines[0].baseQuantityUnit = QStringLiteral("KGM"); },
         {"PEPPOL-EN16931-R130"}},
        {"TypeCodeNotInProfile",
         [](Invoice &i) { i.typeCode = QStringLiteral("389"); },
         {"PEPPOL-EN16931-P0100"}},
        {"CreditNoteTypeNotInProfile",
         [](Invoice &i) {
             i.kind = DocumentKind::CreditNote;
             i.typeCode = QStringLiteral("261");
         },
         {"PEPPOL-EN16931-P0101"}},
        {"ExemptionCodeWrongCategory",
         [](Invoice &i) {
             makeSingleCategory(i, "E");
             i.vatBreakdown[0].exemptionReasonCode = QStringLiteral("VATEX-EU-G");
         },
         {"PEPPOL-EN16931-P0104"}},
        {"GermanTypeCodeOutsideGermany",
         [](Invoice &i) { i.typeCode = QStringLiteral("326"); },
         {"PEPPOL-EN16931-P0112"}},
        {"InvalidGln",
         [](Invoice &i) {
             i.buyer.identifiers.append({QStringLiteral("7300010000002"), QStringLiteral("0088")});
         },
         {"PEPPOL-COMMON-R040"}},
        {"InvalidNorwegianOrgNo",
         [](Invoice &i) { i.buyer.electronicAddress.id = QStringLiteral("987654321"); },
         {"PEPPOL-COMMON-R041"}},
        {"InvalidDanishCvr",
         [](Invoice &i) {
             i.buyer.legalRegistration = {QStringLiteral("DK1234"), QStringLiteral("0184")};
         },
         {"PEPPOL-COMMON-R042"}},
        {"InvalidBelgianNumber",
         [](Invoice &i) {
             i.buyer.legalRegistration = {QStringLiteral("0123456788"), QStringLiteral("0208")};
         },
         {"PEPPOL-COMMON-R043"}},
        {"InvalidSwedishOrgNo",
         [](Invoice &i) {
             i.seller.legalRegistration.id = QStringLiteral("5560360794");
             i.seller.electronicAddress.id = QStringLiteral("5560360794");
         },
         {"PEPPOL-COMMON-R049", "SE-R-013"}},
        {"SwedishVatWrongLength",
         [](Invoice &i) { i.seller.vatId = QStringLiteral("SE5560360793"); },
         {"SE-R-001"}},
        {"SwedishOrgNoNotNumeric",
         [](Invoice &i) {
             i.seller.legalRegistration = {QStringLiteral("556036-0793"), QString()};
         },
         {"SE-R-003", "SE-R-004"}},
        {"SwedishFSkattWrong",
         [](Invoice &i) { i.seller.taxRegistrationId = QStringLiteral("F-skatt"); },
         {"SE-R-005"}},
        {"SwedishRateInvalid",
         [](Invoice &i) {
             i.lines[1].vatRate = D("13");
             i.vatBreakdown[1].rate = D("13");
             i.vatBreakdown[1].taxAmount = D("32.50");
             i.totals.vatTotal = D("282.50");
             i.totals.taxInclusive = D("1532.50");
             i.totals.payable = D("1532.50");
         },
         {"SE-R-006"}},
        {"SwedishBankgiroTooShort",
         [](Invoice &i) {
             i.paymentMeans[0].creditTransfers[0] = {QStringLiteral("12345"), QString(),
                                                     QStringLiteral("SE:BANKGIRO")};
         },
         {"SE-R-009"},
         false},
        {"NorwegianSellerVatWrong",
         [](Invoice &i) {
             std::swap(i.seller, i.buyer);
             i.seller.vatId = QStringLiteral("NO987654325");
             i.vatBreakdown.clear();
         },
         {"NO-R-001"}},
        {"DanishSellerWithoutCvr",
         [](Invoice &i) {
             i.seller.vatId = QStringLiteral("DK12345678");
             i.seller.legalRegistration = Identifier();
         },
         {"DK-R-002"}},
        {"DanishSellerPaymentMeansNotAllowed",
         [](Invoice &i) {
             i.seller.vatId = QStringLiteral("DK12345678");
             i.seller.legalRegistration = {QStringLiteral("12345678"), QStringLiteral("0184")};
         },
         {"DK-R-005"}},
        {"DutchSellerLegalScheme",
         [](Invoice &i) { i.seller.vatId = QStringLiteral("NL123456789B01"); },
         {"NL-R-003"}},
        {"GermanPartiesWithoutContact",
         [](Invoice &i) {
             i.seller.vatId = QStringLiteral("DE123456789");
             i.buyer.address.countryCode = QStringLiteral("DE");
         },
         {"DE-R-002", "DE-R-005", "DE-R-006", "DE-R-007"}},
        {"CardNumberNotMaskedUbl",
         [](Invoice &i) { i.paymentMeans[0].card.primaryAccountNumber = QStringLiteral("4111111111111111"); },
         {"BR-51"},
         false},
    };
}

} // namespace

TEST(ValidatorTest, ValidInvoiceHasNoFailure)
{
    const QList<RuleFailure> failures = Validator::validate(validInvoice());
    EXPECT_TRUE(failures.isEmpty()) << describe(failures).toStdString();
}

TEST(ValidatorTest, ValidInvoiceHasNoFailureWithoutPeppol)
{
    const QList<RuleFailure> failures = Validator::validate(validInvoice(), {false, Syntax::Cii});
    EXPECT_TRUE(failures.isEmpty()) << describe(failures).toStdString();
}

TEST(ValidatorTest, EveryBrokenPropertyRaisesItsRule)
{
    const auto cases = breakCases();
    EXPECT_GE(cases.size(), 40u);
    for (const BreakCase &c : cases) {
        Invoice inv = validInvoice();
        c.breakIt(inv);
        const QList<RuleFailure> failures = Validator::validate(inv, {true, c.syntax});
        for (const char *id : c.expected) {
            const RuleFailure *f = find(failures, QString::fromLatin1(id));
            EXPECT_NE(f, nullptr) << c.name << ": expected " << id << ", got:\n"
                                  << describe(failures).toStdString();
            if (!f)
                continue;
            EXPECT_EQ(f->fatal, c.fatal) << c.name << ": " << id;
            EXPECT_FALSE(f->message.isEmpty()) << c.name << ": " << id;
        }
    }
}

TEST(ValidatorTest, TotalMessageShowsExpectedAndFound)
{
    Invoice inv = validInvoice();
    inv.totals.taxInclusive = D("1540.00");
    inv.totals.payable = D("1540.00");
    const QList<RuleFailure> failures = Validator::validate(inv);
    const RuleFailure *f = find(failures, QStringLiteral("BR-CO-15"));
    ASSERT_NE(f, nullptr);
    EXPECT_EQ(f->message.toStdString(),
              "BT-112 total with VAT 1540.00 should be 1530.00 (= BT-109 1250.00 + BT-110 280.00).");
    EXPECT_EQ(fatalIds(failures), QStringList{QStringLiteral("BR-CO-15")})
        << describe(failures).toStdString();
}

TEST(ValidatorTest, LineRulesNameTheLine)
{
    Invoice inv = validInvoice();
    inv.lines[1].vatRate = D("0");
    const QList<RuleFailure> failures = Validator::validate(inv);
    const RuleFailure *f = find(failures, QStringLiteral("BR-S-05"));
    ASSERT_NE(f, nullptr);
    EXPECT_EQ(f->location, QStringLiteral("line 2"));
    EXPECT_TRUE(f->message.contains(QLatin1String("BT-152"))) << f->message.toStdString();
}

TEST(ValidatorTest, CardMaskingIsFatalOnlyInCii)
{
    Invoice inv = validInvoice();
    inv.paymentMeans[0].card.primaryAccountNumber = QStringLiteral("4111111111111111");
    const RuleFailure *ubl = nullptr;
    const auto ublFailures = Validator::validate(inv, {false, Syntax::Ubl});
    ubl = find(ublFailures, QStringLiteral("BR-51"));
    ASSERT_NE(ubl, nullptr);
    EXPECT_FALSE(ubl->fatal);
    const auto ciiFailures = Validator::validate(inv, {false, Syntax::Cii});
    const RuleFailure *cii = find(ciiFailures, QStringLiteral("BR-51"));
    ASSERT_NE(cii, nullptr);
    EXPECT_TRUE(cii->fatal);
}

TEST(ValidatorTest, PeppolRulesOffWithoutPeppolOption)
{
    Invoice inv = validInvoice();
    inv.profileId.clear();
    inv.buyer.electronicAddress = Identifier();
    const QList<RuleFailure> failures = Validator::validate(inv, {false, Syntax::Cii});
    EXPECT_TRUE(failures.isEmpty()) << describe(failures).toStdString();
}

TEST(ValidatorTest, RoundingWithinToleranceIsAccepted)
{
    // A VAT amount 0.50 off the exact 250.00 is still within the one-unit tolerance of BR-CO-17/BR-S-09.
    Invoice inv = validInvoice();
    inv.vatBreakdown[0].taxAmount = D("250.50");
    inv.totals.vatTotal = D("280.50");
    inv.totals.taxInclusive = D("1530.50");
    inv.totals.payable = D("1530.50");
    const QList<RuleFailure> failures = Validator::validate(inv);
    EXPECT_TRUE(fatalIds(failures).isEmpty()) << describe(failures).toStdString();
}

TEST(ValidatorTest, HasFatalIgnoresWarnings)
{
    EXPECT_FALSE(Validator::hasFatal({}));
    EXPECT_FALSE(
        Validator::hasFatal({RuleFailure{QStringLiteral("SE-R-012"), false, QStringLiteral("w"), {}}}));
    EXPECT_TRUE(Validator::hasFatal({RuleFailure{QStringLiteral("BR-01"), true, QStringLiteral("f"), {}}}));
}

static void expectExamplesValid(const QStringList &files, const Validator::Options &options)
{
    ASSERT_FALSE(files.isEmpty());
    for (const QString &path : files) {
        const XmlReadResult read = EInvoiceXml::readFile(path);
        ASSERT_TRUE(read.ok()) << path.toStdString() << ": " << read.error.toStdString();
        const QList<RuleFailure> failures = Validator::validate(*read.invoice, options);
        EXPECT_TRUE(fatalIds(failures).isEmpty()) << QFileInfo(path).fileName().toStdString() << ":\n"
                                                  << describe(failures).toStdString();
    }
}

TEST(ValidatorTest, OfficialUblExamplesHaveNoFatal)
{
    expectExamplesValid(test::ublExamples(), {true, Syntax::Ubl});
}

TEST(ValidatorTest, OfficialCiiExamplesHaveNoFatal)
{
    expectExamplesValid(test::ciiExamples(), {false, Syntax::Cii});
}

TEST(ValidatorTest, BrokenOfficialExampleIsCaught)
{
    // Guards against the example test passing only because the reader left fields empty.
    const QString path = test::referenceDir() +
                         QStringLiteral("/examples/ubl-peppol-bis3/peppol-bis-invoice-3/base-example.xml");
    const XmlReadResult read = EInvoiceXml::readFile(path);
    ASSERT_TRUE(read.ok()) << read.error.toStdString();
    Invoice inv = *read.invoice;
    inv.totals.taxInclusive += Decimal(1);
    inv.buyer.electronicAddress = Identifier();
    inv.lines[0].unitCode = QStringLiteral("PCS");
    const QStringList ids = fatalIds(Validator::validate(inv, {true, Syntax::Ubl}));
    EXPECT_TRUE(ids.contains(QStringLiteral("BR-CO-15"))) << ids.join(QLatin1Char(' ')).toStdString();
    EXPECT_TRUE(ids.contains(QStringLiteral("PEPPOL-EN16931-R010")))
        << ids.join(QLatin1Char(' ')).toStdString();
    EXPECT_TRUE(ids.contains(QStringLiteral("BR-CL-23"))) << ids.join(QLatin1Char(' ')).toStdString();
}
