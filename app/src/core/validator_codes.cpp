// Code-list rules BR-CL-*. BR-CL-08 (UNCL 4451 note subject codes) is not checked: the model
// keeps the subject code but the list is not reproduced here. BR-CL-03 ("every currencyID")
// is checked through BT-5/BT-6, the only currencies the model holds.

#include "codelists.h"
#include "validator_internal.h"

namespace einvoice::validation {

namespace {

bool has(const QString &s)
{
    return !s.trimmed().isEmpty();
}

void checkPartyCodes(const Party &party, const char *partyName, bool allowSepa, Report &r)
{
    for (const Identifier &id : party.identifiers) {
        const QString scheme = id.scheme.trimmed();
        if (scheme.isEmpty())
            continue;
        if (!codelists::isIcd(scheme) && !(allowSepa && scheme == QLatin1String("SEPA")))
            r.fatal("BR-CL-10",
                    Tr::tr("The %1 identifier \"%2\" uses scheme \"%3\", which is not an ISO 6523 ICD code.")
                        .arg(Tr::tr(partyName), id.id, scheme));
    }
    const QString legalScheme = party.legalRegistration.scheme.trimmed();
    if (!legalScheme.isEmpty() && !codelists::isIcd(legalScheme))
        r.fatal("BR-CL-11",
                Tr::tr("The %1 legal registration identifier \"%2\" uses scheme \"%3\", which is not an "
                       "ISO 6523 ICD code.")
                    .arg(Tr::tr(partyName), party.legalRegistration.id, legalScheme));
    const QString country = party.address.countryCode.trimmed();
    if (!country.isEmpty() && !codelists::isCountry(country))
        r.fatal("BR-CL-14", Tr::tr("The %1 country code \"%2\" is not an ISO 3166-1 alpha-2 code.")
                                .arg(Tr::tr(partyName), country));
    const QString eas = party.electronicAddress.scheme.trimmed();
    if (!party.electronicAddress.isEmpty() && !eas.isEmpty() && !codelists::isEas(eas))
        r.fatal("BR-CL-25", Tr::tr("The %1 electronic address scheme \"%2\" is not in the EAS code list.")
                                .arg(Tr::tr(partyName), eas));
}

void checkReasonCode(const AllowanceCharge &ac, const QString &loc, Report &r)
{
    const QString code = ac.reasonCode.trimmed();
    if (code.isEmpty())
        return;
    if (ac.isCharge && !codelists::isChargeReasonCode(code))
        r.fatal("BR-CL-20", Tr::tr("The charge reason code \"%1\" is not in UNCL 7161.").arg(code), loc);
    if (!ac.isCharge && !codelists::isAllowanceReasonCode(code))
        r.fatal("BR-CL-19",
                Tr::tr("The allowance reason code \"%1\" is not in the UNCL 5189 subset.").arg(code), loc);
}

} // namespace

void checkCodeLists(const Invoice &inv, const Validator::Options &options, Report &r)
{
    const QString type = inv.typeCode.trimmed();
    if (!type.isEmpty()) {
        const bool ok =
            inv.isCreditNote() ? codelists::isCreditNoteTypeCode(type) : codelists::isInvoiceTypeCode(type);
        if (!ok)
            r.fatal("BR-CL-01",
                    inv.isCreditNote()
                        ? Tr::tr("The credit note type code (BT-3) \"%1\" is not a UNTDID 1001 credit note "
                                 "code.")
                              .arg(type)
                        : Tr::tr("The invoice type code (BT-3) \"%1\" is not a UNTDID 1001 invoice code.")
                              .arg(type));
    }
    const QString currency = inv.currency.trimmed();
    if (!currency.isEmpty() && !codelists::isCurrency(currency)) {
        r.fatal("BR-CL-04",
                Tr::tr("The invoice currency code (BT-5) \"%1\" is not an ISO 4217 code.").arg(currency));
        // In UBL every amount carries BT-5 as its currencyID, so the attribute rule fails too.
        if (options.syntax == Syntax::Ubl)
            r.fatal(
                "BR-CL-03",
                Tr::tr("The amounts carry currency \"%1\", which is not an ISO 4217 code.").arg(currency));
    }
    const QString vatCurrency = inv.vatCurrency.trimmed();
    if (!vatCurrency.isEmpty() && !codelists::isCurrency(vatCurrency))
        r.fatal("BR-CL-05", Tr::tr("The VAT accounting currency code (BT-6) \"%1\" is not an ISO 4217 code.")
                                .arg(vatCurrency));
    const QString pointCode = inv.taxPointDateCode.isEmpty() ? inv.invoicePeriod.descriptionCode.trimmed()
                                                             : inv.taxPointDateCode.trimmed();
    if (!pointCode.isEmpty() && !codelists::isVatPointDateCode(pointCode))
        r.fatal("BR-CL-06",
                Tr::tr("The VAT point date code (BT-8) \"%1\" is not one of 3, 35, 432.").arg(pointCode));
    if (!inv.invoicedObject.isEmpty() && has(inv.invoicedObject.scheme) &&
        !codelists::isReferenceQualifier(inv.invoicedObject.scheme.trimmed()))
        r.fatal("BR-CL-07",
                Tr::tr("The invoiced object identifier (BT-18) scheme \"%1\" is not in UNTDID 1153.")
                    .arg(inv.invoicedObject.scheme));

    checkPartyCodes(inv.seller, QT_TRANSLATE_NOOP("Validator", "seller"), true, r);
    checkPartyCodes(inv.buyer, QT_TRANSLATE_NOOP("Validator", "buyer"), false, r);
    checkPartyCodes(inv.payee, QT_TRANSLATE_NOOP("Validator", "payee"), true, r);
    checkPartyCodes(inv.taxRepresentative, QT_TRANSLATE_NOOP("Validator", "tax representative"), false, r);
    const QString deliveryCountry = inv.delivery.address.countryCode.trimmed();
    if (!deliveryCountry.isEmpty() && !codelists::isCountry(deliveryCountry))
        r.fatal("BR-CL-14",
                Tr::tr("The deliver-to country code (BT-80) \"%1\" is not an ISO 3166-1 alpha-2 code.")
                    .arg(deliveryCountry));
    if (!inv.delivery.locationId.isEmpty() && has(inv.delivery.locationId.scheme) &&
        !codelists::isIcd(inv.delivery.locationId.scheme.trimmed()))
        r.fatal("BR-CL-26",
                Tr::tr("The deliver-to location identifier (BT-71) scheme \"%1\" is not an ISO 6523 ICD "
                       "code.")
                    .arg(inv.delivery.locationId.scheme));

    for (const PaymentMeans &pm : inv.paymentMeans) {
        const QString code = pm.typeCode.trimmed();
        if (!code.isEmpty() && !codelists::isPaymentMeansCode(code))
            r.fatal("BR-CL-16",
                    Tr::tr("The payment means code (BT-81) \"%1\" is not in UNCL 4461.").arg(code));
    }

    int index = 0;
    for (const AllowanceCharge &ac : inv.allowanceCharges) {
        ++index;
        const QString loc = ac.isCharge ? Tr::tr("document charge %1").arg(index)
                                        : Tr::tr("document allowance %1").arg(index);
        const QString cat = ac.vatCategory.trimmed();
        if (!cat.isEmpty() && !codelists::isVatCategory(cat))
            r.fatal("BR-CL-17",
                    Tr::tr("The VAT category code \"%1\" is not in the UNCL 5305 subset.").arg(cat), loc);
        checkReasonCode(ac, loc, r);
    }
    for (const VatBreakdown &b : inv.vatBreakdown) {
        const QString cat = b.category.trimmed();
        if (!cat.isEmpty() && !codelists::isVatCategory(cat))
            r.fatal("BR-CL-17",
                    Tr::tr("The VAT category code (BT-118) \"%1\" is not in the UNCL 5305 subset.").arg(cat),
                    breakdownLocation(b));
        const QString vatex = b.exemptionReasonCode.trimmed();
        if (!vatex.isEmpty() && !codelists::isVatexCode(vatex))
            r.fatal(
                "BR-CL-22",
                Tr::tr("The VAT exemption reason code (BT-121) \"%1\" is not in the VATEX list.").arg(vatex),
                breakdownLocation(b));
    }

    for (const Attachment &a : inv.attachments) {
        if (a.hasContent() && has(a.mimeCode) && !codelists::isMimeCode(a.mimeCode.trimmed()))
            r.fatal("BR-CL-24",
                    Tr::tr("The attachment \"%1\" has MIME code \"%2\"; allowed are PDF, PNG, JPEG, CSV, "
                           "XLSX and ODS.")
                        .arg(a.filename.isEmpty() ? a.id : a.filename, a.mimeCode));
    }

    for (const InvoiceLine &line : inv.lines) {
        const QString loc = lineLocation(line);
        const QString cat = line.vatCategory.trimmed();
        if (!cat.isEmpty() && !codelists::isVatCategory(cat))
            r.fatal(
                "BR-CL-18",
                Tr::tr("The item VAT category code (BT-151) \"%1\" is not in the UNCL 5305 subset.").arg(cat),
                loc);
        const QString unit = line.unitCode.trimmed();
        if (!unit.isEmpty() && !codelists::isUnitCode(unit))
            r.fatal("BR-CL-23",
                    Tr::tr("The unit of measure code (BT-130) \"%1\" is not in UN/ECE Recommendation 20/21.")
                        .arg(unit),
                    loc);
        const QString baseUnit = line.baseQuantityUnit.trimmed();
        if (!baseUnit.isEmpty() && !codelists::isUnitCode(baseUnit))
            r.fatal("BR-CL-23",
                    Tr::tr("The base quantity unit code (BT-150) \"%1\" is not in UN/ECE Recommendation "
                           "20/21.")
                        .arg(baseUnit),
                    loc);
        if (has(line.originCountry) && !codelists::isCountry(line.originCountry.trimmed()))
            r.fatal("BR-CL-15",
                    Tr::tr("The item country of origin (BT-159) \"%1\" is not an ISO 3166-1 alpha-2 code.")
                        .arg(line.originCountry),
                    loc);
        if (!line.standardItemId.isEmpty() && has(line.standardItemId.scheme) &&
            !codelists::isIcd(line.standardItemId.scheme.trimmed()))
            r.fatal("BR-CL-21",
                    Tr::tr("The item standard identifier (BT-157) scheme \"%1\" is not an ISO 6523 ICD "
                           "code.")
                        .arg(line.standardItemId.scheme),
                    loc);
        for (const auto &c : line.classifications) {
            if (has(c.listId) && !codelists::isItemClassificationList(c.listId.trimmed()))
                r.fatal("BR-CL-13",
                        Tr::tr("The item classification (BT-158) scheme \"%1\" is not in UNTDID 7143.")
                            .arg(c.listId),
                        loc);
        }
        if (!line.objectId.isEmpty() && has(line.objectId.scheme) &&
            !codelists::isReferenceQualifier(line.objectId.scheme.trimmed()))
            r.fatal("BR-CL-07",
                    Tr::tr("The invoiced object identifier (BT-128) scheme \"%1\" is not in UNTDID 1153.")
                        .arg(line.objectId.scheme),
                    loc);
        for (const AllowanceCharge &ac : line.allowanceCharges)
            checkReasonCode(ac, loc, r);
    }
}

} // namespace einvoice::validation
