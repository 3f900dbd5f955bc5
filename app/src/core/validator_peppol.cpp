// Peppol BIS Billing 3.0 rules on the model: PEPPOL-EN16931-R*, -P*, -CL* and the identifier
// checks PEPPOL-COMMON-R040..R050. Not checked because they are about the XML and the model
// cannot hold the violation: R008 (empty elements), R043 (ChargeIndicator spelling), R044
// (price-level charge), R051 (per-amount currencyID), R080/R100/R101 (repeated references),
// F001 (date lexical form), R006 (CII only).

#include "codelists.h"
#include "identifiers.h"
#include "validator_internal.h"

#include <QRegularExpression>

namespace einvoice::validation {

namespace {

bool has(const QString &s)
{
    return !s.trimmed().isEmpty();
}

bool bothGerman(const Invoice &inv)
{
    return partyCountry(inv.seller) == QLatin1String("DE") && partyCountry(inv.buyer) == QLatin1String("DE");
}

/// u:slack of the Peppol schematron: |expected - value| <= slack.
bool withinSlack(const Decimal &value, const Decimal &expected, const Decimal &slack)
{
    return (value - expected).abs() <= slack;
}

void checkAllowanceCharge(const AllowanceCharge &ac, const QString &loc, Report &r)
{
    if (ac.percentage && !ac.baseAmount)
        r.fatal("PEPPOL-EN16931-R041",
                Tr::tr("The allowance/charge has a percentage %1 but no base amount.")
                    .arg(ac.percentage->toString()),
                loc);
    if (ac.baseAmount && !ac.percentage)
        r.fatal("PEPPOL-EN16931-R042",
                Tr::tr("The allowance/charge has a base amount %1 but no percentage.")
                    .arg(ac.baseAmount->toString()),
                loc);
    if (ac.baseAmount && ac.percentage) {
        const Decimal expected = (*ac.baseAmount * *ac.percentage).divided(Decimal(100), 4);
        if (!withinSlack(ac.amount, expected, Decimal::fromString(QStringLiteral("0.02"))))
            r.fatal("PEPPOL-EN16931-R040",
                    Tr::tr("The allowance/charge amount %1 should be %2 (= base amount %3 x %4 %).")
                        .arg(money(ac.amount), expected.rounded(2).toString(), ac.baseAmount->toString(),
                             ac.percentage->toString()),
                    loc);
    }
}

void checkLine(const Invoice &inv, const InvoiceLine &line, Report &r, const Validator::Options &options)
{
    const QString loc = lineLocation(line);
    for (const AllowanceCharge &ac : line.allowanceCharges)
        checkAllowanceCharge(ac, loc, r);

    const Period &ip = inv.invoicePeriod;
    if (line.period.start.isValid() && ip.start.isValid() && line.period.start < ip.start)
        r.fatal("PEPPOL-EN16931-R110",
                Tr::tr("The line period start (BT-134) %1 is before the invoicing period start "
                       "(BT-73) %2.")
                    .arg(line.period.start.toString(Qt::ISODate), ip.start.toString(Qt::ISODate)),
                loc);
    if (line.period.end.isValid() && ip.end.isValid() && line.period.end > ip.end)
        r.fatal("PEPPOL-EN16931-R111",
                Tr::tr("The line period end (BT-135) %1 is after the invoicing period end "
                       "(BT-74) %2.")
                    .arg(line.period.end.toString(Qt::ISODate), ip.end.toString(Qt::ISODate)),
                loc);

    if (line.baseQuantity && *line.baseQuantity <= Decimal(0))
        r.fatal("PEPPOL-EN16931-R121",
                Tr::tr("The price base quantity (BT-149) %1 must be greater than zero.")
                    .arg(line.baseQuantity->toString()),
                loc);
    if (has(line.baseQuantityUnit) && line.baseQuantityUnit.trimmed() != line.unitCode.trimmed())
        r.fatal("PEPPOL-EN16931-R130",
                Tr::tr("The base quantity unit (BT-150) \"%1\" differs from the invoiced quantity "
                       "unit (BT-130) \"%2\".")
                    .arg(line.baseQuantityUnit, line.unitCode),
                loc);

    // R120: BT-131 = BT-129 x (BT-146 / BT-149) + line charges - line allowances, slack 0.02.
    const Decimal baseQty =
        line.baseQuantity && *line.baseQuantity > Decimal(0) ? *line.baseQuantity : Decimal(1);
    Decimal charges, allowances;
    for (const AllowanceCharge &ac : line.allowanceCharges) {
        if (ac.isCharge)
            charges += ac.amount;
        else
            allowances += ac.amount;
    }
    const Decimal gross = (line.quantity * line.netPrice).divided(baseQty, 6);
    const Decimal expected = gross + charges - allowances;
    if (!withinSlack(line.netAmount, expected, Decimal::fromString(QStringLiteral("0.02"))))
        r.fatal("PEPPOL-EN16931-R120",
                Tr::tr("BT-131 line net amount %1 should be %2 (= quantity %3 x price %4 / base quantity %5 "
                       "+ charges "
                       "%6 - allowances %7).")
                    .arg(money(line.netAmount), expected.rounded(2).toString(), line.quantity.toString(),
                         line.netPrice.toString(), baseQty.toString(), money(charges), money(allowances)),
                loc);

    // R046 (UBL): with a gross price, net price = gross price - price discount.
    if (options.syntax == Syntax::Ubl && line.grossPrice && line.priceDiscount &&
        line.netPrice != *line.grossPrice - *line.priceDiscount)
        r.fatal("PEPPOL-EN16931-R046",
                Tr::tr("The item net price (BT-146) %1 should be %2 (= gross price BT-148 %3 - "
                       "price discount BT-147 %4).")
                    .arg(line.netPrice.toString(), (*line.grossPrice - *line.priceDiscount).toString(),
                         line.grossPrice->toString(), line.priceDiscount->toString()),
                loc);
}

} // namespace

void checkPeppol(const Invoice &inv, const Validator::Options &options, Report &r)
{
    const bool ubl = options.syntax != Syntax::Cii;
    const QString profile = inv.profileId.trimmed();
    if (profile.isEmpty())
        r.fatal("PEPPOL-EN16931-R001", Tr::tr("The business process (BT-23, ProfileID) is missing."));
    else {
        static const QRegularExpression profileRe(
            QStringLiteral("^urn:fdc:peppol\\.eu:2017:poacc:billing:[0-9]{2}:1\\.0$"));
        if (!profileRe.match(profile).hasMatch())
            r.fatal("PEPPOL-EN16931-R007", Tr::tr("The business process (BT-23) \"%1\" is not of the form "
                                                  "urn:fdc:peppol.eu:2017:poacc:billing:NN:1.0.")
                                               .arg(profile));
    }
    if (inv.notes.size() > 1 && !bothGerman(inv))
        r.fatal("PEPPOL-EN16931-R002",
                Tr::tr("At most one invoice note (BT-22) is allowed; found %1.").arg(inv.notes.size()));
    if (!has(inv.buyerReference) && !has(inv.orderReference))
        r.fatal("PEPPOL-EN16931-R003",
                Tr::tr("A buyer reference (BT-10) or a purchase order reference (BT-13) is "
                       "required."));
    if (!inv.customizationId.trimmed().startsWith(QLatin1String(kPeppolCustomizationId)))
        r.fatal("PEPPOL-EN16931-R004",
                Tr::tr("The specification identifier (BT-24) \"%1\" does not start with %2.")
                    .arg(inv.customizationId, QLatin1String(kPeppolCustomizationId)));
    if (has(inv.vatCurrency) && inv.vatCurrency.trimmed() == inv.currency.trimmed())
        r.fatal("PEPPOL-EN16931-R005",
                Tr::tr("The VAT accounting currency (BT-6) %1 must differ from the invoice "
                       "currency (BT-5).")
                    .arg(inv.vatCurrency));
    if (inv.buyer.electronicAddress.isEmpty())
        r.fatal("PEPPOL-EN16931-R010",
                Tr::tr("The buyer electronic address (BT-49, EndpointID) is missing."));
    if (inv.seller.electronicAddress.isEmpty())
        r.fatal("PEPPOL-EN16931-R020",
                Tr::tr("The seller electronic address (BT-34, EndpointID) is missing."));

    int index = 0;
    for (const AllowanceCharge &ac : inv.allowanceCharges) {
        ++index;
        checkAllowanceCharge(ac,
                             ac.isCharge ? Tr::tr("document charge %1").arg(index)
                                         : Tr::tr("document allowance %1").arg(index),
                             r);
    }

    // R053/R054/R055: the VAT totals in document and accounting currency. An absent BT-110 is
    // written as an explicit zero TaxTotal (CII lets category O documents omit it), so only a
    // missing breakdown makes the TaxTotal incomplete.
    if (inv.vatBreakdown.isEmpty())
        r.fatal("PEPPOL-EN16931-R053",
                Tr::tr("Exactly one VAT total (BT-110) with its VAT breakdown is required."));
    if (has(inv.vatCurrency) != inv.totals.vatTotalAccounting.has_value())
        r.fatal("PEPPOL-EN16931-R054", has(inv.vatCurrency)
                                           ? Tr::tr("The VAT accounting currency (BT-6) is given, so the VAT "
                                                    "total in that currency (BT-111) "
                                                    "is required.")
                                           : Tr::tr("A VAT total in accounting currency (BT-111) is given "
                                                    "without a VAT accounting currency "
                                                    "(BT-6)."));
    if (has(inv.vatCurrency) && inv.totals.vatTotal && inv.totals.vatTotalAccounting) {
        const int a = inv.totals.vatTotal->signum();
        const int b = inv.totals.vatTotalAccounting->signum();
        if (a * b < 0)
            r.fatal("PEPPOL-EN16931-R055",
                    Tr::tr("The VAT total %1 (BT-110) and the VAT total in accounting currency "
                           "%2 (BT-111) have different signs.")
                        .arg(money(*inv.totals.vatTotal), money(*inv.totals.vatTotalAccounting)));
    }

    for (const PaymentMeans &pm : inv.paymentMeans) {
        const QString code = pm.typeCode.trimmed();
        if ((code == QLatin1String("49") || code == QLatin1String("59")) &&
            !has(pm.directDebit.mandateReference))
            r.fatal("PEPPOL-EN16931-R061",
                    Tr::tr("Payment means %1 (direct debit) needs the mandate reference (BT-89).").arg(code));
    }

    for (const InvoiceLine &line : inv.lines)
        checkLine(inv, line, r, options);

    // Profile 01 type codes.
    const QString type = inv.typeCode.trimmed();
    if (isPeppolProfile01(inv) && !type.isEmpty()) {
        if (!inv.isCreditNote() && !codelists::isPeppolInvoiceTypeCode(type))
            r.fatal("PEPPOL-EN16931-P0100",
                    Tr::tr("The invoice type code (BT-3) \"%1\" is not allowed in Peppol billing profile 01.")
                        .arg(type));
        if (inv.isCreditNote() && ubl && !codelists::isPeppolCreditNoteTypeCode(type))
            r.fatal("PEPPOL-EN16931-P0101",
                    Tr::tr("The credit note type code (BT-3) \"%1\" is not allowed in Peppol "
                           "billing profile 01 (use 381, 396, 81, 83 or 532).")
                        .arg(type));
    }
    if (ubl && (type == QLatin1String("326") || type == QLatin1String("384")) && !bothGerman(inv))
        r.fatal("PEPPOL-EN16931-P0112",
                Tr::tr("Invoice type code %1 is only allowed when seller and buyer are both in Germany.")
                    .arg(type));

    // P0104..P0111 (UBL): an EU exemption code belongs to one category.
    if (ubl) {
        static const struct
        {
            const char *code;
            const char *category;
            const char *rule;
        } kExemptions[] = {
            {"VATEX-EU-G", "G", "PEPPOL-EN16931-P0104"},  {"VATEX-EU-O", "O", "PEPPOL-EN16931-P0105"},
            {"VATEX-EU-IC", "K", "PEPPOL-EN16931-P0106"}, {"VATEX-EU-AE", "AE", "PEPPOL-EN16931-P0107"},
            {"VATEX-EU-D", "E", "PEPPOL-EN16931-P0108"},  {"VATEX-EU-F", "E", "PEPPOL-EN16931-P0109"},
            {"VATEX-EU-I", "E", "PEPPOL-EN16931-P0110"},  {"VATEX-EU-J", "E", "PEPPOL-EN16931-P0111"}};
        for (const VatBreakdown &b : inv.vatBreakdown) {
            const QString code = b.exemptionReasonCode.trimmed().toUpper();
            for (const auto &e : kExemptions) {
                if (code == QLatin1String(e.code) && b.category.trimmed() != QLatin1String(e.category))
                    r.fatal(e.rule,
                            Tr::tr("Exemption reason code %1 requires VAT category %2; found %3.")
                                .arg(QLatin1String(e.code), QLatin1String(e.category), b.category),
                            breakdownLocation(b));
            }
        }
    }

    // Peppol code lists (CL001..CL008).
    for (const Attachment &a : inv.attachments) {
        if (a.hasContent() && has(a.mimeCode) && !codelists::isMimeCode(a.mimeCode.trimmed()))
            r.fatal("PEPPOL-EN16931-CL001",
                    Tr::tr("The attachment MIME code \"%1\" is not allowed.").arg(a.mimeCode));
    }
    auto checkReason = [&r](const AllowanceCharge &ac, const QString &loc) {
        const QString code = ac.reasonCode.trimmed();
        if (code.isEmpty())
            return;
        if (!ac.isCharge && !codelists::isAllowanceReasonCode(code))
            r.fatal("PEPPOL-EN16931-CL002",
                    Tr::tr("The allowance reason code \"%1\" is not in the UNCL 5189 subset.").arg(code),
                    loc);
        if (ac.isCharge && !codelists::isChargeReasonCode(code))
            r.fatal("PEPPOL-EN16931-CL003",
                    Tr::tr("The charge reason code \"%1\" is not in UNCL 7161.").arg(code), loc);
    };
    for (const AllowanceCharge &ac : inv.allowanceCharges)
        checkReason(ac, QString());
    for (const InvoiceLine &line : inv.lines) {
        for (const AllowanceCharge &ac : line.allowanceCharges)
            checkReason(ac, lineLocation(line));
    }
    const QString periodCode = inv.invoicePeriod.descriptionCode.trimmed();
    if (ubl && !periodCode.isEmpty() && !codelists::isVatPointDateCode(periodCode))
        r.fatal(
            "PEPPOL-EN16931-CL006",
            Tr::tr("The invoicing period description code \"%1\" is not one of 3, 35, 432.").arg(periodCode));
    for (const QString &c : {inv.currency.trimmed(), inv.vatCurrency.trimmed()}) {
        if (!c.isEmpty() && !codelists::isCurrency(c))
            r.fatal("PEPPOL-EN16931-CL007",
                    Tr::tr("The currency code \"%1\" is not an ISO 4217 code.").arg(c));
    }
    for (const Party *p : {&inv.seller, &inv.buyer}) {
        const QString scheme = p->electronicAddress.scheme.trimmed();
        if (!p->electronicAddress.isEmpty() && !scheme.isEmpty() && !codelists::isPeppolEas(scheme))
            r.fatal("PEPPOL-EN16931-CL008",
                    Tr::tr("The electronic address scheme \"%1\" (of \"%2\") is not in the "
                           "Peppol EAS list.")
                        .arg(scheme, p->electronicAddress.id));
    }
}

void checkPeppolIdentifiers(const Invoice &inv, Report &r)
{
    // Applies to EndpointID, PartyIdentification/ID and CompanyID with the scheme; not to the
    // delivery location or item identifiers (the official examples rely on that).
    QList<QPair<Identifier, QString>> ids;
    const struct
    {
        const Party *party;
        const char *name;
    } parties[] = {{&inv.seller, QT_TRANSLATE_NOOP("Validator", "seller")},
                   {&inv.buyer, QT_TRANSLATE_NOOP("Validator", "buyer")},
                   {&inv.payee, QT_TRANSLATE_NOOP("Validator", "payee")}};
    for (const auto &p : parties) {
        const QString who = Tr::tr(p.name);
        ids.append({p.party->electronicAddress, Tr::tr("%1 electronic address").arg(who)});
        for (const Identifier &id : p.party->identifiers)
            ids.append({id, Tr::tr("%1 identifier").arg(who)});
        ids.append({p.party->legalRegistration, Tr::tr("%1 legal registration identifier").arg(who)});
    }
    for (const auto &entry : ids) {
        const QString scheme = entry.first.scheme.trimmed();
        const QString value = entry.first.id.trimmed();
        if (value.isEmpty() || scheme.isEmpty())
            continue;
        if (scheme == QLatin1String("0088") &&
            !(identifiers::isDigits(value) && identifiers::gs1CheckDigitValid(value)))
            r.fatal("PEPPOL-COMMON-R040", Tr::tr("The %1 \"%2\" (scheme 0088) is not a valid GLN: wrong GS1 "
                                                 "check digit or not only digits.")
                                              .arg(entry.second, value));
        else if (scheme == QLatin1String("0192") && !identifiers::isValidNorwegianOrgNumber(value))
            r.fatal("PEPPOL-COMMON-R041",
                    Tr::tr("The %1 \"%2\" (scheme 0192) is not a valid Norwegian organisation "
                           "number (9 digits, mod 11 check digit).")
                        .arg(entry.second, value));
        else if (scheme == QLatin1String("0184") && !identifiers::isValidDanishCvrFormat(value))
            r.fatal("PEPPOL-COMMON-R042",
                    Tr::tr("The %1 \"%2\" (scheme 0184) is not a Danish CVR number (8 digits, "
                           "optionally prefixed DK).")
                        .arg(entry.second, value));
        else if (scheme == QLatin1String("0208") && !identifiers::isValidBelgianEnterpriseNumber(value))
            r.fatal("PEPPOL-COMMON-R043",
                    Tr::tr("The %1 \"%2\" (scheme 0208) is not a valid Belgian enterprise number "
                           "(10 digits, mod 97 check).")
                        .arg(entry.second, value));
        else if (scheme == QLatin1String("0007") && !identifiers::isValidSwedishOrgNumber(value))
            r.fatal("PEPPOL-COMMON-R049",
                    Tr::tr("The %1 \"%2\" (scheme 0007) is not a valid Swedish organisation "
                           "number (10 digits, Luhn check digit).")
                        .arg(entry.second, value));
        else if (scheme == QLatin1String("0151") && !identifiers::isValidAustralianAbn(value))
            r.fatal("PEPPOL-COMMON-R050",
                    Tr::tr("The %1 \"%2\" (scheme 0151) is not a valid Australian Business "
                           "Number.")
                        .arg(entry.second, value));
    }
}

} // namespace einvoice::validation
