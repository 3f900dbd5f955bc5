// EN 16931 structure and cardinality rules (BR-01..BR-65), the non-calculation BR-CO rules and
// the BR-DEC decimal rules. Rules about mandatory amounts (BR-12..15, BR-22, BR-24, BR-26,
// BR-31, BR-36, BR-41, BR-43, BR-45, BR-46) cannot fail on the model: its amounts are never
// absent (Decimal defaults to zero); the readers report a missing amount instead.

#include "identifiers.h"
#include "validator_internal.h"

namespace einvoice::validation {

namespace {

bool hasReason(const AllowanceCharge &ac)
{
    return !ac.reason.trimmed().isEmpty() || !ac.reasonCode.trimmed().isEmpty();
}

/// BT-8: the model has it twice (document field and UBL InvoicePeriod/DescriptionCode).
QString vatPointDateCode(const Invoice &inv)
{
    return inv.taxPointDateCode.isEmpty() ? inv.invoicePeriod.descriptionCode : inv.taxPointDateCode;
}

void checkParties(const Invoice &inv, Report &r)
{
    if (inv.seller.name.trimmed().isEmpty())
        r.fatal("BR-06", Tr::tr("The seller name (BT-27) is missing."));
    if (inv.buyer.name.trimmed().isEmpty())
        r.fatal("BR-07", Tr::tr("The buyer name (BT-44) is missing."));
    if (inv.seller.address.isEmpty())
        r.fatal("BR-08", Tr::tr("The seller postal address (BG-5) is missing."));
    else if (inv.seller.address.countryCode.trimmed().isEmpty())
        r.fatal("BR-09", Tr::tr("The seller address has no country code (BT-40)."));
    if (inv.buyer.address.isEmpty())
        r.fatal("BR-10", Tr::tr("The buyer postal address (BG-8) is missing."));
    else if (inv.buyer.address.countryCode.trimmed().isEmpty())
        r.fatal("BR-11", Tr::tr("The buyer address has no country code (BT-55)."));
    if (!inv.payee.isEmpty() && inv.payee.name.trimmed().isEmpty())
        r.fatal("BR-17", Tr::tr("A payee (BG-10) is given but its name (BT-59) is missing."));
    const Party &rep = inv.taxRepresentative;
    if (!rep.isEmpty()) {
        if (rep.name.trimmed().isEmpty())
            r.fatal("BR-18",
                    Tr::tr("A seller tax representative (BG-11) is given but its name (BT-62) is missing."));
        if (rep.address.isEmpty())
            r.fatal("BR-19", Tr::tr("The seller tax representative has no postal address (BG-12)."));
        else if (rep.address.countryCode.trimmed().isEmpty())
            r.fatal("BR-20", Tr::tr("The seller tax representative address has no country code (BT-69)."));
        if (rep.vatId.trimmed().isEmpty())
            r.fatal("BR-56", Tr::tr("The seller tax representative has no VAT identifier (BT-63)."));
    }
    if (!inv.delivery.address.isEmpty() && inv.delivery.address.countryCode.trimmed().isEmpty())
        r.fatal("BR-57", Tr::tr("The deliver-to address (BG-15) has no country code (BT-80)."));
    if (!inv.seller.electronicAddress.isEmpty() && inv.seller.electronicAddress.scheme.trimmed().isEmpty())
        r.fatal("BR-62", Tr::tr("The seller electronic address (BT-34) \"%1\" has no scheme identifier.")
                             .arg(inv.seller.electronicAddress.id));
    if (!inv.buyer.electronicAddress.isEmpty() && inv.buyer.electronicAddress.scheme.trimmed().isEmpty())
        r.fatal("BR-63", Tr::tr("The buyer electronic address (BT-49) \"%1\" has no scheme identifier.")
                             .arg(inv.buyer.electronicAddress.id));
    if (inv.seller.identifiers.isEmpty() && inv.seller.legalRegistration.isEmpty() &&
        inv.seller.vatId.trimmed().isEmpty())
        r.fatal("BR-CO-26",
                Tr::tr("The seller needs an identifier (BT-29), a legal registration identifier (BT-30) "
                       "or a VAT identifier (BT-31)."));

    // BR-CO-09: VAT identifiers start with a country prefix.
    const struct
    {
        const Party *party;
        const char *term;
    } vatParties[] = {{&inv.seller, "BT-31"}, {&inv.buyer, "BT-48"}, {&inv.taxRepresentative, "BT-63"}};
    for (const auto &p : vatParties) {
        const QString vat = p.party->vatId.trimmed();
        if (!vat.isEmpty() && !identifiers::hasValidVatIdCountryPrefix(vat))
            r.fatal("BR-CO-09", Tr::tr("The VAT identifier %1 \"%2\" does not start with a country code "
                                       "(ISO 3166-1 alpha-2, or EL for Greece).")
                                    .arg(QLatin1String(p.term), vat));
    }
}

void checkAllowanceCharges(const Invoice &inv, Report &r)
{
    int index = 0;
    for (const AllowanceCharge &ac : inv.allowanceCharges) {
        ++index;
        const QString loc = ac.isCharge ? Tr::tr("document charge %1").arg(index)
                                        : Tr::tr("document allowance %1").arg(index);
        if (ac.vatCategory.trimmed().isEmpty()) {
            if (ac.isCharge)
                r.fatal("BR-37", Tr::tr("The document-level charge has no VAT category code (BT-102)."), loc);
            else
                r.fatal("BR-32", Tr::tr("The document-level allowance has no VAT category code (BT-95)."),
                        loc);
        }
        if (!hasReason(ac)) {
            if (ac.isCharge) {
                r.fatal("BR-38",
                        Tr::tr("The document-level charge has neither a reason (BT-104) nor a reason "
                               "code (BT-105)."),
                        loc);
                r.fatal("BR-CO-22",
                        Tr::tr("The document-level charge needs a reason text (BT-104) and/or a reason "
                               "code (BT-105)."),
                        loc);
            } else {
                r.fatal("BR-33",
                        Tr::tr("The document-level allowance has neither a reason (BT-97) nor a reason "
                               "code (BT-98)."),
                        loc);
                r.fatal("BR-CO-21",
                        Tr::tr("The document-level allowance needs a reason text (BT-97) and/or a "
                               "reason code (BT-98)."),
                        loc);
            }
        }
    }
}

void checkLines(const Invoice &inv, Report &r)
{
    if (inv.lines.isEmpty())
        r.fatal("BR-16", Tr::tr("The invoice has no invoice line (BG-25)."));
    for (const InvoiceLine &line : inv.lines) {
        const QString loc = lineLocation(line);
        if (line.id.trimmed().isEmpty())
            r.fatal("BR-21", Tr::tr("An invoice line has no line identifier (BT-126)."), loc);
        if (line.unitCode.trimmed().isEmpty())
            r.fatal("BR-23", Tr::tr("The invoiced quantity has no unit of measure code (BT-130)."), loc);
        if (line.itemName.trimmed().isEmpty())
            r.fatal("BR-25", Tr::tr("The item name (BT-153) is missing."), loc);
        if (line.netPrice.isNegative())
            r.fatal("BR-27",
                    Tr::tr("The item net price (BT-146) %1 is negative.").arg(line.netPrice.toString()), loc);
        if (line.grossPrice && line.grossPrice->isNegative())
            r.fatal("BR-28",
                    Tr::tr("The item gross price (BT-148) %1 is negative.").arg(line.grossPrice->toString()),
                    loc);
        if (line.period.start.isValid() && line.period.end.isValid() && line.period.end < line.period.start)
            r.fatal("BR-30",
                    Tr::tr("The line period end date (BT-135) %1 is before its start date (BT-134) %2.")
                        .arg(line.period.end.toString(Qt::ISODate), line.period.start.toString(Qt::ISODate)),
                    loc);
        if (!line.period.isEmpty() && line.period.start.isNull() && line.period.end.isNull())
            r.fatal("BR-CO-20",
                    Tr::tr("The line period (BG-26) has neither a start (BT-134) nor an end date (BT-135)."),
                    loc);
        if (line.vatCategory.trimmed().isEmpty())
            r.fatal("BR-CO-04", Tr::tr("The line has no item VAT category code (BT-151)."), loc);
        for (const AllowanceCharge &ac : line.allowanceCharges) {
            if (hasReason(ac))
                continue;
            if (ac.isCharge) {
                r.fatal("BR-44",
                        Tr::tr("A line charge has neither a reason (BT-144) nor a reason code (BT-145)."),
                        loc);
                r.fatal("BR-CO-24",
                        Tr::tr("A line charge needs a reason text (BT-144) and/or a reason code (BT-145)."),
                        loc);
            } else {
                r.fatal("BR-42",
                        Tr::tr("A line allowance has neither a reason (BT-139) nor a reason code (BT-140)."),
                        loc);
                r.fatal(
                    "BR-CO-23",
                    Tr::tr("A line allowance needs a reason text (BT-139) and/or a reason code (BT-140)."),
                    loc);
            }
        }
        if (!line.standardItemId.isEmpty() && line.standardItemId.scheme.trimmed().isEmpty())
            r.fatal("BR-64",
                    Tr::tr("The item standard identifier (BT-157) \"%1\" has no scheme identifier.")
                        .arg(line.standardItemId.id),
                    loc);
        for (const auto &c : line.classifications) {
            if (!c.code.isEmpty() && c.listId.trimmed().isEmpty())
                r.fatal(
                    "BR-65",
                    Tr::tr("The item classification (BT-158) \"%1\" has no scheme identifier.").arg(c.code),
                    loc);
        }
        for (const ItemAttribute &a : line.attributes) {
            if (a.name.trimmed().isEmpty() || a.value.trimmed().isEmpty())
                r.fatal("BR-54",
                        Tr::tr("An item attribute (BG-32) needs both a name (BT-160) and a value (BT-161); "
                               "found name \"%1\", value \"%2\".")
                            .arg(a.name, a.value),
                        loc);
        }
    }
}

void checkPayment(const Invoice &inv, const Validator::Options &options, Report &r)
{
    for (const PaymentMeans &pm : inv.paymentMeans) {
        const QString code = pm.typeCode.trimmed();
        if (code.isEmpty())
            r.fatal("BR-49", Tr::tr("The payment instructions (BG-16) have no payment means code (BT-81)."));
        for (const CreditTransfer &ct : pm.creditTransfers) {
            if (ct.accountId.trimmed().isEmpty())
                r.fatal("BR-50",
                        Tr::tr("A credit transfer (BG-17) has no payment account identifier (BT-84)."));
        }
        if (code == QLatin1String("30") || code == QLatin1String("58")) {
            bool hasAccount = false;
            for (const CreditTransfer &ct : pm.creditTransfers)
                hasAccount = hasAccount || !ct.accountId.trimmed().isEmpty();
            if (!hasAccount)
                r.fatal("BR-61",
                        Tr::tr("Payment means %1 (credit transfer) needs the payment account identifier "
                               "(BT-84).")
                            .arg(code));
        }
        // The UBL binding flags an unmasked card number as a warning, the CII binding as fatal.
        if (pm.hasCard() && pm.card.primaryAccountNumber.trimmed().size() > 10)
            r.add(
                "BR-51", options.syntax == Syntax::Cii,
                Tr::tr(
                    "The payment card number (BT-87) should be masked: at most the first 6 and last 4 digits "
                    "(found %1 characters).")
                    .arg(pm.card.primaryAccountNumber.trimmed().size()));
    }
}

void checkDocument(const Invoice &inv, Report &r)
{
    if (inv.customizationId.trimmed().isEmpty())
        r.fatal("BR-01", Tr::tr("The specification identifier (BT-24) is missing."));
    if (inv.number.trimmed().isEmpty())
        r.fatal("BR-02", Tr::tr("The invoice number (BT-1) is missing."));
    if (!inv.issueDate.isValid())
        r.fatal("BR-03", Tr::tr("The invoice issue date (BT-2) is missing."));
    if (inv.typeCode.trimmed().isEmpty())
        r.fatal("BR-04", Tr::tr("The invoice type code (BT-3) is missing."));
    if (inv.currency.trimmed().isEmpty())
        r.fatal("BR-05", Tr::tr("The invoice currency code (BT-5) is missing."));
    const Period &p = inv.invoicePeriod;
    if (p.start.isValid() && p.end.isValid() && p.end < p.start)
        r.fatal("BR-29",
                Tr::tr("The invoicing period end date (BT-74) %1 is before its start date (BT-73) %2.")
                    .arg(p.end.toString(Qt::ISODate), p.start.toString(Qt::ISODate)));
    for (const Attachment &a : inv.attachments) {
        if (a.id.trimmed().isEmpty())
            r.fatal("BR-52", Tr::tr("A supporting document (BG-24) has no reference (BT-122)."));
    }
    if (!inv.vatCurrency.trimmed().isEmpty() && !inv.totals.vatTotalAccounting)
        r.fatal("BR-53",
                Tr::tr("The VAT accounting currency (BT-6) is %1 but the VAT total in that currency (BT-111) "
                       "is missing.")
                    .arg(inv.vatCurrency));
    for (const PrecedingInvoice &pi : inv.precedingInvoices) {
        if (pi.number.trimmed().isEmpty())
            r.fatal("BR-55", Tr::tr("A preceding invoice reference (BG-3) has no invoice number (BT-25)."));
    }
    if (inv.taxPointDate.isValid() && !vatPointDateCode(inv).isEmpty())
        r.fatal("BR-CO-03",
                Tr::tr("Both a VAT point date (BT-7) %1 and a VAT point date code (BT-8) %2 are given; use "
                       "only one.")
                    .arg(inv.taxPointDate.toString(Qt::ISODate), vatPointDateCode(inv)));
    for (const VatBreakdown &b : inv.vatBreakdown) {
        if (b.category.trimmed().isEmpty())
            r.fatal("BR-47", Tr::tr("A VAT breakdown group (BG-23) has no VAT category code (BT-118)."),
                    breakdownLocation(b));
        else if (!b.rate && b.category.trimmed() != QLatin1String("O"))
            r.fatal("BR-48",
                    Tr::tr("The VAT breakdown for category %1 has no VAT rate (BT-119).").arg(b.category),
                    breakdownLocation(b));
    }
    if (inv.vatBreakdown.isEmpty())
        r.fatal("BR-CO-18", Tr::tr("The invoice has no VAT breakdown (BG-23)."));
    // BR-CO-25 (EN 16931 1.3.x, fatal): something to pay needs a due date or payment terms.
    if (inv.totals.payable > Decimal(0) && !inv.dueDate.isValid() && inv.paymentTerms.trimmed().isEmpty())
        r.fatal("BR-CO-25",
                Tr::tr("The amount due (BT-115) %1 is positive, so a payment due date (BT-9) or payment "
                       "terms (BT-20) are required.")
                    .arg(money(inv.totals.payable)));
}

} // namespace

void checkStructure(const Invoice &invoice, const Validator::Options &options, Report &report)
{
    checkDocument(invoice, report);
    checkParties(invoice, report);
    checkAllowanceCharges(invoice, report);
    checkLines(invoice, report);
    checkPayment(invoice, options, report);
}

void checkDecimals(const Invoice &inv, Report &r)
{
    // The official rules test the lexical value, so "10.000" fails although it equals 10; the
    // Decimal keeps the written scale, so scale() is the lexical fraction digit count.
    auto check = [&r](const char *rule, const char *term, const Decimal &d, const QString &loc) {
        if (d.scale() > 2)
            r.fatal(rule, Tr::tr("%1 %2 has more than 2 decimals.").arg(QLatin1String(term), d.toString()),
                    loc);
    };
    auto checkOpt = [&check](const char *rule, const char *term, const OptDecimal &d, const QString &loc) {
        if (d)
            check(rule, term, *d, loc);
    };
    for (const AllowanceCharge &ac : inv.allowanceCharges) {
        if (ac.isCharge) {
            check("BR-DEC-05", "BT-99", ac.amount, Tr::tr("document charge"));
            checkOpt("BR-DEC-06", "BT-100", ac.baseAmount, Tr::tr("document charge"));
        } else {
            check("BR-DEC-01", "BT-92", ac.amount, Tr::tr("document allowance"));
            checkOpt("BR-DEC-02", "BT-93", ac.baseAmount, Tr::tr("document allowance"));
        }
    }
    const DocumentTotals &t = inv.totals;
    check("BR-DEC-09", "BT-106", t.lineNetTotal, QString());
    checkOpt("BR-DEC-10", "BT-107", t.allowanceTotal, QString());
    checkOpt("BR-DEC-11", "BT-108", t.chargeTotal, QString());
    check("BR-DEC-12", "BT-109", t.taxExclusive, QString());
    checkOpt("BR-DEC-13", "BT-110", t.vatTotal, QString());
    check("BR-DEC-14", "BT-112", t.taxInclusive, QString());
    checkOpt("BR-DEC-15", "BT-111", t.vatTotalAccounting, QString());
    checkOpt("BR-DEC-16", "BT-113", t.prepaid, QString());
    checkOpt("BR-DEC-17", "BT-114", t.rounding, QString());
    check("BR-DEC-18", "BT-115", t.payable, QString());
    for (const VatBreakdown &b : inv.vatBreakdown) {
        check("BR-DEC-19", "BT-116", b.taxableAmount, breakdownLocation(b));
        check("BR-DEC-20", "BT-117", b.taxAmount, breakdownLocation(b));
    }
    for (const InvoiceLine &line : inv.lines) {
        const QString loc = lineLocation(line);
        check("BR-DEC-23", "BT-131", line.netAmount, loc);
        for (const AllowanceCharge &ac : line.allowanceCharges) {
            if (ac.isCharge) {
                check("BR-DEC-27", "BT-141", ac.amount, loc);
                checkOpt("BR-DEC-28", "BT-142", ac.baseAmount, loc);
            } else {
                check("BR-DEC-24", "BT-136", ac.amount, loc);
                checkOpt("BR-DEC-25", "BT-137", ac.baseAmount, loc);
            }
        }
    }
}

} // namespace einvoice::validation
